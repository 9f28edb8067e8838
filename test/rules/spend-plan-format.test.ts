import { spendPlanFormat } from '../../rules/spend-plan-format.js';
import { ruleTester, table, tables } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const second = { code: '316-1202-JBN-B5YG', name: '城乡居民医疗保险财政补贴' };

ruleTester(spendPlanFormat, {
  seed: [2, 2],
  valid: [
    { name: 'all percentages', text: table() },
    { name: 'all bare numbers under a （%） header', text: table({ spendPlan: ['25', '50', '75', '100'] }) },
    { name: 'a lone bare number with nothing to compare', text: table({ spendPlan: ['', '', '', '100'] }) },
  ],
  invalid: [
    {
      name: 'one bare number among percentages',
      text: table({ spendPlan: ['25%', '50%', '75', '100%'] }),
      errors: [{ messageId: 'notPercent', projectCode: CODE, role: 'spendPlan', found: '75', suggestion: '75%' }],
    },
    {
      name: 'seed: a lone 100 where the other tables write 100%',
      text: tables({ spendPlan: ['', '', '', '100'] }, { ...second, spendPlan: ['25%', '50%', '75%', '100%'] }),
      errors: [{ messageId: 'notPercent', projectCode: CODE, role: 'spendPlan', found: '100', suggestion: '100%' }],
    },
  ],
});
