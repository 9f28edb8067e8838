/**
 * Writing reports (报告输出), shared by a lint run and `merge`: results arrive one at a time in path
 * order and pass through the counts for the exit code, `--quiet`, and every report of the run.
 *
 * `json`, `csv`, `github` and `report-json` are concatenations of per-file pieces (the formatters'
 * `ReportStream`), written file by file while the scan runs — pieces rendered here or on the worker
 * threads; report-json's pieces go to a temporary file until its summary (which comes first) is
 * known, and only the summary is kept. Their bytes are identical to formatting all results at once,
 * and memory does not grow with the number of files. The other formats (stylish, sarif, junit,
 * xlsx, html) need every result, so those results are kept — without the parsed document unless
 * the html report asks, and with their repeated strings shared.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  agencyFileStem,
  createHtmlBatchReport,
  createStream,
  errorsOnly,
  splitByAgency,
  type HtmlBatchReport,
  format as formatResults,
  isStreamedFormat,
  ruleSummaries,
  summaryInput,
  SummaryBuilder,
  type FormatName,
  type FormatOptions,
  type LintResult,
  type Locale,
  type ReportStream,
  type StreamedFormatName,
} from '../index.js';
import { InputError } from './discover.js';
import { ReportFile, ReportFolder, reportWriteError, writeReportFile } from './report-files.js';
import { toolVersion } from './version.js';
import type { LintOutcome, RenderSettings } from './worker.js';
import { spooledChunks, type SpooledPiece } from './lint-bounded.js';
import { forgetTemporaryFile, trackTemporaryFile } from './report-files.js';

/** One report of a run: a format, and a file (null or omitted: stdout). */
export interface ReportOutput {
  format: FormatName;
  file?: string | null;
}

/** Where stdout goes (the CLI passes its own; default: the process's stdout). */
export interface ReportStdout {
  /** Writes a line (a newline is added). */
  line(text: string): void;
  /** Writes text or bytes as they are (reports streamed file by file). */
  write(chunk: string | Uint8Array): void;
}

export interface ReportOptions {
  /** Report paths and the file paths in reports are relative to it (default: process.cwd()). */
  cwd?: string;
  /** The language of the report chrome (default zh-CN). */
  locale?: Locale;
  /** Colour in the report written to stdout (files never get colour; default false). */
  color?: boolean;
  /** `--quiet`: errors only (warnings and infos are left out of the reports, counts redone). */
  quiet?: boolean;
  /** `generatedAt` of the reports (default: SOURCE_DATE_EPOCH when set, else now). */
  generatedAt?: string;
  /** IANA time zone of the times shown in xlsx and html (default Asia/Shanghai). */
  timeZone?: string;
  /** Base URL of the rule pages linked from reports (`<base><id>.md`; default: see docs/formats.md). */
  rulesDocsBaseUrl?: string;
  /** `agency`: the html, xlsx and csv reports are written once per 预算单位 (see docs/formats.md). */
  splitBy?: 'agency';
  /** The terminal report's layout (stylish): `width` applies to the report on stdout only. */
  stylish?: { width?: number; verbose?: boolean; statistics?: boolean };
  stdout?: ReportStdout;
}

/** The counts behind the exit code. */
export interface ReportTotals {
  files: number;
  failed: number;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** Files named on the command line but ignored (status skipped). */
  skipped?: number;
  /** Warnings and infos `--quiet` left out of the reports (they still count towards --max-warnings). */
  hiddenByQuiet?: { warnings: number; infos: number };
  /** Findings the baseline accepted (with --update-baseline: every finding), left out of the reports. */
  acceptedByBaseline?: number;
}

/** `generatedAt` of the reports: SOURCE_DATE_EPOCH (reproducible output) when set, else now. */
export function generatedAt(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}

/**
 * Where reports link rule pages: the base given (`--rules-docs-url`), else `JXLINT_RULES_DOCS_URL`,
 * else docs/rules/ of the installed package as a file URL (the pages ship in the package, so the
 * links work offline and where GitHub is blocked), else the formatters' default.
 */
function rulesDocsBase(given?: string): { rulesDocsBaseUrl?: string } {
  const base = given || process.env.JXLINT_RULES_DOCS_URL || installedRulesDocs();
  return base ? { rulesDocsBaseUrl: base } : {};
}

let installedDocs: string | null | undefined;
function installedRulesDocs(): string | null {
  if (installedDocs !== undefined) return installedDocs;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const rulesDir = path.join(dir, 'docs', 'rules');
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'jxlint') return (installedDocs = statSync(rulesDir).isDirectory() ? pathToFileURL(rulesDir).href + '/' : null);
    } catch {
      // not the package root; go up
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return (installedDocs = null);
}

/**
 * ESLint's exit codes: 2 when a file could not be read, 1 when there are errors or more warnings
 * than `maxWarnings`, else 0.
 */
export function exitCodeOf(totals: ReportTotals, maxWarnings?: number): 0 | 1 | 2 {
  if (totals.failed > 0) return 2;
  if (totals.errorCount > 0) return 1;
  if (maxWarnings !== undefined && totals.warningCount > maxWarnings) return 1;
  return 0;
}

const processStdout: ReportStdout = {
  line: (text) => void process.stdout.write(text + '\n'),
  write: (chunk) => void process.stdout.write(chunk),
};

/** A spec with its file made explicit. */
interface OutputSpec {
  format: FormatName;
  file: string | null;
}

/** Writes one whole report to its file (creating folders) or to stdout. Throws a one-line InputError on failure. */
async function writeReport(spec: OutputSpec, content: string | Uint8Array, cwd: string, stdout: (s: string) => void): Promise<void> {
  if (spec.file === null) {
    if (typeof content !== 'string') throw new InputError('report-not-writable', `${spec.format} 需要 -o 输出文件`, `${spec.format} needs -o FILE`);
    if (content.length > 0) stdout(content.endsWith('\n') ? content.slice(0, -1) : content);
    return;
  }
  // A temporary file beside it, renamed over it when complete (src/node/report-files.ts).
  writeReportFile(path.resolve(cwd, spec.file), content, spec.file);
}

/**
 * Shares equal strings between kept results (策略: one copy per distinct text). Results arrive from
 * the workers as fresh copies, so the same rule basis, location, value or message text would
 * otherwise be held once per file; across a batch most of them repeat.
 */
class StringPool {
  private readonly pool = new Map<string, string>();
  private intern(value: string): string {
    const known = this.pool.get(value);
    if (known !== undefined) return known;
    this.pool.set(value, value);
    return value;
  }
  private internFields<T extends object>(target: T, keys: readonly (keyof T)[]): void {
    for (const key of keys) {
      const value = target[key];
      if (typeof value === 'string') (target as Record<keyof T, unknown>)[key] = this.intern(value);
    }
  }
  /** Replaces the result's strings by their shared copies (same text, so reports do not change). */
  compact(result: LintResult): LintResult {
    for (const m of result.messages) {
      this.internFields(m, ['ruleId', 'message', 'messageId', 'projectCode', 'projectName', 'location', 'role', 'level3', 'found', 'suggestion', 'basis']);
    }
    for (const p of result.projects) this.internFields(p, ['code', 'name', 'agency']);
    return result;
  }
}

/**
 * The reports of one run, open: `add` each result in path order (with its pieces when a worker
 * rendered them), then `finish`. Streamed report files are created by `open`, so an unwritable
 * path fails before anything is linted.
 */
export class ReportWriter {
  readonly totals: Required<ReportTotals> = {
    files: 0,
    failed: 0,
    errorCount: 0,
    warningCount: 0,
    infoCount: 0,
    skipped: 0,
    hiddenByQuiet: { warnings: 0, infos: 0 },
    acceptedByBaseline: 0,
  };
  private readonly strings = new StringPool();
  /** The run's spool folder (large files' pieces wait there), made on first use. */
  private spool: string | null = null;

  private constructor(
    private readonly sinks: SinkSet,
    private readonly formatOptions: Omit<FormatOptions, 'color'>,
    private readonly quiet: boolean,
  ) {}

  static async open(outputs: readonly ReportOutput[], options: ReportOptions = {}): Promise<ReportWriter> {
    const cwd = options.cwd ?? process.cwd();
    const locale = options.locale ?? 'zh-CN';
    const stdout = options.stdout ?? processStdout;
    const base: Omit<FormatOptions, 'color'> = {
      rules: ruleSummaries(locale),
      locale,
      cwd,
      toolVersion: toolVersion(),
      generatedAt: options.generatedAt ?? generatedAt(),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      ...rulesDocsBase(options.rulesDocsBaseUrl),
    };
    const specs = outputs.map((o): OutputSpec => ({ format: o.format, file: o.file ?? null }));
    const { width, ...layout } = options.stylish ?? {};
    const sinks = await openSinks(specs, (spec) => ({ ...base, ...layout, ...(spec.file === null && width ? { width } : {}), color: spec.file === null ? options.color === true : false }), cwd, {
      stdout: stdout.line,
      writeStdout: stdout.write,
    }, options.splitBy);
    return new ReportWriter(sinks, base, options.quiet === true);
  }

  /**
   * What the workers can render themselves: the streamed reports. `needMessages`: the caller reads
   * the results' messages (else results come back without them when no report needs them).
   */
  renderSettings(needMessages = false): RenderSettings | undefined {
    if (this.sinks.streamed.length === 0) return undefined;
    return {
      formats: this.sinks.streamed.map((s) => s.spec.format as StreamedFormatName),
      options: { ...this.formatOptions, color: false },
      quiet: this.quiet,
      keepMessages: needMessages || this.sinks.collects || this.sinks.whole.length > 0,
      summary: this.sinks.streamed.some((s) => s.needsSummary),
    };
  }

  /**
   * A private temporary folder where large files' pieces (src/node/lint-bounded.ts) and worker
   * processes' chunks of pieces (src/node/lint-files.ts) wait: removed by `finish`, `abort`, and at exit
   * however the process ends.
   */
  spoolDir(): string {
    if (this.spool === null) {
      this.spool = mkdtempSync(path.join(tmpdir(), 'jxlint-spool-'));
      trackTemporaryFile(this.spool);
    }
    return this.spool;
  }

  private removeSpool(): void {
    if (this.spool === null) return;
    rmSync(this.spool, { recursive: true, force: true });
    forgetTemporaryFile(this.spool);
    this.spool = null;
  }

  /** One file's result, in path order; `pieces` only when rendered with `renderSettings()`. */
  async add(result: LintResult, rendered?: Pick<LintOutcome, 'pieces' | 'summaryResult' | 'spooled'>): Promise<void> {
    const t = this.totals;
    t.files++;
    if (result.status === 'failed' || result.fatalErrorCount > 0) t.failed++;
    t.errorCount += result.errorCount;
    t.warningCount += result.warningCount;
    t.infoCount += result.infoCount;
    if (result.status === 'skipped') t.skipped++;
    if (this.quiet) {
      t.hiddenByQuiet.warnings += result.warningCount;
      t.hiddenByQuiet.infos += result.infoCount;
    }
    const sinks = this.sinks;
    const pieces = rendered?.pieces ?? null;
    const shown = this.quiet && (sinks.collects || sinks.whole.length > 0 || !pieces) ? errorsOnly(result) : result;
    for (const sink of sinks.whole) await sink.add(shown);
    if (sinks.collects) sinks.kept.push(this.strings.compact(sinks.keepDocuments || !shown.document ? shown : { ...shown, document: undefined }));
    const spooled = rendered?.spooled;
    if (spooled) {
      // A large file's pieces on disk: only ever sent when every report is streamed (canSpool).
      if (spooled.length !== sinks.streamed.length || sinks.whole.length > 0 || sinks.collects) throw new Error('spooled pieces for reports that cannot take them');
      sinks.streamed.forEach((sink, i) => sink.addSpooled(spooled[i]!, rendered?.summaryResult));
    } else if (pieces && pieces.length === sinks.streamed.length) {
      sinks.streamed.forEach((sink, i) => sink.addPiece(pieces[i]!, rendered?.summaryResult));
    } else {
      for (const sink of sinks.streamed) await sink.add(shown);
    }
  }

  /** Writes the collected reports, closes the streamed ones, and returns the totals. */
  /** Findings the baseline accepted before `add` (counted by the caller that applies it). */
  countAccepted(n: number): void {
    this.totals.acceptedByBaseline += n;
  }

  /** The run stopped before the end (interrupted, or a report failed): half-written reports are removed, earlier ones stay. */
  abort(): void {
    for (const sink of this.sinks.sinks) {
      try {
        sink.abort?.();
      } catch {
        // the next sink still gets cleaned up
      }
    }
    this.removeSpool();
  }

  async finish(): Promise<ReportTotals> {
    const t = this.totals;
    // The terminal report says what the run left out (stylish's summary line).
    const run = { hiddenByQuiet: { ...t.hiddenByQuiet }, acceptedByBaseline: t.acceptedByBaseline };
    try {
      for (const sink of this.sinks.sinks) await sink.finish(run);
    } finally {
      this.removeSpool();
    }
    return { ...t, hiddenByQuiet: { ...t.hiddenByQuiet } };
  }
}

/**
 * Writes every report of `outputs` from the results (an array or an async iterable, in the order
 * they should appear) in one pass, and returns the totals (see `exitCodeOf`).
 */
export async function writeReports(
  results: Iterable<LintResult> | AsyncIterable<LintResult>,
  outputs: readonly ReportOutput[],
  options: ReportOptions = {},
): Promise<ReportTotals> {
  const writer = await ReportWriter.open(outputs, options);
  try {
    for await (const result of results) await writer.add(result);
    return await writer.finish();
  } catch (error) {
    // Interrupted or failed: no half-written report is left, earlier ones stay as they were.
    writer.abort();
    throw error;
  }
}

/** Whether a report streams to stdout while the run goes on (then no progress bar on a shared terminal). */
export function streamsToStdout(outputs: readonly ReportOutput[]): boolean {
  return outputs.some((o) => (o.file ?? null) === null && isStreamedFormat(o.format) && o.format !== 'report-json');
}

/** What the run left out of the results (passed to the reports written at the end). */
interface RunNotes {
  hiddenByQuiet: { warnings: number; infos: number };
  acceptedByBaseline: number;
}

interface ResultSink {
  add(result: LintResult): Promise<void>;
  finish(run?: RunNotes): Promise<void>;
  /** The run stopped before the end: remove what is half-written; earlier reports stay. */
  abort?(): void;
}

/** Writes text or bytes to a report file or to stdout, as it comes. */
interface Target {
  /** Writes or copies the chunk before returning: the caller may reuse its buffer. */
  write(chunk: string | Uint8Array): void;
  /** The report is complete (a file is renamed into place). */
  close(): void;
  /** The run did not finish: an earlier report file stays as it was. */
  discard(): void;
}

function openTarget(spec: OutputSpec, cwd: string, writeStdout: (chunk: string | Uint8Array) => void): Target {
  // stdout may hold a chunk until the pipe drains, and a piece may be a view of a reused buffer (a --cache hit): copy it.
  if (spec.file === null) return { write: (chunk) => writeStdout(typeof chunk === 'string' ? chunk : Buffer.from(chunk)), close: () => undefined, discard: () => undefined };
  const file = ReportFile.open(path.resolve(cwd, spec.file), spec.file);
  return { write: (chunk) => file.write(chunk), close: () => file.commit(), discard: () => file.discard() };
}

/** A scratch file (report-json's pieces wait there); a write that fails names the report it was for. */
function fileTarget(file: string, label: string): Target & { fd: number } {
  const fd = openSync(file, 'w+');
  return {
    fd,
    write: (chunk) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      try {
        for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
      } catch (e) {
        throw reportWriteError(`${label}（临时文件 ${file}）`, e);
      }
    },
    close: () => closeSync(fd),
    discard: () => closeSync(fd),
  };
}

/** Where spooled pieces are copied through on their way to a report (no target keeps a chunk after `write`). */
const copyBuffer = Buffer.allocUnsafe(256 * 1024);

/** Temporary folders to remove when the process ends, however it ends. */
const temporaryDirs = new Set<string>();
let cleanupHooked = false;
function temporaryDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jxlint-report-'));
  temporaryDirs.add(dir);
  if (!cleanupHooked) {
    cleanupHooked = true;
    process.once('exit', () => {
      for (const d of temporaryDirs) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}

/**
 * A report written file by file: head, pieces (rendered here or by a worker), tail. For a
 * summary-first report the pieces wait in a temporary file and the head is written at the end.
 */
class StreamedSink implements ResultSink {
  private count = 0;
  /** Summary-first: where the pieces wait, and the summary of the results so far. */
  private readonly parked: { dir: string; file: Target & { fd: number }; summary: SummaryBuilder } | null;

  private constructor(
    readonly spec: OutputSpec,
    private readonly target: Target,
    private readonly stream: ReportStream,
  ) {
    if (stream.summaryFirst) {
      const dir = temporaryDir();
      this.parked = { dir, file: fileTarget(path.join(dir, 'pieces'), spec.file ?? spec.format), summary: new SummaryBuilder() };
    } else {
      this.parked = null;
      target.write(stream.head());
    }
  }

  static async open(spec: OutputSpec, options: FormatOptions, cwd: string, writeStdout: (chunk: string | Uint8Array) => void): Promise<StreamedSink> {
    if (!isStreamedFormat(spec.format)) throw new Error(`${spec.format} cannot be written file by file`);
    return new StreamedSink(spec, openTarget(spec, cwd, writeStdout), createStream(spec.format, options));
  }

  /** Whether the worker should also send what the summary needs. */
  get needsSummary(): boolean {
    return this.stream.summaryFirst;
  }

  /** Renders the result's piece here. */
  async add(result: LintResult): Promise<void> {
    this.addPiece(this.stream.piece(result), this.parked ? summaryInput(result) : undefined);
  }

  /** Writes a piece rendered elsewhere (a worker, the cache), as text or UTF-8 bytes: written or copied before it returns. */
  addPiece(piece: string | Uint8Array, summaryResult?: LintResult): void {
    this.startPiece(piece.length === 0, summaryResult)?.write(piece);
  }

  /**
   * Counts a file's piece in the summary and, unless it is empty, writes the separator before it;
   * gives where the piece goes (null: nothing to write).
   */
  private startPiece(empty: boolean, summaryResult: LintResult | undefined): { write(data: string | Uint8Array): void } | null {
    if (this.parked) {
      if (!summaryResult) throw new Error(`${this.spec.format}: a piece came without its summary`);
      this.parked.summary.add(summaryResult);
    }
    if (empty) return null;
    const out = this.parked ? this.parked.file : this.target;
    if (this.count++ > 0 && this.stream.separator) out.write(this.stream.separator);
    return out;
  }

  /**
   * Copies a piece left on disk (a large file's, src/node/lint-bounded.ts, or a worker process's
   * chunk) through one reused buffer, so the piece is never in memory whole; every target writes or
   * copies a chunk before `write` returns. A piece's own file is removed after it; a chunk's file
   * (`shared`) is removed by the run once its last piece is copied.
   */
  addSpooled(piece: SpooledPiece, summaryResult?: LintResult): void {
    try {
      const out = this.startPiece(piece.bytes === 0, summaryResult);
      if (!out) return;
      for (const chunk of spooledChunks(piece, copyBuffer)) out.write(chunk);
    } finally {
      if (!piece.shared) rmSync(piece.file, { force: true });
    }
  }

  async finish(): Promise<void> {
    if (this.parked) {
      const { dir, file } = this.parked;
      const summary = this.parked.summary.summary();
      this.target.write(this.stream.head(summary));
      for (let position = 0; ; ) {
        const n = readSync(file.fd, copyBuffer, 0, copyBuffer.length, position);
        if (n === 0) break;
        this.target.write(copyBuffer.subarray(0, n));
        position += n;
      }
      this.target.write(this.stream.tail(summary));
      file.close();
      rmSync(dir, { recursive: true, force: true });
      temporaryDirs.delete(dir);
    } else {
      this.target.write(this.stream.tail());
    }
    this.target.close();
  }

  abort(): void {
    this.target.discard();
    if (this.parked) {
      const { dir, file } = this.parked;
      try {
        file.close();
      } catch {
        // already closed
      }
      rmSync(dir, { recursive: true, force: true });
      temporaryDirs.delete(dir);
    }
  }
}

/** A report that needs every result: rendered once at the end. */
class CollectedSink implements ResultSink {
  constructor(
    private readonly spec: OutputSpec,
    private readonly options: FormatOptions,
    private readonly results: LintResult[],
    private readonly cwd: string,
    private readonly stdoutLine: (text: string) => void,
  ) {}
  async add(): Promise<void> {
    // The shared list is filled by the run (one copy for every collected report).
  }
  async finish(run?: RunNotes): Promise<void> {
    const content = await formatResults(this.results, this.spec.format, { ...this.options, ...(run ? { run } : {}) } as FormatOptions);
    await writeReport(this.spec, content, this.cwd, this.stdoutLine);
  }
}

interface SinkSet {
  sinks: ResultSink[];
  /** Sinks handed each whole result as it comes (html written page by page, reports split by agency). */
  whole: ResultSink[];
  /** Whether a collected report draws the documents (html to stdout): else kept results drop them. */
  keepDocuments: boolean;
  /** The streamed sinks, in output order (a worker's pieces come in this order). */
  streamed: StreamedSink[];
  /** Whether any report needs every result kept. */
  collects: boolean;
  /** The kept results (shared by the collected reports). */
  kept: LintResult[];
}

/**
 * Opens a sink per output. `formatOptions(spec)` gives the options of each report (colour differs
 * between stdout and files). Streamed files are opened now, so an unwritable path stops the run
 * before any file is linted.
 */
async function openSinks(
  outputs: readonly OutputSpec[],
  formatOptions: (spec: OutputSpec) => FormatOptions,
  cwd: string,
  io: { stdout(line: string): void; writeStdout(chunk: string | Uint8Array): void },
  splitBy?: 'agency',
): Promise<SinkSet> {
  const kept: LintResult[] = [];
  const sinks: ResultSink[] = [];
  const streamed: StreamedSink[] = [];
  const whole: ResultSink[] = [];
  let collects = false;
  let keepDocuments = false;
  try {
    for (const spec of outputs) {
      if (splitBy && SPLIT_FORMATS.has(spec.format)) {
        if (spec.file === null) {
          throw new InputError('report-not-writable', `--split-by 需要 -o 为 ${spec.format} 报告指定文件或目录`, `--split-by needs -o FILE or -o FOLDER/ for the ${spec.format} report`);
        }
        const sink = new SplitSink(spec, formatOptions(spec), cwd);
        sinks.push(sink);
        whole.push(sink);
      } else if (spec.format === 'html' && spec.file !== null) {
        const sink = HtmlReportSink.open(spec, formatOptions(spec), cwd);
        sinks.push(sink);
        whole.push(sink);
      } else if (isStreamedFormat(spec.format)) {
        const sink = await StreamedSink.open(spec, formatOptions(spec), cwd, io.writeStdout);
        sinks.push(sink);
        streamed.push(sink);
      } else {
        collects = true;
        if (spec.format === 'html') keepDocuments = true;
        // Written at the end, but checked now: a long scan must not end in an unwritable path.
        if (spec.file !== null) ReportFile.probe(path.resolve(cwd, spec.file), spec.file);
        sinks.push(new CollectedSink(spec, formatOptions(spec), kept, cwd, io.stdout));
      }
    }
  } catch (error) {
    // One report cannot be written: the ones already opened leave no temporary file behind.
    for (const sink of sinks) sink.abort?.();
    throw error;
  }
  return { sinks, streamed, whole, collects, keepDocuments, kept };
}

/** Formats `--split-by agency` writes once per 预算单位. */
const SPLIT_FORMATS: ReadonlySet<FormatName> = new Set<FormatName>(['html', 'xlsx', 'csv']);

/** Whether `-o` names a folder: it ends with a slash or is an existing directory. */
function namesFolder(file: string, cwd: string): boolean {
  if (/[\\/]$/.test(file)) return true;
  try {
    return statSync(path.resolve(cwd, file)).isDirectory();
  } catch {
    return false;
  }
}

function notWritable(file: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
  return new InputError('report-not-writable', `无法写入报告文件 ${file}（${code}）：请检查路径和权限`, `cannot write the report ${file} (${code}); check the path and permissions`);
}

/**
 * The html report to a file. A run of one file gives one self-contained page, as before; from the
 * second file on, the report is an index page and one page per document, each page written as its
 * result arrives (only a row per file is kept):
 *
 * - `-o 报告.html` → `报告.html` (index) and `报告.files/0001-….html` beside it;
 * - `-o 报告/` (a folder) → `报告/index.html` and `报告/files/0001-….html`.
 *
 * The pages go to a temporary folder beside their folder; at the end the page folder and then the
 * index are renamed into place, one right after the other, so the earlier report (index and pages)
 * stays whole until the new one is complete, and an interrupted run leaves it untouched.
 */
class HtmlReportSink implements ResultSink {
  private first: LintResult | null = null;
  private count = 0;
  private batch: HtmlBatchReport | null = null;
  private pages: ReportFolder | null = null;

  private constructor(
    private readonly spec: OutputSpec,
    private readonly options: FormatOptions,
    private readonly indexFile: string,
    private readonly pagesDir: string,
    private readonly pagesFromIndex: string,
    private readonly indexFromPage: string,
  ) {}

  static open(spec: OutputSpec, options: FormatOptions, cwd: string): HtmlReportSink {
    const file = spec.file!;
    let indexFile: string;
    let pagesName: string;
    if (namesFolder(file, cwd)) {
      indexFile = path.join(path.resolve(cwd, file), 'index.html');
      pagesName = 'files';
    } else {
      indexFile = path.resolve(cwd, file);
      pagesName = path.basename(indexFile).replace(/\.html?$/i, '') + '.files';
    }
    // Written at the end, but checked now: a long scan must not end in an unwritable path.
    ReportFile.probe(indexFile, file);
    const pagesDir = path.join(path.dirname(indexFile), pagesName);
    return new HtmlReportSink(spec, options, indexFile, pagesDir, pagesName, `../${path.basename(indexFile)}`);
  }

  async add(result: LintResult): Promise<void> {
    if (this.count++ === 0) {
      this.first = result;
      return;
    }
    if (!this.batch) {
      this.batch = await createHtmlBatchReport(this.options, this.pagesFromIndex, this.indexFromPage);
      this.pages = ReportFolder.open(this.pagesDir, path.relative(process.cwd(), this.pagesDir));
      await this.addPage(this.first!);
      this.first = null;
    }
    await this.addPage(result);
  }

  private async addPage(result: LintResult): Promise<void> {
    const page = this.batch!.add(result);
    if (!page) return;
    try {
      await writeFile(path.join(this.pages!.path, page.name), page.html);
    } catch (e) {
      throw notWritable(path.join(path.basename(this.pagesDir), page.name), e);
    }
  }

  async finish(): Promise<void> {
    const content = this.batch ? this.batch.index() : await formatResults(this.first ? [this.first] : [], 'html', this.options);
    this.first = null;
    if (!this.pages) return writeReportFile(this.indexFile, content, this.spec.file!);
    const index = ReportFile.open(this.indexFile, this.spec.file!);
    try {
      index.write(content);
      // Pages of an earlier run would be left unlinked: dropped (ours only; other files stay).
      this.pages.commit((name) => /^\d{4,}-.*\.html$/.test(name));
    } catch (e) {
      index.discard();
      throw e;
    }
    index.commit();
  }

  abort(): void {
    this.pages?.discard();
  }
}

/** A report of every result given to it, written at the end (a part of a split report). */
class OwnCollectedSink implements ResultSink {
  private readonly results: LintResult[] = [];
  constructor(
    private readonly spec: OutputSpec,
    private readonly options: FormatOptions,
    private readonly cwd: string,
  ) {}
  async add(result: LintResult): Promise<void> {
    this.results.push(result.document ? { ...result, document: undefined } : result);
  }
  async finish(): Promise<void> {
    await writeReport(this.spec, await formatResults(this.results, this.spec.format, this.options), this.cwd, () => undefined);
  }
}

/**
 * `--split-by agency`: one report per 预算单位, each with only that agency's projects and findings.
 * `-o 报告.xlsx` → `报告-<预算单位>.xlsx` beside it; `-o 报告/` → `报告/<预算单位>.xlsx`. Findings
 * of no named agency (and unreadable files) go to `…-未注明预算单位`.
 */
class SplitSink implements ResultSink {
  private readonly parts = new Map<string | null, ResultSink>();
  private readonly usedStems = new Set<string>();
  private readonly folder: boolean;

  constructor(
    private readonly spec: OutputSpec,
    private readonly options: FormatOptions,
    private readonly cwd: string,
  ) {
    this.folder = namesFolder(spec.file!, cwd);
  }

  private fileOf(agency: string | null): string {
    const unknown = this.options.locale === 'en' ? 'no-agency' : '未注明预算单位';
    let stem = agencyFileStem(agency, unknown);
    for (let n = 2; this.usedStems.has(stem.toLowerCase()); n++) stem = `${agencyFileStem(agency, unknown)}-${n}`;
    this.usedStems.add(stem.toLowerCase());
    const file = this.spec.file!;
    const ext = this.spec.format === 'html' ? '.html' : `.${this.spec.format}`;
    if (this.folder) return path.join(file, stem + ext);
    const given = path.extname(file);
    return path.join(path.dirname(file), `${path.basename(file, given)}-${stem}${given || ext}`);
  }

  private async part(agency: string | null): Promise<ResultSink> {
    let sink = this.parts.get(agency);
    if (!sink) {
      const spec: OutputSpec = { format: this.spec.format, file: this.fileOf(agency) };
      if (spec.format === 'html') sink = HtmlReportSink.open(spec, this.options, this.cwd);
      else if (isStreamedFormat(spec.format)) sink = await StreamedSink.open(spec, this.options, this.cwd, () => undefined);
      else sink = new OwnCollectedSink(spec, this.options, this.cwd);
      this.parts.set(agency, sink);
    }
    return sink;
  }

  async add(result: LintResult): Promise<void> {
    for (const part of splitByAgency(result)) await (await this.part(part.agency)).add(part.result);
  }

  async finish(): Promise<void> {
    for (const sink of this.parts.values()) await sink.finish();
  }

  abort(): void {
    for (const sink of this.parts.values()) sink.abort?.();
  }
}
