import { missingOperator } from '../../rules/missing-operator.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const social = (value: string) =>
  withRows({ 城乡居民养老保险参保率: ['效益指标', '社会效益指标', '城乡居民养老保险参保率', '适龄居民参加养老保险的比例', value, '历史标准'] });

ruleTester(missingOperator, {
  valid: [
    { name: 'every value has its operator; a date carries its own bound', text: table() },
    { name: 'direction in words: 95%以上', text: table({ indicators: social('95%以上') }) },
    { name: 'a qualitative value', text: table({ indicators: social('显著提高') }) },
    { name: 'the spend plan is not checked', text: table({ spendPlan: ['25', '50', '75', '100'] }) },
  ],
  invalid: [
    {
      name: 'seed: 100%',
      text: table({ indicators: social('100%') }),
      errors: [{ messageId: 'noOperator', projectCode: CODE, role: 'indicator.value', level3: '城乡居民养老保险参保率', found: '100%' }],
    },
    {
      name: 'seed: 99% and a bare count',
      text: table({
        indicators: withRows({
          城乡居民养老保险参保率: ['效益指标', '社会效益指标', '城乡居民养老保险参保率', '适龄居民参加养老保险的比例', '99%', '历史标准'],
          补贴发放人数: ['产出指标', '数量指标', '补贴发放人数', '发放补贴的人数', '12000人', '计划标准'],
        }),
      }),
      errors: [
        { messageId: 'noOperator', projectCode: CODE, role: 'indicator.value', level3: '城乡居民养老保险参保率', found: '99%' },
        { messageId: 'noOperator', projectCode: CODE, role: 'indicator.value', level3: '补贴发放人数', found: '12000人' },
      ],
    },
  ],
});
