/**
 * One large file linted with bounded memory (大文件逐项目检查): instead of holding the whole parsed
 * document and every message, the file is parsed and linted one project table at a time
 * (`lintBlocksByProject`), and each project's messages are rendered at once into a spool file per
 * report format (json, report-json, csv, github, compact). Only each project's byte range in the
 * spools is kept. At the end the file's piece of each report is the spools' ranges in order, around
 * a head and tail rendered from the result's fields: exactly the bytes the whole way
 * (`lint(await parse(bytes))` and the stream's `piece`) would write. The main thread copies those
 * ranges into the report in chunks (`SpooledPiece`), so no piece is ever one string in memory.
 *
 * A project that cross-project rules add messages to at the end (`late`) is read back from the
 * spool, merged with them by `sortMessages` and rendered again. When the stream gives up
 * (`complete: false`) the spools are removed and the caller lints the file the whole way.
 */
import { closeSync, existsSync, openSync, readdirSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, threadId, Worker, workerData } from 'node:worker_threads';
import { addCounts, configForFile, createStream, type LintMessage, type LintResult, type MessageCounts, type ProjectSummary, sortMessages, type FormatOptions, type ReportStream, type StreamedFormatName, lintBlocksByProject, readInputFile, type BlockStream, type StreamedLintEnd, type StreamedProjectMessages } from '../node.js';
import type { LintFileTask, LintOutcome, LintRunSettings, RenderSettings } from './worker.js';

const MiB = 1024 * 1024;

/**
 * Files larger than this are linted project by project when every report of the run is one of
 * `SPOOLED_FORMATS` (大文件阈值). Measured with `jxlint lint -f json` on the seed repeated (peak RSS,
 * whole way → project by project on the main thread): 0.2 MiB 90 → 89 MiB, 0.85 MiB 125 → 117,
 * 1.7 MiB 166 → 133, 4.9 MiB 290 → 175, 8.2 MiB 379 → 206, with the same or less CPU from 1.7 MiB
 * on: the whole way costs about 40 MiB more per MiB of export, and keeping every message stops
 * paying from about 1 MiB.
 */
export const DEFAULT_BOUNDED_LINT_THRESHOLD = 1 * MiB;

/**
 * Files larger than this are linted on a thread of their own with a heap cap (`largeFileHeapMb`).
 * The main thread's heap grows to about twice what it holds before V8 collects; a capped thread
 * collects sooner (4.9 MiB: 175 → 149 MiB peak; 8.2 MiB: 206 → 169; 16.4 MiB: 282 → 195–204) for about
 * 0.3 s of CPU to start it, which smaller files would feel.
 */
export const LARGE_FILE_OWN_THREAD_BYTES = 4 * MiB;

/** Reports whose piece of a file is a function of its messages one by one and its result's fields. */
export const SPOOLED_FORMATS: ReadonlySet<StreamedFormatName> = new Set<StreamedFormatName>(['json', 'report-json', 'csv', 'github', 'compact']);

/** Where and above which size the workers spool large files (set by the main thread, which owns and removes the folder). */
export interface SpoolSettings {
  /** A private temporary folder of the run (removed by the main thread at the end, on abort and at exit). */
  dir: string;
  /** Files larger than this many bytes are linted project by project. */
  threshold: number;
  /** `--max-worker-memory` in MiB (default `DEFAULT_WORKER_MEMORY_MB`): a large file's own thread gets no more heap than this either. */
  maxHeapMb: number;
}

/** A file's piece of one report, held on disk: the byte ranges `[start, end, start, end, …]` of `file`, in order. */
export interface SpooledPiece {
  file: string;
  ranges: number[];
  /** Total bytes of the ranges (0: the piece is empty, as csv's for a file without findings). */
  bytes: number;
  /** The file holds other pieces too (a worker process's chunk): whoever made it removes it, not the piece's reader. */
  shared?: boolean;
}

/** What `lintBlocksByProject` gives (src/engine/lint-stream.ts): each project's messages, then the end. */
export type ProjectMessageStream = Generator<StreamedProjectMessages, StreamedLintEnd, undefined>;

/** Whether a run's streamed reports can take spooled pieces: only those formats, and nobody needs the messages back. */
export function canSpool(render: RenderSettings | undefined): boolean {
  return canSpoolChunks(render) && !render!.cacheBytes;
}

/**
 * A spooled piece's bytes in order, read into `buffer`: each view fills the buffer as far as the piece
 * goes and is valid until the next one is asked for.
 */
export function* spooledChunks(piece: SpooledPiece, buffer: Uint8Array): Generator<Uint8Array, void, undefined> {
  const fd = openSync(piece.file, 'r');
  try {
    let used = 0;
    for (let i = 0; i < piece.ranges.length; i += 2) {
      for (let position = piece.ranges[i]!, end = piece.ranges[i + 1]!; position < end; ) {
        const n = readSync(fd, buffer, used, Math.min(buffer.length - used, end - position), position);
        if (n === 0) throw new Error(`spooled piece ${piece.file} ended early`);
        used += n;
        position += n;
        if (used === buffer.length) {
          yield buffer;
          used = 0;
        }
      }
    }
    if (used > 0) yield buffer.subarray(0, used);
  } finally {
    closeSync(fd);
  }
}

/**
 * A spooled piece's bytes, read into `buffer` when it is large enough (else into a new one): a view
 * valid until the buffer is used again.
 */
export function readSpooledPiece(piece: SpooledPiece, buffer: Uint8Array): Uint8Array {
  const out = buffer.length >= piece.bytes ? buffer : new Uint8Array(Math.max(piece.bytes, 2 * buffer.length));
  for (const chunk of spooledChunks(piece, out.subarray(0, piece.bytes))) return chunk;
  return out.subarray(0, 0);
}

/** Writes all of `bytes` to `fd` at `position`. */
export function writeAllAt(fd: number, bytes: Uint8Array, position: number): void {
  for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off, position + off);
}

/**
 * Whether a batch's worker processes may leave a chunk's pieces in a file (src/node/process-worker.ts):
 * the same reports as `canSpool`, and nobody needs the messages back; the bytes `--cache` keeps may go
 * there too (`LintOutcome.cacheSpooled`).
 */
export function canSpoolChunks(render: RenderSettings | undefined): boolean {
  return !!render && render.formats.length > 0 && render.formats.every((f) => SPOOLED_FORMATS.has(f)) && !render.keepMessages;
}

/** A whole result handed out project by project as `lintBlocksByProject` would (no late messages; no memory saved): tests. */
export function* wholeDocumentByProject(result: LintResult): ProjectMessageStream {
  const byProject = new Map<number, LintMessage[]>();
  const documentMessages: LintMessage[] = [];
  for (const m of result.messages) {
    if (m.projectIndex == null) documentMessages.push(m);
    else {
      let list = byProject.get(m.projectIndex);
      if (!list) byProject.set(m.projectIndex, (list = []));
      list.push(m);
    }
  }
  for (const project of result.projects) yield { project, messages: byProject.get(project.index) ?? [] };
  const { messages: _messages, document: _document, ...rest } = result;
  return { complete: true, result: rest, documentMessages, late: new Map() };
}

/** A file's bytes written through one reused buffer, with positional reads of what was written. */
class Spool {
  private readonly fd: number;
  private buffer = Buffer.allocUnsafe(MiB);
  private used = 0;
  private flushed = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'wx+', 0o600);
  }

  get offset(): number {
    return this.flushed + this.used;
  }

  write(text: string): void {
    if (text.length === 0) return;
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    if (this.buffer.length - this.used < text.length * 3) {
      this.flush();
      if (text.length * 3 > this.buffer.length) {
        const bytes = Buffer.from(text, 'utf8');
        this.writeAt(bytes, this.flushed);
        this.flushed += bytes.length;
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  private writeAt(bytes: Uint8Array, position: number): void {
    writeAllAt(this.fd, bytes, position);
  }

  flush(): void {
    if (this.used === 0) return;
    this.writeAt(this.buffer.subarray(0, this.used), this.flushed);
    this.flushed += this.used;
    this.used = 0;
  }

  read(start: number, end: number): string {
    this.flush();
    const bytes = Buffer.allocUnsafe(end - start);
    for (let off = 0; off < bytes.length; ) {
      const n = readSync(this.fd, bytes, off, bytes.length - off, start + off);
      if (n === 0) throw new Error(`spool ${this.file} ended early`);
      off += n;
    }
    return bytes.toString('utf8');
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  remove(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.file, { force: true });
  }
}

/** JSON.stringify(value, null, 2) as it appears nested `depth` levels deep in a 2-space document (as report-json writes it). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).split('\n').join('\n' + '  '.repeat(depth));
}

/**
 * How one report's piece of a file is made of its messages: a head and a tail from the result's
 * fields around the messages, each chunk of messages rendered on its own and chunks joined by `separator`.
 */
interface PieceShape {
  /** Between two messages of the piece (json ',', report-json ',\n'; '' for line formats). */
  separator: string;
  /** The messages' text, joined by the separator ('' for none). */
  chunk(messages: LintMessage[], result: LintResult): string;
  /** Head and tail of the piece given its result without messages (`any`: some message is shown). */
  frame(result: LintResult, any: boolean): { head: string; tail: string };
  /** The messages can be read back from a chunk (JSON.parse of `[chunk]`). */
  parsable: boolean;
}

/** A result's text split inside its (empty) messages array: up to its `[`, and from its `]` on. */
function splitAtMessages(text: string, marker: string): { head: string; tail: string } {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error('the result has no messages key');
  const open = at + marker.length - 1;
  return { head: text.slice(0, open), tail: text.slice(open) };
}

function jsonShape(): PieceShape {
  return {
    separator: ',',
    chunk: (messages) => (messages.length === 0 ? '' : JSON.stringify(messages).slice(1, -1)),
    frame: (result) => splitAtMessages(JSON.stringify(result), '"messages":[]'),
    parsable: true,
  };
}

function reportJsonShape(): PieceShape {
  const indent = '        ';
  return {
    separator: ',\n',
    chunk: (messages) => messages.map((m) => indent + nested(m, 4)).join(',\n'),
    frame(result, any) {
      // reportJsonStream's piece: '    ' + nested(result, 2); a non-empty array opens on a new line and closes at the keys' indent.
      const { head, tail } = splitAtMessages('    ' + nested(result, 2), '"messages": []');
      return any ? { head: head + '\n', tail: '\n      ' + tail } : { head, tail };
    },
    parsable: true,
  };
}

/** csv, github, compact: a line (or row) per message, nothing around them in a file's piece. */
function lineShape(stream: ReportStream): PieceShape {
  return {
    separator: '',
    chunk: (messages, result) => (messages.length === 0 ? '' : stream.piece({ ...result, messages })),
    frame: () => ({ head: '', tail: '' }),
    parsable: false,
  };
}

function shapeOf(format: StreamedFormatName, options: FormatOptions): PieceShape {
  if (format === 'json') return jsonShape();
  if (format === 'report-json') return reportJsonShape();
  return lineShape(createStream(format, options));
}

/**
 * What `SummaryBuilder` reads of a file's messages — rule, severity, fatal text and the agency the
 * message counts towards — kept as one shared message per distinct kind and how many there are,
 * instead of every message (`summaryInput` keeps one object per message).
 */
class SummaryMessages {
  private readonly kinds = new Map<string, { message: LintMessage; count: number }>();
  /** The first project of each agency: a representative whose `projectIndex` gives that agency (and is found early). */
  private readonly firstOfAgency = new Map<string | null, number>();
  /** Messages naming a project not yet seen, by that index: resolved at the end. */
  private readonly pending = new Map<string, { ruleId: string | null; severity: LintMessage['severity']; projectIndex: number; fatal?: string; count: number }>();

  project(project: ProjectSummary): void {
    const agency = project.agency ?? null;
    if (!this.firstOfAgency.has(agency)) this.firstOfAgency.set(agency, project.index);
  }

  private count(ruleId: string | null, severity: LintMessage['severity'], fatal: string | undefined, place: string, projectIndex: number | null): void {
    const key = `${ruleId}\u0000${severity}\u0000${fatal ?? ''}\u0000${fatal !== undefined}\u0000${place}`;
    const known = this.kinds.get(key);
    if (known) {
      known.count++;
      return;
    }
    const message = { ruleId, severity, projectIndex, projectCode: null, ...(fatal !== undefined ? { fatal: true, message: fatal } : {}) } as unknown as LintMessage;
    this.kinds.set(key, { message, count: 1 });
  }

  add(messages: readonly LintMessage[], projects: ReadonlyMap<number, ProjectSummary>): void {
    for (const m of messages) {
      const fatal = m.fatal ? m.message : undefined;
      if (m.projectIndex == null) {
        this.count(m.ruleId, m.severity, fatal, 'file', null);
        continue;
      }
      const project = projects.get(m.projectIndex);
      if (!project) {
        const key = `${m.ruleId}\u0000${m.severity}\u0000${fatal ?? ''}\u0000${m.projectIndex}`;
        const entry = this.pending.get(key);
        if (entry) entry.count++;
        else this.pending.set(key, { ruleId: m.ruleId, severity: m.severity, projectIndex: m.projectIndex, ...(fatal !== undefined ? { fatal } : {}), count: 1 });
        continue;
      }
      const agency = project.agency ?? null;
      this.count(m.ruleId, m.severity, fatal, `agency:${agency === null ? '\u0001' : agency}`, this.firstOfAgency.get(agency) ?? project.index);
    }
  }

  /** The messages the summary is built from: each kind's shared object as many times as it occurred. */
  messages(projects: readonly ProjectSummary[]): LintMessage[] {
    if (this.pending.size > 0) {
      const byIndex = new Map(projects.map((p) => [p.index, p]));
      for (const entry of this.pending.values()) {
        const project = byIndex.get(entry.projectIndex);
        const agency = project ? (project.agency ?? null) : undefined;
        for (let i = 0; i < entry.count; i++) {
          if (agency === undefined) this.count(entry.ruleId, entry.severity, entry.fatal, 'file', null);
          else this.count(entry.ruleId, entry.severity, entry.fatal, `agency:${agency === null ? '\u0001' : agency}`, this.firstOfAgency.get(agency) ?? project!.index);
        }
      }
      this.pending.clear();
    }
    const out: LintMessage[] = [];
    for (const { message, count } of this.kinds.values()) for (let i = 0; i < count; i++) out.push(message);
    return out;
  }
}

/** The result with an empty messages array where `lint` puts it (after `projects`), and these counts when given. */
function resultWithMessages(fields: Omit<LintResult, 'messages' | 'document'>, counts: MessageCounts | null): LintResult {
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'document' || key === 'messages') continue;
    if (!placed && key === 'errorCount') {
      out.messages = [];
      placed = true;
    }
    out[key] = counts && key in counts ? counts[key as keyof typeof counts] : value;
    if (key === 'projects') {
      out.messages = [];
      placed = true;
    }
  }
  if (!placed) out.messages = [];
  return out as unknown as LintResult;
}

/** What a spooled file gives back: its result (messages left out, counts whole), its pieces on disk, and what the summary needs. */
export interface SpooledFile {
  result: LintResult;
  spooled: SpooledPiece[];
  summaryResult?: LintResult;
}

let spoolCounter = 0;

/**
 * Renders a project stream into spools, one per report format, and returns each format's piece as
 * ranges of its spool; null when the stream did not complete (its spools are removed). `quiet`
 * pieces show errors only, as `errorsOnly` would. `pause` is awaited every few projects (in-process
 * runs: lets a Ctrl-C through; it may throw to stop, and the spools are removed).
 */
export async function spoolProjectStream(
  source: ProjectMessageStream,
  filePath: string,
  render: Pick<RenderSettings, 'formats' | 'options' | 'quiet' | 'summary'>,
  dir: string,
  pause?: () => Promise<void>,
): Promise<SpooledFile | null> {
  const shapes = render.formats.map((f) => shapeOf(f, render.options));
  // The spool a project is read back from when late messages join it: json's, else report-json's, else one of its own.
  let sourceIndex = shapes.findIndex((s) => s.parsable);
  if (sourceIndex < 0) {
    shapes.push(jsonShape());
    sourceIndex = shapes.length - 1;
  }
  const stem = path.join(dir, `${process.pid}-${threadId}-${++spoolCounter}`);
  const spools: Spool[] = [];
  const removeAll = () => {
    for (const s of spools) s.remove();
  };
  let finished = false;
  try {
    for (let k = 0; k < shapes.length; k++) spools.push(new Spool(`${stem}-${k}`));
    const projects = new Map<number, ProjectSummary>();
    const order: number[] = [];
    // Per spool, the offset where each project's chunk starts (the next one's start is its end).
    const starts: number[][] = shapes.map(() => []);
    // Projects rendered again at the end: late messages join them, or a message names a project not yet seen.
    const again = new Set<number>();
    const keepErrors = (messages: LintMessage[]) => (render.quiet ? messages.filter((m) => m.severity === 2) : messages);
    const summary = render.summary ? new SummaryMessages() : null;
    const counts = { errorCount: 0, warningCount: 0, infoCount: 0, fatalErrorCount: 0, fixableCount: 0 };
    const tally = (messages: readonly LintMessage[]) => addCounts(counts, messages);
    // csv, github and compact read a message's project from the result's projects: the chunk's own suffice.
    const chunkResult = (messages: LintMessage[], of: ProjectSummary[]): LintResult => ({
      filePath,
      status: 'ok',
      format: null,
      encoding: null,
      projects: of,
      messages,
      errorCount: 0,
      warningCount: 0,
      infoCount: 0,
      fatalErrorCount: 0,
      fixableCount: 0,
    });
    let step = source.next();
    while (!step.done) {
      const { project, messages } = step.value;
      projects.set(project.index, project);
      order.push(project.index);
      summary?.project(project);
      const kept = keepErrors(messages);
      const of = [project];
      for (const m of kept) {
        if (m.projectIndex == null || m.projectIndex === project.index) continue;
        const other = projects.get(m.projectIndex);
        if (!other) again.add(project.index);
        else if (!of.includes(other)) of.push(other);
      }
      tally(kept);
      summary?.add(kept, projects);
      for (let k = 0; k < shapes.length; k++) {
        starts[k]!.push(spools[k]!.offset);
        if (kept.length > 0) spools[k]!.write(shapes[k]!.separator + shapes[k]!.chunk(kept, chunkResult(kept, of)));
      }
      if (pause && order.length % 64 === 0) await pause();
      step = source.next();
    }
    const end = step.value;
    if (!end.complete) return null;
    const { result: fields, documentMessages, late } = end;
    for (const index of late.keys()) {
      // Late messages for a project never handed out: not ours to place.
      if (!projects.has(index)) return null;
      again.add(index);
    }
    const projectsEnd = spools.map((s) => s.offset);
    const startOf = (k: number, p: number) => starts[k]![p]!;
    const endOf = (k: number, p: number) => (p + 1 < order.length ? starts[k]![p + 1]! : projectsEnd[k]!);
    const allProjects = fields.projects;
    const docShown = keepErrors(documentMessages);
    tally(docShown);
    summary?.add(docShown, projects);

    // The projects rendered again: read back from the parsable spool, merged with their late messages.
    const redone = new Map<number, number[]>();
    for (let p = 0; p < order.length; p++) {
      const index = order[p]!;
      if (!again.has(index)) continue;
      const text = spools[sourceIndex]!.read(startOf(sourceIndex, p), endOf(sourceIndex, p)).slice(shapes[sourceIndex]!.separator.length);
      const spooled = text.length === 0 ? [] : (JSON.parse(`[${text}]`) as LintMessage[]);
      const added = keepErrors(late.get(index) ?? []);
      tally(added);
      summary?.add(added, projects);
      const messages = added.length > 0 ? sortMessages([...spooled, ...added]) : spooled;
      const wanted = new Set(messages.map((m) => m.projectIndex));
      const of = allProjects.filter((pr) => wanted.has(pr.index));
      const ranges: number[] = [];
      for (let k = 0; k < render.formats.length; k++) {
        const start = spools[k]!.offset;
        if (messages.length > 0) spools[k]!.write(shapes[k]!.separator + shapes[k]!.chunk(messages, chunkResult(messages, of)));
        ranges.push(start, spools[k]!.offset);
      }
      redone.set(index, ranges);
    }

    const shownFields = resultWithMessages(fields, render.quiet ? counts : null);
    const anyShown = counts.errorCount + counts.warningCount + counts.infoCount > 0;
    const pieces: SpooledPiece[] = [];
    for (let k = 0; k < render.formats.length; k++) {
      const spool = spools[k]!;
      const shape = shapes[k]!;
      const { head, tail } = shape.frame(shownFields, anyShown);
      const ranges: number[] = [];
      const add = (start: number, stop: number) => {
        if (stop <= start) return;
        const n = ranges.length;
        if (n > 0 && ranges[n - 1] === start) ranges[n - 1] = stop;
        else ranges.push(start, stop);
      };
      // The first chunk of messages has no separator before it.
      let first = true;
      const addChunk = (start: number, stop: number) => {
        if (stop <= start) return;
        if (first) {
          start += shape.separator.length;
          first = false;
        }
        add(start, stop);
      };
      // The head and the document's messages are written last, one after the other: one range.
      const headStart = spool.offset;
      spool.write(head);
      add(headStart, spool.offset);
      const docStart = spool.offset;
      if (docShown.length > 0) spool.write(shape.separator + shape.chunk(docShown, chunkResult(docShown, allProjects)));
      addChunk(docStart, spool.offset);
      for (let p = 0; p < order.length; p++) {
        const redoneRanges = redone.get(order[p]!);
        if (redoneRanges) addChunk(redoneRanges[2 * k]!, redoneRanges[2 * k + 1]!);
        else addChunk(startOf(k, p), endOf(k, p));
      }
      const tailStart = spool.offset;
      spool.write(tail);
      add(tailStart, spool.offset);
      spool.close();
      let bytes = 0;
      for (let i = 0; i < ranges.length; i += 2) bytes += ranges[i + 1]! - ranges[i]!;
      pieces.push({ file: spool.file, ranges, bytes });
    }
    for (let k = render.formats.length; k < spools.length; k++) spools[k]!.remove();
    finished = true;
    return {
      result: resultWithMessages(fields, null),
      spooled: pieces,
      ...(summary ? { summaryResult: { ...shownFields, messages: summary.messages(allProjects), document: undefined } } : {}),
    };
  } finally {
    if (!finished) removeAll();
  }
}

/**
 * Test hook (测试钩子), for test/node-bounded-lint.test.ts only: JXLINT_TEST_BOUNDED_FAULT=throw makes
 * the spooled path throw after its first 64 projects (its spools must go, the run fails as on any
 * fault of jxlint); `incomplete` makes the stream end with `complete: false` (the file is linted the
 * whole way); `oom` makes a large file's own thread run out of its heap (the file is linted the whole way).
 */
function injectedSpoolFault(): (() => Promise<void>) | undefined {
  if (process.env.JXLINT_TEST_BOUNDED_FAULT !== 'throw') return undefined;
  return async () => {
    throw new Error('injected spool fault');
  };
}

function* givingUp(source: ProjectMessageStream): ProjectMessageStream {
  let step = source.next();
  while (!step.done) {
    yield step.value;
    step = source.next();
  }
  return { complete: false, reason: 'injected' };
}

/** How a large file went: its outcome, or the bytes already read for the whole way (the stream gave up, or failed). */
export type LargeFileOutcome = { outcome: LintOutcome } | { outcome?: undefined; bytes?: Uint8Array };

/** The size of a file the run spools, or null when it is linted the whole way. */
function spooledSize(task: LintFileTask, settings: LintRunSettings, given?: Uint8Array): number | null {
  const render = settings.render;
  const spool = render?.spool;
  if (!render || !spool || !canSpool(render) || task.skipped || task.failure) return null;
  let size: number;
  try {
    size = given ? given.length : statSync(task.filePath).size;
  } catch {
    return null;
  }
  return size > spool.threshold ? size : null;
}

/**
 * Heap cap of a large file's own thread (大文件线程内存上限), MiB: 2.5 MiB per MiB of file plus 64,
 * at least 96, at most `maxHeapMb` (`--max-worker-memory`; and an 8 MiB young generation). V8 lets a heap grow to about twice what it holds
 * before collecting, and the main thread's heap may grow to gigabytes; a thread capped near what the
 * file needs collects sooner. Measured on the seed repeated (peak RSS of `jxlint lint -f json`):
 * 16.4 MiB → 105 MiB cap, 195–204 MiB peak (282 on the main thread); 95.4 MiB → 303 MiB cap, 483
 * MiB peak (840 on the main thread). What the rules keep across projects grows about 3 KB per
 * project (about 200 MiB at 58,000 projects), so a lower cap costs time in collections (256 MiB at
 * 95.4 MiB: 87 CPU-s against 75); a file that needs more than its cap is linted the whole way
 * instead (as before).
 */
export function largeFileHeapMb(size: number, maxHeapMb: number): number {
  return Math.min(maxHeapMb, Math.max(96, Math.ceil((2.5 * size) / MiB) + 64));
}

/** The compiled module a large file's own thread runs (worker.js beside this one: it loads this module), if there is one. */
function ownThreadFile(): URL | null {
  try {
    const file = new URL('./worker.js', import.meta.url);
    return existsSync(fileURLToPath(file)) ? file : null;
  } catch {
    return null;
  }
}

/**
 * Whether a file's first bytes look like a plain-text export rather than a Word, Excel or web page
 * file. Only text exports get a thread of their own: their reader hands out one table at a time, so
 * what the thread holds grows with the tables alone; the web page reader keeps the page's tree (a
 * 20 MiB one-table page: 391 MiB peak linted whole, 348 a table at a time here, 548 in a capped
 * thread collecting without end), and a .docx or .doc is inflated or read whole first.
 */
export function looksLikePlainText(filePath: string): boolean {
  let head: Buffer;
  try {
    const fd = openSync(filePath, 'r');
    try {
      head = Buffer.alloc(512);
      head = head.subarray(0, readSync(fd, head, 0, head.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return false; // ZIP: .docx, .xlsx
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) return false; // OLE: .doc
  const text = head.toString('latin1').replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '').replace(/\x00/g, '').trimStart();
  return !text.startsWith('<') && !/^\{\\rtf|^%PDF|^MIME-Version/i.test(text);
}

/** What a large file's own thread posts back. */
type OwnThreadReply = { outcome: LintOutcome } | { fallback: true };

/**
 * Lints one file project by project into spools when it is larger than the run's threshold and the
 * run's reports allow it (`canSpool`); otherwise, or when the stream gives up or the file needs more
 * memory than its thread may use, says so and the caller lints it the whole way (with the bytes
 * when they were read here). The work runs on a thread of its own with a heap cap sized to the file
 * (`largeFileHeapMb`), when the compiled worker module is there; else here. `stop` is awaited
 * between projects (or every 50 ms while the thread works) in an in-process run and may throw to
 * stop the run.
 */
export async function lintLargeFile(task: LintFileTask, settings: LintRunSettings, given?: Uint8Array, stop?: () => Promise<void>): Promise<LargeFileOutcome> {
  const size = spooledSize(task, settings, given);
  if (size === null) return {};
  const threadFile = given || size <= LARGE_FILE_OWN_THREAD_BYTES || !looksLikePlainText(task.filePath) ? null : ownThreadFile();
  if (!threadFile || process.env.JXLINT_BOUNDED_LINT_THREAD === 'off') return lintLargeFileHere(task, settings, given, stop);
  const worker = new Worker(threadFile, {
    workerData: { largeFile: { task, settings } },
    resourceLimits: { maxOldGenerationSizeMb: largeFileHeapMb(size, settings.render!.spool!.maxHeapMb), maxYoungGenerationSizeMb: 8 },
  });
  const ownFiles = `${process.pid}-${worker.threadId}-`;
  const removeOwnFiles = () => {
    const dir = settings.render!.spool!.dir;
    try {
      for (const name of readdirSync(dir)) if (name.startsWith(ownFiles)) rmSync(path.join(dir, name), { force: true });
    } catch {
      // the folder is removed at the end of the run anyway
    }
  };
  let settled = false;
  const reply = new Promise<OwnThreadReply | { error: unknown }>((resolve) => {
    worker.once('message', (message: OwnThreadReply) => resolve(message));
    worker.once('error', (error) => resolve({ error }));
    worker.once('exit', (code) => resolve({ error: new Error(`worker exited with code ${code}`) }));
  }).finally(() => (settled = true));
  try {
    while (!settled) {
      await Promise.race([reply, new Promise((resolve) => setTimeout(resolve, 50))]);
      if (!settled && stop) await stop();
    }
  } catch (error) {
    await worker.terminate();
    removeOwnFiles();
    throw error;
  }
  const answer = await reply;
  void worker.terminate();
  if ('outcome' in answer) return { outcome: answer.outcome };
  if ('fallback' in answer) return {};
  removeOwnFiles();
  const { error } = answer;
  // More memory than its cap, or a thread that died: the whole way, as before.
  if ((error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY' || /worker exited/i.test(String((error as Error)?.message))) return {};
  throw error;
}

/** A large file's own thread: lints it here and posts the outcome (its spooled pieces) or that it fell back. */
async function runOwnThread(job: { task: LintFileTask; settings: LintRunSettings }): Promise<void> {
  if (process.env.JXLINT_TEST_BOUNDED_FAULT === 'oom') {
    const hog: number[][] = [];
    for (;;) hog.push(new Array<number>(1 << 16).fill(hog.length));
  }
  const large = await lintLargeFileHere(job.task, job.settings);
  parentPort!.postMessage(large.outcome ? ({ outcome: large.outcome } satisfies OwnThreadReply) : ({ fallback: true } satisfies OwnThreadReply));
}

const ownJob = !isMainThread ? (workerData as { largeFile?: { task: LintFileTask; settings: LintRunSettings } } | null)?.largeFile : undefined;
// Once every module has loaded (this one is loaded from worker.js, in the middle of a cycle through node.js).
if (ownJob) setImmediate(() => void runOwnThread(ownJob));

/** `lintLargeFile` on this thread. */
async function lintLargeFileHere(task: LintFileTask, settings: LintRunSettings, given?: Uint8Array, stop?: () => Promise<void>): Promise<LargeFileOutcome> {
  const render = settings.render!;
  const spool = render.spool!;
  let bytes: Uint8Array;
  try {
    bytes = given ?? (await readInputFile(task.filePath, settings.maxFileSize));
  } catch {
    // The whole way reads it again and reports why it cannot.
    return {};
  }
  const runConfig = settings.configs[task.configIndex];
  const config = runConfig && configForFile(runConfig, task.filePath);
  const locale = settings.locale ?? config?.locale;
  let stream: BlockStream;
  try {
    const { readSource } = await import('../sources/index.js');
    stream = await readSource(bytes, {
      filePath: task.filePath,
      docxReader: settings.docxReader,
      maxFileSize: settings.maxFileSize,
      maxInflatedSize: settings.maxInflatedSize,
    });
  } catch {
    return { bytes };
  }
  const fault = injectedSpoolFault();
  const pause = fault ?? stop;
  try {
    let projects = lintBlocksByProject(stream, task.filePath, { config, locale });
    if (process.env.JXLINT_TEST_BOUNDED_FAULT === 'incomplete') projects = givingUp(projects);
    const spooled = await spoolProjectStream(projects, task.filePath, render, spool.dir, pause);
    if (!spooled) return { bytes };
    return { outcome: { result: spooled.result, pieces: null, spooled: spooled.spooled, ...(spooled.summaryResult ? { summaryResult: spooled.summaryResult } : {}) } };
  } catch (error) {
    if (fault) throw error;
    if (stop && (error as { name?: string } | null)?.name === 'RunStopped') throw error;
    // A disk that cannot take the spool, or a fault of the stream: the whole way, as before.
    return { bytes };
  }
}
