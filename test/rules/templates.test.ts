/**
 * Issue 11, "rules that respect the template": table-driven cases of every rule changed for the
 * template families of docs/templates.md, each in the families it concerns (湖南, 2021+ core, 湖北,
 * 2016 national; the seed's own form is covered by each rule's own test file). The texts are parsed
 * by the real parser, which recognises the family from the labels (`project.template`).
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/index.js';
import { budgetSumMismatch } from '../../rules/budget-sum-mismatch.js';
import { costExceedsBudget } from '../../rules/cost-exceeds-budget.js';
import { costLowerBoundOperator } from '../../rules/cost-lower-bound-operator.js';
import { costValueNotAmount } from '../../rules/cost-value-not-amount.js';
import { duplicateIndicator } from '../../rules/duplicate-indicator.js';
import { duplicateProjectCode } from '../../rules/duplicate-project-code.js';
import { indicatorCategoryMismatch } from '../../rules/indicator-category-mismatch.js';
import { layoutDetected } from '../../rules/layout-detected.js';
import { missingLevel1Category } from '../../rules/missing-level1-category.js';
import { missingRequiredField } from '../../rules/missing-required-field.js';
import { missingSpendPlan } from '../../rules/missing-spend-plan.js';
import { percentOutOfRange } from '../../rules/percent-out-of-range.js';
import { placeholderGoal } from '../../rules/placeholder-goal.js';
import { quantityValuePercentage } from '../../rules/quantity-value-percentage.js';
import { satisfactionObjectUnspecified } from '../../rules/satisfaction-object-unspecified.js';
import { satisfactionThresholdLow } from '../../rules/satisfaction-threshold-low.js';
import { satisfactionUnderBenefit } from '../../rules/satisfaction-under-benefit.js';
import { unknownIndicatorCategory } from '../../rules/unknown-indicator-category.js';
import { valueMissingUnit } from '../../rules/value-missing-unit.js';
import { valueNotMeasurable } from '../../rules/value-not-measurable.js';
import { allRules, exactRules } from '../../rules/index.js';
import { resolveConfig } from '../../src/engine/config.js';
import { lintDocument } from '../../src/engine/lint.js';
import type { TemplateFamily } from '../../src/ast/types.js';
import { ruleTester, table } from '../helpers/rule-tester.js';
import {
  CORE_ROWS,
  HUBEI_ROWS,
  HUNAN_ROWS,
  NATIONAL_ROWS,
  type Row,
  coreTable,
  hubeiTable,
  hunanTable,
  nationalTable,
} from './template-tables.js';

const HUBEI_CODE = '420701-2022-0001';

/** The rows with the row whose 三级 is (or ends with) `level3` changed. */
function edit(rows: readonly Row[], level3: string, change: (cells: (string | null)[]) => void): Row[] {
  return rows.map((r) => {
    if (r[2] !== level3 && !r[2]?.endsWith(level3)) return r;
    const cells = [...r];
    change(cells);
    return cells;
  });
}
/** 湖南 / 2016: the 指标值 (及单位) cell is the 4th; 湖北: 当年预期实现值 the 5th. */
const hunanValue = (level3: string, value: string) => edit(HUNAN_ROWS, level3, (c) => (c[3] = value));
const nationalValue = (level3: string, value: string) => edit(NATIONAL_ROWS, level3, (c) => (c[3] = value));
const hubeiValue = (level3: string, value: string) => edit(HUBEI_ROWS, level3, (c) => (c[4] = value));
/** 2021+: 指标性质 | 指标值 | 度量单位. */
const coreValue = (level3: string, nature: string, value: string, unit: string) =>
  edit(CORE_ROWS, level3, (c) => {
    c[3] = nature;
    c[4] = value;
    c[5] = unit;
  });

describe('the builders are read as their families', () => {
  const cases: [string, string, TemplateFamily][] = [
    ['湖南', hunanTable(), 'hunan'],
    ['2021+ core', coreTable(), 'core-2021'],
    ['湖北', hubeiTable(), 'hubei'],
    ['2016 national', nationalTable(), 'national-2016'],
  ];
  for (const [name, text, family] of cases) {
    it(`${name} → ${family}, and no rule of the recommended preset has anything to say about the clean table`, () => {
      const document = parseText(text, `${family}.txt`);
      expect(document.projects.map((p) => p.template)).toEqual([family]);
      const result = lintDocument(document, { config: resolveConfig({ extends: 'recommended' }), rules: allRules });
      expect(result.messages.map((m) => `${m.ruleId} ${m.messageId} ${m.role} ${m.level3 ?? ''}`)).toEqual([]);
    });
    it(`${name}: no exact rule reports the clean table even with every rule on`, () => {
      const document = parseText(text, `${family}.txt`);
      const result = lintDocument(document, { config: resolveConfig({ extends: 'all' }), rules: exactRules });
      expect(result.messages.map((m) => `${m.ruleId} ${m.messageId} ${m.role} ${m.level3 ?? ''}`)).toEqual([]);
    });
  }
});

ruleTester(missingSpendPlan, {
  valid: [
    { name: '湖南: the form has no spend plan', text: hunanTable() },
    { name: '2021+ core: the form has no spend plan', text: coreTable() },
    { name: '湖北: the form has no spend plan', text: hubeiTable() },
    { name: '2016 national: the form has no spend plan', text: nationalTable() },
    { name: '湖南 after a seed table that has a plan: the 湖南 form still has no such block', text: table() + hunanTable({ name: '医疗补贴' }) },
  ],
  invalid: [
    {
      name: '湖南 with requireSpendPlan: true',
      text: hunanTable(),
      options: { requireSpendPlan: true },
      errors: [{ messageId: 'absent', projectCode: null, role: 'spendPlan' }],
    },
    {
      name: '2021+ core with requireSpendPlan: true',
      text: coreTable(),
      options: { requireSpendPlan: true },
      errors: [{ messageId: 'absent', projectCode: null, role: 'spendPlan' }],
    },
    {
      name: '湖北 with requireSpendPlan: true',
      text: hubeiTable(),
      options: { requireSpendPlan: true },
      errors: [{ messageId: 'absent', projectCode: HUBEI_CODE, role: 'spendPlan' }],
    },
  ],
});

ruleTester(missingRequiredField, {
  valid: [
    { name: '湖南: no 项目编码 and no 资金用途 on the form', text: hunanTable() },
    { name: '2021+ core without the optional 项目编码 row', text: coreTable() },
    { name: '2021+ core with its 项目编码 row filled', text: coreTable({ code: 'A-2022-01' }) },
    { name: '湖北: 项目编码 filled, no 资金用途 on the form', text: hubeiTable() },
    { name: '2016 national: 主管部门编码 is not a 项目编码', text: nationalTable() },
    { name: '湖南 with requiredFields naming fields it fills', text: hunanTable(), options: { requiredFields: ['agency', 'longTermGoals', 'implementationPeriod', 'budget.fiscal'] } },
  ],
  invalid: [
    {
      name: '湖南: blank 项目支出名称',
      text: hunanTable({ name: '' }),
      errors: [{ messageId: 'blank', projectCode: null, role: 'name' }],
    },
    {
      name: '湖南: blank 年度本级预算金额 and 本年度绩效目标',
      text: hunanTable({ total: '', goals: '' }),
      errors: [
        { messageId: 'blank', projectCode: null, role: 'budget.total' },
        { messageId: 'blank', projectCode: null, role: 'goals' },
      ],
    },
    {
      name: '湖南 with requiredFields: ["code", "purpose"]',
      text: hunanTable(),
      options: { requiredFields: ['code', 'purpose'] },
      errors: [
        { messageId: 'blank', projectCode: null, role: 'code' },
        { messageId: 'blank', projectCode: null, role: 'purpose' },
      ],
    },
    {
      name: '2021+ core: the 项目编码 row is there but blank',
      text: coreTable({ code: '' }),
      errors: [{ messageId: 'blank', projectCode: null, role: 'code' }],
    },
    {
      name: '湖北: blank 项目编码',
      text: hubeiTable({ code: '' }),
      errors: [{ messageId: 'blank', projectCode: null, role: 'code' }],
    },
    {
      name: '2016 national: blank 年度目标',
      text: nationalTable({ goals: '' }),
      errors: [{ messageId: 'blank', projectCode: null, role: 'goals' }],
    },
  ],
});

ruleTester(budgetSumMismatch, {
  valid: [
    { name: '湖南: 上级资金 is never added in', text: hunanTable({ superior: '500.00' }) },
    { name: '湖北: the cost breakdown adds up to 预算金额 (prior years not counted)', text: hubeiTable() },
    {
      name: '湖北: a breakdown that does not add up, with costBreakdown: false',
      text: hubeiTable({ costs: [['缴费补贴', '400.00', '', '', ''], ['待遇补贴', '300.00', '', '', '']] }),
      options: { costBreakdown: false },
    },
    { name: '2016 national: 资金总额：… in one cell', text: nationalTable({ total: '2.00', fiscal: '2.00', other: '0.00' }) },
    { name: '2021+ core', text: coreTable() },
  ],
  invalid: [
    {
      name: '湖南: 年度本级预算金额 is not 财政拨款 + 其他资金',
      text: hunanTable({ total: '920.00' }),
      errors: [{ messageId: 'mismatch', projectCode: null, role: 'budget.total', found: '920.00' }],
    },
    {
      name: '湖南: 上级资金 does not make up a shortfall',
      text: hunanTable({ total: '920.00', superior: '120.00' }),
      errors: [{ messageId: 'mismatch', projectCode: null, role: 'budget.total' }],
    },
    {
      name: '2021+ core: 年度资金总额 is not the sum',
      text: coreTable({ total: '900.00' }),
      errors: [{ messageId: 'mismatch', projectCode: null, role: 'budget.total' }],
    },
    {
      name: '湖北: the cost breakdown adds up to 700, 预算金额 800',
      text: hubeiTable({ costs: [['缴费补贴', '400.00', '', '380.00', '390.00'], ['待遇补贴', '300.00', '', '280.00', '290.00']] }),
      errors: [{ messageId: 'costBreakdown', projectCode: HUBEI_CODE, role: 'budget.total' }],
    },
    {
      name: '2016 national: 资金总额 is not the sum',
      text: nationalTable({ total: '2.00', fiscal: '1.00', other: '0.00' }),
      errors: [{ messageId: 'mismatch', projectCode: null, role: 'budget.total' }],
    },
  ],
});

ruleTester(costExceedsBudget, {
  valid: [
    { name: '2021+ core: ≤ | 800 | 万元 within 800', text: coreTable() },
    { name: '2021+ core: ≤ | 8000000 | 元 is 800万元', text: coreTable({ rows: coreValue('项目总成本', '≤', '8000000', '元') }) },
    { name: '湖北: prior-year amounts above the budget are not the cost target', text: hubeiTable({ costs: [['缴费补贴', '800.00', '', '900.00', '950.00']] }) },
  ],
  invalid: [
    {
      name: '2021+ core: ≤ | 8000 | 万元 over a budget of 800',
      text: coreTable({ rows: coreValue('项目总成本', '≤', '8000', '万元') }),
      errors: [{ messageId: 'exceeds', projectCode: null, role: 'indicator.value', level3: '项目总成本', found: '8000' }],
    },
    {
      name: '湖南: ≤900万元 over 800 though 上级资金 is 120 (never added in)',
      text: hunanTable({ rows: hunanValue('项目总成本', '≤900万元') }),
      errors: [{ messageId: 'exceeds', projectCode: null, role: 'indicator.value', level3: '项目总成本' }],
    },
    {
      name: '2016 national: ≤8000万元',
      text: nationalTable({ rows: nationalValue('项目总成本', '≤8000万元') }),
      errors: [{ messageId: 'exceeds', projectCode: null, role: 'indicator.value', level3: '项目总成本' }],
    },
  ],
});

ruleTester(costValueNotAmount, {
  valid: [
    { name: '2021+ core: ≤ | 800 | 万元 is an amount', text: coreTable() },
    {
      name: '2021+ core: 社会成本指标 定性',
      text: coreTable({ rows: [...CORE_ROWS, ['成本指标', '社会成本指标', '对社会的负面影响', '定性', '无明显负面影响', '', '其他标准']] }),
    },
    { name: '湖南: ≤800万元 in 指标值及单位', text: hunanTable() },
  ],
  invalid: [
    {
      name: '2021+ core: ≥ | 98 | % on a cost row',
      text: coreTable({ rows: coreValue('项目总成本', '≥', '98', '%') }),
      errors: [{ messageId: 'percent', projectCode: null, role: 'indicator.value', level3: '项目总成本', found: '98' }],
    },
    {
      name: '2021+ core: ≤ | 800 | (no 度量单位) on a cost row',
      text: coreTable({ rows: coreValue('项目总成本', '≤', '800', '') }),
      errors: [{ messageId: 'bareNumber', projectCode: null, role: 'indicator.value', level3: '项目总成本' }],
    },
    {
      name: '2021+ core: ≤ | 12000 | 人 on a cost row (a unit, not money)',
      text: coreTable({ rows: coreValue('项目总成本', '≤', '12000', '人') }),
      errors: [{ messageId: 'notAmount', projectCode: null, role: 'indicator.value', level3: '项目总成本' }],
    },
    {
      name: '湖北: ≥98% on a cost row',
      text: hubeiTable({ rows: hubeiValue('项目总成本', '≥98%') }),
      errors: [{ messageId: 'percent', projectCode: HUBEI_CODE, role: 'indicator.value', level3: '项目总成本' }],
    },
  ],
});

ruleTester(costLowerBoundOperator, {
  valid: [{ name: '2021+ core: ≤ in 指标性质', text: coreTable() }],
  invalid: [
    {
      name: '2021+ core: ≥ in 指标性质 on the cost row (the sign the parser folded into the value is still the column’s)',
      text: coreTable({ rows: coreValue('项目总成本', '≥', '800', '万元') }),
      errors: [{ messageId: 'lowerBound', projectCode: null, role: 'indicator.nature', level3: '项目总成本', found: '≥', suggestion: '≤' }],
    },
  ],
});

ruleTester(percentOutOfRange, {
  valid: [
    { name: '2021+ core: ≥ | 98 | %', text: coreTable() },
    { name: '2021+ core: ≥ | 12000 | 人 is not a percent', text: coreTable({ rows: coreValue('补贴发放人数', '≥', '12000', '人') }) },
  ],
  invalid: [
    {
      name: '2021+ core: ≥ | 980 | %',
      text: coreTable({ rows: coreValue('补贴发放准确率', '≥', '980', '%') }),
      errors: [{ messageId: 'above', projectCode: null, role: 'indicator.value', level3: '补贴发放准确率' }],
    },
    {
      name: '湖南: ≥980%',
      text: hunanTable({ rows: hunanValue('补贴发放准确率', '≥980%') }),
      errors: [{ messageId: 'above', projectCode: null, role: 'indicator.value', level3: '补贴发放准确率' }],
    },
  ],
});

ruleTester(quantityValuePercentage, {
  valid: [{ name: '2021+ core: ≥ | 12000 | 人', text: coreTable() }],
  invalid: [
    {
      name: '2021+ core: ≥ | 98 | % on 补贴发放人数',
      text: coreTable({ rows: coreValue('补贴发放人数', '≥', '98', '%') }),
      errors: [{ messageId: 'percent', projectCode: null, role: 'indicator.value', level3: '补贴发放人数' }],
    },
    {
      name: '湖北: ≥98% in 当年预期实现值',
      text: hubeiTable({ rows: hubeiValue('补贴发放人数', '≥98%') }),
      errors: [{ messageId: 'percent', projectCode: HUBEI_CODE, role: 'indicator.value', level3: '补贴发放人数' }],
    },
  ],
});

ruleTester(satisfactionThresholdLow, {
  valid: [
    { name: '2021+ core: ≥ | 90 | %', text: coreTable() },
    { name: '2021+ core: ≤ | 60 | % is a reverse target', text: coreTable({ rows: coreValue('参保居民满意度', '≤', '60', '%') }) },
  ],
  invalid: [
    {
      name: '2021+ core: ≥ | 60 | %',
      text: coreTable({ rows: coreValue('参保居民满意度', '≥', '60', '%') }),
      errors: [{ messageId: 'low', projectCode: null, role: 'indicator.value', level3: '参保居民满意度' }],
    },
    {
      name: '湖南: the satisfaction 二级 under 效益 at ≥60%',
      text: hunanTable({ rows: hunanValue('参保居民满意度', '≥60%') }),
      errors: [{ messageId: 'low', projectCode: null, role: 'indicator.value', level3: '参保居民满意度' }],
    },
    {
      name: '2016 national: 具体指标 under 服务对象满意度指标 at ≥60%',
      text: nationalTable({ rows: nationalValue('参保居民满意度', '≥60%') }),
      errors: [{ messageId: 'low', projectCode: null, role: 'indicator.value', level3: '具体指标：参保居民满意度' }],
    },
  ],
});

ruleTester(valueMissingUnit, {
  valid: [
    { name: '2021+ core: the unit in 度量单位', text: coreTable() },
    { name: '湖南: value and unit in 指标值及单位', text: hunanTable() },
  ],
  invalid: [
    {
      name: '2021+ core: ≥ | 95 | (度量单位 blank)',
      text: coreTable({ rows: coreValue('城乡居民养老保险参保率', '≥', '95', '') }),
      errors: [{ messageId: 'missingPercent', projectCode: null, role: 'indicator.value', level3: '城乡居民养老保险参保率' }],
    },
    {
      name: '2016 national: ≥95',
      text: nationalTable({ rows: nationalValue('城乡居民养老保险参保率', '≥95') }),
      errors: [{ messageId: 'missingPercent', projectCode: null, role: 'indicator.value', level3: '城乡居民养老保险参保率' }],
    },
  ],
});

ruleTester(valueNotMeasurable, {
  valid: [
    { name: '2021+ core: 定性 row', text: coreTable() },
    { name: '2021+ core: 定性 satisfaction row', text: coreTable({ rows: coreValue('参保居民满意度', '定性', '满意', '') }) },
  ],
  invalid: [
    {
      name: '2021+ core: 时效 row with ≤ | 及时',
      text: coreTable({ rows: coreValue('补贴发放完成时间', '≤', '及时', '') }),
      errors: [{ messageId: 'noNumber', projectCode: null, role: 'indicator.value', level3: '补贴发放完成时间' }],
    },
    {
      name: '湖南: the satisfaction 二级 under 效益 written 满意',
      text: hunanTable({ rows: hunanValue('参保居民满意度', '满意') }),
      errors: [{ messageId: 'noNumber', projectCode: null, role: 'indicator.value', level3: '参保居民满意度' }],
    },
  ],
});

/** 2016: satisfaction written as the 一级 服务对象满意度指标 with the 二级 具体指标. */
const NATIONAL_SATISFACTION_AS_LEVEL1 = edit(NATIONAL_ROWS, '参保居民满意度', (c) => {
  c[0] = '服务对象满意度指标';
  c[1] = '具体指标';
  c[2] = '参保居民满意度';
});
/** Label variants of docs/taxonomy.md §4 in the 2016 grid. */
const NATIONAL_VARIANTS: Row[] = [
  ['产出指标', '产出数量', '补贴发放人数', '≥12000人', ''],
  ['产出指标', '质量目标', '补贴发放准确率', '≥98%', ''],
  ['产出指标', '进度指标', '补贴发放完成时间', '2016年12月底前', ''],
  ['产出指标', '成本指标', '项目总成本', '≤800万元', ''],
  ['效益指标', '社会效益指标', '城乡居民养老保险参保率', '≥95%', ''],
  ['效益指标', '生态文明效益指标', '生活垃圾无害化处理率', '≥95%', ''],
  ['满意度指标', '服务对象满意度目标', '参保居民满意度', '≥90%', ''],
];
/** 湖南 without its satisfaction 二级. */
const HUNAN_NO_SATISFACTION = HUNAN_ROWS.filter((r) => !String(r[1]).includes('满意度'));

ruleTester(indicatorCategoryMismatch, {
  valid: [
    { name: '湖南: 社会公众或服务对象满意度指标 under 效益指标', text: hunanTable() },
    { name: '2016 national: 环境效益指标, and 具体指标 under 服务对象满意度指标', text: nationalTable() },
    { name: '2016 national: 服务对象满意度指标 as the 一级 with 具体指标', text: nationalTable({ rows: NATIONAL_SATISFACTION_AS_LEVEL1 }) },
    { name: 'label variants: 产出数量, 质量目标, 进度指标, 生态文明效益指标, 服务对象满意度目标', text: nationalTable({ rows: NATIONAL_VARIANTS }) },
    { name: '2021+ core: 成本指标 as 一级', text: coreTable() },
  ],
  invalid: [
    {
      name: '湖南: 数量指标 under 效益指标',
      text: hunanTable({ rows: edit(HUNAN_ROWS, '补贴发放人数', (c) => (c[0] = '效益指标')) }),
      errors: [{ messageId: 'level2', projectCode: null, role: 'indicator.level2', level3: '补贴发放人数' }],
    },
    {
      name: '湖北: a satisfaction 三级 under 社会效益指标',
      text: hubeiTable({ rows: edit(HUBEI_ROWS, '城乡居民养老保险参保率', (c) => (c[2] = '服务对象满意度')) }),
      errors: [{ messageId: 'satisfaction', projectCode: HUBEI_CODE, role: 'indicator.level3', level3: '服务对象满意度' }],
    },
  ],
});

ruleTester(missingLevel1Category, {
  valid: [
    { name: '湖南: satisfaction is the 二级 under 效益 (no 满意度 一级 needed)', text: hunanTable() },
    { name: '2016 national: 服务对象满意度指标 as the 一级', text: nationalTable({ rows: NATIONAL_SATISFACTION_AS_LEVEL1 }) },
    { name: '2016 national: 服务对象满意度目标 as the 二级', text: nationalTable({ rows: NATIONAL_VARIANTS }) },
    { name: '2021+ core', text: coreTable() },
  ],
  invalid: [
    {
      name: '湖南 without its satisfaction 二级',
      text: hunanTable({ rows: HUNAN_NO_SATISFACTION }),
      errors: [{ messageId: 'missing', projectCode: null, role: 'table', found: 'satisfaction' }],
    },
    {
      name: '2021+ core without 成本指标',
      text: coreTable({ rows: CORE_ROWS.filter((r) => r[0] !== '成本指标') }),
      errors: [{ messageId: 'missing', projectCode: null, role: 'table', found: 'cost' }],
    },
  ],
});

ruleTester(unknownIndicatorCategory, {
  valid: [
    { name: '湖南', text: hunanTable() },
    { name: '2016 national: 环境效益指标, 具体指标', text: nationalTable() },
    { name: '2016 national: 服务对象满意度指标 as the 一级 with 具体指标', text: nationalTable({ rows: NATIONAL_SATISFACTION_AS_LEVEL1 }) },
    { name: 'label variants of §4', text: nationalTable({ rows: NATIONAL_VARIANTS }) },
  ],
  invalid: [
    {
      name: '湖北: a made-up 二级',
      text: hubeiTable({ rows: edit(HUBEI_ROWS, '城乡居民养老保险参保率', (c) => (c[1] = '政策效益指标')) }),
      errors: [{ messageId: 'level2', projectCode: HUBEI_CODE, role: 'indicator.level2', level3: '城乡居民养老保险参保率' }],
    },
  ],
});

ruleTester(satisfactionUnderBenefit, {
  valid: [{ name: '湖南: the satisfaction 二级 under 效益 is the form’s own place for it', text: hunanTable() }],
  invalid: [
    {
      name: '湖南: a satisfaction measure under 社会效益指标 (not the satisfaction 二级)',
      text: hunanTable({ rows: edit(HUNAN_ROWS, '城乡居民养老保险参保率', (c) => (c[2] = '群众认可度')) }),
      errors: [{ messageId: 'satisfaction', projectCode: null, role: 'indicator.level3', level3: '群众认可度' }],
    },
  ],
});

ruleTester(satisfactionObjectUnspecified, {
  valid: [{ name: '2016 national: 具体指标：参保居民满意度 names its population', text: nationalTable() }],
  invalid: [
    {
      name: '2016 national: 具体指标：服务对象满意度 names nobody',
      text: nationalTable({ rows: edit(NATIONAL_ROWS, '参保居民满意度', (c) => (c[2] = '具体指标：服务对象满意度')) }),
      errors: [{ messageId: 'unspecified', projectCode: null, role: 'indicator.level3', level3: '具体指标：服务对象满意度' }],
    },
  ],
});

ruleTester(layoutDetected, {
  valid: [
    { name: '湖南: satisfaction under 效益 is the form itself, not a variant of it', text: hunanTable() },
    { name: '2016 national', text: nationalTable() },
  ],
  invalid: [
    {
      name: '湖南 under require-2021: the legacy layout is still reported',
      text: hunanTable(),
      layout: 'require-2021',
      errors: [{ messageId: 'notRequiredLayout', projectCode: null, role: 'table', found: 'legacy' }],
    },
  ],
});

ruleTester(duplicateProjectCode, {
  valid: [
    { name: '湖南: no codes on the form, two tables', text: hunanTable() + hunanTable({ name: '城乡居民医疗保险财政补贴' }) },
    { name: '2016 national: 主管部门编码 repeats, it is not a 项目编码', text: nationalTable() + nationalTable({ name: '城乡居民医疗保险财政补贴' }) },
    { name: '湖北: two codes', text: hubeiTable() + hubeiTable({ code: '420701-2022-0002', name: '城乡居民医疗保险财政补贴' }) },
  ],
  invalid: [
    {
      name: '湖北: the same 项目编码 twice',
      text: hubeiTable() + hubeiTable({ name: '城乡居民医疗保险财政补贴' }),
      errors: [{ messageId: 'duplicate', projectCode: HUBEI_CODE, role: 'code' }],
    },
    {
      name: '2021+ core: the same optional 项目编码 twice',
      text: coreTable({ code: 'A-2022-01' }) + coreTable({ code: 'A-2022-01', name: '城乡居民医疗保险财政补贴' }),
      errors: [{ messageId: 'duplicate', projectCode: 'A-2022-01', role: 'code' }],
    },
  ],
});

ruleTester(duplicateIndicator, {
  valid: [{ name: '2016 national: the 长期 block may repeat an annual 三级', text: nationalTable({ longTermRows: [['产出指标', '数量指标', '补贴发放人数', '≥60000人', '']] }) }],
  invalid: [
    {
      name: '湖南: a 三级 twice',
      text: hunanTable({ rows: [...HUNAN_ROWS, ['效益指标', '社会效益指标', '补贴发放准确率', '≥98%', '行业标准']] }),
      errors: [{ messageId: 'duplicate', projectCode: null, role: 'indicator.level3', level3: '补贴发放准确率' }],
    },
  ],
});

ruleTester(placeholderGoal, {
  valid: [
    { name: '湖南: 实施期绩效目标 is not the annual goal', text: hunanTable({ longTermGoals: '1、完成率' }) },
    { name: '湖北: a ； before a number that does not follow on does not cut the item', text: hubeiTable({ goals: '1、提高补贴准确率；3、4季度完成全部发放' }) },
  ],
  invalid: [
    {
      name: '2021+ core: items written inline, “1、…；2、详见附件”',
      text: coreTable({ goals: '1、为12000名参保居民按季度发放补贴；2、详见附件' }),
      errors: [{ messageId: 'placeholder', projectCode: null, role: 'goals', found: '2、详见附件' }],
    },
    {
      name: '湖北: inline items “1、完成率；2、同上”',
      text: hubeiTable({ goals: '1、完成率；2、同上' }),
      errors: [
        { messageId: 'placeholder', projectCode: HUBEI_CODE, role: 'goals', found: '1、完成率' },
        { messageId: 'placeholder', projectCode: HUBEI_CODE, role: 'goals', found: '2、同上' },
      ],
    },
    {
      name: '湖南: 本年度绩效目标 “1、完成率”',
      text: hunanTable({ goals: '1、完成率' }),
      errors: [{ messageId: 'placeholder', projectCode: null, role: 'goals' }],
    },
  ],
});

describe('requiredFields is checked against the fields a table can have', () => {
  const config = (requiredFields: unknown) => () => resolveConfig({ rules: { 'missing-required-field': ['error', { requiredFields }] } });
  it('accepts a list of known fields', () => {
    expect(config(['code', 'purpose', 'implementationPeriod'])).not.toThrow();
  });
  it('refuses an unknown field in one line naming the allowed ones', () => {
    expect(config(['kode'])).toThrow(/requiredFields.*"code"、"name"/);
  });
  it('refuses a string where a list is expected', () => {
    expect(config('code')).toThrow(/requiredFields/);
  });
});
