/**
 * Batch linting (批量检查): files are read, parsed and linted on a piscina worker pool (or in-process
 * with concurrency 1), and the results come back one per file, in the order of the task list, so two
 * runs give identical output. At most `window` files are in flight or waiting to be emitted, so
 * memory is bounded by the pool, not by the number of files.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { LintResult } from '../node.js';
import { internalFailure, lintAndRender, renderOutcome, type LintFileTask, type LintOutcome, type LintRunSettings } from './worker.js';

export type { LintFileTask, LintOutcome, LintRunSettings, RenderSettings } from './worker.js';

export interface LintFilesOptions {
  /** Worker threads; 1 runs in-process without workers. */
  concurrency: number;
  /** Called as each file finishes (in completion order), for progress display. */
  onFileDone?: (done: number, total: number) => void;
  /** The compiled worker module (default: worker.js beside this file). */
  workerFile?: string | URL;
  /** Files in flight or finished but not yet emitted (default 8 per thread, at least 16). */
  window?: number;
}

/** Threads for `--concurrency auto`: one per core, no more than there are files, 1 for a handful. */
export function autoConcurrency(fileCount: number): number {
  if (fileCount < 4) return 1;
  return Math.max(1, Math.min(availableParallelism(), fileCount));
}

/** The worker module beside this one, when running from compiled JavaScript. */
export function defaultWorkerFile(): URL {
  return new URL('./worker.js', import.meta.url);
}

function workerFileExists(file: string | URL): boolean {
  try {
    return existsSync(typeof file === 'string' ? file : fileURLToPath(file));
  } catch {
    return false;
  }
}

/**
 * Lints the tasks and yields one outcome per task, in task order. Never throws because of a file: a
 * file that cannot be read, or a worker that dies on it, is a result with one fatal message.
 */
export async function* lintFiles(
  tasks: readonly LintFileTask[],
  settings: LintRunSettings,
  options: LintFilesOptions,
): AsyncGenerator<LintOutcome, void, undefined> {
  const total = tasks.length;
  let done = 0;
  const settled = (outcome: LintOutcome) => {
    done++;
    options.onFileDone?.(done, total);
    return outcome;
  };
  // A worker that dies on a file: that file fails, rendered like any other failure.
  const failed = async (task: LintFileTask, error: unknown) =>
    settled(await renderOutcome(internalFailure(task.filePath, error, settings.locale), settings));

  const workerFile = options.workerFile ?? defaultWorkerFile();
  // From TypeScript sources (tests, tsx) there is no compiled worker: run in-process.
  const threads = workerFileExists(workerFile) ? Math.max(1, Math.min(options.concurrency, total)) : 1;

  if (threads <= 1) {
    for (const task of tasks) yield settled(await lintAndRender(task, settings));
    return;
  }

  // Loaded only when threads are used: an in-process run does not pay for the pool's modules.
  const { Piscina } = await import('piscina');
  const pool = new Piscina<LintFileTask, LintOutcome>({
    filename: workerFile instanceof URL ? workerFile.href : workerFile,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    workerData: settings,
  });
  const run = (task: LintFileTask): Promise<LintOutcome> => pool.run(task).then(settled, (error: unknown) => failed(task, error));

  const window = Math.max(1, options.window ?? Math.max(16, threads * 8));
  const inFlight: Promise<LintOutcome>[] = [];
  let next = 0;
  try {
    while (next < total || inFlight.length > 0) {
      while (inFlight.length < window && next < total) inFlight.push(run(tasks[next++]!));
      yield await inFlight.shift()!;
    }
  } finally {
    // Let the rest settle before tearing the pool down (an early `return` from the consumer).
    await Promise.allSettled(inFlight);
    await pool.destroy();
  }
}

/** Collects the results of `lintFiles` into an array (tests, small runs). */
export async function lintFilesToArray(
  tasks: readonly LintFileTask[],
  settings: LintRunSettings,
  options: LintFilesOptions,
): Promise<LintResult[]> {
  const out: LintResult[] = [];
  for await (const outcome of lintFiles(tasks, settings, options)) out.push(outcome.result);
  return out;
}
