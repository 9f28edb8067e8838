import { missingRequiredField } from '../../rules/missing-required-field.js';
import { ruleTester, table } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(missingRequiredField, {
  valid: [{ name: 'every field filled', text: table() }],
  invalid: [
    {
      name: 'blank code and purpose',
      text: table({ code: '', purpose: '' }),
      errors: [
        { messageId: 'blank', projectCode: null, role: 'code' },
        { messageId: 'blank', projectCode: null, role: 'purpose' },
      ],
    },
    {
      name: 'blank name even though the title names the project',
      text: table({ name: '', title: '城乡居民养老保险区财政补贴绩效目标表' }),
      errors: [{ messageId: 'blank', projectCode: CODE, role: 'name' }],
    },
    {
      name: 'blank budget total',
      text: table({ budget: '' }),
      errors: [{ messageId: 'blank', projectCode: CODE, role: 'budget.total' }],
    },
    {
      name: 'blank goals',
      text: table({ goals: null }),
      errors: [{ messageId: 'blank', projectCode: CODE, role: 'goals' }],
    },
    {
      name: 'no indicator rows',
      text: table({ indicators: [] }),
      errors: [{ messageId: 'noIndicators', projectCode: CODE, role: 'table' }],
    },
  ],
});
