import { completionRateUnderQuality } from '../../rules/completion-rate-under-quality.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const quality = (level3: string) => withRows({ 补贴发放准确率: ['产出指标', '质量指标', level3, '按标准核定并发放补贴', '≥98%', '行业标准'] });

ruleTester(completionRateUnderQuality, {
  seed: [9, 9], // + 宣传资料发放率, 工资支付率 (process rates under 质量)
  valid: [
    { name: 'an accuracy rate', text: table() },
    { name: 'a pass rate', text: table({ indicators: quality('验收合格率') }) },
    { name: 'a payment rate that names a standard', text: table({ indicators: quality('补贴发放准确率') }) },
    { name: 'a completion rate that names a standard', text: table({ indicators: quality('验收合格任务完成率') }) },
    { name: 'a completion rate under 数量 is fine', text: table({ indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '审计任务完成率', '完成的审计任务占计划的比例', '=100%', '计划标准'] }) }) },
  ],
  invalid: [
    {
      name: 'seed 7DLP: 宣传资料发放率, a process rate under 质量',
      text: table({ name: '社会保险政策宣传', indicators: quality('宣传资料发放率') }),
      errors: [{ messageId: 'processRate', projectCode: CODE, role: 'indicator.level3', level3: '宣传资料发放率', suggestion: '宣传资料内容审核合格率 100%' }],
    },
    {
      name: 'seed Q23T: 工资支付率 in an internship project',
      text: table({ name: '大学生见习工资及办公经费', indicators: quality('工资支付率') }),
      errors: [{ messageId: 'processRate', projectCode: CODE, role: 'indicator.level3', level3: '工资支付率', suggestion: '见习期满考核合格率 ≥95%' }],
    },
    {
      name: 'a training table gets a training standard, not an audit one',
      text: table({ name: '各类外出培训费用', indicators: quality('实物工作量完成率') }),
      errors: [{ messageId: 'completion', projectCode: CODE, role: 'indicator.level3', level3: '实物工作量完成率', suggestion: '培训考核合格率 ≥95%' }],
    },
    {
      name: 'seed: 实物工作量完成率',
      text: table({ indicators: quality('实物工作量完成率') }),
      errors: [{ messageId: 'completion', projectCode: CODE, role: 'indicator.level3', level3: '实物工作量完成率' }],
    },
    {
      name: '任务完成率',
      text: table({ indicators: quality('任务完成率') }),
      errors: [{ messageId: 'completion', projectCode: CODE, role: 'indicator.level3', level3: '任务完成率' }],
    },
  ],
});
