import { placeholderGoal } from '../../rules/placeholder-goal.js';
import { ruleTester, table } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(placeholderGoal, {
  valid: [
    { name: 'a real goal', text: table() },
    { name: 'a rate with a number', text: table({ goals: '1、补贴发放准确率达到98%' }) },
    { name: 'seed: a goal with content', text: table({ goals: '1、居民养老保险财政补贴及时到位' }) },
    { name: 'several real items', text: table({ goals: ['1、按季度发放补贴', '2、全年发放12000人'] }) },
    { name: 'a blank goal cell is missing-required-field, not this rule', text: table({ goals: null }) },
  ],
  invalid: [
    {
      name: 'seed: 完成率 twice',
      text: table({ goals: ['1、完成率', '2、完成率'] }),
      errors: [{ messageId: 'placeholder', projectCode: CODE, role: 'goals', count: 2 }],
    },
    {
      name: 'seed: a bare metric name (稽核率)',
      text: table({ goals: '1、稽核率' }),
      errors: [{ messageId: 'metricName', projectCode: CODE, role: 'goals', found: '1、稽核率' }],
    },
    {
      name: 'seed: 医疗救助资金支付率',
      text: table({ goals: '1、医疗救助资金支付率' }),
      errors: [{ messageId: 'metricName', projectCode: CODE, role: 'goals' }],
    },
    {
      name: 'trailing punctuation is ignored',
      text: table({ goals: '（1）及时支付率。' }),
      errors: [{ messageId: 'metricName', projectCode: CODE, role: 'goals' }],
    },
    {
      name: '无 / 略 / 同上 / 详见附件 with different numbering',
      text: table({ goals: ['1. 无', '(2) 略', '3、同上', '4．详见附件'] }),
      errors: [{ messageId: 'placeholder', projectCode: CODE, role: 'goals', count: 4 }],
    },
    {
      name: 'numbering with no content',
      text: table({ goals: ['1、按季度发放补贴', '2、'] }),
      errors: [{ messageId: 'empty', projectCode: CODE, role: 'goals', found: '2、' }],
    },
    {
      name: 'xx and / placeholders',
      text: table({ goals: ['1、xx', '2、/'] }),
      errors: [{ messageId: 'placeholder', projectCode: CODE, role: 'goals', count: 2 }],
    },
  ],
});
