import { missingSpendPlan } from '../../rules/missing-spend-plan.js';
import { ruleTester, table } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(missingSpendPlan, {
  valid: [
    { name: 'a full plan', text: table() },
    { name: 'only 12月底 filled (spend-plan-incomplete, not this rule)', text: table({ spendPlan: ['', '', '', '100%'] }) },
    { name: 'bare numbers under （%）', text: table({ spendPlan: ['25', '50', '75', '100'] }) },
  ],
  invalid: [
    {
      name: 'all four blank',
      text: table({ spendPlan: ['', '', '', ''] }),
      errors: [{ messageId: 'blank', projectCode: CODE, role: 'spendPlan' }],
    },
    {
      name: 'the rows are absent',
      text: table({ spendPlan: null }),
      errors: [{ messageId: 'absent', projectCode: CODE, role: 'spendPlan' }],
    },
  ],
});
