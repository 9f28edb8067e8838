import { duplicateIndicator } from '../../rules/duplicate-indicator.js';
import { CLEAN_INDICATORS, ruleTester, table, tables, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(duplicateIndicator, {
  valid: [
    { name: 'distinct names', text: table() },
    { name: 'the same name in two different tables', text: tables({}, { code: '316-1202-JBN-B5YG', name: '医疗补贴' }) },
  ],
  invalid: [
    {
      name: 'seed: 服务对象满意度 twice',
      text: table({
        indicators: [
          ...withRows({ 城乡居民养老保险参保率: ['效益指标', '生态效益指标', '服务对象满意度', '受益人群满意度', '≥95%', '计划标准'] }, CLEAN_INDICATORS.slice(0, -1)),
          ['满意度指标', '服务对象满意度指标', '服务对象满意度', '满意', '≥95%', '计划标准'],
        ],
      }),
      errors: [{ messageId: 'duplicate', projectCode: CODE, role: 'indicator.level3', level3: '服务对象满意度' }],
    },
    {
      name: 'whitespace is ignored; three copies report twice',
      text: table({
        indicators: [
          ...CLEAN_INDICATORS,
          ['效益指标', '社会效益指标', '参保居民 满意度', '满意', '≥90%', '计划标准'],
          ['效益指标', '社会效益指标', '参保居民满意度', '满意', '≥90%', '计划标准'],
        ],
      }),
      errors: [
        { messageId: 'duplicate', projectCode: CODE, role: 'indicator.level3', level3: '参保居民 满意度' },
        { messageId: 'duplicate', projectCode: CODE, role: 'indicator.level3', level3: '参保居民满意度' },
      ],
    },
  ],
});
