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
import { formatResults, type FormatName, type FormatOptions } from '../formatters/index.js';
import type { LintResult } from '../index.js';
import { writeReport, type OutputSpec } from './outputs.js';
import { UsageError } from './usage.js';

/** Formats written file by file. */
export const STREAMED_FORMATS: readonly FormatName[] = ['json', 'csv', 'github'];

export interface ResultSink {
  add(result: LintResult): Promise<void>;
  finish(): Promise<void>;
}

/** Writes text to a file descriptor or to stdout, as it comes. */
interface TextTarget {
  write(text: string): void;
  close(): void;
}

function openTarget(spec: OutputSpec, cwd: string, writeStdout: (text: string) => void): TextTarget {
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
    write: (text) => {
      if (text.length > 0) writeSync(fd, text);
    },
    close: () => closeSync(fd),
  };
}

async function asText(content: string | Uint8Array): Promise<string> {
  if (typeof content !== 'string') throw new Error('a streamed format returned bytes');
  return content;
}

/**
 * A streamed report: `head`, then each result's piece (with `separator` between pieces), then
 * `tail`. `piece(r)` is the formatter's output for `[r]` with the empty report's framing removed.
 */
class StreamedSink implements ResultSink {
  private count = 0;
  private constructor(
    private readonly target: TextTarget,
    private readonly format: (results: LintResult[]) => Promise<string>,
    private readonly head: string,
    private readonly tail: string,
    private readonly separator: string,
  ) {}

  static async open(spec: OutputSpec, options: FormatOptions, cwd: string, writeStdout: (text: string) => void): Promise<StreamedSink> {
    const format = async (results: LintResult[]) => asText(await formatResults(results, spec.format, options));
    const empty = await format([]);
    let head: string;
    let tail: string;
    let separator = '';
    switch (spec.format) {
      case 'json': // "[" + pieces joined by "," + "]"
        if (empty !== '[]') throw new Error(`unexpected empty json report: ${empty}`);
        [head, tail, separator] = ['[', ']', ','];
        break;
      case 'csv': // BOM + header line, then every row
      case 'github': // nothing but one line per message
        [head, tail] = [empty, ''];
        break;
      default:
        throw new Error(`${spec.format} cannot be streamed`);
    }
    const target = openTarget(spec, cwd, writeStdout);
    target.write(head);
    return new StreamedSink(target, format, head, tail, separator);
  }

  async add(result: LintResult): Promise<void> {
    const whole = await this.format([result]);
    if (!whole.startsWith(this.head) || !whole.endsWith(this.tail)) {
      throw new Error('a streamed report piece does not fit the framing of its format');
    }
    const piece = whole.slice(this.head.length, whole.length - this.tail.length);
    if (piece.length === 0) return;
    this.target.write((this.count++ > 0 ? this.separator : '') + piece);
  }

  async finish(): Promise<void> {
    this.target.write(this.tail);
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
  io: { stdout(line: string): void; writeStdout(text: string): void },
): Promise<SinkSet> {
  const kept: LintResult[] = [];
  const sinks: ResultSink[] = [];
  let collects = false;
  for (const spec of outputs) {
    if (STREAMED_FORMATS.includes(spec.format)) {
      sinks.push(await StreamedSink.open(spec, formatOptions(spec), cwd, io.writeStdout));
    } else {
      collects = true;
      sinks.push(new CollectedSink(spec, formatOptions(spec), kept, cwd, io.stdout));
    }
  }
  return { sinks, collects, kept };
}
