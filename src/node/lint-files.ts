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
  /** Chunks in flight or finished but not yet emitted (default 4 per thread). */
  window?: number;
  /** Files per pool task (default: from the file and thread counts, at most 16). */
  chunkSize?: number;
}

/**
 * .docx-equivalent bytes of work a worker thread must get to pay for itself: a thread's start-up
 * (its modules, the grammar, a cold first parse) costs about 0.3 s of CPU, what ~350 KB of .docx
 * costs to lint, and two threads on two cores beat one only past a few times that.
 */
export const WORK_BYTES_PER_THREAD = 1.5 * 1024 * 1024;

/** How much a file's bytes weigh against a .docx's (text exports lint ~5× faster per byte; .doc carries much else). */
export function workWeight(filePath: string): number {
  const ext = filePath.slice(filePath.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'docx') return 1;
  if (ext === 'doc') return 0.15;
  return 0.25;
}

/**
 * Threads for `--concurrency auto` (自动线程数), chosen from the work rather than the file count:
 * in-process (1) unless there are enough files and bytes for every thread to earn its start-up;
 * never more than the cores or the files.
 */
export function autoConcurrency(fileCount: number, workBytes = Number.POSITIVE_INFINITY): number {
  if (fileCount < 8) return 1;
  const byWork = Math.floor(workBytes / WORK_BYTES_PER_THREAD);
  return Math.max(1, Math.min(availableParallelism(), fileCount, byWork));
}

/** Files per pool task: enough to amortise the messages, few enough to keep both threads busy to the end. */
export function chunkSize(fileCount: number, threads: number): number {
  return Math.max(1, Math.min(16, Math.floor(fileCount / (threads * 8))));
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
  const pool = new Piscina<LintFileTask[], LintOutcome[]>({
    filename: workerFile instanceof URL ? workerFile.href : workerFile,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    workerData: settings,
  });
  // Files go to the pool in chunks (one message per chunk, not per file); results stay in task order.
  const size = options.chunkSize ?? chunkSize(total, threads);
  const run = async (chunk: readonly LintFileTask[]): Promise<LintOutcome[]> => {
    let outcomes: LintOutcome[];
    try {
      outcomes = await pool.run([...chunk]);
    } catch (error) {
      // A worker died in this chunk: lint its files one by one so only the culprit fails.
      if (chunk.length > 1) return (await Promise.all(chunk.map((task) => run([task])))).flat();
      return [await failed(chunk[0]!, error)];
    }
    return outcomes.map(settled);
  };

  const window = Math.max(1, options.window ?? Math.max(4, threads * 4));
  const inFlight: Promise<LintOutcome[]>[] = [];
  let next = 0;
  try {
    while (next < total || inFlight.length > 0) {
      while (inFlight.length < window && next < total) {
        inFlight.push(run(tasks.slice(next, next + size)));
        next += size;
      }
      yield* await inFlight.shift()!;
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
