/**
 * Builds small 绩效目标表 texts in the row-per-line layout (one row a line, cells split by TAB, as in
 * fixtures/seed/seed-rows.txt), for rule docs examples and rule tests. Every field has a clean
 * default (a seed project corrected by hand), so an example states only what it is about.
 */

/** One indicator row: 一级, 二级, 三级, 绩效指标描述, 指标值, 指标值确定依据 (extra cells are kept). */
export type IndicatorRow = readonly (string | null)[];

export interface TableSpec {
  /** The N in "N、…绩效目标表"; set by `tables()` when omitted. */
  ordinal?: number;
  /** Table title; default `<name>绩效目标表`. */
  title?: string;
  /** 预算单位 line. */
  agency?: string;
  /** Money unit cell of the header line. */
  moneyUnit?: string;
  /** 项目编码; null or '' writes a blank cell. */
  code?: string | null;
  /** 项目名称. */
  name?: string | null;
  /** 预算数 / 其中：财政资金 / 其他资金 (万元). */
  budget?: string | number | null;
  fiscal?: string | number | null;
  other?: string | number | null;
  /** 资金用途. */
  purpose?: string | null;
  /** 资金支出计划 month-end labels. */
  spendPlanLabels?: readonly string[];
  /** 资金支出计划 values; null leaves out both spend-plan rows. */
  spendPlan?: readonly (string | null)[] | null;
  /** 绩效目标 items (one string, or one string per line). */
  goals?: string | readonly string[] | null;
  /** Indicator grid header. */
  header?: readonly string[];
  /** Indicator rows; a 一级 equal to the row above is written blank, as a merged cell is exported. */
  indicators?: readonly IndicatorRow[];
}

/** A correct legacy-layout table (成本 under 产出): every exact rule is silent on it. */
export const CLEAN_INDICATORS: readonly IndicatorRow[] = [
  ['产出指标', '数量指标', '补贴发放人数', '为参保居民发放缴费补贴和待遇补贴的人数', '≥12000人', '计划标准'],
  ['产出指标', '质量指标', '补贴发放准确率', '按标准核定并发放补贴的准确程度', '≥98%', '行业标准'],
  ['产出指标', '时效指标', '补贴发放完成时间', '补贴按季度发放，年底前发放完毕', '2020年12月底前', '计划标准'],
  ['产出指标', '成本指标', '项目总成本', '全年补贴支出总额', '≤800万元', '预算支出标准'],
  ['效益指标', '经济效益指标', '领取待遇居民人均增收', '领取待遇居民的年人均增收', '≥600元', '历史标准'],
  ['效益指标', '社会效益指标', '城乡居民养老保险参保率', '适龄居民参加养老保险的比例', '≥95%', '历史标准'],
  ['效益指标', '可持续影响指标', '补贴制度持续年限', '补贴按年度制度化发放的年限', '≥3年', '计划标准'],
  ['满意度指标', '服务对象满意度指标', '参保居民满意度', '抽样调查参保居民对补贴发放的满意程度', '≥90%', '计划标准'],
];

/** The 2021+ layout of the same table (成本 as 一级 with 经济成本指标). */
export const CLEAN_INDICATORS_2021: readonly IndicatorRow[] = [
  ['成本指标', '经济成本指标', '项目总成本', '全年补贴支出总额', '≤800万元', '预算支出标准'],
  ...CLEAN_INDICATORS.filter((r) => r[1] !== '成本指标'),
];

const DEFAULTS = {
  agency: '316004南堡开发区社会事业保险局',
  moneyUnit: '单位：万元',
  code: '316-1201-JBN-WMEB',
  name: '城乡居民养老保险区财政补贴',
  budget: '800.00',
  fiscal: '800.00',
  other: '',
  purpose: '城乡居民养老缴费补贴及待遇补贴',
  spendPlanLabels: ['3月底', '6月底', '10月底', '12月底'],
  spendPlan: ['25%', '50%', '75%', '100%'],
  goals: ['1、为12000名参保居民按季度发放缴费补贴和待遇补贴，年底前发放完毕'],
  header: ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
};

function cell(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/** A row: cells split by TAB, with the trailing TAB Word writes. */
function row(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(cell).join('\t') + '\t';
}

/** The text of one table (row-per-line layout). */
export function table(spec: TableSpec = {}): string {
  const s = { ...DEFAULTS, ...spec };
  const ordinal = spec.ordinal ?? 1;
  const name = spec.name === undefined ? DEFAULTS.name : spec.name;
  const title = spec.title ?? `${name ?? ''}绩效目标表`;
  const goals = s.goals === null ? [''] : typeof s.goals === 'string' ? [s.goals] : [...s.goals];
  const lines: string[] = [
    `${ordinal}、${title}`,
    row([s.agency, s.moneyUnit]),
    row(['项目编码', s.code, '项目名称', name]),
    row(['预算规模及资金用途', '预算数', s.budget, '其中：财政资金', s.fiscal, '其他资金', s.other]),
    row(['', s.purpose]),
  ];
  if (s.spendPlan !== null) {
    lines.push(row(['资金支出计划（%）', ...s.spendPlanLabels]));
    lines.push(row(['', ...s.spendPlan]));
  }
  lines.push(row(['绩效目标', goals.join('\n')]));
  lines.push(row(s.header));
  const indicators = spec.indicators ?? CLEAN_INDICATORS;
  let previousLevel1: string | null = null;
  for (const r of indicators) {
    const cells = [...r];
    const level1 = cells[0] ?? null;
    if (level1 && level1 === previousLevel1) cells[0] = '';
    if (level1) previousLevel1 = level1;
    lines.push(row(cells));
  }
  return lines.join('\n') + '\n';
}

/** Several tables in one document, numbered 1、2、… in order. */
export function tables(...specs: TableSpec[]): string {
  return specs.map((spec, i) => table({ ordinal: i + 1, ...spec })).join('');
}

/** Replaces the rows of `CLEAN_INDICATORS` whose 三级 is `level3` (or appends rows), for short examples. */
export function withRows(
  replacements: Record<string, IndicatorRow | null>,
  base: readonly IndicatorRow[] = CLEAN_INDICATORS,
): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  for (const r of base) {
    const key = r[2] ?? '';
    if (key in replacements) {
      const rep = replacements[key];
      if (rep) out.push(rep);
    } else out.push(r);
  }
  return out;
}
