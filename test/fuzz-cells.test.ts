/**
 * Fuzzing huge cells (issue 15): a 指标值 cell of up to 1 M characters — random text, digits,
 * operators, "≥≥≥", "100%100%…", full-width digits, Chinese numerals, mixed — in the seed's first
 * project, parsed and linted: never throws, one bounded result, and the value grammar reads no more
 * than MAX_VALUE_CHARS of it. The lookbehinds that keep the rules' value patterns linear are checked
 * against the patterns they replaced: same answers on every generated text. Seeded (FUZZ_SEED);
 * fast-check prints the seed and path of a failure. Speed is in `npm run bench -- cells`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_VALUE_CHARS, parseValue } from '../grammar/value.js';
import { hasStatedDeadline } from '../rules/shared/time-words.js';
import { hasNumber, hasDigit, cellText, normalizeWidth, squeeze } from '../rules/shared/text.js';
import { findAmountInText } from '../rules/shared/values.js';
import { lint, parseText } from '../src/index.js';
import { expectBounded, fuzzOptions } from './fuzz-support.js';

const seedLines = readFileSync(join(import.meta.dirname, '../fixtures/seed/seed.txt'), 'utf8').split('\n');
/** The 指标值 lines of the seed's first project: 数量, 质量, 时效, 成本, 经济效益, 满意度 rows. */
const VALUE_LINES = [78, 85, 92, 99, 106, 134];

/** The pieces a hostile cell is made of. */
const PIECES = ['≥', '≤', '>', '<', '=', '%', '１', '２', '０', '．', '1', '0', '9', '.', ',', '，', '-', '/', '三', '十', '两', '年', '月', '日', '万', '元', '人', '次', '个', '以上', '以内', '前', '不低于', '控制在', '完成率', '达到', ' ', '\u3000', '。', 'a', '≥≥≥', '100%', '2020年12月底前', '≥98%', '800万元'];

const piece = fc.constantFrom(...PIECES);
/** A cell: a few pieces, repeated to a length between 1 K and `max` characters. */
const hugeCell = (max: number): fc.Arbitrary<string> =>
  fc.record({ unit: fc.array(piece, { minLength: 1, maxLength: 8 }), length: fc.integer({ min: 1000, max }), noise: fc.string({ maxLength: 20 }) }).map(({ unit, length, noise }) => {
    const text = unit.join('');
    return (noise + text.repeat(Math.ceil(length / text.length))).slice(0, length);
  });

describe('fuzz: huge cells', () => {
  it('parseValue of a cell of up to 1 M characters: never throws, and a cell over MAX_VALUE_CHARS is text read no further', () => {
    fc.assert(
      fc.property(hugeCell(1_000_000), (cell) => {
        const v = parseValue(cell);
        expect(v.raw).toBe(cell.trim());
        if (v.raw.length > MAX_VALUE_CHARS) {
          expect(v.kind).toBe('text');
          // The number, if any, is one written in the part that was read.
          if (v.number !== null) expect(Number.isFinite(v.number)).toBe(true);
        }
      }),
      fuzzOptions(300),
    );
  });

  it('a huge cell in any 指标值 row of the seed: parse + lint never throws, one bounded result', () => {
    fc.assert(
      fc.property(hugeCell(200_000), fc.constantFrom(...VALUE_LINES), (cell, line) => {
        const lines = seedLines.slice();
        lines[line] = `\t${cell}`;
        const result = lint(parseText(lines.join('\n'), 'fuzz.txt'), {});
        expectBounded({ kind: 'linted', result }, lines.length);
        // The cell is still the row's value, whole, for the rules and the messages.
        const indicator = result.projects.length > 0 ? parseText(lines.join('\n'), 'fuzz.txt').projects[0]?.indicators.find((i) => i.value.raw.length >= 1000) : undefined;
        expect(indicator?.value.raw).toBe(cell.trim());
      }),
      fuzzOptions(60),
    );
  });

  it('1 M-character cells in the value rows: parse + lint never throws, one bounded result', () => {
    fc.assert(
      fc.property(hugeCell(1_000_000).filter((c) => c.length > 500_000), fc.constantFrom(...VALUE_LINES), (cell, line) => {
        const lines = seedLines.slice();
        lines[line] = `\t${cell}`;
        expectBounded({ kind: 'linted', result: lint(parseText(lines.join('\n'), 'fuzz.txt'), {}) }, lines.length);
      }),
      fuzzOptions(12),
    );
  });
});

describe('the linear forms of the rules\' value patterns give the answers of the patterns they replaced', () => {
  // The patterns as they were before the lookbehinds (quadratic on a long run of digits or numerals).
  const OLD_AMOUNT = /(\d+(?:\.\d+)?)\s*(百万元|千万元|亿元|万元|千元|元|万|亿)(?![人次个户件台套家场吨亩册份株辆座处条篇])/;
  const OLD_CHINESE_QUANTITY =
    /[一二三四五六七八九十两〇零百千]+\s*(?:个|次|人|名|户|件|台|套|家|场|项|所|批|期|份|本|册|辆|座|处|条|篇|月|日|天|年|周|小时|工作日|季度|轮)/;
  const OLD_DEADLINE =
    /\d+\s*(?:个)?(?:年|月|日|号|天|工作日|小时|周|季度)|[一二三四五六七八九十两]+\s*(?:个)?(?:月|日|天|工作日|小时|周|季度)|月底|月末|年底|年末|季末|季度末|上半年|下半年|当日|当月|当年|次月|次日|每月|每季度?|每年|按月|按季|按年|\d{4}[.\-/]\d{1,2}/;
  const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

  it('findAmountInText, hasNumber and hasStatedDeadline', () => {
    fc.assert(
      fc.property(text, (t) => {
        const m = OLD_AMOUNT.exec(normalizeWidth(squeeze(t)));
        expect(findAmountInText(t)).toEqual(m ? { number: Number(m[1]), unit: m[2], text: m[0] } : null);
        expect(hasNumber(t)).toBe(hasDigit(t) || OLD_CHINESE_QUANTITY.test(t));
        expect(hasStatedDeadline(t)).toBe(OLD_DEADLINE.test(cellText(t)));
      }),
      fuzzOptions(3000),
    );
  });
});
