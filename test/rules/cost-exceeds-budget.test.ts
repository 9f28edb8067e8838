import { costExceedsBudget } from '../../rules/cost-exceeds-budget.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const cost = (value: string, extra: object = {}) =>
  table({ ...extra, indicators: withRows({ 项目总成本: ['产出指标', '成本指标', '项目总成本', '全年支出', value, '预算支出标准'] }) });

ruleTester(costExceedsBudget, {
  valid: [
    { name: 'equal to the budget', text: cost('≤800万元') },
    { name: 'in 元, below the budget', text: cost('≤7999999元') },
    { name: 'a percent is not an amount (cost-value-not-amount reports it)', text: cost('≥98%') },
    { name: 'unit cost', text: cost('≤300元/人·月') },
    { name: 'within the tolerance', text: cost('≤800.004万元') },
  ],
  invalid: [
    {
      name: '元 written as 万元',
      text: cost('≤8000万元'),
      errors: [{ messageId: 'exceeds', projectCode: CODE, role: 'indicator.value', level3: '项目总成本', found: '≤8000万元' }],
    },
    {
      name: 'in 元, above the budget',
      text: cost('≤9000000元'),
      errors: [{ messageId: 'exceeds', projectCode: CODE, role: 'indicator.value', level3: '项目总成本' }],
    },
    {
      name: 'small budget',
      text: cost('≤1万元', { budget: '0.20', fiscal: '0.20' }),
      errors: [{ messageId: 'exceeds', projectCode: CODE, role: 'indicator.value', level3: '项目总成本' }],
    },
  ],
});
