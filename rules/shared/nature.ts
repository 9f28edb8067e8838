/**
 * 指标性质 (the 2021+ column that holds the comparison sign or 定性): the sign of a row is the 指标值's own
 * operator, else the one written in 指标性质 (`≥ | 1970 | 元`).
 */
import type { Indicator, Value } from '../../src/ast/types.js';
import { normalizeWidth, squeeze } from './text.js';
import { operatorOf } from './values.js';

const NATURE_OPERATORS: [RegExp, NonNullable<Value['op']>][] = [
  [/^(?:≥|>=|≧|大于等于|不低于|不少于)$/, '≥'],
  [/^(?:≤|<=|≦|小于等于|不高于|不超过|不大于)$/, '≤'],
  [/^(?:>|大于|高于)$/, '>'],
  [/^(?:<|小于|低于)$/, '<'],
  [/^(?:=|==|等于)$/, '='],
];

/** The operator written in the 指标性质 column, if any. */
export function natureOperator(indicator: Indicator): Value['op'] {
  const nature = normalizeWidth(squeeze(indicator.nature ?? ''));
  if (nature === '') return null;
  for (const [re, op] of NATURE_OPERATORS) if (re.test(nature)) return op;
  return null;
}

/** The row's comparison sign: the value's own, else the 指标性质 column's. */
export function rowOperator(indicator: Indicator): Value['op'] {
  return operatorOf(indicator.value) ?? natureOperator(indicator);
}

/** 指标性质 says 定性 (a qualitative target such as "无明显负面影响"). */
export function isQualitativeNature(indicator: Indicator): boolean {
  return /定性/.test(indicator.nature ?? '');
}
