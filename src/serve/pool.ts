/**
 * The lint jobs of the service on a piscina pool (检查任务池): a bounded queue (when full, the
 * request is refused with 503 instead of growing a backlog) and a time limit per file that stops
 * the work — the job's worker thread is terminated and replaced, the file gets a fatal result and
 * the process lives on.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { internalFailure, lintFailure } from '../index.js';
import type { UploadLintOutcome, UploadLintSettings, UploadLintTask } from './worker.js';

export interface LintPoolOptions {
  threads: number;
  /** Jobs waiting for a thread, beyond those running. */
  maxQueue: number;
  /** Per-file limit (ms), from the moment the job is queued. */
  timeLimitMs: number;
  settings: UploadLintSettings;
  /** The worker module (default: the compiled worker.js beside this file). */
  workerFile?: string;
}

/**
 * The compiled service worker, dist/src/serve/worker.js of the package. Found from the package root,
 * not beside this module: in the bundled command line (dist/bin/) `./worker.js` is the CLI's own
 * worker, which knows nothing of uploads. From TypeScript sources, tests pass their own.
 */
export function serviceWorkerFile(from: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(from));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'src', 'serve', 'worker.js');
}

function workerModule(workerFile: string | undefined): string {
  if (workerFile) return workerFile;
  const compiled = serviceWorkerFile();
  if (!existsSync(compiled)) throw new Error(`jxlint serve: the compiled worker (${compiled}) is missing; run npm run build`);
  return pathToFileURL(compiled).href;
}

/** Thrown when the queue cannot take the files of a request. */
export class QueueFullError extends Error {
  constructor() {
    super('lint queue is full');
    this.name = 'QueueFullError';
  }
}

export class LintPool {
  private readonly pool: Piscina<UploadLintTask, UploadLintOutcome>;
  /** Files admitted and not yet finished (running or queued). */
  private admitted = 0;
  readonly capacity: number;

  constructor(private readonly options: LintPoolOptions) {
    this.capacity = options.threads + options.maxQueue;
    this.pool = new Piscina({
      filename: workerModule(options.workerFile),
      minThreads: options.threads,
      maxThreads: options.threads,
      maxQueue: options.maxQueue,
      idleTimeout: 60_000,
      workerData: options.settings,
    });
    // A worker that dies is replaced by piscina; its task is rejected (a fatal result), never a crash.
    this.pool.on('error', () => undefined);
  }

  /** Files running or waiting. */
  get load(): number {
    return this.admitted;
  }

  /** Whether the pool has a free place for a new request's files. */
  get full(): boolean {
    return this.admitted >= this.capacity;
  }

  /**
   * Lints the files of one request, one outcome per file in order (a file stopped by the time limit
   * or lost with its thread is a LintResult with one fatal message). Throws QueueFullError (before
   * any work starts) when they do not all fit in the queue.
   */
  async lintAll(tasks: UploadLintTask[]): Promise<UploadLintOutcome[]> {
    if (this.admitted + tasks.length > this.capacity) throw new QueueFullError();
    this.admitted += tasks.length;
    return Promise.all(tasks.map((task) => this.lintOne(task).finally(() => this.admitted--)));
  }

  private async lintOne(task: UploadLintTask): Promise<UploadLintOutcome> {
    const limit = this.options.timeLimitMs;
    const signal = AbortSignal.timeout(limit);
    try {
      return await this.pool.run(task, { signal });
    } catch (error) {
      const locale = this.options.settings.locale;
      if (signal.aborted) {
        const seconds = (limit / 1000).toFixed(limit < 1000 ? 3 : 0);
        return lintFailure(
          task.fileName,
          {
            code: 'time-limit',
            message: `检查超时（超过 ${seconds} 秒）：已停止检查该文件；请确认文件内容正常，或请管理员调高 --time-limit`,
            messageEn: `checking took longer than ${seconds} s and was stopped; check the file, or ask the administrator to raise --time-limit`,
          },
          locale,
        );
      }
      if (error instanceof Error && error.message === 'Task queue is at limit') throw new QueueFullError();
      return internalFailure(task.fileName, error, locale, false);
    }
  }

  /** Waits for the running and queued jobs, then stops the threads. */
  async close(): Promise<void> {
    await this.pool.close();
  }
}
