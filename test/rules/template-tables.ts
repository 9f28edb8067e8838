/**
 * Small 绩效目标表 texts in the other template families of docs/templates.md (row-per-line layout: one
 * row a line, cells split by TAB), for the rule tests of issue 11. Each builder writes one project
 * table of its family with clean defaults (the seed's first project poured into the form), so a case
 * states only what it is about. The seed's own form is `table()` of rules/shared/example-table.ts.
 */

export type Row = readonly (string | null)[];

function line(cells: Row): string {
  return cells.map((c) => c ?? '').join('\t') + '\t';
}

/** Writes the rows of a grid, blanking a 一级 (and the label column) equal to the row above, as merged cells export. */
function grid(header: Row, rows: readonly Row[], labelColumn: string | null): string[] {
  const out: string[] = [line(labelColumn ? [labelColumn, ...header] : header)];
  let previous: string | null = null;
  for (const r of rows) {
    const cells = [...r];
    const level1 = cells[0] ?? null;
    if (level1 && level1 === previous) cells[0] = '';
    if (level1) previous = level1;
    out.push(line(labelColumn ? ['', ...cells] : cells));
  }
  return out;
}

// ---------------------------------------------------------------------------
// 湖南 项目支出绩效目标申报表 (湘潭 2023): 指标值及单位 holds value and unit; satisfaction is a 二级 under 效益.

/** 一级 | 二级 | 三级 | 指标值及单位 | 绩效标准 (the basis). */
export const HUNAN_ROWS: readonly Row[] = [
  ['产出指标', '数量指标', '补贴发放人数', '≥12000人', '计划标准'],
  ['产出指标', '质量指标', '补贴发放准确率', '≥98%', '行业标准'],
  ['产出指标', '时效指标', '补贴发放完成时间', '2023年12月底前', '计划标准'],
  ['产出指标', '成本指标', '项目总成本', '≤800万元', '计划标准'],
  ['效益指标', '经济效益指标', '领取待遇居民人均增收', '≥600元', '历史标准'],
  ['效益指标', '社会效益指标', '城乡居民养老保险参保率', '≥95%', '历史标准'],
  ['效益指标', '可持续影响指标', '补贴制度持续年限', '≥3年', '计划标准'],
  ['效益指标', '社会公众或服务对象满意度指标', '参保居民满意度', '≥90%', '计划标准'],
];

export interface HunanSpec {
  name?: string;
  agency?: string;
  total?: string;
  fiscal?: string;
  other?: string;
  superior?: string;
  goals?: string;
  longTermGoals?: string;
  rows?: readonly Row[];
}

export function hunanTable(spec: HunanSpec = {}): string {
  const s = {
    name: '城乡居民养老保险区财政补贴',
    agency: '湘潭市某区社会保险事务中心',
    total: '800.00',
    fiscal: '800.00',
    other: '0.00',
    superior: '120.00',
    goals: '1、为12000名参保居民按季度发放缴费补贴和待遇补贴，年底前发放完毕',
    longTermGoals: '1、建立城乡居民养老保险补贴长效机制',
    ...spec,
  };
  return (
    [
      '2023年度项目支出绩效目标申报表',
      line([`填报单位：${s.agency}`, '单位：万元']),
      line(['项目支出名称', s.name]),
      line(['预算部门', s.agency, '项目支出实施期', '2023年1月-2023年12月']),
      line(['年度本级预算金额', s.total, '其中：财政拨款', s.fiscal, '其他资金', s.other]),
      line(['该项目支出上级资金', s.superior]),
      line(['实施期绩效目标', s.longTermGoals]),
      line(['本年度绩效目标', s.goals]),
      ...grid(['一级指标', '二级指标', '三级指标', '指标值及单位', '绩效标准'], spec.rows ?? HUNAN_ROWS, '绩效指标'),
    ].join('\n') + '\n'
  );
}

// ---------------------------------------------------------------------------
// 财预〔2021〕101号 core-indicator table: 指标性质 | 指标值 | 度量单位 in their own columns, 成本 as 一级.

/** 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 | 指标值设定依据及数据来源. */
export const CORE_ROWS: readonly Row[] = [
  ['成本指标', '经济成本指标', '项目总成本', '≤', '800', '万元', '预算支出标准'],
  ['产出指标', '数量指标', '补贴发放人数', '≥', '12000', '人', '计划标准'],
  ['产出指标', '质量指标', '补贴发放准确率', '≥', '98', '%', '行业标准'],
  ['产出指标', '时效指标', '补贴发放完成时间', '≤', '12', '月', '计划标准'],
  ['效益指标', '社会效益指标', '城乡居民养老保险参保率', '≥', '95', '%', '历史标准'],
  ['效益指标', '可持续影响指标', '补贴制度持续年限', '定性', '长期有效', '', '计划标准'],
  ['满意度指标', '服务对象满意度指标', '参保居民满意度', '≥', '90', '%', '计划标准'],
];

export interface CoreSpec {
  code?: string | null;
  name?: string;
  total?: string;
  fiscal?: string;
  other?: string;
  goals?: string;
  rows?: readonly Row[];
}

export function coreTable(spec: CoreSpec = {}): string {
  const s = {
    name: '城乡居民养老保险区财政补贴',
    total: '800.00',
    fiscal: '800.00',
    other: '0.00',
    goals: '1、为12000名参保居民按季度发放缴费补贴和待遇补贴，年底前发放完毕',
    ...spec,
  };
  return (
    [
      '项目支出绩效目标表',
      '（2022年度）',
      line(['项目名称', s.name]),
      ...(spec.code !== undefined ? [line(['项目编码', spec.code])] : []),
      line(['主管部门', '某区人力资源和社会保障局', '实施单位', '某区社会保险事务中心']),
      line(['项目资金（万元）', '年度资金总额', s.total]),
      line(['', '其中：财政拨款', s.fiscal]),
      line(['', '其他资金', s.other]),
      line(['年度绩效目标', s.goals]),
      ...grid(['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '指标值设定依据及数据来源'], spec.rows ?? CORE_ROWS, '绩效指标'),
    ].join('\n') + '\n'
  );
}

// ---------------------------------------------------------------------------
// 湖北 (鄂州 2022): 项目预算成本构成 block, 绩效标准 (description) | 当年预期实现值 (value), trailing rows.

/** 一级 | 二级 | 三级 | 绩效标准 | 当年预期实现值. */
export const HUBEI_ROWS: readonly Row[] = [
  ['产出指标', '数量指标', '补贴发放人数', '为参保居民发放补贴的人数', '≥12000人'],
  ['产出指标', '质量指标', '补贴发放准确率', '按标准核定并发放补贴的准确程度', '≥98%'],
  ['产出指标', '时效指标', '补贴发放完成时间', '补贴按季度发放', '2022年12月底前'],
  ['产出指标', '成本指标', '项目总成本', '全年补贴支出总额', '≤800万元'],
  ['效益指标', '社会效益指标', '城乡居民养老保险参保率', '适龄居民参加养老保险的比例', '≥95%'],
  ['满意度指标', '服务对象满意度指标', '参保居民满意度', '抽样调查参保居民的满意程度', '≥90%'],
];

/** 成本项目 | 金额 | 测算依据 | 2020年实际执行数 | 2021年实际执行数. */
export const HUBEI_COSTS: readonly Row[] = [
  ['缴费补贴', '500.00', '10000人×500元', '450.00', '480.00'],
  ['待遇补贴', '300.00', '2000人×1500元', '280.00', '290.00'],
];

export interface HubeiSpec {
  code?: string;
  name?: string;
  total?: string;
  fiscal?: string;
  other?: string;
  goals?: string;
  costs?: readonly Row[];
  /** The 合计 row of the cost block; default: the sum of the items. */
  costTotal?: string;
  rows?: readonly Row[];
}

export function hubeiTable(spec: HubeiSpec = {}): string {
  const s = {
    code: '420701-2022-0001',
    name: '城乡居民养老保险区财政补贴',
    total: '800.00',
    fiscal: '800.00',
    other: '0.00',
    goals: '1、为12000名参保居民按季度发放缴费补贴和待遇补贴，年底前发放完毕',
    ...spec,
  };
  const costs = spec.costs ?? HUBEI_COSTS;
  const costTotal = spec.costTotal ?? costs.reduce((n, r) => n + Number(r[1] ?? 0), 0).toFixed(2);
  return (
    [
      '2022年项目支出绩效目标表',
      line(['项目名称', s.name, '项目编码', s.code]),
      line(['主管部门', '鄂州市某区人力资源和社会保障局', '实施单位', '某区社会保险事务中心']),
      line(['预算金额', s.total, '其中：财政拨款', s.fiscal, '其他资金', s.other]),
      line(['项目预算成本构成', '成本项目', '金额', '测算（公式）依据', '2020年实际执行数', '2021年实际执行数']),
      ...costs.map((r) => line(['', ...r])),
      line(['', '合计', costTotal, '', '', '']),
      line(['年度绩效目标', s.goals]),
      ...grid(['一级指标', '二级指标', '三级指标', '绩效标准', '当年预期实现值'], spec.rows ?? HUBEI_ROWS, '绩效指标'),
      line(['保障绩效目标实现措施', '按季度拨付资金，专款专用']),
      line(['主管部门审核意见', '同意']),
    ].join('\n') + '\n'
  );
}

// ---------------------------------------------------------------------------
// 2016 national 申报表: "资金总额：…" in one cell, 长期 and 年度 blocks, 环境效益指标, 具体指标.

/** 一级 | 二级 | 指标内容 | 指标值 | 备注. */
export const NATIONAL_ROWS: readonly Row[] = [
  ['产出指标', '数量指标', '补贴发放人数', '≥12000人', ''],
  ['产出指标', '质量指标', '补贴发放准确率', '≥98%', ''],
  ['产出指标', '时效指标', '补贴发放完成时间', '2016年12月底前', ''],
  ['产出指标', '成本指标', '项目总成本', '≤800万元', ''],
  ['效益指标', '社会效益指标', '城乡居民养老保险参保率', '≥95%', ''],
  ['效益指标', '环境效益指标', '生活垃圾无害化处理率', '≥95%', ''],
  ['满意度指标', '服务对象满意度指标', '具体指标：参保居民满意度', '≥90%', ''],
];

export interface NationalSpec {
  name?: string;
  total?: string;
  fiscal?: string;
  other?: string;
  goals?: string;
  longTermRows?: readonly Row[];
  rows?: readonly Row[];
}

export function nationalTable(spec: NationalSpec = {}): string {
  const s = {
    name: '城乡居民养老保险区财政补贴',
    total: '800.00',
    fiscal: '800.00',
    other: '0.00',
    goals: '1、为12000名参保居民按季度发放缴费补贴和待遇补贴，年底前发放完毕',
    ...spec,
  };
  const header = ['一级指标', '二级指标', '指标内容', '指标值', '备注'];
  return (
    [
      '项目支出绩效目标申报表',
      '（2016年度）',
      line(['项目名称', s.name]),
      line(['主管部门编码', '316004', '主管部门', '某县人力资源和社会保障局']),
      line(['项目资金（万元）', `资金总额：${s.total}`, `其中：财政拨款：${s.fiscal}`, `其他资金：${s.other}`]),
      line(['长期目标', '1、建立城乡居民养老保险补贴长效机制']),
      line(['年度目标', s.goals]),
      '长期绩效指标',
      ...grid(header, spec.longTermRows ?? [['产出指标', '数量指标', '参保人数', '≥60000人', '']], null),
      '年度绩效指标',
      ...grid(header, spec.rows ?? NATIONAL_ROWS, null),
    ].join('\n') + '\n'
  );
}
