import { processMetricAsBenefit } from '../../rules/process-metric-as-benefit.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const economic = (level3: string, value = '100%') => withRows({ 领取待遇居民人均增收: ['效益指标', '经济效益指标', level3, '资金落实到位', value, '计划标准'] });

ruleTester(processMetricAsBenefit, {
  seed: [10, 10],
  valid: [
    { name: 'real benefits', text: table() },
    { name: 'an accuracy rate under 质量 (an output) is fine', text: table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '支付准确率', '按标准支付', '≥98%', '行业标准'] }) }) },
    { name: 'a coverage rate under 社会效益', text: table({ indicators: withRows({ 城乡居民养老保险参保率: ['效益指标', '社会效益指标', '补贴政策覆盖率', '符合条件居民中享受补贴的比例', '≥95%', '历史标准'] }) }) },
  ],
  invalid: [
    {
      name: 'seed: 经济效益指标 / 资金支付及时率',
      text: table({ indicators: economic('资金支付及时率') }),
      errors: [{ messageId: 'process', projectCode: CODE, role: 'indicator.level3', level3: '资金支付及时率' }],
    },
    {
      name: 'seed: 经济效益指标 / 支付准确率',
      text: table({ indicators: economic('支付准确率', '99%') }),
      errors: [{ messageId: 'process', projectCode: CODE, role: 'indicator.level3', level3: '支付准确率' }],
    },
    {
      name: 'seed: 补贴资金在规定时间到位率',
      text: table({ indicators: economic('补贴资金在规定时间到位率') }),
      errors: [{ messageId: 'process', projectCode: CODE, role: 'indicator.level3', level3: '补贴资金在规定时间到位率' }],
    },
    {
      name: '预算执行率 under 可持续影响',
      text: table({ indicators: withRows({ 补贴制度持续年限: ['效益指标', '可持续影响指标', '预算执行率', '预算支出占预算数的比例', '≥95%', '计划标准'] }) }),
      errors: [{ messageId: 'process', projectCode: CODE, role: 'indicator.level3', level3: '预算执行率' }],
    },
  ],
});
