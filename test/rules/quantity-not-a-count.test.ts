import { quantityNotACount } from '../../rules/quantity-not-a-count.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const quantity = (level3: string, value = '≥90%') => withRows({ 补贴发放人数: ['产出指标', '数量指标', level3, '加大社保政策宣传', value, '计划标准'] });

ruleTester(quantityNotACount, {
  seed: [1, 1], // 7DLP 宣传情况 ≥90%
  valid: [
    { name: 'a count with a unit', text: table() },
    { name: 'a count word with a percentage is quantity-value-percentage', text: table({ indicators: quantity('宣传资料数量') }) },
    { name: 'a rate under 数量 is another rule', text: table({ indicators: quantity('宣传覆盖率') }) },
    { name: 'money under 数量 is money-amount-as-quantity', text: table({ indicators: quantity('宣传经费') }) },
    { name: 'no percentage', text: table({ indicators: quantity('宣传情况', '≥10场') }) },
    { name: 'not a 数量 row', text: table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '宣传情况', '加大社保政策宣传', '≥90%', '计划标准'] }) }) },
  ],
  invalid: [
    {
      name: 'seed 7DLP: 宣传情况 ≥90% in a publicity project',
      text: table({ name: '社会保险政策宣传', indicators: quantity('宣传情况') }),
      errors: [{ messageId: 'notCount', projectCode: CODE, role: 'indicator.level3', level3: '宣传情况', suggestion: '发放宣传资料份数 ≥N份' }],
    },
    {
      name: '工作开展 ≥95% in a project of no known kind: says what to write',
      text: table({ name: '综合事务经费', purpose: '日常办公运转', indicators: quantity('工作开展', '≥95%') }),
      errors: [{ messageId: 'notCount', projectCode: CODE, role: 'indicator.level3', level3: '工作开展', suggestion: null }],
    },
  ],
});
