/**
 * Walks a parsed HTML tree into Blocks (html.ts's small tree for web pages, cheerio's for mammoth's
 * HTML; the recursion is as deep as the page, which html.ts bounds by MAX_HTML_DEPTH). Two modes:
 * - `mammoth`: the HTML mammoth writes for a .docx. Its structure is exact — one p/h1–h6/li per
 *   Word paragraph (empty ones kept), td/th per cell — and whitespace is text, kept verbatim.
 * - `html`: a web page a bureau published. Whitespace is collapsed as a browser does, `<br>` and
 *   block elements end lines, blank paragraphs are dropped, and text outside tables becomes
 *   paragraphs.
 * Tables become the same grid as the Word readers produce (docx/model.ts `htmlGrid`).
 *
 * Browser-safe: no Node-only imports; nodes are typed structurally so no parser is imported here.
 */
import { SourceError } from './blocks.js';
import {
  CHECKBOX_CHECKED,
  CHECKBOX_UNCHECKED,
  type DocxBlockBuilder,
  type GridRow,
  type HtmlCellDraft,
  GRID_PLACEHOLDER,
  flattenNestedTable,
  htmlGrid,
} from './docx/model.js';

/** The parts of a domhandler node the walker reads. */
export interface HtmlNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: HtmlNode[];
  data?: string;
  /**
   * A td/th of html.ts's tree whose content was read when it closed (its text, as `cellText()`
   * gives it) and then let go, so a long table is not held element by element; `contentCount` is
   * how many children it had.
   */
  cellText?: string;
  contentCount?: number;
}

export type WalkMode = 'mammoth' | 'html';

interface Sink {
  paragraph(text: string): void;
  table(rows: GridRow[]): void;
}

class CellSink implements Sink {
  readonly paras: string[] = [];
  paragraph(text: string): void {
    this.paras.push(text);
  }
  table(rows: GridRow[]): void {
    for (const line of flattenNestedTable(rows)) this.paras.push(line);
  }
}

const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
export const HTML_BLOCK_TAGS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre',
  'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'center', 'address', 'form', 'fieldset',
  'figure', 'figcaption', 'hr', 'body', 'html', 'caption', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'legend',
]);
export const HTML_SKIP_TAGS = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'select', 'textarea', 'button']);

function isElement(n: HtmlNode): boolean {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

function isNoteReference(n: HtmlNode): boolean {
  const id = n.attribs?.id ?? '';
  return n.name === 'a' && /^(footnote|endnote|comment)-ref-/.test(id);
}
function isNoteBody(n: HtmlNode): boolean {
  const id = n.attribs?.id ?? '';
  return (n.name === 'li' || n.name === 'dd' || n.name === 'dt') && /^(footnote|endnote|comment)-\d/.test(id);
}

function checkbox(n: HtmlNode): string | null {
  if (n.name !== 'input' || (n.attribs?.type ?? '').toLowerCase() !== 'checkbox') return null;
  return n.attribs && 'checked' in n.attribs ? CHECKBOX_CHECKED : CHECKBOX_UNCHECKED;
}

function span(v: string | undefined, max: number): number {
  const n = v === undefined ? 1 : parseInt(v, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/** Cells one table may have once its merges are spelled out (合并单元格展开后的单元格数上限). */
export const MAX_TABLE_GRID_CELLS = 1_000_000;

/**
 * Refuses a table whose colspan/rowspan would spell out more than MAX_TABLE_GRID_CELLS cells: a few
 * bytes of `<td colspan=1000 rowspan=65534>` would otherwise become millions of cells. The count is
 * an upper bound (a rowspan counts only the rows the table has), found in one pass over the cells.
 */
function checkGridSize(rows: HtmlCellDraft[][]): void {
  let cells = 0;
  for (let r = 0; r < rows.length; r++) {
    const left = rows.length - r;
    for (const c of rows[r]) cells += Math.max(1, c.colspan) * Math.min(Math.max(1, c.rowspan), left);
  }
  if (cells > MAX_TABLE_GRID_CELLS) {
    throw new SourceError(
      'table-too-large',
      `表格异常：一个表格的合并单元格（colspan/rowspan）展开后超过 ${MAX_TABLE_GRID_CELLS.toLocaleString('en-US')} 个单元格，无法读取；请检查文件是否损坏，或在 Word 中重新导出`,
      `A table's merged cells (colspan/rowspan) spell out more than ${MAX_TABLE_GRID_CELLS.toLocaleString('en-US')} cells; check whether the file is damaged or export it again from Word`,
    );
  }
}

export class HtmlWalker {
  constructor(
    private readonly mode: WalkMode,
    private readonly builder: DocxBlockBuilder,
  ) {}

  private readonly body: Sink = {
    paragraph: (text) => this.builder.paragraph(text),
    table: (rows) => this.builder.table(rows),
  };

  walk(nodes: HtmlNode[]): void {
    if (this.mode === 'mammoth') this.mammothBlocks(nodes, this.body);
    else this.htmlFlow(nodes, this.body);
  }

  // ---- mammoth mode: exact structure -------------------------------------------------------

  private mammothBlocks(nodes: HtmlNode[] | undefined, sink: Sink): void {
    for (const n of nodes ?? []) {
      if (!isElement(n)) continue;
      if (isNoteBody(n)) continue;
      const name = n.name ?? '';
      if (PARAGRAPH_TAGS.has(name)) sink.paragraph(this.mammothInline(n.children));
      else if (name === 'li') {
        const own = (n.children ?? []).filter((c) => !(isElement(c) && (c.name === 'ol' || c.name === 'ul' || c.name === 'table')));
        sink.paragraph(this.mammothInline(own));
        this.mammothBlocks(
          (n.children ?? []).filter((c) => isElement(c) && (c.name === 'ol' || c.name === 'ul' || c.name === 'table')),
          sink,
        );
      } else if (name === 'table') sink.table(this.table(n));
      else this.mammothBlocks(n.children, sink);
    }
  }

  private mammothInline(nodes: HtmlNode[] | undefined): string {
    let s = '';
    for (const n of nodes ?? []) {
      if (n.type === 'text') s += n.data ?? '';
      else if (isElement(n)) {
        if (n.name === 'br') s += '\n';
        else if (isNoteReference(n)) continue;
        else {
          const box = checkbox(n);
          if (box !== null) s += box;
          else s += this.mammothInline(n.children);
        }
      }
    }
    return s;
  }

  // ---- html mode: a browser's reading ------------------------------------------------------

  private htmlFlow(nodes: HtmlNode[] | undefined, sink: Sink): void {
    const buf: string[] = [];
    this.htmlInto(nodes, sink, buf);
    this.flush(buf, sink);
  }

  private htmlInto(nodes: HtmlNode[] | undefined, sink: Sink, buf: string[]): void {
    for (const n of nodes ?? []) {
      if (n.type === 'text') {
        buf.push((n.data ?? '').replace(/[ \t\n\r\f]+/g, ' '));
        continue;
      }
      if (!isElement(n)) continue;
      const name = (n.name ?? '').toLowerCase();
      if (HTML_SKIP_TAGS.has(name)) continue;
      if (name === 'br') {
        buf.push('\n');
        continue;
      }
      const box = checkbox(n);
      if (box !== null) {
        buf.push(box);
        continue;
      }
      if (name === 'table') {
        this.flush(buf, sink);
        const caption = (n.children ?? []).find((c) => isElement(c) && c.name === 'caption');
        if (caption) this.htmlFlow(caption.children, sink);
        sink.table(this.table(n));
        continue;
      }
      if (HTML_BLOCK_TAGS.has(name)) {
        this.flush(buf, sink);
        this.htmlFlow(n.children, sink);
        continue;
      }
      this.htmlInto(n.children, sink, buf);
    }
  }

  /** Ends the current html-mode paragraph: trims each line, drops blank ones at the ends. */
  private flush(buf: string[], sink: Sink): void {
    if (buf.length === 0) return;
    const raw = buf.join('').replace(/\u00a0/g, ' ');
    buf.length = 0;
    const lines = raw.split('\n').map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''));
    while (lines.length > 0 && lines[0] === '') lines.shift();
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    if (lines.length > 0) sink.paragraph(lines.join('\n'));
  }

  // ---- tables (both modes) ------------------------------------------------------------------

  /** A td/th's text: its paragraphs (and any nested table's lines) joined by line breaks. */
  cellText(td: HtmlNode): string {
    const sink = new CellSink();
    if (this.mode === 'mammoth') this.mammothBlocks(td.children, sink);
    else this.htmlFlow(td.children, sink);
    return sink.paras.join('\n');
  }

  private table(table: HtmlNode): GridRow[] {
    const trs: HtmlNode[] = [];
    for (const c of table.children ?? []) {
      if (!isElement(c)) continue;
      if (c.name === 'tr') trs.push(c);
      else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot')
        for (const r of c.children ?? []) if (isElement(r) && r.name === 'tr') trs.push(r);
    }
    // Word's "save as web page" ends tables with a zero-height row of empty cells that only sets
    // column widths (inside <![if !supportMisalignedColumns]>); it is not a row of the form.
    const isWidthRow = (tr: HtmlNode): boolean =>
      this.mode === 'html' && tr.attribs?.height === '0' && (tr.children ?? []).every((c) => !isElement(c) || (c.children?.length ?? c.contentCount ?? 0) === 0);
    const rows: HtmlCellDraft[][] = trs.filter((tr) => !isWidthRow(tr)).map((tr) =>
      (tr.children ?? [])
        .filter((c) => isElement(c) && (c.name === 'td' || c.name === 'th'))
        .map((td) => {
          const text = td.cellText ?? this.cellText(td);
          const draft: HtmlCellDraft = {
            text,
            colspan: span(td.attribs?.colspan, 1000),
            rowspan: span(td.attribs?.rowspan, 65534),
          };
          // A placeholder may have swallowed text carried from a paragraph whose mark was deleted
          // (mammoth prepends it); the streaming reader drops that text at the same point.
          if (this.mode === 'mammoth' && text.endsWith(GRID_PLACEHOLDER)) draft.placeholder = true;
          return draft;
        }),
    );
    checkGridSize(rows);
    return htmlGrid(rows);
  }
}
