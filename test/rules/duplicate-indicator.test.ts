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
      // the misfiled copy under 生态效益 is the one to delete (test/engine-yields.test.ts checks the row and the related one)
      errors: [{ messageId: 'misfiled', projectCode: CODE, role: 'indicator.level3', level3: '服务对象满意度' }],
    },
    {
      name: 'both rows filed correctly: the later one is the duplicate',
      text: table({ indicators: [...CLEAN_INDICATORS, ['产出指标', '数量指标', '补贴发放人数', '发放补贴的人数', '≥12000人', '计划标准']] }),
      errors: [{ messageId: 'duplicate', projectCode: CODE, role: 'indicator.level3', level3: '补贴发放人数' }],
    },
    {
      name: 'both rows misfiled: the later one is the duplicate',
      text: table({
        indicators: [
          ...CLEAN_INDICATORS.slice(0, -1),
          ['效益指标', '生态效益指标', '服务对象满意度', '满意', '≥95%', '计划标准'],
          ['效益指标', '社会效益指标', '服务对象满意度', '满意', '≥95%', '计划标准'],
        ],
      }),
      errors: [{ messageId: 'duplicate', projectCode: CODE, role: 'indicator.level3', level3: '服务对象满意度' }],
    },
    {
      name: 'whitespace is ignored; three copies report twice (each misfiled copy of the correctly filed 参保居民满意度)',
      text: table({
        indicators: [
          ...CLEAN_INDICATORS,
          ['效益指标', '社会效益指标', '参保居民 满意度', '满意', '≥90%', '计划标准'],
          ['效益指标', '社会效益指标', '参保居民满意度', '满意', '≥90%', '计划标准'],
        ],
      }),
      errors: [
        { messageId: 'misfiled', projectCode: CODE, role: 'indicator.level3', level3: '参保居民 满意度' },
        { messageId: 'misfiled', projectCode: CODE, role: 'indicator.level3', level3: '参保居民满意度' },
      ],
    },
  ],
});
