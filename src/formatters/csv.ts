/**
 * `csv`: the finding list for spreadsheets. UTF-8 with a BOM (so Excel opens Chinese correctly),
 * CRLF line ends and RFC 4180 quoting; a cell starting with = + - @ (or a tab / carriage return)
 * gets a leading single quote so a spreadsheet never runs it as a formula (CSV injection).
 */
import type { LintResult } from '../engine/types.js';
import { FINDING_COLUMNS, findingHeaders, findingRows } from './common.js';
import type { FormatOptions } from './options.js';

const BOM = '\uFEFF';

/** Neutralises spreadsheet formulas (OWASP CSV injection guidance). */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: quote cells containing a quote, comma or line break; double inner quotes. */
export function csvCell(value: string): string {
  const cell = guardFormula(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function formatCsv(results: LintResult[], options: FormatOptions): string {
  const lines = [findingHeaders(options.locale).map(csvCell).join(',')];
  for (const row of findingRows(results, options.locale, options.cwd)) {
    lines.push(FINDING_COLUMNS.map((column) => csvCell(row[column])).join(','));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
