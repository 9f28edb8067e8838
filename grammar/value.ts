/**
 * The value grammar: the text of one 指标值 (indicator value) cell or spend-plan cell → a typed `Value`.
 *
 *   cell        := label* value EOF
 *   label       := a word before the value ("完成率" in "完成率达到95%"); never a number or a comparison
 *   value       := comparison? measure qualifier* completion? punctuation*
 *   comparison  := ≥ | ≤ | > | < | =  |  word-comparison filler*      (不低于 / 控制在预算成本内 …)
 *   measure     := numeric-date (dash numeric-date)?                  (2020.12.31, 2023.07-2024.01)
 *                | 本年度 | 年底 | 月底
 *                | quantity (dash quantity)?                          (2023年7月-2024年1月)
 *                | nothing (→ unreadable, so text)
 *   quantity    := (-? number | chinese-numeral) 余/多? unit-tail?
 *   unit-tail   := % | currency per-part* | count per-part* noun* | duration per-part*
 *                | 年底 | 月底 | 日/号 | 年 (month (day)?)? | 月 (day)?
 *   qualifier   := 以上 | 以下 | 以内 | 内 | 前 | 左右
 *
 * Tokens are in ./value-lexicon.ts. The parser is a chevrotain EmbeddedActionsParser built once at module
 * load. Where a label (or the filler after a comparison word) ends is decided by gates: a number or a
 * comparison ends it; a word that may either start a value or belong to a label (年度, 年底, 月底, 三…) ends
 * it only if a value can be read from there to the end (chevrotain BACKTRACK). A fast path reads the common
 * shapes (≥98%, 100%, 800万元) straight from the tokens; it builds exactly what the parser builds (tested).
 *
 * Decisions a rule writer must know:
 * - A bare number is a `count` with unit null, unless `percentHeader` (→ percent '%'), `unitColumn`
 *   (→ that unit and its kind) or `moneyUnit` (→ amount in that unit) says otherwise, in that order.
 *   An operator does not make a number less bare: "≥95" under a （%） header is ≥95 %.
 * - A value written with its own unit keeps it, whatever the options say.
 * - Suffix operators: 以上 → ≥; 以下, 以内, 内, 前 → ≤. A prefix operator wins over a suffix.
 * - Dates: `number` is the year if given, else the month, else the day (null for 年底前). `bound` is
 *   'before' when 前/以内/内 follows or the operator is ≤/<, else 'end' for 底/末, else 'exact'.
 *   A deadline (前, 以内) also sets op '≤'. A period (2023.07-2024.01) is a date holding its END, bound 'end'.
 * - 年: a whole number 1900–2100 before 年 is a year (date), anything else is years (duration, 1年内).
 *   月: a whole number 1–12 before 月 is a month (date, 12月底前), else months (duration); 个月 is always a
 *   duration. 日 without a month is days (duration, 30日内); 号 is a day of the month.
 * - Amounts (元 千元 万元 万 亿元, unit costs 元/人·月) carry `wan`, the amount in 万元; for unit costs that
 *   is the per-unit amount (200元/人·月 → wan 0.02).
 * - A count unit may be followed by the thing counted: "10个村" → count 10, unit '个'.
 * - Anything else is `text`; `number` is then the first Arabic number in it (or null), op and unit null.
 *   "3-5天" (a range of plain numbers) and labels containing digits ("2020年度满意度≥90%") are text.
 *   Placeholders such as "-", "/", "无" are text, not empty.
 * - Cells of more than MAX_TOKENS (80) tokens are text without being parsed (a paragraph is not a value), and so
 *   are cells of more than MAX_VALUE_CHARS (4,096) characters, lexed no further than that.
 */
import { EmbeddedActionsParser, EOF, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import type { Operator, Value } from '../src/ast/types.js';
import { LazyLookahead } from './lazy-lookahead.js';
import {
  AtLeastSuffix,
  AtMostSuffix,
  Before,
  CHECK_GRAMMAR_DEFINITIONS,
  ChineseNumeral,
  CompletionVerb,
  CountUnit,
  CurrencyUnit,
  DayUnit,
  DurationUnit,
  Minus,
  MonthEnd,
  MonthUnit,
  NumberLiteral,
  NumericDate,
  OPERATOR_OF,
  OperatorSign,
  OperatorWord,
  Per,
  PercentSign,
  Prose,
  Punctuation,
  Qualifier,
  RangeDash,
  RoughlyMore,
  ThisYear,
  Unit,
  UnitJoiner,
  ValueStart,
  Within,
  Word,
  YearEnd,
  YearUnit,
  asciiDigits,
  chineseNumeralValue,
  classifyUnit,
  normaliseUnit,
  valueLexer,
  valueTokens,
  WAN_EXPONENT,
} from './value-lexicon.js';

export interface ParseValueOptions {
  /** The cell is under a （%） header (资金支出计划（%）): a bare number is a percent. */
  percentHeader?: boolean;
  /** The template's 度量单位 / 计量单位 cell for this row: a bare number takes this unit and its kind. */
  unitColumn?: string | null;
  /** The table's money unit (单位：万元): a bare number is an amount in it. Pass it only for money cells. */
  moneyUnit?: string | null;
  /**
   * The template's 指标性质 cell for this row (≥ ≤ = ＞ ＜, 大于等于 …, or 定性): a value written without an
   * operator takes this one ("800" with ≤ → ≤800). An operator written in the value wins; 定性 adds none.
   */
  nature?: string | null;
}

/** 指标性质 cell → operator (null for 定性 / 定量 / anything else). */
const NATURE_OPERATORS: [RegExp, Operator][] = [
  [/^(?:≥|[>＞][=＝]|≧|大于等于|大于或等于|不低于|不少于|正向(?:指标)?)$/, '≥'],
  [/^(?:≤|[<＜][=＝]|≦|小于等于|小于或等于|不高于|不超过|不大于|反向(?:指标)?)$/, '≤'],
  [/^(?:=|＝|等于)$/, '='],
  [/^(?:>|＞|大于|高于)$/, '>'],
  [/^(?:<|＜|小于|低于)$/, '<'],
];

export function natureOperator(nature: string | null | undefined): Operator | null {
  const text = (nature ?? '').replace(/\s/g, '');
  for (const [re, op] of NATURE_OPERATORS) if (re.test(text)) return op;
  return null;
}

/** The value with the 指标性质 operator applied when it has none of its own. */
function withNature(value: Value, nature: string | null | undefined): Value {
  if (value.op !== null || value.kind === 'text' || value.kind === 'empty') return value;
  const op = natureOperator(nature);
  if (op === null) return value;
  const out: Value = { ...value, op, opFrom: 'nature' };
  if (out.kind === 'date' && out.date && (op === '≤' || op === '<')) out.date = { ...out.date, bound: 'before' };
  return out;
}

type DateBound = 'before' | 'end' | 'exact';
interface DateParts {
  year?: number;
  month?: number;
  day?: number;
}

/** What the measure part of a value says, before qualifiers and options are applied. */
type Measure =
  | { type: 'number'; number: number; unit: string | null }
  | { type: 'date'; parts: DateParts; bound: DateBound }
  | { type: 'invalid' };

interface ParsedValue {
  op: Operator | null;
  measure: Measure;
  qualifiers: TokenType[];
}

const INVALID: Measure = { type: 'invalid' };

/** Cells with more tokens than this are read as free text without parsing. */
const MAX_TOKENS = 80;

/**
 * Cells longer than this many characters are free text, read no further than this: a value of at most
 * MAX_TOKENS tokens is never this long, and lexing a 1 MB paragraph character by character would cost a
 * second and hundreds of MB of tokens. Such a cell's `number` is the first number in its first
 * MAX_VALUE_CHARS characters (docs/limits.md).
 */
export const MAX_VALUE_CHARS = 4096;

function numberOf(image: string): number {
  const ascii = asciiDigits(image);
  return Number(ascii.includes(',') ? ascii.replace(/,/g, '') : ascii);
}
/** A number with its sign; "-0" is 0 (JSON has no negative zero). */
function signed(sign: number, n: number): number {
  const v = sign * n;
  return v === 0 ? 0 : v;
}
const isWhole = (n: number, lo: number, hi: number): boolean => Number.isInteger(n) && n >= lo && n <= hi;
const isYear = (n: number): boolean => isWhole(n, 1900, 2100);
const isMonth = (n: number): boolean => isWhole(n, 1, 12);
const isDay = (n: number): boolean => isWhole(n, 1, 31);

/** 2020.12.31 / 2020-12 → date parts (the lexer has already checked the ranges). */
function numericDateParts(image: string): DateParts {
  const [y, m, d] = asciiDigits(image).split(/[.\-/]/).map(Number);
  const parts: DateParts = { year: y!, month: m! };
  if (d !== undefined) parts.day = d;
  return parts;
}

class ValueParser extends EmbeddedActionsParser {
  constructor() {
    super(valueTokens, { recoveryEnabled: false, maxLookahead: 3, lookaheadStrategy: new LazyLookahead({ maxLookahead: 3 }), skipValidations: !CHECK_GRAMMAR_DEFINITIONS });
    this.performSelfAnalysis();
  }

  /**
   * cell := label* value EOF. The EOF is checked rather than consumed: a cell with words after its value
   * is free text, and a chevrotain mismatch exception at EOF would cost tens of µs each time.
   */
  public cell = this.RULE('cell', (): ParsedValue | null => {
    this.MANY({
      GATE: () => this.labelGoesOn(this.LA(1)),
      DEF: () => this.CONSUME(Prose),
    });
    const v = this.SUBRULE(this.value);
    return this.ACTION(() => (this.LA(1).tokenType === EOF ? v : null));
  });

  private valueToEnd = this.RULE('valueToEnd', (): ParsedValue | null => {
    const v = this.SUBRULE(this.value);
    this.CONSUME(EOF);
    return v;
  });

  /** value := comparison? tail */
  private value = this.RULE('value', (): ParsedValue | null => {
    let op: Operator | null = null;
    this.OPTION(() => {
      op = this.SUBRULE(this.comparison);
    });
    const tail = this.SUBRULE(this.tail);
    return this.ACTION(() => (tail ? { ...tail, op } : null));
  });

  /** comparison := sign | word filler* — the filler is prose up to the measure (控制在预算成本内 250万). */
  private comparison = this.RULE('comparison', (): Operator | null => {
    return this.OR([
      {
        ALT: () => {
          const sign = this.CONSUME(OperatorSign);
          return this.ACTION(() => OPERATOR_OF.get(sign.tokenType) ?? null);
        },
      },
      {
        ALT: () => {
          const word = this.CONSUME(OperatorWord);
          this.MANY({
            GATE: () => this.fillerGoesOn(this.LA(1)),
            DEF: () => this.CONSUME(Prose),
          });
          return this.ACTION(() => OPERATOR_OF.get(word.tokenType) ?? null);
        },
      },
    ]);
  });

  /** tail := measure qualifier* completion-verb? punctuation* */
  private tail = this.RULE('tail', (): Omit<ParsedValue, 'op'> | null => {
    const measure = this.SUBRULE(this.measure);
    const qualifiers: TokenType[] = [];
    this.MANY(() => {
      const q = this.CONSUME(Qualifier);
      this.ACTION(() => qualifiers.push(q.tokenType));
    });
    this.OPTION(() => this.CONSUME(CompletionVerb));
    this.MANY2(() => this.CONSUME(Punctuation));
    return this.ACTION(() => ({ measure, qualifiers }));
  });

  private tailToEnd = this.RULE('tailToEnd', () => {
    this.SUBRULE(this.tail);
    this.CONSUME(EOF);
  });

  /** measure := numeric-date period? | 本年度 | 年底 | 月底 | quantity period? */
  private measure = this.RULE('measure', (): Measure => {
    return this.OR([
      {
        ALT: () => {
          const from = this.CONSUME(NumericDate);
          let to: IToken | undefined;
          this.OPTION(() => {
            this.SUBRULE(this.dash);
            to = this.CONSUME2(NumericDate);
          });
          return this.ACTION((): Measure => {
            if (!to) return { type: 'date', parts: numericDateParts(from.image), bound: 'exact' };
            return { type: 'date', parts: numericDateParts(to.image), bound: 'end' };
          });
        },
      },
      {
        // 本年度 / 当年底: the budget year, no number.
        ALT: () => {
          const t = this.CONSUME(ThisYear);
          return this.ACTION((): Measure => ({ type: 'date', parts: {}, bound: /[底末]/.test(t.image) ? 'end' : 'exact' }));
        },
      },
      { ALT: () => (this.CONSUME(YearEnd), { type: 'date', parts: {}, bound: 'end' } as Measure) },
      { ALT: () => (this.CONSUME(MonthEnd), { type: 'date', parts: {}, bound: 'end' } as Measure) },
      {
        ALT: () => {
          const from = this.SUBRULE(this.quantity);
          let to: Measure | undefined;
          this.OPTION2(() => {
            this.SUBRULE2(this.dash);
            to = this.SUBRULE2(this.quantity);
          });
          return this.ACTION(() => (to ? period(from, to) : from));
        },
      },
      // Nothing readable: an empty last alternative, so the parse fails at EOF with a cheap mismatch
      // instead of chevrotain's no-viable-alternative error, which recomputes lookahead paths for its message.
      { ALT: () => INVALID },
    ]);
  });

  private dash = this.RULE('dash', () => {
    this.OR([{ ALT: () => this.CONSUME(Minus) }, { ALT: () => this.CONSUME(RangeDash) }]);
  });

  /** quantity := (-? number | chinese-numeral) 余/多? unit-tail? */
  private quantity = this.RULE('quantity', (): Measure => {
    const n = this.OR([
      {
        ALT: () => {
          let sign = 1;
          this.OPTION(() => {
            this.CONSUME(Minus);
            sign = -1;
          });
          const t = this.CONSUME(NumberLiteral);
          return this.ACTION(() => signed(sign, numberOf(t.image)));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(ChineseNumeral);
          return this.ACTION(() => chineseNumeralValue(t.image));
        },
      },
      // No number ("3-;"): unreadable, ending the parse quietly rather than by an exception.
      { ALT: () => Number.NaN },
    ]);
    this.OPTION2(() => this.CONSUME(RoughlyMore));
    let measure: Measure | undefined;
    this.OPTION3(() => {
      measure = this.SUBRULE(this.unitTail, { ARGS: [n] });
    });
    return this.ACTION(() => (Number.isFinite(n) ? (measure ?? { type: 'number', number: n, unit: null }) : INVALID));
  });

  /** The unit (or calendar words) after a number `n`. */
  private unitTail = this.RULE('unitTail', (n: number): Measure => {
    return this.OR([
      {
        ALT: () => {
          const sign = this.CONSUME(PercentSign);
          return this.ACTION(() => numberWith(n, sign.image));
        },
      },
      {
        ALT: () => {
          const unit = this.CONSUME(CurrencyUnit);
          const rest = this.SUBRULE(this.perParts);
          return this.ACTION(() => (rest === null ? INVALID : numberWith(n, unit.image + rest)));
        },
      },
      {
        ALT: () => {
          const unit = this.CONSUME(CountUnit);
          const rest = this.SUBRULE2(this.perParts);
          this.MANY(() => this.CONSUME(Word)); // the thing counted: 10个村
          return this.ACTION(() => (rest === null ? INVALID : numberWith(n, unit.image + rest)));
        },
      },
      {
        ALT: () => {
          const unit = this.CONSUME(DurationUnit);
          const rest = this.SUBRULE3(this.perParts);
          return this.ACTION(() => (rest === null ? INVALID : numberWith(n, unit.image + rest)));
        },
      },
      {
        // 2020年底
        ALT: () => (this.CONSUME(YearEnd), this.ACTION(() => date({ year: n }, 'end'))),
      },
      {
        // 12月底
        ALT: () => (this.CONSUME2(MonthEnd), this.ACTION(() => date({ month: n }, 'end'))),
      },
      {
        // 30日 (days) / 15号 (a day of the month)
        ALT: () => {
          const t = this.CONSUME(DayUnit);
          return this.ACTION(() => (t.image === '号' ? date({ day: n }, 'exact') : numberWith(n, '日')));
        },
      },
      {
        // 2020年 / 2020年12月 / 2020年12月31日 / 2020年12月底 / 1年
        ALT: () => {
          const yearWord = this.CONSUME(YearUnit);
          let later: Measure | undefined;
          this.OPTION(() => {
            const monthNumber = this.CONSUME2(NumberLiteral);
            const month = this.ACTION(() => numberOf(monthNumber.image));
            later = this.OR2([
              {
                ALT: () => {
                  this.CONSUME(MonthUnit);
                  const day = this.SUBRULE(this.dayOfMonth);
                  return this.ACTION(() => date({ year: n, month, ...(day === undefined ? {} : { day }) }, 'exact'));
                },
              },
              { ALT: () => (this.CONSUME3(MonthEnd), this.ACTION(() => date({ year: n, month }, 'end'))) },
              { ALT: () => INVALID }, // "2020年5": unreadable, without an exception
            ]);
          });
          return this.ACTION((): Measure => {
            if (later) return later;
            return isYear(n) ? date({ year: n }, 'exact') : numberWith(n, yearWord.image);
          });
        },
      },
      {
        // 12月 / 12月31日 / 18月 (months)
        ALT: () => {
          const monthWord = this.CONSUME2(MonthUnit);
          const day = this.SUBRULE2(this.dayOfMonth);
          return this.ACTION((): Measure => {
            if (day !== undefined) return date({ month: n, day }, 'exact');
            return isMonth(n) ? date({ month: n }, 'exact') : numberWith(n, monthWord.image);
          });
        },
      },
    ]);
  });

  /** (number 日/号)? after a month. */
  private dayOfMonth = this.RULE('dayOfMonth', (): number | undefined => {
    let day: number | undefined;
    this.OPTION(() => {
      const t = this.CONSUME(NumberLiteral);
      let hasDayWord = false;
      // Optional so that "12月5" ends the parse quietly (an unreadable day) rather than by an exception.
      this.OPTION2(() => {
        this.CONSUME(DayUnit);
        hasDayWord = true;
      });
      day = this.ACTION(() => (hasDayWord ? numberOf(t.image) : Number.NaN));
    });
    return day;
  });

  /** per-part := (/ | ·) unit — the rest of a unit cost: 元 "/人·月". Returns it as written. */
  private perParts = this.RULE('perParts', (): string | null => {
    let rest: string | null = '';
    this.MANY(() => {
      const joint = this.OR([{ ALT: () => this.CONSUME(Per) }, { ALT: () => this.CONSUME(UnitJoiner) }]);
      let unit: IToken | undefined;
      // Optional so that "元/x" ends the parse quietly (an unreadable unit, null) rather than by an exception.
      this.OPTION(() => {
        unit = this.CONSUME(Unit);
      });
      this.ACTION(() => {
        rest = unit && rest !== null ? rest + joint.image + unit.image : null;
      });
    });
    return rest;
  });

  private valueReadableToEnd = this.BACKTRACK(this.valueToEnd);
  private tailReadableToEnd = this.BACKTRACK(this.tailToEnd);

  /**
   * Whether the label goes on past `next`: yes for prose that cannot start a value; no for numbers,
   * comparison signs and words (a comparison word's filler takes any prose after it, so it never needs to
   * be part of a label); for words that may do either (年度, 年底, 月底, 三…), only if no value can be read
   * from here to the end (backtracking).
   */
  private labelGoesOn(next: IToken): boolean {
    if (!tokenMatcher(next, ValueStart)) return true;
    if (!startsValueOrLabel(next)) return false;
    return !this.valueReadableToEnd();
  }

  /** Whether the filler after a comparison word goes on past `next` (控制在[预算成本内]250万). */
  private fillerGoesOn(next: IToken): boolean {
    if (!tokenMatcher(next, ValueStart)) return true;
    if (!startsValueOrLabel(next)) return false;
    return !this.tailReadableToEnd();
  }
}

/** Words that may start a value or be part of a label: 本年度, 年底, 月底, Chinese numerals. */
function startsValueOrLabel(t: IToken): boolean {
  const type = t.tokenType;
  return type === ThisYear || type === YearEnd || type === MonthEnd || type === ChineseNumeral;
}

function numberWith(n: number, unit: string): Measure {
  return { type: 'number', number: n, unit: normaliseUnit(unit) };
}

/** A calendar date; out-of-range parts make the value unreadable (→ text). */
function date(parts: DateParts, bound: DateBound): Measure {
  if (parts.year !== undefined && !isYear(parts.year)) return INVALID;
  if (parts.month !== undefined && !isMonth(parts.month)) return INVALID;
  if (parts.day !== undefined && !isDay(parts.day)) return INVALID;
  return { type: 'date', parts, bound };
}

/** Two ends joined by a dash: a period when both are dates (the end, bound 'end'); else unreadable. */
function period(from: Measure, to: Measure): Measure {
  if (from.type !== 'date' || to.type !== 'date') return INVALID;
  const parts = { ...to.parts };
  if (parts.year === undefined && from.parts.year !== undefined) parts.year = from.parts.year;
  return { type: 'date', parts, bound: 'end' };
}

const parser = new ValueParser();

// ───────────────────────────── from the parse to a Value ─────────────────────────────

/** The operator a qualifier after the value implies. */
function qualifierOperator(q: TokenType): Operator | null {
  if (q === AtLeastSuffix) return '≥';
  if (q === AtMostSuffix || q === Within || q === Before) return '≤';
  return null;
}

function tenPower(n: number, exponent: number): number {
  // Dividing by an exact power of ten keeps 8000元 → 0.8 exact (multiplying by 1e-4 would not).
  return exponent >= 0 ? n * 10 ** exponent : n / 10 ** -exponent;
}

/** The kind, unit and 万元 amount a number gets from a unit. */
function withUnit(base: Value, unit: string): Value {
  const { kind, wanExponent } = classifyUnit(unit);
  const v: Value = { ...base, unit, kind };
  if (kind === 'amount' && wanExponent !== undefined && base.number !== null) v.wan = tenPower(base.number, wanExponent);
  return v;
}

const PLACEHOLDER_UNIT = /^(?:无|\/|-|—|－|——|\\)?$/;

/** The currency unit in a table's money-unit text ("万元", "单位：万元", "（元）"), or null. */
function moneyUnitOf(moneyUnit: string | null | undefined): string | null {
  if (!moneyUnit) return null;
  const m = /(?:亿|千万|百万|万|千|百)?元|万|亿/.exec(moneyUnit);
  return m && m[0] in WAN_EXPONENT ? m[0] : null;
}

function toValue(raw: string, parsed: ParsedValue, options: ParseValueOptions | undefined): Value | null {
  const { measure } = parsed;
  if (measure.type === 'invalid') return null;
  let op = parsed.op;
  for (const q of parsed.qualifiers) {
    if (op) break;
    op = qualifierOperator(q);
  }
  if (measure.type === 'date') {
    const deadline = (op === '≤' || op === '<') && parsed.qualifiers.every((q) => q !== AtLeastSuffix);
    const bound: DateBound = deadline ? 'before' : measure.bound;
    const { year, month, day } = measure.parts;
    const date: NonNullable<Value['date']> = {};
    if (year !== undefined) date.year = year;
    if (month !== undefined) date.month = month;
    if (day !== undefined) date.day = day;
    date.bound = bound;
    return { raw, op, number: year ?? month ?? day ?? null, unit: null, kind: 'date', date };
  }
  const base: Value = { raw, op, number: measure.number, unit: null, kind: 'count' };
  if (measure.unit !== null) return withUnit(base, measure.unit);
  // A bare number: the options say what it measures.
  if (options?.percentHeader) return { ...base, unit: '%', kind: 'percent' };
  const column = options?.unitColumn?.trim();
  if (column && !PLACEHOLDER_UNIT.test(column)) return withUnit(base, normaliseUnit(column));
  const money = moneyUnitOf(options?.moneyUnit);
  if (money) return withUnit(base, money);
  return base;
}

/** Free text: kind 'text', with the first Arabic number found (if any). */
function textValue(raw: string, tokens: readonly IToken[]): Value {
  let number: number | null = null;
  for (const t of tokens) {
    if (t.tokenType === NumberLiteral) {
      const n = numberOf(t.image);
      if (Number.isFinite(n)) {
        number = n;
        break;
      }
    }
  }
  return { raw, op: null, number, unit: null, kind: 'text' };
}

/** Whether a token can carry a measure at all; a cell with none is text without parsing. */
function canHoldMeasure(t: IToken): boolean {
  const type = t.tokenType;
  return (
    type === NumberLiteral ||
    type === NumericDate ||
    type === ChineseNumeral ||
    type === ThisYear ||
    type === YearEnd ||
    type === MonthEnd
  );
}

/** Unit tokens the fast path accepts: each becomes the unit exactly as the grammar's unit-tail makes it. */
const SIMPLE_UNITS = new Set<TokenType>([PercentSign, CurrencyUnit, CountUnit, DurationUnit]);

/**
 * Fast path for the shapes almost every cell has — sign? minus? number unit? (≥98%, 100%, 800万元, 25) —
 * read straight from the tokens. It is exact: it builds what the grammar's actions build for the same tokens
 * (comparison → sign; quantity → number; unit-tail → numberWith), and the tests check it against the parser
 * on every such shape. Anything else returns undefined and goes to the parser.
 */
function readSimpleShape(tokens: readonly IToken[]): ParsedValue | undefined {
  let i = 0;
  let op: Operator | null = null;
  let t = tokens[i];
  if (t !== undefined && tokenMatcher(t, OperatorSign)) {
    op = OPERATOR_OF.get(t.tokenType) ?? null;
    t = tokens[++i];
  }
  let sign = 1;
  if (t !== undefined && t.tokenType === Minus) {
    sign = -1;
    t = tokens[++i];
  }
  if (t === undefined || t.tokenType !== NumberLiteral) return undefined;
  const n = signed(sign, numberOf(t.image));
  t = tokens[++i];
  let unit: string | null = null;
  if (t !== undefined) {
    if (!SIMPLE_UNITS.has(t.tokenType)) return undefined;
    unit = t.image;
    t = tokens[++i];
  }
  if (t !== undefined) return undefined;
  const measure: Measure = !Number.isFinite(n)
    ? INVALID
    : unit === null
      ? { type: 'number', number: n, unit: null }
      : numberWith(n, unit);
  return { op, measure, qualifiers: [] };
}

type StackLimited = { stackTraceLimit?: number };

/** How many distinct value texts keep their tokens; the map starts over when full. */
const LEXED_CELLS_LIMIT = 2000;
let lexedCells = new Map<string, IToken[]>();

/** The tokens of a value cell. Texts recur (≥95%, 100%, 12月底前 …), so each distinct one is lexed once; tokens are never changed. */
function lexedValueCell(text: string): IToken[] {
  let tokens = lexedCells.get(text);
  if (tokens === undefined) {
    tokens = valueLexer.tokenize(text).tokens;
    if (lexedCells.size >= LEXED_CELLS_LIMIT) lexedCells = new Map();
    lexedCells.set(text, tokens);
  }
  return tokens;
}

/**
 * Parse the text of a 指标值 or spend-plan cell into a typed Value. Never throws.
 * See the header of this file for the decisions (bare numbers, dates, suffixes, text).
 */
export function parseValue(raw: string | null | undefined, options?: ParseValueOptions): Value {
  const value = parseValueCell(raw, options);
  return options?.nature ? withNature(value, options.nature) : value;
}

function parseValueCell(raw: string | null | undefined, options?: ParseValueOptions): Value {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return { raw: '', op: null, number: null, unit: null, kind: 'empty' };
  // Exceptions drive chevrotain's backtracking; stack traces are not needed and cost most of the time.
  const errorCtor = Error as StackLimited;
  const savedLimit = errorCtor.stackTraceLimit;
  try {
    errorCtor.stackTraceLimit = 0;
    if (text.length > MAX_VALUE_CHARS) return textValue(text, valueLexer.tokenize(text.slice(0, MAX_VALUE_CHARS)).tokens);
    const tokens = lexedValueCell(text);
    if (tokens.length > MAX_TOKENS || !tokens.some(canHoldMeasure)) return textValue(text, tokens);
    let parsed = readSimpleShape(tokens);
    if (!parsed) {
      parser.input = tokens;
      const fromParser = parser.cell();
      if (parser.errors.length > 0 || !fromParser) return textValue(text, tokens);
      parsed = fromParser;
    }
    return toValue(text, parsed, options) ?? textValue(text, tokens);
  } catch {
    return { raw: text, op: null, number: null, unit: null, kind: 'text' };
  } finally {
    errorCtor.stackTraceLimit = savedLimit;
  }
}

const NO_AMOUNT = /^(?:无|-|－|—|——|\/|／|\\|空|暂无)$/;

/**
 * Parse a budget cell (预算数 / 财政资金 / 其他资金) into 万元. "800.00" → 800, "8,000元" → 0.8,
 * "800万元" → 800; blank, "无" and "-" → null; anything that is not an amount → null.
 * `moneyUnit` is the table's 单位 (default 万元); a bare number is in that unit.
 */
export function parseAmount(raw: string | null | undefined, moneyUnit?: string | null): number | null {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '' || NO_AMOUNT.test(text)) return null;
  const v = parseValue(text, { moneyUnit: moneyUnitOf(moneyUnit) ?? '万元' });
  return v.kind === 'amount' && v.wan !== undefined && Number.isFinite(v.wan) ? v.wan : null;
}
