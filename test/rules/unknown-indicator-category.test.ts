import { unknownIndicatorCategory } from '../../rules/unknown-indicator-category.js';
import { CLEAN_INDICATORS, CLEAN_INDICATORS_2021, ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(unknownIndicatorCategory, {
  seed: [0, 0],
  valid: [
    { name: 'legacy taxonomy', text: table() },
    { name: '2021+ taxonomy', text: table({ indicators: CLEAN_INDICATORS_2021 }) },
    {
      name: 'aliases: 进度指标, 环境效益指标, 社会公众或服务对象满意度指标',
      text: table({
        indicators: [
          ...CLEAN_INDICATORS.map((r) =>
            r[1] === '时效指标' ? [r[0], '进度指标', ...r.slice(2)] : r[1] === '服务对象满意度指标' ? [r[0], '社会公众或服务对象满意度指标', ...r.slice(2)] : r,
          ),
          ['效益指标', '环境效益指标', '办公用纸减少量', '较上年减少的办公用纸比例', '≥20%', '历史标准'],
        ],
      }),
    },
    { name: 'a note row under the grid is not an indicator', text: table({ indicators: [...CLEAN_INDICATORS, ['资金按月拨付', '备注：资金专款专用']] }) },
  ],
  invalid: [
    {
      name: 'a made-up 二级',
      text: table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '效率指标', '补贴发放准确率', '按标准核定并发放补贴的准确程度', '≥98%', '行业标准'] }) }),
      errors: [{ messageId: 'level2', projectCode: CODE, role: 'indicator.level2', level3: '补贴发放准确率', found: '效率指标' }],
    },
    {
      name: 'a made-up 一级 is reported once, not on the rows that inherit it',
      text: table({
        indicators: CLEAN_INDICATORS.map((r) => (r[0] === '效益指标' ? ['社会影响指标', ...r.slice(1)] : r)),
      }),
      errors: [{ messageId: 'level1', projectCode: CODE, role: 'indicator.level1', level3: '领取待遇居民人均增收', found: '社会影响指标' }],
    },
  ],
});
