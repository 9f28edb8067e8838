import { layoutDetected } from '../../rules/layout-detected.js';
import { CLEAN_INDICATORS, CLEAN_INDICATORS_2021, ruleTester, table } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const HUNAN = CLEAN_INDICATORS.map((r) => (r[0] === '满意度指标' ? ['效益指标', '社会公众或服务对象满意度指标', ...r.slice(2)] : r));

ruleTester(layoutDetected, {
  seed: [0, 0], // all legacy and accepted by default; 18 under layout require-2021
  valid: [
    { name: 'legacy layout accepted by default', text: table() },
    { name: '2021+ layout', text: table({ indicators: CLEAN_INDICATORS_2021 }) },
    { name: '2021+ layout under require-2021', text: table({ indicators: CLEAN_INDICATORS_2021 }), layout: 'require-2021' },
  ],
  invalid: [
    {
      name: 'seed: legacy layout when the config requires 2021+',
      text: table(),
      layout: 'require-2021',
      errors: [{ messageId: 'notRequiredLayout', projectCode: CODE, role: 'table', found: 'legacy' }],
    },
    {
      name: 'Hunan variant: satisfaction as a 二级 under 效益',
      text: table({ indicators: HUNAN }),
      errors: [{ messageId: 'variant', projectCode: CODE, role: 'indicator.level2', level3: '参保居民满意度', found: 'hunan' }],
    },
    {
      name: 'older 投入 template',
      text: table({
        indicators: [['投入指标', '成本目标', '项目总成本', '全年补贴支出总额', '≤800万元', '预算支出标准'], ...CLEAN_INDICATORS.filter((r) => r[1] !== '成本指标')],
      }),
      errors: [{ messageId: 'variant', projectCode: CODE, role: 'indicator.level2', level3: '项目总成本', found: 'input' }],
    },
  ],
});
