/**
 * 指标值确定依据: the standard bases (绩效标准) and what counts as naming a concrete document.
 * Pure functions; no rule logic.
 */
import { cellText } from './text.js';

/** The standard bases (绩效标准, docs/taxonomy.md §7); 预算支出标准 is for cost indicators only. */
export const STANDARD_BASES = ['计划标准', '行业标准', '历史标准', '其他标准'] as const;
export const COST_BASIS = '预算支出标准';

/** A named document: 《…》 or a document number 〔2020〕12号 / [2020]12号 / （2020）12号. */
const NAMED_DOCUMENT = /《[^》]+》|[〔\[【（(]\s*\d{4}\s*[〕\]】）)]\s*(?:第)?\s*\d+\s*号|\d{4}\s*年\s*第\s*\d+\s*号/;

/** Whether a basis is a standard one (for cost rows 预算支出标准 too) or names a concrete document. */
export function isAcceptedBasis(basis: string | null | undefined, isCost: boolean): boolean {
  const s = cellText(basis);
  if (STANDARD_BASES.some((b) => s.includes(b))) return true;
  if (s.includes('财政部门认可')) return true;
  if (isCost && s.includes(COST_BASIS)) return true;
  return NAMED_DOCUMENT.test(s);
}
