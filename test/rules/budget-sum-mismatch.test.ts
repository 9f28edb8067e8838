import { budgetSumMismatch } from '../../rules/budget-sum-mismatch.js';
import { ruleTester, table } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(budgetSumMismatch, {
  valid: [
    { name: 'blank 其他资金 counts as 0', text: table() },
    { name: 'fiscal + other', text: table({ budget: '800.00', fiscal: '750.00', other: '50.00' }) },
    { name: 'within the tolerance', text: table({ budget: '0.20', fiscal: '0.196', other: '' }) },
    { name: 'no breakdown at all', text: table({ budget: '800.00', fiscal: '', other: '' }) },
    { name: 'blank total is missing-required-field', text: table({ budget: '', fiscal: '800.00' }) },
  ],
  invalid: [
    {
      name: 'fiscal short of the total',
      text: table({ budget: '800.00', fiscal: '750.00', other: '' }),
      errors: [{ messageId: 'mismatch', projectCode: CODE, role: 'budget.total', found: '800.00' }],
    },
    {
      name: 'sum above the total',
      text: table({ budget: '100.00', fiscal: '100.00', other: '20.00' }),
      errors: [{ messageId: 'mismatch', projectCode: CODE, role: 'budget.total' }],
    },
    {
      name: 'only other funds given and different',
      text: table({ budget: '10.00', fiscal: '', other: '5.00' }),
      errors: [{ messageId: 'mismatch', projectCode: CODE, role: 'budget.total' }],
    },
  ],
});
