import { satisfactionObjectUnspecified } from '../../rules/satisfaction-object-unspecified.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const satisfaction = (level3: string) =>
  withRows({ 参保居民满意度: ['满意度指标', '服务对象满意度指标', level3, '抽样调查对补贴发放的满意程度', '≥90%', '计划标准'] });

ruleTester(satisfactionObjectUnspecified, {
  seed: [18, 18],
  valid: [
    { name: 'a named population', text: table() },
    { name: '见习大学生满意度', text: table({ indicators: satisfaction('见习大学生满意度') }) },
    { name: 'a satisfaction row under 生态效益 is indicator-category-mismatch, not this rule', text: table({ indicators: [...withRows({}), ['效益指标', '生态效益指标', '服务对象满意度', '受益人群满意度', '≥95%', '历史标准']] }) },
  ],
  invalid: [
    {
      name: 'the population comes from the project name: teachers in a training budget',
      text: table({ name: '教师培训经费', indicators: satisfaction('服务对象满意度') }),
      errors: [{ messageId: 'unspecified', projectCode: CODE, role: 'indicator.level3', level3: '服务对象满意度', suggestion: '参训教师满意度' }],
    },
    {
      name: 'the default pension table: insured residents',
      text: table({ indicators: satisfaction('服务对象满意度') }),
      errors: [{ messageId: 'unspecified', projectCode: CODE, role: 'indicator.level3', level3: '服务对象满意度', suggestion: '参保居民满意度' }],
    },
    {
      name: 'seed: 服务对象满意度',
      text: table({ indicators: satisfaction('服务对象满意度') }),
      errors: [{ messageId: 'unspecified', projectCode: CODE, role: 'indicator.level3', level3: '服务对象满意度' }],
    },
    {
      name: '受益对象满意率',
      text: table({ indicators: satisfaction('受益对象满意率') }),
      errors: [{ messageId: 'unspecified', projectCode: CODE, role: 'indicator.level3', level3: '受益对象满意率' }],
    },
  ],
});
