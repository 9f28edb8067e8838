/**
 * The reporting end of a run, shared by `jxlint lint` and `jxlint merge`: results arrive one at a
 * time in path order and pass through the baseline, the counts for the exit code, `--quiet`, and
 * every report of the run (see sinks.ts); `finish` writes the collected reports and returns the
 * exit code.
 */
import { isStreamedFormat, type FormatOptions, type StreamedFormatName } from '../formatters/index.js';
import { errorsOnly, ruleSummaries, type LintResult, type Locale } from '../index.js';
import { stdoutColor, type CliIO } from './io.js';
import type { OutputSpec } from './outputs.js';
import type { LintOutcome, RenderSettings } from '../node/worker.js';
import { openSinks, type SinkSet } from './sinks.js';
import { toolVersion } from './version.js';

export interface ReportSettings {
  outputs: OutputSpec[];
  locale: Locale;
  /** `--color` / `--no-color`; undefined: decide from NO_COLOR and whether stdout is a terminal. */
  color?: boolean;
  quiet?: boolean;
  maxWarnings?: number;
}

/** `generatedAt` of the reports: SOURCE_DATE_EPOCH (reproducible output) when set, else now. */
export function generatedAt(env: NodeJS.ProcessEnv): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}

/** `--quiet` (errors only) and the baseline filter live in the engine. */
export { BaselineFilter, errorsOnly } from '../index.js';

export interface RunTotals {
  files: number;
  failed: number;
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

/**
 * ESLint's exit codes: 2 when a file could not be read, 1 when there are errors or more warnings
 * than `--max-warnings`, else 0.
 */
export function exitCodeOf(totals: RunTotals, maxWarnings?: number): 0 | 1 | 2 {
  if (totals.failed > 0) return 2;
  if (totals.errorCount > 0) return 1;
  if (maxWarnings !== undefined && totals.warningCount > maxWarnings) return 1;
  return 0;
}

/**
 * Shares equal strings between kept results (策略: one copy per distinct text). Results arrive from
 * the workers as fresh copies, so the same rule basis, location, value or message text would
 * otherwise be held once per file; across a batch most of them repeat.
 */
export class StringPool {
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

export class RunReporter {
  readonly totals: RunTotals = { files: 0, failed: 0, errorCount: 0, warningCount: 0, infoCount: 0 };
  private sinks: SinkSet | null = null;
  private formatOptions: Omit<FormatOptions, 'color'> | null = null;
  private readonly strings = new StringPool();

  constructor(
    private readonly settings: ReportSettings,
    private readonly io: CliIO,
    /** Applied to each result before it is counted and reported (the baseline). */
    private readonly transform?: (result: LintResult) => LintResult,
  ) {}

  /** Whether a report goes to stdout while the run goes on (then no progress bar on a shared terminal). */
  streamsToStdout(): boolean {
    return this.settings.outputs.some((o) => o.file === null && isStreamedFormat(o.format) && o.format !== 'report-json');
  }

  /** Opens the reports (streamed files are created now: an unwritable path fails before linting). */
  async open(): Promise<void> {
    const base: Omit<FormatOptions, 'color'> = {
      rules: ruleSummaries(this.settings.locale),
      locale: this.settings.locale,
      cwd: this.io.cwd,
      toolVersion: toolVersion(),
      generatedAt: generatedAt(this.io.env),
    };
    this.formatOptions = base;
    this.sinks = await openSinks(
      this.settings.outputs,
      (spec) => ({ ...base, color: spec.file === null ? stdoutColor(this.settings.color, this.io) : false }),
      this.io.cwd,
      this.io,
    );
  }

  /**
   * What the workers can render themselves: the streamed reports, when no baseline has to be applied
   * first (that needs the run's order). Call after `open`.
   */
  renderSettings(needMessages = false): RenderSettings | undefined {
    if (this.transform || !this.sinks || !this.formatOptions || this.sinks.streamed.length === 0) return undefined;
    return {
      formats: this.sinks.streamed.map((s) => s.spec.format as StreamedFormatName),
      options: { ...this.formatOptions, color: false },
      quiet: this.settings.quiet === true,
      keepMessages: needMessages || this.sinks.collects,
      summary: this.sinks.streamed.some((s) => s.needsSummary),
    };
  }

  /** One file's result (with its pieces when a worker rendered them), in path order. */
  async add(incoming: LintResult | LintOutcome): Promise<void> {
    const outcome: LintOutcome = 'result' in incoming && 'pieces' in incoming ? incoming : { result: incoming as LintResult, pieces: null };
    const result = this.transform ? this.transform(outcome.result) : outcome.result;
    const t = this.totals;
    t.files++;
    if (result.status === 'failed' || result.fatalErrorCount > 0) t.failed++;
    t.errorCount += result.errorCount;
    t.warningCount += result.warningCount;
    t.infoCount += result.infoCount;
    if (!this.sinks) await this.open();
    const sinks = this.sinks!;
    const pieces = !this.transform ? outcome.pieces : null;
    const shown = this.settings.quiet && (sinks.collects || !pieces) ? errorsOnly(result) : result;
    if (sinks.collects) sinks.kept.push(this.strings.compact(shown));
    if (pieces && pieces.length === sinks.streamed.length) {
      sinks.streamed.forEach((sink, i) => sink.addPiece(pieces[i]!, outcome.summaryResult));
    } else {
      for (const sink of sinks.streamed) await sink.add(shown);
    }
  }

  /** Writes the collected reports, closes the streamed ones, and returns the exit code. */
  async finish(): Promise<number> {
    if (!this.sinks) await this.open();
    for (const sink of this.sinks!.sinks) await sink.finish();
    const { totals } = this;
    const { maxWarnings } = this.settings;
    if (totals.failed === 0 && totals.errorCount === 0 && maxWarnings !== undefined && totals.warningCount > maxWarnings) {
      this.io.stderr(`警告数 ${totals.warningCount} 超过了 --max-warnings 的上限 ${maxWarnings}（jxlint found too many warnings, maximum: ${maxWarnings}）`);
    }
    return exitCodeOf(totals, maxWarnings);
  }
}
