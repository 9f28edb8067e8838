/**
 * Value shapes (docs/rule-catalogue.md "Terms"): amount, percent, bare number; money units converted to 万元.
 * These read the parsed `Value` and fall back on its raw text, so they agree with the value grammar
 * and stay right when a template writes something the grammar did not type.
 */
import type { Project, Value } from '../../src/ast/types.js';
import { memoize, normalizeWidth, squeeze } from './text.js';

/** Tolerance when comparing amounts in 万元 (docs/rule-catalogue.md). */
export const AMOUNT_TOLERANCE = 0.005;

const OPERATOR = '(?:≥|≤|>|<|=)';
const NUMBER = '[+-]?\\d+(?:\\.\\d+)?';
const PERCENT_IN_RAW = /\d\s*%/;
const BARE_NUMBER = new RegExp(`^${OPERATOR}?${NUMBER}$`);
const FIRST_NUMBER = new RegExp(NUMBER);
const LEADING_OPERATOR = new RegExp(`^(${OPERATOR})`);

const normalizeRaw = memoize((raw: string) => normalizeWidth(squeeze(raw)));

/** The raw text of a value, width-normalised and without whitespace. */
export function normalizedRaw(value: Value | null | undefined): string {
  return value?.raw ? normalizeRaw(value.raw) : '';
}

/** A blank 指标值 / spend-plan cell. */
export function isBlankValue(value: Value | null | undefined): boolean {
  return !value || value.kind === 'empty' || normalizedRaw(value) === '';
}

/** Percent: a number with % or ％. */
export function isPercent(value: Value | null | undefined): boolean {
  if (!value) return false;
  if (value.kind === 'percent' || value.unit === '%') return true;
  return PERCENT_IN_RAW.test(normalizedRaw(value));
}

/** Bare number: digits with an optional operator and nothing else ("≥95", "100"). */
export function isBareNumber(value: Value | null | undefined): boolean {
  if (!value) return false;
  return BARE_NUMBER.test(normalizedRaw(value));
}

/** Money units and their factor to 万元. `万` / `亿` alone ("总成本350万") are read as 万元 / 亿元. */
const MONEY_UNIT_FACTORS: Record<string, number> = {
  元: 1 / 10000,
  千元: 1 / 10,
  万元: 1,
  万: 1,
  百万元: 100,
  千万元: 1000,
  亿元: 10000,
  亿: 10000,
};

/**
 * An amount inside a text: number + money unit ("总成本800万元", "300元/人·月"). `(?<!\d)`: a match starts
 * where a run of digits starts — the same first match, but a long run of digits is not rescanned from each digit.
 */
const AMOUNT_IN_TEXT = new RegExp(`(?<!\\d)(${NUMBER.replace('[+-]?', '')})\\s*(百万元|千万元|亿元|万元|千元|元|万|亿)(?![人次个户件台套家场吨亩册份株辆座处条篇])`);

/** Converts a number in a money unit to 万元; null when the unit is not a money unit. */
export function toWan(n: number, unit: string | null | undefined): number | null {
  if (!unit) return null;
  const base = unit.split('/')[0]!.trim();
  const factor = MONEY_UNIT_FACTORS[base];
  return factor === undefined ? null : n * factor;
}

/**
 * Amount: a number with a currency unit (元, 千元, 万元, 亿元; unit costs like 元/人·月 count;
 * 万 / 亿 with nothing after them are read as money too).
 */
export function isAmount(value: Value | null | undefined): boolean {
  if (!value || isBlankValue(value)) return false;
  if (value.kind === 'amount') return true;
  if (isPercent(value)) return false;
  if (value.unit && value.number !== null && toWan(1, value.unit) !== null) return true;
  const raw = normalizedRaw(value);
  const m = AMOUNT_IN_TEXT.exec(raw);
  if (!m) return false;
  // 万 / 亿 without 元 only count at the end of the cell ("350万"), not in "1.2万人".
  if ((m[2] === '万' || m[2] === '亿') && m.index + m[0].length !== raw.length) return false;
  return true;
}

/** The amount of a value in 万元, or null when it is not an amount. */
export function amountInWan(value: Value | null | undefined): number | null {
  if (!value || !isAmount(value)) return null;
  if (typeof value.wan === 'number') return value.wan;
  if (value.number !== null && value.unit) {
    const w = toWan(value.number, value.unit);
    if (w !== null) return w;
  }
  const m = AMOUNT_IN_TEXT.exec(normalizedRaw(value));
  return m ? toWan(Number(m[1]), m[2]) : null;
}

/** The first amount written in a free text ("总成本800万元" → { number: 800, unit: '万元', text: '800万元' }). */
export function findAmountInText(text: string | null | undefined): { number: number; unit: string; text: string } | null {
  const raw = normalizeWidth(squeeze(text));
  const m = AMOUNT_IN_TEXT.exec(raw);
  if (!m) return null;
  return { number: Number(m[1]), unit: m[2]!, text: m[0] };
}

/** The numeric part of a value ("≥98%" → 98), from the parsed number or the raw text. */
export function numberOf(value: Value | null | undefined): number | null {
  if (!value) return null;
  if (typeof value.number === 'number' && Number.isFinite(value.number)) return value.number;
  const m = FIRST_NUMBER.exec(normalizedRaw(value));
  return m ? Number(m[0]) : null;
}

/** The operator of a value (≥ ≤ > < =), from the parsed value or the raw text. */
export function operatorOf(value: Value | null | undefined): Value['op'] {
  if (!value) return null;
  if (value.op) return value.op;
  const m = LEADING_OPERATOR.exec(normalizedRaw(value));
  return (m?.[1] as Value['op']) ?? null;
}

/** Factor that turns the project's money unit (单位：万元 / 元 …) into 万元; 1 when none is stated. */
export function projectMoneyFactor(project: Project): number {
  const unit = (project.moneyUnit ?? '万元').replace(/^(?:金额)?单位[:：]\s*/, '').trim();
  return toWan(1, unit) ?? 1;
}

/** Formats an amount in 万元 the way tables write it (no trailing zeros: 800, 6.5, 0.2). */
export function formatWan(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
