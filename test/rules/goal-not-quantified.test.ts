import { goalNotQuantified } from '../../rules/goal-not-quantified.js';
import { ruleTester, table } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(goalNotQuantified, {
  seed: [5, 5], // gives way to goal-describes-input-or-payment / goal-restates-project-name
  valid: [
    { name: 'a number', text: table() },
    { name: 'a Chinese numeral with a measure word', text: table({ goals: '1、每年开展两次基金专项审计' }) },
    { name: 'a date without digits', text: table({ goals: '1、年底前完成全部档案数字化' }) },
    { name: 'a placeholder is left to placeholder-goal', text: table({ goals: '1、完成率' }) },
  ],
  invalid: [
    {
      name: 'seed: 确保基金安全运行',
      text: table({ goals: '1、确保基金安全运行' }),
      errors: [{ messageId: 'notQuantified', projectCode: CODE, role: 'goals', found: '1、确保基金安全运行' }],
    },
    {
      name: 'only the unquantified items are reported',
      text: table({ goals: ['1、为12000名参保居民发放补贴', '2、维护社保、医保网络正常运行'] }),
      errors: [{ messageId: 'notQuantified', projectCode: CODE, role: 'goals', found: '2、维护社保、医保网络正常运行' }],
    },
  ],
});
