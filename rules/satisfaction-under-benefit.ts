import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { sloganWordsIn } from './shared/slogan-words.js';
import { rewriteForIndicator, withRewrite } from './shared/suggestions.js';
import { canonicalLevel2, isBenefitIndicator, isSatisfactionIndicator } from './shared/taxonomy.js';
import { cellText } from './shared/text.js';

/** A subjective appraisal (主观感受) in a 三级: happiness, sense of gain, approval. */
const SUBJECTIVE_NAME = /幸福|获得感|认可度|认同感|满意/;
/** A description that defines the row as a satisfaction survey (服务对象满意, 群众满意度). */
const SATISFACTION_DESCRIPTION = /满意/;

export const satisfactionUnderBenefit = defineRule({
  meta: {
    id: 'satisfaction-under-benefit',
    category: 'category',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    messages: {
      satisfaction: {
        'zh-CN':
          '{level2}指标“{level3}”的描述是“{description}”，考核的其实是服务对象的满意程度，不是项目带来的{level2}；满意程度已由满意度指标考核，放在效益下既重复又让{level2}无人考核；请改写为真正的{level2}指标，{example}',
        en: '{level2}指标 "{level3}" is described as "{description}": it measures satisfaction, not the project\'s effect; satisfaction belongs to the satisfaction indicator, so write a real {level2}指标, {exampleEn}',
      },
    },
    docs: {
      description:
        '效益指标下的三级名称是幸福感、获得感、认可度之类的主观感受，或描述是“服务对象满意”之类的满意度口径——考核的是满意度，不是效益。名称本身含“满意度”的行由 indicator-category-mismatch 报告，口号（含“努力、构建”等）由 slogan-indicator 报告，本规则不重复。',
      descriptionEn: 'A 效益 row that measures satisfaction: a subjective 三级 (幸福指数, 获得感) or a description such as 服务对象满意.',
      why: '效益指标考核项目带来的经济、社会、生态影响和可持续影响；服务对象的认可程度是满意度指标的内容。把“居民幸福指数”描述为“服务对象满意”填在可持续影响下，既重复了满意度指标，又让可持续影响无人考核。',
      get bad() {
        return table({ indicators: withRows({ 补贴制度持续年限: ['效益指标', '可持续影响指标', '居民幸福指数', '服务对象满意', '≥95%', '计划标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '财预〔2015〕88号 第七条（效益指标与满意度指标分列）；项目支出绩效目标申报表填报说明（满意度指标“反映服务对象或项目受益人的认可程度”）；docs/taxonomy.md §3。',
      limits: '只看效益指标（湖南版式效益下的满意度二级除外）；名称含“满意”的行、口号行不报告；描述写了满意却考核别的内容（如“群众满意的道路通行率”）也会被报告。',
    },
  },
  create(context) {
    return {
      Indicator(indicator, project) {
        if (!isBenefitIndicator(indicator) || isSatisfactionIndicator(indicator)) return;
        const name = cellText(indicator.level3);
        if (name === '' || /满意/.test(name) || sloganWordsIn(indicator.level3).length > 0) return;
        if (!SUBJECTIVE_NAME.test(name) && !SATISFACTION_DESCRIPTION.test(cellText(indicator.description))) return;
        const level2 = canonicalLevel2(indicator.level2, indicator.level1);
        context.report({
          node: indicator,
          cell: 'level3',
          messageId: 'satisfaction',
          ...withRewrite(rewriteForIndicator(project, indicator), { level2: level2 ?? '效益', level3: indicator.level3 ?? '', description: indicator.description ?? '' }),
        });
      },
    };
  },
});
