import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { isYearEnd, planCellsOf } from './shared/spend-plan.js';

export const spendPlanNotCumulative = defineRule({
  meta: {
    id: 'spend-plan-not-cumulative',
    category: 'budget',
    defaultSeverity: 'error',
    kind: 'exact',
    messages: {
      decreasing: {
        'zh-CN': '资金支出计划{label}为{found}，比前一时点（{previousLabel} {previous}）小；支出计划填的是累计进度，只增不减，请改为累计百分比',
        en: 'The spending plan gives {found} at {label}, less than {previous} at {previousLabel}; the plan is cumulative and never decreases — write cumulative percentages',
      },
      over100: {
        'zh-CN': '资金支出计划{label}为{found}，超过100%；累计支出进度最多100%，请核对',
        en: 'The spending plan gives {found} at {label}, over 100%; cumulative spending cannot exceed 100%',
      },
      notFull: {
        'zh-CN': '资金支出计划{label}为{found}，不是100%；年度项目到年底应支出完毕，请填100%（跨年项目请在资金用途中说明）',
        en: 'The spending plan gives {found} at {label}, not 100%; an annual project should have spent everything by year end — write 100%',
      },
    },
    docs: {
      description: '资金支出计划填写的数值出现下降、超过100，或12月底已填写但不是100。表头为“资金支出计划（%）”时，无%号的数字按百分比计。',
      descriptionEn: 'Filled spending-plan values decrease, exceed 100, or 12月底 is filled and is not 100.',
      why: '资金支出计划是各时点的累计支出进度，应逐期不减、年底达到100%。出现下降说明填成了当期数，超过100%或年底不足100%说明计划与预算不符，按进度监控时会误报。',
      get bad() {
        return table({ spendPlan: ['25%', '50%', '25%', '100%'] });
      },
      get good() {
        return table({ spendPlan: ['25%', '50%', '75%', '100%'] });
      },
      basis: '中发〔2018〕34号（预算执行进度监控）；docs/taxonomy.md §8（累计百分比，逐期不减，0–100，一年期项目12月底为100%）。',
      limits: '不是百分比的单元格（文字、金额）不参与比较，由启发式规则 spend-plan-format 提示；跨年项目年底不到100%属合理情形，请在配置中关闭本规则或在资金用途中说明。',
    },
  },
  create(context) {
    return {
      Project(project) {
        const cells = planCellsOf(project);
        let yearEnd = cells.findIndex((c) => isYearEnd(c.label));
        if (yearEnd < 0 && project.spendPlan.labels.length === 0) yearEnd = cells.length - 1;
        let previous: (typeof cells)[number] | null = null;
        for (const [i, cell] of cells.entries()) {
          if (cell.percent === null) continue;
          const at = { node: project, cell: 'spendPlan', origin: cell.origin, found: cell.value!.raw } as const;
          const data = { label: cell.label, found: at.found };
          if (cell.percent > 100) context.report({ ...at, messageId: 'over100', data });
          if (previous && previous.percent !== null && cell.percent < previous.percent) {
            context.report({ ...at, messageId: 'decreasing', data: { ...data, previousLabel: previous.label, previous: previous.value!.raw } });
          }
          if (i === yearEnd && cell.percent !== 100 && cell.percent <= 100) context.report({ ...at, messageId: 'notFull', data });
          previous = cell;
        }
      },
    };
  },
});
