/**
 * Formatters: pure functions from lint results to report text or bytes. No file I/O, no process
 * access, no console; the CLI decides where the output goes. Heavy libraries (exceljs) are loaded
 * only when their format is asked for.
 */
import type { LintResult } from '../engine/types.js';
import { compactStream, formatCompact } from './compact.js';
import { csvStream, formatCsv } from './csv.js';
import { formatGithub, githubStream } from './github.js';
import { formatJson, formatReportJson, jsonStream, reportJsonStream } from './json.js';
import { formatJunit } from './junit.js';
import { formatNames, type FormatName, type FormatOptions } from './options.js';
import { formatSarif } from './sarif.js';
import type { ReportStream, StreamedFormatName } from './stream.js';
import { formatStylish } from './stylish.js';

export { formatNames, type FormatName, type FormatOptions } from './options.js';
export { summarize, summaryInput, SummaryBuilder, type Summary, type AgencySummary, type FailedFile } from './summary.js';
export { isStreamedFormat, renderWhole, STREAMED_FORMATS, type ReportStream, type StreamedFormatName } from './stream.js';
export type { JsonReport } from './json.js';
export { splitByAgency, agencyFileStem, type AgencyPart } from './split.js';
export { DEFAULT_TIME_ZONE, isTimeZone, localTime, reportTimeZone, type TimeZoneSources } from './local-time.js';
export type { HtmlBatchReport, DocumentPage } from './html/index.js';

/** The html report of a batch (index page + one page per document), loaded only when asked for. */
export async function createHtmlBatchReport(
  options: FormatOptions,
  pagesDir: string,
  indexFromPage: string,
): Promise<import('./html/index.js').HtmlBatchReport> {
  const { HtmlBatchReport } = await import('./html/index.js');
  return new HtmlBatchReport(options, pagesDir, indexFromPage);
}

/** Formats whose output is bytes, not text (they need `-o`). */
export function isBinaryFormat(name: FormatName): boolean {
  return name === 'xlsx';
}

export function isFormatName(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name);
}

/**
 * The file-by-file form of a streamed format (json, report-json, csv, github): head, one piece per
 * result, tail — the same bytes as `formatResults` on every result at once.
 */
export function createStream(name: StreamedFormatName, options: FormatOptions): ReportStream {
  switch (name) {
    case 'json':
      return jsonStream();
    case 'report-json':
      return reportJsonStream(options);
    case 'csv':
      return csvStream(options);
    case 'github':
      return githubStream(options);
    case 'compact':
      return compactStream(options);
    default: {
      const unknown: never = name;
      throw new Error(`${String(unknown)} cannot be written file by file`);
    }
  }
}

/**
 * Renders `results` in the named format: a string for text formats, a Uint8Array for xlsx.
 * Results are rendered in the order given (the CLI sorts them by path).
 */
export async function formatResults(
  results: LintResult[],
  name: FormatName,
  options: FormatOptions,
): Promise<string | Uint8Array> {
  switch (name) {
    case 'stylish':
      return formatStylish(results, options);
    case 'compact':
      return formatCompact(results, options);
    case 'json':
      return formatJson(results);
    case 'report-json':
      return formatReportJson(results, options);
    case 'sarif':
      return formatSarif(results, options);
    case 'junit':
      return formatJunit(results, options);
    case 'github':
      return formatGithub(results, options);
    case 'csv':
      return formatCsv(results, options);
    case 'xlsx': {
      const { formatXlsx } = await import('./xlsx.js');
      return formatXlsx(results, options);
    }
    case 'html': {
      const { formatHtml } = await import('./html/index.js');
      return formatHtml(results, options);
    }
    default: {
      const unknown: never = name;
      throw new Error(
        `未知的输出格式“${String(unknown)}”；可用：${formatNames.join(', ')}。Unknown format "${String(unknown)}"; use one of ${formatNames.join(', ')}.`,
      );
    }
  }
}
