import { costAmountInDescription } from '../../rules/cost-amount-in-description.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const cost = (description: string, value: string) => withRows({ 项目总成本: ['产出指标', '成本指标', '项目成本', description, value, '预算支出标准'] });

ruleTester(costAmountInDescription, {
  seed: [17, 17],
  valid: [
    { name: 'the amount is in the value', text: table() },
    { name: 'amount in both places', text: table({ indicators: cost('总成本800万元', '≤800万元') }) },
    { name: 'no amount in the description', text: table({ indicators: cost('加大征缴力度，尽量减少财政补贴', '≥98%') }) },
    { name: 'amounts in a non-cost description are not this rule', text: table({ indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '补贴发放人数', '人均补贴600元', '≥12000人', '计划标准'] }) }) },
  ],
  invalid: [
    {
      name: 'seed: 总成本800万元 / ≥98%',
      text: table({ indicators: cost('总成本800万元', '≥98%') }),
      errors: [{ messageId: 'amountInDescription', projectCode: CODE, role: 'indicator.value', level3: '项目成本', found: '≥98%', suggestion: '≤800万元' }],
    },
    {
      name: 'seed: 总成本350万 (万 alone is 万元)',
      text: table({ indicators: cost('总成本350万', '≥98%') }),
      errors: [{ messageId: 'amountInDescription', projectCode: CODE, role: 'indicator.value', level3: '项目成本', suggestion: '≤350万元' }],
    },
    {
      name: 'a blank value gets a suggestion but no fix',
      text: table({ indicators: cost('6.5万元', '') }),
      errors: [{ messageId: 'amountInDescription', projectCode: CODE, role: 'indicator.value', level3: '项目成本', found: null, suggestion: '≤6.5万元' }],
    },
  ],
});
