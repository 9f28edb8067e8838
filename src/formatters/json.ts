/**
 * `json`: ESLint's shape — the array of LintResult objects as they are, without the parsed
 * `document` (kept in memory only for the html report).
 * `report-json`: the batch report — `{ tool, generatedAt, summary, results }` — carrying the same
 * summary as the other reports; `jxlint merge` reads either shape.
 */
import type { LintResult } from '../engine/types.js';
import type { FormatOptions } from './options.js';
import { renderWhole, type ReportStream } from './stream.js';
import type { Summary } from './summary.js';

/** A LintResult without its `document`. */
export function withoutDocument(result: LintResult): Omit<LintResult, 'document'> {
  if (!('document' in result)) return result;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { document: _document, ...rest } = result;
  return rest;
}

/** Messages per part of a json piece: ~40 KB of JSON, far under the 128 KiB of a fresh mapping. */
const MESSAGES_PER_PART = 32;

/**
 * A result's json piece in parts whose concatenation is the piece (`JSON.stringify` of the result
 * without its document): the messages a few dozen at a time, so no one string of the whole result
 * is built — a result with many findings is hundreds of KB, and every such string is fresh memory.
 */
export function jsonPieceParts(result: LintResult): string[] {
  const parts: string[] = [];
  let open = '{';
  for (const key of Object.keys(result)) {
    if (key === 'document') continue;
    const value: unknown = (result as unknown as Record<string, unknown>)[key];
    if (key === 'messages' && Array.isArray(value)) {
      parts.push(`${open}"messages":[`);
      // A few dozen messages a part: one JSON.stringify call each, and each part well under 128 KiB.
      for (let i = 0; i < value.length; i += MESSAGES_PER_PART) {
        if (i > 0) parts.push(',');
        parts.push(JSON.stringify(value.slice(i, i + MESSAGES_PER_PART)).slice(1, -1));
      }
      parts.push(']');
    } else {
      const json = JSON.stringify(value) as string | undefined;
      if (json === undefined) continue; // JSON.stringify leaves such keys out
      parts.push(`${open}${JSON.stringify(key)}:${json}`);
    }
    open = ',';
  }
  parts.push(open === '{' ? '{}' : '}');
  return parts;
}

/** A report stream whose pieces can also be had in parts (`jsonPieceParts`). */
export interface PartedReportStream extends ReportStream {
  pieceParts(result: LintResult): string[];
}

/** `json` file by file: `[`, each result on one line of JSON joined by `,`, `]`. */
export function jsonStream(): PartedReportStream {
  return {
    summaryFirst: false,
    separator: ',',
    head: () => '[',
    piece: (result) => JSON.stringify(withoutDocument(result)),
    pieceParts: jsonPieceParts,
    tail: () => ']',
  };
}

export function formatJson(results: LintResult[]): string {
  return renderWhole(jsonStream(), results);
}

export interface JsonReport {
  tool: { name: 'jxlint'; version: string };
  generatedAt: string;
  locale: string;
  summary: Summary;
  results: Omit<LintResult, 'document'>[];
}

/** JSON.stringify(value, null, 2) as it appears nested `depth` levels deep in a 2-space document. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).split('\n').join('\n' + '  '.repeat(depth));
}

/**
 * `report-json` file by file: JSON.stringify(report, null, 2) + a newline, written as the report's
 * keys up to its summary (the head), one result per piece (nested two levels, joined by `,\n`)
 * and the close of the results array (the tail). The summary comes first, so the head waits for it.
 */
export function reportJsonStream(options: FormatOptions): ReportStream {
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  const member = (key: keyof JsonReport, value: unknown) => `  ${JSON.stringify(key)}: ${nested(value, 1)}`;
  return {
    summaryFirst: true,
    separator: ',\n',
    head(summary) {
      if (!summary) throw new Error('report-json: the head needs the summary of the run');
      const members = [
        member('tool', { name: 'jxlint', version: options.toolVersion }),
        member('generatedAt', generatedAt),
        member('locale', options.locale),
        member('summary', summary),
      ];
      return `{\n${members.join(',\n')},\n  "results": [${summary.files.total > 0 ? '\n' : ''}`;
    },
    piece: (result) => '    ' + nested(withoutDocument(result), 2),
    tail: (summary) => (summary && summary.files.total > 0 ? '\n  ]\n}\n' : ']\n}\n'),
  };
}

export function formatReportJson(results: LintResult[], options: FormatOptions): string {
  return renderWhole(reportJsonStream(options), results);
}
