import { valueMissingUnit } from '../../rules/value-missing-unit.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const replace = (l3: string, row: (string | null)[]) => table({ indicators: withRows({ [l3]: row }) });

ruleTester(valueMissingUnit, {
  valid: [
    { name: 'every value has a unit', text: table() },
    { name: 'bare numbers in the spend plan are not indicator values', text: table({ spendPlan: ['25', '50', '75', '100'] }) },
    {
      name: 'a 度量单位 column gives the unit',
      text: table({
        header: ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '指标值设定依据'],
        indicators: [
          ['产出指标', '数量指标', '补贴发放人数', '≥', '12000', '人', '计划标准'],
          ['满意度指标', '服务对象满意度指标', '参保居民满意度', '≥', '90', '%', '计划标准'],
        ],
      }),
    },
    { name: 'text values are value-not-measurable, not this rule', text: replace('补贴发放完成时间', ['产出指标', '时效指标', '补贴发放完成时间', '按季度', '及时', '计划标准']) },
  ],
  invalid: [
    {
      name: 'seed: ≥95 under 可持续影响指标',
      text: replace('补贴制度持续年限', ['效益指标', '可持续影响指标', '社会稳定和谐', '规范医疗机构规定、制度', '≥95', '单位工作需要']),
      errors: [{ messageId: 'missingUnit', projectCode: CODE, role: 'indicator.value', level3: '社会稳定和谐', found: '≥95', suggestion: null }],
    },
    {
      name: 'a rate gets a % suggestion',
      text: replace('城乡居民养老保险参保率', ['效益指标', '社会效益指标', '城乡居民养老保险参保率', '参保比例', '≥95', '历史标准']),
      errors: [{ messageId: 'missingPercent', projectCode: CODE, role: 'indicator.value', level3: '城乡居民养老保险参保率', suggestion: '≥95%' }],
    },
    {
      name: 'a number without operator',
      text: replace('补贴发放人数', ['产出指标', '数量指标', '补贴发放人数', '人数', '12000', '计划标准']),
      errors: [{ messageId: 'missingUnit', projectCode: CODE, role: 'indicator.value', level3: '补贴发放人数' }],
    },
  ],
});
