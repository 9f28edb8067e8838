/**
 * Format sniffing (格式识别): the format is decided by the bytes, never by the file name alone.
 * ZIP magic → .docx or .xlsx (told apart in index.ts by the ZIP directory); OLE2 magic → .doc, an
 * encrypted .docx/.xlsx or an .xls (told apart in index.ts by the compound file's directory); HTML markup at the start → .html; RTF and PDF are recognised so
 * they can be refused clearly; anything else is text (text.ts sniffs its encoding).
 *
 * Browser-safe: no Node-only imports.
 */
import type { SourceFormat } from '../ast/types.js';
import { isOle2 } from './cfb.js';
import { isZip } from './zip-guard.js';

export type SniffedKind = 'zip' | 'ole2' | 'html' | 'rtf' | 'pdf' | 'mht' | 'word-xml' | 'excel-xml' | 'text';

/** Decodes the first bytes for a look at markup, whatever the (ASCII-compatible or UTF-16) encoding. */
function headText(bytes: Uint8Array, max = 2048): string {
  const head = bytes.subarray(0, max);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head.subarray(2));
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  return new TextDecoder('latin1').decode(head.subarray(start));
}

const HTML_START = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<table[\s>]|<meta[\s>]|<title[\s>]|<style[\s>])/i;

export function sniff(bytes: Uint8Array): SniffedKind {
  if (isZip(bytes)) return 'zip';
  if (isOle2(bytes)) return 'ole2';
  const head = headText(bytes);
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('{\\rtf')) return 'rtf';
  // Word 2003 XML / Flat OPC (one XML file holding the whole document) and single-file web pages.
  if (/^\s*<\?xml[^>]*>\s*(?:<\?mso-application[^>]*Word\.Document|<w:wordDocument\b|<pkg:package\b)/i.test(head)) return 'word-xml';
  // Excel 2003 XML (XML 电子表格): one XML file, which Excel saves as .xml or .xls.
  if (/^\s*<\?xml[^>]*>\s*(?:<\?mso-application[^>]*Excel\.Sheet|<(?:ss:)?Workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet)/i.test(head)) return 'excel-xml';
  if (/^MIME-Version:\s*1\.0/i.test(head.replace(/^\s+/, ''))) return 'mht';
  if (HTML_START.test(head.replace(/^[\s\u00a0]+/, ''))) return 'html';
  return 'text';
}

/** The format a file name's extension promises, or null when the extension says nothing. */
export function formatFromExtension(filePath: string): SourceFormat | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(filePath);
  if (!m) return null;
  switch (m[1].toLowerCase()) {
    case 'docx':
    case 'docm':
    case 'dotx':
    case 'dotm':
      return 'docx';
    case 'doc':
    case 'dot':
      return 'doc';
    case 'html':
    case 'htm':
    case 'xhtml':
      return 'html';
    case 'txt':
    case 'text':
      return 'text';
    case 'xlsx':
    case 'xlsm':
    case 'xltx':
    case 'xltm':
      return 'xlsx';
    default:
      return null;
  }
}

/** How each format is named to a user. */
export const FORMAT_NAMES: Record<SourceFormat, { zh: string; en: string }> = {
  docx: { zh: 'Word 文档（.docx）', en: 'a Word document (.docx)' },
  doc: { zh: 'Word 97–2003 文档（.doc）', en: 'a Word 97–2003 document (.doc)' },
  html: { zh: '网页（.html）', en: 'a web page (.html)' },
  text: { zh: '纯文本', en: 'plain text' },
  xlsx: { zh: 'Excel 工作簿（.xlsx）', en: 'an Excel workbook (.xlsx)' },
};
