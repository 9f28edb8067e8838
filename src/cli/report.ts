/** The end of a run, shared by `jxlint lint` and `jxlint merge`: ESLint's exit code, and why on stderr. */
import { exitCodeOf, type ReportTotals } from '../node.js';
import type { CliIO } from './io.js';

export { exitCodeOf };
/** `--quiet` (errors only) and the baseline filter live in the engine. */
export { BaselineFilter, errorsOnly } from '../index.js';

/** The exit code of a run; says on stderr when only `--max-warnings` makes it fail. */
export function exitCode(totals: ReportTotals, maxWarnings: number | undefined, io: Pick<CliIO, 'stderr'>): number {
  if (totals.failed === 0 && totals.errorCount === 0 && maxWarnings !== undefined && totals.warningCount > maxWarnings) {
    io.stderr(`警告数 ${totals.warningCount} 超过了 --max-warnings 的上限 ${maxWarnings}（jxlint found too many warnings, maximum: ${maxWarnings}）`);
  }
  return exitCodeOf(totals, maxWarnings);
}
