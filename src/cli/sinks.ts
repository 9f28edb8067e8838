/**
 * Report sinks (报告输出): where each result goes as it arrives, in path order.
 *
 * `json`, `csv` and `github` are concatenations of per-file pieces, so they are written file by
 * file while the scan runs (the formatter renders each result on its own; the framing — JSON's
 * brackets and commas, the CSV's BOM and header — is checked against the formatter's own output
 * for no results). Their bytes are identical to formatting all results at once, and memory does not
 * grow with the number of files. The other formats need every result (summaries, cross-file
 * tables), so those results are kept — without the parsed document unless the html report asks.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { formatResults, type FormatOptions } from '../formatters/index.js';
import type { LintResult } from '../index.js';
import { framingOf, isStreamed, pieceOf, type Framing } from '../node/report-pieces.js';
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

/** A report written file by file: head, pieces (rendered here or by a worker), tail. */
export class StreamedSink implements ResultSink {
  private count = 0;
  private constructor(
    readonly spec: OutputSpec,
    private readonly target: Target,
    private readonly options: FormatOptions,
    private readonly framing: Framing,
  ) {}

  static async open(spec: OutputSpec, options: FormatOptions, cwd: string, writeStdout: (chunk: string | Uint8Array) => void): Promise<StreamedSink> {
    const framing = await framingOf(spec.format, options);
    const target = openTarget(spec, cwd, writeStdout);
    target.write(framing.head);
    return new StreamedSink(spec, target, options, framing);
  }

  /** Renders the result's piece here. */
  async add(result: LintResult): Promise<void> {
    this.addPiece(await pieceOf(result, this.spec.format, this.options));
  }

  /** Writes a piece rendered elsewhere (a worker), as text or UTF-8 bytes. */
  addPiece(piece: string | Uint8Array): void {
    if (piece.length === 0) return;
    if (this.count++ > 0 && this.framing.separator) this.target.write(this.framing.separator);
    this.target.write(piece);
  }

  async finish(): Promise<void> {
    this.target.write(this.framing.tail);
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
    if (isStreamed(spec.format)) {
      const sink = await StreamedSink.open(spec, formatOptions(spec), cwd, io.writeStdout);
      sinks.push(sink);
      streamed.push(sink);
    } else {
      collects = true;
      sinks.push(new CollectedSink(spec, formatOptions(spec), kept, cwd, io.stdout));
    }
  }
  return { sinks, streamed, collects, kept };
}
