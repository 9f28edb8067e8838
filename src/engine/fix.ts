/**
 * Applying fixes (自动修复) to a plain-text export: each fix replaces the text it was found as, at the
 * line and column its message points to. Overlapping fixes are skipped; the rest apply from the end
 * of the file backwards so earlier offsets stay valid. Word files are never rewritten.
 */
import type { LintMessage } from './types.js';

export interface FixOutcome {
  /** The fixed text. */
  output: string;
  /** Messages whose fix was applied. */
  applied: LintMessage[];
  /** Messages with a fix that could not be applied (text changed, overlap, no text origin). */
  skipped: LintMessage[];
}

/** Offsets of the start of each line (1-based line n starts at starts[n - 1]). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Applies the fixes of `messages` to `text` (the file the messages were produced from). */
export function applyTextFixes(text: string, messages: readonly LintMessage[]): FixOutcome {
  const starts = lineStarts(text);
  const edits: { start: number; end: number; replacement: string; message: LintMessage }[] = [];
  const skipped: LintMessage[] = [];
  for (const m of messages) {
    if (!m.fix) continue;
    if (m.line === null || m.column === null || !m.found || m.line > starts.length) {
      skipped.push(m);
      continue;
    }
    const lineStart = starts[m.line - 1]!;
    const lineEnd = m.line < starts.length ? starts[m.line]! - 1 : text.length;
    const from = lineStart + Math.max(0, m.column - 1);
    const at = text.indexOf(m.found, from);
    if (at < 0 || at + m.found.length > lineEnd) {
      skipped.push(m);
      continue;
    }
    edits.push({ start: at, end: at + m.found.length, replacement: m.fix.replacement, message: m });
  }
  edits.sort((a, b) => a.start - b.start);
  const kept: typeof edits = [];
  for (const e of edits) {
    const last = kept[kept.length - 1];
    if (last && e.start < last.end) skipped.push(e.message);
    else kept.push(e);
  }
  let output = text;
  for (let i = kept.length - 1; i >= 0; i--) {
    const e = kept[i]!;
    output = output.slice(0, e.start) + e.replacement + output.slice(e.end);
  }
  return { output, applied: kept.map((e) => e.message), skipped };
}
