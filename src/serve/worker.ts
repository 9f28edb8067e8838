/**
 * One upload linted on a pool thread (检查一个上传文件): parse → lint, always exactly one result — an
 * unreadable file is a result with one fatal message. The config arrives once, as `workerData`.
 */
import { workerData } from 'piscina';
import { configForFile, internalFailure, lint, lintFailure, tryParse, type LintResult, type Locale, type ResolvedConfig } from '../index.js';

export interface UploadLintSettings {
  config: ResolvedConfig;
  locale?: Locale;
  /** Reader limits (bytes). */
  maxFileSize?: number;
  maxInflatedSize?: number;
}

export interface UploadLintTask {
  /** The uploaded file's name: the result's filePath, and what config overrides match. */
  fileName: string;
  bytes: Uint8Array;
  /** Keep the parsed document (the html report draws tables from it). */
  keepDocument: boolean;
}

export async function lintUpload(task: UploadLintTask, settings: UploadLintSettings): Promise<LintResult> {
  const config = configForFile(settings.config, task.fileName);
  const locale = settings.locale ?? config.locale;
  try {
    const parsed = await tryParse(task.bytes, {
      filePath: task.fileName,
      maxFileSize: settings.maxFileSize,
      maxInflatedSize: settings.maxInflatedSize,
    });
    if (parsed.error) return lintFailure(task.fileName, parsed.error, locale);
    return lint(parsed.document, { config, locale, keepDocument: task.keepDocument });
  } catch (error) {
    return internalFailure(task.fileName, error, locale, false);
  }
}

/** The piscina task handler. */
export default function lintUploadTask(task: UploadLintTask): Promise<LintResult> {
  return lintUpload(task, workerData as UploadLintSettings);
}
