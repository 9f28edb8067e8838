/**
 * Red-team documents for issue 11: each template family (docs/templates.md) in arrangements real
 * forms use but scripts/template-fixtures/ never generates (labels in another order, 项目名称 and
 * 项目编码 on separate rows, amounts in 元 or with thousands separators, blank 其他资金, 湖南 with 指标值
 * and 计量单位 in two columns, core-2021 with 权重 / 备注 columns, 湖北 without or with three prior
 * years, 2016 with only the annual block or with 中期目标, several projects without titles, 一级
 * repeated on every row, blank rows, notes after the table, header fields and grid as two tables …),
 * each with the facts the targets name.
 *
 * A document is written as parts: a string is a paragraph outside any table, a Row[] a table; in a
 * row `〃` continues a vertical merge from the cell above and `←` a horizontal one from the left.
 * scripts/make-templates-variants.ts renders each case as Word row-per-line text (.rpl.txt), .docx,
 * .xlsx and LibreOffice text (.lo.txt) under fixtures/templates-variants/.
 */
import type { ProjectTruth, ValueTruth } from '../scripts/template-fixtures/families.js';

export type Row = string[];
export type Part = string | Row[];

export const VARIANT_FORMATS = ['rpl.txt', 'docx', 'xlsx', 'lo.txt'] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number];

export interface VariantCase {
  id: string;
  family: ProjectTruth['template'];
  /** The arrangement of the real form this case copies, and how it differs from the generator's. */
  arrangement: string;
  parts: Part[];
  expect: ProjectTruth[];
  /** Extra facts: the 预算单位 read, per project. */
  agency?: (string | null)[];
  /** Formats this case is committed and tested in (all by default). */
  formats?: VariantFormat[];
  /** .xlsx only: one sheet per listed part index (each sheet from that part to the next). */
  sheets?: number[];
  /** .docx (and its LibreOffice text) only: the rows of table `part` from `fromRow` on nested in one 绩效指标 cell. */
  nestedGrid?: { part: number; fromRow: number };
  /** Why the parser does not read it yet: such a case is neither committed as fixtures nor tested. */
  pending?: string;
}

const v = (raw: string, op: string | null, number: number | null, unit: string | null, kind: ValueTruth['kind']): ValueTruth => ({ raw, op, number, unit, kind });

function truth(t: Partial<ProjectTruth> & Pick<ProjectTruth, 'template' | 'name' | 'indicators'>): ProjectTruth {
  return {
    source: 'red-team',
    code: null,
    budget: { total: null, fiscal: null, other: null, superior: null },
    spendPlan: [null, null, null, null],
    goalCount: 0,
    longTermGoalCount: 0,
    longTermIndicatorCount: 0,
    costItems: [],
    ...t,
  };
}
const money = (total: number | null, fiscal: number | null, other: number | null, superior: number | null = null) => ({ total, fiscal, other, superior });

/** Pads a row to the table's width by extending its last cell. */
const wide = (width: number, ...cells: string[]): Row => [...cells, ...Array(Math.max(0, width - cells.length)).fill('←')];

// ---------------------------------------------------------------------------------------------
// 湖南 (湘潭 2023)

const HN_W = 6;
const hnGridHeader = (labelColumn = false): Row => [...(labelColumn ? ['绩效指标'] : []), '一级指标', '二级指标', '三级指标', '指标值及单位', '绩效标准'];
const hnRows: Row[] = [
  ['产出指标', '数量指标', '养护里程', '≥120公里', '计划标准'],
  ['〃', '质量指标', '验收合格率', '100%', '行业标准'],
  ['〃', '时效指标', '完成时间', '2023年12月底前', '计划标准'],
  ['〃', '成本指标', '养护成本', '≤250万元', '预算支出标准'],
  ['效益指标', '社会效益指标', '通行条件', '明显改善', '计划标准'],
  ['〃', '社会公众或服务对象满意度指标', '沿线群众满意度', '≥90%', '行业标准'],
];
const hnValues = [
  v('≥120公里', '≥', 120, '公里', 'count'),
  v('100%', null, 100, '%', 'percent'),
  v('2023年12月底前', '≤', 2023, null, 'date'),
  v('≤250万元', '≤', 250, '万元', 'amount'),
  v('明显改善', null, null, null, 'text'),
  v('≥90%', '≥', 90, '%', 'percent'),
];
const hnName = '农村公路养护项目';
const hnHead = (name: string): Row[] => [wide(HN_W, '项目支出名称', name)];
const hnAgency = (): Row => wide(HN_W, '预算部门', '湘潭县交通运输局', '←', '项目支出实施期', '2023年1月-2023年12月');
const hnBudget = (t: string, f: string, o: string): Row => ['年度本级预算金额', t, '其中：财政拨款', f, '其他资金', o];
const hnSuperior = (s: string): Row => wide(HN_W, '该项目支出上级资金', s);
const hnGoals = (): Row[] => [
  wide(HN_W, '实施期绩效目标', '1、全县农村公路列养率100%\n2、路况持续改善'),
  wide(HN_W, '本年度绩效目标', '1、完成养护里程120公里\n2、验收合格率100%\n3、群众满意度90%以上'),
];
const hnTruth = (over: Partial<ProjectTruth> = {}): ProjectTruth =>
  truth({ template: 'hunan', name: hnName, budget: money(250, 200, 50, 30), goalCount: 3, longTermGoalCount: 2, indicators: hnValues, ...over });
const hnTitle = ['2023年度项目支出绩效目标申报表', '填报单位：湘潭县交通运输局　　　　单位：万元'];

const hunan: VariantCase[] = [
  {
    id: 'hunan-agency-first',
    family: 'hunan',
    arrangement: '预算部门 row above 项目支出名称 (宁乡 2021 prints the department first)',
    parts: [...hnTitle, [hnAgency(), ...hnHead(hnName), hnBudget('250.00', '200.00', '50.00'), hnSuperior('30.00'), ...hnGoals(), hnGridHeader(), ...hnRows]],
    expect: [hnTruth()],
    agency: ['湘潭县交通运输局'],
  },
  {
    id: 'hunan-value-unit-columns',
    family: 'hunan',
    arrangement: '指标值 and 计量单位 in two columns instead of 指标值及单位',
    parts: [
      ...hnTitle,
      [
        ...hnHead(hnName).map((r) => [...r, '←']),
        [...hnAgency(), '←'],
        [...hnBudget('250.00', '200.00', '50.00'), '←'],
        [...hnSuperior('30.00'), '←'],
        ...hnGoals().map((r) => [...r, '←']),
        ['一级指标', '二级指标', '三级指标', '指标值', '计量单位', '绩效标准', '←'],
        ['产出指标', '数量指标', '养护里程', '≥120', '公里', '计划标准', '←'],
        ['〃', '质量指标', '验收合格率', '100', '%', '行业标准', '←'],
        ['〃', '成本指标', '养护成本', '≤250', '万元', '预算支出标准', '←'],
        ['效益指标', '社会公众或服务对象满意度指标', '沿线群众满意度', '≥90', '%', '行业标准', '←'],
      ],
    ],
    expect: [
      hnTruth({
        indicators: [v('≥120', '≥', 120, '公里', 'count'), v('100', null, 100, '%', 'percent'), v('≤250', '≤', 250, '万元', 'amount'), v('≥90', '≥', 90, '%', 'percent')],
      }),
    ],
  },
  {
    id: 'hunan-yuan-thousands',
    family: 'hunan',
    arrangement: 'amounts in 元 (单位：元) with thousands separators',
    parts: [
      '2023年度项目支出绩效目标申报表',
      '填报单位：湘潭县交通运输局　　　　单位：元',
      [...hnHead(hnName), hnAgency(), hnBudget('2,500,000.00', '2,000,000.00', '500,000.00'), hnSuperior('300,000.00'), ...hnGoals(), hnGridHeader(), ...hnRows],
    ],
    expect: [hnTruth()],
  },
  {
    id: 'hunan-thousands-wan',
    family: 'hunan',
    arrangement: 'amounts in 万元 with thousands separators (1,250.00)',
    parts: [...hnTitle, [...hnHead(hnName), hnAgency(), hnBudget('1,250.00', '1,000.00', '250.00'), hnSuperior('1,030.50'), ...hnGoals(), hnGridHeader(), ...hnRows]],
    expect: [hnTruth({ budget: money(1250, 1000, 250, 1030.5) })],
  },
  {
    id: 'hunan-blank-other-no-superior',
    family: 'hunan',
    arrangement: '其他资金 left blank, no 上级资金 row',
    parts: [...hnTitle, [...hnHead(hnName), hnAgency(), hnBudget('250.00', '250.00', ''), ...hnGoals(), hnGridHeader(), ...hnRows]],
    expect: [hnTruth({ budget: money(250, 250, null, null) })],
  },
  {
    id: 'hunan-level1-every-row',
    family: 'hunan',
    arrangement: '一级 repeated on every row (not merged), blank rows in the grid, 填报说明 and 单位（盖章） after the table',
    parts: [
      ...hnTitle,
      [
        ...hnHead(hnName),
        hnAgency(),
        hnBudget('250.00', '200.00', '50.00'),
        hnSuperior('30.00'),
        ...hnGoals(),
        hnGridHeader(),
        ...hnRows.map((r, i) => (r[0] === '〃' ? [i < 4 ? '产出指标' : '效益指标', ...r.slice(1)] : r)),
        ['', '', '', '', ''],
        ['', '', '', '', ''],
      ],
      '填报说明：1、指标值及单位须量化；2、绩效标准填计划标准、行业标准或历史标准。',
      '单位（盖章）：　　　　　　　　　　填报人：　　　　联系电话：',
    ],
    expect: [hnTruth()],
  },
  {
    id: 'hunan-two-projects-no-title',
    family: 'hunan',
    arrangement: 'two projects, tables one after the other with no title paragraphs',
    parts: [
      [...hnHead(hnName), hnAgency(), hnBudget('250.00', '200.00', '50.00'), hnSuperior('30.00'), ...hnGoals(), hnGridHeader(), ...hnRows],
      [...hnHead('乡村客运补贴'), hnAgency(), hnBudget('80.00', '80.00', '0.00'), hnSuperior('0.00'), ...hnGoals(), hnGridHeader(), ...hnRows.slice(0, 2)],
    ],
    expect: [hnTruth(), hnTruth({ name: '乡村客运补贴', budget: money(80, 80, 0, 0), indicators: hnValues.slice(0, 2) })],
  },
  {
    id: 'hunan-two-tables',
    family: 'hunan',
    arrangement: 'the header fields one table, the indicator grid (with a 绩效指标 label column) a second table',
    parts: [
      ...hnTitle,
      [...hnHead(hnName), hnAgency(), hnBudget('250.00', '200.00', '50.00'), hnSuperior('30.00'), ...hnGoals()],
      [hnGridHeader(true), ...hnRows.map((r) => ['〃', ...r])],
    ],
    expect: [hnTruth()],
  },
  {
    id: 'hunan-satisfaction-level1',
    family: 'hunan',
    arrangement: '满意度指标 as a 一级 of its own (some 湖南 counties), 二级 merged down',
    parts: [
      ...hnTitle,
      [
        ...hnHead(hnName),
        hnAgency(),
        hnBudget('250.00', '200.00', '50.00'),
        hnSuperior('30.00'),
        ...hnGoals(),
        hnGridHeader(),
        ['产出指标', '数量指标', '养护里程', '≥120公里', '计划标准'],
        ['〃', '〃', '养护桥梁', '≥3座', '计划标准'],
        ['满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥90%', '行业标准'],
      ],
    ],
    expect: [hnTruth({ indicators: [hnValues[0], v('≥3座', '≥', 3, '座', 'count'), hnValues[5]] })],
  },
  {
    id: 'hunan-budget-labels-over-values',
    family: 'hunan',
    arrangement: 'a row of budget labels (no 合计) over a row of amounts',
    parts: [
      ...hnTitle,
      [
        ...hnHead(hnName),
        hnAgency(),
        wide(HN_W, '年度本级预算金额', '←', '其中：财政拨款', '←', '其他资金'),
        wide(HN_W, '250.00', '←', '200.00', '←', '50.00'),
        hnSuperior('30.00'),
        ...hnGoals(),
        hnGridHeader(),
        ...hnRows,
      ],
    ],
    expect: [hnTruth()],
  },
  {
    id: 'hunan-title-rows-in-table',
    family: 'hunan',
    arrangement: 'title and 填报单位 / 单位：万元 as merged rows inside the table (as Excel exports print them)',
    parts: [
      [
        wide(HN_W, '2023年度项目支出绩效目标申报表'),
        wide(HN_W, '填报单位：湘潭县交通运输局', '←', '←', '单位：万元'),
        ...hnHead(hnName),
        hnAgency(),
        hnBudget('250.00', '200.00', '50.00'),
        hnSuperior('30.00'),
        ...hnGoals(),
        hnGridHeader(),
        ...hnRows,
      ],
    ],
    expect: [hnTruth()],
  },
  {
    id: 'hunan-goals-circled-inline',
    family: 'hunan',
    arrangement: 'goal items numbered ①②③ inside one paragraph',
    parts: [
      ...hnTitle,
      [
        ...hnHead(hnName),
        hnAgency(),
        hnBudget('250.00', '200.00', '50.00'),
        hnSuperior('30.00'),
        wide(HN_W, '实施期绩效目标', '①全县农村公路列养率100%；②路况持续改善。'),
        wide(HN_W, '本年度绩效目标', '①完成养护里程120公里；②验收合格率100%；③群众满意度90%以上。'),
        hnGridHeader(),
        ...hnRows,
      ],
    ],
    expect: [hnTruth()],
  },
  {
    id: 'hunan-labels-broken-over-lines',
    family: 'hunan',
    arrangement: 'labels wrapped onto two lines in narrow cells (项目支出\\n名称, 年度本级\\n预算金额 …), 其他资金 written "/"',
    parts: [
      ...hnTitle,
      [
        wide(HN_W, '项目支出\n名称', hnName),
        wide(HN_W, '预算\n部门', '湘潭县交通运输局', '←', '项目支出\n实施期', '2023年1月-2023年12月'),
        ['年度本级\n预算金额', '250.00', '其中：\n财政拨款', '250.00', '其他\n资金', '/'],
        wide(HN_W, '该项目支出\n上级资金', '30.00'),
        wide(HN_W, '实施期绩效\n目标', '1、全县农村公路列养率100%\n2、路况持续改善'),
        wide(HN_W, '本年度绩效\n目标', '1、完成养护里程120公里\n2、验收合格率100%\n3、群众满意度90%以上'),
        ['一级\n指标', '二级\n指标', '三级\n指标', '指标值\n及单位', '绩效\n标准'],
        ...hnRows,
      ],
    ],
    expect: [hnTruth({ budget: money(250, 250, null, 30) })],
  },
  {
    id: 'hunan-extra-header-rows',
    family: 'hunan',
    arrangement: 'extra header rows real forms carry (项目属性, 项目类别, 联系人 / 联系电话) between the labelled fields',
    parts: [
      ...hnTitle,
      [
        ...hnHead(hnName),
        wide(HN_W, '项目属性', '延续性项目', '←', '项目类别', '其他运转类'),
        hnAgency(),
        wide(HN_W, '联系人', '张三', '←', '联系电话', '0731-58888888'),
        hnBudget('250.00', '200.00', '50.00'),
        hnSuperior('30.00'),
        ...hnGoals(),
        hnGridHeader(),
        ...hnRows,
      ],
    ],
    expect: [hnTruth()],
  },
  {
    id: 'hunan-goal-blank-lines-agency-title',
    family: 'hunan',
    arrangement: 'goal items separated by empty paragraphs; the title prefixed with the department (湘潭县交通运输局2023年度…申报表)',
    parts: [
      '湘潭县交通运输局2023年度项目支出绩效目标申报表',
      '单位：万元',
      [
        ...hnHead(hnName),
        hnAgency(),
        hnBudget('250.00', '200.00', '50.00'),
        hnSuperior('30.00'),
        wide(HN_W, '实施期绩效目标', '1、全县农村公路列养率100%\n\n2、路况持续改善'),
        wide(HN_W, '本年度绩效目标', '1、完成养护里程120公里\n\n2、验收合格率100%\n\n3、群众满意度90%以上\n'),
        hnGridHeader(),
        ...hnRows,
      ],
    ],
    expect: [hnTruth()],
  },
  {
    id: 'hunan-blank-cells-between',
    formats: ['rpl.txt', 'docx', 'xlsx'],
    family: 'hunan',
    arrangement: 'unmerged blank cells between each label and its value (Excel forms laid out on a fine grid)',
    parts: [
      ...hnTitle,
      [
        ['项目支出名称', '', hnName, '', '', '', ''],
        ['预算部门', '', '湘潭县交通运输局', '', '项目支出实施期', '2023年1月-2023年12月', ''],
        ['年度本级预算金额', '', '250.00', '其中：财政拨款', '200.00', '其他资金', '50.00'],
        ['该项目支出上级资金', '', '30.00', '', '', '', ''],
        ['实施期绩效目标', '', '1、全县农村公路列养率100%\n2、路况持续改善', '', '', '', ''],
        ['本年度绩效目标', '', '1、完成养护里程120公里\n2、验收合格率100%\n3、群众满意度90%以上', '', '', '', ''],
        hnGridHeader(),
        ...hnRows,
      ],
    ],
    expect: [hnTruth()],
  },
  {
    id: 'hunan-budget-labels-with-unit',
    family: 'hunan',
    arrangement: 'budget labels carrying their unit: 年度本级预算金额（万元）, 其中：财政拨款（万元）, 该项目支出上级资金（万元）',
    parts: [
      ...hnTitle,
      [
        ...hnHead(hnName),
        hnAgency(),
        ['年度本级预算金额（万元）', '250.00', '其中：财政拨款（万元）', '200.00', '其他资金（万元）', '50.00'],
        wide(HN_W, '该项目支出上级资金（万元）', '30.00'),
        ...hnGoals(),
        hnGridHeader(),
        ...hnRows,
      ],
    ],
    expect: [hnTruth()],
  },
];

// ---------------------------------------------------------------------------------------------
// core-2021 (财预〔2021〕101号)

const C_W = 8;
const cName = '中小学教师培训项目';
const cHeader: Row = ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '指标值设定依据及数据来源'];
const cRows: Row[] = [
  ['成本指标', '经济成本指标', '培训成本', '≤', '800', '万元', '预算支出标准'],
  ['产出指标', '数量指标', '培训人次', '≥', '500', '人次', '计划标准'],
  ['〃', '质量指标', '考核合格率', '≥', '95', '%', '行业标准'],
  ['〃', '时效指标', '完成时间', '≤', '2023年12月', '', '计划标准'],
  ['效益指标', '社会效益指标', '教学质量', '定性', '有所提升', '', '其他标准'],
  ['满意度指标', '服务对象满意度指标', '参训教师满意度', '≥', '90', '%', '行业标准'],
];
const cValues = [
  v('800', '≤', 800, '万元', 'amount'),
  v('500', '≥', 500, '人次', 'count'),
  v('95', '≥', 95, '%', 'percent'),
  v('2023年12月', '≤', 2023, null, 'date'),
  v('有所提升', null, null, null, 'text'),
  v('90', '≥', 90, '%', 'percent'),
];
const cNameRow = (name: string): Row => wide(C_W, '项目名称', name);
const cDept = (): Row[] => [wide(C_W, '主管部门', '某市教育局', '←', '←', '实施单位', '某市教师发展中心')];
const cBudget = (t: string, f: string, o: string, section = '项目资金（万元）'): Row[] => [
  wide(C_W, section, '年度资金总额', '←', t),
  wide(C_W, '〃', '其中：财政拨款', '←', f),
  wide(C_W, '〃', '其他资金', '←', o),
];
const cGoals = (): Row => wide(C_W, '年度绩效目标', '1、培训教师500人次\n2、考核合格率95%以上');
const cTruth = (over: Partial<ProjectTruth> = {}): ProjectTruth =>
  truth({ template: 'core-2021', name: cName, budget: money(800, 700, 100), goalCount: 2, indicators: cValues, ...over });
const cTitle = ['项目支出绩效目标表', '（2023年度）'];

const core: VariantCase[] = [
  {
    id: 'core-unit-before-dept',
    family: 'core-2021',
    arrangement: '实施单位 before 主管部门, 项目编码 on its own row after 项目名称',
    parts: [
      ...cTitle,
      [
        cNameRow(cName),
        wide(C_W, '项目编码', '2023-JY-0017'),
        wide(C_W, '实施单位', '某市教师发展中心', '←', '←', '主管部门', '某市教育局'),
        ...cBudget('800.00', '700.00', '100.00'),
        cGoals(),
        cHeader,
        ...cRows,
      ],
    ],
    expect: [cTruth({ code: '2023-JY-0017' })],
    agency: ['某市教师发展中心'],
  },
  {
    id: 'core-weight-remark-columns',
    family: 'core-2021',
    arrangement: 'extra 权重（%） column before 指标值设定依据 and a 备注 column at the end',
    parts: [
      ...cTitle,
      [
        ...[cNameRow(cName), ...cDept(), ...cBudget('800.00', '700.00', '100.00'), cGoals()].map((r) => [...r, '←', '←']),
        ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重（%）', '指标值设定依据及数据来源', '备注', '←'].slice(0, 10),
        ...cRows.map((r) => [...r.slice(0, 6), '10', r[6], '', '←']),
      ],
    ],
    expect: [cTruth()],
  },
  {
    id: 'core-nature-spellings',
    family: 'core-2021',
    arrangement: '指标性质 written >=, ＜=, 大于等于, 等于, 定性 with the unit blank',
    parts: [
      ...cTitle,
      [
        cNameRow(cName),
        ...cDept(),
        ...cBudget('800.00', '700.00', '100.00'),
        cGoals(),
        cHeader,
        ['成本指标', '经济成本指标', '培训成本', '＜=', '800', '万元', '预算支出标准'],
        ['产出指标', '数量指标', '培训人次', '>=', '500', '人次', '计划标准'],
        ['〃', '质量指标', '考核合格率', '大于等于', '95', '%', '行业标准'],
        ['〃', '数量指标', '培训班次', '等于', '10', '期', '计划标准'],
        ['效益指标', '社会效益指标', '教学质量', '定性', '优', '', '其他标准'],
      ],
    ],
    expect: [cTruth({ indicators: [cValues[0], cValues[1], cValues[2], v('10', '=', 10, '期', 'count'), v('优', null, null, null, 'text')] })],
  },
  {
    id: 'core-direction-words',
    family: 'core-2021',
    arrangement: '指标性质 written 正向 / 反向 (some provincial systems): 正向 is ≥, 反向 is ≤',
    parts: [
      ...cTitle,
      [
        cNameRow(cName),
        ...cDept(),
        ...cBudget('800.00', '700.00', '100.00'),
        cGoals(),
        cHeader,
        ['成本指标', '经济成本指标', '培训成本', '反向', '800', '万元', '预算支出标准'],
        ['产出指标', '数量指标', '培训人次', '正向', '500', '人次', '计划标准'],
      ],
    ],
    expect: [cTruth({ indicators: [cValues[0], cValues[1]] })],
  },
  {
    id: 'core-yuan-section',
    family: 'core-2021',
    arrangement: '项目资金（元） with amounts in 元 and thousands separators',
    parts: [...cTitle, [cNameRow(cName), ...cDept(), ...cBudget('8,000,000.00', '7,000,000.00', '1,000,000.00', '项目资金（元）'), cGoals(), cHeader, ...cRows]],
    expect: [cTruth()],
  },
  {
    id: 'core-fiscal-sublines',
    family: 'core-2021',
    arrangement: '年度资金总额 with 其中：财政拨款 and its 中央财政 / 地方财政 sub-lines, 其他资金 blank',
    parts: [
      ...cTitle,
      [
        cNameRow(cName),
        ...cDept(),
        wide(C_W, '项目资金（万元）', '年度资金总额', '←', '800.00'),
        wide(C_W, '〃', '其中：财政拨款', '←', '800.00'),
        wide(C_W, '〃', '　　其中：中央财政', '←', '500.00'),
        wide(C_W, '〃', '　　　　　地方财政', '←', '300.00'),
        wide(C_W, '〃', '其他资金', '←', ''),
        cGoals(),
        cHeader,
        ...cRows,
      ],
    ],
    expect: [cTruth({ budget: money(800, 800, null) })],
  },
  {
    id: 'core-level1-every-row-cost-last',
    family: 'core-2021',
    arrangement: '一级 written on every row, 成本指标 last, a blank row and a 填报说明 paragraph after',
    parts: [
      ...cTitle,
      [
        cNameRow(cName),
        ...cDept(),
        ...cBudget('800.00', '700.00', '100.00'),
        cGoals(),
        cHeader,
        ...cRows.slice(1).map((r) => (r[0] === '〃' ? ['产出指标', ...r.slice(1)] : r)),
        cRows[0],
        ['', '', '', '', '', '', ''],
      ],
      '填报说明：指标性质填写≥、≤、=或定性；度量单位填写计量单位。',
    ],
    expect: [cTruth({ indicators: [...cValues.slice(1), cValues[0]] })],
  },
  {
    id: 'core-two-projects-no-title',
    family: 'core-2021',
    arrangement: 'two projects as two tables with no title paragraph',
    parts: [
      [cNameRow(cName), ...cDept(), ...cBudget('800.00', '700.00', '100.00'), cGoals(), cHeader, ...cRows],
      [cNameRow('校园安全改造'), ...cDept(), ...cBudget('120.00', '120.00', '0.00'), cGoals(), cHeader, ...cRows.slice(0, 3)],
    ],
    expect: [cTruth(), cTruth({ name: '校园安全改造', budget: money(120, 120, 0), indicators: cValues.slice(0, 3) })],
  },
  {
    id: 'core-two-tables',
    family: 'core-2021',
    arrangement: 'header fields and indicator grid as two separate tables, the grid with a 绩效指标 label column',
    parts: [...cTitle, [cNameRow(cName), ...cDept(), ...cBudget('800.00', '700.00', '100.00'), cGoals()], [['绩效指标', ...cHeader], ...cRows.map((r) => ['〃', ...r])]],
    expect: [cTruth()],
  },
  {
    id: 'core-value-with-unit',
    family: 'core-2021',
    arrangement: '度量单位 left blank with the unit written in the 指标值 cell',
    parts: [
      ...cTitle,
      [
        cNameRow(cName),
        ...cDept(),
        ...cBudget('800.00', '700.00', '100.00'),
        cGoals(),
        cHeader,
        ['成本指标', '经济成本指标', '培训成本', '≤', '800万元', '', '预算支出标准'],
        ['产出指标', '数量指标', '培训人次', '≥', '500人次', '', '计划标准'],
      ],
    ],
    expect: [cTruth({ indicators: [v('800万元', '≤', 800, '万元', 'amount'), v('500人次', '≥', 500, '人次', 'count')] })],
  },
  {
    id: 'core-label-and-value-in-one-cell',
    family: 'core-2021',
    arrangement: '项目名称：… / 主管部门：… / 实施单位：… each label and its value in one cell',
    parts: [
      ...cTitle,
      [
        wide(C_W, `项目名称：${cName}`),
        wide(C_W, '主管部门：某市教育局', '←', '←', '←', '实施单位：某市教师发展中心'),
        ...cBudget('800.00', '700.00', '100.00'),
        cGoals(),
        cHeader,
        ...cRows,
      ],
    ],
    expect: [cTruth()],
    agency: ['某市教师发展中心'],
  },
  {
    id: 'core-xlsx-margin',
    family: 'core-2021',
    arrangement: 'Excel sheet with an empty first column, the title and (2023年度) as merged rows of the sheet',
    parts: [
      [
        ['', ...wide(C_W, '项目支出绩效目标表')],
        ['', ...wide(C_W, '（2023年度）')],
        ...[cNameRow(cName), ...cDept(), ...cBudget('800.00', '700.00', '100.00'), cGoals(), cHeader, ...cRows].map((r) => ['', ...r]),
      ],
    ],
    expect: [cTruth()],
    formats: ['xlsx'],
  },
  {
    id: 'core-headers-broken-over-lines',
    family: 'core-2021',
    arrangement: 'grid headers and budget labels wrapped onto two lines (一级\\n指标, 指标\\n性质, 年度资金\\n总额, 项目资金\\n（万元）)',
    parts: [
      ...cTitle,
      [
        cNameRow(cName),
        ...cDept(),
        wide(C_W, '项目资金\n（万元）', '年度资金\n总额', '←', '800.00'),
        wide(C_W, '〃', '其中：\n财政拨款', '←', '700.00'),
        wide(C_W, '〃', '其他\n资金', '←', '100.00'),
        wide(C_W, '年度绩效\n目标', '1、培训教师500人次\n2、考核合格率95%以上'),
        ['一级\n指标', '二级\n指标', '三级\n指标', '指标\n性质', '指标值', '度量\n单位', '指标值设定依据\n及数据来源'],
        ...cRows,
      ],
    ],
    expect: [cTruth()],
  },
  {
    id: 'core-extra-header-rows',
    family: 'core-2021',
    arrangement: 'extra rows: 项目属性 / 项目期 and 项目负责人 / 联系电话 between the fields; 项目资金 of four lines with 上年结转',
    parts: [
      ...cTitle,
      [
        cNameRow(cName),
        wide(C_W, '项目属性', '新增项目', '←', '←', '项目期', '1年'),
        ...cDept(),
        wide(C_W, '项目负责人', '李四', '←', '←', '联系电话', '0311-66666666'),
        ...cBudget('800.00', '700.00', '100.00'),
        wide(C_W, '〃', '上年结转', '←', '0.00'),
        cGoals(),
        cHeader,
        ...cRows,
      ],
    ],
    expect: [cTruth()],
  },
  {
    id: 'core-two-projects-one-table',
    family: 'core-2021',
    arrangement: 'two projects stacked in one table with no title and no blank row between them (as an Excel export pasted into Word)',
    parts: [
      ...cTitle,
      [
        cNameRow(cName),
        ...cDept(),
        ...cBudget('800.00', '700.00', '100.00'),
        cGoals(),
        cHeader,
        ...cRows,
        cNameRow('校园安全改造'),
        ...cDept(),
        ...cBudget('120.00', '120.00', '0.00'),
        cGoals(),
        cHeader,
        ...cRows.slice(0, 3),
      ],
    ],
    expect: [cTruth(), cTruth({ name: '校园安全改造', budget: money(120, 120, 0), indicators: cValues.slice(0, 3) })],
  },
  {
    id: 'core-xlsx-sheet-per-project',
    family: 'core-2021',
    arrangement: 'Excel workbook, one sheet per project, each sheet titled in its first merged row',
    parts: [
      [wide(C_W, '项目支出绩效目标表'), cNameRow(cName), ...cDept(), ...cBudget('800.00', '700.00', '100.00'), cGoals(), cHeader, ...cRows],
      [wide(C_W, '项目支出绩效目标表'), cNameRow('校园安全改造'), ...cDept(), ...cBudget('120.00', '120.00', '0.00'), cGoals(), cHeader, ...cRows.slice(0, 3)],
    ],
    sheets: [0, 1],
    formats: ['xlsx'],
    expect: [cTruth(), cTruth({ name: '校园安全改造', budget: money(120, 120, 0), indicators: cValues.slice(0, 3) })],
  },
  {
    id: 'core-nested-grid',
    family: 'core-2021',
    arrangement:
      'Word form whose indicator grid is a table nested in the 绩效指标 cell of the outer table (LibreOffice text only: the .docx reader flattens the nested table into the cell\'s text, so the .docx gives no indicator)',
    parts: [...cTitle, [cNameRow(cName), ...cDept(), ...cBudget('800.00', '700.00', '100.00'), cGoals(), cHeader, ...cRows]],
    nestedGrid: { part: 2, fromRow: 6 },
    formats: ['lo.txt'],
    expect: [cTruth()],
  },
  {
    id: 'core-xlsx-instructions-sheet',
    family: 'core-2021',
    arrangement: 'Excel workbook whose first sheet is 填表说明 (instructions), the form on the second',
    parts: [
      '填表说明',
      '1、项目名称按预算一体化系统填列。',
      '2、指标性质填写≥、≤、=或定性，度量单位填写计量单位。',
      [wide(C_W, '项目支出绩效目标表'), cNameRow(cName), ...cDept(), ...cBudget('800.00', '700.00', '100.00'), cGoals(), cHeader, ...cRows],
    ],
    sheets: [0, 3],
    formats: ['xlsx'],
    expect: [cTruth()],
  },
];

// ---------------------------------------------------------------------------------------------
// 湖北 (鄂州 2022)

const HB_W = 6;
const hbName = '社区养老服务中心运营补助';
const hbCode = '420700-23-0042';
const hbNameCode = (name = hbName, code = hbCode): Row => [...wide(3, '项目名称', name), '项目编码', code, '←'];
const hbDept = (): Row => ['主管部门', '鄂州市民政局', '←', '实施单位', '鄂州市养老服务中心', '←'];
const hbBudget = (t: string, f: string, o: string): Row => ['预算金额', t, '其中：财政拨款', f, '其他资金', o];
const hbCost: Row[] = [
  ['项目预算成本构成', '成本项目', '金额', '测算（公式）依据', '2021年实际执行数', '2022年实际执行数'],
  ['〃', '人员经费', '60.00', '6人×10万元', '50.00', '55.00'],
  ['〃', '运行维护费', '40.00', '按合同', '30.00', '35.00'],
  ['〃', '合计', '100.00', '', '80.00', '90.00'],
];
const hbCostItems = [
  { item: '人员经费', amount: 60 },
  { item: '运行维护费', amount: 40 },
];
const hbGoals = (): Row => wide(HB_W, '年度绩效目标', '1、服务老人300人\n2、满意度90%以上');
const hbHeader: Row = ['一级指标', '二级指标', '三级指标', '绩效标准', '当年预期实现值'];
const hbRows: Row[] = [
  ['产出指标', '数量指标', '服务老人人数', '全年服务人数', '≥300人'],
  ['〃', '质量指标', '服务合格率', '服务达标', '≥95%'],
  ['效益指标', '社会效益指标', '养老服务水平', '服务能力', '持续提升'],
  ['满意度指标', '服务对象满意度指标', '老人满意度', '问卷调查', '≥90%'],
];
const hbValues = [v('≥300人', '≥', 300, '人', 'count'), v('≥95%', '≥', 95, '%', 'percent'), v('持续提升', null, null, null, 'text'), v('≥90%', '≥', 90, '%', 'percent')];
const hbTrailing = (): Row[] => [wide(HB_W, '保障绩效目标实现措施', '建立服务台账'), wide(HB_W, '主管部门审核意见', '同意')];
const hbTruth = (over: Partial<ProjectTruth> = {}): ProjectTruth =>
  truth({ template: 'hubei', name: hbName, code: hbCode, budget: money(100, 90, 10), goalCount: 2, costItems: hbCostItems, indicators: hbValues, ...over });
const hbTitle = '2023年项目支出绩效目标表';
const hbGrid = (labelColumn = true): Row[] => (labelColumn ? [['绩效指标', ...hbHeader], ...hbRows.map((r) => ['〃', ...r])] : [wide(HB_W, ...hbHeader), ...hbRows.map((r) => wide(HB_W, ...r))]);

const hubei: VariantCase[] = [
  {
    id: 'hubei-no-prior-years',
    family: 'hubei',
    arrangement: '项目预算成本构成 without prior-year columns (成本项目 | 金额 | 测算依据)',
    parts: [
      hbTitle,
      [
        hbNameCode(),
        hbDept(),
        hbBudget('100.00', '90.00', '10.00'),
        ['项目预算成本构成', '成本项目', '金额', '测算依据', '←', '←'],
        ['〃', '人员经费', '60.00', '6人×10万元', '←', '←'],
        ['〃', '运行维护费', '40.00', '按合同', '←', '←'],
        ['〃', '合计', '100.00', '', '←', '←'],
        hbGoals(),
        ...hbGrid(),
        ...hbTrailing(),
      ],
    ],
    expect: [hbTruth()],
  },
  {
    id: 'hubei-three-prior-years',
    family: 'hubei',
    arrangement: '项目预算成本构成 with three prior years',
    parts: [
      hbTitle,
      [
        [...hbNameCode(), '←'],
        [...hbDept(), '←'],
        [...hbBudget('100.00', '90.00', '10.00'), '←'],
        ['项目预算成本构成', '成本项目', '金额', '测算依据', '2020年实际执行数', '2021年实际执行数', '2022年实际执行数'],
        ['〃', '人员经费', '60.00', '6人×10万元', '45.00', '50.00', '55.00'],
        ['〃', '运行维护费', '40.00', '按合同', '25.00', '30.00', '35.00'],
        ['〃', '合计', '100.00', '', '70.00', '80.00', '90.00'],
        [...hbGoals(), '←'],
        ...hbGrid().map((r) => [...r, '←']),
        ...hbTrailing().map((r) => [...r, '←']),
      ],
    ],
    expect: [hbTruth()],
  },
  {
    id: 'hubei-cost-after-goals',
    family: 'hubei',
    arrangement: '年度绩效目标 above the 项目预算成本构成 block, 主管部门 / 实施单位 after the budget',
    parts: [hbTitle, [hbNameCode(), hbBudget('100.00', '90.00', '10.00'), hbDept(), hbGoals(), ...hbCost, ...hbGrid(), ...hbTrailing()]],
    expect: [hbTruth()],
  },
  {
    id: 'hubei-cost-after-grid',
    family: 'hubei',
    arrangement: '项目预算成本构成 after the indicator grid (before 保障措施)',
    parts: [hbTitle, [hbNameCode(), hbDept(), hbBudget('100.00', '90.00', '10.00'), hbGoals(), ...hbGrid(), ...hbCost, ...hbTrailing()]],
    expect: [hbTruth()],
  },
  {
    id: 'hubei-name-code-rows',
    family: 'hubei',
    arrangement: '项目编码 and 项目名称 on rows of their own (编码 first), 其他资金 blank, more trailing rows (财政部门审核意见)',
    parts: [
      hbTitle,
      [
        wide(HB_W, '项目编码', hbCode),
        wide(HB_W, '项目名称', hbName),
        hbDept(),
        hbBudget('100.00', '100.00', ''),
        ...hbCost,
        hbGoals(),
        ...hbGrid(false),
        ...hbTrailing(),
        wide(HB_W, '财政部门审核意见', '同意申报'),
      ],
    ],
    expect: [hbTruth({ budget: money(100, 100, null) })],
  },
  {
    id: 'hubei-budget-yuan',
    family: 'hubei',
    arrangement: '单位：元 paragraph; budget and cost amounts in 元 with thousands separators',
    parts: [
      hbTitle,
      '单位：元',
      [
        hbNameCode(),
        hbDept(),
        hbBudget('1,000,000.00', '900,000.00', '100,000.00'),
        ['项目预算成本构成', '成本项目', '金额', '测算（公式）依据', '2021年实际执行数', '2022年实际执行数'],
        ['〃', '人员经费', '600,000.00', '6人×10万元', '500,000.00', '550,000.00'],
        ['〃', '运行维护费', '400,000.00', '按合同', '300,000.00', '350,000.00'],
        ['〃', '合计', '1,000,000.00', '', '800,000.00', '900,000.00'],
        hbGoals(),
        ...hbGrid(),
        ...hbTrailing(),
      ],
    ],
    expect: [hbTruth()],
  },
  {
    id: 'hubei-two-projects-no-title',
    family: 'hubei',
    arrangement: 'two projects, no title paragraphs, the second without 项目预算成本构成',
    parts: [
      [hbNameCode(), hbDept(), hbBudget('100.00', '90.00', '10.00'), ...hbCost, hbGoals(), ...hbGrid(), ...hbTrailing()],
      [hbNameCode('老年助餐补贴', '420700-23-0043'), hbDept(), hbBudget('20.00', '20.00', '0.00'), hbGoals(), ...hbGrid(), ...hbTrailing()],
    ],
    expect: [hbTruth(), hbTruth({ name: '老年助餐补贴', code: '420700-23-0043', budget: money(20, 20, 0), costItems: [] })],
  },
  {
    id: 'hubei-two-tables',
    family: 'hubei',
    arrangement: 'header fields and cost block one table; grid and trailing rows a second table',
    parts: [hbTitle, [hbNameCode(), hbDept(), hbBudget('100.00', '90.00', '10.00'), ...hbCost, hbGoals()], [...hbGrid(), ...hbTrailing()]],
    expect: [hbTruth()],
  },
  {
    id: 'hubei-amount-suffix-blank-code',
    family: 'hubei',
    arrangement: 'amounts written with 万元 (100万元), 项目编码 blank (not yet coded), a row whose 当年预期实现值 is blank',
    parts: [
      hbTitle,
      [
        hbNameCode(hbName, ''),
        hbDept(),
        hbBudget('100万元', '90万元', '10万元'),
        ...hbCost,
        hbGoals(),
        ...hbGrid(),
        ['〃', '〃', '时效指标', '完成时间', ''],
        ...hbTrailing(),
      ],
    ],
    expect: [hbTruth({ code: null, indicators: [...hbValues, v('', null, null, null, 'empty')] })],
  },
  {
    id: 'hubei-extra-header-rows',
    family: 'hubei',
    arrangement: '项目类型 / 项目期限 and 联系人 / 联系电话 rows among the fields',
    parts: [
      hbTitle,
      [
        hbNameCode(),
        ['项目类型', '经常性项目', '←', '项目期限', '2023年', '←'],
        hbDept(),
        ['联系人', '王五', '←', '联系电话', '027-60000000', '←'],
        hbBudget('100.00', '90.00', '10.00'),
        ...hbCost,
        hbGoals(),
        ...hbGrid(),
        ...hbTrailing(),
      ],
    ],
    expect: [hbTruth()],
  },
  {
    id: 'hubei-two-projects-one-table',
    family: 'hubei',
    arrangement: 'two projects stacked in one table, each with its cost block, grid and trailing rows',
    parts: [
      hbTitle,
      [
        hbNameCode(),
        hbDept(),
        hbBudget('100.00', '90.00', '10.00'),
        ...hbCost,
        hbGoals(),
        ...hbGrid(),
        ...hbTrailing(),
        hbNameCode('老年助餐补贴', '420700-23-0043'),
        hbDept(),
        hbBudget('20.00', '20.00', '0.00'),
        hbGoals(),
        ...hbGrid(),
        ...hbTrailing(),
      ],
    ],
    expect: [hbTruth(), hbTruth({ name: '老年助餐补贴', code: '420700-23-0043', budget: money(20, 20, 0), costItems: [] })],
  },
  {
    id: 'hubei-budget-labels-yuan',
    family: 'hubei',
    arrangement: 'budget labels in 元 (预算金额（元）, 其中：财政拨款（元）, 其他资金（元）) with thousands separators',
    parts: [
      hbTitle,
      [hbNameCode(), hbDept(), ['预算金额（元）', '1,000,000.00', '其中：财政拨款（元）', '900,000.00', '其他资金（元）', '100,000.00'], ...hbCost, hbGoals(), ...hbGrid(), ...hbTrailing()],
    ],
    expect: [hbTruth()],
  },
  {
    id: 'hubei-cost-one-prior-year',
    family: 'hubei',
    arrangement: '项目预算成本构成 headed 成本项目 | 金额（万元） | 测算依据及说明 | 上年实际执行数 (one prior year)',
    parts: [
      hbTitle,
      [
        hbNameCode(),
        hbDept(),
        hbBudget('100.00', '90.00', '10.00'),
        ['项目预算成本构成', '成本项目', '金额（万元）', '测算依据及说明', '上年实际执行数', '←'],
        ['〃', '人员经费', '60.00', '6人×10万元', '55.00', '←'],
        ['〃', '运行维护费', '40.00', '按合同', '35.00', '←'],
        ['〃', '合计', '100.00', '', '90.00', '←'],
        hbGoals(),
        ...hbGrid(),
        ...hbTrailing(),
      ],
    ],
    expect: [hbTruth()],
  },
];

// ---------------------------------------------------------------------------------------------
// national-2016 (佳县 2016)

const N_W = 5;
const nName = '城乡困难群众临时救助';
const nHeader: Row = ['一级指标', '二级指标', '指标内容', '指标值', '备注'];
const nAnnual: Row[] = [
  ['产出指标', '数量指标', '救助户数', '≥100户', ''],
  ['〃', '时效指标', '发放时间', '2016年12月底前', ''],
  ['效益指标', '环境效益指标', '无纸化办理', '≥60%', ''],
  ['满意度指标', '服务对象满意度指标', '具体指标：受益群众满意度', '≥90%', ''],
];
const nValues = [v('≥100户', '≥', 100, '户', 'count'), v('2016年12月底前', '≤', 2016, null, 'date'), v('≥60%', '≥', 60, '%', 'percent'), v('≥90%', '≥', 90, '%', 'percent')];
const nLong: Row[] = [
  ['产出指标', '数量指标', '累计救助户数', '≥500户', ''],
  ['效益指标', '社会效益指标', '困难群众生活', '持续改善', ''],
];
const nTop = (name = nName, fundCells: Row = ['项目资金（万元）', '资金总额：120.00', '其中：财政拨款：100.00', '其他资金：20.00', '←'], longLabel = '长期目标'): Row[] => [
  wide(N_W, '项目名称', name),
  ['主管部门编码', '316004', '主管部门', '某县民政局', '←'],
  fundCells,
  wide(N_W, longLabel, '1、建立长效救助机制\n2、困难群众应救尽救'),
  wide(N_W, '年度目标', '1、救助困难群众100户\n2、受益群众满意度90%以上'),
];
const nTruth = (over: Partial<ProjectTruth> = {}): ProjectTruth =>
  truth({ template: 'national-2016', name: nName, budget: money(120, 100, 20), goalCount: 2, longTermGoalCount: 2, longTermIndicatorCount: 2, indicators: nValues, ...over });
const nTitle = ['项目支出绩效目标申报表', '（2016年度）'];

const national: VariantCase[] = [
  {
    id: 'national-annual-only',
    family: 'national-2016',
    arrangement: 'only the 年度绩效指标 block (no 长期绩效指标), and no 长期目标 row',
    parts: [...nTitle, [...nTop().filter((r) => r[0] !== '长期目标'), wide(N_W, '年度绩效指标'), nHeader, ...nAnnual]],
    expect: [nTruth({ longTermGoalCount: 0, longTermIndicatorCount: 0 })],
  },
  {
    id: 'national-annual-only-no-head',
    family: 'national-2016',
    arrangement: 'only an annual grid with no block label at all',
    parts: [...nTitle, [...nTop(), nHeader, ...nAnnual]],
    expect: [nTruth({ longTermIndicatorCount: 0 })],
  },
  {
    id: 'national-midterm',
    family: 'national-2016',
    arrangement: '中期目标 / 中期绩效指标 instead of 长期目标 / 长期绩效指标',
    parts: [...nTitle, [...nTop(nName, undefined, '中期目标'), wide(N_W, '中期绩效指标'), nHeader, ...nLong, wide(N_W, '年度绩效指标'), nHeader, ...nAnnual]],
    expect: [nTruth()],
  },
  {
    id: 'national-budget-pairs',
    family: 'national-2016',
    arrangement: '资金总额 | 120.00 pairs in cells of their own instead of "资金总额：120.00" in one cell',
    parts: [
      ...nTitle,
      [
        wide(N_W, '项目名称', nName),
        ['主管部门编码', '316004', '主管部门', '某县民政局', '←'],
        ['项目资金（万元）', '资金总额', '120.00', '←', '←'],
        ['〃', '其中：财政拨款', '100.00', '←', '←'],
        ['〃', '其他资金', '20.00', '←', '←'],
        wide(N_W, '长期目标', '1、建立长效救助机制\n2、困难群众应救尽救'),
        wide(N_W, '年度目标', '1、救助困难群众100户\n2、受益群众满意度90%以上'),
        wide(N_W, '长期绩效指标'),
        nHeader,
        ...nLong,
        wide(N_W, '年度绩效指标'),
        nHeader,
        ...nAnnual,
      ],
    ],
    expect: [nTruth()],
  },
  {
    id: 'national-level1-every-row-notes',
    family: 'national-2016',
    arrangement: '一级 on every row, a blank row, 填报说明 and 单位（盖章） paragraphs after',
    parts: [
      ...nTitle,
      [
        ...nTop(),
        wide(N_W, '长期绩效指标'),
        nHeader,
        ...nLong,
        wide(N_W, '年度绩效指标'),
        nHeader,
        ...nAnnual.map((r) => (r[0] === '〃' ? ['产出指标', ...r.slice(1)] : r)),
        ['', '', '', '', ''],
      ],
      '填报说明：1、长期绩效指标按项目实施期填列；2、年度绩效指标按预算年度填列。',
      '单位（盖章）：　　　　　　填报日期：',
    ],
    expect: [nTruth()],
  },
  {
    id: 'national-two-projects-no-title',
    family: 'national-2016',
    arrangement: 'two projects one after another with no title paragraphs, block heads as paragraphs between tables',
    parts: [
      nTop(),
      '长期绩效指标',
      [nHeader, ...nLong],
      '年度绩效指标',
      [nHeader, ...nAnnual],
      nTop('残疾人两项补贴', ['项目资金（万元）', '资金总额：50.00', '其中：财政拨款：50.00', '其他资金：0.00', '←']),
      '长期绩效指标',
      [nHeader, ...nLong],
      '年度绩效指标',
      [nHeader, ...nAnnual.slice(0, 2)],
    ],
    expect: [nTruth(), nTruth({ name: '残疾人两项补贴', budget: money(50, 50, 0), indicators: nValues.slice(0, 2) })],
  },
  {
    id: 'national-yuan',
    family: 'national-2016',
    arrangement: '项目资金（元） with "资金总额：1,200,000" in one cell',
    parts: [
      ...nTitle,
      [
        ...nTop(nName, ['项目资金（元）', '资金总额：1,200,000', '其中：财政拨款：1,000,000', '其他资金：200,000', '←']),
        wide(N_W, '长期绩效指标'),
        nHeader,
        ...nLong,
        wide(N_W, '年度绩效指标'),
        nHeader,
        ...nAnnual,
      ],
    ],
    expect: [nTruth()],
  },
  {
    id: 'national-inline-unit',
    family: 'national-2016',
    arrangement: '"资金总额：120万元" with the unit inside the cell, 其他资金 written "其他资金：" with nothing after',
    parts: [
      ...nTitle,
      [
        ...nTop(nName, ['项目资金', '资金总额：120万元', '其中：财政拨款：120万元', '其他资金：', '←']),
        wide(N_W, '长期绩效指标'),
        nHeader,
        ...nLong,
        wide(N_W, '年度绩效指标'),
        nHeader,
        ...nAnnual,
      ],
    ],
    expect: [nTruth({ budget: money(120, 120, null) })],
  },
  {
    id: 'national-labels-broken-over-lines',
    family: 'national-2016',
    arrangement: 'labels wrapped in narrow cells (项目\\n名称, 主管部门\\n编码, 长期\\n目标, 年度\\n目标)',
    parts: [
      ...nTitle,
      [
        wide(N_W, '项目\n名称', nName),
        ['主管部门\n编码', '316004', '主管\n部门', '某县民政局', '←'],
        ['项目资金\n（万元）', '资金总额：120.00', '其中：财政拨款：100.00', '其他资金：20.00', '←'],
        wide(N_W, '长期\n目标', '1、建立长效救助机制\n2、困难群众应救尽救'),
        wide(N_W, '年度\n目标', '1、救助困难群众100户\n2、受益群众满意度90%以上'),
        wide(N_W, '长期绩效指标'),
        nHeader,
        ...nLong,
        wide(N_W, '年度绩效指标'),
        nHeader,
        ...nAnnual,
      ],
    ],
    expect: [nTruth()],
  },
  {
    id: 'national-annual-before-long',
    family: 'national-2016',
    arrangement: 'the 年度绩效指标 block before the 长期绩效指标 block',
    parts: [...nTitle, [...nTop(), wide(N_W, '年度绩效指标'), nHeader, ...nAnnual, wide(N_W, '长期绩效指标'), nHeader, ...nLong]],
    expect: [nTruth()],
  },
  {
    id: 'national-value-header-note',
    family: 'national-2016',
    arrangement: 'grid headers with a note in brackets: 指标值（包含数字及文字描述）, 备注（说明）',
    parts: [
      ...nTitle,
      [
        ...nTop(),
        wide(N_W, '长期绩效指标'),
        ['一级指标', '二级指标', '指标内容', '指标值（包含数字及文字描述）', '备注（说明）'],
        ...nLong,
        wide(N_W, '年度绩效指标'),
        ['一级指标', '二级指标', '指标内容', '指标值（包含数字及文字描述）', '备注（说明）'],
        ...nAnnual,
      ],
    ],
    expect: [nTruth()],
  },
];

// ---------------------------------------------------------------------------------------------
// seed-2020 (河北/唐山 2020)

const S_W = 7;
const sProject = (n: number, code: string, name: string, t: string, f: string, o: string): Part[] => [
  `${n}、${name}绩效目标表`,
  [
    wide(S_W, '316004南堡开发区社会事业保险局', '←', '←', '单位：万元'),
    wide(S_W, '项目编码', code, '项目名称', name),
    ['预算规模及资金用途', '预算数', t, '其中：财政资金', f, '其他资金', o],
    wide(S_W, '〃', '城乡居民养老缴费补贴'),
    wide(S_W, '资金支出计划（%）', '3月底', '6月底', '10月底', '12月底'),
    wide(S_W, '〃', '25%', '50%', '75%', '100%'),
    wide(S_W, '绩效目标', '1、补贴及时到位\n2、参保率95%以上'),
    wide(S_W, '一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'),
    wide(S_W, '产出指标', '数量指标', '补贴人数', '缴费人员', '≥12000人', '省市区相关文件'),
    wide(S_W, '产出指标', '成本指标', '项目成本', '总成本', '≤1,234.56万元', '预算支出标准'),
    wide(S_W, '满意度指标', '服务对象满意度指标', '参保居民满意度', '抽样调查', '≥90%', '行业标准'),
    ['', '', '', '', '', '', ''],
  ],
];
const sTruth = (code: string, name: string, b: ReturnType<typeof money>): ProjectTruth =>
  truth({
    template: 'seed-2020',
    code,
    name,
    budget: b,
    spendPlan: ['25%', '50%', '75%', '100%'],
    goalCount: 2,
    indicators: [v('≥12000人', '≥', 12000, '人', 'count'), v('≤1,234.56万元', '≤', 1234.56, '万元', 'amount'), v('≥90%', '≥', 90, '%', 'percent')],
  });

const seed: VariantCase[] = [
  {
    id: 'seed-thousands-blank-rows',
    family: 'seed-2020',
    arrangement: 'amounts with thousands separators, 一级 repeated, a blank row after the grid, 填报说明 after the last table',
    parts: [
      ...sProject(1, '316004-01', '城乡居民养老保险补贴', '1,234.56', '1,234.56', ''),
      ...sProject(2, '316004-02', '机关事业单位养老保险', '2,000.00', '1,500.00', '500.00'),
      '填报说明：资金支出计划填写累计支出进度。',
    ],
    expect: [sTruth('316004-01', '城乡居民养老保险补贴', money(1234.56, 1234.56, null)), sTruth('316004-02', '机关事业单位养老保险', money(2000, 1500, 500))],
  },
];

export const ALL_VARIANT_CASES: VariantCase[] = [...hunan, ...core, ...hubei, ...national, ...seed];
/** The cases the parser reads right: committed under fixtures/templates-variants/ and tested. */
export const VARIANT_CASES = ALL_VARIANT_CASES.filter((c) => !c.pending);
