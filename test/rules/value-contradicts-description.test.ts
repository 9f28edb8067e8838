import { valueContradictsDescription } from '../../rules/value-contradicts-description.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const quality = (description: string, value: string) =>
  withRows({ 补贴发放准确率: ['产出指标', '质量指标', '补贴发放准确率', description, value, '行业标准'] });

ruleTester(valueContradictsDescription, {
  valid: [
    { name: 'no promise of completeness', text: table() },
    { name: '应补尽补 with =100%', text: table({ indicators: quality('应补尽补', '=100%') }) },
    { name: 'a reverse indicator with ≤', text: table({ indicators: quality('足额发放，差错率控制在2%以内', '≤2%') }) },
    { name: '全部 used as a base of a rate, not as a promise', text: table({ indicators: quality('全部参保人员中按时缴费的比例', '≥95%') }) },
  ],
  invalid: [
    {
      name: 'seed: 应补尽补 / ≥98%',
      text: table({ indicators: quality('应补尽补', '≥98%') }),
      errors: [{ messageId: 'contradicts', projectCode: CODE, role: 'indicator.value', level3: '补贴发放准确率', found: '≥98%' }],
    },
    {
      name: 'seed: 补贴及时、足额拨付到位 / ≥98%',
      text: table({ indicators: withRows({ 补贴发放完成时间: ['产出指标', '时效指标', '资金在规定时间下达率', '补贴及时、足额拨付到位', '≥98%', '计划标准'] }) }),
      errors: [{ messageId: 'contradicts', projectCode: CODE, role: 'indicator.value', level3: '资金在规定时间下达率' }],
    },
    {
      name: 'seed: 每年一次 / ≥98%',
      text: table({ indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '审计数量', '每年一次', '≥98%', '计划标准'] }) }),
      errors: [{ messageId: 'contradicts', projectCode: CODE, role: 'indicator.value', level3: '审计数量' }],
    },
  ],
});
