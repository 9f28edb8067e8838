/**
 * What the two .docx readers (streaming: stream.ts, reference: mammoth.ts) and the HTML
 * reader share, so that they cannot drift apart: the merged-cell grid, the flattening of nested
 * tables, and the numbering of tables and paragraphs into origins.
 *
 * Decisions (the README's "Word documents" section explains them to users):
 * - Grid (表格网格): every row lists one Cell per grid column it covers. A cell spanning several
 *   columns (Word gridSpan / HTML colspan) is emitted once, followed by empty cells with
 *   `mergedLeft: true` for its extra columns. A cell continuing a vertical merge (Word vMerge
 *   continue / the rows under an HTML rowspan) is emitted as an empty cell with `mergedAbove: true`
 *   (its extra columns carry both flags). So `mergedLeft` cells are exactly the ones a text export
 *   does not write, and `mergedAbove` cells are the empty cells it does write.
 *   Grid columns before/after a row's cells (Word gridBefore/gridAfter) hold no cell and are not
 *   emitted; `col` still counts them, so it is always the column a reviewer counts.
 * - Nested tables (嵌套表格) become text of the cell that holds them: one line per nested row,
 *   the row's cells (without `mergedLeft` ones) joined by TAB — the row-per-line layout.
 * - Origins: top-level tables are numbered 1, 2, … in document order; cells get
 *   `{ table, row, col, paragraph: 1 }` (row and col 1-based, col counting grid columns); body
 *   paragraphs get `{ paragraph }`, counting every body paragraph outside tables (empty ones
 *   included, though empty body paragraphs are not emitted as blocks).
 *
 * Browser-safe: no Node-only imports.
 */
import type { BlockStream, Cell, ParagraphBlock, TableBlock, Block, ReaderNote } from '../blocks.js';
import type { SourceFormat, TableOrigin, TextEncoding } from '../../ast/types.js';

/**
 * A cell placed on the grid: already the Cell of the Block stream, with a table origin whose
 * `table` is filled in when the table is numbered (nested tables never are: they become text).
 */
export type GridCell = Cell & { origin: TableOrigin };
export type GridRow = GridCell[];

function gridCell(text: string, row: number, col: number, mergedAbove: boolean, mergedLeft: boolean): GridCell {
  const cell: GridCell = { text, origin: { table: 0, row, col, paragraph: 1 } };
  if (mergedAbove) cell.mergedAbove = true;
  if (mergedLeft) cell.mergedLeft = true;
  return cell;
}

/** Text of a placeholder cell standing for gridBefore/gridAfter columns (a private-use character). */
export const GRID_PLACEHOLDER = '\uE000';

/** Checkbox glyphs for Word check boxes (复选框): legacy FORMCHECKBOX fields and w14 content controls. */
export const CHECKBOX_CHECKED = '\u2611'; // ☑
export const CHECKBOX_UNCHECKED = '\u2610'; // ☐

/**
 * A TC field (目录项域) has no visible result; Word's text export writes its instruction, and the
 * grammar strips that residue from titles (`word-field-code-residue`). Both .docx readers therefore
 * keep a TC field's instruction as paragraph text, exactly as written minus the ASCII double quotes
 * around its entry text: ` TC "9、…绩效目标表" \f C \l 1 ` → ` TC 9、…绩效目标表 \f C \l 1 `.
 * Every other field's code is not content; its result is.
 */
export function isTcInstruction(instr: string): boolean {
  return /^\s*TC\s/i.test(instr);
}
export function tcFieldText(instr: string): string {
  return instr.replace(/"/g, '');
}

/** One Word table cell as read from w:tc, before the grid is resolved. */
export interface WordCellDraft {
  text: string;
  span: number;
  /** w:vMerge present with val "continue" or no val. */
  vMergeContinue: boolean;
}

/**
 * Resolves Word rows onto the grid with mammoth's rule for vertical merges, so both readers agree:
 * a vMerge-continue cell merges when an earlier row had a (non-merged) cell starting at the same
 * grid column; otherwise it is an ordinary cell with its own text.
 */
export class WordGrid {
  readonly rows: GridRow[] = [];
  private readonly startedAt = new Set<number>();

  addRow(cells: WordCellDraft[], gridBefore: number, gridAfter: number): void {
    const row: GridRow = [];
    const r = this.rows.length + 1;
    let col = 0;
    if (gridBefore > 0) {
      this.startedAt.add(0);
      col = gridBefore;
    }
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      const span = Math.max(1, c.span);
      if (c.vMergeContinue && this.startedAt.has(col)) {
        row.push(gridCell('', r, col + 1, true, false));
        for (let k = 1; k < span; k++) row.push(gridCell('', r, col + 1 + k, true, true));
      } else {
        this.startedAt.add(col);
        row.push(gridCell(c.text, r, col + 1, false, false));
        for (let k = 1; k < span; k++) row.push(gridCell('', r, col + 1 + k, false, true));
      }
      col += span;
    }
    if (gridAfter > 0) this.startedAt.add(col);
    this.rows.push(row);
  }
}

/** One HTML table cell (td/th) before the grid is resolved. `placeholder` cells hold grid columns only. */
export interface HtmlCellDraft {
  text: string;
  colspan: number;
  rowspan: number;
  placeholder?: boolean;
}

/** Resolves HTML rows (rowspan/colspan) onto the grid — the standard HTML table algorithm. */
export function htmlGrid(rows: HtmlCellDraft[][]): GridRow[] {
  // Column → rows still covered by a rowspan from above, and whether it is the span's first column.
  const covered = new Map<number, { left: number; first: boolean; placeholder: boolean }>();
  const out: GridRow[] = [];
  for (const cells of rows) {
    const row: GridRow = [];
    const r = out.length + 1;
    let col = 0;
    const continuation = (at: number): void => {
      const c = covered.get(at)!;
      if (!c.placeholder) row.push(gridCell('', r, at + 1, true, !c.first));
    };
    for (const cell of cells) {
      while (covered.has(col)) continuation(col++);
      const span = Math.max(1, cell.colspan);
      if (!cell.placeholder) {
        row.push(gridCell(cell.text, r, col + 1, false, false));
        for (let k = 1; k < span; k++) row.push(gridCell('', r, col + 1 + k, false, true));
      }
      if (cell.rowspan > 1) {
        for (let k = 0; k < span; k++)
          covered.set(col + k, { left: cell.rowspan, first: k === 0, placeholder: !!cell.placeholder });
      }
      col += span;
    }
    // Continuations after the row's last cell.
    const rest = [...covered.keys()].filter((k) => k >= col).sort((a, b) => a - b);
    for (const k of rest) continuation(k);
    // A rowspan of n covers its own row and n-1 below: count down once per row, own row included.
    for (const [k, c] of covered) {
      c.left--;
      if (c.left <= 0) covered.delete(k);
    }
    out.push(row);
  }
  return out;
}

/** Flattens a nested table into the lines it adds to the cell that holds it. */
export function flattenNestedTable(rows: GridRow[]): string[] {
  return rows.map((row) =>
    row
      .filter((c) => !c.mergedLeft)
      .map((c) => c.text)
      .join('\t'),
  );
}

/** Builds the top-level Block stream and numbers tables and body paragraphs. */
export class DocxBlockBuilder {
  private readonly blocks: Block[] = [];
  private tables = 0;
  private paragraphs = 0;
  readonly notes: ReaderNote[] = [];

  /** A body paragraph (outside tables). Empty ones are counted but not emitted. */
  paragraph(text: string): void {
    this.paragraphs++;
    if (text === '') return;
    const block: ParagraphBlock = { kind: 'paragraph', text, origin: { paragraph: this.paragraphs } };
    this.blocks.push(block);
  }

  /** A top-level table: its cells get the table's number. Tables without rows are dropped. */
  table(rows: GridRow[]): void {
    if (rows.length === 0) return;
    const table = ++this.tables;
    // Indexed: this runs once per table, mostly before it is optimised, where `for…of` allocates per cell.
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      for (let c = 0; c < row.length; c++) row[c].origin.table = table;
    }
    const block: TableBlock = {
      kind: 'table',
      rows,
      rowsKnown: true,
      origin: { table, row: 1, col: 1, paragraph: 1 },
    };
    this.blocks.push(block);
  }

  finish(format: SourceFormat, encoding: TextEncoding | null = null): BlockStream {
    return { info: { format, encoding, layout: 'table' }, blocks: this.blocks, notes: this.notes };
  }
}
