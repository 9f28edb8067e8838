/**
 * One upload linted on a pool thread (检查一个上传文件): parse → lint, always exactly one result — an
 * unreadable file is a result with one fatal message. The config arrives once, as `workerData`.
 * For the JSON answer the thread also serialises it (answer.ts) and hands the bytes over without a copy.
 */
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { configForFile, internalFailure, lint, lintFailure, tryParse, type LintResult, type Locale, type ResolvedConfig } from '../index.js';
import { prepareAnswer, type PreparedAnswer } from './answer.js';

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
  /**
   * `answer`: the file's JSON answer, prepared here (the default answer of `POST /api/lint`);
   * `result`: the LintResult itself, for the reports rendered from it.
   */
  returns: 'answer' | 'result';
  /** With `answer`: also what the store records (recording on). */
  record: boolean;
}

export type UploadLintOutcome = LintResult | PreparedAnswer;

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

/** A prepared answer moved to the main thread: its JSON bytes are transferred, not copied. */
function moved(answer: PreparedAnswer): PreparedAnswer {
  const transferable = { [transferableSymbol]: [answer.json.buffer], [valueSymbol]: answer } as unknown as Parameters<typeof move>[0];
  return move(transferable) as unknown as PreparedAnswer;
}

/** The piscina task handler. */
export default async function lintUploadTask(task: UploadLintTask): Promise<UploadLintOutcome> {
  const result = await lintUpload(task, workerData as UploadLintSettings);
  if (task.returns === 'result') return result;
  return moved(prepareAnswer(result, task.bytes, task.record));
}
