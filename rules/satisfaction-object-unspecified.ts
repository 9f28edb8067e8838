import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { satisfactionPopulation } from './shared/satisfaction.js';
import { rewriteFor, withRewrite } from './shared/suggestions.js';
import { isSatisfactionIndicator } from './shared/taxonomy.js';
import { isBlank } from './shared/text.js';

export const satisfactionObjectUnspecified = defineRule({
  meta: {
    id: 'satisfaction-object-unspecified',
    category: 'consistency',
    defaultSeverity: 'info',
    kind: 'heuristic',
    recommended: true, // docs/rule-quality.md: precision ≥ 0.9 on the labelled corpus
    messages: {
      unspecified: {
        'zh-CN':
          '满意度指标“{level3}”没有说明调查谁的满意度；“服务对象”是泛称，不知道调查对象就无法抽样、也无法评价；请写明具体人群，{example}',
        en: 'Satisfaction indicator "{level3}" does not say whose satisfaction is surveyed; "服务对象" is generic, so the survey cannot be sampled or assessed; name the population, {exampleEn}',
      },
    },
    docs: {
      description: '满意度指标（服务对象满意度指标下）的三级名称去掉“满意度”后没有具体人群，只有“服务对象”“受益对象”“受益人群”之类的泛称或什么都没有。',
      descriptionEn: 'A satisfaction 三级 that names no population (only 服务对象满意度).',
      why: '服务对象满意度反映“服务对象或项目受益人的认可程度”，要通过对具体人群的调查取得。写明参保居民、患者、企业等对象，才知道向谁调查、样本怎么抽，指标值才有意义。',
      get bad() {
        return table({ indicators: withRows({ 参保居民满意度: ['满意度指标', '服务对象满意度指标', '服务对象满意度', '抽样调查服务对象对补贴发放的满意程度', '≥90%', '计划标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '财预〔2015〕88号 第七条（服务对象满意度指标）；扶贫项目资金绩效目标设定要求（满意度=服务对象或受益人认可程度，docs/sources.md 14）；绩效目标申报表参考模板（满意度按人群命名，docs/sources.md 13）。',
      limits: '只看三级名称；人群写在描述里（如“抽样调查参保居民”）的不算，仍会提示在名称中写明。只检查满意度类的行，其他类别下的满意度行由 indicator-category-mismatch 报告。',
    },
  },
  create(context) {
    return {
      Indicator(indicator, project) {
        if (!isSatisfactionIndicator(indicator) || isBlank(indicator.level3)) return;
        if (satisfactionPopulation(indicator.level3) === null) {
          context.report({
            node: indicator,
            cell: 'level3',
            messageId: 'unspecified',
            ...withRewrite(rewriteFor(project, 'satisfaction'), { level3: indicator.level3 ?? '' }),
          });
        }
      },
    };
  },
});
