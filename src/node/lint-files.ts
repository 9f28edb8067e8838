/**
 * Batch linting (批量检查): files are read, parsed and linted on worker processes (src/node/process-pool.ts;
 * in-process with concurrency 1), and the results come back one per file, in the order of the task
 * list, so two runs give identical output. At most `window` files are in flight or waiting to be emitted, so
 * memory is bounded by the pool, not by the number of files.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LintResult } from '../node.js';
import { internalFailure, lintFailure } from '../index.js';
import { ProcessPool } from './process-pool.js';
import { lintAndRender, renderOutcome, type LintFileTask, type LintOutcome, type LintRunSettings } from './worker.js';

export type { LintFileTask, LintOutcome, LintRunSettings, RenderSettings } from './worker.js';

export interface LintFilesOptions {
  /** Worker processes; 1 runs in-process without workers. */
  concurrency: number;
  /** Called as each file finishes (in completion order), for progress display. */
  onFileDone?: (done: number, total: number) => void;
  /** The compiled worker module (default: worker.js beside this file); the processes run process-worker.js beside it. */
  workerFile?: string | URL;
  /** Chunks in flight or finished but not yet emitted (default 4 per process). */
  window?: number;
  /** Files per pool task (default: from the files left and the process count, at most 16). */
  chunkSize?: number;
  /** Heap cap of each worker process in MiB (default 2048): a file that needs more fails alone. */
  maxWorkerMemoryMb?: number;
  /** Time limit per file in ms on worker processes (default 120,000; 0: none): a file that takes longer fails alone. */
  timeLimitMs?: number;
  /** Stops the run: no new file is started, the processes are stopped, and the generator throws `RunStopped`. */
  signal?: AbortSignal;
  /**
   * Gives a private folder (made on first call; the caller removes it at the end): worker processes
   * write each chunk's pieces to a file there and send only their places (`LintOutcome.spooled`,
   * `shared`), so the pieces never pass through this process's memory; each chunk's file is removed
   * once its last outcome has been consumed. Only for a consumer that copies spooled pieces (the
   * report writer). If the folder cannot be made, the pieces come over the channel as usual.
   */
  piecesDir?: () => string;
}

/**
 * Heap cap of a worker process or thread (工作进程内存上限), MiB: far above any real document, low enough that a
 * runaway file cannot take the machine. Not lower: Node 20's V8 (64-bit, no pointer compression)
 * treats an old generation capped below 2 GiB as a small device's and lets it grow less between full
 * collections. Over a 900-file batch on two worker threads (`--trace-gc`) the threads ran 43–61 full
 * collections at 1 GiB, 42 at 1.5 GiB and 12–16 at 2 GiB, and each one also discards optimised code
 * whose object shapes died with the last file, so the thread compiled its hot code again: two
 * threads took 15.4–15.9 s and 26 CPU-s against 12.3–12.6 s and 20 CPU-s at 2 GiB (interleaved runs
 * on 2 cores). The cost is memory: ~370 MiB peak for 1,000 files on two threads, against ~280.
 */
export const DEFAULT_WORKER_MEMORY_MB = 2048;

/** Time limit per file (单个文件时限) on worker processes, ms: real documents take seconds; a stuck reader is stopped. */
export const DEFAULT_TIME_LIMIT_MS = 120_000;

/** Thrown by `lintFiles` when its signal stops the run. */
export class RunStopped extends Error {
  constructor(readonly reason: unknown) {
    super('the run was stopped');
    this.name = 'RunStopped';
  }
}

/** A file whose worker process died or ran out of time: its one fatal result (the other files go on). */
export function workerFailure(filePath: string, error: unknown, context: { timedOut: boolean; timeLimitMs: number; memoryMb: number; locale?: LintRunSettings['locale'] }): LintResult {
  const { locale } = context;
  if (context.timedOut) {
    const seconds = context.timeLimitMs / 1000;
    return lintFailure(
      filePath,
      {
        code: 'time-limit',
        message: `检查超时（超过 ${seconds} 秒）：已停止检查该文件，其他文件照常检查；请确认文件内容正常，或用 --time-limit 调高时限`,
        messageEn: `checking took longer than ${seconds} s and was stopped; the other files were checked; check the file, or raise --time-limit`,
      },
      locale,
    );
  }
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return lintFailure(
      filePath,
      {
        code: 'out-of-memory',
        message: `检查该文件超出了内存上限（每个工作进程 ${context.memoryMb} MiB），已停止：其他文件照常检查；请确认文件正常，或用 --max-worker-memory 调高上限`,
        messageEn: `checking this file needed more than the ${context.memoryMb} MiB a worker process may use and was stopped; the other files were checked; check the file, or raise --max-worker-memory`,
      },
      locale,
    );
  }
  const exited = /worker exited with (code|signal):? *(-?\w+)/i.exec(error instanceof Error ? error.message : String(error));
  if (exited) {
    const [how, howEn] = exited[1] === 'signal' ? ['信号', 'signal'] : ['退出码', 'code'];
    return lintFailure(
      filePath,
      {
        code: 'worker-exited',
        message: `检查该文件的工作进程意外退出（${how} ${exited[2]}）：其他文件照常检查；请把该文件附在问题报告中`,
        messageEn: `the worker process checking this file exited unexpectedly (${howEn} ${exited[2]}); the other files were checked; please report it with the file`,
      },
      locale,
    );
  }
  return internalFailure(filePath, error, locale);
}

/**
 * .docx-equivalent bytes of work each worker process must get before workers pay for themselves.
 * A worker costs more than its start-up (Node, the modules and the grammar, ~0.4 CPU-s): each one
 * warms its own JIT, and TurboFan compiling the same hot code again in every process is most of the
 * cost. 200 files of the bench corpus split in two halves and linted by two fresh processes one
 * after the other took 9.7–10.6 CPU-s against 6.7–7.4 in one process (no contention: run side by
 * side they took the same CPU), so two processes at 200 files finished no sooner than one (5.3–5.4
 * against 5.0–5.4 s; the pool itself 5.3–7.2 s). Workers therefore only win once each has many
 * warm-ups' worth of work — about 6 MiB (~200 seed-sized .docx of 31 KB, ~5 s on one core); below
 * that one process in-process is as fast or faster.
 */
export const WORK_BYTES_PER_WORKER = 6 * 1024 * 1024;

/** How much a file's bytes weigh against a .docx's (text exports lint ~5× faster per byte; .doc carries much else). */
export function workWeight(filePath: string): number {
  const ext = filePath.slice(filePath.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'docx') return 1;
  if (ext === 'doc') return 0.15;
  return 0.25;
}

/**
 * Worker processes for `--concurrency auto` (自动并发数), chosen from the work rather than the file count:
 * in-process (1) unless there are enough files and bytes for every process to earn its start-up;
 * never more than the cores or the files.
 */
export function autoConcurrency(fileCount: number, workBytes = Number.POSITIVE_INFINITY): number {
  if (fileCount < 8) return 1;
  const byWork = Math.floor(workBytes / WORK_BYTES_PER_WORKER);
  return Math.max(1, Math.min(availableParallelism(), fileCount, byWork));
}

/**
 * Files in the next pool task, from the files still to give out: up to 16, so messages are few, and
 * down to one as the batch nears its end, so no process sits idle while another finishes a chunk.
 */
export function chunkSize(filesLeft: number, processes: number): number {
  return Math.max(1, Math.min(16, Math.floor(filesLeft / (processes * 8))));
}

/** The worker module beside this one, when running from compiled JavaScript (worker threads: the LSP server's Word files). */
export function defaultWorkerFile(): URL {
  return new URL('./worker.js', import.meta.url);
}

/** The entry of a batch's worker processes: process-worker.js beside the worker module. */
export function processWorkerFile(workerFile: string | URL): string {
  return fileURLToPath(new URL('./process-worker.js', typeof workerFile === 'string' ? pathToFileURL(workerFile) : workerFile));
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
 * file that cannot be read, or a worker that dies on it, is a result with one fatal message. An
 * outcome's pieces are valid until the next outcome is asked for (write or copy them first).
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
  const signal = options.signal;
  const stopped = () => new RunStopped(signal?.reason);
  const memoryMb = options.maxWorkerMemoryMb ?? DEFAULT_WORKER_MEMORY_MB;
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  // A worker that dies on a file (out of memory, out of time, exited): that file fails, rendered like any other failure.
  const failed = async (task: LintFileTask, error: unknown, timedOut: boolean) =>
    settled(await renderOutcome(workerFailure(task.filePath, error, { timedOut, timeLimitMs, memoryMb, locale: settings.locale }), settings));

  const workerFile = options.workerFile ?? defaultWorkerFile();
  // From TypeScript sources (tests, tsx) there is no compiled worker: run in-process.
  const entry = processWorkerFile(workerFile);
  const processes = workerFileExists(entry) ? Math.max(1, Math.min(options.concurrency, total)) : 1;

  if (processes <= 1) {
    // In-process: no memory cap or time limit can be enforced here; a stop takes effect between files.
    // Each outcome is consumed before the next file is rendered, so its pieces may use the reused buffer.
    // A large file linted project by project lets the event loop run between projects, so a stop need not wait for its end.
    const stop = signal
      ? async () => {
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (signal.aborted) throw stopped();
        }
      : undefined;
    for (const task of tasks) {
      if (signal?.aborted) throw stopped();
      yield settled(await lintAndRender(task, settings, undefined, 'reused', stop));
    }
    return;
  }

  const pool = new ProcessPool({ file: entry, size: processes, settings, memoryMb });
  let destroyed: Promise<void> | null = null;
  const destroy = (stop = true) => (destroyed ??= pool.destroy(stop).catch(() => undefined));
  const onStop = () => void destroy();
  signal?.addEventListener('abort', onStop, { once: true });

  // Files go to the pool in chunks (one request per chunk, not per file); results stay in task order.
  // The pool queues the chunks and starts each one's clock when a process takes it.
  let piecesDir: string | undefined;
  try {
    piecesDir = options.piecesDir?.();
  } catch {
    // No temporary folder: the pieces come over the channel.
  }
  let spools = 0;
  const run = async (chunk: readonly LintFileTask[]): Promise<LintOutcome[]> => {
    if (signal?.aborted) throw stopped();
    const spool = piecesDir === undefined ? undefined : path.join(piecesDir, `chunk-${spools++}`);
    let outcomes: LintOutcome[];
    try {
      outcomes = await pool.run([...chunk], { timeLimitMs: timeLimitMs * chunk.length, spool });
    } catch (error) {
      if (spool) rmSync(spool, { force: true });
      if (signal?.aborted) throw stopped();
      // A worker died or ran out of time in this chunk: lint its files one by one so only the culprit fails.
      if (chunk.length > 1) return (await Promise.all(chunk.map((task) => run([task])))).flat();
      return [await failed(chunk[0]!, error, (error as { code?: string } | null)?.code === 'ERR_WORKER_TIMED_OUT')];
    }
    return outcomes.map(settled);
  };

  const window = Math.max(1, options.window ?? Math.max(4, processes * 4));
  const inFlight: Promise<LintOutcome[]>[] = [];
  let next = 0;
  try {
    while (next < total || inFlight.length > 0) {
      if (signal?.aborted) throw stopped();
      while (inFlight.length < window && next < total) {
        const size = options.chunkSize ?? chunkSize(total - next, processes);
        const running = run(tasks.slice(next, next + size));
        running.catch(() => undefined); // awaited in order below; a stopped run must not leave an unhandled rejection
        inFlight.push(running);
        next += size;
      }
      const outcomes = await inFlight.shift()!;
      yield* outcomes;
      removeChunkSpools(outcomes);
    }
  } finally {
    signal?.removeEventListener('abort', onStop);
    if (signal?.aborted) await destroy();
    // Let the rest settle before tearing the pool down (an early `return` from the consumer).
    await Promise.allSettled(inFlight);
    await destroy(false);
  }
}

/** Removes the chunk files whose pieces have all been consumed. */
function removeChunkSpools(outcomes: readonly LintOutcome[]): void {
  let last: string | undefined;
  for (const outcome of outcomes) {
    for (const piece of [...(outcome.spooled ?? []), ...(outcome.cacheSpooled ? [outcome.cacheSpooled] : [])]) {
      if (!piece.shared || piece.file === last) continue;
      last = piece.file;
      rmSync(piece.file, { force: true });
    }
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
