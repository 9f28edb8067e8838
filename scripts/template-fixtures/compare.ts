/**
 * Parse fidelity: the parsed AST against the truth the generator wrote, fact by fact, and the AST
 * without origins (for the differential test between formats of one document).
 */
import type { JxDocument, Project } from '../../src/ast/types.js';
import type { ProjectTruth } from './families.js';

/** The facts the targets count (names, budgets, spend plans, annual goal counts, every annual 指标值). */
export const TARGET_FACTS = ['name', 'budget', 'spendPlan', 'goalCount', 'indicator'] as const;
export type FactGroup = (typeof TARGET_FACTS)[number] | 'template' | 'code' | 'longTermGoalCount' | 'longTermIndicatorCount' | 'costItems' | 'projectCount';

export interface FactResult {
  group: FactGroup;
  ok: boolean;
  /** Where and what, for failure messages: "p2 indicator 5: want ≥98% (≥ 98 % percent), got …". */
  detail: string;
}

const num = (x: number | null | undefined): number | null => (x === undefined || x === null || Number.isNaN(x) ? null : x);
const sameNumber = (a: number | null | undefined, b: number | null | undefined) => {
  const [x, y] = [num(a), num(b)];
  return x === null || y === null ? x === y : Math.abs(x - y) < 1e-6;
};
const show = (v: unknown) => JSON.stringify(v);

/** Every fact of one document: one per project field, one per spend-plan cell, one per annual indicator value. */
export function compareDocument(truth: ProjectTruth[], doc: JxDocument): FactResult[] {
  const out: FactResult[] = [];
  const fact = (group: FactGroup, ok: boolean, detail: string) => out.push({ group, ok, detail });
  fact('projectCount', doc.projects.length === truth.length, `projects: want ${truth.length}, got ${doc.projects.length}`);
  truth.forEach((t, i) => {
    const p: Project | undefined = doc.projects[i];
    const at = `p${i + 1}`;
    fact('template', p?.template === t.template, `${at} template: want ${t.template}, got ${p?.template}`);
    fact('code', (p?.code ?? null) === t.code, `${at} code: want ${show(t.code)}, got ${show(p?.code ?? null)}`);
    fact('name', (p?.name ?? null) === t.name, `${at} name: want ${show(t.name)}, got ${show(p?.name ?? null)}`);
    for (const k of ['total', 'fiscal', 'other', 'superior'] as const) {
      const got = p?.budget[k] ?? null;
      fact('budget', !!p && sameNumber(got, t.budget[k]), `${at} budget.${k}: want ${t.budget[k]}, got ${got}`);
    }
    const plan = p?.spendPlan;
    t.spendPlan.forEach((want, m) => {
      if (want === null) {
        const none = !!plan && !plan.present;
        // The absence counts once, on the first cell.
        if (m === 0) fact('spendPlan', none, `${at} spendPlan: want none (present: false), got ${show(plan?.values.map((v) => v.raw))}`);
        return;
      }
      const got = plan?.present ? (plan.values[m]?.raw ?? null) : null;
      fact('spendPlan', got === want, `${at} spendPlan[${m}]: want ${show(want)}, got ${show(got)}`);
    });
    fact('goalCount', p?.goals.length === t.goalCount, `${at} goals: want ${t.goalCount}, got ${p?.goals.length}`);
    fact('longTermGoalCount', (p?.longTermGoals?.length ?? 0) === t.longTermGoalCount, `${at} longTermGoals: want ${t.longTermGoalCount}, got ${p?.longTermGoals?.length}`);
    fact(
      'longTermIndicatorCount',
      (p?.longTermIndicators?.length ?? 0) === t.longTermIndicatorCount,
      `${at} longTermIndicators: want ${t.longTermIndicatorCount}, got ${p?.longTermIndicators?.length}`,
    );
    const items = (p?.costBreakdown ?? []).map((c) => ({ item: c.item, amount: c.amount }));
    const itemsOk = items.length === t.costItems.length && t.costItems.every((c, k) => items[k].item === c.item && sameNumber(items[k].amount, c.amount));
    fact('costItems', itemsOk, `${at} costBreakdown: want ${show(t.costItems)}, got ${show(items)}`);
    const rows = p?.indicators ?? [];
    const n = Math.max(rows.length, t.indicators.length);
    for (let r = 0; r < n; r++) {
      const want = t.indicators[r];
      const got = rows[r]?.value;
      const ok =
        !!want &&
        !!got &&
        got.raw === want.raw &&
        (got.op ?? null) === want.op &&
        sameNumber(got.number, want.number) &&
        (got.unit ?? null) === want.unit &&
        got.kind === want.kind;
      const fmt = (v: { raw: string; op: string | null; number: number | null; unit: string | null; kind: string } | undefined) =>
        v ? `${show(v.raw)} (${v.op ?? '-'} ${v.number ?? '-'} ${v.unit ?? '-'} ${v.kind})` : 'no row';
      fact('indicator', ok, `${at} indicator ${r + 1}: want ${fmt(want)}, got ${fmt(got)}`);
    }
  });
  return out;
}

/** Share of facts right, over the groups the targets count (or all groups). */
export function fidelity(results: FactResult[], groups: readonly FactGroup[] = TARGET_FACTS): { ok: number; total: number; ratio: number } {
  const counted = results.filter((r) => groups.includes(r.group));
  const ok = counted.filter((r) => r.ok).length;
  return { ok, total: counted.length, ratio: counted.length === 0 ? 1 : ok / counted.length };
}

/** The AST without origins (`origin`, `…Origin(s)` and the per-cell origin maps), as test/sources-parse-equivalence.test.ts compares. */
export function withoutOrigins(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(withoutOrigins);
  if (x && typeof x === 'object')
    return Object.fromEntries(
      Object.entries(x)
        .filter(([k]) => !/^(origin|cells)$|Origins?$/.test(k))
        .map(([k, v]) => [k, withoutOrigins(v)]),
    );
  return x;
}
