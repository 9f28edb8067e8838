import type { Project } from '../src/ast/types.js';
import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { monthEndCells } from './shared/spend-plan.js';
import { templateHasSpendPlan } from './shared/template.js';

export const missingSpendPlan = defineRule({
  meta: {
    id: 'missing-spend-plan',
    category: 'budget',
    defaultSeverity: 'error',
    kind: 'exact',
    messages: {
      absent: {
        'zh-CN': '项目没有“资金支出计划”；预算执行进度要与绩效目标一起监控，请按3月底、6月底、10月底、12月底填写累计支出百分比，如 25%、50%、75%、100%',
        en: 'The project has no spending plan; budget execution is monitored with the targets, so give the cumulative % at 3月底, 6月底, 10月底 and 12月底, e.g. 25%, 50%, 75%, 100%',
      },
      blank: {
        'zh-CN': '资金支出计划的四个时点全部为空；请填写各时点的累计支出百分比，如 25%、50%、75%、100%',
        en: 'All four month-end cells of the spending plan are blank; give the cumulative % spent at each, e.g. 25%, 50%, 75%, 100%',
      },
    },
    docs: {
      description:
        '资金支出计划（%）行缺失，或 3月底、6月底、10月底、12月底 四个时点全部为空。只在表的模板有支出计划栏时报告缺失：样例文件的模板（河北/唐山 2020）有；湖南申报表、2021版核心绩效指标表、湖北表、2016年申报表没有，不算缺失，除非配置 requireSpendPlan: true（见 docs/templates.md）。',
      descriptionEn: 'The spending plan (资金支出计划) is missing, or all four month-end cells are blank.',
      why: '中发〔2018〕34号要求对绩效目标实现程度和预算执行进度实行“双监控”。没有支出计划，就无法按季度监控资金是否按进度支出。',
      get bad() {
        return table({ spendPlan: ['', '', '', ''] });
      },
      get good() {
        return table({ spendPlan: ['25%', '50%', '75%', '100%'] });
      },
      basis: '中发〔2018〕34号《中共中央 国务院关于全面实施预算绩效管理的意见》（绩效目标实现程度和预算执行进度“双监控”）。',
      options: 'requireSpendPlan（默认 false）：为 true 时每张表都要有支出计划，不管模板有没有该栏（本地要求另附支出计划时使用）。',
      limits:
        '只检查是否填写；填写是否完整、是否累计由 spend-plan-incomplete、spend-plan-not-cumulative 检查。模板按表头标签识别。样例文件模板的表头也见于不带支出计划栏的2021版式表（如县级抽审样本），所以样例文件模板的表和识别不出模板的表按版式推断：旧版式的表视为有支出计划栏，2021版式的表只有在同一文件的别的表填有支出计划时才视为有。没有该栏的模板若确实填了支出计划，照样检查四个时点是否全空。',
    },
  },
  options: {
    requireSpendPlan: {
      type: 'boolean',
      default: false,
      description: '每张表都要求资金支出计划，即使模板没有该栏（如湖南申报表、2021版核心表）',
      descriptionEn: 'Require a spending plan in every table, even when its template has no such block (湖南, the 2021+ core table …)',
    },
  },
  create(context) {
    const { requireSpendPlan } = context.options;
    // Whether a table seen so far has a plan, and the tables without one whose report waits on it
    // (2021 layout of the seed's form or of no known form: missing only if another table has a plan).
    let anyPlan = false;
    const waiting: Project[] = [];
    return {
      Project(project) {
        const plan = project.spendPlan;
        if (!plan.present) {
          if (requireSpendPlan || templateHasSpendPlan(project, anyPlan)) context.report({ node: project, cell: 'spendPlan', messageId: 'absent' });
          else if (templateHasSpendPlan(project, true)) waiting.push(project);
          return;
        }
        anyPlan = true;
        const cells = monthEndCells(plan);
        if (cells.every((c) => c.blank)) context.report({ node: project, cell: 'spendPlan', messageId: 'blank', origin: cells[0]?.origin });
      },
      'Document:exit'() {
        if (anyPlan) for (const project of waiting) context.report({ node: project, cell: 'spendPlan', messageId: 'absent' });
      },
    };
  },
});
