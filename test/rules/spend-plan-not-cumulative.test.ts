import { spendPlanNotCumulative } from '../../rules/spend-plan-not-cumulative.js';
import { ruleTester, table } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(spendPlanNotCumulative, {
  valid: [
    { name: '25/50/75/100', text: table() },
    { name: 'bare numbers under （%）', text: table({ spendPlan: ['25', '50', '75', '100'] }) },
    { name: 'only 12月底 = 100%', text: table({ spendPlan: ['', '', '', '100%'] }) },
    { name: 'flat then 100', text: table({ spendPlan: ['0%', '0%', '50%', '100%'] }) },
    { name: '12月底 blank: nothing to compare', text: table({ spendPlan: ['25%', '50%', '', ''] }) },
  ],
  invalid: [
    {
      name: 'a decrease',
      text: table({ spendPlan: ['25%', '50%', '25%', '100%'] }),
      errors: [{ messageId: 'decreasing', projectCode: CODE, role: 'spendPlan', found: '25%' }],
    },
    {
      name: 'above 100',
      text: table({ spendPlan: ['25%', '50%', '75%', '120%'] }),
      errors: [{ messageId: 'over100', projectCode: CODE, role: 'spendPlan', found: '120%' }],
    },
    {
      name: '12月底 not 100',
      text: table({ spendPlan: ['25%', '50%', '75%', '90%'] }),
      errors: [{ messageId: 'notFull', projectCode: CODE, role: 'spendPlan', found: '90%' }],
    },
    {
      name: 'quarterly amounts instead of cumulative (bare numbers under （%）)',
      text: table({ spendPlan: ['25', '25', '25', '25'] }),
      errors: [{ messageId: 'notFull', projectCode: CODE, role: 'spendPlan', found: '25' }],
    },
    {
      name: 'decrease and not full',
      text: table({ spendPlan: ['30%', '20%', '60%', '80%'] }),
      errors: [
        { messageId: 'decreasing', projectCode: CODE, role: 'spendPlan', found: '20%' },
        { messageId: 'notFull', projectCode: CODE, role: 'spendPlan', found: '80%' },
      ],
    },
  ],
});
