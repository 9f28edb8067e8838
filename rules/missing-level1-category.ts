import type { Indicator } from '../src/ast/types.js';
import { defineRule } from '../src/engine/define-rule.js';
import { CLEAN_INDICATORS, table } from './shared/example-table.js';
import { isBenefitIndicator, isCostIndicator, isOutputIndicator, isSatisfactionIndicator } from './shared/taxonomy.js';

/** The classes every table needs (中发〔2018〕34号): 产出, 成本, 效益, 满意度. */
const REQUIRED: { key: string; zh: string; en: string; test: (ind: Indicator) => boolean }[] = [
  { key: 'output', zh: '产出指标', en: 'output (产出) indicators', test: isOutputIndicator },
  { key: 'cost', zh: '成本指标', en: 'cost (成本) indicators', test: isCostIndicator },
  { key: 'benefit', zh: '效益指标', en: 'benefit (效益) indicators', test: isBenefitIndicator },
  { key: 'satisfaction', zh: '满意度指标', en: 'satisfaction (满意度) indicators', test: isSatisfactionIndicator },
];

export const missingLevel1Category = defineRule({
  meta: {
    id: 'missing-level1-category',
    category: 'category',
    defaultSeverity: 'error',
    kind: 'exact',
    messages: {
      missing: {
        'zh-CN': '绩效目标表没有{category}；绩效指标应包括产出、成本、效益和服务对象满意度，请补充{category}',
        en: 'The table has no {categoryEn}; targets must cover outputs, cost, benefits and satisfaction — add them',
      },
    },
    docs: {
      description: '一张表的指标中没有产出指标、没有效益指标、没有满意度指标，或没有成本指标（两种版式任一：产出下的成本指标，或一级成本指标）。没有任何指标行的表由 missing-required-field 报告。',
      descriptionEn: 'A table has no output, no benefit or no satisfaction indicator, or no cost indicator in either layout.',
      why: '中发〔2018〕34号要求绩效目标“不仅要包括产出、成本，还要包括经济效益、社会效益、生态效益、可持续影响和服务对象满意度等绩效指标”。缺一类，就有一方面无从考核。',
      get bad() {
        return table({ indicators: CLEAN_INDICATORS.filter((r) => r[0] !== '满意度指标') });
      },
      get good() {
        return table();
      },
      basis: '中发〔2018〕34号《中共中央 国务院关于全面实施预算绩效管理的意见》；财预〔2015〕88号 第七条（产出、效益、满意度三类指标）；财预〔2021〕101号（成本指标）。',
      limits: '只检查大类是否出现，不检查每个二级是否齐全（如生态效益在不适用时可以不填）。',
    },
  },
  create(context) {
    return {
      Project(project) {
        if (project.indicators.length === 0) return;
        for (const cls of REQUIRED) {
          if (project.indicators.some(cls.test)) continue;
          context.report({ node: project, messageId: 'missing', data: { category: cls.zh, categoryEn: cls.en }, found: cls.key });
        }
      },
    };
  },
});
