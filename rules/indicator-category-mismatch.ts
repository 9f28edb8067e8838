import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { canonicalLevel1, canonicalLevel2, categoryLabel, isSatisfactionIndicator, ownersOf } from './shared/taxonomy.js';
import { squeeze } from './shared/text.js';

export const indicatorCategoryMismatch = defineRule({
  meta: {
    id: 'indicator-category-mismatch',
    category: 'category',
    defaultSeverity: 'error',
    kind: 'exact',
    messages: {
      level2: {
        'zh-CN': '二级指标“{level2}”不属于一级指标“{level1}”；按指标体系它应在“{owner}”下，请移到正确的一级指标下',
        en: 'Level-2 "{level2}" does not belong under level-1 "{level1}"; in the indicator framework it sits under "{owner}" — move it there',
      },
      satisfaction: {
        'zh-CN': '满意度指标“{level3}”放在了“{level1} / {level2}”下；满意度应归入“满意度指标 / 服务对象满意度指标”，请移过去，并为{level2}填写真正的{level2}',
        en: 'Satisfaction indicator "{level3}" is filed under "{level1} / {level2}"; satisfaction belongs under 满意度指标 / 服务对象满意度指标 — move it and give {level2} a real measure',
      },
    },
    docs: {
      description:
        '二级指标放在了不拥有它的一级指标下（按指标体系：产出含数量/质量/时效/成本（旧版式），效益含经济/社会/生态效益与可持续影响，满意度含服务对象满意度，成本（2021版式）含经济/社会/生态环境成本）；或三级指标名称含“满意”却不在满意度类下。名称比较时去掉“指标”后缀并使用别名表。',
      descriptionEn:
        'A level-2 category sits under a level-1 that does not own it, or a level-3 naming satisfaction (满意) sits outside the satisfaction class.',
      why: '指标体系决定了每类指标考核什么：效益指标考核项目带来的影响，满意度指标考核服务对象的认可程度。把“服务对象满意度”填在生态效益指标下，既重复了满意度指标，又让生态效益无人考核，审核时按“相关性”“完整性”判为不合格。',
      get bad() {
        return table({
          indicators: withRows({
            城乡居民养老保险参保率: ['效益指标', '生态效益指标', '服务对象满意度', '受益人群满意度', '≥95%', '计划标准'],
          }),
        });
      },
      get good() {
        return table();
      },
      basis:
        '财预〔2015〕88号 第七条（产出、效益、满意度三类指标及其二级）；财预〔2021〕101号（成本指标作为一级）；docs/taxonomy.md §1、§4（别名；湖南版式满意度为效益下的二级，亦接受）。',
      limits: '一级或二级名称不在指标体系内（如“投入”）时不比较，由启发式规则 unknown-indicator-category 报告。',
    },
  },
  create(context) {
    return {
      Indicator(indicator) {
        const l1 = canonicalLevel1(indicator.level1);
        const l2 = canonicalLevel2(indicator.level2, indicator.level1);
        const data = { level1: indicator.level1 ?? '', level2: indicator.level2 ?? '', level3: indicator.level3 ?? '' };
        if (l1 && l2 && !ownersOf(l2).includes(l1)) {
          context.report({ node: indicator, cell: 'level2', messageId: 'level2', data: { ...data, owner: ownersOf(l2).map(categoryLabel).join(' / ') } });
        }
        if (squeeze(indicator.level3).includes('满意') && !isSatisfactionIndicator(indicator)) {
          context.report({ node: indicator, cell: 'level3', messageId: 'satisfaction', data });
        }
      },
    };
  },
});
