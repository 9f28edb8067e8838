/**
 * Lexicon of 指标值 (indicator value) and spend-plan cells — the words and signs a value is written with.
 *
 * Read top to bottom, this file is the glossary of the value grammar (grammar/value.ts): comparison signs
 * (≥ ≤ …) and their word forms (不低于, 不超过 …), numbers (ASCII and full-width digits), dates
 * (2020.12.31, 2020年12月底前), units (%, 万元, 人次, 个工作日 …) and the suffixes that qualify a value
 * (以上, 以内, 前 …). The order of `valueTokens` is the order the lexer tries them in: the first match wins,
 * so longer words come before the words they start with.
 *
 * Units are context-sensitive: 人, 年, 月, 元 … are units only right after a number (or after "/" or "·" in
 * a unit cost like 元/人·月). Elsewhere the same characters are ordinary words, so "服务人数≥500人" reads as
 * the label 服务人数 followed by the value ≥500人.
 *
 * Pure data and chevrotain token types; no node:* imports (the core runs in a browser too).
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import type { Operator } from '../src/ast/types.js';
import { checkStartCharHints, startChars as hint } from './start-chars.js';

/** Han characters (CJK Unified Ideographs and Extension A), the script of labels and measure words. */
const isHan = (ch: string | undefined): boolean =>
  ch !== undefined && ((ch >= '\u4e00' && ch <= '\u9fff') || (ch >= '\u3400' && ch <= '\u4dbf'));

/** ASCII digits and full-width digits ０-９. */
const DIGIT = '[0-9\\uff10-\\uff19]';

// ───────────────────────────── token categories ─────────────────────────────

/** A comparison sign written as a symbol (≥ ≤ > < =). */
export const OperatorSign = createToken({ name: 'OperatorSign', pattern: Lexer.NA });
/** A comparison written in words (不低于, 不超过, 达到 …). */
export const OperatorWord = createToken({ name: 'OperatorWord', pattern: Lexer.NA });
/** A qualifier after the value (以上, 以内, 前, 左右). */
export const Qualifier = createToken({ name: 'Qualifier', pattern: Lexer.NA });
/** Any unit that can follow a number (or follow "/" or "·" inside a compound unit). */
export const Unit = createToken({ name: 'Unit', pattern: Lexer.NA });
/**
 * Prose: anything a label (the words before a value, "完成率达到95%") may contain — every token except
 * Arabic numbers and numeric dates. A label with a number in it is free text, not a label.
 */
export const Prose = createToken({ name: 'Prose', pattern: Lexer.NA });
/** Tokens a value can start with (used to decide cheaply whether to try reading a value here). */
export const ValueStart = createToken({ name: 'ValueStart', pattern: Lexer.NA });

// ───────────────────────────── layout ─────────────────────────────

/** Blanks, including the full-width space (全角空格) and no-break space; skipped. */
export const Blank = createToken({
  name: 'Blank',
  pattern: /[\s\u3000\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
  // \s: ECMAScript WhiteSpace and LineTerminator
  start_chars_hint: hint('\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff', [0x2000, 0x200a]),
});

// ───────────────────────────── comparison signs (指标性质) ─────────────────────────────

/** ≥ ＞＝ >= ≧ ⩾ — at least. */
export const AtLeastSign = createToken({
  name: 'AtLeastSign',
  pattern: /≥|≧|⩾|>=|>＝|＞=|＞＝/,
  categories: [OperatorSign, ValueStart, Prose],
  start_chars_hint: hint('≥≧⩾>＞'),
});
/** ≤ ＜＝ <= ≦ ⩽ — at most. */
export const AtMostSign = createToken({
  name: 'AtMostSign',
  pattern: /≤|≦|⩽|<=|<＝|＜=|＜＝/,
  categories: [OperatorSign, ValueStart, Prose],
  start_chars_hint: hint('≤≦⩽<＜'),
});
/** > ＞ — more than. */
export const MoreThanSign = createToken({ name: 'MoreThanSign', pattern: />|＞/, categories: [OperatorSign, ValueStart, Prose], start_chars_hint: hint('>＞') });
/** < ＜ — less than. */
export const LessThanSign = createToken({ name: 'LessThanSign', pattern: /<|＜/, categories: [OperatorSign, ValueStart, Prose], start_chars_hint: hint('<＜') });
/** = ＝ == — equal to. */
export const EqualsSign = createToken({ name: 'EqualsSign', pattern: /==?|＝/, categories: [OperatorSign, ValueStart, Prose], start_chars_hint: hint('=＝') });

// ───────────────────────────── comparisons in words ─────────────────────────────

/** 不低于 / 不少于 / 大于等于 / 达到 / 至少 … — at least (≥). 达到 ("reach") is read as ≥. */
export const AtLeastWord = createToken({
  name: 'AtLeastWord',
  pattern:
    /大于或等于|大于等于|高于或等于|高于等于|不低于|不少于|不小于|不得低于|不得少于|不得小于|不应低于|不应少于|达到或超过|达到|至少|最少|最低/,
  categories: [OperatorWord, ValueStart, Prose],
  start_chars_hint: hint('大高不达至最'),
});
/**
 * 不高于 / 不超过 / 不大于 / 小于等于 / 控制在 / 至多 … — at most (≤).
 * 控制在 ("kept at/within") is read as ≤ whether or not 以内 follows (控制在…以内, 控制在预算成本内250万).
 */
export const AtMostWord = createToken({
  name: 'AtMostWord',
  pattern:
    /小于或等于|小于等于|低于或等于|低于等于|不高于|不超过|不超出|不大于|不多于|不得高于|不得超过|不得超出|不得大于|不得多于|不应高于|不应超过|控制在|控制于|至多|最多|最高/,
  categories: [OperatorWord, ValueStart, Prose],
  start_chars_hint: hint('小低不控至最'),
});
/** 大于 / 高于 / 超过 / 多于 — more than (>). */
export const MoreThanWord = createToken({
  name: 'MoreThanWord',
  pattern: /大于|高于|超过|多于/,
  categories: [OperatorWord, ValueStart, Prose],
  start_chars_hint: hint('大高超多'),
});
/** 小于 / 低于 / 少于 — less than (<). */
export const LessThanWord = createToken({
  name: 'LessThanWord',
  pattern: /小于|低于|少于/,
  categories: [OperatorWord, ValueStart, Prose],
  start_chars_hint: hint('小低少'),
});
/** 等于 — equal to (=). */
export const EqualsWord = createToken({ name: 'EqualsWord', pattern: /等于/, categories: [OperatorWord, ValueStart, Prose], start_chars_hint: hint('等') });

/** The operator each comparison token stands for, normalised to the AST's `Operator`. */
export const OPERATOR_OF = new Map<TokenType, Operator>([
  [AtLeastSign, '≥'],
  [AtMostSign, '≤'],
  [MoreThanSign, '>'],
  [LessThanSign, '<'],
  [EqualsSign, '='],
  [AtLeastWord, '≥'],
  [AtMostWord, '≤'],
  [MoreThanWord, '>'],
  [LessThanWord, '<'],
  [EqualsWord, '='],
]);

// ───────────────────────────── completion verbs ─────────────────────────────

/** 完成 / 办结 / 到位 / 拨付 … — a verb after a deadline ("2020年12月底前完成"); it adds nothing to the value. */
export const CompletionVerb = createToken({
  name: 'CompletionVerb',
  pattern: /全部完成|完成|办结|结束|到位|拨付|下达|支付|发放|兑付|兑现|竣工|完工|验收|交付|投入使用|上线|实施|执行/,
  categories: [Prose],
  start_chars_hint: hint('全完办结到拨下支发兑竣验交投上实执'),
});

// ───────────────────────────── qualifiers after the value ─────────────────────────────

/** 及以上 / 以上 — "or more" (≥; 以上 includes the number in Chinese usage). */
export const AtLeastSuffix = createToken({
  name: 'AtLeastSuffix',
  pattern: /及其以上|及以上|以上/,
  categories: [Qualifier, Prose],
  start_chars_hint: hint('及以'),
});
/** 及以下 / 以下 — "or less" (≤). */
export const AtMostSuffix = createToken({
  name: 'AtMostSuffix',
  pattern: /及其以下|及以下|以下/,
  categories: [Qualifier, Prose],
  start_chars_hint: hint('及以'),
});
/** 以内 / 之内 / 内 — within (≤; for a date: by that date). */
export const Within = createToken({ name: 'Within', pattern: /以内|之内|内/, categories: [Qualifier, Prose], start_chars_hint: hint('以之内') });
/** 之前 / 以前 / 前 — before a deadline (≤; the date's bound is `before`). */
export const Before = createToken({ name: 'Before', pattern: /之前|以前|前/, categories: [Qualifier, Prose], start_chars_hint: hint('之以前') });
/** 左右 / 上下 — approximately; no operator. */
export const Approximately = createToken({ name: 'Approximately', pattern: /左右|上下/, categories: [Qualifier, Prose], start_chars_hint: hint('左上') });

// ───────────────────────────── numbers and numeric dates ─────────────────────────────

/**
 * A numeric date: 2020.12.31, 2020-12-31, 2020/12/31, 2023.07 (year 1900-2099, month 1-12, day 1-31).
 * "2020.12" is a date (December 2020), not the decimal 2020.12, unless a unit follows: a date may be
 * followed only by a non-Han character or by 前 之 以 内 至 到 完 底 止 起 (2020.12万元, 2019.5吨 are numbers).
 */
export const NumericDate = createToken({
  name: 'NumericDate',
  pattern: new RegExp(
    `(?:19|20|１９|２０)${DIGIT}{2}[.．\\-－/／](?:[0０]?[1-9１-９]|[1１][0-2０-２])` +
      `(?:[.．\\-－/／](?:[0０]?[1-9１-９]|[12１２]${DIGIT}|[3３][01０１]))?(?!${DIGIT}|[.．%％‰]|(?![前之以内至到完底止起])[\\u3400-\\u9fff])`,
  ),
  categories: [ValueStart],
  start_chars_hint: hint('12１２'),
});

/** A number: ASCII or full-width digits, thousands separators (1,000), a decimal part (6.50, ６．５). */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: new RegExp(`${DIGIT}+(?:[,，]${DIGIT}{3}(?!${DIGIT}))*(?:[.．]${DIGIT}+)?`),
  categories: [ValueStart],
  start_chars_hint: hint('0123456789', [0xff10, 0xff19]),
});

/** - － − — a minus sign, or the dash between the two ends of a period (2023.07-2024.01). */
export const Minus = createToken({ name: 'Minus', pattern: /-|－|−/, categories: [ValueStart, Prose], start_chars_hint: hint('-－−') });
/** 至 / 到 / ~ / — — between the two ends of a period. */
export const RangeDash = createToken({ name: 'RangeDash', pattern: /~|～|—{1,2}|–|至|到/, categories: [Prose], start_chars_hint: hint('~～—–至到') });

// ───────────────────────────── context-sensitive matching ─────────────────────────────

type Matcher = (text: string, offset: number, tokens: IToken[]) => [string] | null;

/** Build a sticky matcher from a regular expression (matches exactly at `offset`). */
function sticky(source: string): (text: string, offset: number) => string | null {
  const re = new RegExp(source, 'y');
  return (text, offset) => {
    re.lastIndex = offset;
    const m = re.exec(text);
    return m ? m[0] : null;
  };
}

/** Token types after which a unit may follow (filled in once those tokens exist). */
const numberLike = new Set<TokenType>();
const unitJoints = new Set<TokenType>();
function afterNumberOrJoint(tokens: IToken[]): boolean {
  const prev = tokens[tokens.length - 1];
  return prev !== undefined && (numberLike.has(prev.tokenType) || unitJoints.has(prev.tokenType));
}
function afterNumber(tokens: IToken[]): boolean {
  const prev = tokens[tokens.length - 1];
  return prev !== undefined && numberLike.has(prev.tokenType);
}

function unitToken(name: string, match: (text: string, offset: number) => string | null, startChars: (string | number)[]): TokenType {
  const exec: Matcher = (text, offset, tokens) => {
    if (!afterNumberOrJoint(tokens)) return null;
    const m = match(text, offset);
    return m ? [m] : null;
  };
  return createToken({
    name,
    pattern: { exec },
    line_breaks: false,
    start_chars_hint: startChars,
    categories: [Unit, Prose],
  });
}

/**
 * Start-character hint for matchers that may start with any Han character. chevrotain files code points
 * above 255 into buckets of 255, so one code point every 64 (and each end) reaches every bucket; listing all
 * 27,000 would cost ~20 ms at start-up.
 */
const HAN_START: number[] = [];
for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff]] as const) {
  for (let c = from; c < to; c += 64) HAN_START.push(c);
  HAN_START.push(to);
}

// ───────────────────────────── Chinese numerals ─────────────────────────────

/** 时间单位 a Chinese numeral may precede ("三个月内", "两年", "十二月底前"). */
const TIME_UNIT_AHEAD = sticky('个?(?:工作日|自然日|月|小时|星期|季度)|月底|月末|年底|年末|年|月|天|日|周(?!岁)');
const CHINESE_NUMERAL = sticky('[零〇一二两三四五六七八九十百千]+');

/**
 * A run of numerals already found with no time unit after it: every offset inside it fails the same way
 * (the run always ends at the same place), so a long run (三三三…) is scanned once, not once per character.
 */
const numeralRunWithoutUnit: { tokens: IToken[] | null; from: number; to: number } = { tokens: null, from: -1, to: -1 };

/**
 * A Chinese numeral (三, 十二, 两, 二〇二〇) — only when a time unit follows, so words such as 一定, 统一, 十分
 * stay words.
 */
export const ChineseNumeral = createToken({
  name: 'ChineseNumeral',
  pattern: {
    // `tokens` is the array of one tokenize call: it tells this call's runs from an earlier call's.
    exec: (text, offset, tokens) => {
      const known = numeralRunWithoutUnit;
      if (known.tokens === tokens && offset >= known.from && offset < known.to) return null;
      const m = CHINESE_NUMERAL(text, offset);
      if (!m) return null;
      if (!TIME_UNIT_AHEAD(text, offset + m.length)) {
        known.tokens = tokens;
        known.from = offset;
        known.to = offset + m.length;
        return null;
      }
      return [m];
    },
  },
  line_breaks: false,
  start_chars_hint: [...'零〇一二两三四五六七八九十百千'],
  categories: [ValueStart, Prose],
});

/** 余 / 多 right after a number ("50余人", "30多家"): "and more"; kept out of the unit, no operator. */
export const RoughlyMore = createToken({
  name: 'RoughlyMore',
  pattern: {
    exec: (text, offset, tokens) => {
      if (!afterNumber(tokens)) return null;
      const ch = text[offset];
      return ch === '余' || ch === '多' ? [ch] : null;
    },
  },
  line_breaks: false,
  start_chars_hint: ['余', '多'],
  categories: [Prose],
});

// ───────────────────────────── calendar words ─────────────────────────────

/** 年底 / 年末 — end of the year ("2020年底前", "年底前"). */
export const YearEnd = createToken({ name: 'YearEnd', pattern: /年底|年末/, categories: [ValueStart, Prose], start_chars_hint: hint('年') });
/** 月底 / 月末 — end of the month ("12月底前"). */
export const MonthEnd = createToken({ name: 'MonthEnd', pattern: /月底|月末/, categories: [ValueStart, Prose], start_chars_hint: hint('月') });

// ───────────────────────────── units ─────────────────────────────

/** % ％ — percent; ‰ — per mille (kind `percent` too, unit '‰'). Not context-sensitive. */
export const PercentSign = createToken({ name: 'PercentSign', pattern: /%|％|‰/, categories: [Prose], start_chars_hint: hint('%％‰') });

/**
 * 货币单位 (currency): 元 千元 万元 亿元 (also 百元 百万元 千万元) and the bare multipliers 万, 亿
 * ("350万", "1.2亿"). 万 or 亿 before a count unit is part of that count unit instead ("3万人" → 万人).
 */
const CURRENCY_WITH_YUAN = sticky('(?:亿|千万|百万|万|千|百)?元');
/** One of each currency unit in 万元, as a power of ten ("元" → -4: 1 元 = 10⁻⁴ 万元). */
export const WAN_EXPONENT: Readonly<Record<string, number>> = {
  元: -4,
  百元: -2,
  千元: -1,
  万元: 0,
  万: 0,
  百万元: 2,
  千万元: 3,
  亿元: 4,
  亿: 4,
};

/** 计量单位 for counts that are known by name (longest first within a shared start). */
const KNOWN_COUNT_UNITS =
  '人次|人日|人月|人|户次|户|次|个百分点|百分点|个|台套|台|件|份|场次|场|家|套|项|辆|所|' +
  '平方公里|平方千米|平方米|平米|立方米|公里|千米|米|㎡|㎞|㎏|m²|m³|km|kg|kWh|kW|MW|' +
  '亩|公顷|吨|千克|公斤|克|册|本|篇|条|处|座|栋|幢|间|张|名|位|村|批|期|班|株|棵|头|只|匹|分|' +
  '床|门|课时|学时|盏|块|片|口|眼|根|组|支|部|集|届|类|种|宗|笔|单|例|列|架|艘|节|层|岁|周岁|辆次|架次|车次';
const KNOWN_COUNT_UNIT = sticky(`(?:万|亿)?(?:${KNOWN_COUNT_UNITS})`);

export const CurrencyUnit = unitToken(
  'CurrencyUnit',
  (text, offset) => {
    const m = CURRENCY_WITH_YUAN(text, offset);
    if (m) return m;
    const ch = text[offset];
    if (ch !== '万' && ch !== '亿') return null;
    // 万人 / 亿吨: a count unit with a multiplier, not money.
    if (KNOWN_COUNT_UNIT(text, offset)) return null;
    return ch;
  },
  ['元', '千', '百', '万', '亿'],
);

/** 时长单位 (duration): 个工作日 天 周 个月 小时 季度 … (年, 月, 日 have their own tokens below). */
export const DurationUnit = unitToken(
  'DurationUnit',
  sticky('个?工作日|个?自然日|个?小时|个?星期|个?季度|个?钟头|个月|周(?!岁)|天|分钟|秒钟|秒'),
  ['个', '工', '自', '小', '星', '季', '钟', '周', '天', '分', '秒'],
);
/** 年 / 年度 after a number: a year (2020年) or a number of years (1年). */
export const YearUnit = unitToken('YearUnit', sticky('年度|年'), ['年']);
/** 月 / 月份 after a number: a month (12月) — "个月" is a duration. */
export const MonthUnit = unitToken('MonthUnit', sticky('月份|月'), ['月']);
/** 日 / 号 after a number: a day of the month (31日), or days (30日内) when no month is given. */
export const DayUnit = unitToken('DayUnit', sticky('日|号'), ['日', '号']);

/** Characters that follow numbers but are not measure words (以 in 以上, 的, 和 …). */
const NOT_A_MEASURE_WORD = new Set([...'的和与或及为是在至到等以之前后内外上下左右中余多约不达完已将并且万亿元年月日号底末初']);

/**
 * 计量单位 of a count: a known one (人次, 公里, 万人 …) or, being generous, any single Han character after a
 * number that is not in NOT_A_MEASURE_WORD ("5座", "3栋").
 */
export const CountUnit = unitToken(
  'CountUnit',
  (text, offset) => {
    const known = KNOWN_COUNT_UNIT(text, offset);
    if (known) return known;
    const ch = text[offset];
    return isHan(ch) && !NOT_A_MEASURE_WORD.has(ch!) ? ch! : null;
  },
  [...HAN_START, 'm', 'k', 'M', '㎡', '㎞', '㎏'],
);

/** 本年度 / 当年 / 当年底 / 全年 / 年度 — the current (budget) year, with no number. */
export const ThisYear = createToken({
  name: 'ThisYear',
  pattern: /(?:本|当)年度?(?:底|末)?|全年|年度|年(?=内)/,
  categories: [ValueStart, Prose],
  start_chars_hint: hint('本当全年'),
});

/** / ／ — "per" in a unit cost (元/人, 元/人·月). */
export const Per = createToken({ name: 'Per', pattern: /\/|／/, categories: [Prose], start_chars_hint: hint('/／') });
/** · ・ • — joins unit parts in a unit cost (元/人·月). */
export const UnitJoiner = createToken({ name: 'UnitJoiner', pattern: /·|・|•|‧/, categories: [Prose], start_chars_hint: hint('·・•‧') });

/** Sentence punctuation a cell may end with ("≥95%。"). */
export const Punctuation = createToken({ name: 'Punctuation', pattern: /[。．.，,；;、！!？?：:]/, categories: [Prose], start_chars_hint: hint('。．.，,；;、！!？?：:') });
/** Any other single character: a word of a label or of free text. */
export const Word = createToken({ name: 'Word', pattern: /[\u0000-\uffff]/, categories: [Prose], start_chars_hint: hint([0x0000, 0xffff]) });

numberLike.add(NumberLiteral).add(ChineseNumeral).add(RoughlyMore);
unitJoints.add(Per).add(UnitJoiner);

/** All tokens, in the order the lexer tries them. */
export const valueTokens: TokenType[] = [
  Blank,
  AtLeastSign,
  AtMostSign,
  MoreThanSign,
  LessThanSign,
  EqualsSign,
  AtLeastWord,
  AtMostWord,
  MoreThanWord,
  LessThanWord,
  EqualsWord,
  CompletionVerb,
  AtLeastSuffix,
  AtMostSuffix,
  Within,
  Before,
  Approximately,
  NumericDate,
  NumberLiteral,
  Minus,
  RangeDash,
  ChineseNumeral,
  RoughlyMore,
  YearEnd,
  MonthEnd,
  PercentSign,
  CurrencyUnit,
  DurationUnit,
  YearUnit,
  MonthUnit,
  DayUnit,
  CountUnit,
  ThisYear,
  Per,
  UnitJoiner,
  Punctuation,
  Word,
  // categories (never matched themselves)
  OperatorSign,
  OperatorWord,
  Qualifier,
  Unit,
  Prose,
  ValueStart,
];

export { CHECK_GRAMMAR_DEFINITIONS } from './definition-checks.js';
import { CHECK_GRAMMAR_DEFINITIONS } from './definition-checks.js';

/** The value lexer, built once. */
export const valueLexer = new Lexer(valueTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: !CHECK_GRAMMAR_DEFINITIONS,
});
if (CHECK_GRAMMAR_DEFINITIONS) checkStartCharHints(valueTokens, valueLexer);

// ───────────────────────────── unit classification ─────────────────────────────

/** Units that measure time (时长); a number with one of these is a `duration`. */
const DURATION_UNITS = new Set([
  '年', '年度', '月', '个月', '日', '天', '周', '工作日', '个工作日', '自然日', '个自然日',
  '小时', '个小时', '星期', '个星期', '季度', '个季度', '钟头', '个钟头', '分钟', '秒', '秒钟',
]);

/** Normalise how a unit is written: ％ → %, ／ → /, ・ • ‧ → ·, blanks removed. */
export function normaliseUnit(unit: string): string {
  return unit
    .replace(/[\s\u3000]+/g, '')
    .replace(/％/g, '%')
    .replace(/／/g, '/')
    .replace(/[・•‧]/g, '·');
}

export type UnitKind = 'percent' | 'amount' | 'count' | 'duration';

/**
 * What a (normalised) unit measures: % ‰ → percent; a currency unit, or a unit cost whose first part is a
 * currency (元/人·月) → amount; a time unit → duration; anything else → count.
 * For amounts, also returns the currency part's size in 万元 as a power of ten.
 */
export function classifyUnit(unit: string): { kind: UnitKind; wanExponent?: number } {
  if (unit === '%' || unit === '‰' || unit === '百分比' || unit === '百分率') return { kind: 'percent' };
  const head = unitHead(unit);
  const exponent = WAN_EXPONENT[head];
  if (exponent !== undefined) return { kind: 'amount', wanExponent: exponent };
  if (DURATION_UNITS.has(head)) return { kind: 'duration' };
  return { kind: 'count' };
}

/** The unit before its first / or · ("万元/人" → "万元"); the unit itself when it has neither. */
function unitHead(unit: string): string {
  const slash = unit.indexOf('/');
  const dot = unit.indexOf('·');
  const cut = slash < 0 ? dot : dot < 0 ? slash : Math.min(slash, dot);
  return cut < 0 ? unit : unit.slice(0, cut);
}

/** Replace full-width digits and separators by ASCII ones. */
export function asciiDigits(s: string): string {
  // Every character replaced below lies in U+FF0C–U+FF19; most numbers have none.
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c >= 0xff0c && c <= 0xff19) break;
    i++;
  }
  if (i === s.length) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 48);
    else if (c === 0xff0e) out += '.';
    else if (c === 0xff0c) out += ',';
    else if (c === 0xff0d) out += '-';
    else if (c === 0xff0f) out += '/';
    else out += s[i];
  }
  return out;
}

const CHINESE_DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CHINESE_POWER: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** The value of a Chinese numeral: 三 → 3, 十二 → 12, 二十五 → 25, 两 → 2, 二〇二〇 → 2020. */
export function chineseNumeralValue(s: string): number {
  if (![...s].some((ch) => ch in CHINESE_POWER)) {
    // Digit by digit, as years are written (二〇二〇).
    let n = 0;
    for (const ch of s) n = n * 10 + (CHINESE_DIGIT[ch] ?? 0);
    return n;
  }
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    const power = CHINESE_POWER[ch];
    if (power !== undefined) {
      total += (digit || 1) * power;
      digit = 0;
    } else {
      digit = CHINESE_DIGIT[ch] ?? 0;
    }
  }
  return total + digit;
}

