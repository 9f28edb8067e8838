import { costLowerBoundOperator } from '../../rules/cost-lower-bound-operator.js';
import { CLEAN_INDICATORS_2021, ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const cost = (level3: string, value: string) => withRows({ 项目总成本: ['产出指标', '成本指标', level3, '全年补贴支出总额', value, '预算支出标准'] });

ruleTester(costLowerBoundOperator, {
  valid: [
    { name: 'a cap', text: table() },
    { name: 'a fixed statutory standard with =', text: table({ indicators: cost('人均补助标准', '=300元/人·月') }) },
    { name: 'seed: ≥98% is cost-value-not-amount, not this rule', text: table({ indicators: cost('项目成本', '≥98%') }) },
    { name: 'a saving rate with ≥ is a ratio', text: table({ indicators: cost('成本节约率', '≥5%') }) },
  ],
  invalid: [
    {
      name: 'a total cost as a floor',
      text: table({ indicators: cost('项目总成本', '≥800万元') }),
      errors: [{ messageId: 'lowerBound', projectCode: CODE, role: 'indicator.value', level3: '项目总成本', found: '≥800万元', suggestion: '≤800万元' }],
    },
    {
      name: '2021+ 经济成本指标 with >',
      text: table({ indicators: CLEAN_INDICATORS_2021.map((r) => (r[1] === '经济成本指标' ? [...r.slice(0, 4), '>800万元', r[5]] : r)) }),
      errors: [{ messageId: 'lowerBound', projectCode: CODE, role: 'indicator.value', level3: '项目总成本', suggestion: '≤800万元' }],
    },
  ],
});
