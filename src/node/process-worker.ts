/**
 * A worker process of a batch (批量检查的工作进程), started by src/node/process-pool.ts: it takes the
 * run's settings once, then chunks of files, and answers each chunk with its outcomes in order.
 * The work itself is `lintAndRender`, as in-process and on worker threads.
 *
 * What the pool must learn of a death is sent before dying: an exception no one caught is reported
 * with its message, then the process exits. Ctrl-C and SIGTERM belong to the parent, which stops the
 * run and then this process; a process whose parent is gone (the IPC channel closed) exits.
 *
 * A parent killed outright (SIGKILL, the kernel's out-of-memory killer) cannot stop a file that is
 * still running, and an endless file would then spin with no one to stop it: a watchdog thread
 * (看门狗) checks every second that the parent is still this process's parent, and kills the
 * process when it is not — from its own thread, so a blocked event loop does not stop it.
 */
import { closeSync, openSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { writeAllAt, type SpooledPiece } from './lint-bounded.js';
import { lintAndRender, type LintFileTask, type LintOutcome, type LintRunSettings } from './worker.js';

/**
 * Parent → worker. A chunk with `spool` names a file of its own for the chunk's pieces: they are
 * written there and only their places travel back (the parent copies them into the reports and removes
 * the file), so the parent never holds the pieces themselves.
 */
export type PoolRequest = { kind: 'settings'; settings: LintRunSettings } | { kind: 'chunk'; id: number; tasks: LintFileTask[]; spool?: string };

/** Worker → parent. */
export type PoolReply =
  | { kind: 'ready' }
  /** One file of a chunk, as soon as it is done: one message per file keeps each message small. */
  | { kind: 'file'; id: number; outcome: LintOutcome }
  | { kind: 'done'; id: number }
  | { kind: 'crashed'; message: string; name: string };

/** Marks the environment of a process the pool started (its entry does nothing elsewhere). */
export const WORKER_PROCESS_ENV = 'JXLINT_WORKER_PROCESS';

function reply(message: PoolReply): void {
  process.send!(message);
}

/**
 * V8's interrupt budget (优化阈值) in a worker process, bytes of bytecode run before a function is
 * considered for optimising (V8 11's default: 66 KiB). Every worker process compiles its hot code
 * again, and with all cores linting, that compiling takes CPU from the linting: TurboFan took 3.5–4.1 s
 * of the ~18 CPU-s of 900 files in one process. A larger budget optimises only what stays hot. 1,000 files on two
 * processes, interleaved: 14.4–14.6 s and 27.6–27.9 CPU-s at 512 KiB against 14.6–17.2 s and
 * 27.9–33.1 at the default; 200 files: 9.8–11.6 against 11.2–13.1 CPU-s. In one process the default
 * is as good (its compiles run on the idle core), so only workers raise it. Set at run time, not on the
 * command line: an unknown flag there would stop Node from starting.
 */
const WORKER_INTERRUPT_BUDGET = 512 * 1024;

/** The watchdog's code: a few lines, so the thread costs a small isolate and no modules. */
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
setInterval(() => { if (process.ppid !== workerData) process.kill(process.pid, 'SIGKILL'); }, 1000);
`;

/**
 * The file a chunk's pieces are written to, one after another. A file that cannot be made or
 * written (a full or vanished temporary folder) is given up: from then on the chunk's pieces travel
 * over the channel as they would without a file, so the run goes on.
 */
export class ChunkSpool {
  private fd: number | null = null;
  private end = 0;

  constructor(private readonly file: string) {
    try {
      this.fd = openSync(file, 'w');
    } catch {
      // pieces go over the channel
    }
  }

  /** The outcome with its pieces written here and replaced by their places (a large file's own spooled pieces pass as they are). */
  take(outcome: LintOutcome): LintOutcome {
    const fd = this.fd;
    if (!outcome.pieces || fd === null) return outcome;
    const spooled: SpooledPiece[] = [];
    let at = this.end;
    const write = (bytes: Uint8Array): SpooledPiece => {
      writeAllAt(fd, bytes, at);
      const piece = { file: this.file, ranges: [at, at + bytes.length], bytes: bytes.length, shared: true };
      at += bytes.length;
      return piece;
    };
    let cacheSpooled: SpooledPiece | undefined;
    try {
      for (const piece of outcome.pieces) spooled.push(write(piece));
      // What --cache keeps: the json piece itself when it is one (the same bytes), else its own bytes.
      const cache = outcome.cacheBytes;
      if (cache) {
        const same = outcome.pieces.indexOf(cache);
        cacheSpooled = same >= 0 ? spooled[same] : write(cache);
      }
    } catch {
      this.close();
      return outcome;
    }
    this.end = at;
    const { cacheBytes, ...rest } = outcome;
    return { ...rest, pieces: null, spooled, ...(cacheSpooled ? { cacheSpooled } : cacheBytes === null ? { cacheBytes } : {}) };
  }

  close(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // nothing left to do with it
    }
    this.fd = null;
  }
}

function serve(): void {
  setFlagsFromString(`--interrupt-budget=${WORKER_INTERRUPT_BUDGET}`);
  new Worker(WATCHDOG, { eval: true, workerData: process.ppid, resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1 } }).unref();
  let settings: LintRunSettings | null = null;
  const crashed = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const name = error instanceof Error ? error.name : 'Error';
    // The parent learns the cause first; exiting in the send's callback lets the message leave.
    process.send!({ kind: 'crashed', message, name } satisfies PoolReply, undefined, {}, () => process.exit(70));
  };
  process.on('uncaughtException', crashed);
  process.on('unhandledRejection', crashed);
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => undefined);
  process.on('disconnect', () => process.exit(0));
  process.on('message', (request: PoolRequest) => {
    if (request.kind === 'settings') {
      settings = request.settings;
      reply({ kind: 'ready' });
      return;
    }
    void (async () => {
      const spool = request.spool === undefined ? null : new ChunkSpool(request.spool);
      try {
        for (const task of request.tasks) {
          const outcome = await lintAndRender(task, settings!, undefined, 'reused');
          reply({ kind: 'file', id: request.id, outcome: spool ? spool.take(outcome) : outcome });
        }
      } finally {
        spool?.close();
      }
      reply({ kind: 'done', id: request.id });
    })().catch(crashed);
  });
}

if (process.env[WORKER_PROCESS_ENV] === '1' && typeof process.send === 'function') serve();
