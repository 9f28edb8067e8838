/**
 * `csv`: the finding list for spreadsheets. UTF-8 with a BOM (so Excel opens Chinese correctly),
 * CRLF line ends and RFC 4180 quoting; a cell starting with = + - @ (or a tab / carriage return)
 * gets a leading single quote so a spreadsheet never runs it as a formula (CSV injection).
 */
import type { LintResult } from '../engine/types.js';
import { FINDING_COLUMNS, findingHeaders, findingRows } from './common.js';
import type { FormatOptions } from './options.js';
import { renderWhole, type ReportStream } from './stream.js';

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

/** `csv` file by file: the BOM and the header line, then each result's rows (CRLF after every line). */
export function csvStream(options: FormatOptions): ReportStream {
  return {
    summaryFirst: false,
    separator: '',
    head: () => BOM + findingHeaders(options.locale).map(csvCell).join(',') + '\r\n',
    piece(result) {
      let out = '';
      for (const row of findingRows([result], options.locale, options.cwd)) {
        out += FINDING_COLUMNS.map((column) => csvCell(row[column])).join(',') + '\r\n';
      }
      return out;
    },
    tail: () => '',
  };
}

export function formatCsv(results: LintResult[], options: FormatOptions): string {
  return renderWhole(csvStream(options), results);
}
