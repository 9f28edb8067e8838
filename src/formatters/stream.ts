/**
 * The streaming contract of the reports that are a concatenation of per-file pieces (逐个文件输出):
 * `json`, `report-json`, `csv` and `github`. A report is its head, one piece per result (a piece
 * may be empty) joined by the separator, and its tail; the one-shot formatter is exactly that
 * (`renderWhole`), so a report written file by file — pieces rendered on worker threads and
 * written as they come — is byte-identical to formatting every result at once.
 *
 * `report-json` puts the summary of every result before the results (`summaryFirst`): its head is
 * known only at the end, so a batch writer keeps the pieces aside until then and feeds the
 * summary with `summaryInput(result)` of each file.
 */
import type { LintResult } from '../engine/types.js';
import { SummaryBuilder, type Summary } from './summary.js';

export const STREAMED_FORMATS = ['json', 'report-json', 'csv', 'github', 'compact'] as const;
export type StreamedFormatName = (typeof STREAMED_FORMATS)[number];

export function isStreamedFormat(name: string): name is StreamedFormatName {
  return (STREAMED_FORMATS as readonly string[]).includes(name);
}

export interface ReportStream {
  /** The head needs the summary of every result (report-json): pieces wait until the end. */
  readonly summaryFirst: boolean;
  /** Written between two non-empty pieces. */
  readonly separator: string;
  /**
   * Text before the first piece. A summary-first report needs the summary of the whole run (its
   * `files.total` says whether any piece follows); the others ignore it and may be asked first.
   */
  head(summary?: Summary): string;
  /** One result's text ('' when it adds nothing, e.g. no findings in csv). */
  piece(result: LintResult): string;
  /** Text after the last piece (given the same summary as `head`). */
  tail(summary?: Summary): string;
}

/** The whole report: head + non-empty pieces joined by the separator + tail. */
export function renderWhole(stream: ReportStream, results: readonly LintResult[]): string {
  let summary: Summary | undefined;
  if (stream.summaryFirst) {
    const builder = new SummaryBuilder();
    for (const r of results) builder.add(r);
    summary = builder.summary();
  }
  const pieces = results.map((r) => stream.piece(r)).filter((p) => p.length > 0);
  return stream.head(summary) + pieces.join(stream.separator) + stream.tail(summary);
}
