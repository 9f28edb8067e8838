import { goalRestatesProjectName } from '../../rules/goal-restates-project-name.js';
import { ruleTester, table } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(goalRestatesProjectName, {
  seed: [1, 1],
  valid: [
    { name: 'a real goal', text: table() },
    { name: 'the name plus what it achieves', text: table({ goals: '1、城乡居民养老保险区财政补贴按季度发放到12000名参保居民' }) },
  ],
  invalid: [
    {
      name: 'seed: 机关养老保险定期待遇缺口',
      text: table({ name: '机关养老保险定期待遇缺口', goals: '1、机关养老保险定期待遇缺口' }),
      errors: [{ messageId: 'restates', projectCode: CODE, role: 'goals', found: '1、机关养老保险定期待遇缺口' }],
    },
    {
      name: '项目 and trailing punctuation are ignored',
      text: table({ goals: ['1、城乡居民养老保险区财政补贴项目。', '2、为12000名参保居民发放补贴'] }),
      errors: [{ messageId: 'restates', projectCode: CODE, role: 'goals' }],
    },
  ],
});
