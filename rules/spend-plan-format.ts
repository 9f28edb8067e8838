import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { planCellsOf, type MonthEndCell } from './shared/spend-plan.js';
import type { Project, Value } from '../src/ast/types.js';
import { isBareNumber } from './shared/values.js';
import { fixWithSafety } from './shared/fixes.js';

/** Written with a percent sign (the value grammar types "100" under a （%） header as a percent too). */
function writtenAsPercent(value: Value | null): boolean {
  return /\d\s*[%％]/.test(value?.raw ?? '');
}

export const spendPlanFormat = defineRule({
  meta: {
    id: 'spend-plan-format',
    category: 'budget',
    defaultSeverity: 'info',
    kind: 'heuristic',
    fix: 'both',
    messages: {
      notPercent: {
        'zh-CN':
          '资金支出计划“{label}”一栏写的是“{found}”，而{siblings}都写成百分比；同一计划里写法不一，容易被读成金额或其他含义；请统一写成百分比，如“{suggestion}”',
        en: 'Spend-plan cell "{label}" reads "{found}" while {siblingsEn} are written as percentages; mixed forms in one plan can be misread as amounts; write a percentage, e.g. "{suggestion}"',
      },
    },
    docs: {
      description:
        '资金支出计划的某个月末栏不是百分比（如“100”），而同一计划的其他栏（同一计划只有这一栏时，看本文档其他表的支出计划）都写成“25%”这样的百分比。',
      descriptionEn: 'A spend-plan cell that is not a percent when its sibling cells (or, for a lone cell, the other spend plans of the document) are.',
      why: '资金支出计划按月末累计百分比填报，用于预算执行进度和绩效目标的“双监控”。同一文档有的写“100%”有的写“100”，虽然表头注明（%）时意思相同，但导入系统或人工汇总时容易被当成金额（100万元）。',
      get bad() {
        return table({ spendPlan: ['25%', '50%', '75', '100%'] });
      },
      get good() {
        return table();
      },
      basis: '中发〔2018〕34号（绩效目标和预算执行进度“双监控”）；docs/taxonomy.md §8（资金支出计划为四个月末累计百分比）。',
      limits:
        '只比较写法，不判断数值（数值是否累计、是否到100%由 spend-plan-not-cumulative 检查）。表头注明（%）时无单位数字意思并不错，所以只作提示；一个文档只有一张表且只填了一栏时无从比较。自动修复只给纯数字补“%”。',
      fix: '安全修复：表头注明（%）或同一计划的其他栏写了“%”时，给纯数字补上“%”（“75”→“75%”）——这一栏本来就是百分比。不安全修复（需人工确认）：只能从本文档其他表的写法推断时的同一修改。文字（如“全部”）不提供修复。',
    },
  },
  create(context) {
    // The document's habit: filled spend-plan cells written with % versus without.
    let withSign = 0;
    let without = 0;
    // Tables whose plan has no % at all: reported only if the whole document's habit is %.
    const waiting: Project[] = [];
    const report = (project: Project, filled: readonly MonthEndCell[], tableHasPercent: boolean) => {
      for (const cell of filled) {
        if (writtenAsPercent(cell.value)) continue;
        const raw = cell.value?.raw.trim() ?? '';
        const bare = isBareNumber(cell.value);
        const suggestion = bare ? `${raw}%` : '100%';
        context.report({
          node: project,
          cell: 'spendPlan',
          messageId: 'notPercent',
          origin: cell.origin,
          found: raw,
          suggestion: bare ? suggestion : null,
          // The column is a percentage when its header says （%） or its sibling cells carry %.
          ...(bare ? { fix: fixWithSafety(project.spendPlan.percentHeader || tableHasPercent, `补上“%”：${suggestion}`, suggestion) } : {}),
          data: {
            label: cell.label,
            found: raw,
            siblings: tableHasPercent ? '同一计划的其他栏' : '本文档其他表的支出计划',
            siblingsEn: tableHasPercent ? 'the other cells of this plan' : "the document's other spend plans",
            suggestion,
          },
        });
      }
    };
    const filledCells = (project: Project) => planCellsOf(project).filter((c) => !c.blank);
    return {
      Project(project) {
        const filled = filledCells(project);
        let percent = 0;
        for (const c of filled) if (writtenAsPercent(c.value)) percent++;
        withSign += percent;
        without += filled.length - percent;
        if (percent > 0) report(project, filled, true);
        else if (filled.length > 0) waiting.push(project);
      },
      'Document:exit'() {
        if (withSign <= without) return;
        for (const project of waiting) report(project, filledCells(project), false);
      },
    };
  },
});
