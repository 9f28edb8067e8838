import { describe, expect, it } from 'vitest';
import { applyBaseline, createBaseline, fingerprintOf, parseBaseline, stringifyBaseline } from '../src/engine/baseline.js';
import { lintDocument, lintFailure } from '../src/engine/lint.js';
import { parseText } from '../src/index.js';
import { exactRules } from '../rules/index.js';
import { table, tables, withRows } from './helpers/rule-tester.js';
import type { JxDocument } from '../src/ast/types.js';

/** Lints with the Part A rules only, so these tests do not move when heuristics are added. */
const lintA = (doc: JxDocument) => lintDocument(doc, { rules: exactRules });

const BAD = withRows({
  项目总成本: ['产出指标', '成本指标', '项目总成本', '总成本800万元', '≥98%', '预算支出标准'],
  补贴发放人数: ['产出指标', '数量指标', '补贴发放人数', '人数', '≥98%', '计划标准'],
});

describe('fingerprints', () => {
  const parts = { ruleId: 'r', projectCode: '316-1', role: 'indicator.value', level3: '项目成本', found: '≥98%' };
  it('are 16 hex digits, stable, and change with every part', () => {
    const fp = fingerprintOf(parts);
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintOf({ ...parts })).toBe(fp);
    for (const key of Object.keys(parts) as (keyof typeof parts)[]) {
      expect(fingerprintOf({ ...parts, [key]: 'other' }), key).not.toBe(fp);
    }
  });
  it('ignore whitespace inside values', () => {
    expect(fingerprintOf({ ...parts, found: '≥ 98%' })).toBe(fingerprintOf(parts));
  });
  it('are the fingerprints baselines already hold: the same digits as the key-string definition, for any text', () => {
    // The definition baselines were written with: the parts joined by ␟ into one key (whitespace
    // as /\s/ sees it removed from code, 三级 and found), two FNV-1a hashes over its UTF-16 units.
    const norm = (s: string | null) => (!s ? '' : s.replace(/[\s\u3000]+/g, ''));
    const byKey = (p: typeof parts | Record<keyof typeof parts, string | null>): string => {
      const key = `${p.ruleId ?? ''}\u241f${norm(p.projectCode)}\u241f${p.role ?? ''}\u241f${norm(p.level3)}\u241f${norm(p.found)}`;
      let a = 0x811c9dc5;
      let b = 0x050c5d1f;
      for (let i = 0; i < key.length; i++) {
        a = Math.imul(a ^ key.charCodeAt(i), 0x01000193);
        b = Math.imul(b ^ key.charCodeAt(i), 0x01000193);
      }
      return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
    };
    // Every unit /\s/ matches, its neighbours that it does not, CJK, surrogate halves and pairs.
    const units = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x1f, 0x20, 0x21, 0x85, 0x9f, 0xa0, 0xa1, 0x1680, 0x180e, 0x1fff, 0x2000, 0x2005, 0x200a, 0x200b, 0x2028, 0x2029, 0x202f, 0x205f, 0x2060, 0x2fff, 0x3000, 0x3001, 0xfeff, 0xfffe, 0xd83d, 0xde00, 0x4e00, 0x9879, 0x0030, 0x0041, 0x0025, 0x2265];
    let seed = 12345;
    const random = () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
    const text = (): string | null => {
      const r = random();
      if (r < 0.1) return null;
      if (r < 0.15) return '';
      return String.fromCharCode(...Array.from({ length: Math.floor(random() * 12) }, () => units[Math.floor(random() * units.length)]!));
    };
    expect(units.filter((u) => /\s/.test(String.fromCharCode(u))).map((u) => u.toString(16))).toEqual(
      ['9', 'a', 'b', 'c', 'd', '20', 'a0', '1680', '2000', '2005', '200a', '2028', '2029', '202f', '205f', '3000', 'feff'],
    );
    for (let i = 0; i < 5000; i++) {
      const p = { ruleId: text(), projectCode: text(), role: text(), level3: text(), found: text() };
      expect(fingerprintOf(p), JSON.stringify(p)).toBe(byKey(p));
    }
    expect(fingerprintOf(parts)).toBe(byKey(parts));
  });
  it('do not depend on line numbers: the same finding moved down keeps its fingerprint', () => {
    const a = lintA(parseText(table({ indicators: BAD })));
    const b = lintA(parseText('第二部分\n预算项目绩效目标\n\n\n' + table({ indicators: BAD })));
    const fa = a.messages.map((m) => m.fingerprint);
    const fb = b.messages.map((m) => m.fingerprint);
    expect(a.messages[0]!.line).not.toBe(b.messages[0]!.line);
    expect(fb).toEqual(fa);
  });
});

describe('baseline', () => {
  const before = [lintA(parseText(table({ indicators: BAD }), 'v1.txt'))];

  it('createBaseline is sorted, counted and stable', () => {
    const b1 = createBaseline(before);
    expect(b1.version).toBe(1);
    expect(b1.entries.map((e) => e.ruleId)).toEqual([...b1.entries.map((e) => e.ruleId)].sort());
    expect(b1.entries.every((e) => e.count === 1)).toBe(true);
    const cost = b1.entries.find((e) => e.ruleId === 'cost-value-not-amount')!;
    expect(cost).toMatchObject({ projectCode: '316-1201-JBN-WMEB', role: 'indicator.value', level3: '项目总成本', found: '≥98%' });
    expect(stringifyBaseline(createBaseline([...before].reverse()))).toBe(stringifyBaseline(b1));
    expect(parseBaseline(JSON.parse(stringifyBaseline(b1)))).toEqual(b1);
  });

  it('applyBaseline hides accepted findings, keeps new ones, and recounts', () => {
    const baseline = createBaseline(before);
    expect(applyBaseline(before, baseline)[0]).toMatchObject({ messages: [], errorCount: 0, warningCount: 0 });
    // The next submission (another file name) fixed the count row but added a duplicate row.
    const after = [
      lintA(
        parseText(
          table({
            indicators: [
              ...withRows({ 项目总成本: ['产出指标', '成本指标', '项目总成本', '总成本800万元', '≥98%', '预算支出标准'] }),
              ['效益指标', '社会效益指标', '补贴发放准确率', '准确程度', '≥98%', '计划标准'],
            ],
          }),
          'v2.txt',
        ),
      ),
    ];
    const [filtered] = applyBaseline(after, baseline);
    expect(filtered!.messages.map((m) => m.ruleId)).toEqual(['duplicate-indicator']);
    expect(filtered).toMatchObject({ errorCount: 0, warningCount: 1 });
    expect(after[0]!.messages.length).toBeGreaterThan(1); // inputs untouched
  });

  it('counts repeated fingerprints', () => {
    const twice = [lintA(parseText(table({ goals: ['1、完成率', '2、完成率'] })))];
    expect(twice[0]!.messages.filter((m) => m.ruleId === 'placeholder-goal')).toHaveLength(2);
    const once = [lintA(parseText(table({ goals: ['1、完成率'] })))];
    const baseline = createBaseline(once);
    // '1、完成率' and '2、完成率' differ in what was found, so only the first is accepted.
    expect(applyBaseline(twice, baseline)[0]!.messages.map((m) => m.found)).toEqual(['2、完成率']);
    const dup = [lintA(parseText(tables({}, { name: '乙' }, { name: '丙' })))];
    const b = createBaseline(dup);
    expect(b.entries.find((e) => e.ruleId === 'duplicate-project-code')!.count).toBe(2);
    expect(applyBaseline(dup, b)[0]!.messages).toEqual([]);
  });

  it('never hides fatal read failures', () => {
    const failed = [lintFailure('x.doc', { code: 'read-error', message: '读不了', messageEn: 'unreadable' })];
    expect(createBaseline(failed).entries).toEqual([]);
    expect(applyBaseline(failed, createBaseline(failed))[0]!.messages).toHaveLength(1);
  });

  it('rejects a file that is not a baseline in one line', () => {
    expect(() => parseBaseline({ foo: 1 }, 'b.json')).toThrow(/^基线文件 b\.json 格式不对.*Baseline b\.json/);
  });
});
