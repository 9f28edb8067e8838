import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator, Project } from '../../src/ast/types.js';
import { resolveConfig } from '../../src/engine/config.js';
import { lintDocument } from '../../src/engine/lint.js';
import { boilerplateIndicatorsAcrossProjects } from '../../rules/boilerplate-indicators-across-projects.js';
import { cellText } from '../../rules/shared/text.js';
import { CLEAN_INDICATORS, makeDocument, makeIndicator, makeProject, makeValue, ruleTester, tables, withRows } from '../helpers/rule-tester.js';

const second = { code: '316-0901-JBN-DLZT', name: '机关养老金统筹外', budget: '10.00', fiscal: '10.00' };
const third = { code: '316-1201-JBN-GMA8', name: '企业退休人员地方补贴', budget: '0.20', fiscal: '0.20' };
/** Only the cost row differs: 7 of 8 rows shared (the seed's 丧葬费 / 统筹外 pair shares 7 of 9). */
const changeOne = withRows({
  项目总成本: ['产出指标', '成本指标', '项目总成本', '全年统筹外待遇支出总额', '≤10万元', '预算支出标准'],
});
/** Count and cost differ: 6 of 8 shared, under the threshold (7 × 8 / 9, rounded up). */
const changeTwo = withRows({
  补贴发放人数: ['产出指标', '数量指标', '统筹外待遇领取人数', '领取统筹外待遇的退休人员人数', '≥35人', '计划标准'],
  项目总成本: ['产出指标', '成本指标', '项目总成本', '全年统筹外待遇支出总额', '≤10万元', '预算支出标准'],
});

/** The default table's project (code W…, name 城乡居民养老保险区财政补贴) and others for the repetition cases. */
const FIRST_CODE = '316-1201-JBN-WMEB';
const FIRST_NAME = '城乡居民养老保险区财政补贴';
const copy = (code: string, name: string, indicators = CLEAN_INDICATORS) => ({ code, name, indicators });

ruleTester(boilerplateIndicatorsAcrossProjects, {
  seed: [2, 2],
  valid: [
    { name: 'six of eight rows shared is under the threshold', text: tables({}, { ...second, indicators: changeTwo }) },
    { name: 'the same project twice is duplicate-project-code, not this rule', text: tables({}, {}) },
    { name: 'a higher minShared', text: tables({}, { ...second, indicators: changeOne }), options: { minShared: 8 } },
    { name: 'forty copies of the same project', text: tables(...Array.from({ length: 40 }, () => ({}))) },
    {
      name: 'copies under one code with other names, and under one name with other codes, are one project',
      text: tables(copy(FIRST_CODE, '甲项目'), copy(FIRST_CODE, '乙项目'), copy(FIRST_CODE, '丙项目'), copy(FIRST_CODE, '甲项目')),
    },
  ],
  invalid: [
    {
      name: 'seed-like: seven of eight rows identical across two projects, reported on the later table',
      text: tables({}, { ...second, indicators: changeOne }),
      errors: [{ messageId: 'boilerplate', projectCode: '316-0901-JBN-DLZT', role: 'table', found: '316-1201-JBN-WMEB' }],
    },
    {
      name: 'three copies: each later table names the first one it copies',
      text: tables({}, { ...second, indicators: CLEAN_INDICATORS }, { ...third, indicators: CLEAN_INDICATORS }),
      errors: [
        { messageId: 'boilerplate', projectCode: '316-0901-JBN-DLZT', role: 'table', found: '316-1201-JBN-WMEB' },
        { messageId: 'boilerplate', projectCode: '316-1201-JBN-GMA8', role: 'table', found: '316-1201-JBN-WMEB' },
      ],
    },
    {
      name: 'one table copied under three projects, several times each: each copy names the first table of another project',
      text: tables({}, {}, {}, copy(second.code, second.name), {}, copy(second.code, second.name), copy(third.code, third.name), copy(second.code, second.name), copy(third.code, third.name)),
      errors: [
        { messageId: 'boilerplate', projectCode: second.code, role: 'table', found: FIRST_CODE, count: 3 },
        { messageId: 'boilerplate', projectCode: third.code, role: 'table', found: FIRST_CODE, count: 2 },
        // The fifth table, a copy of the first project's after a copy of the second's, names the second.
        { messageId: 'boilerplate', projectCode: FIRST_CODE, role: 'table', found: second.code },
      ],
    },
    {
      name: 'the first earlier table of another project is not the first copy: same code as the first, then same name',
      text: tables(
        copy(FIRST_CODE, FIRST_NAME), // 1
        copy('316-0901-JBN-AAAA', '乙项目'), // 2 → 1
        copy(FIRST_CODE, '丙项目'), // 3: the same project as 1 by code → 2
        copy('316-0901-JBN-BBBB', '乙项目'), // 4: the same as 2 by name → 1
        copy('316-0901-JBN-AAAA', FIRST_NAME), // 5: the same as 1 (name) and 2 (code), not 3 → 3
        copy('316-0901-JBN-BBBB', FIRST_NAME), // 6: 1 (name), 2 (code ≠, name ≠) → 2
      ),
      errors: [
        { messageId: 'boilerplate', projectCode: '316-0901-JBN-AAAA', role: 'table', found: FIRST_CODE, count: 2 },
        { messageId: 'boilerplate', projectCode: FIRST_CODE, role: 'table', found: '316-0901-JBN-AAAA' },
        { messageId: 'boilerplate', projectCode: '316-0901-JBN-BBBB', role: 'table', found: FIRST_CODE },
        { messageId: 'boilerplate', projectCode: '316-0901-JBN-BBBB', role: 'table', found: '316-0901-JBN-AAAA' },
      ],
    },
    {
      name: 'the first qualifying earlier table holds other rows (7 of 8) and precedes the first different copy of the same rows',
      text: tables(
        copy(FIRST_CODE, FIRST_NAME), // 1
        copy(second.code, second.name, changeOne), // 2 → 1
        copy(FIRST_CODE, FIRST_NAME), // 3: its copies are its own project; 2 shares 7 of 8 → 2
        copy(third.code, third.name), // 4: → 1 (the first of all)
        copy(second.code, '丙项目'), // 5: same as 2; copies 1, 3 are another project → 1
      ),
      errors: [
        { messageId: 'boilerplate', projectCode: second.code, role: 'table', found: FIRST_CODE, count: 2 },
        { messageId: 'boilerplate', projectCode: FIRST_CODE, role: 'table', found: second.code },
        { messageId: 'boilerplate', projectCode: third.code, role: 'table', found: FIRST_CODE },
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// The rule against the straightforward comparison of every pair of tables, on small documents where
// a few row sets recur under a few identities (so signatures repeat and identities overlap).

interface Finding {
  table: number;
  other: number;
  shared: number;
}

/** Every earlier table in order, counting common rows from scratch: the rule's definition, quadratic. */
function referenceFindings(projects: readonly Project[], minShared: number): Finding[] {
  const keysOf = (p: Project) =>
    p.indicators
      .map((ind) => [ind.level3, ind.description, ind.value.raw, ind.basis].map((c) => cellText(c)).join('\u0001'))
      .filter((k) => k !== '\u0001\u0001\u0001');
  const sameProject = (a: Project, b: Project) =>
    (cellText(a.code) !== '' && cellText(a.code) === cellText(b.code)) || (cellText(a.name) !== '' && cellText(a.name) === cellText(b.name));
  const findings: Finding[] = [];
  projects.forEach((p, j) => {
    for (let i = 0; i < j; i++) {
      const q = projects[i]!;
      const rest = keysOf(q);
      let shared = 0;
      for (const k of keysOf(p)) {
        const at = rest.indexOf(k);
        if (at !== -1) [shared, rest[at]] = [shared + 1, '\u0000'];
      }
      const smaller = Math.min(p.indicators.length, q.indicators.length);
      const needed = Math.max(3, Math.min(minShared, Math.ceil((smaller * minShared) / 9)));
      if (shared >= needed && !sameProject(p, q)) {
        findings.push({ table: p.index, other: q.index, shared });
        return;
      }
    }
  });
  return findings;
}

/** Row i of a small pool; row 0 is blank in every compared cell (not a key, but counted in the table's rows). */
function poolRow(i: number): Indicator {
  if (i === 0) return makeIndicator('', makeValue(''), null, { level3: null });
  return makeIndicator(`指标${i % 5}`, makeValue(`≥${i % 3}人`), null, { description: `描述${i % 4}`, basis: '计划标准' });
}

const CODES = ['', 'A-1', 'A-2', 'A-3'];
const NAMES = ['', '甲', '乙', '丙'];

const documentArbitrary = fc.record({
  minShared: fc.integer({ min: 1, max: 9 }),
  rowSets: fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 10 }), { minLength: 1, maxLength: 4 }),
  tables: fc.array(
    fc.record({
      rowSet: fc.nat(),
      code: fc.nat({ max: CODES.length - 1 }),
      name: fc.nat({ max: NAMES.length - 1 }),
      /** Mostly an exact copy of a row set; sometimes one row replaced or added. */
      edit: fc.option(fc.record({ at: fc.nat(), row: fc.integer({ min: 0, max: 12 }), replace: fc.boolean() }), { freq: 3 }),
    }),
    { minLength: 1, maxLength: 40 },
  ),
});

type DocumentSpec = typeof documentArbitrary extends fc.Arbitrary<infer S> ? S : never;

function buildProjects(spec: DocumentSpec): Project[] {
  return spec.tables.map((t, j) => {
    const rows = [...spec.rowSets[t.rowSet % spec.rowSets.length]!];
    if (t.edit) rows.splice(rows.length === 0 ? 0 : t.edit.at % rows.length, t.edit.replace ? 1 : 0, t.edit.row);
    return makeProject(j + 1, CODES[t.code]!, { name: NAMES[t.name]!, indicators: rows.map(poolRow) });
  });
}

/** Table, other table and shared count of each message, read back from the English text. */
function ruleFindings(projects: Project[], minShared: number): Finding[] {
  const rule = boilerplateIndicatorsAcrossProjects;
  const config = resolveConfig({ extends: 'all', rules: { [rule.meta.id]: ['info', { minShared }] } }, undefined, { source: 'test', rules: [rule] });
  const result = lintDocument(makeDocument(projects), { config, rules: [rule], locale: 'en' });
  return result.messages
    .filter((m) => m.ruleId === rule.meta.id)
    .map((m) => {
      const found = /^Table (\d+) \(.*?\) shares (\d+) indicator rows .* with table (\d+) \(/.exec(m.message);
      if (!found) throw new Error(`unexpected message: ${m.message}`);
      return { table: Number(found[1]), shared: Number(found[2]), other: Number(found[3]) };
    })
    .sort((a, b) => a.table - b.table);
}

describe('boilerplate-indicators-across-projects: the same findings as comparing every pair', () => {
  const seed = Number(process.env.JXLINT_PROPERTY_SEED ?? 20261201);

  const hand: { name: string; tables: [code: string, name: string, rows: number[]][]; minShared?: number }[] = [
    { name: 'thirty copies of one project', tables: Array.from({ length: 30 }, () => ['A-1', '甲', [1, 2, 3, 4, 5, 6, 7, 8]] as [string, string, number[]]) },
    {
      name: 'copies that differ only in blank rows need different counts',
      tables: [
        ['A-1', '甲', [1, 2, 3]],
        ['A-2', '乙', [1, 2, 3, 0, 0, 0, 0, 0, 0]],
        ['A-3', '丙', [1, 2, 3, 0, 0, 0, 0, 0, 0]],
      ],
    },
    {
      name: 'blank identities are never the same project',
      tables: [
        ['', '', [1, 2, 3, 4]],
        ['', '', [1, 2, 3, 4]],
        ['A-1', '甲', [1, 2, 3, 4]],
      ],
    },
    {
      name: 'the first different project among copies is the fifth copy',
      tables: [
        ['A-1', '甲', [1, 2, 3, 4]],
        ['A-1', '乙', [1, 2, 3, 4]],
        ['A-2', '甲', [1, 2, 3, 4]],
        ['A-2', '乙', [1, 2, 3, 4]],
        ['A-3', '丙', [1, 2, 3, 4]],
        ['A-1', '丙', [1, 2, 3, 4]],
        ['A-3', '甲', [1, 2, 3, 4]],
      ],
    },
    {
      name: 'the first different project is the fourth distinct identity (A-1 甲 after A-1 甲, A-1 乙, A-2 甲, A-2 乙)',
      tables: [
        ['A-1', '甲', [1, 2, 3, 4]],
        ['A-1', '乙', [1, 2, 3, 4]],
        ['A-2', '甲', [1, 2, 3, 4]],
        ['A-2', '乙', [1, 2, 3, 4]],
        ['A-2', '乙', [1, 2, 3, 4]],
        ['A-1', '甲', [1, 2, 3, 4]],
      ],
    },
  ];
  for (const c of hand) {
    it(c.name, () => {
      const projects = c.tables.map(([code, name, rows], j) => makeProject(j + 1, code, { name, indicators: rows.map(poolRow) }));
      const expected = referenceFindings(projects, c.minShared ?? 7);
      expect(ruleFindings(projects, c.minShared ?? 7)).toEqual(expected);
    });
  }

  it(`random documents with heavy repetition (fast-check seed ${seed}; rerun with JXLINT_PROPERTY_SEED)`, () => {
    console.log(`boilerplate-indicators-across-projects property: fast-check seed ${seed}`);
    let withFindings = 0;
    fc.assert(
      fc.property(documentArbitrary, (spec) => {
        const projects = buildProjects(spec);
        const expected = referenceFindings(projects, spec.minShared);
        if (expected.length > 0) withFindings++;
        expect(ruleFindings(projects, spec.minShared)).toEqual(expected);
      }),
      { seed, numRuns: 400 },
    );
    expect(withFindings, 'documents with at least one finding').toBeGreaterThan(100);
  });
});
