import { missingOperator } from '../../rules/missing-operator.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const row = (level2: string, level3: string, value: string, level1 = '产出指标') =>
  withRows({ 补贴发放准确率: [level1, level2, level3, `${level3}的口径`, value, '行业标准'] });

ruleTester(missingOperator, {
  seed: [0, 0], // the seed's bare values are 100% or on rows rewritten whole (issue 10)
  valid: [
    { name: 'every value has its operator; a date carries its own bound', text: table() },
    { name: 'direction in words: 95%以上', text: table({ indicators: row('质量指标', '补贴发放准确率', '95%以上') }) },
    { name: 'a qualitative value', text: table({ indicators: row('社会效益指标', '居民生活水平', '显著提高', '效益指标') }) },
    { name: 'the spend plan is not checked', text: table({ spendPlan: ['25', '50', '75', '100'] }) },
    { name: 'seed: 100% has one reading (资金支付及时率)', text: table({ indicators: row('时效指标', '资金支付及时率', '100%') }) },
    { name: 'a rate of 0% has one reading', text: table({ indicators: row('质量指标', '补贴发放差错率', '0%') }) },
    { name: 'county-education YY01: a bare 0 incidents', text: table({ indicators: row('质量指标', '食品安全事故发生率', '0') }) },
    { name: 'a bare 100 of a rate (value-missing-unit asks for the %)', text: table({ indicators: row('质量指标', '补贴发放准确率', '100') }) },
  ],
  invalid: [
    {
      name: 'county-education XQ02: 98% of an accuracy rate is a floor',
      text: table({ indicators: row('质量指标', '资助对象认定准确率', '98%') }),
      errors: [{ messageId: 'directed', projectCode: CODE, role: 'indicator.value', level3: '资助对象认定准确率', found: '98%', suggestion: '≥98%' }],
    },
    {
      name: 'an error rate is a cap',
      text: table({ indicators: row('质量指标', '补贴发放差错率', '2%') }),
      errors: [{ messageId: 'directed', projectCode: CODE, role: 'indicator.value', level3: '补贴发放差错率', suggestion: '≤2%' }],
    },
    {
      name: 'a bare count is a floor',
      text: table({ indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '补贴发放人数', '发放补贴的人数', '12000人', '计划标准'] }) }),
      errors: [{ messageId: 'directed', projectCode: CODE, role: 'indicator.value', level3: '补贴发放人数', found: '12000人', suggestion: '≥12000人' }],
    },
    {
      name: 'a name that does not tell the direction: no suggestion',
      text: table({ indicators: withRows({ 领取待遇居民人均增收: ['效益指标', '经济效益指标', '人均补贴标准', '每人每年补贴', '600元', '历史标准'] }) }),
      errors: [{ messageId: 'noOperator', projectCode: CODE, role: 'indicator.value', level3: '人均补贴标准', found: '600元', suggestion: null }],
    },
  ],
});
