/**
 * The value grammar (grammar/value.ts): 指标值 and spend-plan cells → typed Value; budget cells → 万元.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Value } from '../src/ast/types.js';
import { parseAmount, parseValue, type ParseValueOptions } from '../grammar/value.js';
import { CHECK_GRAMMAR_DEFINITIONS } from '../grammar/value-lexicon.js';

type Expected = Partial<Value>;

/** Assert the fields given (and only those) — plus, always, that raw is the trimmed input. */
function check(input: string, expected: Expected, options?: ParseValueOptions): void {
  const v = parseValue(input, options);
  expect(v.raw).toBe(input.trim());
  expect(v).toMatchObject(expected);
  if (!('wan' in expected) && v.kind !== 'amount') expect(v.wan).toBeUndefined();
  if (!('date' in expected) && v.kind !== 'date') expect(v.date).toBeUndefined();
}

const pct = (op: Value['op'], number: number): Expected => ({ op, number, unit: '%', kind: 'percent' });
const count = (op: Value['op'], number: number, unit: string | null): Expected => ({ op, number, unit, kind: 'count' });
const amount = (op: Value['op'], number: number, unit: string, wan: number): Expected => ({ op, number, unit, kind: 'amount', wan });
const duration = (op: Value['op'], number: number, unit: string): Expected => ({ op, number, unit, kind: 'duration' });
const text = (number: number | null = null): Expected => ({ op: null, number, unit: null, kind: 'text' });
const date = (op: Value['op'], number: number | null, parts: NonNullable<Value['date']>): Expected => ({
  op,
  number,
  unit: null,
  kind: 'date',
  date: parts,
});

it('checked the lexer and grammar definitions when the modules loaded (only under the test runner)', () => {
  // chevrotain throws at load time on a bad token pattern or an ambiguous grammar when checks are on.
  expect(CHECK_GRAMMAR_DEFINITIONS).toBe(true);
});

describe('operators', () => {
  it.each<[string, Expected]>([
    ['≥98%', pct('≥', 98)],
    ['≤5%', pct('≤', 5)],
    ['>0', count('>', 0, null)],
    ['<3%', pct('<', 3)],
    ['=100%', pct('=', 100)],
    ['＞0', count('>', 0, null)],
    ['＜5%', pct('<', 5)],
    ['＝100%', pct('=', 100)],
    ['>=95%', pct('≥', 95)],
    ['<=5%', pct('≤', 5)],
    ['＞＝９５％', pct('≥', 95)],
    ['＜＝5%', pct('≤', 5)],
    ['≧90%', pct('≥', 90)],
    ['≦5%', pct('≤', 5)],
    ['≥ 98 %', pct('≥', 98)],
    ['不低于95%', pct('≥', 95)],
    ['不少于200人次', count('≥', 200, '人次')],
    ['大于等于90%', pct('≥', 90)],
    ['达到95%', pct('≥', 95)],
    ['不高于5%', pct('≤', 5)],
    ['不超过800万元', amount('≤', 800, '万元', 800)],
    ['不大于3天', duration('≤', 3, '天')],
    ['小于等于10个工作日', duration('≤', 10, '个工作日')],
    ['等于100%', pct('=', 100)],
    ['大于0', count('>', 0, null)],
    ['小于3%', pct('<', 3)],
    ['95%以上', pct('≥', 95)],
    ['200人及以上', count('≥', 200, '人')],
    ['5%以下', pct('≤', 5)],
    ['3天以内', duration('≤', 3, '天')],
    ['控制在800万元以内', amount('≤', 800, '万元', 800)],
    ['控制在预算成本内250万', amount('≤', 250, '万', 250)],
    ['≥95%以上', pct('≥', 95)], // the prefix operator wins
    ['95%左右', pct(null, 95)],
    ['100%', pct(null, 100)],
  ])('%s', (input, expected) => check(input, expected));
});

describe('numbers', () => {
  it.each<[string, Expected]>([
    ['８００', count(null, 800, null)],
    ['１２３．５万元', amount(null, 123.5, '万元', 123.5)],
    ['９８％', pct(null, 98)],
    ['0', count(null, 0, null)],
    ['0.00', count(null, 0, null)],
    ['-0.5', count(null, -0.5, null)],
    ['-0', count(null, 0, null)], // no negative zero (not JSON-serialisable)
    ['-0%', pct(null, 0)],
    ['-5%', pct(null, -5)],
    ['≥-5%', pct('≥', -5)],
    ['1,000元', amount(null, 1000, '元', 0.1)],
    ['1,234,567元', amount(null, 1234567, '元', 123.4567)],
    ['6.50', count(null, 6.5, null)],
    ['12,34', text(12)], // not a thousands separator: ambiguous, text
    ['1e5', text(1)],
  ])('%s', (input, expected) => check(input, expected));
});

describe('units', () => {
  it.each<[string, Expected]>([
    ['800万元', amount(null, 800, '万元', 800)],
    ['350万', amount(null, 350, '万', 350)],
    ['1.2亿元', amount(null, 1.2, '亿元', 12000)],
    ['3亿', amount(null, 3, '亿', 30000)],
    ['8,000元', amount(null, 8000, '元', 0.8)],
    ['8千元', amount(null, 8, '千元', 0.8)],
    ['300元/人·月', amount(null, 300, '元/人·月', 0.03)],
    ['300元／人・月', amount(null, 300, '元/人·月', 0.03)],
    ['1.5万元/人', amount(null, 1.5, '万元/人', 1.5)],
    ['10元/㎡', amount(null, 10, '元/㎡', 0.001)],
    ['每人每月300元', amount(null, 300, '元', 0.03)],
    ['≥200人', count('≥', 200, '人')],
    ['1000人次', count(null, 1000, '人次')],
    ['3次', count(null, 3, '次')],
    ['5个', count(null, 5, '个')],
    ['200户', count(null, 200, '户')],
    ['8台', count(null, 8, '台')],
    ['30件', count(null, 30, '件')],
    ['100份', count(null, 100, '份')],
    ['2场', count(null, 2, '场')],
    ['6家', count(null, 6, '家')],
    ['12套', count(null, 12, '套')],
    ['15项', count(null, 15, '项')],
    ['10辆', count(null, 10, '辆')],
    ['4所', count(null, 4, '所')],
    ['3公里', count(null, 3, '公里')],
    ['5千米', count(null, 5, '千米')],
    ['100米', count(null, 100, '米')],
    ['50㎡', count(null, 50, '㎡')],
    ['100平方米', count(null, 100, '平方米')],
    ['20亩', count(null, 20, '亩')],
    ['1000吨', count(null, 1000, '吨')],
    ['10km', count(null, 10, 'km')],
    ['5座', count(null, 5, '座')], // any measure word after a number
    ['3万人', count(null, 3, '万人')], // 万 before a count unit is part of it
    ['3万人次', count(null, 3, '万人次')],
    ['10个村', count(null, 10, '个')], // the thing counted is not part of the unit
    ['50余人', count(null, 50, '人')],
    ['5 个', count(null, 5, '个')],
    ['1次/年', count(null, 1, '次/年')],
    ['≥2次/年', count('≥', 2, '次/年')],
    ['５０个百分点', count(null, 50, '个百分点')],
  ])('%s', (input, expected) => check(input, expected));
});

describe('dates', () => {
  it.each<[string, Expected]>([
    ['2020年12月31日前', date('≤', 2020, { year: 2020, month: 12, day: 31, bound: 'before' })],
    ['2020年12月底前', date('≤', 2020, { year: 2020, month: 12, bound: 'before' })],
    ['12月底前', date('≤', 12, { month: 12, bound: 'before' })],
    ['十二月底前', date('≤', 12, { month: 12, bound: 'before' })],
    ['12月底', date(null, 12, { month: 12, bound: 'end' })],
    ['2020年底前', date('≤', 2020, { year: 2020, bound: 'before' })],
    ['年底前', date('≤', null, { bound: 'before' })],
    ['年底', date(null, null, { bound: 'end' })],
    ['当年底前', date('≤', null, { bound: 'before' })],
    ['本年度内', date('≤', null, { bound: 'before' })],
    ['2020年12月', date(null, 2020, { year: 2020, month: 12, bound: 'exact' })],
    ['2020年', date(null, 2020, { year: 2020, bound: 'exact' })],
    ['2022年度', date(null, 2022, { year: 2022, bound: 'exact' })],
    ['6月', date(null, 6, { month: 6, bound: 'exact' })],
    ['2020.12.31', date(null, 2020, { year: 2020, month: 12, day: 31, bound: 'exact' })],
    ['2020-12-31', date(null, 2020, { year: 2020, month: 12, day: 31, bound: 'exact' })],
    ['2020/12/31', date(null, 2020, { year: 2020, month: 12, day: 31, bound: 'exact' })],
    ['２０２０．１２．３１', date(null, 2020, { year: 2020, month: 12, day: 31, bound: 'exact' })],
    ['2020.12', date(null, 2020, { year: 2020, month: 12, bound: 'exact' })],
    ['≤2020.12.31', date('≤', 2020, { year: 2020, month: 12, day: 31, bound: 'before' })],
    ['2021年6月30日前完成', date('≤', 2021, { year: 2021, month: 6, day: 30, bound: 'before' })],
    ['2023.07-2024.01', date(null, 2024, { year: 2024, month: 1, bound: 'end' })],
    ['2023.07—2024.01', date(null, 2024, { year: 2024, month: 1, bound: 'end' })],
    ['2023.07至2024.01', date(null, 2024, { year: 2024, month: 1, bound: 'end' })],
    ['2023年7月至12月', date(null, 2023, { year: 2023, month: 12, bound: 'end' })],
    ['15号', date(null, 15, { day: 15, bound: 'exact' })],
    ['2020.13', count(null, 2020.13, null)], // no month 13: a decimal
    ['2020.12万元', amount(null, 2020.12, '万元', 2020.12)], // an amount, not a date
    ['2019.5吨', count(null, 2019.5, '吨')], // a unit follows: a number, not May 2019
    ['2020.12.31前', date('≤', 2020, { year: 2020, month: 12, day: 31, bound: 'before' })],
    ['2020年13月', text(2020)],
  ])('%s', (input, expected) => check(input, expected));
});

describe('durations', () => {
  it.each<[string, Expected]>([
    ['≤30个工作日', duration('≤', 30, '个工作日')],
    ['30个工作日内办结', duration('≤', 30, '个工作日')],
    ['3个月', duration(null, 3, '个月')],
    ['三个月内', duration('≤', 3, '个月')],
    ['1年内', duration('≤', 1, '年')],
    ['两年内', duration('≤', 2, '年')],
    ['7天', duration(null, 7, '天')],
    ['30日内', duration('≤', 30, '日')], // 日 without a month: days
    ['24小时', duration(null, 24, '小时')],
    ['2周', duration(null, 2, '周')],
    ['1个季度', duration(null, 1, '个季度')],
    ['18月', duration(null, 18, '月')], // not a month of the year
  ])('%s', (input, expected) => check(input, expected));
});

describe('labels and phrases', () => {
  it.each<[string, Expected]>([
    ['服务人数达到500人', count('≥', 500, '人')],
    ['完成率达到95%', pct('≥', 95)],
    ['满意度≥90%', pct('≥', 90)],
    ['年度目标完成率≥95%', pct('≥', 95)], // 年度 here is part of the label
    ['合格率为100%', pct(null, 100)],
    ['约95%', pct(null, 95)],
    ['总成本800万元', amount(null, 800, '万元', 800)],
    ['不低于上年的95%', pct('≥', 95)],
    ['≥95%。', pct('≥', 95)],
    ['100%完成', pct(null, 100)],
  ])('%s', (input, expected) => check(input, expected));
});

describe('text, garbage and empty', () => {
  it.each<[string, Expected]>([
    ['满意', text()],
    ['及时', text()],
    ['到位', text()],
    ['较好', text()],
    ['有效提升', text()],
    ['明显改善', text()],
    ['全部完成', text()],
    ['一定效果', text()],
    ['十分满意', text()],
    ['定性', text()],
    ['无', text()],
    ['-', text()],
    ['≥', text()],
    ['@#$', text()],
    ['Infinity', text()],
    ['NaN', text()],
    ['3-5天', text(3)], // a range of plain numbers is not one value
    ['95%-100%', text(95)],
    ['≥95%（含）', text(95)],
    ['2020年度满意度≥90%', text(2020)], // a label with a number in it: free text
    ['投入800万元用于建设3个村', text(800)],
    ['100%\n满意', text(100)],
    ['9'.repeat(400), text(null)], // too large to be a finite number
    ['', { op: null, number: null, unit: null, kind: 'empty' }],
    ['   \t ', { op: null, number: null, unit: null, kind: 'empty' }],
    ['\u3000', { op: null, number: null, unit: null, kind: 'empty' }],
  ])('%j', (input, expected) => check(input, expected));

  it.each([null, undefined])('%s is empty', (input) => {
    expect(parseValue(input)).toEqual({ raw: '', op: null, number: null, unit: null, kind: 'empty' });
  });

  it('trims the raw text', () => {
    expect(parseValue('  ≥98% \n')).toEqual({ raw: '≥98%', op: '≥', number: 98, unit: '%', kind: 'percent' });
  });
});

describe('options for bare numbers', () => {
  it.each<[string, ParseValueOptions, Expected]>([
    ['100', { percentHeader: true }, pct(null, 100)],
    ['25', { percentHeader: true }, pct(null, 25)],
    ['100%', { percentHeader: true }, pct(null, 100)],
    ['≥95', { percentHeader: true }, pct('≥', 95)],
    ['', { percentHeader: true }, { kind: 'empty', unit: null, number: null }],
    ['100', { percentHeader: false }, count(null, 100, null)],
    ['95', { unitColumn: '%' }, pct(null, 95)],
    ['≥95', { unitColumn: '％' }, pct('≥', 95)],
    ['200', { unitColumn: '人' }, count(null, 200, '人')],
    ['250', { unitColumn: '万元' }, amount(null, 250, '万元', 250)],
    ['8000', { unitColumn: '元' }, amount(null, 8000, '元', 0.8)],
    ['30', { unitColumn: '工作日' }, duration(null, 30, '工作日')],
    ['30', { unitColumn: ' 天 ' }, duration(null, 30, '天')],
    ['95', { unitColumn: '' }, count(null, 95, null)],
    ['95', { unitColumn: null }, count(null, 95, null)],
    ['95', { unitColumn: '/' }, count(null, 95, null)],
    ['95%', { unitColumn: '人' }, pct(null, 95)], // the value's own unit wins
    ['满意', { unitColumn: '%' }, text()],
    ['800', { moneyUnit: '万元' }, amount(null, 800, '万元', 800)],
    ['800000', { moneyUnit: '元' }, amount(null, 800000, '元', 80)],
    ['800', { moneyUnit: '单位：万元' }, amount(null, 800, '万元', 800)],
    ['95', { unitColumn: '%', moneyUnit: '万元' }, pct(null, 95)], // unitColumn before moneyUnit
    ['95', { percentHeader: true, unitColumn: '人' }, pct(null, 95)], // percentHeader first
  ])('%s %j', (input, options, expected) => check(input, expected, options));
});

describe('parseAmount (budget cells, in 万元)', () => {
  it.each<[string | null | undefined, string | null | undefined, number | null]>([
    ['800.00', undefined, 800],
    ['6.50', undefined, 6.5],
    ['0.20', undefined, 0.2],
    ['1.00', '万元', 1],
    ['８００', undefined, 800],
    ['８００．５', undefined, 800.5],
    ['800万元', undefined, 800],
    ['800万', undefined, 800],
    ['8,000元', undefined, 0.8],
    ['1.2亿元', undefined, 12000],
    ['800000', '元', 80],
    ['5000', '千元', 500],
    ['800', null, 800],
    ['800', '单位：万元', 800],
    ['', undefined, null],
    ['   ', undefined, null],
    [null, undefined, null],
    [undefined, undefined, null],
    ['无', undefined, null],
    ['-', undefined, null],
    ['—', undefined, null],
    ['/', undefined, null],
    ['95%', undefined, null],
    ['十万', undefined, null],
    ['见附件', undefined, null],
  ])('%j (%s) → %s', (raw, moneyUnit, expected) => {
    expect(parseAmount(raw, moneyUnit)).toBe(expected);
  });
});

describe('every 指标值 and spend-plan value in the seed', () => {
  const seed = readFileSync(fileURLToPath(new URL('../fixtures/seed/seed-rows.txt', import.meta.url)), 'utf8');
  const indicatorValues = new Set<string>();
  const spendPlanValues = new Set<string>();
  const lines = seed.split(/\r?\n/);
  lines.forEach((line, i) => {
    const cells = line.split('\t');
    // Indicator rows: 一级 | 二级 (…指标) | 三级 | 描述 | 指标值 | 依据
    if (cells.length >= 6 && /指标$/.test(cells[1] ?? '') && cells[4] !== '指标值') indicatorValues.add(cells[4]!);
    // Spend-plan values: the row after 资金支出计划（%）
    if (i > 0 && lines[i - 1]!.startsWith('资金支出计划')) cells.slice(1, 5).forEach((c) => spendPlanValues.add(c));
  });

  it('finds the seed values', () => {
    expect([...indicatorValues].sort()).toEqual(['100%', '95%', '99%', '≥90%', '≥95', '≥95%', '≥98%']);
    expect(spendPlanValues.has('25%')).toBe(true);
  });

  const expectedOf: Record<string, Expected> = {
    '≥98%': pct('≥', 98),
    '≥95%': pct('≥', 95),
    '≥90%': pct('≥', 90),
    '100%': pct(null, 100),
    '99%': pct(null, 99),
    '95%': pct(null, 95),
    '≥95': count('≥', 95, null), // no unit and no 度量单位 column: a bare count
  };
  it.each(Object.entries(expectedOf))('指标值 %s', (raw, expected) => {
    expect(indicatorValues.has(raw)).toBe(true);
    check(raw, expected);
  });

  it('spend-plan cells are percents under the （%） header', () => {
    for (const raw of spendPlanValues) {
      const v = parseValue(raw, { percentHeader: true });
      if (raw.trim() === '') expect(v.kind).toBe('empty');
      else expect(v).toMatchObject({ kind: 'percent', unit: '%', number: Number(raw.replace('%', '')) });
    }
  });
});

// ───────────────────────────── properties ─────────────────────────────

const OPERATORS = new Set(['≥', '≤', '>', '<', '=']);
const KINDS = new Set(['percent', 'amount', 'count', 'date', 'duration', 'text', 'empty']);

/** What is wrong with a Value (empty when it is valid); one expect per call keeps the fuzzing fast. */
function problemsOf(v: Value, input: string | null | undefined): string[] {
  const p: string[] = [];
  if (v.raw !== (typeof input === 'string' ? input.trim() : '')) p.push('raw is not the trimmed input');
  if (!KINDS.has(v.kind)) p.push(`kind ${v.kind}`);
  if (v.op !== null && !OPERATORS.has(v.op)) p.push(`op ${v.op}`);
  if (v.number !== null && !Number.isFinite(v.number)) p.push(`number ${v.number}`);
  if (Object.is(v.number, -0)) p.push('number is -0');
  if (v.unit !== null && (typeof v.unit !== 'string' || v.unit.length === 0)) p.push('unit is not a non-empty string');
  if (v.kind === 'empty' && (v.raw !== '' || v.op !== null || v.number !== null || v.unit !== null)) p.push('empty with content');
  if (v.kind === 'text' && (v.op !== null || v.unit !== null)) p.push('text with op or unit');
  if (v.kind === 'percent' && v.unit !== '%' && v.unit !== '‰') p.push(`percent unit ${v.unit}`);
  if (v.kind === 'amount' ? !Number.isFinite(v.wan) : v.wan !== undefined) p.push(`wan ${v.wan} for ${v.kind}`);
  if (v.kind === 'date' ? !['before', 'end', 'exact'].includes(v.date?.bound ?? '') : v.date !== undefined) p.push('date');
  if (JSON.stringify(JSON.parse(JSON.stringify(v))) !== JSON.stringify(v)) p.push('not JSON-serialisable');
  return p;
}

function assertValidValue(v: Value, input: string | null | undefined): void {
  expect(problemsOf(v, input)).toEqual([]);
}

/** Pieces values are made of, so the generator reaches the grammar's interesting paths. */
const PIECES = [
  '≥', '≤', '>', '<', '=', '＞', '＝', '>=', '不低于', '不超过', '控制在', '达到', '以上', '以内', '内', '前', '左右',
  '0', '1', '12', '2020', '98', '１２', '．', '.', ',', '-', '—', '至', '%', '％', '元', '万元', '万', '亿元',
  '人', '人次', '个', '个月', '工作日', '天', '年', '月', '日', '底', '年底', '月底', '本年度', '/', '·', '三', '十二',
  '满意', '完成', '预算', ' ', '\n', '。', '（', '余',
];
const pieceString = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));

describe('properties', () => {
  it('never throws and always returns a valid Value (arbitrary strings)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), pieceString), (s) => {
        const a = parseAmount(s);
        expect([
          ...problemsOf(parseValue(s), s),
          ...problemsOf(parseValue(s, { percentHeader: true }), s),
          ...problemsOf(parseValue(s, { unitColumn: '人', moneyUnit: '元' }), s),
          ...(a === null || Number.isFinite(a) ? [] : [`parseAmount ${a}`]),
        ]).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });

  it('handles null, undefined and very long cells', () => {
    assertValidValue(parseValue(null), null);
    assertValidValue(parseValue(undefined), undefined);
    const long = '完成率达到95%'.repeat(200);
    assertValidValue(parseValue(long), long);
    expect(parseValue(long).kind).toBe('text');
  });

  // The fast path (sign? minus? number unit?) must agree with the parser: a trailing "。" sends the same
  // value through the chevrotain parser, which must give the same Value.
  const simpleShape = fc
    .tuple(
      fc.constantFrom('', '≥', '≤', '>', '<', '=', '＞＝', '≦', '＝'),
      fc.constantFrom('', '-'),
      fc.oneof(
        fc.integer({ min: 0, max: 1_000_000 }).map(String),
        fc.double({ min: 0, max: 1e6, noNaN: true }).map((d) => d.toFixed(2)),
        fc.constantFrom('１２', '８００．５', '1,000', '2020', '12'),
      ),
      fc.constantFrom('', '%', '％', '元', '万元', '万', '亿元', '千元', '人', '人次', '个', '辆', '天', '个工作日', '小时', 'km', '座'),
    )
    .map((parts) => parts.join(''));
  it('the fast path gives what the parser gives', () => {
    fc.assert(
      fc.property(simpleShape, fc.boolean(), (s, percentHeader) => {
        const fast = parseValue(s, { percentHeader });
        const viaParser = parseValue(`${s}。`, { percentHeader });
        expect(fast).toEqual({ ...viaParser, raw: s });
      }),
      { numRuns: 1000 },
    );
  });
});
