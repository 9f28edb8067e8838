import { costValueNotAmount } from '../../rules/cost-value-not-amount.js';
import { CLEAN_INDICATORS_2021, ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const cost = (l3: string, desc: string, value: string, l2 = '成本指标', l1 = '产出指标') =>
  table({ indicators: withRows({ 项目总成本: [l1, l2, l3, desc, value, '预算支出标准'] }) });

ruleTester(costValueNotAmount, {
  valid: [
    { name: 'cost cap in 万元', text: table() },
    { name: 'unit cost 元/人·月', text: cost('人均补贴标准', '每人每月补贴', '≤300元/人·月') },
    { name: 'amount in 元', text: cost('项目总成本', '全年支出', '≤8000000元') },
    { name: '万 shorthand at the end', text: cost('项目总成本', '全年支出', '≤350万') },
    { name: '2021+ layout with 经济成本指标', text: table({ indicators: CLEAN_INDICATORS_2021 }) },
    { name: 'a percent outside cost indicators', text: table() },
  ],
  invalid: [
    {
      name: 'seed: percent with the amount in the description',
      text: cost('项目成本', '总成本800万元', '≥98%'),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '项目成本', found: '≥98%', suggestion: '≤800万元' }],
    },
    {
      name: '万 in the description becomes 万元 in the suggestion',
      text: cost('项目成本', '总成本350万', '≥98%'),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '项目成本', suggestion: '≤350万元' }],
    },
    {
      name: 'no amount in the description: no suggestion',
      text: cost('项目总成本', '全年支出', '100%'),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '项目总成本', suggestion: null }],
    },
    {
      name: 'bare number',
      text: cost('项目总成本', '全年支出', '≤800'),
      errors: [{ messageId: 'bareNumber', projectCode: CODE, role: 'indicator.value', level3: '项目总成本' }],
    },
    {
      name: 'text',
      text: cost('项目总成本', '全年支出', '不超预算'),
      errors: [{ messageId: 'notAmount', projectCode: CODE, role: 'indicator.value', level3: '项目总成本' }],
    },
    {
      name: 'count unit is not money (1.2万人)',
      text: cost('项目总成本', '全年支出', '≥1.2万人'),
      errors: [{ messageId: 'notAmount', projectCode: CODE, role: 'indicator.value', level3: '项目总成本' }],
    },
    {
      name: 'ratio-named cost indicator with ≤ is info',
      text: cost('成本控制率', '实际成本占预算的比例', '≤100%'),
      errors: [{ messageId: 'ratio', projectCode: CODE, role: 'indicator.value', level3: '成本控制率', severity: 0 }],
    },
    {
      name: 'ratio-named cost indicator with ≥ is an error',
      text: cost('成本节约率', '节约成本的比例', '≥5%'),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '成本节约率', severity: 2 }],
    },
    {
      name: '2021+ layout: 一级 成本指标 / 经济成本指标',
      text: table({ indicators: [['成本指标', '经济成本指标', '项目总成本', '总成本800万元', '≥98%', '预算支出标准'], ...CLEAN_INDICATORS_2021.slice(1)] }),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '项目总成本', suggestion: '≤800万元' }],
    },
    {
      name: 'alias 产出成本',
      text: cost('项目总成本', '全年支出', '≥98%', '产出成本'),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '项目总成本' }],
    },
  ],
});
