import { commonTypo } from '../../rules/common-typo.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(commonTypo, {
  seed: [12, 8],
  valid: [
    { name: 'no typos', text: table() },
    { name: '收益 meaning income is not a typo', text: table({ indicators: withRows({ 领取待遇居民人均增收: ['效益指标', '经济效益指标', '基金投资收益率', '基金年度投资收益占基金的比例', '≥3%', '历史标准'] }) }) },
    { name: '帐 alone, consistently, is not reported', text: table({ name: '职业年金虚帐记实', purpose: '职业年金虚帐记实' }) },
    { name: 'two words that meet (供款单位单位缴纳) are not a doubled word', text: table({ purpose: '财政全款供款单位单位缴纳部分' }) },
  ],
  invalid: [
    {
      name: 'seed: 收益人群满意度',
      text: table({ indicators: withRows({ 参保居民满意度: ['满意度指标', '服务对象满意度指标', '参保居民满意度', '收益人群满意度', '≥90%', '计划标准'] }) }),
      errors: [{ messageId: 'wrongWord', projectCode: CODE, role: 'indicator.description', level3: '参保居民满意度', found: '收益人群', suggestion: '受益人群' }],
    },
    {
      name: 'seed: 居民幸福指数系',
      text: table({ indicators: withRows({ 补贴制度持续年限: ['效益指标', '可持续影响指标', '居民幸福指数系', '居民幸福指数调查结果', '≥95%', '历史标准'] }) }),
      errors: [{ messageId: 'strayCharacter', projectCode: CODE, role: 'indicator.level3', level3: '居民幸福指数系', found: '指数系', suggestion: '指数' }],
    },
    {
      name: 'seed: 虚帐记实 in the name, 虚账 and 计实 elsewhere',
      text: table({
        name: '职业年金虚帐记实及实帐利息',
        purpose: '单位缴纳部分虚账记实，并计算利息',
        indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '年金计实人数', '按规定计实年金的人数', '≥300人', '计划标准'] }),
      }),
      errors: [
        { messageId: 'mixedVariants', projectCode: CODE, role: 'name', found: '帐', suggestion: '账' },
        { messageId: 'mixedVariants', projectCode: CODE, role: 'indicator.level3', level3: '年金计实人数', found: '计实', suggestion: '记实' },
      ],
    },
    {
      name: 'a doubled 的',
      text: table({ purpose: '城乡居民的的养老缴费补贴' }),
      errors: [{ messageId: 'doubled', projectCode: CODE, role: 'purpose', found: '的的' }],
    },
  ],
});
