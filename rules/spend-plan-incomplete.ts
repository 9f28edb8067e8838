import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { planCellsOf } from './shared/spend-plan.js';

export const spendPlanIncomplete = defineRule({
  meta: {
    id: 'spend-plan-incomplete',
    category: 'budget',
    defaultSeverity: 'warn',
    kind: 'exact',
    messages: {
      incomplete: {
        'zh-CN': '资金支出计划只填了{filled}，{blank}为空；空白不等于0%，请填写每个时点的累计支出百分比（当期不支出的写0%）',
        en: 'The spending plan fills only {filled}; {blank} blank; a blank is not 0% — give the cumulative % at every month end (write 0% where nothing is spent)',
      },
    },
    docs: {
      description: '资金支出计划的四个时点（3月底、6月底、10月底、12月底）有的填了、有的空着。',
      descriptionEn: 'Some, but not all, of the four month-end cells of the spending plan are blank.',
      why: '支出计划用于按季度监控预算执行进度。只填12月底、其余空着，既看不出前三个季度计划支出多少，也无法区分“计划不支出（0%）”和“漏填”。',
      get bad() {
        return table({ spendPlan: ['', '', '', '100%'] });
      },
      get good() {
        return table({ spendPlan: ['0%', '30%', '60%', '100%'] });
      },
      basis: '中发〔2018〕34号（绩效目标实现程度和预算执行进度“双监控”）；docs/taxonomy.md §8（四个时点的累计百分比）。',
      limits: '全部为空由 missing-spend-plan 报告；数值是否累计、是否到100%由 spend-plan-not-cumulative 检查。',
    },
  },
  create(context) {
    const sep = context.settings.locale === 'en' ? ', ' : '、';
    return {
      Project(project) {
        const cells = planCellsOf(project);
        const blank = cells.filter((c) => c.blank);
        if (blank.length === 0 || blank.length === cells.length) return;
        const filled = cells.filter((c) => !c.blank);
        context.report({
          node: project,
          cell: 'spendPlan',
          messageId: 'incomplete',
          origin: blank[0]!.origin,
          data: { filled: filled.map((c) => c.label).join(sep), blank: blank.map((c) => c.label).join(sep) },
          found: cells.map((c) => (c.blank ? '' : c.value!.raw)).join('|'),
        });
      },
    };
  },
});
