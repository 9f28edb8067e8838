/**
 * Project CONTENT, independent of any template: what a department means to submit (name, code,
 * budget, spend plan, goals, indicators with typed values, cost items …). The renderers of
 * ./families.ts pour one content into each template family; the truth files hold this content as
 * the generator knows it, never as the parser reads it.
 *
 * Two sources: the seed's own 18 projects (fixtures/seed/seed.docx, read with the library — the
 * seed's template is read exactly), and synthetic projects from a seeded random generator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Operator, ValueKind } from '../../src/ast/types.js';
import { parse } from '../../src/index.js';
import { ROOT } from '../docx-fixtures/seed.js';
import { type Rng } from './rng.js';

/** A 指标值 as the department writes it, with its typed reading. */
export interface ValueSpec {
  /** The value written in one cell, operator and unit included (the seed's 指标值 column): "≥500人次". */
  raw: string;
  op: Operator | null;
  number: number | null;
  unit: string | null;
  kind: ValueKind;
  /**
   * When the value splits into 指标性质 | 指标值 | 度量单位 (core-2021): the operator as written at the
   * start of `raw`, the number as written, and the unit as written at the end. Null when it does not
   * split (dates, durations, texts): core-2021 then writes the operator (if `raw` starts with one) in
   * 指标性质 and the rest in 指标值, or 定性 for a text.
   */
  split: { op: string; num: string; unit: string } | null;
}

export interface IndicatorContent {
  /** Canonical category names (产出指标, 成本指标, 效益指标, 满意度指标; 数量指标 … 服务对象满意度指标). */
  level1: string;
  level2: string;
  level3: string;
  /** 绩效指标描述 / 指标解释. */
  description: string;
  value: ValueSpec;
  /** 指标值确定依据. */
  basis: string;
}

export interface CostItemContent {
  item: string;
  /** 金额 as written (万元, two decimals). */
  amountRaw: string;
  basis: string;
  /** 前两年实际执行数 as written. */
  priorRaw: [string, string];
}

export interface MoneyCell {
  raw: string; // as written ("800.00"; "" when blank)
  value: number | null;
}

export interface ProjectContent {
  /** Where the content came from: `seed:3` (the seed's third project) or `synthetic:<seed>:<n>`. */
  source: string;
  year: number;
  code: string;
  name: string;
  /** 预算单位 name without its code. */
  agency: string;
  agencyCode: string;
  /** 主管部门. */
  dept: string;
  budget: { total: MoneyCell; fiscal: MoneyCell; other: MoneyCell; superior: MoneyCell };
  purpose: string;
  /** 资金支出计划 3月底, 6月底, 10月底, 12月底 as written ("25%", "100", ""). */
  spendPlan: [string, string, string, string];
  /** 项目支出实施期 (湖南). */
  period: string;
  goals: string[];
  longTermGoals: string[];
  indicators: IndicatorContent[];
  longTermIndicators: IndicatorContent[];
  costItems: CostItemContent[];
  safeguards: string;
  review: string;
}

// ---------------------------------------------------------------------------------------------
// Values

/** Builds a value that splits (op + number + unit) from its parts. */
export function splitValue(op: string, num: string, unit: string, kind: ValueKind): ValueSpec {
  return {
    raw: `${op}${num}${unit}`,
    op: (op === '' ? null : op) as Operator | null,
    number: num === '' ? null : Number(num),
    unit: unit === '' ? null : unit,
    kind,
    split: { op, num, unit },
  };
}

/** A value that does not split (date, duration, text), with its typed reading given by the caller. */
export function wholeValue(raw: string, op: Operator | null, number: number | null, unit: string | null, kind: ValueKind): ValueSpec {
  return { raw, op, number, unit, kind, split: null };
}

/** The split of a seed value that reads as op? number unit? (kept null when it does not). */
function splitOf(raw: string, number: number | null, unit: string | null): ValueSpec['split'] {
  const m = /^(≥|≤|>|<|=)?(\d+(?:\.\d+)?)(.*)$/.exec(raw);
  if (!m || number === null || Number(m[2]) !== number) return null;
  if ((m[3] === '' ? null : m[3]) !== unit) return null;
  return { op: m[1] ?? '', num: m[2], unit: m[3] };
}

// ---------------------------------------------------------------------------------------------
// The seed's projects

let seedCache: ProjectContent[] | null = null;

/** The seed's 18 projects as content (read with the library from fixtures/seed/seed.docx). */
export async function seedProjects(): Promise<ProjectContent[]> {
  if (seedCache) return seedCache;
  const path = join(ROOT, 'fixtures/seed/seed.docx');
  const doc = await parse(new Uint8Array(readFileSync(path)), { filePath: path });
  const money = (raw: string | null, value: number | null): MoneyCell => ({ raw: raw ?? '', value });
  seedCache = doc.projects.map((p, i): ProjectContent => {
    const agencyLine = p.agency ?? '';
    const m = /^(\d{6})(.*)$/.exec(agencyLine);
    const indicators = p.indicators.map(
      (ind): IndicatorContent => ({
        level1: ind.level1 ?? '',
        level2: ind.level2 ?? '',
        level3: ind.level3 ?? '',
        description: ind.description ?? '',
        value: {
          raw: ind.value.raw,
          op: ind.value.op,
          number: ind.value.number,
          unit: ind.value.unit,
          kind: ind.value.kind,
          split: splitOf(ind.value.raw, ind.value.number, ind.value.unit),
        },
        basis: ind.basis ?? '',
      }),
    );
    const name = p.name ?? '';
    const plan = p.spendPlan.values.map((v) => v.raw) as [string, string, string, string];
    const total = p.budget.total ?? 0;
    return {
      source: `seed:${i + 1}`,
      year: 2020,
      code: p.code ?? '',
      name,
      agency: m ? m[2] : agencyLine,
      agencyCode: m ? m[1] : '316004',
      dept: '南堡开发区人力资源和社会保障局',
      budget: {
        total: money(p.budget.totalRaw, p.budget.total),
        fiscal: money(p.budget.fiscalRaw, p.budget.fiscal),
        other: money(p.budget.otherRaw, p.budget.other),
        superior: { raw: '0.00', value: 0 },
      },
      purpose: p.purpose ?? '',
      spendPlan: [plan[0] ?? '', plan[1] ?? '', plan[2] ?? '', plan[3] ?? ''],
      period: '2020年1月-2020年12月',
      goals: p.goals.map((g) => g.text),
      longTermGoals: [`1、${name}长效保障机制持续运行`, `2、服务对象获得感逐年提高`],
      indicators,
      longTermIndicators: indicators.slice(0, 3).map((ind) => ({ ...ind, level3: `累计${ind.level3}` })),
      costItems: splitCost(total, name),
      safeguards: '严格执行资金管理办法，专款专用，按进度拨付。',
      review: '同意申报。',
    };
  });
  return seedCache;
}

/** Two cost items adding up to the total (for templates with a 项目预算成本构成 block). */
function splitCost(total: number, name: string): CostItemContent[] {
  const first = Math.round(total * 60) / 100;
  const second = Math.round((total - first) * 100) / 100;
  return [
    { item: `${name.slice(0, 6)}直接支出`, amountRaw: first.toFixed(2), basis: '按上年实际支出测算', priorRaw: [(first * 0.9).toFixed(2), (first * 0.95).toFixed(2)] },
    { item: '其他相关支出', amountRaw: second.toFixed(2), basis: '按标准定额测算', priorRaw: [(second * 0.9).toFixed(2), (second * 0.95).toFixed(2)] },
  ];
}

// ---------------------------------------------------------------------------------------------
// Synthetic projects

const PLACES = ['城区', '全县', '全区', '乡镇', '农村', '社区', '市直', '开发区', '高新区', '县域'];
const SUBJECTS = [
  '道路养护',
  '污水处理设施运行',
  '义务教育学生资助',
  '居家养老服务',
  '基层医疗卫生服务',
  '公共文化服务',
  '农田水利建设',
  '森林防火',
  '食品安全抽检',
  '安全生产监管',
  '职业技能培训',
  '残疾人康复救助',
  '老旧小区改造',
  '河道保洁',
  '社区矫正',
  '农村饮水安全',
  '图书馆免费开放',
  '疾病预防控制',
];
const SUFFIXES = ['专项资金', '补助资金', '运行经费', '项目', '工作经费', '补贴'];
const AGENCIES: [string, string, string][] = [
  ['205001', '县教育局', '县教育局'],
  ['301002', '区卫生健康局', '区卫生健康委员会'],
  ['402003', '市住房和城乡建设局', '市住房和城乡建设局'],
  ['503004', '县农业农村局', '县农业农村局'],
  ['604005', '区民政局', '区民政局'],
  ['705006', '县文化旅游广电局', '县文化旅游广电局'],
  ['806007', '区水利局', '区水利局'],
  ['907008', '县应急管理局', '县应急管理局'],
];
const BASES = ['计划标准', '行业标准', '历史标准', '预算支出标准', '《项目实施方案》', '财政部门认可的其他标准'];
const COUNT_UNITS: [string, string][] = [
  ['培训人次', '人次'],
  ['受益人数', '人'],
  ['购置设备台数', '台'],
  ['建设里程', '公里'],
  ['覆盖户数', '户'],
  ['开展活动场次', '场'],
  ['抽检批数', '批'],
  ['维修点位数', '个'],
  ['发放资料份数', '份'],
];

/**
 * The same value spelled another way departments write it: ASCII or full-width operators (>=, <=, ＝),
 * a full-width ％, or the operator as words (不低于 …, … 以上, 不高于 …, … 以内). The typed reading
 * does not change; the words do not split into 指标性质 | 指标值 | 度量单位.
 */
function respell(rng: Rng, v: ValueSpec): ValueSpec {
  if (!v.split || v.split.num === '') return v;
  const { op, num, unit } = v.split;
  const r = rng.next();
  if (r < 0.06 && (op === '≥' || op === '≤')) return { ...v, raw: `${op === '≥' ? '不低于' : '不高于'}${num}${unit}`, split: null };
  if (r < 0.12 && (op === '≥' || op === '≤')) return { ...v, raw: `${num}${unit}${op === '≥' ? '以上' : '以内'}`, split: null };
  const spelledOp = r < 0.3 ? ({ '≥': '>=', '≤': '<=', '=': '＝' } as Record<string, string>)[op] ?? op : op;
  const spelledUnit = unit === '%' && rng.chance(0.15) ? '％' : unit;
  return { ...v, raw: `${spelledOp}${num}${spelledUnit}`, split: { op: spelledOp, num, unit: spelledUnit } };
}

/** A synthetic indicator of a canonical 一级/二级, with a value of the form that 二级 takes, sometimes spelled another way. */
function syntheticIndicator(rng: Rng, level1: string, level2: string, year: number, budget: number): IndicatorContent {
  const ind = plainIndicator(rng, level1, level2, year, budget);
  return { ...ind, value: respell(rng, ind.value) };
}

function plainIndicator(rng: Rng, level1: string, level2: string, year: number, budget: number): IndicatorContent {
  const basis = rng.pick(BASES);
  const op = (choices: string[]) => rng.pick(choices);
  switch (level2) {
    case '数量指标': {
      const [level3, unit] = rng.pick(COUNT_UNITS);
      const n = String(rng.int(2, 60) * rng.pick([1, 10, 100]));
      return { level1, level2, level3, description: `全年计划完成的${level3.replace(/数$/, '')}`, value: splitValue(op(['≥', '=', '≥', '']), n, unit, 'count'), basis };
    }
    case '质量指标': {
      const level3 = rng.pick(['验收合格率', '补助发放准确率', '设施完好率', '抽检合格率', '培训合格率']);
      const whole = rng.chance(0.2);
      return {
        level1,
        level2,
        level3,
        description: `${level3.replace(/率$/, '')}的比例`,
        value: whole ? splitValue(rng.pick(['=', '']), '100', '%', 'percent') : splitValue('≥', String(rng.pick([90, 95, 96, 98, 99])), '%', 'percent'),
        basis,
      };
    }
    case '时效指标': {
      const form = rng.int(0, 2);
      const level3 = rng.pick(['资金拨付时间', '项目完成时间', '补助发放时限', '问题整改时限']);
      const description = `按要求在规定时间内完成`;
      if (form === 0) {
        const month = rng.pick([6, 9, 10, 11, 12]);
        return { level1, level2, level3, description, value: wholeValue(`${year}年${month}月底前`, '≤', year, null, 'date'), basis };
      }
      if (form === 1) {
        const n = rng.pick([5, 10, 15, 30]);
        return { level1, level2, level3, description, value: wholeValue(`≤${n}个工作日`, '≤', n, '个工作日', 'duration'), basis };
      }
      const n = rng.pick([3, 6]);
      return { level1, level2, level3, description, value: wholeValue(`≤${n}个月`, '≤', n, '个月', 'duration'), basis };
    }
    case '成本指标':
    case '经济成本指标': {
      const level3 = rng.pick(['项目总成本', '设备购置成本', '运行维护成本', '人员经费成本', '材料采购成本']);
      const cap = Math.max(0.5, Math.round(budget * rng.pick([0.3, 0.5, 0.8, 1]) * 100) / 100);
      if (rng.chance(0.25)) {
        const yuan = String(Math.round(cap * 10000));
        return { level1, level2, level3, description: '按预算支出标准控制成本', value: splitValue('≤', yuan, '元', 'amount'), basis: '预算支出标准' };
      }
      const num = Number.isInteger(cap) ? String(cap) : cap.toFixed(2);
      return { level1, level2, level3, description: '按预算支出标准控制成本', value: splitValue('≤', num, '万元', 'amount'), basis: '预算支出标准' };
    }
    case '社会成本指标':
      return { level1, level2, level3: '对周边居民生活的影响', description: '施工及运行对周边的负面影响', value: wholeValue('无明显负面影响', null, null, null, 'text'), basis };
    case '生态环境成本指标':
      return { level1, level2, level3: '能耗增加', description: '较上年能耗的增加', value: splitValue('≤', String(rng.pick([3, 5, 10])), '%', 'percent'), basis };
    case '经济效益指标': {
      const n = String(rng.int(5, 500));
      return { level1, level2, level3: rng.pick(['带动群众增收', '节约运行费用', '带动社会投资']), description: '项目实施带来的经济收益', value: splitValue('≥', n, '万元', 'amount'), basis };
    }
    case '社会效益指标': {
      if (rng.chance(0.5)) {
        return { level1, level2, level3: rng.pick(['政策知晓率', '服务覆盖率', '群众参与率']), description: '抽样调查的比例', value: splitValue('≥', String(rng.pick([80, 85, 90, 95])), '%', 'percent'), basis };
      }
      return { level1, level2, level3: '受益群众人数', description: '直接受益的群众', value: splitValue('≥', String(rng.int(1, 90) * 100), '人', 'count'), basis };
    }
    case '生态效益指标':
      return rng.chance(0.5)
        ? { level1, level2, level3: '新增绿化面积', description: '项目新增的绿化面积', value: splitValue('≥', String(rng.int(5, 90) * 100), '平方米', 'count'), basis }
        : { level1, level2, level3: '污水达标排放率', description: '排放达标的比例', value: splitValue('≥', String(rng.pick([90, 95, 98])), '%', 'percent'), basis };
    case '可持续影响指标':
      return rng.chance(0.5)
        ? { level1, level2, level3: '长效管理机制', description: '建立并执行长效管理制度', value: wholeValue(rng.pick(['健全', '长期', '达到预期目标']), null, null, null, 'text'), basis }
        : { level1, level2, level3: '设施持续使用年限', description: '设施可持续使用的年限', value: ((n: number) => wholeValue(`≥${n}年`, '≥', n, '年', 'duration'))(rng.pick([3, 5, 10])), basis };
    case '服务对象满意度指标': {
      const who = rng.pick(['受益群众', '服务对象', '学生家长', '参保居民', '社区居民', '企业']);
      return { level1, level2, level3: `${who}满意度`, description: `抽样调查${who}的满意程度`, value: splitValue('≥', String(rng.pick([85, 90, 95])), '%', 'percent'), basis };
    }
    default:
      throw new Error(`no synthetic indicator for ${level1}/${level2}`);
  }
}

/** The rows of a synthetic project: legacy (成本 under 产出) or 2021+ (成本 as 一级, placed first or last). */
function syntheticIndicators(rng: Rng, layout: 'legacy' | 'v2021', year: number, budget: number): IndicatorContent[] {
  const rows: IndicatorContent[] = [];
  const add = (l1: string, l2: string, n: number) => {
    for (let i = 0; i < n; i++) rows.push(syntheticIndicator(rng, l1, l2, year, budget));
  };
  const cost = () => {
    add('成本指标', '经济成本指标', rng.int(1, 2));
    if (rng.chance(0.4)) add('成本指标', '社会成本指标', 1);
    if (rng.chance(0.3)) add('成本指标', '生态环境成本指标', 1);
  };
  const costFirst = rng.chance(0.5);
  if (layout === 'v2021' && costFirst) cost();
  add('产出指标', '数量指标', rng.int(1, 3));
  add('产出指标', '质量指标', rng.int(1, 2));
  add('产出指标', '时效指标', rng.int(1, 2));
  if (layout === 'legacy') add('产出指标', '成本指标', rng.int(1, 2));
  if (rng.chance(0.4)) add('效益指标', '经济效益指标', 1);
  add('效益指标', '社会效益指标', rng.int(1, 2));
  if (rng.chance(0.4)) add('效益指标', '生态效益指标', 1);
  if (rng.chance(0.6)) add('效益指标', '可持续影响指标', 1);
  if (layout === 'v2021' && !costFirst) cost();
  add('满意度指标', '服务对象满意度指标', rng.int(1, 2));
  // One 三级 name once per table.
  const seen = new Set<string>();
  for (const r of rows) {
    let name = r.level3;
    for (let k = 2; seen.has(name); k++) name = `${r.level3}（${k}）`;
    r.level3 = name;
    seen.add(name);
  }
  return rows;
}

const GOAL_VERBS = ['完成', '保障', '实现', '提升', '推进'];

/** Formats an amount in 万元 as written in budget cells (two decimals, sometimes none). */
function moneyRaw(v: number, decimals: boolean): string {
  return decimals ? v.toFixed(2) : String(v);
}

/** One synthetic project. `layout` chooses where 成本 goes. */
export function syntheticProject(rng: Rng, n: number, layout: 'legacy' | 'v2021', tag: string): ProjectContent {
  const year = rng.pick([2021, 2022, 2023, 2024]);
  const [agencyCode, agency, dept] = rng.pick(AGENCIES);
  const subject = rng.pick(SUBJECTS);
  const name = `${rng.pick(PLACES)}${subject}${rng.pick(SUFFIXES)}`;
  const totalCents = rng.int(1, 4) === 1 ? rng.int(20, 2000) * 100 : rng.int(100, 99999);
  const total = totalCents / 100;
  const otherCents = rng.chance(0.4) ? Math.floor(totalCents * rng.pick([0.1, 0.2, 0.3, 0.5])) : 0;
  const fiscal = (totalCents - otherCents) / 100;
  const other = otherCents / 100;
  const decimals = Number.isInteger(total) && Number.isInteger(fiscal) && Number.isInteger(other) ? rng.chance(0.7) : true;
  const superior = rng.chance(0.5) ? rng.int(0, 50) * 10 : 0;
  const goalCount = rng.int(1, 5);
  const goals = Array.from({ length: goalCount }, (_, i) => `${i + 1}、${rng.pick(GOAL_VERBS)}${subject}任务，${rng.pick(['覆盖', '服务', '惠及'])}${rng.int(2, 90) * 10}${rng.pick(['户', '人', '个村', '所学校'])}`);
  const longTermGoals = Array.from({ length: rng.int(1, 3) }, (_, i) => `${i + 1}、${subject}长效机制${rng.pick(['健全', '持续运行', '不断完善'])}`);
  const plans: [string, string, string, string][] = [
    ['25%', '50%', '75%', '100%'],
    ['20%', '50%', '80%', '100%'],
    ['30', '60', '90', '100'],
    ['10%', '40%', '70%', '100%'],
  ];
  const costItems: CostItemContent[] = [];
  let left = totalCents;
  const items = rng.int(2, 4);
  const itemNames = rng.shuffle(['设备购置费', '劳务费', '材料费', '运行维护费', '培训费', '宣传费', '委托业务费', '印刷费']);
  for (let i = 0; i < items; i++) {
    const cents = i === items - 1 ? left : Math.floor(left * rng.pick([0.3, 0.4, 0.5]));
    left -= cents;
    const prior = (f: number) => ((cents * f) / 100).toFixed(2);
    costItems.push({
      item: itemNames[i],
      amountRaw: (cents / 100).toFixed(2),
      basis: rng.pick(['按市场询价测算', `${rng.int(2, 20)}台×单价测算`, '按上年实际支出测算', '按定额标准测算']),
      priorRaw: [prior(rng.pick([0.8, 0.9])), prior(rng.pick([0.9, 1]))],
    });
  }
  const indicators = syntheticIndicators(rng, layout, year, total);
  const longTermIndicators = syntheticIndicators(rng, 'legacy', year, total)
    .slice(0, rng.int(3, 5))
    .map((r) => ({ ...r, level3: `累计${r.level3}` }));
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  const code = `${agencyCode.slice(0, 3)}-${rng.pick(['1201', '1401', '0901', '2101', '2301'])}-${rng.pick(['JBN', 'XMZ', 'TZS'])}-${Array.from({ length: 4 }, () => rng.pick([...letters])).join('')}`;
  return {
    source: `synthetic:${tag}:${n}`,
    year,
    code,
    name,
    agency,
    agencyCode,
    dept,
    budget: {
      total: { raw: moneyRaw(total, decimals), value: total },
      fiscal: { raw: moneyRaw(fiscal, decimals), value: fiscal },
      other: other === 0 && rng.chance(0.5) ? { raw: '', value: null } : { raw: moneyRaw(other, decimals), value: other },
      superior: { raw: superior.toFixed(2), value: superior },
    },
    purpose: `用于${subject}的${rng.pick(['日常运行', '设备购置', '人员培训', '工程建设'])}`,
    spendPlan: rng.pick(plans),
    period: `${year}年1月-${year}年12月`,
    goals,
    longTermGoals,
    indicators,
    longTermIndicators,
    costItems,
    safeguards: rng.pick(['建立项目管理制度，专款专用，按进度拨付资金。', '成立领导小组，定期调度，强化绩效监控。']),
    review: rng.pick(['同意申报。', '经审核，同意。']),
  };
}
