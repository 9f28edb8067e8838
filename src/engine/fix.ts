/**
 * Applying fixes (自动修复) to a plain-text export: each fix replaces the text it was found as, at the
 * line and column its message points to (or, for a fix with `edits`, at each edit's own cell).
 * A fix is applied whole or not at all; fixes that overlap one already taken are skipped; the rest
 * apply from the end of the file backwards so earlier offsets stay valid. Word files are never
 * rewritten. Browser-safe: strings in, strings out.
 */
import type { Origin } from '../ast/types.js';
import type { Fix, FixAvailability, FixSafety, LintMessage, RuleMeta } from './types.js';

export interface FixOutcome {
  /** The fixed text. */
  output: string;
  /** Messages whose fix was applied. */
  applied: LintMessage[];
  /** Messages with a fix that could not be applied (text changed, overlap, no text origin). */
  skipped: LintMessage[];
}

export interface ApplyFixesOptions {
  /**
   * Which fixes to apply: `safe` only the safe ones (`--fix`, the editor's fix-all), `all` the unsafe
   * ones too (`--unsafe-fixes`). Default `all`, so a caller that picked its messages gets them all.
   */
  safety?: 'safe' | 'all';
}

/** A fix's safety; a fix that does not say is unsafe. */
export function fixSafety(fix: Fix): FixSafety {
  return fix.safety ?? 'unsafe';
}

/** Which fixes a rule offers; `fixable` alone (rules written before `fix`) counts as unsafe. */
export function ruleFixAvailability(meta: Pick<RuleMeta, 'fix' | 'fixable'>): FixAvailability | undefined {
  return meta.fix ?? (meta.fixable ? 'unsafe' : undefined);
}

/** Offsets of the start of each line; lines end at \r\n, \r or \n, as the text reader splits them. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

interface Edit {
  start: number;
  end: number;
  replacement: string;
}

const SPACE = /[ \u3000]/;

class Locator {
  private readonly starts: number[];
  /** Per line and found text: where the next search starts, so repeated edits take successive occurrences. */
  private readonly next = new Map<string, number>();

  constructor(private readonly text: string) {
    this.starts = lineStarts(text);
  }

  /** The end of a line's text (before its line break). */
  private lineEnd(line: number): number {
    const { text, starts } = this;
    let end = line < starts.length ? starts[line]! : text.length;
    if (line < starts.length) {
      if (text.charCodeAt(end - 1) === 10) end--;
      if (text.charCodeAt(end - 1) === 13) end--;
    }
    return end;
  }

  /**
   * Finds `found` in the cell that starts at line/column: on that line, and before the next TAB
   * (cells of a row-per-line export are split by TABs), so a fix never lands in a neighbouring cell.
   */
  locate(line: number, column: number, found: string, replacement: string, absorbSpaces: boolean): Edit | null {
    const { text, starts } = this;
    if (!found || found.includes('\t') || line < 1 || line > starts.length || column < 1) return null;
    const lineStart = starts[line - 1]!;
    const lineEnd = this.lineEnd(line);
    const key = `${line}\u0000${column}\u0000${found}`;
    const from = Math.max(lineStart + column - 1, this.next.get(key) ?? 0);
    const at = text.indexOf(found, from);
    if (at < 0 || at + found.length > lineEnd || text.slice(from, at).includes('\t')) return null;
    this.next.set(key, at + found.length);
    let start = at;
    let end = at + found.length;
    if (!absorbSpaces) return { start, end, replacement };
    while (start > lineStart && SPACE.test(text[start - 1]!)) start--;
    while (end < lineEnd && SPACE.test(text[end]!)) end++;
    const textBefore = start > lineStart && text[start - 1] !== '\t';
    const textAfter = end < lineEnd && text[end] !== '\t';
    const absorbed = start < at || end > at + found.length;
    const sep = absorbed && textBefore && textAfter ? ' ' : '';
    return { start, end, replacement: replacement === '' ? sep : `${start < at && textBefore ? ' ' : ''}${replacement}${end > at + found.length && textAfter ? ' ' : ''}` };
  }
}

function textOrigin(origin: Origin | null | undefined): { line: number; column: number } | null {
  return origin && 'line' in origin ? origin : null;
}

/** The edits one message's fix makes, or null when any of them cannot be placed. */
function editsOf(locator: Locator, m: LintMessage): Edit[] | null {
  const fix = m.fix!;
  if (fix.edits) {
    const edits: Edit[] = [];
    for (const e of fix.edits) {
      const o = textOrigin(e.origin);
      const edit = o ? locator.locate(o.line, o.column, e.found, e.replacement, e.absorbSpaces === true) : null;
      if (!edit) return null;
      edits.push(edit);
    }
    return edits.length > 0 ? edits : null;
  }
  if (m.line === null || m.column === null || !m.found) return null;
  const edit = locator.locate(m.line, m.column, m.found, fix.replacement, false);
  return edit ? [edit] : null;
}

/** Applies the fixes of `messages` to `text` (the file the messages were produced from). */
export function applyTextFixes(text: string, messages: readonly LintMessage[], options: ApplyFixesOptions = {}): FixOutcome {
  const locator = new Locator(text);
  const candidates: { edits: Edit[]; message: LintMessage }[] = [];
  const skipped: LintMessage[] = [];
  for (const m of messages) {
    if (!m.fix) continue;
    if (options.safety === 'safe' && fixSafety(m.fix) !== 'safe') continue;
    const edits = editsOf(locator, m);
    if (edits) candidates.push({ edits, message: m });
    else skipped.push(m);
  }
  const first = (c: { edits: Edit[] }) => Math.min(...c.edits.map((e) => e.start));
  candidates.sort((a, b) => first(a) - first(b));
  const kept: Edit[] = [];
  const applied: LintMessage[] = [];
  const overlaps = (e: Edit) => kept.some((k) => e.start < k.end && k.start < e.end);
  for (const c of candidates) {
    const own = [...c.edits].sort((a, b) => a.start - b.start);
    const selfOverlap = own.some((e, i) => i > 0 && e.start < own[i - 1]!.end);
    if (selfOverlap || own.some(overlaps)) {
      skipped.push(c.message);
      continue;
    }
    kept.push(...own);
    applied.push(c.message);
  }
  kept.sort((a, b) => a.start - b.start);
  let output = '';
  let at = 0;
  for (const e of kept) {
    output += text.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  output += text.slice(at);
  return { output, applied, skipped };
}
