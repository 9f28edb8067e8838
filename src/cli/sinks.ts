/**
 * Report sinks (报告输出): where each result goes as it arrives, in path order.
 *
 * `json`, `csv`, `github` and `report-json` are concatenations of per-file pieces (the formatters'
 * `ReportStream`), written file by file while the scan runs — report-json's pieces go to a
 * temporary file until its summary (which comes first) is known, and only the summary is kept. Their bytes are identical to formatting all results at once, and
 * memory does not grow with the number of files. The other formats (stylish, sarif, junit, xlsx,
 * html) need every result, so those results are kept — without the parsed document unless the
 * html report asks, and with their repeated strings shared.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStream, formatResults, isStreamedFormat, summaryInput, SummaryBuilder, type FormatOptions, type ReportStream } from '../formatters/index.js';
import type { LintResult } from '../index.js';
import { writeReport, type OutputSpec } from './outputs.js';
import { UsageError } from './usage.js';

export interface ResultSink {
  add(result: LintResult): Promise<void>;
  finish(): Promise<void>;
}

/** Writes text or bytes to a file descriptor or to stdout, as it comes. */
interface Target {
  write(chunk: string | Uint8Array): void;
  close(): void;
}

function openTarget(spec: OutputSpec, cwd: string, writeStdout: (chunk: string | Uint8Array) => void): Target {
  if (spec.file === null) return { write: writeStdout, close: () => undefined };
  const target = path.resolve(cwd, spec.file);
  let fd: number;
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    fd = openSync(target, 'w');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
    throw new UsageError(`无法写入报告文件 ${spec.file}（${code}）：请检查路径和权限`, `cannot write the report ${spec.file} (${code}); check the path and permissions`, false);
  }
  return {
    write: (chunk) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    },
    close: () => closeSync(fd),
  };
}

function fileTarget(file: string): Target & { fd: number } {
  const fd = openSync(file, 'w+');
  return {
    fd,
    write: (chunk) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    },
    close: () => closeSync(fd),
  };
}

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
export class StreamedSink implements ResultSink {
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
      this.parked = { dir, file: fileTarget(path.join(dir, 'pieces')), summary: new SummaryBuilder() };
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

  /** Writes a piece rendered elsewhere (a worker), as text or UTF-8 bytes. */
  addPiece(piece: string | Uint8Array, summaryResult?: LintResult): void {
    if (this.parked) {
      if (!summaryResult) throw new Error(`${this.spec.format}: a piece came without its summary`);
      this.parked.summary.add(summaryResult);
    }
    if (piece.length === 0) return;
    const out = this.parked ? this.parked.file : this.target;
    if (this.count++ > 0 && this.stream.separator) out.write(this.stream.separator);
    out.write(piece);
  }

  async finish(): Promise<void> {
    if (this.parked) {
      const { dir, file } = this.parked;
      const summary = this.parked.summary.summary();
      this.target.write(this.stream.head(summary));
      for (let position = 0; ; ) {
        // A fresh buffer per chunk: stdout may still hold the previous one when the pipe is full.
        const buffer = Buffer.allocUnsafe(1 << 20);
        const n = readSync(file.fd, buffer, 0, buffer.length, position);
        if (n === 0) break;
        this.target.write(buffer.subarray(0, n));
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
  async finish(): Promise<void> {
    const content = await formatResults(this.results, this.spec.format, this.options);
    await writeReport(this.spec, content, this.cwd, this.stdoutLine);
  }
}

export interface SinkSet {
  sinks: ResultSink[];
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
export async function openSinks(
  outputs: readonly OutputSpec[],
  formatOptions: (spec: OutputSpec) => FormatOptions,
  cwd: string,
  io: { stdout(line: string): void; writeStdout(chunk: string | Uint8Array): void },
): Promise<SinkSet> {
  const kept: LintResult[] = [];
  const sinks: ResultSink[] = [];
  const streamed: StreamedSink[] = [];
  let collects = false;
  for (const spec of outputs) {
    if (isStreamedFormat(spec.format)) {
      const sink = await StreamedSink.open(spec, formatOptions(spec), cwd, io.writeStdout);
      sinks.push(sink);
      streamed.push(sink);
    } else {
      collects = true;
      // Written at the end, but checked now: a long scan must not end in an unwritable path.
      if (spec.file !== null) openTarget(spec, cwd, io.writeStdout).close();
      sinks.push(new CollectedSink(spec, formatOptions(spec), kept, cwd, io.stdout));
    }
  }
  return { sinks, streamed, collects, kept };
}
