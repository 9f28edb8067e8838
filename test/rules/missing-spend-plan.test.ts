import { missingSpendPlan } from '../../rules/missing-spend-plan.js';
import { CLEAN_INDICATORS_2021, ruleTester, table, tables } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(missingSpendPlan, {
  valid: [
    { name: 'a full plan', text: table() },
    { name: 'only 12月底 filled (spend-plan-incomplete, not this rule)', text: table({ spendPlan: ['', '', '', '100%'] }) },
    { name: 'bare numbers under （%）', text: table({ spendPlan: ['25', '50', '75', '100'] }) },
    { name: 'county-sample-2022: the 2021+ core table has no spend-plan block', text: table({ spendPlan: null, indicators: CLEAN_INDICATORS_2021 }) },
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
    {
      name: '2021+ layout with requireSpendPlan: true',
      text: table({ spendPlan: null, indicators: CLEAN_INDICATORS_2021 }),
      options: { requireSpendPlan: true },
      errors: [{ messageId: 'absent', projectCode: CODE, role: 'spendPlan' }],
    },
    {
      name: '2021+ layout where another table of the file has a plan (the template has the block)',
      text: tables({ indicators: CLEAN_INDICATORS_2021 }, { code: '316-1202-JBN-B5YG', name: '医疗补贴', spendPlan: null, indicators: CLEAN_INDICATORS_2021 }),
      errors: [{ messageId: 'absent', projectCode: '316-1202-JBN-B5YG', role: 'spendPlan' }],
    },
  ],
});
