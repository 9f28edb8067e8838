import { mixedLayout } from '../../rules/mixed-layout.js';
import { CLEAN_INDICATORS, CLEAN_INDICATORS_2021, ruleTester, table, tables } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const COST_2021 = ['成本指标', '经济成本指标', '项目总成本', '全年补贴支出总额', '≤800万元', '预算支出标准'] as const;

ruleTester(mixedLayout, {
  seed: [0, 0],
  valid: [
    { name: 'legacy layout', text: table() },
    { name: '2021+ layout', text: table({ indicators: CLEAN_INDICATORS_2021 }) },
    {
      name: 'different layouts in different tables are allowed',
      text: tables({}, { indicators: CLEAN_INDICATORS_2021, code: '316-1202-JBN-B5YG', name: '城乡居民医疗保险财政补贴' }),
    },
  ],
  invalid: [
    {
      name: '成本指标 as 一级 and as a 二级 under 产出 in one table',
      text: table({ indicators: [COST_2021, ...CLEAN_INDICATORS] }),
      errors: [{ messageId: 'mixed', projectCode: CODE, role: 'indicator.level2', level3: '项目总成本', found: '成本指标' }],
    },
    {
      name: 'alias 产出成本指标 counts as the legacy cost 二级',
      text: table({ indicators: [COST_2021, ...CLEAN_INDICATORS.map((r) => (r[1] === '成本指标' ? [r[0], '产出成本指标', '单位成本', '人均补贴支出', '≤670元', '预算支出标准'] : r))] }),
      errors: [{ messageId: 'mixed', projectCode: CODE, role: 'indicator.level2', level3: '单位成本' }],
    },
  ],
});
