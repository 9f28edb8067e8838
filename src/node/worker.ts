/**
 * Linting one file (检查单个文件): read → parse → lint, always returning one `LintResult` — a file
 * that cannot be read is a result with one fatal message, never an exception. The default export is
 * the piscina task handler (the run settings arrive once, as `workerData`); `lintOneFile` is the
 * same work in-process (`--concurrency 1`, `--stdin`). Imports only the library API.
 */
import { workerData } from 'piscina';
import { lint, lintFailure, readInputFile, SourceError, tryParse } from '../node.js';
import type { LintResult, Locale, ResolvedConfig } from '../node.js';

/** Settings shared by every file of a run (sent to each worker once). */
export interface LintRunSettings {
  /** The distinct resolved configs of the run; a task names one by index. */
  configs: ResolvedConfig[];
  locale?: Locale;
  /** Keep the parsed document on the result (the html report renders tables from it). */
  keepDocument?: boolean;
  docxReader?: 'stream' | 'mammoth';
  maxFileSize?: number;
  maxInflatedSize?: number;
}

export interface LintFileTask {
  /** Absolute path; also the result's filePath. */
  filePath: string;
  configIndex: number;
  /** Matched by an ignore pattern: reported as skipped, not read. */
  skipped?: boolean;
}

/** The result of a file that was not linted (ignored by pattern). */
export function skippedResult(filePath: string): LintResult {
  return {
    filePath,
    status: 'skipped',
    format: null,
    encoding: null,
    projects: [],
    messages: [],
    errorCount: 0,
    warningCount: 0,
    infoCount: 0,
    fatalErrorCount: 0,
    fixableCount: 0,
  };
}

/** A failure that is jxlint's fault, not the file's: still one fatal message for that file only. */
export function internalFailure(filePath: string, error: unknown, locale?: Locale): LintResult {
  const detail = error instanceof Error ? error.message : String(error);
  return lintFailure(
    filePath,
    {
      code: 'internal-error',
      message: `检查该文件时 jxlint 内部出错（${detail}）：其他文件照常检查；请把该文件附在问题报告中`,
      messageEn: `jxlint failed internally on this file (${detail}); the other files were checked; please report it with the file`,
    },
    locale,
  );
}

/** Reads, parses and lints one file. Never throws. */
export async function lintOneFile(task: LintFileTask, settings: LintRunSettings, bytes?: Uint8Array): Promise<LintResult> {
  const config = settings.configs[task.configIndex];
  const locale = settings.locale ?? config?.locale;
  if (task.skipped) return skippedResult(task.filePath);
  try {
    const input = bytes ?? (await readInputFile(task.filePath, settings.maxFileSize));
    const parsed = await tryParse(input, {
      filePath: task.filePath,
      docxReader: settings.docxReader,
      maxFileSize: settings.maxFileSize,
      maxInflatedSize: settings.maxInflatedSize,
    });
    if (parsed.error) return lintFailure(task.filePath, parsed.error, locale);
    return lint(parsed.document, { config, locale, keepDocument: settings.keepDocument === true });
  } catch (error) {
    if (error instanceof SourceError) return lintFailure(task.filePath, error, locale);
    return internalFailure(task.filePath, error, locale);
  }
}

/** The piscina task handler. */
export default function lintTask(task: LintFileTask): Promise<LintResult> {
  return lintOneFile(task, workerData as LintRunSettings);
}
