/**
 * Golden test of the core: the seed export parses to 18 projects and 162 indicators, every code,
 * name, budget, spend plan and 指标值 right, and every text variant gives the same AST.
 * The oracle is a naive reading of the row-per-line export (one row a line, TAB between cells),
 * independent of the grammar.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toParseJson, withoutOrigins } from '../src/ast/parse-json.js';
import { parse } from '../src/index.js';

const seedDir = new URL('../fixtures/seed/', import.meta.url);
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, seedDir)));

interface OracleProject {
  code: string;
  name: string;
  total: number;
  fiscal: number;
  spendPlan: (number | null)[];
  goals: string[];
  values: string[];
  level3: string[];
}

/** Reads seed-rows.txt the dumb way: rows are lines ending in TAB; goal cells may span lines. */
function oracle(): OracleProject[] {
  const text = readFileSync(new URL('seed-rows.txt', seedDir), 'utf8');
  const rows: string[][] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    if (!pending && !line.includes('\t')) continue;
    pending = pending ? pending + '\n' + line : line;
    if (pending.endsWith('\t')) {
      rows.push(pending.slice(0, -1).split('\t'));
      pending = '';
    }
  }
  const projects: OracleProject[] = [];
  let current: OracleProject | null = null;
  let inGrid = false;
  let afterMonths = false;
  for (const row of rows) {
    if (row[0] === '项目编码') {
      current = { code: row[1], name: row[3], total: 0, fiscal: 0, spendPlan: [], goals: [], values: [], level3: [] };
      projects.push(current);
      inGrid = false;
    } else if (!current) continue;
    else if (row[0] === '预算规模及资金用途') {
      current.total = Number(row[2]);
      current.fiscal = Number(row[4]);
    } else if (row[0] === '资金支出计划（%）') afterMonths = true;
    else if (afterMonths) {
      current.spendPlan = row.slice(1).map((c) => (c.trim() === '' ? null : Number(c.replace('%', ''))));
      afterMonths = false;
    } else if (row[0] === '绩效目标') current.goals = row[1].split('\n').map((g) => g.trim()).filter(Boolean);
    else if (row[0] === '一级指标') inGrid = true;
    else if (inGrid && row.length === 6) {
      current.level3.push(row[2]);
      current.values.push(row[4]);
    }
  }
  return projects;
}

const variants = ['seed.txt', 'seed-rows.txt', 'seed-libreoffice.txt', 'seed-gb18030-crlf.txt'];

describe('seed golden', async () => {
  const expected = oracle();
  const docs = await Promise.all(variants.map((v) => parse(read(v), { filePath: v })));

  it('the oracle itself read 18 tables and 162 indicator rows', () => {
    expect(expected).toHaveLength(18);
    expect(expected.reduce((n, p) => n + p.values.length, 0)).toBe(162);
  });

  it.each(variants.map((v, i) => [v, i] as const))('%s: 18 projects, 162 indicators, no diagnostics', (_v, i) => {
    const doc = docs[i];
    expect(doc.projects).toHaveLength(18);
    expect(doc.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(162);
    expect(doc.diagnostics).toEqual([]);
  });

  it.each(variants.map((v, i) => [v, i] as const))('%s: every code, name, budget, spend plan, goal and 指标值 matches', (_v, i) => {
    const doc = docs[i];
    doc.projects.forEach((p, k) => {
      const e = expected[k];
      expect(p.code).toBe(e.code);
      expect(p.name).toBe(e.name);
      expect(p.budget.total).toBe(e.total);
      expect(p.budget.fiscal).toBe(e.fiscal);
      expect(p.budget.other).toBeNull();
      expect(p.spendPlan.values.map((v) => (v.kind === 'empty' ? null : v.number))).toEqual(e.spendPlan);
      expect(p.goals.map((g) => g.text)).toEqual(e.goals);
      expect(p.indicators.map((ind) => ind.value.raw)).toEqual(e.values);
      expect(p.indicators.map((ind) => ind.level3)).toEqual(e.level3);
      expect(p.agency).toBe('316004南堡开发区社会事业保险局');
      expect(p.agencyCode).toBe('316004');
      expect(p.moneyUnit).toBe('万元');
      expect(p.titleOrdinal).toBe(k + 1);
      expect(p.layout).toBe('legacy');
    });
  });

  it('spot checks on table 1', () => {
    const p = docs[0].projects[0];
    expect(p.title).toBe('城乡居民养老保险区财政补贴绩效目标表');
    expect(p.purpose).toBe('城乡居民养老缴费补贴及待遇补贴');
    expect(p.fieldCodes).toHaveLength(1);
    expect(p.fieldCodes[0].tcOrdinal).toBe(9);
    const cost = p.indicators[3];
    expect(cost).toMatchObject({ level1: '产出指标', level2: '成本指标', level3: '项目成本', description: '总成本800万元', basis: '省市区相关文件', level1Inherited: true });
    expect(cost.value).toMatchObject({ raw: '≥98%', op: '≥', number: 98, unit: '%', kind: 'percent' });
    const satisfaction = p.indicators[8];
    expect(satisfaction).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '服务对象满意度', level1Inherited: false });
    expect(p.indicators[4].value).toMatchObject({ raw: '100%', op: null, number: 100, kind: 'percent' });
  });

  it('table 2 keeps both goal items with their numbering', () => {
    expect(docs[0].projects[1].goals.map((g) => g.text)).toEqual(['1、完成率', '2、完成率']);
  });

  it('the department part is read into its three sections', () => {
    for (const doc of docs) {
      const d = doc.department;
      expect(d.present).toBe(true);
      expect(d.overallGoal).toHaveLength(1);
      expect(d.overallGoal[0]).toMatch(/^2020年，遵照全面贯彻落实/);
      expect(d.itemGoals).toHaveLength(4);
      expect(d.safeguards).toHaveLength(4);
      expect(d.fieldCodes.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('reports the detected encoding and layout', () => {
    expect(docs.map((d) => [d.encoding, d.layout])).toEqual([
      ['utf-8', 'cell-per-line'],
      ['utf-8', 'row-per-line'],
      ['utf-8-bom', 'cell-per-line-unmarked'],
      ['gb18030', 'cell-per-line'],
    ]);
  });

  it('every text variant gives an identical AST apart from origins', () => {
    const strip = (i: number) => withoutOrigins({ ...toParseJson(docs[i]), encoding: null, layout: null });
    for (let i = 1; i < docs.length; i++) expect(strip(i)).toEqual(strip(0));
    const full = (i: number) => withoutOrigins({ ...docs[i], encoding: null, layout: null });
    for (let i = 1; i < docs.length; i++) expect(full(i)).toEqual(full(0));
  });

  it('origins point at the cell as the user sees it (line and column)', () => {
    const text = readFileSync(new URL('seed.txt', seedDir), 'utf8').split('\n');
    for (const p of docs[0].projects) {
      for (const ind of p.indicators) {
        const o = ind.cells.value as { line: number; column: number };
        expect(text[o.line - 1].slice(o.column - 1).trim()).toBe(ind.value.raw);
      }
      const code = p.fields.code.origin as { line: number; column: number };
      expect(text[code.line - 1].slice(code.column - 1)).toBe(p.code);
    }
    const rows = readFileSync(new URL('seed-rows.txt', seedDir), 'utf8').split('\n');
    for (const p of docs[1].projects) {
      for (const ind of p.indicators) {
        const o = ind.cells.value as { line: number; column: number };
        expect(rows[o.line - 1].slice(o.column - 1).split('\t')[0]).toBe(ind.value.raw);
      }
    }
  });
});
