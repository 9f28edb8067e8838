import { percentOutOfRange } from '../../rules/percent-out-of-range.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const rate = (value: string) =>
  table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '补贴发放准确率', '准确程度', value, '行业标准'] }) });

ruleTester(percentOutOfRange, {
  valid: [
    { name: '≥98%', text: rate('≥98%') },
    { name: '100%', text: rate('100%') },
    { name: '0%', text: rate('≤0%') },
    { name: 'spend plan above 100 is spend-plan-not-cumulative', text: table({ spendPlan: ['25%', '50%', '75%', '120%'] }) },
  ],
  invalid: [
    {
      name: '≥980%',
      text: rate('≥980%'),
      errors: [{ messageId: 'above', projectCode: CODE, role: 'indicator.value', level3: '补贴发放准确率', found: '≥980%' }],
    },
    {
      name: '100.5%',
      text: rate('100.5%'),
      errors: [{ messageId: 'above', projectCode: CODE, role: 'indicator.value', level3: '补贴发放准确率' }],
    },
    {
      name: '-5%',
      text: rate('-5%'),
      errors: [{ messageId: 'below', projectCode: CODE, role: 'indicator.value', level3: '补贴发放准确率' }],
    },
  ],
});
