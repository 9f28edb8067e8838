import { timelinessValueNotTime } from '../../rules/timeliness-value-not-time.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const timeliness = (level3: string, description: string, value: string) =>
  withRows({ 补贴发放完成时间: ['产出指标', '时效指标', level3, description, value, '计划标准'] });

ruleTester(timelinessValueNotTime, {
  seed: [15, 15],
  valid: [
    { name: 'a date', text: table() },
    { name: 'a rate whose deadline the description states', text: table({ indicators: timeliness('补贴按时发放率', '每季度末月25日前发放当季补贴', '≥98%') }) },
    { name: 'a rate with the deadline in its name', text: table({ indicators: timeliness('15个工作日内办结率', '受理后15个工作日内办结', '≥95%') }) },
    { name: 'a duration', text: table({ indicators: timeliness('审计报告出具时限', '审计结束后出具报告', '≤30个工作日') }) },
    { name: 'no time sense at all is left to non-time-metric-under-timeliness', text: table({ indicators: timeliness('完成单位工作任务', '保质保量完成', '≥98%') }) },
  ],
  invalid: [
    {
      name: 'seed: 资金在规定时间下达率 ≥98%, 规定时间 never stated',
      text: table({ indicators: timeliness('资金在规定时间下达率', '补贴及时、足额拨付到位', '≥98%') }),
      errors: [{ messageId: 'percentWithoutDeadline', projectCode: CODE, role: 'indicator.value', level3: '资金在规定时间下达率', found: '≥98%' }],
    },
    {
      name: 'seed: 资金支付时限 ≥98%',
      text: table({ indicators: timeliness('资金支付时限', '及时报销', '≥98%') }),
      errors: [{ messageId: 'percentWithoutDeadline', projectCode: CODE, role: 'indicator.value', level3: '资金支付时限' }],
    },
  ],
});
