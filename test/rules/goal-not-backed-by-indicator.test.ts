import { goalNotBackedByIndicator } from '../../rules/goal-not-backed-by-indicator.js';
import { ruleTester, table } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(goalNotBackedByIndicator, {
  seed: [0, 0],
  valid: [
    { name: 'no quantity named', text: table() },
    { name: 'the 参保率 the goal names has its indicator', text: table({ goals: '1、城乡居民养老保险参保率达到95%以上' }) },
    { name: 'the 发放人数 the goal names has its indicator', text: table({ goals: '1、补贴发放人数达到12000人' }) },
    { name: 'vague words (工作效率, 服务质量) are not quantities', text: table({ goals: '1、为12000名参保居民发放补贴，提高工作效率和服务质量' }) },
    { name: 'a placeholder is left to placeholder-goal', text: table({ goals: '1、稽核率' }) },
  ],
  invalid: [
    {
      name: 'a 续保率 no indicator measures',
      text: table({ goals: '1、参保居民医保续保率达到95%以上' }),
      errors: [{ messageId: 'notBacked', projectCode: CODE, role: 'goals', found: '续保率' }],
    },
    {
      name: 'two unbacked quantities in one item',
      text: table({ goals: '1、政策知晓率达到90%，受益人数达到15000人' }),
      errors: [
        { messageId: 'notBacked', projectCode: CODE, role: 'goals', found: '知晓率' },
        { messageId: 'notBacked', projectCode: CODE, role: 'goals', found: '受益人数' },
      ],
    },
  ],
});
