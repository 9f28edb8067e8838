/**
 * Rule quality on the labelled corpus (issue 10, docs/rule-quality.md): every finding jxlint gives on
 * the labelled documents is matched by fingerprint to a reviewer's label (useful or noise, with a
 * reason), and each document's blind list of what a reviewer should flag measures recall.
 *
 * Fails when a finding labelled useful disappears, when a noise finding marked `removed` comes back,
 * or when a finding has no label. Known noise that is still there passes (tuning may only remove
 * it); known noise that has gone is printed, and `JXLINT_LABELS_UPDATE=1` marks it `removed` so it
 * cannot come back unnoticed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint, parseText, resolveConfig } from '../src/index.js';
import type { LintMessage } from '../src/index.js';
import { allRules } from '../rules/index.js';

/** One reviewer's label of one finding (fixtures/labels/findings/<doc>.json). */
interface FindingLabel {
  ruleId: string;
  kind?: string | null;
  projectCode: string | null;
  location: string;
  level3: string | null;
  found: string | null;
  fingerprint: string;
  useful: boolean;
  /** Noise that jxlint gave when the corpus was labelled; tuning may remove it, never add to it. */
  knownNoise?: boolean;
  /** Gone from jxlint's output; it must not come back (noise), or its loss was accepted (useful, with `removedReason`). */
  removed?: boolean;
  removedReason?: string;
  reason: string;
  /** The rule whose finding on the same cell (or row) this one repeats with the same remedy. */
  duplicateOf?: string;
  suggestionFits: boolean;
}

interface LabelFile {
  document: string;
  findings: FindingLabel[];
}

/**
 * Labels kept beside the main file (fixtures/labels/findings/<doc>.extra.json): findings a later rule
 * change brought, re-judged suggestions of findings whose suggestion changed, and blind-list items a
 * new rule now covers (the blind item itself is unchanged; `expectedAlso` adds accepted rules).
 */
interface ExtraLabelFile {
  document: string;
  findings: FindingLabel[];
  overrides?: { fingerprint: string; suggestionFits: boolean; reason?: string }[];
  expectedAlso?: Record<string, string[]>;
}

const extraPath = (doc: string) => new URL(`fixtures/labels/findings/${doc}.extra.json`, root);

/** The main labels with the extra file merged in (its findings appended, its overrides applied to copies, each copy → its original). */
function loadLabels(doc: string): { main: LabelFile; extra: ExtraLabelFile | null; labels: FindingLabel[]; originals: Map<FindingLabel, FindingLabel> } {
  const main = readJson<LabelFile>(labelPath(doc));
  const extra = existsSync(extraPath(doc)) ? readJson<ExtraLabelFile>(extraPath(doc)) : null;
  const overrides = new Map((extra?.overrides ?? []).map((o) => [o.fingerprint, o]));
  const originals = new Map<FindingLabel, FindingLabel>();
  const labels = main.findings.map((l) => {
    const o = overrides.get(l.fingerprint);
    if (!o) return l;
    const copy = { ...l, suggestionFits: o.suggestionFits };
    originals.set(copy, l);
    return copy;
  });
  return { main, extra, labels: [...labels, ...(extra?.findings ?? [])], originals };
}

/** The blind list with the extra file's accepted rules added. */
function loadExpected(doc: string, extra: ExtraLabelFile | null): ExpectedFile {
  const expected = readJson<ExpectedFile>(new URL(`fixtures/labels/expected/${doc}.json`, root));
  for (const item of expected.items) {
    const also = extra?.expectedAlso?.[item.id];
    if (also) item.alsoCaughtBy = [...(item.alsoCaughtBy ?? []), ...also];
  }
  return expected;
}

/** One item of a blind list (fixtures/labels/expected/<doc>.json). */
interface ExpectedItem {
  id: string;
  projectCode: string | null;
  level3?: string;
  cell: string;
  problem: string;
  /** The rule that should catch it, or "none yet". */
  rule: string;
  alsoCaughtBy?: string[];
}

interface ExpectedFile {
  document: string;
  items: ExpectedItem[];
}

type Preset = 'recommended' | 'all';
const PRESETS: Preset[] = ['recommended', 'all'];
const DOCS = ['seed', 'county-education-2020', 'county-sample-2022'];
const NONE_YET = 'none yet';
const UPDATE = process.env.JXLINT_LABELS_UPDATE === '1';

const root = new URL('../', import.meta.url);
const labelPath = (doc: string) => new URL(`fixtures/labels/findings/${doc}.json`, root);
const readJson = <T>(url: URL): T => JSON.parse(readFileSync(url, 'utf8')) as T;
const ruleIds = new Set(allRules.map((r) => r.meta.id));
const kindOf = new Map(allRules.map((r) => [r.meta.id, r.meta.kind]));

/** The findings of a run, compared with the labels by fingerprint (a fingerprint may occur more than once). */
interface LabelComparison {
  matched: { message: LintMessage; label: FindingLabel }[];
  unlabelled: LintMessage[];
  /** Labelled useful, not removed, and no longer found. */
  lostUseful: FindingLabel[];
  /** Known noise no longer found (good: tuning removed it) and not yet marked `removed`. */
  goneNoise: FindingLabel[];
  /** Marked `removed` and found again. */
  returned: { message: LintMessage; label: FindingLabel }[];
}

function compareToLabels(messages: readonly LintMessage[], labels: readonly FindingLabel[]): LabelComparison {
  const byPrint = new Map<string, FindingLabel[]>();
  for (const l of labels) {
    const list = byPrint.get(l.fingerprint) ?? [];
    list.push(l);
    byPrint.set(l.fingerprint, list);
  }
  // Pair findings with labels still expected first, so a removed label only matches a surplus finding.
  for (const list of byPrint.values()) list.sort((a, b) => Number(!!a.removed) - Number(!!b.removed));
  const used = new Map<string, number>();
  const out: LabelComparison = { matched: [], unlabelled: [], lostUseful: [], goneNoise: [], returned: [] };
  for (const message of messages) {
    if (!message.ruleId || !message.fingerprint) continue;
    const list = byPrint.get(message.fingerprint) ?? [];
    const i = used.get(message.fingerprint) ?? 0;
    used.set(message.fingerprint, i + 1);
    const label = list[i];
    if (!label) out.unlabelled.push(message);
    else if (label.removed) out.returned.push({ message, label });
    else out.matched.push({ message, label });
  }
  for (const [print, list] of byPrint) {
    for (const label of list.slice(used.get(print) ?? 0)) {
      if (label.removed) continue;
      if (label.useful) out.lostUseful.push(label);
      else out.goneNoise.push(label);
    }
  }
  return out;
}

/** Whether a run caught a blind-list item: the designated rule (or an accepted alternative) on the same project and row or cell. */
function caughtBy(item: ExpectedItem, messages: readonly LintMessage[]): LintMessage | undefined {
  if (item.rule === NONE_YET && !item.alsoCaughtBy?.length) return undefined;
  const rules = new Set([item.rule, ...(item.alsoCaughtBy ?? [])]);
  return messages.find(
    (m) =>
      m.ruleId !== null &&
      rules.has(m.ruleId) &&
      (m.projectCode ?? null) === item.projectCode &&
      (item.level3 === undefined ? item.cell === 'indicator.basis' || !m.level3 || m.role === item.cell : m.level3 === item.level3),
  );
}

function runDocument(doc: string, preset: Preset): LintMessage[] {
  const expected = readJson<ExpectedFile>(new URL(`fixtures/labels/expected/${doc}.json`, root));
  const text = readFileSync(new URL(expected.document, root), 'utf8');
  const document = parseText(text, expected.document);
  return lint(document, { config: resolveConfig({ extends: preset }) }).messages.filter((m) => m.ruleId !== null);
}

const stub = (m: LintMessage) =>
  JSON.stringify({
    ruleId: m.ruleId,
    kind: kindOf.get(m.ruleId!) ?? null,
    projectCode: m.projectCode,
    location: m.location,
    level3: m.level3 ?? null,
    found: m.found ?? null,
    fingerprint: m.fingerprint,
    useful: null,
    reason: 'TODO',
    suggestionFits: null,
  });

interface RuleRow {
  findings: number;
  useful: number;
  noise: number;
  unlabelled: number;
  fits: number;
  expected: number;
  caught: number;
}

const pct = (a: number, b: number) => (b === 0 ? '—' : (a / b).toFixed(2));

function printTable(preset: Preset, rows: Map<string, RuleRow>, perDoc: string[]): string {
  const header = ['rule', 'kind', 'findings', 'useful', 'noise', 'unlabelled', 'precision', 'fits', 'fit rate', 'expected', 'caught', 'recall'];
  const lines: string[][] = [];
  const total: RuleRow = { findings: 0, useful: 0, noise: 0, unlabelled: 0, fits: 0, expected: 0, caught: 0 };
  const heur: RuleRow = { ...total };
  for (const [rule, r] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    const kind = kindOf.get(rule) ?? '';
    lines.push([rule, kind, ...[r.findings, r.useful, r.noise, r.unlabelled].map(String), pct(r.useful, r.useful + r.noise), String(r.fits), pct(r.fits, r.findings - r.unlabelled), String(r.expected), String(r.caught), pct(r.caught, r.expected)]);
    for (const k of Object.keys(total) as (keyof RuleRow)[]) {
      total[k] += r[k];
      if (kind === 'heuristic') heur[k] += r[k];
    }
  }
  for (const [name, t] of [['heuristic rules', heur], ['all rules', total]] as const) {
    lines.push([name, '', ...[t.findings, t.useful, t.noise, t.unlabelled].map(String), pct(t.useful, t.useful + t.noise), String(t.fits), pct(t.fits, t.findings - t.unlabelled), String(t.expected), String(t.caught), pct(t.caught, t.expected)]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [`rule quality — preset ${preset} (corpus: ${DOCS.join(', ')})`, fmt(header), ...lines.map(fmt), ...perDoc].join('\n');
}

describe('labelled corpus: the matching itself', () => {
  const label = (fingerprint: string, useful: boolean, extra: Partial<FindingLabel> = {}): FindingLabel => ({
    ruleId: 'r', projectCode: 'P', location: '', level3: null, found: null, fingerprint, useful, reason: 'x', suggestionFits: true, ...extra,
  });
  const message = (fingerprint: string): LintMessage => ({ ruleId: 'r', fingerprint, projectCode: 'P' }) as LintMessage;
  const cases: { name: string; messages: string[]; labels: FindingLabel[]; expect: Record<keyof LabelComparison, number> }[] = [
    { name: 'every finding labelled', messages: ['a', 'b'], labels: [label('a', true), label('b', false)], expect: { matched: 2, unlabelled: 0, lostUseful: 0, goneNoise: 0, returned: 0 } },
    { name: 'a useful finding disappears', messages: ['b'], labels: [label('a', true), label('b', false)], expect: { matched: 1, unlabelled: 0, lostUseful: 1, goneNoise: 0, returned: 0 } },
    { name: 'known noise is removed by tuning', messages: ['a'], labels: [label('a', true), label('b', false)], expect: { matched: 1, unlabelled: 0, lostUseful: 0, goneNoise: 1, returned: 0 } },
    { name: 'removed noise comes back', messages: ['a', 'b'], labels: [label('a', true), label('b', false, { removed: true })], expect: { matched: 1, unlabelled: 0, lostUseful: 0, goneNoise: 0, returned: 1 } },
    { name: 'a new finding has no label', messages: ['a', 'c'], labels: [label('a', true)], expect: { matched: 1, unlabelled: 1, lostUseful: 0, goneNoise: 0, returned: 0 } },
    { name: 'one fingerprint twice, both labelled', messages: ['a', 'a'], labels: [label('a', true), label('a', true)], expect: { matched: 2, unlabelled: 0, lostUseful: 0, goneNoise: 0, returned: 0 } },
    { name: 'one fingerprint twice, one labelled', messages: ['a', 'a'], labels: [label('a', true)], expect: { matched: 1, unlabelled: 1, lostUseful: 0, goneNoise: 0, returned: 0 } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = compareToLabels(c.messages.map(message), c.labels);
      expect(Object.fromEntries(Object.entries(got).map(([k, v]) => [k, (v as unknown[]).length]))).toEqual(c.expect);
    });
  }
});

describe('labelled corpus: the label files are well formed', () => {
  for (const doc of DOCS) {
    it(doc, () => {
      const { main, extra, labels: merged } = loadLabels(doc);
      const expected = loadExpected(doc, extra);
      expect(main.document).toBe(expected.document);
      if (extra) expect(extra.document).toBe(expected.document);
      const prints = new Set(merged.map((l) => l.fingerprint));
      for (const o of extra?.overrides ?? []) expect(prints.has(o.fingerprint), `${doc}: override of unknown ${o.fingerprint}`).toBe(true);
      for (const id of Object.keys(extra?.expectedAlso ?? {})) expect(expected.items.some((i) => i.id === id), `${doc}: expectedAlso names unknown item ${id}`).toBe(true);
      for (const l of merged) {
        expect(ruleIds.has(l.ruleId), `${doc}: unknown rule ${l.ruleId}`).toBe(true);
        expect(typeof l.useful, `${doc} ${l.fingerprint}: useful must be true or false`).toBe('boolean');
        expect(l.reason.length, `${doc} ${l.fingerprint}: a label needs a reason`).toBeGreaterThan(1);
        if (l.duplicateOf) expect(ruleIds.has(l.duplicateOf), `${doc}: duplicateOf ${l.duplicateOf}`).toBe(true);
        if (l.duplicateOf) expect(l.useful, `${doc} ${l.fingerprint}: a duplicate is not useful`).toBe(false);
        if (l.useful && l.removed) expect(l.removedReason, `${doc} ${l.fingerprint}: a useful finding removed needs removedReason`).toBeTruthy();
      }
      const ids = new Set<string>();
      for (const item of expected.items) {
        expect(ids.has(item.id), `${doc}: duplicate id ${item.id}`).toBe(false);
        ids.add(item.id);
        for (const r of [item.rule, ...(item.alsoCaughtBy ?? [])]) expect(r === NONE_YET || ruleIds.has(r), `${doc} ${item.id}: unknown rule ${r}`).toBe(true);
      }
    });
  }
});

describe('labelled corpus: findings against the labels', () => {
  const reports: string[] = [];
  for (const preset of PRESETS) {
    it(`preset ${preset}: no useful finding lost, no removed noise back, nothing unlabelled`, () => {
      const rows = new Map<string, RuleRow>();
      const row = (rule: string) => {
        let r = rows.get(rule);
        if (!r) rows.set(rule, (r = { findings: 0, useful: 0, noise: 0, unlabelled: 0, fits: 0, expected: 0, caught: 0 }));
        return r;
      };
      const problems: string[] = [];
      const perDoc: string[] = [];
      for (const doc of DOCS) {
        const { main: file, extra, labels, originals } = loadLabels(doc);
        const messages = runDocument(doc, preset);
        const cmp = compareToLabels(messages, labels);
        let useful = 0;
        for (const { label } of cmp.matched) {
          const r = row(label.ruleId);
          r.findings++;
          if (label.useful) r.useful++;
          else r.noise++;
          if (label.suggestionFits) r.fits++;
          if (label.useful) useful++;
        }
        for (const m of cmp.unlabelled) {
          const r = row(m.ruleId!);
          r.findings++;
          r.unlabelled++;
          problems.push(`${doc}: new finding without a label — label it in fixtures/labels/findings/${doc}.extra.json (useful, reason, suggestionFits):\n  ${stub(m)}`);
        }
        for (const { label } of cmp.returned) problems.push(`${doc}: noise that was removed is back: ${label.ruleId} ${label.projectCode ?? ''} ${label.level3 ?? ''} "${label.found ?? ''}" (${label.reason})`);
        if (preset === 'all') {
          for (const l of cmp.lostUseful) problems.push(`${doc}: a useful finding disappeared: ${l.ruleId} ${l.projectCode ?? ''} ${l.location} ${l.level3 ?? ''} "${l.found ?? ''}" (${l.reason})`);
          if (cmp.goneNoise.length > 0) {
            perDoc.push(`${doc}: ${cmp.goneNoise.length} known-noise finding(s) gone — run with JXLINT_LABELS_UPDATE=1 to mark them removed`);
            if (UPDATE) {
              for (const l of cmp.goneNoise) (originals.get(l) ?? l).removed = true;
              writeFileSync(labelPath(doc), JSON.stringify(file, null, 2) + '\n');
              if (extra) writeFileSync(extraPath(doc), JSON.stringify(extra, null, 2) + '\n');
            }
          }
        }
        const expected = loadExpected(doc, extra);
        let caught = 0;
        for (const item of expected.items) {
          const hit = caughtBy(item, messages);
          if (hit) caught++;
          const r = row(item.rule);
          r.expected++;
          if (hit) r.caught++;
        }
        const heuristic = cmp.matched.filter(({ label }) => kindOf.get(label.ruleId) === 'heuristic');
        const heuristicUseful = heuristic.filter(({ label }) => label.useful).length;
        perDoc.push(
          `${doc}: ${messages.length} findings, ${useful} useful (precision ${pct(useful, cmp.matched.length)}); ` +
            `heuristic ${heuristicUseful}/${heuristic.length} (${pct(heuristicUseful, heuristic.length)}); ` +
            `blind list ${caught}/${expected.items.length} caught (recall ${pct(caught, expected.items.length)})`,
        );
      }
      reports.push(printTable(preset, rows, perDoc));
      console.log(reports.at(-1));
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});
