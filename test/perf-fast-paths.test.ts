/**
 * Early returns added for speed (issue 14) give exactly what the full computation gives: each is
 * checked against the code it short-cuts, on hand-picked cases and on random texts built from the
 * characters that matter (spaces of every kind, colons, brackets, punctuation, field-code words).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripFieldCodes } from '../grammar/field-codes.js';
import { parseValue } from '../grammar/value.js';
import { asciiDigits, classifyUnit } from '../grammar/value-lexicon.js';
import { normaliseLabel } from '../grammar/templates.js';
import { canonicalLevel1, canonicalLevel2 } from '../rules/shared/taxonomy.js';
import { isBlank, squeeze, stripTrailingPunctuation } from '../rules/shared/text.js';

// The computations as they were before the early returns.
const reference = {
  normaliseLabel: (text: string) =>
    text.replace(/[\s\u3000]/g, '').replace(/[:：]$/, '').replace(/^其中[:：]?/, '').replace(/\(/g, '（').replace(/\)/g, '）'),
  squeezeSpaces: (text: string) => text.replace(/\s+/g, (s) => (s.includes('\n') ? '\n' : ' ')).trim(),
  stripTrailingPunctuation: (text: string) => text.replace(/[\s\u3000。．.，,；;：:！!？?、…]+$/u, ''),
  isBlank: (text: string | null | undefined) => squeeze(text) === '',
  asciiDigits: (s: string) => {
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
  },
  unitHead: (unit: string) => unit.split(/[/·]/, 1)[0]!,
};

const PIECES = [
  '项目', '预算数', '其中', '其中：', '财政资金', '指标', '目标', '产出', '满意度', '具体', '效益', '数量', '成本',
  ' ', '  ', '\u3000', '\t', '\n', '\r\n', '\u00a0', ':', '：', '(', ')', '（', '）', '。', '，', '、', '…', '.', '!',
  'TC', 'TOC', 'PAGEREF _Toc123', '\\* MERGEFORMAT', '\\f C \\l 1', '"', '1、', '绩效目标表', 'T', 'C', '\uD83D\uDE00', '\uDC00',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));
const runs = { numRuns: 3000, seed: 14 };

describe('early returns give what the full computation gives', () => {
  const cases = ['', ' ', '预算数', '预算数：', '其中：财政资金', '资金支出计划(%)', '项 目 名 称', '完成率。', '完成率', '完成率 。\u3000', '\u3000', '\t\n', '😀', 'a\uDC00'];

  it.each(cases)('normaliseLabel(%j)', (t) => expect(normaliseLabel(t)).toBe(reference.normaliseLabel(t)));
  it.each(cases)('stripTrailingPunctuation(%j)', (t) => expect(stripTrailingPunctuation(t)).toBe(reference.stripTrailingPunctuation(t)));
  it.each([...cases, null, undefined])('isBlank(%j)', (t) => expect(isBlank(t)).toBe(reference.isBlank(t)));

  it('normaliseLabel, stripTrailingPunctuation and isBlank on random texts', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(normaliseLabel(t)).toBe(reference.normaliseLabel(t));
        expect(stripTrailingPunctuation(t)).toBe(reference.stripTrailingPunctuation(t));
        expect(isBlank(t)).toBe(reference.isBlank(t));
      }),
      runs,
    );
  });

  it('stripFieldCodes without a field code only squeezes spaces, and finds none', () => {
    fc.assert(
      fc.property(text, (t) => {
        const { text: clean, residues } = stripFieldCodes(t, null);
        if (!/TO?C|PAGEREF|\\\*/.test(t)) {
          expect(residues).toEqual([]);
          expect(clean).toBe(reference.squeezeSpaces(t));
        }
      }),
      runs,
    );
  });

  it.each([
    ['1、项目绩效目标表 TC "1、项目绩效目标表" \\f C \\l 1', '1、项目绩效目标表', 1],
    ['名称 \\* MERGEFORMAT', '名称', 1],
    ['多个  空格\t和\n\n换行', '多个 空格 和\n换行', 0],
  ])('stripFieldCodes(%j)', (input, clean, residues) => {
    const out = stripFieldCodes(input, null);
    expect(out.text).toBe(clean);
    expect(out.residues).toHaveLength(residues);
  });

  // Expected values from the build before the labels were memoised (same answers, asked twice).
  it.each([
    ['产出指标', null, '产出', null],
    [' 满意度指标：', null, '满意度', '服务对象满意度'],
    ['具体指标', '满意度指标', null, '服务对象满意度'],
    ['具体指标', '产出指标', null, null],
    ['受益群众满意度', '满意度', null, '服务对象满意度'],
    ['进度指标', null, null, '时效'],
    ['产出数量指标', '产出指标', null, '数量'],
    ['', null, null, null],
    [null, '满意度', null, null],
  ] as const)('canonical levels of %j under %j: %j, %j', (name, level1, one, two) => {
    for (let i = 0; i < 2; i++) {
      expect(canonicalLevel1(name)).toBe(one);
      expect(canonicalLevel2(name, level1)).toBe(two);
    }
  });

  it('asciiDigits and the unit head (before / or ·) on random texts', () => {
    const unitText = fc.array(fc.constantFrom('万元', '元', '人', '/', '·', '次', '１', '２', '．', '，', '－', '／', '%', '', '\uff0b'), { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(unitText, (u) => {
        expect(asciiDigits(u)).toBe(reference.asciiDigits(u));
        const head = reference.unitHead(u);
        const expected = u === '%' || u === '‰' ? 'percent' : head === '万元' || head === '元' ? 'amount' : null;
        if (expected) expect(classifyUnit(u).kind).toBe(expected);
      }),
      runs,
    );
  });

  it.each([
    ['万元/人', 'amount', 0],
    ['元·次', 'amount', -4],
    ['/人', 'count', undefined],
    ['人/年', 'count', undefined],
  ])('classifyUnit(%j) reads the unit before / or ·', (unit, kind, exponent) => {
    const c = classifyUnit(unit);
    expect(c.kind).toBe(kind);
    if (exponent !== undefined) expect(c.wanExponent).toBe(exponent);
  });

  it('a value text parses the same the second time (its tokens are kept)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('≥', '≤', '98', '100', '%', '万元', '12月底前', '人', '年', ' ', '以上', '-', '.5'), { maxLength: 6 }), (parts) => {
        const raw = parts.join('');
        expect(parseValue(raw)).toEqual(parseValue(raw));
      }),
      runs,
    );
  });
});
