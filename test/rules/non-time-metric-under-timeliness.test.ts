import { nonTimeMetricUnderTimeliness } from '../../rules/non-time-metric-under-timeliness.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const timeliness = (level3: string, description: string, value: string) =>
  withRows({ 补贴发放完成时间: ['产出指标', '时效指标', level3, description, value, '计划标准'] });

ruleTester(nonTimeMetricUnderTimeliness, {
  seed: [3, 3],
  valid: [
    { name: 'a completion date', text: table() },
    { name: 'seed: 资金支付时限 (has 时限)', text: table({ indicators: timeliness('资金支付时限', '及时报销', '≥98%') }) },
    { name: 'seed: 资金支付及时 (has 及时)', text: table({ indicators: timeliness('资金支付及时', '足额拨付到位', '≥98%') }) },
    { name: 'the time is in the value', text: table({ indicators: timeliness('审计报告出具', '审计结束后出具报告', '≤30个工作日') }) },
    { name: '进度指标 alias with 进度', text: table({ indicators: withRows({ 补贴发放完成时间: ['产出指标', '进度指标', '项目实施进度', '按计划完成', '12月底前', '计划标准'] }) }) },
  ],
  invalid: [
    {
      name: 'an audit project gets an audit deadline',
      text: table({ name: '聘请三方对社保基金例行审计费用', indicators: timeliness('基金安全、有序运行', '保障基金安全', '≥98%') }),
      errors: [{ messageId: 'noTime', projectCode: CODE, role: 'indicator.level3', level3: '基金安全、有序运行', suggestion: '审计报告出具时间 X年X月底前' }],
    },
    {
      name: 'seed: 完成单位工作任务',
      text: table({ indicators: timeliness('完成单位工作任务', '保质保量完成单位交付工作', '≥98%') }),
      errors: [{ messageId: 'noTime', projectCode: CODE, role: 'indicator.level3', level3: '完成单位工作任务' }],
    },
    {
      name: 'seed: 基金安全、有序运行',
      text: table({ indicators: timeliness('基金安全、有序运行', '保障基金安全', '≥98%') }),
      errors: [{ messageId: 'noTime', projectCode: CODE, role: 'indicator.level3', level3: '基金安全、有序运行' }],
    },
    {
      name: '年金 is not a year: 年金到账',
      text: table({ indicators: timeliness('年金到账', '按规定计入个人账户', '≥98%') }),
      errors: [{ messageId: 'noTime', projectCode: CODE, role: 'indicator.level3', level3: '年金到账' }],
    },
  ],
});
