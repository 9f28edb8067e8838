import { valueContradictsDescription } from '../../rules/value-contradicts-description.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const quality = (level3: string, description: string, value: string) =>
  withRows({ 补贴发放准确率: ['产出指标', '质量指标', level3, description, value, '行业标准'] });
const HEADER_2021 = ['一级指标', '二级指标', '三级指标', '指标解释', '指标性质', '指标值', '度量单位', '指标值设定依据'];
/** county-sample-2022 DF07: the sign in 指标性质, the unit in 度量单位. */
const eco2021 = (description: string, nature: string, value: string) =>
  table({
    header: HEADER_2021,
    indicators: [
      ['成本指标', '经济成本指标', '疫苗采购及防疫劳务费', '疫苗采购及防疫劳务支出', '≤', '86', '万元', '预算支出标准'],
      ['效益指标', '生态效益指标', '病死畜禽无害化处理率', description, nature, value, '%', '行业标准'],
    ],
  });

ruleTester(valueContradictsDescription, {
  seed: [0, 0], // 足额 on 时效 rows and 每年一次 on 数量 rows are not contradictions (issue 10)
  valid: [
    { name: 'no promise of completeness', text: table() },
    { name: '应补尽补 with =100%', text: table({ indicators: quality('补贴对象覆盖率', '应补尽补', '=100%') }) },
    { name: 'a reverse indicator with ≤', text: table({ indicators: quality('补贴发放差错率', '足额发放，差错率控制在2%以内', '≤2%') }) },
    { name: '全部 used as a base of a rate, not as a promise', text: table({ indicators: quality('按时缴费率', '全部参保人员中按时缴费的比例', '≥95%') }) },
    {
      name: 'seed B5YG: 应补尽补 is about coverage, the row measures accuracy (a definition is missing, not =100%)',
      text: table({ indicators: quality('补贴准确率', '应补尽补', '≥98%') }),
    },
    {
      name: 'seed: 足额 on a 时效 row is about the amount, not the deadline (timeliness-value-not-time reports the row)',
      text: table({ indicators: withRows({ 补贴发放完成时间: ['产出指标', '时效指标', '资金在规定时间下达率', '补贴及时、足额拨付到位', '≥98%', '计划标准'] }) }),
    },
    {
      name: 'seed G3Q0: 每年一次 on a 数量 row asks for a count (quantity-value-percentage), not =100%',
      text: table({ indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '审计数量', '每年一次', '≥98%', '计划标准'] }) }),
    },
    { name: '足额 against a rate that is not about money', text: table({ indicators: quality('培训合格率', '培训经费足额保障', '≥95%') }) },
    { name: 'DF07 with = 100 in the 2021+ columns', text: eco2021('病死畜禽全部无害化处理', '=', '100') },
  ],
  invalid: [
    {
      name: '应补尽补 / ≥98% on a coverage rate',
      text: table({ indicators: quality('补贴对象覆盖率', '符合条件的居民应补尽补', '≥98%') }),
      errors: [{ messageId: 'contradicts', projectCode: CODE, role: 'indicator.value', level3: '补贴对象覆盖率', found: '≥98%', suggestion: '=100%' }],
    },
    {
      name: '足额 / ≥98% on a rate of the money under 质量',
      text: table({ indicators: quality('补贴足额发放率', '补贴按标准足额发放', '≥98%') }),
      errors: [{ messageId: 'contradicts', projectCode: CODE, role: 'indicator.value', level3: '补贴足额发放率', suggestion: '=100%' }],
    },
    {
      name: 'county-sample-2022 DF07: 全部无害化处理 against ≥ | 95 | % (sign in 指标性质)',
      text: eco2021('病死畜禽全部无害化处理', '≥', '95'),
      errors: [{ messageId: 'contradicts', projectCode: CODE, role: 'indicator.value', level3: '病死畜禽无害化处理率', found: '95', suggestion: null }],
    },
  ],
});
