import { hedgingLanguage } from '../../rules/hedging-language.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(hedgingLanguage, {
  seed: [1, 1], // gives way to slogan-indicator rows and dept-goal-not-quantified
  valid: [
    { name: 'plain targets', text: table() },
    { name: '基本养老保险 is a proper name, not hedging', text: table({ goals: '1、为12000名居民发放城乡居民基本养老保险补贴' }) },
    {
      name: 'a slogan 三级 is left to slogan-indicator',
      text: table({ indicators: withRows({ 城乡居民养老保险参保率: ['效益指标', '社会效益指标', '努力构建和谐社会关系', '适龄居民参保比例', '≥95%', '历史标准'] }) }),
    },
  ],
  invalid: [
    {
      name: 'seed: 力求节约，做好工作 in a description',
      text: table({ indicators: withRows({ 领取待遇居民人均增收: ['效益指标', '经济效益指标', '领取待遇居民人均增收', '力求节约，做好工作', '≥600元', '历史标准'] }) }),
      errors: [{ messageId: 'hedging', projectCode: CODE, role: 'indicator.description', level3: '领取待遇居民人均增收', found: '力求节约，做好工作' }],
    },
    {
      name: 'seed: 加大征缴力度，尽量减少财政补贴 (two words, one report)',
      text: table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '补贴发放准确率', '加大征缴力度，尽量减少财政补贴', '≥98%', '行业标准'] }) }),
      errors: [{ messageId: 'hedging', projectCode: CODE, role: 'indicator.description', level3: '补贴发放准确率' }],
    },
    {
      name: '基本完成 in a goal',
      text: table({ goals: '1、年底前基本完成12000名居民的补贴发放' }),
      errors: [{ messageId: 'hedging', projectCode: CODE, role: 'goals' }],
    },
  ],
});
