/**
 * Template families (docs/templates.md) read into the one AST, in every layout: the Block stream of a
 * Word/Excel reader (rows known, merges marked), Word's row-per-line and cell-per-line text, and
 * LibreOffice's unmarked one-cell-a-line text. Inputs are the small tables of
 * test/templates-parse-support.ts, drawn after each family's form.
 */
import { describe, expect, it } from 'vitest';
import type { JxDocument, Project } from '../src/ast/types.js';
import { parseBlocks, parseText, toParseJson, withoutOrigins } from '../src/index.js';
import * as F from './templates-parse-support.js';

const layouts: [string, (parts: F.Part[]) => JxDocument][] = [
  ['Word/Excel blocks', (p) => parseBlocks(F.blocks(p))],
  ['row-per-line text', (p) => parseText(F.rowPerLine(p))],
  ['cell-per-line text', (p) => parseText(F.cellPerLine(p))],
  ['LibreOffice unmarked text', (p) => parseText(F.unmarked(p))],
];

interface Expected {
  template: Project['template'];
  code: string | null;
  name: string;
  agency: string | null;
  agencyCode?: string | null;
  budget: [number | null, number | null, number | null];
  superior?: number | null;
  period?: string;
  spendPlan: (number | null)[];
  goals: number;
  longTermGoals: number;
  /** 三级 → [value.raw, op, number, unit, kind]. */
  indicators: [string, string, string | null, number | null, string | null, string][];
  longTermIndicators?: number;
  description?: (string | null)[];
  basis?: (string | null)[];
  costBreakdown?: [string, number | null, string | null, (number | null)[]][];
}

const families: [string, F.Part[], Expected][] = [
  [
    'seed-2020',
    F.seedTable(1, '316-1201-JBN-AAAA', '养老补贴'),
    {
      template: 'seed-2020',
      code: '316-1201-JBN-AAAA',
      name: '养老补贴',
      agency: '316004南堡开发区社会事业保险局',
      agencyCode: '316004',
      budget: [800, 800, null],
      spendPlan: [25, 50, 75, 100],
      goals: 2,
      longTermGoals: 0,
      indicators: [
        ['补贴人数', '≥12000人', '≥', 12000, '人', 'count'],
        ['项目成本', '≤800万元', '≤', 800, '万元', 'amount'],
        ['参保居民满意度', '≥90%', '≥', 90, '%', 'percent'],
      ],
      description: ['缴费人员', '总成本', '抽样调查'],
    },
  ],
  [
    'hunan',
    F.hunanTable('公交车辆更新', '300.00', '250.00', '50.00'),
    {
      template: 'hunan',
      code: null,
      name: '公交车辆更新',
      agency: '湘潭市某局',
      budget: [300, 250, 50],
      superior: 20,
      period: '2023年1月-2023年12月',
      spendPlan: [null, null, null, null],
      goals: 2,
      longTermGoals: 1,
      indicators: [
        ['配备车辆数', '10辆', null, 10, '辆', 'count'],
        ['控制在预算成本内', '≤250万元', '≤', 250, '万元', 'amount'],
        ['群众出行便利', '有效提升', null, null, null, 'text'],
        ['市民满意度', '≥90%', '≥', 90, '%', 'percent'],
      ],
      description: [null, null, null, null],
      basis: ['计划标准', '计划标准', '计划标准', '行业标准'],
    },
  ],
  [
    'hunan (合计 row, spaced labels)',
    F.hunanTable('公交车辆更新', '300.00', '250.00', '50.00', { sumRow: true, variantLabels: true }),
    {
      template: 'hunan',
      code: null,
      name: '公交车辆更新',
      agency: '湘潭市某局',
      budget: [300, 250, 50],
      superior: 20,
      period: '2023年1月-2023年12月',
      spendPlan: [null, null, null, null],
      goals: 2,
      longTermGoals: 1,
      indicators: [
        ['配备车辆数', '10辆', null, 10, '辆', 'count'],
        ['控制在预算成本内', '≤250万元', '≤', 250, '万元', 'amount'],
        ['群众出行便利', '有效提升', null, null, null, 'text'],
        ['市民满意度', '≥90%', '≥', 90, '%', 'percent'],
      ],
    },
  ],
  ...[false, true].map((labelRow): [string, F.Part[], Expected] => [
    labelRow ? 'core-2021 (labels over values)' : 'core-2021 (one pair a row)',
    F.coreTable('教师培训', '1000.00', '800.00', '200.00', { labelRow }),
    {
      template: 'core-2021',
      code: null,
      name: '教师培训',
      agency: '某市第一中学',
      budget: [1000, 800, 200],
      spendPlan: [null, null, null, null],
      goals: 2,
      longTermGoals: 0,
      indicators: [
        ['设备购置成本', '800', '≤', 800, '万元', 'amount'],
        ['培训人次', '500', '≥', 500, '人次', 'count'],
        ['完成时间', '2023年12月', '≤', 2023, null, 'date'],
        ['教学质量', '达到预期目标', null, null, null, 'text'],
        ['学生满意度', '90', '≥', 90, '%', 'percent'],
      ],
      basis: ['预算支出标准', '计划标准', '计划标准', '其他标准', '行业标准'],
    },
  ]),
  [
    'hubei',
    F.hubeiTable('设备购置', 'EZ-2022-001', '100.00', '80.00', '20.00'),
    {
      template: 'hubei',
      code: 'EZ-2022-001',
      name: '设备购置',
      agency: '鄂州市某中心',
      budget: [100, 80, 20],
      spendPlan: [null, null, null, null],
      goals: 1,
      longTermGoals: 0,
      indicators: [
        ['设备购置数量', '≥10台', '≥', 10, '台', 'count'],
        ['验收合格率', '100%', null, 100, '%', 'percent'],
        ['使用人员满意度', '≥90%', '≥', 90, '%', 'percent'],
      ],
      description: ['按计划购置', '验收合格', '问卷调查'],
      basis: [null, null, null],
      costBreakdown: [
        ['设备购置费', 50, '10台×5万元', [40, 45]],
        ['运行维护费', 50, '按合同', [40, 45]],
      ],
    },
  ],
  [
    'national-2016',
    F.nationalTable('困难救助', '2.00', '2.00', '0.00'),
    {
      template: 'national-2016',
      code: null,
      name: '困难救助',
      agency: '某县民政局',
      agencyCode: '316004',
      budget: [2, 2, 0],
      spendPlan: [null, null, null, null],
      goals: 2,
      longTermGoals: 1,
      indicators: [
        ['救助户数', '≥100户', '≥', 100, '户', 'count'],
        ['发放时间', '2016年12月底前', '≤', 2016, null, 'date'],
        ['无纸化办理', '≥60%', '≥', 60, '%', 'percent'],
        ['具体指标：受益群众满意度', '≥90%', '≥', 90, '%', 'percent'],
      ],
      longTermIndicators: 2,
    },
  ],
];

describe.each(layouts)('%s', (_layout, read) => {
  it.each(families)('%s', (_name, parts, want) => {
    const doc = read(parts);
    expect(doc.diagnostics).toEqual([]);
    expect(doc.projects).toHaveLength(1);
    const p = doc.projects[0];
    expect(p.template).toBe(want.template);
    expect(p.code).toBe(want.code);
    expect(p.name).toBe(want.name);
    expect(p.agency).toBe(want.agency);
    if (want.agencyCode !== undefined) expect(p.agencyCode).toBe(want.agencyCode);
    expect([p.budget.total, p.budget.fiscal, p.budget.other]).toEqual(want.budget);
    expect(p.budget.superior).toBe(want.superior);
    expect(p.implementationPeriod).toBe(want.period);
    expect(p.spendPlan.values.map((v) => v.number)).toEqual(want.spendPlan);
    expect(p.spendPlan.values).toHaveLength(4);
    expect(p.spendPlan.cellOrigins).toHaveLength(4);
    expect(p.goals).toHaveLength(want.goals);
    expect(p.longTermGoals).toHaveLength(want.longTermGoals);
    expect(p.indicators.map((i) => [i.level3, i.value.raw, i.value.op, i.value.number, i.value.unit, i.value.kind])).toEqual(want.indicators);
    expect(p.longTermIndicators).toHaveLength(want.longTermIndicators ?? 0);
    if (want.description) expect(p.indicators.map((i) => i.description)).toEqual(want.description);
    if (want.basis) expect(p.indicators.map((i) => i.basis)).toEqual(want.basis);
    expect(p.costBreakdown.map((c) => [c.item, c.amount, c.basis, c.priorYears.map((y) => y.amount)])).toEqual(want.costBreakdown ?? []);
  });
});

describe('every layout of a family gives the same AST apart from origins', () => {
  it.each(families)('%s', (_name, parts) => {
    const [first, ...rest] = layouts.map(([, read]) => withoutOrigins(read(parts).projects));
    for (const other of rest) expect(other).toEqual(first);
  });
});

describe('a family without a spend plan: four blank values, none present', () => {
  it.each(families.filter(([, , want]) => want.template !== 'seed-2020'))('%s', (_name, parts) => {
    const { spendPlan } = parseBlocks(F.blocks(parts)).projects[0];
    expect(spendPlan).toEqual({
      present: false,
      labels: [],
      values: Array.from({ length: 4 }, () => ({ raw: '', op: null, number: null, unit: null, kind: 'empty' })),
      percentHeader: false,
      origin: null,
      cellOrigins: [null, null, null, null],
    });
  });
});

describe('several projects of one family in one document', () => {
  const documents: [string, F.Part[][]][] = [
    ['seed-2020', [F.seedTable(1, '316-1201-JBN-AAAA', '甲'), F.seedTable(2, '316-1201-JBN-BBBB', '乙'), F.seedTable(3, '316-1201-JBN-CCCC', '丙')]],
    ['hunan', [F.hunanTable('甲', '3.00', '2.00', '1.00'), F.hunanTable('乙', '6.00', '4.00', '2.00'), F.hunanTable('丙', '9.00', '6.00', '3.00')]],
    ['core-2021', [F.coreTable('甲', '3.00', '2.00', '1.00'), F.coreTable('乙', '6.00', '4.00', '2.00', { labelRow: true }), F.coreTable('丙', '9.00', '6.00', '3.00')]],
    ['hubei', [F.hubeiTable('甲', 'A1', '3.00', '2.00', '1.00'), F.hubeiTable('乙', 'A2', '6.00', '4.00', '2.00'), F.hubeiTable('丙', 'A3', '9.00', '6.00', '3.00')]],
    ['national-2016', [F.nationalTable('甲', '3.00', '2.00', '1.00'), F.nationalTable('乙', '6.00', '4.00', '2.00'), F.nationalTable('丙', '9.00', '6.00', '3.00')]],
  ];
  const untitled = (parts: F.Part[]) => parts.filter((p) => typeof p !== 'string');
  for (const [family, tables] of documents) {
    for (const titles of [true, false]) {
      it.each(layouts)(`${family}, ${titles ? 'each table under its title' : 'tables with no title, opening with 项目名称'}: %s`, (_layout, read) => {
        const doc = read(tables.flatMap((t) => (titles ? t : untitled(t))));
        const amounts = (n: number) => (family === 'seed-2020' ? [800, 800, null] : [3 * n, 2 * n, n]);
        expect(doc.projects.map((p) => [p.template, p.name, p.budget.total, p.budget.fiscal, p.budget.other])).toEqual(
          ['甲', '乙', '丙'].map((name, i) => [family, name, ...amounts(i + 1)]),
        );
        const single = parseBlocks(F.blocks(tables[0])).projects[0].indicators.length;
        expect(doc.projects.map((p) => p.indicators.length)).toEqual([single, single, single]);
      });
    }
  }
});

describe('label variants', () => {
  const variants: [string, (s: string) => string][] = [
    ['trailing colons', (s) => s.replace(/^(项目名称|主管部门|实施单位|年度绩效目标)\t/gm, '$1：\t').replace(/\t(其中：财政拨款|其他资金)\t/g, '\t$1：\t')],
    ['half-width brackets', (s) => s.replace('项目资金（万元）', '项目资金(万元)')],
    ['spaced characters', (s) => s.replace(/^项目名称\t/m, '项 目 名 称\t').replace('年度绩效目标', '年 度 绩 效 目 标')],
    ['其中: with a half-width colon', (s) => s.replace('其中：财政拨款', '其中:财政拨款')],
    ['no 其中 prefix', (s) => s.replace('其中：财政拨款', '财政拨款')],
  ];
  it.each(variants)('%s', (_name, change) => {
    const text = change(F.rowPerLine(F.coreTable('教师培训', '1000.00', '800.00', '200.00')));
    const doc = parseText(text);
    expect(doc.diagnostics).toEqual([]);
    const p = doc.projects[0];
    expect(p.template).toBe('core-2021');
    expect([p.name, p.agency, p.budget.total, p.budget.fiscal, p.budget.other, p.goals.length, p.indicators.length]).toEqual(['教师培训', '某市第一中学', 1000, 800, 200, 2, 5]);
  });
});

describe('agency by the labels the family has', () => {
  it('主管部门 when there is no 实施单位', () => {
    const text = F.rowPerLine(F.coreTable('教师培训', '1.00', '1.00', '0.00')).replace('\t实施单位\t某市第一中学', '');
    expect(parseText(text).projects[0].agency).toBe('某市教育局');
  });
});

describe('damage stays in its table', () => {
  it.each(layouts)('a hubei table with a broken grid header does not take the next table: %s', (_layout, read) => {
    const broken = F.hubeiTable('甲', 'A1', '3.00', '2.00', '1.00').map((part) =>
      typeof part === 'string' ? part : part.map((row) => (row[1] === '一级指标' ? ['绩效指标', '一级指标', '三级指标', '二级指标', '绩效标准', '当年预期实现值'] : row)),
    );
    const doc = read([...broken, ...F.hubeiTable('乙', 'A2', '6.00', '4.00', '2.00')]);
    expect(doc.projects.map((p) => p.name)).toEqual(['甲', '乙']);
    expect(doc.diagnostics.filter((d) => d.code === 'parse-error').every((d) => d.projectIndex === 1)).toBe(true);
    expect(doc.diagnostics.some((d) => d.code === 'parse-error')).toBe(true);
    expect(doc.projects[1].indicators.map((i) => i.value.raw)).toEqual(['≥10台', '100%', '≥90%']);
    for (const d of doc.diagnostics) expect(d.message).not.toMatch(/\n/);
  });
});

describe('LibreOffice text: a grid cell of several paragraphs (one line each) does not shift the rows after it', () => {
  const twoParagraphs = (parts: F.Part[], level3: string, column: number, text: string): F.Part[] =>
    parts.map((part) => (typeof part === 'string' ? part : part.map((row) => (row.includes(level3) ? row.map((c, i) => (i === column ? text : c)) : row))));
  const cases: [string, F.Part[]][] = [
    ['seed-2020, 绩效指标描述', twoParagraphs(F.seedTable(1, '316-1201-JBN-AAAA', '养老补贴'), '补贴人数', 3, '缴费人员\n待遇领取人员')],
    ['hubei, 绩效标准 (the description)', twoParagraphs(F.hubeiTable('设备购置', 'A1', '100.00', '80.00', '20.00'), '设备购置数量', 4, '按计划购置\n按时验收')],
    ['hunan, 绩效标准 (the basis)', twoParagraphs(F.hunanTable('公交车辆更新', '300.00', '250.00', '50.00'), '配备车辆数', 5, '计划标准\n行业标准')],
    ['core-2021, two lines of basis', twoParagraphs(F.coreTable('教师培训', '1000.00', '800.00', '200.00'), '培训人次', 7, '计划标准\n历史标准')],
  ];
  it.each(cases)('%s', (_name, parts) => {
    const want = parseBlocks(F.blocks(parts)).projects[0];
    const got = parseText(F.unmarked(parts)).projects[0];
    expect(got.indicators.map((i) => [i.level3, i.description, i.value.raw, i.basis])).toEqual(want.indicators.map((i) => [i.level3, i.description, i.value.raw, i.basis]));
  });
});

describe('goal items written in one paragraph', () => {
  const cases: [string, string[]][] = [
    ['1、完成培训500人次；2、设备购置控制在800万元内', ['1、完成培训500人次；', '2、设备购置控制在800万元内']],
    ['1、覆盖2.5万人；2、满意度90%以上。3、按期完成', ['1、覆盖2.5万人；', '2、满意度90%以上。', '3、按期完成']],
    ['一、保障运行；二、提升服务', ['一、保障运行；', '二、提升服务']],
    ['完成全年任务；2、不是编号开头的一句话', ['完成全年任务；2、不是编号开头的一句话']],
  ];
  it.each(cases)('%s', (cell, items) => {
    const parts = F.coreTable('教师培训', '1.00', '1.00', '0.00').map((part) =>
      typeof part === 'string' ? part : part.map((row) => (row[0] === '年度绩效目标' ? [row[0], cell, ...row.slice(2)] : row)),
    );
    for (const [, read] of layouts) expect(read(parts).projects[0].goals.map((g) => g.text)).toEqual(items);
  });
});

describe('parse output', () => {
  it.each(families)('%s: the JSON view names the template; a missing spend plan is four nulls', (_name, parts, want) => {
    const json = toParseJson(parseBlocks(F.blocks(parts)));
    expect(json.projects[0].template).toBe(want.template);
    expect(json.projects[0].spendPlan).toEqual(want.spendPlan);
  });

  it('a table with none of the families\' labels is unknown, and still read', () => {
    const doc = parseText(F.rowPerLine([[['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '数量指标', '培训人数', '≥200人']]]));
    expect(doc.projects.map((p) => [p.template, p.indicators.map((i) => i.value.raw)])).toEqual([['unknown', ['≥200人']]]);
  });
});

describe('项目预算成本构成 in LibreOffice text', () => {
  const withCells = (changes: Record<string, Record<number, string>>): F.Part[] =>
    F.hubeiTable('设备购置', 'A1', '100.00', '80.00', '20.00').map((part) =>
      typeof part === 'string' ? part : part.map((row) => (changes[row[1]] ? row.map((c, i) => changes[row[1]][i] ?? c) : row)),
    );
  const cases: [string, F.Part[]][] = [
    ['a 测算依据 of two paragraphs', withCells({ 设备购置费: { 3: '10台×5万元\n按市场询价' } })],
    ['a blank 金额', withCells({ 运行维护费: { 2: '' } })],
    ['both', withCells({ 设备购置费: { 3: '10台×5万元\n按市场询价' }, 运行维护费: { 2: '' } })],
  ];
  it.each(cases)('%s', (_name, parts) => {
    const want = parseBlocks(F.blocks(parts)).projects[0].costBreakdown.map((c) => [c.item, c.amount, c.basis, c.priorYears.map((y) => y.amount)]);
    const got = parseText(F.unmarked(parts)).projects[0].costBreakdown.map((c) => [c.item, c.amount, c.basis, c.priorYears.map((y) => y.amount)]);
    expect(got).toEqual(want);
    expect(want).toHaveLength(2);
  });
});
