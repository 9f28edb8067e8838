import { satisfactionThresholdLow } from '../../rules/satisfaction-threshold-low.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const sat = (value: string, l2 = '服务对象满意度指标', l1 = '满意度指标', l3 = '参保居民满意度') =>
  table({ indicators: withRows({ 参保居民满意度: [l1, l2, l3, '抽样调查', value, '计划标准'] }) });

ruleTester(satisfactionThresholdLow, {
  valid: [
    { name: '≥90%', text: sat('≥90%') },
    { name: 'exactly 85%', text: sat('≥85%') },
    { name: 'a reverse measure with ≤', text: sat('≤5%', '服务对象满意度指标', '满意度指标', '投诉率') },
    { name: 'raised floor, met', text: sat('≥92%'), options: { min: 90 } },
    { name: 'lowered floor', text: sat('≥80%'), options: { min: 80 } },
    { name: 'a non-satisfaction row with a low percent', text: table({ indicators: withRows({ 城乡居民养老保险参保率: ['效益指标', '社会效益指标', '参保率', '比例', '≥60%', '历史标准'] }) }) },
  ],
  invalid: [
    {
      name: '≥60%',
      text: sat('≥60%'),
      errors: [{ messageId: 'low', projectCode: CODE, role: 'indicator.value', level3: '参保居民满意度', found: '≥60%', suggestion: '≥85%' }],
    },
    {
      name: 'option min 90',
      text: sat('≥88%'),
      options: { min: 90 },
      errors: [{ messageId: 'low', projectCode: CODE, role: 'indicator.value', level3: '参保居民满意度', suggestion: '≥90%' }],
    },
    {
      name: '湖南 variant: 社会公众或服务对象满意度指标 under 效益',
      text: sat('≥70%', '社会公众或服务对象满意度指标', '效益指标'),
      errors: [{ messageId: 'low', projectCode: CODE, role: 'indicator.value', level3: '参保居民满意度' }],
    },
    {
      name: 'no operator',
      text: sat('80%'),
      errors: [{ messageId: 'low', projectCode: CODE, role: 'indicator.value', level3: '参保居民满意度' }],
    },
  ],
});
