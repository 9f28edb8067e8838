/**
 * 指标性质 (the 2021+ column that holds the comparison sign or 定性): the sign of a row is the 指标值's own
 * operator, else the one written in 指标性质 (`≥ | 1970 | 元`).
 */
import type { Indicator, Value } from '../../src/ast/types.js';
import { nodeCache } from './node-cache.js';
import { normalizeWidth, squeeze } from './text.js';
import { isBareNumber, operatorOf, toWan } from './values.js';

/** A 指标值 cell that writes its own sign. */
const RAW_OPERATOR = /^[≥≤<>=]/;

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

/**
 * The sign written in the 指标值 cell itself ("≥98%"), not one the parser took from 指标性质
 * (`opFrom: 'nature'`); null when the cell has none.
 */
export function cellOperator(indicator: Indicator): Value['op'] {
  const value = indicator.value;
  if (value.opFrom === 'nature') return RAW_OPERATOR.test(normalizeWidth(squeeze(value.raw))) ? operatorOf({ ...value, op: null }) : null;
  return operatorOf(value);
}

/** The row's comparison sign: the value's own, else the 指标性质 column's. */
export function rowOperator(indicator: Indicator): Value['op'] {
  return operatorOf(indicator.value) ?? natureOperator(indicator);
}

/** 指标性质 says 定性 (a qualitative target such as "无明显负面影响"). */
export function isQualitativeNature(indicator: Indicator): boolean {
  return /定性/.test(indicator.nature ?? '');
}

/** Folded values of the last rows linted (a table has tens of rows, a document a few hundred). */
const combined = nodeCache<Indicator, Value>(4096);


/** The unit written in a 度量单位 / 计量单位 cell, normalised (％ → %); null when blank. */
function unitColumnOf(indicator: Indicator): string | null {
  const unit = normalizeWidth(squeeze(indicator.unitColumn ?? ''));
  return unit === '' ? null : unit;
}

/**
 * The row's typed value with the template's own columns folded in: 指标性质 "≤" + 指标值 "800" +
 * 度量单位 "万元" is ≤800万元 (op ≤, number 800, unit 万元, kind amount), so rules judge what the
 * row says, whether or not the parser has combined them already. `raw` stays the 指标值 cell. The
 * columns only fill what the 指标值 does not say itself, so nothing is counted twice.
 */
export function rowValue(indicator: Indicator): Value {
  const value = indicator.value;
  const hit = combined.get(indicator);
  if (hit && hit.raw === value.raw) return hit;
  let result = value;
  const op = value.op ?? (operatorOf(value) === null ? natureOperator(indicator) : null);
  if (op && !value.op) result = { ...result, op };
  const unit = unitColumnOf(indicator);
  if (unit && !value.unit && value.number !== null && isBareNumber(value)) {
    const wan = toWan(value.number, unit);
    const kind: Value['kind'] = unit === '%' ? 'percent' : wan !== null ? 'amount' : value.kind === 'text' || value.kind === 'empty' ? 'count' : value.kind;
    result = { ...result, unit, kind, ...(wan !== null ? { wan } : {}) };
  }
  combined.set(indicator, result);
  return result;
}

/**
 * The row's value as a reader sees it across the columns ("≤800万元" from ≤ | 800 | 万元), for
 * messages; the 指标值 cell as written when the template has no such columns.
 */
export function shownValue(indicator: Indicator): string {
  const raw = indicator.value.raw.trim();
  if (raw === '') return raw;
  const op = cellOperator(indicator) !== null ? null : natureOperator(indicator);
  const unit = unitColumnOf(indicator);
  const bare = isBareNumber(indicator.value);
  return `${op ?? ''}${raw}${unit && bare ? unit : ''}`;
}

/**
 * A 指标值 that is a number with no unit anywhere in the row ("≥95" with no 度量单位): the cell is a
 * bare number and no 度量单位 column gives it one.
 */
export function isUnitlessNumber(indicator: Indicator): boolean {
  return isBareNumber(indicator.value) && !rowValue(indicator).unit;
}
