/**
 * .html / .htm exports (网页导出: Word "save as web page", tables bureaus publish on their sites)
 * → Block stream. The charset comes from a BOM, then `<meta charset>` / `http-equiv Content-Type`,
 * then strict UTF-8, then GB18030 (gb2312 and gbk are read as GB18030, their superset). cheerio
 * (parse5) parses; html-walk.ts turns tables into the same merged-cell grid the Word readers give.
 *
 * Browser-safe (cheerio's browser build, TextDecoder).
 */
import { load } from 'cheerio';
import type { TextEncoding } from '../ast/types.js';
import { type BlockStream, SourceError } from './blocks.js';
import { DocxBlockBuilder } from './docx/model.js';
import { HtmlWalker, type HtmlNode } from './html-walk.js';

export interface DecodedHtml {
  text: string;
  encoding: TextEncoding | null;
  /** The charset label as declared or detected. */
  charset: string;
}

const GB_LABELS = /^(gb2312|gbk|gb18030|x-gbk|cp936|ms936|windows-936|csgb2312|chinese|iso-ir-58|euc-cn)$/i;

/** The charset a page declares in its first 4 KiB, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  return meta ? meta[1].toLowerCase() : null;
}

/** Decodes an HTML file's bytes. */
export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom', charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', charset: 'utf-16be' };
  const declared = declaredCharset(bytes);
  if (declared && GB_LABELS.test(declared))
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', charset: declared };
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return { text: new TextDecoder(declared).decode(bytes), encoding: null, charset: declared };
    } catch {
      // Unknown label: fall through to detection.
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', charset: 'gb18030' };
  }
}

/** Reads an HTML file into the Block stream. */
export function readHtml(bytes: Uint8Array): BlockStream {
  const { text, encoding } = decodeHtml(bytes);
  return readHtmlString(text, encoding);
}

/** Reads already-decoded HTML. */
export function readHtmlString(html: string, encoding: TextEncoding | null = 'utf-8'): BlockStream {
  const $ = load(html);
  const builder = new DocxBlockBuilder();
  const body = $('body')[0] as unknown as HtmlNode | undefined;
  const root = body ?? ($.root()[0] as unknown as HtmlNode);
  try {
    new HtmlWalker('html', builder).walk(root.children ?? []);
  } catch (err) {
    // Only absurdly deep nesting (tens of thousands of levels) overflows the walker.
    if (err instanceof RangeError) {
      throw new SourceError(
        'corrupt-html',
        '网页结构异常：元素嵌套过深，无法读取；请在 Word 或浏览器中打开后另存为 .docx 再检查',
        'The web page is nested too deeply to read; open it in Word or a browser, save it as .docx and check it again',
      );
    }
    throw err;
  }
  return builder.finish('html', encoding);
}
