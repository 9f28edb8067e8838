/**
 * How a worksheet becomes blocks (工作表 → 段落与表格), so that a 绩效目标表 exported to Excel reads
 * like the same document in Word:
 *
 * - Blank rows separate (空行分隔): a row with nothing displayed, and not inside a merged range
 *   whose top-left cell shows something, ends what is above it. Rows a vertical merge continues
 *   through (资金支出计划 over its blank values row) belong to the table.
 * - A lone row (独占一行) shows exactly one cell and touches no other merged range: a title, a
 *   unit line, a paragraph of the 部门整体绩效目标. Lone rows before the first row of a table, or
 *   one merged across the whole width of its block of rows (a title merged A:G between two tables),
 *   are paragraphs, as in Word. A lone row inside a table that is not merged across (a label whose
 *   value is blank) stays a table row.
 * - Every other run of rows is one table, spanning the columns its rows use: each row has one cell
 *   per column, merged cells made explicit as the Word reader does — the top-left cell of a merged
 *   range holds the text, the cells to its right are `mergedLeft`, the cells below `mergedAbove`
 *   (both for the cells below and to the right).
 * - A value under a merged range other than its top-left cell is not displayed by Excel, and is not
 *   read either (the reader's note counts them).
 * - Origins are the cell's own sheet, row and column, 1-based.
 *
 * Browser-safe: no Node-only imports.
 */
import type { SheetOrigin } from '../../ast/types.js';
import { type Block, type Cell, SourceError } from '../blocks.js';
import type { MergeRange, SheetCells } from './sheet.js';

/**
 * Cells a workbook may turn into (表格单元格上限), blank padding included, and merged-range work:
 * bounds the memory a sheet with a stray cell in column XFD, or a merge over a million rows, can take.
 */
export const MAX_WORKBOOK_CELLS = 2_000_000;

/** Counts cells made (and merged-range steps taken) for one workbook against MAX_WORKBOOK_CELLS. */
export class CellBudget {
  private used = 0;
  constructor(readonly limit = MAX_WORKBOOK_CELLS) {}
  spend(n: number, sheet: string): void {
    this.used += n;
    if (this.used > this.limit) {
      const max = this.limit.toLocaleString('en-US');
      throw new SourceError(
        'workbook-too-large',
        `工作簿过大：工作表“${sheet}”展开后超过 ${max} 个单元格（含合并与空白），无法读取；请只保留绩效目标表所在的区域后再检查`,
        `The workbook is too large: sheet "${sheet}" spreads to more than ${max} cells (merged and blank ones included); keep only the range holding the target tables and check it again`,
      );
    }
  }
}

export interface SheetPlace {
  name: string;
  /** 1-based position of the sheet in the workbook. */
  index: number;
}

export interface SheetLayout {
  blocks: Block[];
  /** Values under merged ranges that Excel does not show (not read). */
  hiddenUnderMerges: number;
}

function hasContent(text: string | undefined): boolean {
  return text !== undefined && text.trim() !== '';
}

/** First index of `sorted` whose value is ≥ `x`. */
function lowerBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface RowInfo {
  row: number;
  cells: Map<number, string> | undefined;
  merges: MergeRange[];
  /** Columns the row uses: its displayed cells and the merged ranges through it. */
  minCol: number;
  maxCol: number;
  /** The one displayed cell of a lone row, or null. */
  lone: { col: number; merge: MergeRange | null } | null;
}

export function layoutSheet(cells: SheetCells, sheet: SheetPlace, budget: CellBudget): SheetLayout {
  const { rows } = cells;
  // Overlapping merged ranges (a damaged file; Excel refuses to make them): the first listed wins a cell.
  const merges = cells.merges;

  // Values Excel does not show: under a merged range, other than its top-left cell.
  let hiddenUnderMerges = 0;
  const filled = [...rows.keys()].sort((a, b) => a - b);
  for (const m of merges) {
    for (let i = lowerBound(filled, m.r0); i < filled.length && filled[i] <= m.r1; i++) {
      const r = filled[i];
      const row = rows.get(r)!;
      budget.spend(row.size, sheet.name);
      for (const c of [...row.keys()]) {
        if (c < m.c0 || c > m.c1 || (r === m.r0 && c === m.c0)) continue;
        if (hasContent(row.get(c))) hiddenUnderMerges++;
        row.delete(c);
      }
    }
  }

  // Rows that are not blank: those showing something, and those a shown merged range runs through.
  const used = new Set<number>();
  for (const r of filled) {
    const row = rows.get(r)!;
    for (const t of row.values()) {
      if (hasContent(t)) {
        used.add(r);
        break;
      }
    }
  }
  for (const m of merges) {
    if (!hasContent(rows.get(m.r0)?.get(m.c0))) continue;
    budget.spend(m.r1 - m.r0 + 1, sheet.name);
    for (let r = m.r0; r <= m.r1; r++) used.add(r);
  }
  const list = [...used].sort((a, b) => a - b);
  const mergesOf = new Map<number, MergeRange[]>();
  for (const m of merges) {
    for (let i = lowerBound(list, m.r0); i < list.length && list[i] <= m.r1; i++) {
      budget.spend(1, sheet.name);
      const at = mergesOf.get(list[i]);
      if (at) at.push(m);
      else mergesOf.set(list[i], [m]);
    }
  }

  const infos: RowInfo[] = list.map((r) => rowInfo(r, rows.get(r), mergesOf.get(r) ?? []));
  const blocks: Block[] = [];
  // Blocks of consecutive rows (a gap in the numbers is a blank row).
  for (let start = 0; start < infos.length; ) {
    let end = start + 1;
    while (end < infos.length && infos[end].row === infos[end - 1].row + 1) end++;
    layoutRegion(infos.slice(start, end), sheet, budget, blocks);
    start = end;
  }
  return { blocks, hiddenUnderMerges };
}

function rowInfo(row: number, cells: Map<number, string> | undefined, merges: MergeRange[]): RowInfo {
  let minCol = Infinity;
  let maxCol = -Infinity;
  let shown = 0;
  let onlyCol = 0;
  if (cells) {
    for (const [c, t] of cells) {
      if (!hasContent(t)) continue;
      shown++;
      onlyCol = c;
      if (c < minCol) minCol = c;
      if (c > maxCol) maxCol = c;
    }
  }
  for (const m of merges) {
    if (m.c0 < minCol) minCol = m.c0;
    if (m.c1 > maxCol) maxCol = m.c1;
  }
  let lone: RowInfo['lone'] = null;
  if (shown === 1) {
    if (merges.length === 0) lone = { col: onlyCol, merge: null };
    else if (merges.length === 1) {
      const m = merges[0];
      if (m.r0 === row && m.r1 === row && m.c0 === onlyCol) lone = { col: onlyCol, merge: m };
    }
  }
  return { row, cells, merges, minCol, maxCol, lone };
}

function origin(sheet: SheetPlace, row: number, col: number): SheetOrigin {
  return { sheet: sheet.name, sheetIndex: sheet.index, row, col };
}

function layoutRegion(region: RowInfo[], sheet: SheetPlace, budget: CellBudget, out: Block[]): void {
  let regionMin = Infinity;
  let regionMax = -Infinity;
  for (const r of region) {
    if (r.minCol < regionMin) regionMin = r.minCol;
    if (r.maxCol > regionMax) regionMax = r.maxCol;
  }
  let table: RowInfo[] = [];
  const flush = (): void => {
    if (table.length > 0) out.push(tableBlock(table, sheet, budget));
    table = [];
  };
  for (const r of region) {
    const lone = r.lone;
    const acrossAll = lone !== null && lone.merge !== null && lone.merge.c0 <= regionMin && lone.merge.c1 >= regionMax;
    if (lone !== null && (table.length === 0 || acrossAll)) {
      flush();
      out.push({ kind: 'paragraph', text: r.cells!.get(lone.col)!, origin: origin(sheet, r.row, lone.col) });
    } else table.push(r);
  }
  flush();
}

function tableBlock(rows: RowInfo[], sheet: SheetPlace, budget: CellBudget): Block {
  let min = Infinity;
  let max = -Infinity;
  for (const r of rows) {
    if (r.minCol < min) min = r.minCol;
    if (r.maxCol > max) max = r.maxCol;
  }
  const width = max - min + 1;
  budget.spend(rows.length * width, sheet.name);
  const cover: (MergeRange | undefined)[] = new Array(width);
  const out: Cell[][] = [];
  for (const r of rows) {
    cover.fill(undefined);
    for (const m of r.merges) for (let c = Math.max(m.c0, min); c <= Math.min(m.c1, max); c++) cover[c - min] ??= m;
    const line: Cell[] = [];
    for (let c = min; c <= max; c++) {
      const m = cover[c - min];
      const cell: Cell = { text: '', origin: origin(sheet, r.row, c) };
      if (m && (r.row !== m.r0 || c !== m.c0)) {
        if (r.row > m.r0) cell.mergedAbove = true;
        if (c > m.c0) cell.mergedLeft = true;
      } else cell.text = r.cells?.get(c) ?? '';
      line.push(cell);
    }
    out.push(line);
  }
  return { kind: 'table', rows: out, rowsKnown: true, origin: origin(sheet, rows[0].row, min) };
}
