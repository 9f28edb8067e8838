/**
 * Text normalisation shared by the rules: full-width digits and signs, whitespace, trailing punctuation,
 * and the comparable text of a cell.
 * Pure functions; no rule logic.
 */

/**
 * A small bounded memo for pure string functions: the same few hundred cell texts recur across
 * rules and tables, and batch scans must not grow memory without bound.
 */
export function memoize<R>(fn: (s: string) => R, limit = 20000): (s: string) => R {
  let cache = new Map<string, R>();
  return (s: string) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as R;
    const value = fn(s);
    if (cache.size >= limit) cache = new Map();
    cache.set(s, value);
    return value;
  };
}

const WIDTH_CHARS = /[０-９％．＞＜＝≧≦]|>=|<=/;
const WIDTH_ALL = /[０-９]|＞＝|＜＝|>=|<=|[％．≧≦＞＜＝]/g;
const WIDTH_MAP: Record<string, string> = {
  '％': '%',
  '．': '.',
  '＞＝': '≥',
  '>=': '≥',
  '≧': '≥',
  '＜＝': '≤',
  '<=': '≤',
  '≦': '≤',
  '＞': '>',
  '＜': '<',
  '＝': '=',
};

/** Full-width digits, ％, ．, and full-width operators → ASCII / the canonical signs. */
export function normalizeWidth(text: string): string {
  if (!WIDTH_CHARS.test(text)) return text;
  return text.replace(WIDTH_ALL, (c) => WIDTH_MAP[c] ?? String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const SPACE = /[\s\u3000]/;
const SPACES = /[\s\u3000]+/g;

/** Removes all whitespace (including the ideographic space). */
export function squeeze(text: string | null | undefined): string {
  if (!text) return '';
  return SPACE.test(text) ? text.replace(SPACES, '') : text;
}

const SPACES_ONLY = /^[\s\u3000]*$/;

/** True when the cell is blank (null, empty or whitespace only). */
export function isBlank(text: string | null | undefined): boolean {
  return !text || SPACES_ONLY.test(text);
}

const TRAILING_PUNCTUATION = /[\s\u3000。．.，,；;：:！!？?、…]+$/u;
const PUNCTUATION_CHAR = /[\s\u3000。．.，,；;：:！!？?、…]/u;

/** Drops trailing punctuation and whitespace ("完成率。" → "完成率"). */
export function stripTrailingPunctuation(text: string): string {
  // Most cells end in a word: only the last character decides whether there is anything to drop.
  if (!PUNCTUATION_CHAR.test(text.charAt(text.length - 1))) return text;
  return text.replace(TRAILING_PUNCTUATION, '');
}

/** An ASCII or full-width digit. */
export function hasDigit(text: string | null | undefined): boolean {
  return /[0-9０-９]/.test(text ?? '');
}

/**
 * A Chinese numeral used as a quantity or date ("每年一次", "十二月底前", "两个工作日"):
 * numeral characters followed by a measure word or a time unit.
 */
// The lookbehind starts a match only where a run of numerals starts (same matches; linear on 三三三…).
const CHINESE_QUANTITY =
  /(?<![一二三四五六七八九十两〇零百千])[一二三四五六七八九十两〇零百千]+\s*(?:个|次|人|名|户|件|台|套|家|场|项|所|批|期|份|本|册|辆|座|处|条|篇|月|日|天|年|周|小时|工作日|季度|轮)/;

/** Whether a value states a number at all: a digit, or a Chinese numeral with a unit. */
export function hasNumber(text: string | null | undefined): boolean {
  return hasDigit(text) || CHINESE_QUANTITY.test(text ?? '');
}

/** Characters that `normalizeWidth` or `squeeze` would change (full-width digits and signs, ASCII operators, spaces). */
const NEEDS_NORMALISING = /[\s\u3000０-９％．＞＜＝≧≦>=<]/;

/** Whitespace-free, width-normalised text of a cell ("" when blank). */
export function cellText(text: string | null | undefined): string {
  if (!text) return '';
  return NEEDS_NORMALISING.test(text) ? normalizeWidth(squeeze(text)) : text;
}

/** The text of a cell without whitespace and punctuation (for comparing wordings). */
export function contentOf(text: string | null | undefined): string {
  return cellText(text).replace(/[。．.，,；;：:！!？?、…“”"'‘’（）()《》\-—·]/g, '');
}
