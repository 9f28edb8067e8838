import { spendPlanIncomplete } from '../../rules/spend-plan-incomplete.js';
import { ruleTester, table } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(spendPlanIncomplete, {
  valid: [
    { name: 'a full plan', text: table() },
    { name: '0% is filled, not blank', text: table({ spendPlan: ['0%', '0%', '0%', '100%'] }) },
    { name: 'all blank is missing-spend-plan', text: table({ spendPlan: ['', '', '', ''] }) },
    { name: 'no plan rows', text: table({ spendPlan: null }) },
  ],
  invalid: [
    {
      name: 'seed: only 12月底 filled',
      text: table({ spendPlan: ['', '', '', '100%'] }),
      errors: [{ messageId: 'incomplete', projectCode: CODE, role: 'spendPlan' }],
    },
    {
      name: 'seed: only 12月底, a bare 100',
      text: table({ spendPlan: ['', '', '', '100'] }),
      errors: [{ messageId: 'incomplete', projectCode: CODE, role: 'spendPlan' }],
    },
    {
      name: 'a gap in the middle',
      text: table({ spendPlan: ['25%', '', '75%', '100%'] }),
      errors: [{ messageId: 'incomplete', projectCode: CODE, role: 'spendPlan' }],
    },
  ],
});
