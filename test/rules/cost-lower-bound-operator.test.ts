import { costLowerBoundOperator } from '../../rules/cost-lower-bound-operator.js';
import { CLEAN_INDICATORS_2021, ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const HEADER_2021 = ['一级指标', '二级指标', '三级指标', '指标解释', '指标性质', '指标值', '度量单位', '指标值设定依据'];
/** A 2021+ table whose 经济成本 row has the sign in the 指标性质 column. */
const nature2021 = (nature: string, value: string, unit: string) =>
  table({
    header: HEADER_2021,
    indicators: [
      ['成本指标', '经济成本指标', '每公里年养护成本', '每公里农村公路年养护成本', nature, value, unit, '行业标准'],
      ['产出指标', '数量指标', '养护里程', '年度养护的农村公路里程', '≥', '132', '公里', '计划标准'],
    ],
  });
const cost = (level3: string, value: string) => withRows({ 项目总成本: ['产出指标', '成本指标', level3, '全年补贴支出总额', value, '预算支出标准'] });

ruleTester(costLowerBoundOperator, {
  seed: [0, 0],
  valid: [
    { name: 'a cap', text: table() },
    { name: 'a fixed statutory standard with =', text: table({ indicators: cost('人均补助标准', '=300元/人·月') }) },
    { name: 'seed: ≥98% is cost-value-not-amount, not this rule', text: table({ indicators: cost('项目成本', '≥98%') }) },
    { name: 'a saving rate with ≥ is a ratio', text: table({ indicators: cost('成本节约率', '≥5%') }) },
    { name: '2021+: ≤ in 指标性质', text: nature2021('≤', '1970', '元') },
    { name: '2021+: = in 指标性质 (a fixed standard)', text: nature2021('=', '1970', '元') },
    { name: '2021+: 定性 in 指标性质', text: nature2021('定性', '无明显影响', '') },
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
    {
      name: 'county-sample-2022 YH15: ≥ in the 指标性质 column, value and unit in their own columns',
      text: nature2021('≥', '1970', '元'),
      errors: [{ messageId: 'lowerBound', projectCode: CODE, role: 'indicator.nature', level3: '每公里年养护成本', found: '≥', suggestion: '≤' }],
    },
  ],
});
