import { satisfactionUnderBenefit } from '../../rules/satisfaction-under-benefit.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const benefit = (level2: string, level3: string, description: string) =>
  withRows({ 补贴制度持续年限: ['效益指标', level2, level3, description, '≥95%', '计划标准'] });

ruleTester(satisfactionUnderBenefit, {
  seed: [9, 9], // 居民幸福指数 described 服务对象满意 under 可持续影响
  valid: [
    { name: 'real benefits and a satisfaction row under 满意度', text: table() },
    { name: 'a 三级 naming 满意 is indicator-category-mismatch', text: table({ indicators: benefit('生态效益指标', '服务对象满意度', '受益人群满意度') }) },
    { name: 'a slogan is slogan-indicator', text: table({ indicators: benefit('社会效益指标', '努力构建和谐社会关系', '服务对象满意') }) },
    { name: 'a measurable benefit', text: table({ indicators: benefit('可持续影响指标', '养老保险基金可支付月数', '基金累计结余可支付的月数') }) },
    { name: 'the 湖南 variant: satisfaction as a 二级 under 效益', text: table({ indicators: benefit('服务对象满意度指标', '参保居民幸福感', '抽样调查参保居民满意程度') }) },
  ],
  invalid: [
    {
      name: 'seed WMEB: 居民幸福指数系 described 服务对象满意',
      text: table({ indicators: benefit('可持续影响指标', '居民幸福指数系', '服务对象满意') }),
      errors: [{ messageId: 'satisfaction', projectCode: CODE, role: 'indicator.level3', level3: '居民幸福指数系', suggestion: '养老保险基金可支付月数 ≥N个月' }],
    },
    {
      name: 'a subjective name with another description',
      text: table({ indicators: benefit('社会效益指标', '群众获得感', '群众对项目的评价') }),
      errors: [{ messageId: 'satisfaction', projectCode: CODE, role: 'indicator.level3', level3: '群众获得感' }],
    },
  ],
});
