/**
 * Planted defects: changes to project content that an exact rule must report, placed at random.
 * Each names the rule it is meant for; the bench checks the seed-template rendering reports it
 * (so the truth holds it) and measures whether each family's rendering does too.
 */
import { type IndicatorContent, type ProjectContent, splitValue, wholeValue } from './content.js';
import type { Family } from './families.js';
import type { Rng } from './rng.js';

export interface PlantedDefect {
  defect: DefectKind;
  /** The exact rule meant to report it. */
  rule: string;
  /** 0-based project index in the document. */
  project: number;
  /** 0-based annual indicator row, when the defect is on a row. */
  row?: number;
}

export const DEFECT_KINDS = [
  'cost-as-percent',
  'blank-value',
  'duplicate-code',
  'percent-over-100',
  'budget-parts-mismatch',
  'satisfaction-low',
  'quantity-as-percent',
  'bare-number',
  'duplicate-indicator',
  'category-mismatch',
  'cost-exceeds-budget',
  'placeholder-goal',
  'no-satisfaction',
  'spend-plan-decreasing',
] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];

const RULE_OF: Record<DefectKind, string> = {
  'cost-as-percent': 'cost-value-not-amount',
  'blank-value': 'value-not-measurable',
  'duplicate-code': 'duplicate-project-code',
  'percent-over-100': 'percent-out-of-range',
  'budget-parts-mismatch': 'budget-sum-mismatch',
  'satisfaction-low': 'satisfaction-threshold-low',
  'quantity-as-percent': 'quantity-value-percentage',
  'bare-number': 'value-missing-unit',
  'duplicate-indicator': 'duplicate-indicator',
  'category-mismatch': 'indicator-category-mismatch',
  'cost-exceeds-budget': 'cost-exceeds-budget',
  'placeholder-goal': 'placeholder-goal',
  'no-satisfaction': 'missing-level1-category',
  'spend-plan-decreasing': 'spend-plan-not-cumulative',
};

/** Defects that make sense in a family (a duplicated code needs codes; a spend plan needs one). */
export function defectsFor(family: Family, hasCode: boolean): DefectKind[] {
  return DEFECT_KINDS.filter((d) => {
    if (d === 'duplicate-code') return hasCode;
    if (d === 'spend-plan-decreasing') return family === 'seed-2020';
    return true;
  });
}

const isCost = (r: IndicatorContent) => r.level1 === '成本指标' ? r.level2 === '经济成本指标' : r.level2 === '成本指标';
const isSatisfaction = (r: IndicatorContent) => r.level2 === '服务对象满意度指标';
const isPercentRow = (r: IndicatorContent) => r.value.kind === 'percent' && !isSatisfaction(r) && !isCost(r) && r.level2 !== '生态环境成本指标';

function pickRow(rng: Rng, p: ProjectContent, test: (r: IndicatorContent) => boolean): number | null {
  const rows = p.indicators.map((r, i) => [r, i] as const).filter(([r]) => test(r));
  return rows.length === 0 ? null : rng.pick(rows)[1];
}

/**
 * Plants `count` defects (`hasCode`: the template shows the 项目编码) (fewer when a project has no row to carry one) into the projects, changing
 * them in place. Rows a defect has touched are not touched again. Returns what was planted.
 */
export function plantDefects(rng: Rng, projects: ProjectContent[], family: Family, hasCode: boolean, count: number): PlantedDefect[] {
  const planted: PlantedDefect[] = [];
  const touched = new Set<string>();
  const kinds = defectsFor(family, hasCode);
  for (let attempt = 0; planted.length < count && attempt < count * 10; attempt++) {
    const defect = rng.pick(kinds);
    const pi = rng.int(0, projects.length - 1);
    const p = projects[pi];
    const free = (test: (r: IndicatorContent) => boolean) => (r: IndicatorContent) => test(r) && !touched.has(`${pi}:${p.indicators.indexOf(r)}`);
    const at = (row: number | null): boolean => {
      if (row === null) return false;
      touched.add(`${pi}:${row}`);
      planted.push({ defect, rule: RULE_OF[defect], project: pi, row });
      return true;
    };
    const whole = (): boolean => {
      if (touched.has(`${pi}:${defect}`)) return false;
      touched.add(`${pi}:${defect}`);
      planted.push({ defect, rule: RULE_OF[defect], project: pi });
      return true;
    };
    switch (defect) {
      case 'cost-as-percent': {
        const row = pickRow(rng, p, free(isCost));
        if (row !== null) p.indicators[row] = { ...p.indicators[row], value: splitValue('≥', '98', '%', 'percent') };
        at(row);
        break;
      }
      case 'blank-value': {
        const row = pickRow(rng, p, free((r) => r.level2 === '数量指标' || r.level2 === '时效指标'));
        if (row !== null) p.indicators[row] = { ...p.indicators[row], value: wholeValue('', null, null, null, 'empty') };
        at(row);
        break;
      }
      case 'duplicate-code': {
        if (projects.length < 2 || touched.has(`${pi}:code`)) break;
        const other = (pi + rng.int(1, projects.length - 1)) % projects.length;
        if (touched.has(`${other}:code`)) break;
        // The later of the two tables is the one reported.
        const [first, second] = other < pi ? [other, pi] : [pi, other];
        projects[second].code = projects[first].code;
        touched.add(`${pi}:code`);
        touched.add(`${other}:code`);
        planted.push({ defect, rule: RULE_OF[defect], project: second });
        break;
      }
      case 'percent-over-100': {
        const row = pickRow(rng, p, free(isPercentRow));
        if (row !== null) p.indicators[row] = { ...p.indicators[row], value: splitValue('≥', String(rng.pick([105, 120, 150, 980])), '%', 'percent') };
        at(row);
        break;
      }
      case 'budget-parts-mismatch': {
        if (p.budget.fiscal.value === null || p.budget.total.value === null || !whole()) break;
        const delta = rng.pick([1, 10, 0.5]);
        const total = Math.round((p.budget.total.value + delta) * 100) / 100;
        p.budget.total = { raw: total.toFixed(2), value: total };
        // The 项目预算成本构成 (湖北) still adds up to the total: only the parts of the budget disagree.
        const last = p.costItems[p.costItems.length - 1];
        if (last) last.amountRaw = (Number(last.amountRaw) + delta).toFixed(2);
        break;
      }
      case 'satisfaction-low': {
        const row = pickRow(rng, p, free(isSatisfaction));
        if (row !== null) p.indicators[row] = { ...p.indicators[row], value: splitValue('≥', String(rng.pick([60, 70, 75])), '%', 'percent') };
        at(row);
        break;
      }
      case 'quantity-as-percent': {
        const row = pickRow(rng, p, free((r) => r.level2 === '数量指标'));
        if (row !== null) p.indicators[row] = { ...p.indicators[row], level3: uniqueName(p, '受益人数'), value: splitValue('≥', '95', '%', 'percent') };
        at(row);
        break;
      }
      case 'bare-number': {
        const row = pickRow(rng, p, free((r) => r.level2 === '数量指标'));
        if (row !== null) p.indicators[row] = { ...p.indicators[row], level3: uniqueName(p, '服务场次'), value: splitValue('≥', String(rng.int(2, 90) * 10), '', 'count') };
        at(row);
        break;
      }
      case 'duplicate-indicator': {
        const row = pickRow(rng, p, free((r) => r.level2 === '社会效益指标' || r.level2 === '质量指标'));
        if (row === null) break;
        const same = p.indicators.findIndex((r, i) => i !== row && r.level2 === p.indicators[row].level2 && !touched.has(`${pi}:${i}`));
        if (same < 0) break;
        p.indicators[Math.max(row, same)] = { ...p.indicators[Math.max(row, same)], level3: p.indicators[Math.min(row, same)].level3 };
        at(Math.max(row, same));
        touched.add(`${pi}:${Math.min(row, same)}`);
        break;
      }
      case 'category-mismatch': {
        const row = pickRow(rng, p, free((r) => r.level2 === '质量指标'));
        if (row !== null) p.indicators[row] = { ...p.indicators[row], level2: '社会效益指标' };
        at(row);
        break;
      }
      case 'cost-exceeds-budget': {
        const total = p.budget.total.value;
        const row = total === null ? null : pickRow(rng, p, free((r) => isCost(r) && r.value.unit === '万元'));
        if (row !== null && total !== null) {
          const over = Math.round(total * 2 + 10);
          p.indicators[row] = { ...p.indicators[row], value: splitValue('≤', String(over), '万元', 'amount') };
        }
        at(row);
        break;
      }
      case 'placeholder-goal': {
        if (p.goals.length === 0 || !whole()) break;
        const i = rng.int(0, p.goals.length - 1);
        p.goals[i] = `${i + 1}、${rng.pick(['详见附件', '完成率', '同上'])}`;
        break;
      }
      case 'no-satisfaction': {
        if (!p.indicators.some(isSatisfaction) || [...touched].some((k) => k.startsWith(`${pi}:`)) || !whole()) break;
        p.indicators = p.indicators.filter((r) => !isSatisfaction(r));
        break;
      }
      case 'spend-plan-decreasing': {
        if (!whole()) break;
        p.spendPlan = ['50%', '30%', '80%', '100%'];
        break;
      }
    }
  }
  return planted;
}

function uniqueName(p: ProjectContent, name: string): string {
  let out = name;
  for (let k = 2; p.indicators.some((r) => r.level3 === out); k++) out = `${name}（${k}）`;
  return out;
}
