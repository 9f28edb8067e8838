import { goalDescribesInputOrPayment } from '../../rules/goal-describes-input-or-payment.js';
import { ruleTester, table } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(goalDescribesInputOrPayment, {
  valid: [
    { name: 'an output with a count', text: table() },
    { name: 'paying, but for a stated output', text: table({ goals: '1、为20名见习大学生按月支付见习补贴' }) },
    { name: 'paying benefits (待遇) is the service of a benefit project', text: table({ goals: '1、按月足额发放机关退休人员待遇' }) },
    { name: 'a placeholder is left to placeholder-goal', text: table({ goals: '1、医疗救助资金支付率' }) },
  ],
  invalid: [
    {
      name: 'seed: 及时支付外出培训费用',
      text: table({ goals: '1、及时支付外出培训费用' }),
      errors: [{ messageId: 'input', projectCode: CODE, role: 'goals', found: '1、及时支付外出培训费用' }],
    },
    {
      name: 'seed: 社保业务档案室购置必备材料',
      text: table({ goals: '1、社保业务档案室购置必备材料' }),
      errors: [{ messageId: 'input', projectCode: CODE, role: 'goals' }],
    },
    {
      name: 'seed: 居民养老保险财政补贴及时到位',
      text: table({ goals: '1、居民养老保险财政补贴及时到位' }),
      errors: [{ messageId: 'input', projectCode: CODE, role: 'goals' }],
    },
  ],
});
