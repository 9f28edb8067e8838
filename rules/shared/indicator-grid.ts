/**
 * The indicator grid (指标表) of a table: which columns the template has, which rows are indicators
 * at all, and which values are quantitative. Pure functions; no rule logic.
 */
import type { Indicator, Project } from '../../src/ast/types.js';
import { cellText, hasDigit } from './text.js';
import { isBlankValue, normalizedRaw } from './values.js';

/** Whether the template has the column (indicator grid header). */
export function hasColumn(project: Project, column: 'description' | 'basis' | 'nature' | 'unit'): boolean {
  return project.indicatorHeader?.columns.includes(column) ?? false;
}

/**
 * Whether a grid row is an indicator at all: a note or separator row under the grid ("备注：…",
 * a merged "资金按月拨付" line) has neither a 三级 nor a 指标值.
 */
export function isIndicatorRow(ind: Indicator): boolean {
  return !(cellText(ind.level3) === '' && isBlankValue(ind.value));
}

/** A quantitative 指标值: not blank and states a number (≥98%, ≤800万元, 12000人, 2020年12月底前). */
export function isQuantitativeValue(ind: Indicator): boolean {
  return !isBlankValue(ind.value) && hasDigit(normalizedRaw(ind.value));
}
