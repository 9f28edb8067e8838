/**
 * The worker processes of a batch (工作进程池): `size` child processes of this Node, each running
 * src/node/process-worker.ts with the heap cap on its command line. A chunk of files goes to an idle
 * process and its outcomes come back over the IPC channel (V8's serialisation, so the pieces stay
 * bytes).
 *
 * Processes rather than worker threads: threads share one address space, so their heaps' page faults
 * and the collectors' returns of memory wait on each other. On 2 cores, 900 seed-sized .docx linted
 * by two independent processes (`--shard 1/2` and `2/2` side by side) took 19.2–20.2 CPU-s (one
 * process alone: 16.2–19.0) and 10.0–10.4 s; on two threads 21.5–26.5 CPU-s and 12.1–14.3 s. The pool pays for moving
 * the reports' pieces over the channel and for the main process, and still beat the threads: 1,000
 * files (the bench corpus) in 14.4–14.6 s against 15.5–18.4 s, interleaved runs.
 *
 * A process that dies takes only its chunk: the chunk's promise is rejected with why (its heap cap,
 * an exception it reported, its exit code or signal), and the next chunk gets a new process.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { LintFileTask, LintOutcome, LintRunSettings } from './worker.js';
import { WORKER_PROCESS_ENV, type PoolReply, type PoolRequest } from './process-worker.js';

export interface ProcessPoolOptions {
  /** The compiled process-worker module. */
  file: string;
  /** Processes at most. */
  size: number;
  settings: LintRunSettings;
  /** Heap cap of each process (`--max-old-space-size`), MiB. */
  memoryMb: number;
}

/**
 * A chunk's process died: `code` says how (`ERR_WORKER_OUT_OF_MEMORY`, `ERR_WORKER_CRASHED`,
 * `ERR_WORKER_EXITED`, or `ERR_WORKER_TIMED_OUT` when the pool killed it for the chunk's time limit).
 */
export class WorkerDied extends Error {
  constructor(
    message: string,
    readonly code: 'ERR_WORKER_OUT_OF_MEMORY' | 'ERR_WORKER_CRASHED' | 'ERR_WORKER_EXITED' | 'ERR_WORKER_TIMED_OUT',
  ) {
    super(message);
    this.name = 'WorkerDied';
  }
}

/**
 * Each half of a worker's young generation (新生代), MiB (V8's default for a 2 GiB heap: 16). Two
 * workers and the main process are three heaps where threads were one process: at 8 MiB a worker's
 * peak RSS over the 1,000-file bench fell from 171–183 to 149–154 MiB. It costs speed: 900
 * seed-sized files on two workers, seven interleaved pairs, took a median 22.3 CPU-s at 8 MiB against
 * 20.6 at 16 (16 faster in six pairs), but with 16 the bench's two-worker peak, summed over the
 * processes, was 398.5 MiB against the 400 MiB target (docs/benchmarks.md, 2026-12-02 16:07–17:16).
 */
const WORKER_SEMI_SPACE_MB = 8;

/** What V8 writes to stderr when a heap passes its cap, before aborting the process. */
const OUT_OF_MEMORY_REPORT = /<--- Last few GCs --->|FATAL ERROR: .*JavaScript heap out of memory/;

interface Job {
  id: number;
  outcomes: LintOutcome[];
  resolve(outcomes: LintOutcome[]): void;
  reject(error: unknown): void;
}

class WorkerProcess {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  job: Job | null = null;
  exited = false;
  /** Called once the process is gone. */
  readonly onGone: (() => void)[] = [];
  /** V8's out-of-memory report began on stderr: held back, and the death is a heap-cap failure. */
  private outOfMemory = false;
  private crash: { message: string; name: string } | null = null;

  constructor(options: ProcessPoolOptions, onExit: (worker: WorkerProcess) => void) {
    this.child = fork(options.file, [], {
      execArgv: [`--max-old-space-size=${options.memoryMb}`, `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`],
      serialization: 'advanced',
      // stdout goes to stderr: a report written to stdout must not get anything else.
      stdio: ['ignore', 2, 'pipe', 'ipc'],
      env: { ...process.env, [WORKER_PROCESS_ENV]: '1' },
    });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (text: string) => {
      if (!this.outOfMemory && OUT_OF_MEMORY_REPORT.test(text)) this.outOfMemory = true;
      if (!this.outOfMemory) process.stderr.write(text);
    });
    let readyNow!: () => void;
    this.ready = new Promise<void>((resolve) => (readyNow = resolve));
    this.child.on('message', (reply: PoolReply) => {
      if (reply.kind === 'ready') readyNow();
      else if (reply.kind === 'crashed') this.crash = reply;
      else if (reply.kind === 'file' && this.job?.id === reply.id) this.job.outcomes.push(reply.outcome);
      else if (reply.kind === 'done' && this.job?.id === reply.id) {
        const job = this.job;
        this.job = null;
        job.resolve(job.outcomes);
      }
    });
    // The death is judged once the process has exited and its channel and stderr have ended, so
    // that a message or an out-of-memory report it wrote just before is not missed. ('close' would
    // say that too, but Node 20 never emits it for a child whose channel the parent closed.)
    let left = 3;
    let status: [number | null, NodeJS.Signals | null] = [null, null];
    const ended = () => {
      if (--left > 0 || this.exited) return;
      this.exited = true;
      readyNow();
      const job = this.job;
      this.job = null;
      job?.reject(this.deathOf(...status));
      onExit(this);
      for (const gone of this.onGone.splice(0)) gone();
    };
    this.child.once('exit', (code, signal) => {
      status = [code, signal];
      ended();
    });
    this.child.once('disconnect', ended);
    this.child.stderr!.once('close', ended);
    // A process that could not be started at all exits with no event of its own.
    this.child.once('error', () => {
      if (this.child.pid === undefined) {
        left = 1;
        ended();
      } else this.child.kill('SIGKILL');
    });
    this.send({ kind: 'settings', settings: options.settings });
    this.hold(false);
  }

  /**
   * Whether the process keeps this one alive: only while it has a chunk, so a caller that stops
   * asking for results without ending the run does not keep Node from exiting (the workers then
   * see their channel close, and exit).
   */
  hold(busy: boolean): void {
    const handles = [this.child, this.child.channel, this.child.stderr] as ({ ref?(): void; unref?(): void } | null | undefined)[];
    for (const handle of handles) (busy ? handle?.ref : handle?.unref)?.call(handle);
  }

  send(request: PoolRequest): void {
    if (!this.exited && this.child.connected) this.child.send(request, (error) => error && this.child.kill('SIGKILL'));
  }

  private deathOf(code: number | null, signal: NodeJS.Signals | null): WorkerDied {
    if (this.outOfMemory) return new WorkerDied('worker ran out of memory', 'ERR_WORKER_OUT_OF_MEMORY');
    if (this.crash) {
      const error = new WorkerDied(this.crash.message, 'ERR_WORKER_CRASHED');
      error.name = this.crash.name;
      return error;
    }
    return new WorkerDied(signal ? `worker exited with signal ${signal}` : `worker exited with code ${code}`, 'ERR_WORKER_EXITED');
  }
}

export class ProcessPool {
  private readonly workers = new Set<WorkerProcess>();
  private readonly idle: WorkerProcess[] = [];
  private readonly waiting: { resolve(worker: WorkerProcess): void; reject(error: Error): void }[] = [];
  private nextId = 0;
  private destroyed = false;

  constructor(private readonly options: ProcessPoolOptions) {
    for (let i = 0; i < options.size; i++) this.idle.push(this.start());
  }

  private start(): WorkerProcess {
    const worker = new WorkerProcess(this.options, (gone) => {
      this.workers.delete(gone);
      const at = this.idle.indexOf(gone);
      if (at >= 0) this.idle.splice(at, 1);
      // A process that died between chunks is replaced when a chunk waits for one.
      if (!this.destroyed && this.waiting.length > 0 && this.workers.size < this.options.size) this.waiting.shift()!.resolve(this.start());
    });
    this.workers.add(worker);
    return worker;
  }

  private acquire(): Promise<WorkerProcess> {
    const worker = this.idle.pop();
    if (worker) return Promise.resolve(worker);
    if (this.workers.size < this.options.size) return Promise.resolve(this.start());
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(worker: WorkerProcess): void {
    if (worker.exited || this.destroyed) return;
    const next = this.waiting.shift();
    if (next) next.resolve(worker);
    else {
      worker.hold(false);
      this.idle.push(worker);
    }
  }

  /**
   * Lints a chunk on the first free process (chunks wait their turn in order). The time limit runs
   * from when a process takes the chunk, so waiting in the queue does not count against it; a chunk
   * that overruns it has its process killed and is rejected with `ERR_WORKER_TIMED_OUT`. With
   * `spool`, the process writes the chunk's pieces to that file and sends where they are.
   */
  async run(tasks: LintFileTask[], limits: { timeLimitMs?: number; spool?: string } = {}): Promise<LintOutcome[]> {
    if (this.destroyed) throw new Error('the pool was destroyed');
    const worker = await this.acquire();
    worker.hold(true);
    let timedOut = false;
    const timeLimitMs = limits.timeLimitMs ?? 0;
    const clock =
      timeLimitMs > 0
        ? setTimeout(() => {
            timedOut = true;
            worker.child.kill('SIGKILL');
          }, timeLimitMs)
        : undefined;
    try {
      await worker.ready;
      const id = this.nextId++;
      const outcomes = new Promise<LintOutcome[]>((resolve, reject) => {
        if (worker.exited) reject(new WorkerDied('worker exited before its chunk', 'ERR_WORKER_EXITED'));
        else worker.job = { id, outcomes: [], resolve, reject };
      });
      worker.send({ kind: 'chunk', id, tasks, ...(limits.spool ? { spool: limits.spool } : {}) });
      return await outcomes;
    } catch (error) {
      throw timedOut ? new WorkerDied(`the chunk took longer than ${timeLimitMs} ms`, 'ERR_WORKER_TIMED_OUT') : error;
    } finally {
      clearTimeout(clock);
      this.release(worker);
    }
  }

  /**
   * Ends the processes: `stop`, at once (SIGKILL; a chunk still running is rejected); otherwise each
   * is asked to exit by closing its channel, and killed if it has not within a second.
   */
  async destroy(stop = true): Promise<void> {
    this.destroyed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('the pool was destroyed'));
    await Promise.all(
      [...this.workers].map(async (worker) => {
        if (worker.exited) return;
        // Held again until it is gone: the caller awaits this, and nothing else may keep Node running.
        worker.hold(true);
        const closed = new Promise<void>((resolve) => worker.onGone.push(resolve));
        if (stop || !worker.child.connected) worker.child.kill('SIGKILL');
        else {
          worker.child.disconnect();
          const late = setTimeout(() => worker.child.kill('SIGKILL'), 1000);
          void closed.then(() => clearTimeout(late));
        }
        await closed;
      }),
    );
  }
}
