import { valueNotMeasurable } from '../../rules/value-not-measurable.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const replace = (l3: string, row: (string | null)[]) => table({ indicators: withRows({ [l3]: row }) });

ruleTester(valueNotMeasurable, {
  valid: [
    { name: 'every value has a number', text: table() },
    {
      name: 'a Chinese numeral with a unit (每年一次)',
      text: replace('补贴发放人数', ['产出指标', '数量指标', '审计数量', '每年一次', '一次', '计划标准']),
    },
    {
      name: 'a qualitative 可持续影响 value is outside the rule',
      text: replace('补贴制度持续年限', ['效益指标', '可持续影响指标', '长效管理机制', '建立长效机制', '健全', '计划标准']),
    },
    {
      name: 'a row marked 定性 in 指标性质',
      text: table({
        header: ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '指标值设定依据'],
        indicators: [
          ['产出指标', '时效指标', '补贴发放时间', '定性', '按季度发放', '', '计划标准'],
          ['产出指标', '数量指标', '补贴发放人数', '≥', '12000', '人', '计划标准'],
        ],
      }),
    },
  ],
  invalid: [
    {
      name: '时效: 及时',
      text: replace('补贴发放完成时间', ['产出指标', '时效指标', '补贴发放完成时间', '按季度发放', '及时', '计划标准']),
      errors: [{ messageId: 'noNumber', projectCode: CODE, role: 'indicator.value', level3: '补贴发放完成时间', found: '及时' }],
    },
    {
      name: '满意度: 满意',
      text: replace('参保居民满意度', ['满意度指标', '服务对象满意度指标', '参保居民满意度', '抽样调查', '满意', '计划标准']),
      errors: [{ messageId: 'noNumber', projectCode: CODE, role: 'indicator.value', level3: '参保居民满意度' }],
    },
    {
      name: '数量: 到位',
      text: replace('补贴发放人数', ['产出指标', '数量指标', '补贴发放人数', '人数', '全部到位', '计划标准']),
      errors: [{ messageId: 'noNumber', projectCode: CODE, role: 'indicator.value', level3: '补贴发放人数' }],
    },
    {
      name: '成本: 不超预算',
      text: replace('项目总成本', ['产出指标', '成本指标', '项目总成本', '全年支出', '不超预算', '预算支出标准']),
      errors: [{ messageId: 'noNumber', projectCode: CODE, role: 'indicator.value', level3: '项目总成本' }],
    },
    {
      name: 'an empty value',
      text: replace('补贴发放完成时间', ['产出指标', '时效指标', '补贴发放完成时间', '按季度发放', '', '计划标准']),
      errors: [{ messageId: 'empty', projectCode: CODE, role: 'indicator.value', level3: '补贴发放完成时间' }],
    },
  ],
});
