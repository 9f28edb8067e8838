import { irrelevantEcoBenefit } from '../../rules/irrelevant-eco-benefit.js';
import { CLEAN_INDICATORS, ruleTester, table } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const withEco = (level3: string, description: string, value = '≥95%') =>
  [...CLEAN_INDICATORS.slice(0, 6), ['效益指标', '生态效益指标', level3, description, value, '计划标准'], ...CLEAN_INDICATORS.slice(6)];

ruleTester(irrelevantEcoBenefit, {
  seed: [7, 7], // Q23T 见习工资发放率 gives way to process-metric-as-benefit
  valid: [
    { name: 'no ecological row at all (may be omitted)', text: table() },
    { name: 'a real ecological effect', text: table({ indicators: withEco('道路扬尘浓度下降率', '作业路段扬尘浓度较上年下降的比例', '≥10%') }) },
    { name: 'saving paper is ecological', text: table({ indicators: withEco('办公用纸减少量', '推行无纸化办公减少的用纸比例', '≥20%') }) },
    { name: 'county-sample-2022 DF07: 病死畜禽无害化处理 prevents pollution', text: table({ indicators: withEco('病死畜禽无害化处理率', '病死畜禽全部无害化处理', '≥95%') }) },
    { name: 'seed: 服务对象满意度 under 生态效益 is left to indicator-category-mismatch', text: table({ indicators: withEco('服务对象满意度', '受益人群满意度') }) },
  ],
  invalid: [
    {
      name: 'seed: 资源消耗 / 降低资源消耗',
      text: table({ indicators: withEco('资源消耗', '降低资源消耗') }),
      errors: [{ messageId: 'generic', projectCode: CODE, role: 'indicator.level3', level3: '资源消耗' }],
    },
    {
      name: 'seed: 见习工资发放率 is not ecological',
      text: table({ indicators: withEco('见习工资发放率', '建立和谐的劳动关系') }),
      errors: [{ messageId: 'notEcological', projectCode: CODE, role: 'indicator.level3', level3: '见习工资发放率' }],
    },
    {
      name: '营商环境 is not the natural environment',
      text: table({ indicators: withEco('营商环境改善', '优化营商环境') }),
      errors: [{ messageId: 'notEcological', projectCode: CODE, role: 'indicator.level3', level3: '营商环境改善' }],
    },
  ],
});
