import { descriptionMissingDefinition } from '../../rules/description-missing-definition.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const satisfaction = (description: string) =>
  withRows({ 参保居民满意度: ['满意度指标', '服务对象满意度指标', '参保居民满意度', description, '≥90%', '计划标准'] });

ruleTester(descriptionMissingDefinition, {
  seed: [17, 17],
  valid: [
    { name: 'every row explained', text: table() },
    { name: 'a short but real definition', text: table({ indicators: satisfaction('满意和基本满意的比例') }) },
  ],
  invalid: [
    {
      name: 'the survey example names the project\'s population',
      text: table({ name: '农村学校校车运营补助', indicators: satisfaction('满意') }),
      errors: [{ messageId: 'evaluative', projectCode: CODE, role: 'indicator.description', level3: '参保居民满意度', found: '满意', suggestion: '抽样调查乘车学生家长中表示满意和基本满意的比例' }],
    },
    {
      name: 'an empty description of a rate gets the rate\'s formula',
      text: table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '电子健康档案规范化建档率', '', '≥90%', '行业标准'] }) }),
      errors: [{ messageId: 'empty', projectCode: CODE, role: 'indicator.description', level3: '电子健康档案规范化建档率', suggestion: '电子健康档案规范化建档率=达到要求的数量÷应完成的总数×100%（写明分子、分母各统计什么）' }],
    },
    {
      name: 'seed: 满意',
      text: table({ indicators: satisfaction('满意') }),
      errors: [{ messageId: 'evaluative', projectCode: CODE, role: 'indicator.description', level3: '参保居民满意度', found: '满意' }],
    },
    {
      name: 'seed: the description repeats the 三级 (机关退休人员死亡人数)',
      text: table({ indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '机关退休人员死亡人数', '机关退休人员死亡人数', '≥20人', '计划标准'] }) }),
      errors: [{ messageId: 'restates', projectCode: CODE, role: 'indicator.description', level3: '机关退休人员死亡人数' }],
    },
    {
      name: 'an empty description',
      text: table({ indicators: satisfaction('') }),
      errors: [{ messageId: 'empty', projectCode: CODE, role: 'indicator.description', level3: '参保居民满意度' }],
    },
  ],
});
