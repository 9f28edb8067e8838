import { missingLevel1Category } from '../../rules/missing-level1-category.js';
import { CLEAN_INDICATORS, CLEAN_INDICATORS_2021, ruleTester, table } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const without = (pred: (r: readonly (string | null)[]) => boolean) => table({ indicators: CLEAN_INDICATORS.filter((r) => !pred(r)) });

ruleTester(missingLevel1Category, {
  valid: [
    { name: 'legacy layout', text: table() },
    { name: '2021+ layout', text: table({ indicators: CLEAN_INDICATORS_2021 }) },
    {
      name: '湖南 variant: satisfaction under 效益',
      text: table({
        indicators: [
          ...CLEAN_INDICATORS.filter((r) => r[0] !== '满意度指标'),
          ['效益指标', '社会公众或服务对象满意度指标', '参保居民满意度', '抽样调查', '≥90%', '计划标准'],
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'no satisfaction indicator',
      text: without((r) => r[0] === '满意度指标'),
      errors: [{ messageId: 'missing', projectCode: CODE, role: 'table', found: 'satisfaction' }],
    },
    {
      name: 'no cost indicator',
      text: without((r) => r[1] === '成本指标'),
      errors: [{ messageId: 'missing', projectCode: CODE, role: 'table', found: 'cost' }],
    },
    {
      name: 'only output rows: no benefit, no satisfaction',
      text: without((r) => r[0] !== '产出指标'),
      errors: [
        { messageId: 'missing', projectCode: CODE, role: 'table', found: 'benefit' },
        { messageId: 'missing', projectCode: CODE, role: 'table', found: 'satisfaction' },
      ],
    },
  ],
});
