import type { Project } from '../src/ast/types.js';
import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { AMOUNT_TOLERANCE, formatWan } from './shared/values.js';

/** A 合计 / 小计 / 总计 row of a cost block (the parser leaves it out; a table may still carry one). */
const TOTAL_ITEM = /^(?:合计|小计|总计|共计)$/;

/**
 * The 合计 of a 项目预算成本构成 block (湖北) in 万元: its own 合计 row when the AST kept one, else the sum of
 * the items; null when no item has an amount. Prior-year columns are never part of it.
 */
function costBreakdownTotal(project: Project): number | null {
  const items = project.costBreakdown ?? [];
  const total = items.find((c) => TOTAL_ITEM.test((c.item ?? '').replace(/\s/g, '')) && c.amount !== null);
  if (total) return total.amount;
  const priced = items.filter((c) => c.amount !== null && !TOTAL_ITEM.test((c.item ?? '').replace(/\s/g, '')));
  if (priced.length === 0) return null;
  return priced.reduce((n, c) => n + c.amount!, 0);
}

export const budgetSumMismatch = defineRule({
  meta: {
    id: 'budget-sum-mismatch',
    category: 'budget',
    defaultSeverity: 'error',
    kind: 'exact',
    messages: {
      mismatch: {
        'zh-CN': '预算数{total}不等于财政资金{fiscal}加其他资金{other}（合计{sum}）；预算数应等于各资金来源之和，请核对金额（其他资金空白按0计）',
        en: 'The budget total {total} is not fiscal funds {fiscal} plus other funds {other} (= {sum}); the total must equal the sum of its sources (a blank counts as 0)',
      },
      costBreakdown: {
        'zh-CN': '项目预算成本构成合计{sum}万元，不等于预算金额{total}万元；成本构成是预算金额的分解，两者应一致，请核对各成本项目的金额（往年实际执行数不计入）',
        en: 'The cost breakdown (项目预算成本构成) adds up to {sum} 万元, not the budget total {total} 万元; the breakdown splits the budget, so the two must agree (prior-year columns are not counted)',
      },
    },
    docs: {
      description:
        '预算数 ≠ 其中：财政资金 + 其他资金（空白的其他资金按0计，容差0.005万元）；表中有项目预算成本构成（湖北表）时，其合计 ≠ 预算金额。上级资金（湖南表的“该项目支出上级资金”）和成本构成的往年实际执行数不计入。',
      descriptionEn: 'The budget total (预算数) is not fiscal funds plus other funds.',
      why: '预算数是项目资金总规模，财政资金和其他资金是它的来源构成。两者对不上，说明金额录入有误，后续按预算比对成本、监控执行进度都会出错。',
      get bad() {
        return table({ budget: '800.00', fiscal: '750.00', other: '' });
      },
      get good() {
        return table({ budget: '800.00', fiscal: '750.00', other: '50.00' });
      },
      basis: 'docs/taxonomy.md §8（预算数 = 其中：财政资金 + 其他资金，空白按0）；绩效目标申报表填写要求（金额以万元填列，“其他资金”可空）。',
      options: 'costBreakdown（默认 true）：比较项目预算成本构成的合计与预算金额；模板的成本构成另有口径（如只列部分成本）时设为 false。',
      limits: '预算数为空由 missing-required-field 报告；财政资金与其他资金都空时视为未分列来源，不比较。成本构成没有任何金额时不比较。',
    },
  },
  options: {
    costBreakdown: {
      type: 'boolean',
      default: true,
      description: '比较项目预算成本构成（湖北表）的合计与预算金额',
      descriptionEn: 'Compare the total of the cost breakdown (项目预算成本构成, 湖北) with the budget total',
    },
  },
  create(context) {
    return {
      Project(project) {
        const b = project.budget;
        const { total, fiscal, other } = b;
        if (total === null) return;
        const costs = context.options.costBreakdown ? costBreakdownTotal(project) : null;
        if (costs !== null && Math.abs(costs - total) > AMOUNT_TOLERANCE) {
          context.report({
            node: project,
            cell: 'budget.total',
            messageId: 'costBreakdown',
            data: { sum: formatWan(costs), total: b.totalRaw ?? formatWan(total) },
            found: b.totalRaw ?? formatWan(total),
          });
        }
        if (fiscal === null && other === null) return;
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
