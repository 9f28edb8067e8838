/**
 * Stands in, in the browser bundle, for the readers and formats that need Node (scripts/bundle-browser.mjs
 * swaps it in for src/sources/doc.ts, src/sources/docx/mammoth.ts and src/formatters/xlsx.ts): each
 * refuses with one line saying what to do instead.
 */
import { SourceError } from '../sources/blocks.js';

export async function readDoc(): Promise<never> {
  throw new SourceError(
    'doc-needs-server',
    '浏览器内无法读取 Word 97–2003（.doc）文件：请打开“发送到服务器检查”，或在 Word 中另存为 .docx 后再检查',
    'A Word 97–2003 (.doc) file cannot be read in the browser: turn on "send to the server", or save it as .docx in Word and check it again',
  );
}

export async function readDocxMammoth(): Promise<never> {
  throw new SourceError(
    'mammoth-needs-node',
    '浏览器内只提供默认的 .docx 读取器；mammoth 参考读取器请在命令行使用',
    'Only the default .docx reader runs in the browser; use the mammoth reference reader from the command line',
  );
}

export async function formatXlsx(): Promise<never> {
  throw new Error('xlsx 报告由服务器生成（打开“发送到服务器检查”）；the xlsx report is produced by the service');
}
