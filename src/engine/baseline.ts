/**
 * Baseline (基线): findings already accepted, matched by a stable fingerprint — rule, project code,
 * cell role, the indicator's 三级 name and the value found, never line numbers — so an audit can
 * track what a department fixed between two submissions, whatever the file is called.
 * Sync FNV-1a hashing, browser-safe.
 */
import { withMessages } from './counts.js';
import type { LintMessage, LintResult } from './types.js';

export interface FingerprintParts {
  ruleId: string | null;
  projectCode: string | null;
  role: string | null;
  /** 三级指标 name when the message is about an indicator row. */
  level3: string | null;
  found: string | null;
}

/**
 * Whether a UTF-16 unit is whitespace as `/\s/` sees it (\u3000, the ideographic space, included):
 * the units a fingerprint leaves out of the project code, the 三级 name and the value found.
 */
function isSpaceUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Between the parts of a fingerprint's key (␟, which no part contains). */
const PART_SEPARATOR = 0x241f;
const FNV_PRIME = 0x01000193;
const HEX_DIGITS = [...'0123456789abcdef'].map((d) => d.charCodeAt(0));

/** The lowercase hex digit (as a character code) of the four bits of `h` at `shift`. */
function hexUnit(h: number, shift: number): number {
  return HEX_DIGITS[(h >>> shift) & 15]!;
}

/**
 * A 16-hex-digit fingerprint: two 32-bit FNV-1a hashes (different offset bases) over the parts,
 * whitespace removed from the project code, 三级 name and value found, the parts separated by a
 * character that cannot occur in them. The parts are hashed where they lie (no key string is built:
 * every finding of every lint makes one), and the digits are made as one flat string.
 */
export function fingerprintOf(parts: FingerprintParts): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let part = 0; part < 5; part++) {
    if (part > 0) {
      a = Math.imul(a ^ PART_SEPARATOR, FNV_PRIME);
      b = Math.imul(b ^ PART_SEPARATOR, FNV_PRIME);
    }
    const s = part === 0 ? parts.ruleId : part === 1 ? parts.projectCode : part === 2 ? parts.role : part === 3 ? parts.level3 : parts.found;
    if (!s) continue;
    // The rule id and the cell role are names: hashed as they are.
    const dropSpaces = part !== 0 && part !== 2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (dropSpaces && isSpaceUnit(c)) continue;
      a = Math.imul(a ^ c, FNV_PRIME);
      b = Math.imul(b ^ c, FNV_PRIME);
    }
  }
  return String.fromCharCode(
    hexUnit(a, 28), hexUnit(a, 24), hexUnit(a, 20), hexUnit(a, 16), hexUnit(a, 12), hexUnit(a, 8), hexUnit(a, 4), hexUnit(a, 0),
    hexUnit(b, 28), hexUnit(b, 24), hexUnit(b, 20), hexUnit(b, 16), hexUnit(b, 12), hexUnit(b, 8), hexUnit(b, 4), hexUnit(b, 0),
  );
}

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  projectCode: string | null;
  role: string | null;
  level3?: string | null;
  found: string | null;
  /** How many messages with this fingerprint are accepted. */
  count: number;
}

export interface Baseline {
  /** Format version. */
  version: 1;
  tool: 'jxlint';
  entries: BaselineEntry[];
}

/** Whether a message can be baselined: rule findings and parse diagnostics, never fatal read failures. */
function baselinable(m: LintMessage): boolean {
  return !m.fatal && !!m.fingerprint;
}

/**
 * Collects the findings of results as they come (`--update-baseline` over a batch): only one entry
 * per fingerprint is kept, never the results.
 */
export class BaselineRecorder {
  private readonly byFp = new Map<string, BaselineEntry>();

  add(result: LintResult): void {
    for (const m of result.messages) {
      if (!baselinable(m)) continue;
      const fp = m.fingerprint!;
      const existing = this.byFp.get(fp);
      if (existing) existing.count++;
      else {
        const entry: BaselineEntry = {
          fingerprint: fp,
          ruleId: m.ruleId ?? `parse:${m.messageId}`,
          projectCode: m.projectCode,
          role: m.role,
          found: m.found ?? null,
          count: 1,
        };
        if (m.level3 !== undefined && m.level3 !== null) entry.level3 = m.level3;
        this.byFp.set(fp, entry);
      }
    }
  }

  /** The baseline of everything added: one entry per fingerprint with its count, sorted, stable. */
  baseline(): Baseline {
    const entries = [...this.byFp.values()]
      .map((e) => ({ ...e }))
      .sort(
        (a, b) =>
          cmp(a.ruleId, b.ruleId) || cmp(a.projectCode ?? '', b.projectCode ?? '') || cmp(a.role ?? '', b.role ?? '') || cmp(a.fingerprint, b.fingerprint),
      );
    return { version: 1, tool: 'jxlint', entries };
  }
}

/** Builds a baseline from results: one entry per fingerprint with its count, sorted, stable. */
export function createBaseline(results: readonly LintResult[]): Baseline {
  const recorder = new BaselineRecorder();
  for (const r of results) recorder.add(r);
  return recorder.baseline();
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable JSON text of a baseline (2-space indent, trailing newline). */
export function stringifyBaseline(baseline: Baseline): string {
  return JSON.stringify(baseline, null, 2) + '\n';
}

/** Reads a baseline object (parsed JSON); throws a one-line error when it is not one. */
export function parseBaseline(input: unknown, source = 'baseline'): Baseline {
  const ok =
    typeof input === 'object' &&
    input !== null &&
    (input as Baseline).version === 1 &&
    Array.isArray((input as Baseline).entries) &&
    (input as Baseline).entries.every((e) => typeof e?.fingerprint === 'string' && typeof e.count === 'number');
  if (!ok) {
    throw new Error(
      `基线文件 ${source} 格式不对：需要 jxlint --update-baseline 写出的 { "version": 1, "entries": [...] }；请重新生成（Baseline ${source} is not a jxlint baseline; regenerate it with --update-baseline）`,
    );
  }
  return input as Baseline;
}

/**
 * A baseline applied to results one at a time, in the run's order (a batch streams its results):
 * each fingerprint hides at most its count of messages across every result given to `apply`. The
 * baseline itself is not changed.
 */
export class BaselineFilter {
  private readonly remaining = new Map<string, number>();

  constructor(baseline: Baseline) {
    for (const e of baseline.entries) this.remaining.set(e.fingerprint, (this.remaining.get(e.fingerprint) ?? 0) + e.count);
  }

  /** The result without the messages the baseline still accepts, counted again (a new object when any is hidden). */
  apply(result: LintResult): LintResult {
    const messages = result.messages.filter((m) => {
      if (!baselinable(m)) return true;
      const left = this.remaining.get(m.fingerprint!) ?? 0;
      if (left <= 0) return true;
      this.remaining.set(m.fingerprint!, left - 1);
      return false;
    });
    return withMessages(result, messages);
  }
}

/**
 * Removes messages the baseline accepts (each fingerprint up to its count, across all results in
 * order) and recounts. Returns new result objects; the inputs are not changed.
 */
export function applyBaseline(results: readonly LintResult[], baseline: Baseline): LintResult[] {
  const filter = new BaselineFilter(baseline);
  return results.map((r) => filter.apply(r));
}

/** `--update-baseline`: every finding of the result is accepted, so none is shown (fatal read failures stay). */
export function acceptAll(result: LintResult): LintResult {
  return withMessages(result, result.messages.filter((m) => !baselinable(m)));
}
