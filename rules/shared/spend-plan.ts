/**
 * 资金支出计划 cells: the month-end columns (3月底, 6月底, 10月底, 12月底) with their values, whether each
 * is blank, and its cumulative percentage (under a （%） header a bare number is a percent).
 */
import type { Origin, Project, SpendPlan, Value } from '../../src/ast/types.js';
import { isBareNumber, isBlankValue, isPercent, numberOf } from './values.js';

export interface MonthEndCell {
  /** Column label as written ("3月底"), or `第N列` when the template gives none. */
  label: string;
  value: Value | null;
  blank: boolean;
  /** The cumulative percentage, or null when blank or not a percent. */
  percent: number | null;
  origin: Origin | null;
}

/** The month-end cells of a spend plan; cells the source left out count as blank. */
export function monthEndCells(plan: SpendPlan): MonthEndCell[] {
  const n = Math.max(plan.labels.length, plan.values.length) || 4;
  const cells: MonthEndCell[] = [];
  for (let i = 0; i < n; i++) {
    const value = plan.values[i] ?? null;
    const blank = isBlankValue(value);
    const percent =
      !blank && (isPercent(value) || (plan.percentHeader && isBareNumber(value))) ? numberOf(value) : null;
    cells.push({
      label: plan.labels[i] ?? `第${i + 1}列`,
      value,
      blank,
      percent,
      origin: plan.cellOrigins[i] ?? plan.origin ?? null,
    });
  }
  return cells;
}

/** The year-end column (12月底 / 12月末 / 第四季度): the label naming December or Q4. */
export function isYearEnd(label: string): boolean {
  return /^12月|^第?[四4]季度/.test(label.replace(/\s+/g, ''));
}

/** The month-end cells of a table's 资金支出计划, none when the table has no such row. */
export function planCellsOf(project: Project): MonthEndCell[] {
  return project.spendPlan.present ? monthEndCells(project.spendPlan) : [];
}
