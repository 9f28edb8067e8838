/**
 * Linting one file (检查单个文件): read → parse → lint, always returning one `LintResult` — a file
 * that cannot be read is a result with one fatal message, never an exception. The default export is
 * the piscina task handler (the run settings arrive once, as `workerData`); `lintOneFile` is the
 * same work in-process (`--concurrency 1`, `--stdin`). Imports only the library API.
 */
// piscina hands its `workerData` option to each worker thread as the thread's own workerData, so the
// in-process path (--concurrency 1, --stdin) does not have to load piscina for it.
import { isMainThread, workerData } from 'node:worker_threads';
import { errorsOnly, INTERNAL_ERROR_ID, internalFailure, lint, lintFailure, readInputFile, SourceError, tryParse } from '../node.js';
import type { FormatOptions, LintResult, Locale, ReportStream, ResolvedConfig, StreamedFormatName } from '../node.js';
import { configForFile } from '../node.js';
import { createStream, summaryInput } from '../node.js';
import { lintLargeFile, type SpooledPiece, type SpoolSettings } from './lint-bounded.js';

/**
 * Reports the worker renders itself (json, csv, github: one piece per file), so the main thread
 * only writes bytes in order. Only when no baseline is applied (that needs the run's order).
 */
export interface RenderSettings {
  formats: StreamedFormatName[];
  options: FormatOptions;
  /** `--quiet`: pieces show errors only (the counts returned are still the full ones). */
  quiet: boolean;
  /** The main thread needs the messages too (other reports, --update-baseline); else they are dropped. */
  keepMessages: boolean;
  /** `--cache`: send the bytes the cache keeps of each result too (`LintOutcome.cacheBytes`), so the messages need not come back for it. */
  cacheBytes?: boolean;
  /** A summary-first report (report-json) is among the formats: send what its summary needs. */
  summary: boolean;
  /** Files above `threshold` bytes are linted project by project into spool files in `dir` (src/node/lint-bounded.ts). */
  spool?: SpoolSettings;
}

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
  render?: RenderSettings;
}

/** A file's result, and its rendered pieces (UTF-8, one per `render.formats`) when asked. */
export interface LintOutcome {
  result: LintResult;
  pieces: Uint8Array[] | null;
  /** What the batch summary needs of the result as shown (after --quiet), when asked. */
  summaryResult?: LintResult;
  /**
   * With `render.cacheBytes`: the result's JSON without its document (what `--cache` keeps; the json
   * piece itself when there is one), or null when the result must not be cached (jxlint's own failure).
   */
  cacheBytes?: Uint8Array | null;
  /** The same bytes left in a worker process's chunk file instead (`cacheBytes` is then absent). */
  cacheSpooled?: SpooledPiece;
  /** A large file's pieces left on disk (one per `render.formats`) instead of `pieces`: the main thread copies them into the reports and removes them. */
  spooled?: SpooledPiece[];
}

export interface LintFileTask {
  /** Absolute path; also the result's filePath. */
  filePath: string;
  configIndex: number;
  /** Matched by an ignore pattern: reported as skipped, not read. */
  skipped?: boolean;
  /** Known to fail before reading (a sub-folder that cannot be searched): this is its fatal message. */
  failure?: { code: string; message: string; messageEn: string };
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

/**
 * Test hook (测试钩子), for test/reliability-batch*.test.ts only: with JXLINT_TEST_WORKER_FAULT set to
 * `exit:NAME`, `crash:NAME`, `hang:NAME`, `oom:NAME` or `segfault:NAME` (comma-separated), a worker
 * given the file NAME does what a reader that dies would — calls process.exit, throws outside any
 * promise, loops forever, allocates until its heap cap, or dies of a signal as a native crash does.
 * Only in a worker process or thread, never in the process that runs the batch.
 */
async function injectedFault(filePath: string): Promise<void> {
  const spec = process.env.JXLINT_TEST_WORKER_FAULT;
  if (!spec || (isMainThread && process.env.JXLINT_WORKER_PROCESS !== '1')) return;
  for (const one of spec.split(',')) {
    const [kind, name] = one.split(':');
    if (!name || (filePath !== name && !filePath.endsWith('/' + name))) continue;
    if (kind === 'exit') process.exit(3);
    // A native crash kills the whole process, so only a worker process is let do it.
    if (kind === 'segfault' && process.env.JXLINT_WORKER_PROCESS === '1') process.kill(process.pid, 'SIGSEGV');
    if (kind === 'hang') for (;;);
    if (kind === 'crash') {
      await new Promise(() =>
        setImmediate(() => {
          throw new Error('injected crash');
        }),
      );
    }
    if (kind === 'oom') {
      const hog: number[][] = [];
      for (;;) hog.push(new Array<number>(1 << 16).fill(hog.length));
    }
  }
}

/** Reads, parses and lints one file. Never throws. */
export async function lintOneFile(task: LintFileTask, settings: LintRunSettings, bytes?: Uint8Array): Promise<LintResult> {
  const runConfig = settings.configs[task.configIndex];
  const config = runConfig && configForFile(runConfig, task.filePath);
  const locale = settings.locale ?? config?.locale;
  if (task.skipped) return skippedResult(task.filePath);
  if (task.failure) return lintFailure(task.filePath, task.failure, locale);
  await injectedFault(task.filePath);
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

const encoder = new TextEncoder();

/** The report streams of a run's render settings, made once per thread. */
const streamsOf = new WeakMap<RenderSettings, ReportStream[]>();
function streams(render: RenderSettings): ReportStream[] {
  let list = streamsOf.get(render);
  if (!list) streamsOf.set(render, (list = render.formats.map((name) => createStream(name, render.options))));
  return list;
}

/**
 * Where pieces are encoded (UTF-8): one buffer per thread, grown as needed and never shrunk, so a
 * file's pieces take no fresh memory (on this kind of machine a fresh large buffer costs a page
 * fault per 4 KiB). Pieces are encoded part by part (each json message alone), so no string of the
 * whole piece is built either.
 */
class PieceBuffer {
  private buffer = new Uint8Array(256 * 1024);
  private used = 0;

  /** Starts a file's pieces: the views handed out for the previous file are overwritten from now on. */
  reset(): void {
    this.used = 0;
  }

  /** Encodes the parts one after another; the piece is a view of the buffer. */
  encode(parts: readonly string[]): Uint8Array {
    const start = this.used;
    for (const part of parts) {
      // UTF-8 needs at most 3 bytes per UTF-16 unit.
      if (this.buffer.length - this.used < part.length * 3) this.grow(part.length * 3);
      this.used += encoder.encodeInto(part, this.buffer.subarray(this.used)).written;
    }
    return this.buffer.subarray(start, this.used);
  }

  private grow(need: number): void {
    // A new buffer: views already handed out for this file keep the old one.
    const bigger = new Uint8Array(Math.max(2 * this.buffer.length, this.used + need));
    bigger.set(this.buffer.subarray(0, this.used));
    this.buffer = bigger;
  }
}
const pieceBuffer = new PieceBuffer();

/** A stream's piece of the result, in parts when the stream can give them (json). */
function pieceParts(stream: ReportStream, result: LintResult): readonly string[] {
  const parted = stream as ReportStream & { pieceParts?: (result: LintResult) => string[] };
  return typeof parted.pieceParts === 'function' ? parted.pieceParts(result) : [stream.piece(result)];
}

/**
 * How an outcome's pieces are held: `reused`, views of the thread's piece buffer, valid until the
 * next file is rendered (in-process: each outcome is written before the next file); `owned`, each
 * piece in its own exact-size buffer (a worker's outcomes, moved to the main thread without a copy).
 */
export type PieceMemory = 'reused' | 'owned';

/**
 * Lints one file and renders its pieces of the streamed reports. Never throws because of the file.
 * A file above the spool threshold is linted project by project into spool files when the reports
 * allow it (src/node/lint-bounded.ts); `stop` is awaited between its projects (in-process runs) and
 * may throw to stop the run.
 */
export async function lintAndRender(task: LintFileTask, settings: LintRunSettings, bytes?: Uint8Array, memory: PieceMemory = 'owned', stop?: () => Promise<void>): Promise<LintOutcome> {
  if (settings.render?.spool) {
    const large = await lintLargeFile(task, settings, bytes, stop);
    if (large.outcome) return large.outcome;
    bytes = large.bytes ?? bytes;
  }
  return renderOutcome(await lintOneFile(task, settings, bytes), settings, memory);
}

/** A result with its pieces of the streamed reports (when the settings ask for them). */
export async function renderOutcome(result: LintResult, settings: LintRunSettings, memory: PieceMemory = 'owned'): Promise<LintOutcome> {
  const render = settings.render;
  if (!render || render.formats.length === 0) return { result, pieces: null };
  const shown = render.quiet ? errorsOnly(result) : result;
  const pieces: Uint8Array[] = [];
  pieceBuffer.reset();
  for (const stream of streams(render)) {
    const piece = pieceBuffer.encode(pieceParts(stream, shown));
    pieces.push(memory === 'reused' ? piece : piece.slice());
  }
  return {
    result: render.keepMessages ? result : { ...result, messages: [], document: undefined },
    pieces,
    ...(render.summary ? { summaryResult: summaryInput(shown) } : {}),
    ...(render.cacheBytes ? { cacheBytes: cacheBytes(result, render, pieces) } : {}),
  };
}

/** A failure that is jxlint's own (a rule or a worker that crashed): not cached, so the next run retries it. */
export function isInternalFailure(result: LintResult): boolean {
  return result.messages.some((m) => m.messageId === INTERNAL_ERROR_ID);
}

/** What `--cache` keeps of a result: the json piece (the same bytes) when the run renders one unfiltered, else its own JSON. */
function cacheBytes(result: LintResult, render: RenderSettings, pieces: readonly Uint8Array[]): Uint8Array | null {
  if (isInternalFailure(result)) return null;
  const json = render.quiet ? -1 : render.formats.indexOf('json');
  if (json >= 0) return pieces[json]!;
  const { document: _document, ...kept } = result;
  return encoder.encode(JSON.stringify(kept));
}

/**
 * The piscina task handler: one file, or a chunk of files (their outcomes in the same order). The
 * pieces' buffers are moved to the main thread, not copied (piscina's transferable wrapper).
 */
export default async function lintTask(task: LintFileTask | LintFileTask[]): Promise<LintOutcome | LintOutcome[] | object> {
  const settings = workerData as LintRunSettings;
  const outcomes: LintOutcome[] = [];
  for (const one of Array.isArray(task) ? task : [task]) outcomes.push(await lintAndRender(one, settings));
  const value = Array.isArray(task) ? outcomes : outcomes[0]!;
  const buffers = new Set<ArrayBuffer>();
  for (const outcome of outcomes) {
    for (const piece of outcome.pieces ?? []) buffers.add(piece.buffer as ArrayBuffer);
    if (outcome.cacheBytes) buffers.add(outcome.cacheBytes.buffer as ArrayBuffer);
  }
  if (buffers.size === 0 || isMainThread) return value;
  // The piscina of this thread (already loaded: it runs the thread), so its own symbols mark the move.
  const { Piscina } = await import('piscina');
  const moved = { [Piscina.transferableSymbol]: [...buffers], [Piscina.valueSymbol]: value } as unknown as Parameters<typeof Piscina.move>[0];
  return Piscina.move(moved);
}
