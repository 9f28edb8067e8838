import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { isIndicatorRow } from './shared/indicator-grid.js';
import { canonicalLevel1, canonicalLevel2 } from './shared/taxonomy.js';
import { isBlank } from './shared/text.js';

export const unknownIndicatorCategory = defineRule({
  meta: {
    id: 'unknown-indicator-category',
    category: 'structure',
    defaultSeverity: 'error',
    kind: 'heuristic',
    recommended: true,
    messages: {
      level1: {
        'zh-CN':
          '一级指标“{found}”不在指标体系中；一级指标只能是产出指标、效益指标、满意度指标（2021年起还有成本指标），自造的类别无法归类和评分；请改为其中之一',
        en: 'Level-1 category "{found}" is not in the indicator system; a level-1 must be 产出指标, 效益指标, 满意度指标 (or 成本指标 in the 2021+ layout), otherwise the row cannot be classified or scored; use one of them',
      },
      level2: {
        'zh-CN':
          '二级指标“{found}”不在指标体系中；二级指标应是数量、质量、时效、成本指标，经济效益、社会效益、生态效益、可持续影响指标，服务对象满意度指标，或2021版的经济成本、社会成本、生态环境成本指标；请改为其中最贴切的一个',
        en: 'Level-2 category "{found}" is not in the indicator system; use one of 数量/质量/时效/成本指标, 经济效益/社会效益/生态效益/可持续影响指标, 服务对象满意度指标, or the 2021+ 经济成本/社会成本/生态环境成本指标',
      },
    },
    docs: {
      description:
        '一级或二级指标的名称（去掉“指标”后缀、按 docs/taxonomy.md 的别名归一后）不在指标体系中，如“工作指标”“进度质量指标”。',
      descriptionEn: 'A level-1 or level-2 category label outside the indicator taxonomy after aliases are applied.',
      why: '一级、二级指标是财政部统一的分类框架，评价时按类别分配权重、汇总比较。自造类别既无法归入框架，也让其他规则（成本、满意度、时效等的检查）失去依据。',
      get bad() {
        return table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '工作指标', '补贴发放准确率', '按标准核定并发放补贴的准确程度', '≥98%', '行业标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '财预〔2015〕88号 第七条、财预〔2021〕101号 附件1（指标体系框架）；docs/taxonomy.md §1、§4（别名）。',
      limits:
        '只认 docs/taxonomy.md 列出的名称和别名（如 进度指标→时效指标、环境效益指标→生态效益指标、湖南的“社会公众或服务对象满意度指标”）；地方指标库里别的合理叫法也会被报告，可在配置中关闭。一级指标“投入”（旧范本）同样会被报告。既没有三级指标也没有指标值的行（表下的备注行）不检查。',
    },
  },
  create(context) {
    return {
      Indicator(indicator, project, index) {
        if (!isIndicatorRow(indicator)) return;
        if (!indicator.level1Inherited && !isBlank(indicator.level1) && canonicalLevel1(indicator.level1) === null) {
          context.report({ node: indicator, cell: 'level1', messageId: 'level1', data: { found: indicator.level1 ?? '' } });
        }
        // Merged 二级 cells are carried down: report a run of rows with the same label once.
        const sameAsAbove = project.indicators[index - 1]?.level2 === indicator.level2;
        if (!isBlank(indicator.level2) && !sameAsAbove && canonicalLevel2(indicator.level2, indicator.level1) === null) {
          context.report({ node: indicator, cell: 'level2', messageId: 'level2', data: { found: indicator.level2 ?? '' } });
        }
      },
    };
  },
});
