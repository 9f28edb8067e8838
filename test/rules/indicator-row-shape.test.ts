import { indicatorRowShape } from '../../rules/indicator-row-shape.js';
import { CLEAN_INDICATORS, ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(indicatorRowShape, {
  seed: [0, 0],
  valid: [
    { name: 'every row as wide as the header', text: table() },
    { name: 'merged 一级 cells exported blank are not missing cells', text: table({ indicators: CLEAN_INDICATORS }) },
    { name: 'a merged note row under the grid is not an indicator', text: table({ indicators: [...CLEAN_INDICATORS, ['资金按月拨付', '备注：资金专款专用']] }) },
  ],
  invalid: [
    {
      name: 'a row that lost its description cell',
      text: table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '补贴发放准确率', '≥98%', '行业标准'] }) }),
      errors: [{ messageId: 'fewer', projectCode: CODE, role: 'indicator', level3: '补贴发放准确率', found: '5' }],
    },
    {
      name: 'a row with an extra cell',
      text: table({ indicators: withRows({ 参保居民满意度: ['满意度指标', '服务对象满意度指标', '参保居民满意度', '抽样调查参保居民', '≥90%', '计划标准', '按年度统计'] }) }),
      errors: [{ messageId: 'more', projectCode: CODE, role: 'indicator', level3: '参保居民满意度', found: '7' }],
    },
  ],
});
