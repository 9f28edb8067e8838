import { moneyAmountAsQuantity } from '../../rules/money-amount-as-quantity.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const quantity = (level3: string, value: string) => withRows({ 补贴发放人数: ['产出指标', '数量指标', level3, '按规定统计', value, '计划标准'] });

ruleTester(moneyAmountAsQuantity, {
  seed: [5, 5],
  valid: [
    { name: 'a head count', text: table() },
    { name: 'a count of projects that mentions 资金', text: table({ indicators: quantity('资金监管项目数', '≥12个') }) },
    { name: 'money under the cost indicator is fine', text: table({ indicators: withRows({ 项目总成本: ['产出指标', '成本指标', '补贴资金总额', '全年补贴支出', '≤800万元', '预算支出标准'] }) }) },
  ],
  invalid: [
    {
      name: 'farmland: the count is in 亩, not people',
      text: table({ name: '高标准农田建设', indicators: quantity('建设资金', '1200') }),
      errors: [{ messageId: 'money', projectCode: CODE, role: 'indicator.level3', level3: '建设资金', suggestion: '建设高标准农田面积 ≥N亩' }],
    },
    {
      name: 'seed: 定期待遇缺口金额',
      text: table({ indicators: quantity('定期待遇缺口金额', '≥98%') }),
      errors: [{ messageId: 'money', projectCode: CODE, role: 'indicator.level3', level3: '定期待遇缺口金额' }],
    },
    {
      name: 'seed: 培训次数及金额',
      text: table({ indicators: quantity('培训次数及金额', '≥98%') }),
      errors: [{ messageId: 'money', projectCode: CODE, role: 'indicator.level3', level3: '培训次数及金额' }],
    },
    {
      name: 'a money value under a neutral name',
      text: table({ indicators: quantity('补贴发放规模', '≥800万元') }),
      errors: [{ messageId: 'money', projectCode: CODE, role: 'indicator.level3', level3: '补贴发放规模' }],
    },
  ],
});
