/**
 * `readSource`: bytes of any supported file → Block stream. The format is sniffed from the content;
 * a file whose extension says otherwise still reads, with an info note (`format-mismatch`).
 * Anything unreadable throws `SourceError` with a one-line Chinese message and an English one.
 *
 * Browser-safe for .docx, .xlsx, .html and text; the mammoth reader and the .doc reader are Node-only
 * edge files loaded on demand. The .xlsx reader (xlsx/) is loaded on demand too (numfmt is not
 * compiled for a run without workbooks).
 */
import type { SourceFormat } from '../ast/types.js';
import { type BlockStream, DEFAULT_MAX_FILE_SIZE, SourceError } from './blocks.js';
import { classifyCompound, readCompoundFile } from './cfb.js';
import { readDocxStream } from './docx/stream.js';
import { FORMAT_NAMES, formatFromExtension, sniff } from './sniff.js';
import { readText } from './text.js';
import { DEFAULT_ZIP_LIMITS, MiB, type ZipEntry, type ZipLimits, encryptedError, readZipDirectory } from './zip-guard.js';

export interface ReadSourceOptions {
  /** Used for the extension check and in messages; the format is sniffed from the bytes. */
  filePath: string;
  /** .docx reader: `stream` (default, fast) or `mammoth` (the reference reader). */
  docxReader?: 'stream' | 'mammoth';
  /** Largest file accepted, in bytes. Default DEFAULT_MAX_FILE_SIZE (64 MiB). */
  maxFileSize?: number;
  /** Largest total inflated size of a .docx, in bytes. Default 256 MiB. */
  maxInflatedSize?: number;
  /** Largest inflated size of word/document.xml, in bytes. Default 64 MiB. */
  maxEntrySize?: number;
  /** Largest compression ratio of one .docx entry of 1 MiB or more. Default 200. */
  maxCompressionRatio?: number;
}

export { DEFAULT_MAX_FILE_SIZE } from './blocks.js';

export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-guard.js';

function limitsOf(o: ReadSourceOptions): ZipLimits {
  return {
    maxEntrySize: o.maxEntrySize ?? DEFAULT_ZIP_LIMITS.maxEntrySize,
    maxInflatedSize: o.maxInflatedSize ?? DEFAULT_ZIP_LIMITS.maxInflatedSize,
    maxCompressionRatio: o.maxCompressionRatio ?? DEFAULT_ZIP_LIMITS.maxCompressionRatio,
  };
}

function emptyFile(): SourceError {
  return new SourceError('empty-file', '文件为空：没有可读取的内容，请确认导出是否完整', 'The file is empty; check that the export is complete');
}

/** Reads any supported file into the Block stream. */
export async function readSource(bytes: Uint8Array, options: ReadSourceOptions): Promise<BlockStream> {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (bytes.length === 0) throw emptyFile();
  if (bytes.length > maxFileSize) {
    throw new SourceError(
      'file-too-large',
      `文件过大：${(bytes.length / MiB).toFixed(1)} MiB，超过上限 ${(maxFileSize / MiB).toFixed(1)} MiB；请确认文件无误，或调高 --max-file-size`,
      `The file is too large: ${(bytes.length / MiB).toFixed(1)} MiB, limit ${(maxFileSize / MiB).toFixed(1)} MiB; check the file or raise --max-file-size`,
    );
  }
  const limits = limitsOf(options);
  let stream: BlockStream;
  switch (sniff(bytes)) {
    case 'zip': {
      // A workbook (xl/workbook.xml) whatever its name; a damaged ZIP is worded for Excel when named so.
      let directory: ZipEntry[] | null = null;
      try {
        directory = readZipDirectory(bytes);
      } catch {
        // the reader below reports the damage
      }
      const namedXlsx = formatFromExtension(options.filePath) === 'xlsx';
      const workbook = directory
        ? directory.some((e) => /^xl\/workbook\d*\.xml$/i.test(e.name)) || (namedXlsx && !directory.some((e) => e.name === 'word/document.xml' || e.name === 'xl/workbook.bin'))
        : namedXlsx;
      if (workbook) {
        const { readXlsx } = await import('./xlsx/index.js');
        stream = readXlsx(bytes, limits, directory ?? undefined);
      } else if (directory?.some((e) => /^xl\/workbook\.bin$/i.test(e.name))) {
        throw new SourceError(
          'xlsb-not-supported',
          '文件是 Excel 二进制工作簿（.xlsb），暂不支持；请在 Excel 中另存为 .xlsx 后再检查',
          'The file is an Excel binary workbook (.xlsb), which is not supported; save it as .xlsx in Excel and check it again',
        );
      } else if (options.docxReader === 'mammoth') {
        const { readDocxMammoth } = await import('./docx/mammoth.js');
        stream = await readDocxMammoth(bytes, limits);
      } else {
        stream = readDocxStream(bytes, limits);
      }
      break;
    }
    case 'ole2': {
      const kind = classifyCompound(bytes);
      if (kind === 'encrypted-ooxml' && isExcelName(options.filePath)) {
        const { encryptedWorkbook } = await import('./xlsx/index.js');
        throw encryptedWorkbook();
      }
      if (kind === 'encrypted-ooxml' || kind === 'encrypted-doc') throw encryptedError();
      if (kind === 'other' && readCompoundFile(bytes).entries.some((e) => e.type === 2 && (e.name === 'Workbook' || e.name === 'Book'))) {
        throw legacyWorkbook(options.filePath);
      }
      if (kind === 'other') {
        throw new SourceError(
          'not-a-word-document',
          '文件不是 Word 文档：这是其他 Office 复合文档（如 PowerPoint 97–2003 的 .ppt），请把绩效目标表另存为 .docx 后再检查',
          'The file is not a Word document but another Office compound file (such as a .ppt); save the table as .docx and check it again',
        );
      }
      const { readDoc } = await import('./doc.js');
      stream = await readDoc(bytes);
      break;
    }
    case 'html': {
      const { readHtml } = await import('./html.js');
      stream = readHtml(bytes);
      break;
    }
    case 'rtf':
      throw new SourceError(
        'rtf-not-supported',
        '文件是 RTF 格式，暂不支持；请在 Word 中另存为 .docx 后再检查',
        'The file is RTF, which is not supported; save it as .docx in Word and check it again',
      );
    case 'mht':
      throw new SourceError(
        'mht-not-supported',
        '文件是单个文件网页（.mht/.mhtml），暂不支持；请在 Word 中打开后另存为 .docx 再检查',
        'The file is a single-file web page (.mht/.mhtml), which is not supported; open it in Word, save it as .docx and check it again',
      );
    case 'excel-xml':
      throw new SourceError(
        'excel-xml-not-supported',
        '文件是 Excel 2003 XML 表格，暂不支持；请在 Excel 中另存为 .xlsx 后再检查',
        'The file is an Excel 2003 XML spreadsheet, which is not supported; save it as .xlsx in Excel and check it again',
      );
    case 'word-xml':
      throw new SourceError(
        'word-xml-not-supported',
        '文件是 Word XML 格式（Word 2003 XML 或单文件 XML 文档），暂不支持；请在 Word 中另存为 .docx 再检查',
        'The file is Word XML (Word 2003 XML or a flat XML document), which is not supported; save it as .docx in Word and check it again',
      );
    case 'pdf':
      throw new SourceError(
        'pdf-not-supported',
        '文件是 PDF，无法可靠读取表格；请提供 Word（.docx/.doc）或文本导出',
        'The file is a PDF, whose tables cannot be read reliably; provide the Word (.docx/.doc) file or a text export',
      );
    default:
      if (isBlank(bytes)) throw emptyFile();
      stream = readText(bytes);
  }
  const promised = formatFromExtension(options.filePath);
  if (promised !== null && promised !== stream.info.format) stream.notes.push(formatMismatch(promised, stream.info.format));
  return stream;
}

/** A name Excel or WPS Spreadsheets gives its files (.xlsx, .xlsm, .xls, .et …). */
function isExcelName(filePath: string): boolean {
  return formatFromExtension(filePath) === 'xlsx' || /\.(xls|xlt|et|ett)$/i.test(filePath);
}

/**
 * An Excel 97–2003 workbook (.xls, BIFF in a compound file's Workbook/Book stream) or a WPS
 * Spreadsheets .et, which is the same kind of compound file: one line saying to save it as .xlsx.
 */
function legacyWorkbook(filePath: string): SourceError {
  return /\.(et|ett)$/i.test(filePath)
    ? new SourceError(
        'et-not-supported',
        '文件是 WPS 表格（.et）格式，暂不支持；请在 WPS 表格中另存为 .xlsx（Excel 工作簿）后再检查',
        'The file is a WPS Spreadsheets (.et) file, which is not supported; save it as .xlsx (Excel workbook) in WPS and check it again',
      )
    : new SourceError(
        'xls-not-supported',
        '文件是 Excel 97–2003 工作簿（.xls），暂不支持；请在 Excel 或 WPS 中另存为 .xlsx 后再检查',
        'The file is an Excel 97–2003 workbook (.xls), which is not supported; save it as .xlsx in Excel or WPS and check it again',
      );
}

/** Only a BOM and whitespace. */
function isBlank(bytes: Uint8Array): boolean {
  if (bytes.length > 4096) return false;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : utf16 ? 2 : 0;
  for (; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && !(utf16 && b === 0x00)) return false;
  }
  return true;
}

function formatMismatch(promised: SourceFormat, actual: SourceFormat): { code: string; severity: 'info'; message: string; messageEn: string } {
  const p = FORMAT_NAMES[promised];
  const a = FORMAT_NAMES[actual];
  return {
    code: 'format-mismatch',
    severity: 'info',
    message: `文件扩展名表明是${p.zh}，但内容是${a.zh}；已按${a.zh}读取，建议改正扩展名`,
    messageEn: `The file name says ${p.en} but the content is ${a.en}; it was read as ${a.en} — consider renaming it`,
  };
}
