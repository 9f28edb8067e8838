import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { rowValue, shownValue } from './shared/nature.js';
import { isCostIndicator } from './shared/taxonomy.js';
import { AMOUNT_TOLERANCE, amountInWan, formatWan, projectMoneyFactor } from './shared/values.js';

export const costExceedsBudget = defineRule({
  meta: {
    id: 'cost-exceeds-budget',
    category: 'budget',
    defaultSeverity: 'error',
    kind: 'exact',
    messages: {
      exceeds: {
        'zh-CN': '成本指标“{level3}”的金额“{found}”（{amount}万元）超过项目预算数{budget}万元；成本目标不能超出预算，请核对金额和单位（元/万元）',
        en: 'Cost indicator "{level3}" gives "{found}" ({amount} 万元), more than the project budget of {budget} 万元; a cost target cannot exceed the budget — check the amount and its unit',
      },
    },
    docs: {
      description: '成本指标的指标值是金额，且换算成万元后大于项目预算数（容差0.005万元）。',
      descriptionEn: "An amount in a cost indicator's value is larger than the project's budget total.",
      why: '成本指标是在预算约束下的成本上限，不应超出项目预算，更“不得超出规定的预算支出标准”。超出通常是单位写错（元写成万元）或数字录错。',
      get bad() {
        return table({ indicators: withRows({ 项目总成本: ['产出指标', '成本指标', '项目总成本', '全年补贴支出总额', '≤8000万元', '预算支出标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '财预〔2021〕101号（成本指标以预算支出标准为上限）；预算支出标准“用于成本指标的取值，不得超出规定的预算支出标准设置目标值”（公开系统代码，docs/sources.md §5）；docs/taxonomy.md §8。',
      limits:
        '只比较写成金额的成本指标值；单位成本（元/人·月）按其金额与预算总额比较，只能发现明显错误。指标性质、度量单位单列的模板（2021版核心表）按三栏合起来的值比较（≤ | 800 | 万元 即 ≤800万元）；湖南表的上级资金、湖北表成本构成的往年执行数不计入预算数。',
    },
  },
  create(context) {
    return {
      Indicator(indicator, project) {
        if (project.budget.total === null || !isCostIndicator(indicator)) return;
        const budget = project.budget.total * projectMoneyFactor(project);
        const amount = amountInWan(rowValue(indicator));
        if (amount === null || amount <= budget + AMOUNT_TOLERANCE) return;
        context.report({
          node: indicator,
          cell: 'value',
          messageId: 'exceeds',
          data: { level3: indicator.level3 ?? '', found: shownValue(indicator), amount: formatWan(amount), budget: formatWan(budget) },
        });
      },
    };
  },
});
