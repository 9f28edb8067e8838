/**
 * Message counts (问题计数) of a result — errors, warnings, infos, fatal read failures and fixable
 * findings — counted in this one place (ESLint's lib/shared/message-counts.js): by `lint`, the
 * baseline filter, `--quiet` and `merge`.
 */
import type { LintMessage, LintResult } from './types.js';

export type MessageCounts = Pick<LintResult, 'errorCount' | 'warningCount' | 'infoCount' | 'fatalErrorCount' | 'fixableCount'>;

/** The counts of a list of messages. */
export function countsOf(messages: readonly LintMessage[]): MessageCounts {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let fatalErrorCount = 0;
  let fixableCount = 0;
  for (const m of messages) {
    if (m.severity === 2) errorCount++;
    else if (m.severity === 1) warningCount++;
    else infoCount++;
    if (m.fatal) fatalErrorCount++;
    if (m.fix) fixableCount++;
  }
  return { errorCount, warningCount, infoCount, fatalErrorCount, fixableCount };
}

/** Adds the counts of `messages` to `total` (in place): counting a result whose messages come a part at a time. */
export function addCounts(total: MessageCounts, messages: readonly LintMessage[]): void {
  const c = countsOf(messages);
  total.errorCount += c.errorCount;
  total.warningCount += c.warningCount;
  total.infoCount += c.infoCount;
  total.fatalErrorCount += c.fatalErrorCount;
  total.fixableCount += c.fixableCount;
}

/** Sets errorCount / warningCount / infoCount / fatalErrorCount / fixableCount from the messages (in place). */
export function countMessages<T extends Pick<LintResult, 'messages'>>(result: T): T & MessageCounts {
  return Object.assign(result, countsOf(result.messages));
}

/** A new result with these messages and their counts; the input is not changed. */
export function withMessages(result: LintResult, messages: LintMessage[]): LintResult {
  return { ...result, messages, ...countsOf(messages) };
}

/** `--quiet`: errors only, counted again (the same object when there is nothing to drop). */
export function errorsOnly(result: LintResult): LintResult {
  if (result.warningCount === 0 && result.infoCount === 0) return result;
  return withMessages(result, result.messages.filter((m) => m.severity === 2));
}
