/**
 * .html / .htm exports (网页导出: Word "save as web page", tables bureaus publish on their sites)
 * → Block stream. The charset comes from a BOM, then `<meta charset>` / `http-equiv Content-Type`,
 * then strict UTF-8, then GB18030 (gb2312 and gbk are read as GB18030, their superset).
 *
 * htmlparser2's tokenizer feeds a small tree of only what html-walk.ts reads: block elements,
 * tables, `<br>`, checkboxes and text (inline elements such as span/font/b/o:p are transparent; their
 * text joins the parent; script/style/head and the like are dropped while parsing). parse5 (cheerio's
 * default) built a full DOM: 20 MiB of table took 2.5 GB and over a minute, and 100,000 nested
 * `<div>`s never finished. Work is now linear in the page and memory a small multiple of its text;
 * nesting deeper than MAX_HTML_DEPTH is refused while parsing.
 *
 * Browser-safe (htmlparser2, TextDecoder).
 */
import { Parser } from 'htmlparser2';
import type { TextEncoding } from '../ast/types.js';
import { type BlockStream, SourceError } from './blocks.js';
import { DocxBlockBuilder } from './docx/model.js';
import { HTML_BLOCK_TAGS, HTML_SKIP_TAGS, HtmlWalker, type HtmlNode } from './html-walk.js';

/** Deepest element nesting read (网页元素嵌套层数上限); Word's exports stay below 30. */
export const MAX_HTML_DEPTH = 500;

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

/** Elements the walker looks at; every other element is transparent. */
const KEPT_ELEMENTS = new Set([...HTML_BLOCK_TAGS, 'table', 'br', 'input']);
const KEPT_ATTRIBUTES = ['colspan', 'rowspan', 'height', 'type', 'checked', 'id'];
/** Elements whose own text the walker skips: it reads only their rows and cells. */
const TABLE_STRUCTURE = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

function tooDeep(): SourceError {
  return new SourceError(
    'corrupt-html',
    `网页结构异常：元素嵌套超过 ${MAX_HTML_DEPTH} 层，无法读取；请在 Word 或浏览器中打开后另存为 .docx 再检查`,
    `The web page nests elements more than ${MAX_HTML_DEPTH} levels deep; open it in Word or a browser, save it as .docx and check it again`,
  );
}

/** The nearest distinct content nodes on the stack of open elements, innermost first (up to three). */
function containers(open: HtmlNode[]): HtmlNode[] {
  const found: HtmlNode[] = [];
  for (let i = open.length - 1; i >= 0 && found.length < 3; i--) {
    if (found[found.length - 1] !== open[i]) found.push(open[i]);
  }
  return found;
}

const TABLE_SECTIONS = new Set(['thead', 'tbody', 'tfoot']);

/**
 * Whether `[node, outer, outermost]` is a part the walker reads only through its table — the
 * table itself, a thead/tbody/tfoot of a table, or a tr of either — and not as a block of the
 * page (a tr or tbody that strays outside a table is read like a div).
 */
function isTablePart([node, outer, outermost]: (HtmlNode | undefined)[]): boolean {
  const name = node?.name;
  if (name === 'table') return true;
  if (name !== undefined && TABLE_SECTIONS.has(name)) return outer?.name === 'table';
  if (name !== 'tr') return false;
  if (outer?.name === 'table') return true;
  return outer?.name !== undefined && TABLE_SECTIONS.has(outer.name) && outermost?.name === 'table';
}

/** Whether the innermost open content node is a table's row, whose cells the walker reads. */
function isTableRow(open: HtmlNode[]): boolean {
  const found = containers(open);
  return found[0]?.name === 'tr' && isTablePart(found);
}

/**
 * Parses HTML into the walker's tree. Counts: `elements` opened, `nodes` kept (both linear in the
 * input; the reliability tests read them). A table's cells are read as they close and their
 * elements let go, and the text between a table's rows and cells is not kept, so a page that is one
 * long table is not held element by element (20 MiB: 233 → 96 MiB of tree); `compact: false` keeps
 * the whole tree, for the tests that compare the two.
 */
export function htmlTree(html: string, { compact = true }: { compact?: boolean } = {}): { nodes: HtmlNode[]; elements: number; kept: number } {
  const root: HtmlNode = { type: 'root', children: [] };
  // Per open element, the node its content goes into (itself if kept, else the enclosing one).
  const parents: HtmlNode[] = [];
  let parent = root;
  let dropping = 0; // depth inside script/style/head …
  let elements = 0;
  let kept = 0;
  const cells = new HtmlWalker('html', new DocxBlockBuilder());
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        elements++;
        if (parents.length >= MAX_HTML_DEPTH) throw tooDeep();
        if (dropping > 0 || HTML_SKIP_TAGS.has(name)) dropping++;
        else if (KEPT_ELEMENTS.has(name)) {
          let a: Record<string, string> | undefined;
          for (const k of KEPT_ATTRIBUTES) if (attribs[k] !== undefined) (a ??= {})[k] = attribs[k];
          const node: HtmlNode = { type: 'tag', name, attribs: a, children: [] };
          kept++;
          parent.children!.push(node);
          parent = node;
        }
        parents.push(parent);
      },
      ontext(data) {
        if (dropping > 0) return;
        // Text straight inside table/thead/tbody/tfoot/tr is never read (the walker takes only their
        // cells, as a browser does): on a long table it is mostly the whitespace between tags.
        if (compact && parent.name !== undefined && TABLE_STRUCTURE.has(parent.name) && isTablePart(containers(parents))) return;
        const siblings = parent.children!;
        const last = siblings[siblings.length - 1];
        if (last !== undefined && last.type === 'text') last.data += data;
        else {
          kept++;
          siblings.push({ type: 'text', data });
        }
      },
      onclosetag(name) {
        const closed = parents.pop();
        if (closed === undefined) return;
        // A cell is read as it closes and its elements let go (what the walker would read of it later).
        if (compact && (name === 'td' || name === 'th') && closed.name === name && dropping === 0 && closed.children !== undefined && isTableRow(parents)) {
          closed.cellText = cells.cellText(closed);
          closed.contentCount = closed.children.length;
          closed.children = undefined;
        }
        if (dropping > 0) dropping--;
        parent = parents.length > 0 ? parents[parents.length - 1] : root;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { nodes: root.children!, elements, kept };
}

/** Reads already-decoded HTML. */
export function readHtmlString(html: string, encoding: TextEncoding | null = 'utf-8'): BlockStream {
  const { nodes } = htmlTree(html);
  const builder = new DocxBlockBuilder();
  new HtmlWalker('html', builder).walk(nodes);
  return builder.finish('html', encoding);
}
