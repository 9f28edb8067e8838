import { goalDescribesInputOrPayment } from '../../rules/goal-describes-input-or-payment.js';
import { ruleTester, table } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(goalDescribesInputOrPayment, {
  seed: [4, 4],
  valid: [
    { name: 'an output with a count', text: table() },
    { name: 'paying, but for a stated output', text: table({ goals: '1、为20名见习大学生按月支付见习补贴' }) },
    { name: 'paying benefits (待遇) is the service of a benefit project', text: table({ goals: '1、按月足额发放机关退休人员待遇' }) },
    { name: 'a placeholder is left to placeholder-goal', text: table({ goals: '1、医疗救助资金支付率' }) },
  ],
  invalid: [
    {
      name: 'the example goal follows the project: a training budget gets a training goal',
      text: table({ name: '各类外出培训费用', goals: '1、及时支付外出培训费用' }),
      errors: [{ messageId: 'input', projectCode: CODE, role: 'goals', found: '1、及时支付外出培训费用', suggestion: '组织N人次参加外出培训，培训考核合格率≥95%' }],
    },
    {
      name: 'archive cabinets: the goal names what is bought',
      text: table({ name: '社保档案室购置档案柜及必备材料、设备等', goals: '1、社保业务档案室购置必备材料' }),
      errors: [{ messageId: 'input', projectCode: CODE, role: 'goals', suggestion: '购置档案柜及必备材料、设备N台（套），验收合格率100%，X月底前投入使用' }],
    },
    {
      name: 'a project of no known kind: says what to write, no foreign example',
      text: table({ name: '综合事务经费', purpose: '日常办公运转', goals: '1、及时支付办公费用' }),
      errors: [{ messageId: 'input', projectCode: CODE, role: 'goals', suggestion: null }],
    },
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
