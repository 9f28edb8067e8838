/**
 * `json`: ESLint's shape — the array of LintResult objects as they are, without the parsed
 * `document` (kept in memory only for the html report).
 * `report-json`: the batch report — `{ tool, generatedAt, summary, results }` — carrying the same
 * summary as the other reports; `jxlint merge` reads either shape.
 */
import type { LintResult } from '../engine/types.js';
import type { FormatOptions } from './options.js';
import { summarize, type Summary } from './summary.js';

/** A LintResult without its `document`. */
export function withoutDocument(result: LintResult): Omit<LintResult, 'document'> {
  if (!('document' in result)) return result;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { document: _document, ...rest } = result;
  return rest;
}

export function formatJson(results: LintResult[]): string {
  return JSON.stringify(results.map(withoutDocument));
}

export interface JsonReport {
  tool: { name: 'jxlint'; version: string };
  generatedAt: string;
  locale: string;
  summary: Summary;
  results: Omit<LintResult, 'document'>[];
}

export function formatReportJson(results: LintResult[], options: FormatOptions): string {
  const report: JsonReport = {
    tool: { name: 'jxlint', version: options.toolVersion },
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    locale: options.locale,
    summary: summarize(results),
    results: results.map(withoutDocument),
  };
  return JSON.stringify(report, null, 2) + '\n';
}
