/**
 * The end of a run, shared by `jxlint lint` and `jxlint merge`: `--quiet`, the reports (one pass,
 * several outputs) and the exit code.
 */
import { formatResults, type FormatOptions } from '../formatters/index.js';
import { ruleSummaries, type LintResult, type Locale } from '../index.js';
import { writeReport, type OutputSpec } from './outputs.js';
import { stdoutColor, type CliIO } from './io.js';
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

/** `--quiet`: errors only (warnings and infos are dropped from the reports, counts redone). */
export function errorsOnly(results: readonly LintResult[]): LintResult[] {
  return results.map((r) => {
    if (r.warningCount === 0 && r.infoCount === 0) return r;
    const messages = r.messages.filter((m) => m.severity === 2);
    return { ...r, messages, warningCount: 0, infoCount: 0, fixableCount: messages.filter((m) => m.fix).length };
  });
}

export interface RunTotals {
  files: number;
  failed: number;
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

export function totalsOf(results: readonly LintResult[]): RunTotals {
  const totals: RunTotals = { files: results.length, failed: 0, errorCount: 0, warningCount: 0, infoCount: 0 };
  for (const r of results) {
    if (r.status === 'failed' || r.fatalErrorCount > 0) totals.failed++;
    totals.errorCount += r.errorCount;
    totals.warningCount += r.warningCount;
    totals.infoCount += r.infoCount;
  }
  return totals;
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
 * Writes every report from the same results and returns the exit code. Warnings are counted before
 * `--quiet` hides them (as ESLint 8 did), after the baseline.
 */
export async function finishRun(results: LintResult[], settings: ReportSettings, io: CliIO): Promise<number> {
  const totals = totalsOf(results);
  const shown = settings.quiet ? errorsOnly(results) : results;
  const base: Omit<FormatOptions, 'color'> = {
    rules: ruleSummaries(settings.locale),
    locale: settings.locale,
    cwd: io.cwd,
    toolVersion: toolVersion(),
    generatedAt: generatedAt(io.env),
  };
  for (const spec of settings.outputs) {
    const color = spec.file === null ? stdoutColor(settings.color, io) : false;
    const content = await formatResults(shown, spec.format, { ...base, color });
    await writeReport(spec, content, io.cwd, io.stdout);
  }
  const code = exitCodeOf(totals, settings.maxWarnings);
  if (totals.failed === 0 && totals.errorCount === 0 && settings.maxWarnings !== undefined && totals.warningCount > settings.maxWarnings) {
    io.stderr(
      `警告数 ${totals.warningCount} 超过了 --max-warnings 的上限 ${settings.maxWarnings}（jxlint found too many warnings, maximum: ${settings.maxWarnings}）`,
    );
  }
  return code;
}
