import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { AMOUNT_TOLERANCE, formatWan } from './shared/values.js';

export const budgetSumMismatch = defineRule({
  meta: {
    id: 'budget-sum-mismatch',
    category: 'budget',
    defaultSeverity: 'error',
    kind: 'exact',
    fixable: false,
    messages: {
      mismatch: {
        'zh-CN': '预算数{total}不等于财政资金{fiscal}加其他资金{other}（合计{sum}）；预算数应等于各资金来源之和，请核对金额（其他资金空白按0计）',
        en: 'The budget total {total} is not fiscal funds {fiscal} plus other funds {other} (= {sum}); the total must equal the sum of its sources (a blank counts as 0)',
      },
    },
    docs: {
      description: '预算数 ≠ 其中：财政资金 + 其他资金（空白的其他资金按0计，容差0.005万元）。',
      descriptionEn: 'The budget total (预算数) is not fiscal funds plus other funds.',
      why: '预算数是项目资金总规模，财政资金和其他资金是它的来源构成。两者对不上，说明金额录入有误，后续按预算比对成本、监控执行进度都会出错。',
      bad: table({ budget: '800.00', fiscal: '750.00', other: '' }),
      good: table({ budget: '800.00', fiscal: '750.00', other: '50.00' }),
      basis: 'docs/taxonomy.md §8（预算数 = 其中：财政资金 + 其他资金，空白按0）；绩效目标申报表填写要求（金额以万元填列，“其他资金”可空）。',
      limits: '预算数为空由 missing-required-field 报告；财政资金与其他资金都空时视为未分列来源，不比较。',
    },
  },
  create(context) {
    return {
      Project(project) {
        const b = project.budget;
        const { total, fiscal, other } = b;
        if (total === null || (fiscal === null && other === null)) return;
        const sum = (fiscal ?? 0) + (other ?? 0);
        if (Math.abs(total - sum) <= AMOUNT_TOLERANCE) return;
        context.report({
          node: project,
          cell: 'budget.total',
          messageId: 'mismatch',
          data: {
            total: b.totalRaw ?? formatWan(total),
            fiscal: b.fiscalRaw ?? (fiscal === null ? '0' : formatWan(fiscal)),
            other: b.otherRaw ?? (other === null ? '0' : formatWan(other)),
            sum: formatWan(sum),
          },
          found: b.totalRaw ?? formatWan(total),
        });
      },
    };
  },
});
