import { costRowNotACost } from '../../rules/cost-row-not-a-cost.js';
import { CLEAN_INDICATORS_2021, ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const cost = (level3: string, description: string, value: string) =>
  withRows({ 项目总成本: ['产出指标', '成本指标', level3, description, value, '预算支出标准'] });

ruleTester(costRowNotACost, {
  seed: [1, 1],
  valid: [
    { name: 'a total cost', text: table() },
    { name: 'a unit cost standard', text: table({ indicators: cost('人均补助标准', '每人每月补助', '≤300元/人·月') }) },
    { name: 'a neutral name with an amount value', text: table({ indicators: cost('补贴发放', '全年补贴支出', '≤800万元') }) },
    {
      name: '2021+ 社会成本指标 measures a negative impact, not money',
      text: table({ indicators: [...CLEAN_INDICATORS_2021, ['成本指标', '社会成本指标', '对周边居民生活的影响', '施工噪声投诉次数', '≤2次', '历史标准']] }),
    },
  ],
  invalid: [
    {
      name: 'seed: 社保征缴增加，财政兜底减少',
      text: table({ indicators: cost('社保征缴增加，财政兜底减少', '加大征缴力度，尽量减少财政补贴', '≥98%') }),
      errors: [{ messageId: 'notCost', projectCode: CODE, role: 'indicator.level3', level3: '社保征缴增加，财政兜底减少' }],
    },
    {
      name: '2021+ 经济成本指标 with a process measure',
      text: table({
        indicators: CLEAN_INDICATORS_2021.map((r) => (r[1] === '经济成本指标' ? ['成本指标', '经济成本指标', '资金到位率', '资金及时到位', '=100%', '计划标准'] : r)),
      }),
      errors: [{ messageId: 'notCost', projectCode: CODE, role: 'indicator.level3', level3: '资金到位率' }],
    },
  ],
});
