import { duplicateGoal } from '../../rules/duplicate-goal.js';
import { ruleTester, table } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(duplicateGoal, {
  seed: [2, 2],
  valid: [
    { name: 'one goal', text: table() },
    { name: 'different items', text: table({ goals: ['1、按季度发放补贴', '2、年底前发放完毕'] }) },
  ],
  invalid: [
    {
      name: 'seed: 1、完成率 2、完成率',
      text: table({ goals: ['1、完成率', '2、完成率'] }),
      errors: [{ messageId: 'duplicate', projectCode: CODE, role: 'goals', found: '2、完成率' }],
    },
    {
      name: 'numbering and punctuation are ignored',
      text: table({ goals: ['（1）按季度发放补贴。', '（2）为参保居民发放补贴', '（3）按季度发放补贴'] }),
      errors: [{ messageId: 'duplicate', projectCode: CODE, role: 'goals', found: '（3）按季度发放补贴' }],
    },
  ],
});
