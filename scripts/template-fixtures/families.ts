/**
 * The five template families of docs/templates.md, each a renderer from project content
 * (./content.ts) to a format-neutral document (paragraphs and tables of cells with explicit spans
 * and vertical merges), together with the truth: the facts the generator KNOWS it wrote.
 *
 * The source template of each family (docs/templates.md, docs/taxonomy.md §2):
 * - `seed-2020`: 河北/唐山 2020, the seed's own form: unit line 单位：万元, 项目编码 | 项目名称,
 *   预算规模及资金用途 (预算数, 其中：财政资金, 其他资金, 资金用途), 资金支出计划（%） 3月底 … 12月底,
 *   绩效目标, grid 一级 | 二级 | 三级 | 绩效指标描述 | 指标值 | 指标值确定依据.
 * - `hunan`: 湖南 项目支出绩效目标申报表 (湘潭 2023, 宁乡 2021): 项目支出名称, 预算部门,
 *   项目支出实施期, 年度本级预算金额 (其中：财政拨款, 其他资金; or a 合计 row of labels over values),
 *   该项目支出上级资金, 实施期绩效目标, 本年度绩效目标, grid [绩效指标 |] 一级 | 二级 | 三级 |
 *   指标值及单位 (value and unit in one cell) | 绩效标准 (= basis); satisfaction as the 二级
 *   社会公众或服务对象满意度指标 under 效益指标; no 项目编码, no spend plan, no 描述.
 * - `core-2021`: 财预〔2021〕101号 core-indicator 项目支出绩效目标表: optional 项目编码, 项目名称,
 *   主管部门 | 实施单位, 项目资金（万元） with 年度资金总额 / 其中：财政拨款 / 其他资金 (stacked
 *   label | value rows, or labels over values), 年度绩效目标, grid [绩效指标 |] 一级 | 二级 | 三级 |
 *   指标性质 | 指标值 | 度量单位 | 指标值设定依据及数据来源; 成本指标 a 一级, first or last.
 * - `hubei`: 湖北 项目支出绩效目标表 (鄂州 2022): 项目名称 | 项目编码, 主管部门 | 实施单位,
 *   预算金额 | 其中：财政拨款 | 其他资金, a 项目预算成本构成 block (成本项目 | 金额 | 测算（公式）依据 |
 *   two prior years' 实际执行数, then 合计), 年度绩效目标, grid [绩效指标 |] 一级 | 二级 | 三级 |
 *   绩效标准 (= description) | 当年预期实现值 (= value), then 保障绩效目标实现措施 and 主管部门审核意见.
 * - `national-2016`: 2016 national 项目支出绩效目标申报表 (佳县 2016): 项目名称, 主管部门编码 |
 *   主管部门, 项目资金（万元） with "资金总额：2.00" | "其中：财政拨款：2.00" | "其他资金：0.00" each in one
 *   cell, 长期目标, 年度目标, a 长期绩效指标 block then a 年度绩效指标 block (heads as a row or as a
 *   paragraph between tables), grid 一级 | 二级 | 指标内容 | 指标值 | 备注; 环境效益指标 for 生态效益指标;
 *   satisfaction as 满意度指标 | 服务对象满意度指标 | 具体指标：… or 服务对象满意度指标 | 具体指标 | ….
 */
import type { ValueKind } from '../../src/ast/types.js';
import type { IndicatorContent, ProjectContent } from './content.js';
import type { Rng } from './rng.js';

export const FAMILIES = ['seed-2020', 'hunan', 'core-2021', 'hubei', 'national-2016'] as const;
export type Family = (typeof FAMILIES)[number];

export const FAMILY_SOURCES: Record<Family, string> = {
  'seed-2020': '河北/唐山 2020 项目支出绩效目标表 (the seed\'s own form): 项目编码, 预算规模及资金用途, 资金支出计划（%）, 绩效指标描述 | 指标值 | 指标值确定依据',
  hunan: '湖南 项目支出绩效目标申报表 (湘潭 2023, 宁乡 2021): 项目支出名称, 年度本级预算金额, 该项目支出上级资金, 实施期/本年度绩效目标, 指标值及单位 | 绩效标准; satisfaction under 效益指标',
  'core-2021': '财预〔2021〕101号 core-indicator 项目支出绩效目标表: 主管部门 | 实施单位, 项目资金（万元） 年度资金总额 / 财政拨款 / 其他资金, 指标性质 | 指标值 | 度量单位, 成本指标 as 一级 first or last',
  hubei: '湖北 项目支出绩效目标表 (鄂州 2022): 项目名称 | 项目编码, 预算金额, 项目预算成本构成 block, 绩效标准 (description) | 当年预期实现值 (value), 保障措施 and 审核意见 rows',
  'national-2016': '2016 national 项目支出绩效目标申报表 (佳县 2016): "资金总额：2.00" in one cell, 主管部门编码, 长期目标 / 年度目标, 长期绩效指标 and 年度绩效指标 blocks, 指标内容, 环境效益指标, 具体指标',
};

// ---------------------------------------------------------------------------------------------
// The format-neutral document

/** A cell: text ("\n" separates paragraphs), grid columns spanned, vertical merge, and the typed number Excel stores. */
export interface CellSpec {
  text: string;
  span?: number;
  vmerge?: 'restart' | 'continue';
  /** In .xlsx the cell holds this number with this format, which Excel displays exactly as `text`. */
  num?: { value: number; format: string };
}
export type DocBlock = { kind: 'para'; text: string } | { kind: 'table'; width: number; rows: CellSpec[][] };

/** How a document arranges its tables: drawn at random per document from the seed number. */
export interface Variant {
  /** Label spelling: as printed, with a trailing colon, spaced out (项 目 名 称), or half-width brackets. */
  labels: 'plain' | 'colon' | 'spaced' | 'halfwidth';
  /** Budget as label | value pairs in one row, or a row of labels over a row of values. */
  budget: 'pairs' | 'stacked';
  /** A merged 绩效指标 label column before 一级指标. */
  labelColumn: boolean;
  /** 二级 cells merged down their group too (not only 一级). */
  mergeLevel2: boolean;
  /** core-2021: the optional 项目编码 row. */
  codeRow: boolean;
  /** national-2016: 长期绩效指标 / 年度绩效指标 as a row of the table, or as a paragraph between tables. */
  blockHeads: 'row' | 'paragraph';
  /** national-2016: satisfaction as 满意度指标 | 服务对象满意度指标 | 具体指标：…, or 服务对象满意度指标 | 具体指标 | …. */
  satisfaction2016: 'level2' | 'specific';
  /** hunan: 填报单位 and 单位：万元 as one paragraph or as two. */
  unitLine: 'one' | 'two';
  /** seed-2020: the unit line (<code><预算单位> 单位：万元) as the table's first row of cells, or as a paragraph. */
  seedUnitLine: 'cells' | 'paragraph';
  /** Goal items one paragraph each, or in one paragraph separated by ；(the seed's form is one a paragraph). */
  goals: 'lines' | 'inline';
  /** .xlsx: all projects stacked on one sheet, or one project per sheet. */
  xlsx: 'stacked' | 'per-sheet';
}

export function drawVariant(rng: Rng, family: Family): Variant {
  return {
    labels: family === 'seed-2020' ? 'plain' : rng.pick(['plain', 'colon', 'spaced', 'halfwidth'] as const),
    budget: family === 'seed-2020' || family === 'national-2016' ? 'pairs' : rng.pick(['pairs', 'stacked'] as const),
    labelColumn: family === 'seed-2020' || family === 'national-2016' ? false : rng.chance(0.5),
    mergeLevel2: family === 'seed-2020' ? false : rng.chance(0.5),
    codeRow: family === 'core-2021' ? rng.chance(0.5) : false,
    blockHeads: rng.pick(['row', 'paragraph'] as const),
    satisfaction2016: rng.pick(['level2', 'specific'] as const),
    unitLine: rng.pick(['one', 'two'] as const),
    xlsx: rng.pick(['stacked', 'per-sheet'] as const),
    seedUnitLine: rng.pick(['cells', 'paragraph'] as const),
    goals: family === 'seed-2020' ? 'lines' : rng.pick(['lines', 'inline'] as const),
  };
}

// ---------------------------------------------------------------------------------------------
// Truth

export interface ValueTruth {
  /** The 指标值 cell as written in this template (core-2021: the 指标值 column alone). */
  raw: string;
  op: string | null;
  number: number | null;
  unit: string | null;
  kind: ValueKind;
}

export interface ProjectTruth {
  template: Family;
  /** Where the content came from (seed:N or synthetic:…). */
  source: string;
  code: string | null;
  name: string;
  budget: { total: number | null; fiscal: number | null; other: number | null; superior: number | null };
  /** 3月底 … 12月底 as written, or four nulls when the template has no spend plan. */
  spendPlan: [string | null, string | null, string | null, string | null];
  goalCount: number;
  longTermGoalCount: number;
  /** Every annual indicator row, in table order. */
  indicators: ValueTruth[];
  longTermIndicatorCount: number;
  costItems: { item: string; amount: number }[];
}

/** What the bench needs besides the truth: per annual row, whether core-2021 marked it 定性. */
export interface RenderedProject {
  blocks: DocBlock[];
  truth: ProjectTruth;
  qualitativeRows: boolean[];
  sheetName: string;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The typed number Excel would store for a cell that is a plain number or percent (so it displays as written). */
export function numCell(text: string): CellSpec {
  let m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (m) return { text, num: { value: Number(text), format: m[2] ? `0.${'0'.repeat(m[2].length)}` : '0' } };
  m = /^(\d+)(?:\.(\d+))?%$/.exec(text);
  if (m) {
    const digits = m[2]?.length ?? 0;
    const value = Number((Number(text.slice(0, -1)) / 100).toFixed(digits + 2));
    return { text, num: { value, format: digits ? `0.${'0'.repeat(digits)}%` : '0%' } };
  }
  return { text };
}

const t = (text: string, span = 1): CellSpec => (span > 1 ? { text, span } : { text });
const restart = (text: string, span = 1): CellSpec => ({ text, vmerge: 'restart', ...(span > 1 ? { span } : {}) });
const cont = (span = 1): CellSpec => ({ text: '', vmerge: 'continue', ...(span > 1 ? { span } : {}) });

/** Makes the last cell of each row span what is left of the table's width. */
function fill(width: number, rows: CellSpec[][]): CellSpec[][] {
  return rows.map((row) => {
    const used = row.reduce((s, c) => s + (c.span ?? 1), 0);
    if (used > width) throw new Error(`row wider than ${width}: ${row.map((c) => c.text).join('|')}`);
    if (used === width) return row;
    const last = row[row.length - 1];
    return [...row.slice(0, -1), { ...last, span: (last.span ?? 1) + width - used }];
  });
}

function labelOf(variant: Variant, label: string): string {
  switch (variant.labels) {
    case 'colon':
      return `${label}：`;
    case 'spaced':
      return /^[\u4e00-\u9fff]{2,4}$/.test(label) ? [...label].join(' ') : label;
    case 'halfwidth':
      return label.replace(/（/g, '(').replace(/）/g, ')');
    default:
      return label;
  }
}

/**
 * An indicator grid: header and rows of cells; the first `merged` columns (一级, and 二级 when the
 * variant says) merge down their group; an optional 绩效指标 label column merges down the whole grid.
 */
function grid(header: string[], rows: string[][], mergeCols: number, labelColumn: boolean, numericCols: number[]): CellSpec[][] {
  const out: CellSpec[][] = [header.map((h) => t(h))];
  rows.forEach((row, r) => {
    out.push(
      row.map((text, c) => {
        if (c < mergeCols) {
          const same = (a: string[] | undefined) => !!a && a.slice(0, c + 1).every((v, k) => v === row[k]) && text !== '';
          if (r > 0 && same(rows[r - 1])) return cont();
          if (same(rows[r + 1])) return restart(text);
        }
        return numericCols.includes(c) ? numCell(text) : t(text);
      }),
    );
  });
  if (!labelColumn) return out;
  return out.map((row, r) => [r === 0 ? restart('绩效指标') : cont(), ...row]);
}

const goalsText = (goals: string[], v: Variant): string => goals.join(v.goals === 'inline' ? '；' : '\n');

/** core-2021's three cells for a value: 指标性质, 指标值, 度量单位. */
function coreValueCells(ind: IndicatorContent): { nature: string; value: string; unit: string } {
  const v = ind.value;
  if (v.split) return { nature: v.split.op, value: v.split.num, unit: v.split.unit };
  const m = /^(≥|≤|>|<|=)(.*)$/.exec(v.raw);
  if (m) return { nature: m[1], value: m[2], unit: '' };
  if (v.kind === 'text') return { nature: '定性', value: v.raw, unit: '' };
  return { nature: '', value: v.raw, unit: '' };
}

function valueTruth(ind: IndicatorContent, raw: string): ValueTruth {
  return { raw, op: ind.value.op, number: ind.value.number, unit: ind.value.unit, kind: ind.value.kind };
}

function sheetNameOf(n: number, name: string): string {
  return `${n}${name}`.replace(/[\\/?*[\]:]/g, '').slice(0, 31);
}

// ---------------------------------------------------------------------------------------------
// Content adapted to a family before it is rendered (the same adapted content is rendered in the
// seed's template for the bench's rule truth)

/** Legacy 成本 rows (产出 / 成本指标) become the 2021 一级 成本指标 / 经济成本指标, moved first or last. */
export function adaptContent(content: ProjectContent, family: Family, rng: Rng): ProjectContent {
  if (family !== 'core-2021') return content;
  const isLegacyCost = (r: IndicatorContent) => r.level2 === '成本指标' && r.level1 === '产出指标';
  if (!content.indicators.some(isLegacyCost)) return content;
  const cost = content.indicators.filter(isLegacyCost).map((r) => ({ ...r, level1: '成本指标', level2: '经济成本指标' }));
  const rest = content.indicators.filter((r) => !isLegacyCost(r));
  return { ...content, indicators: rng.chance(0.5) ? [...cost, ...rest] : [...rest, ...cost] };
}

// ---------------------------------------------------------------------------------------------
// Renderers

function baseTruth(family: Family, c: ProjectContent): Omit<ProjectTruth, 'indicators'> {
  return {
    template: family,
    source: c.source,
    code: null,
    name: c.name,
    budget: { total: c.budget.total.value, fiscal: c.budget.fiscal.value, other: c.budget.other.value, superior: null },
    spendPlan: [null, null, null, null],
    goalCount: c.goals.length,
    longTermGoalCount: 0,
    longTermIndicatorCount: 0,
    costItems: [],
  };
}

function renderSeed(c: ProjectContent, n: number, v: Variant): RenderedProject {
  const W = 7;
  const unit = `${c.agencyCode}${c.agency}`;
  const rows: CellSpec[][] = [
    ...(v.seedUnitLine === 'cells' ? [[t(unit, 4), t('单位：万元', 3)]] : []),
    [t('项目编码'), t(c.code), t('项目名称'), t(c.name)],
    [restart('预算规模及资金用途'), t('预算数'), numCell(c.budget.total.raw), t('其中：财政资金'), numCell(c.budget.fiscal.raw), t('其他资金'), numCell(c.budget.other.raw)],
    [cont(), t(c.purpose)],
    [restart('资金支出计划（%）'), t('3月底'), t('6月底'), t('10月底'), t('12月底')],
    [cont(), ...c.spendPlan.map(numCell)],
    [t('绩效目标'), t(goalsText(c.goals, v))],
    ...grid(
      ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
      c.indicators.map((r) => [r.level1, r.level2, r.level3, r.description, r.value.raw, r.basis]),
      v.mergeLevel2 ? 2 : 1,
      false,
      [4],
    ),
  ];
  return {
    blocks: [
      { kind: 'para', text: `${n}、${c.name}绩效目标表` },
      ...(v.seedUnitLine === 'paragraph' ? [{ kind: 'para' as const, text: `${unit}　　　　　　　　单位：万元` }] : []),
      { kind: 'table', width: W, rows: fill(W, rows) },
    ],
    truth: {
      ...baseTruth('seed-2020', c),
      code: c.code,
      spendPlan: [...c.spendPlan],
      indicators: c.indicators.map((r) => valueTruth(r, r.value.raw)),
    },
    qualitativeRows: c.indicators.map(() => false),
    sheetName: sheetNameOf(n, c.name),
  };
}

/** 湖南: satisfaction is the 二级 社会公众或服务对象满意度指标 under 效益指标. */
function hunanCategories(r: IndicatorContent): [string, string] {
  if (r.level1 === '满意度指标' && r.level2 === '服务对象满意度指标') return ['效益指标', '社会公众或服务对象满意度指标'];
  return [r.level1, r.level2];
}

function renderHunan(c: ProjectContent, n: number, v: Variant): RenderedProject {
  const W = 6;
  const L = (s: string) => labelOf(v, s);
  const budget: CellSpec[][] =
    v.budget === 'pairs'
      ? [[t(L('年度本级预算金额')), numCell(c.budget.total.raw), t('其中：财政拨款'), numCell(c.budget.fiscal.raw), t('其他资金'), numCell(c.budget.other.raw)]]
      : [
          [restart(L('年度本级预算金额')), t('合计'), t('其中：财政拨款'), t('其他资金')],
          [cont(), numCell(c.budget.total.raw), numCell(c.budget.fiscal.raw), numCell(c.budget.other.raw)],
        ];
  const rows: CellSpec[][] = [
    [t(L('项目支出名称')), t(c.name)],
    [t(L('预算部门')), t(c.agency), t(L('项目支出实施期')), t(c.period)],
    ...budget,
    [t(L('该项目支出上级资金')), numCell(c.budget.superior.raw)],
    [t(L('实施期绩效目标')), t(goalsText(c.longTermGoals, v))],
    [t(L('本年度绩效目标')), t(goalsText(c.goals, v))],
    ...grid(
      ['一级指标', '二级指标', '三级指标', '指标值及单位', '绩效标准'],
      c.indicators.map((r) => [...hunanCategories(r), r.level3, r.value.raw, r.basis]),
      v.mergeLevel2 ? 2 : 1,
      v.labelColumn,
      [3],
    ),
  ];
  const head: DocBlock[] =
    v.unitLine === 'one'
      ? [{ kind: 'para', text: `填报单位：${c.agency}　　　　单位：万元` }]
      : [
          { kind: 'para', text: `填报单位：${c.agency}` },
          { kind: 'para', text: '单位：万元' },
        ];
  return {
    blocks: [{ kind: 'para', text: `${c.year}年度项目支出绩效目标申报表` }, ...head, { kind: 'table', width: W, rows: fill(W, rows) }],
    truth: {
      ...baseTruth('hunan', c),
      budget: { ...baseTruth('hunan', c).budget, superior: c.budget.superior.value },
      longTermGoalCount: c.longTermGoals.length,
      indicators: c.indicators.map((r) => valueTruth(r, r.value.raw)),
    },
    qualitativeRows: c.indicators.map(() => false),
    sheetName: sheetNameOf(n, c.name),
  };
}

function renderCore(c: ProjectContent, n: number, v: Variant): RenderedProject {
  const W = 8;
  const L = (s: string) => labelOf(v, s);
  const budget: CellSpec[][] =
    v.budget === 'pairs'
      ? [
          [restart(L('项目资金（万元）')), t(L('年度资金总额')), numCell(c.budget.total.raw)],
          [cont(), t('其中：财政拨款'), numCell(c.budget.fiscal.raw)],
          [cont(), t('其他资金'), numCell(c.budget.other.raw)],
        ]
      : [
          [restart(L('项目资金（万元）')), t(L('年度资金总额')), t('其中：财政拨款'), t('其他资金')],
          [cont(), numCell(c.budget.total.raw), numCell(c.budget.fiscal.raw), numCell(c.budget.other.raw)],
        ];
  const cells = c.indicators.map(coreValueCells);
  const rows: CellSpec[][] = [
    ...(v.codeRow ? [[t(L('项目编码')), t(c.code)]] : []),
    [t(L('项目名称')), t(c.name)],
    [t(L('主管部门')), t(c.dept, 3), t(L('实施单位')), t(c.agency)],
    ...budget,
    [t(L('年度绩效目标')), t(goalsText(c.goals, v))],
    ...grid(
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '指标值设定依据及数据来源'],
      c.indicators.map((r, i) => [r.level1, r.level2, r.level3, cells[i].nature, cells[i].value, cells[i].unit, r.basis]),
      v.mergeLevel2 ? 2 : 1,
      v.labelColumn,
      [4],
    ),
  ];
  return {
    blocks: [
      { kind: 'para', text: '项目支出绩效目标表' },
      { kind: 'para', text: `（${c.year}年度）` },
      { kind: 'table', width: W, rows: fill(W, rows) },
    ],
    truth: {
      ...baseTruth('core-2021', c),
      code: v.codeRow ? c.code : null,
      indicators: c.indicators.map((r, i) => valueTruth(r, cells[i].value)),
    },
    qualitativeRows: cells.map((x) => x.nature === '定性'),
    sheetName: sheetNameOf(n, c.name),
  };
}

function renderHubei(c: ProjectContent, n: number, v: Variant): RenderedProject {
  const W = 6;
  const L = (s: string) => labelOf(v, s);
  const budget: CellSpec[][] =
    v.budget === 'pairs'
      ? [[t(L('预算金额')), numCell(c.budget.total.raw), t('其中：财政拨款'), numCell(c.budget.fiscal.raw), t('其他资金'), numCell(c.budget.other.raw)]]
      : [
          [t(L('预算金额')), t('其中：财政拨款'), t('其他资金')],
          [numCell(c.budget.total.raw), numCell(c.budget.fiscal.raw), numCell(c.budget.other.raw)],
        ];
  const sum = (f: (i: (typeof c.costItems)[number]) => string) => (c.costItems.reduce((s, i) => s + Math.round(Number(f(i)) * 100), 0) / 100).toFixed(2);
  const cost: CellSpec[][] = [
    [restart(L('项目预算成本构成')), t('成本项目'), t('金额'), t('测算（公式）依据'), t(`${c.year - 2}年实际执行数`), t(`${c.year - 1}年实际执行数`)],
    ...c.costItems.map((i) => [cont(), t(i.item), numCell(i.amountRaw), t(i.basis), numCell(i.priorRaw[0]), numCell(i.priorRaw[1])]),
    [cont(), t('合计'), numCell(sum((i) => i.amountRaw)), t(''), numCell(sum((i) => i.priorRaw[0])), numCell(sum((i) => i.priorRaw[1]))],
  ];
  const rows: CellSpec[][] = [
    [t(L('项目名称')), t(c.name, 3), t(L('项目编码')), t(c.code)],
    [t(L('主管部门')), t(c.dept, 3), t(L('实施单位')), t(c.agency)],
    ...budget,
    ...cost,
    [t(L('年度绩效目标')), t(goalsText(c.goals, v))],
    ...grid(
      ['一级指标', '二级指标', '三级指标', '绩效标准', '当年预期实现值'],
      c.indicators.map((r) => [r.level1, r.level2, r.level3, r.description, r.value.raw]),
      v.mergeLevel2 ? 2 : 1,
      v.labelColumn,
      [4],
    ),
    [t(L('保障绩效目标实现措施')), t(c.safeguards)],
    [t(L('主管部门审核意见')), t(c.review)],
  ];
  return {
    blocks: [
      { kind: 'para', text: `${c.year}年项目支出绩效目标表` },
      { kind: 'table', width: W, rows: fill(W, rows) },
    ],
    truth: {
      ...baseTruth('hubei', c),
      code: c.code,
      indicators: c.indicators.map((r) => valueTruth(r, r.value.raw)),
      costItems: c.costItems.map((i) => ({ item: i.item, amount: Number(i.amountRaw) })),
    },
    qualitativeRows: c.indicators.map(() => false),
    sheetName: sheetNameOf(n, c.name),
  };
}

/** 2016: 生态效益指标 was 环境效益指标; satisfaction takes one of the two 2016 spellings. */
function categories2016(r: IndicatorContent, v: Variant): [string, string, string] {
  if (r.level2 === '生态效益指标') return [r.level1, '环境效益指标', r.level3];
  if (r.level1 === '满意度指标' && r.level2 === '服务对象满意度指标') {
    return v.satisfaction2016 === 'level2' ? ['满意度指标', '服务对象满意度指标', `具体指标：${r.level3}`] : ['服务对象满意度指标', '具体指标', r.level3];
  }
  return [r.level1, r.level2, r.level3];
}

function render2016(c: ProjectContent, n: number, v: Variant): RenderedProject {
  const W = 5;
  const L = (s: string) => labelOf(v, s);
  const money = (label: string, cell: { raw: string }) => t(`${label}：${cell.raw}`);
  const header = ['一级指标', '二级指标', '指标内容', '指标值', '备注'];
  const rowsOf = (list: IndicatorContent[]) => list.map((r) => [...categories2016(r, v), r.value.raw, '']);
  const top: CellSpec[][] = [
    [t(L('项目名称')), t(c.name)],
    [t(L('主管部门编码')), t(c.agencyCode), t(L('主管部门')), t(c.dept)],
    [t(L('项目资金（万元）')), money('资金总额', c.budget.total), money('其中：财政拨款', c.budget.fiscal), money('其他资金', c.budget.other)],
    [t(L('长期目标')), t(goalsText(c.longTermGoals, v))],
    [t(L('年度目标')), t(goalsText(c.goals, v))],
  ];
  const longGrid = grid(header, rowsOf(c.longTermIndicators), v.mergeLevel2 ? 2 : 1, false, [3]);
  const annualGrid = grid(header, rowsOf(c.indicators), v.mergeLevel2 ? 2 : 1, false, [3]);
  const tableBlocks: DocBlock[] =
    v.blockHeads === 'row'
      ? [{ kind: 'table', width: W, rows: fill(W, [...top, [t('长期绩效指标', W)], ...longGrid, [t('年度绩效指标', W)], ...annualGrid]) }]
      : [
          { kind: 'table', width: W, rows: fill(W, top) },
          { kind: 'para', text: '长期绩效指标' },
          { kind: 'table', width: W, rows: fill(W, longGrid) },
          { kind: 'para', text: '年度绩效指标' },
          { kind: 'table', width: W, rows: fill(W, annualGrid) },
        ];
  return {
    blocks: [{ kind: 'para', text: '项目支出绩效目标申报表' }, { kind: 'para', text: `（${c.year}年度）` }, ...tableBlocks],
    truth: {
      ...baseTruth('national-2016', c),
      longTermGoalCount: c.longTermGoals.length,
      longTermIndicatorCount: c.longTermIndicators.length,
      indicators: c.indicators.map((r) => valueTruth(r, r.value.raw)),
    },
    qualitativeRows: c.indicators.map(() => false),
    sheetName: sheetNameOf(n, c.name),
  };
}

/** Renders the n-th (1-based) project of a document in a family's template. */
export function renderProject(family: Family, content: ProjectContent, n: number, variant: Variant): RenderedProject {
  switch (family) {
    case 'seed-2020':
      return renderSeed(content, n, variant);
    case 'hunan':
      return renderHunan(content, n, variant);
    case 'core-2021':
      return renderCore(content, n, variant);
    case 'hubei':
      return renderHubei(content, n, variant);
    case 'national-2016':
      return render2016(content, n, variant);
  }
}

/** The variant the seed's own template is always drawn with (for the bench's rule truth). */
export const SEED_VARIANT: Variant = {
  labels: 'plain',
  budget: 'pairs',
  labelColumn: false,
  mergeLevel2: false,
  codeRow: false,
  blockHeads: 'row',
  satisfaction2016: 'level2',
  unitLine: 'one',
  xlsx: 'stacked',
  seedUnitLine: 'cells',
  goals: 'lines',
};
