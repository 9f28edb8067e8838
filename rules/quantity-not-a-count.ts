import { defineRule } from '../src/engine/define-rule.js';
import { shownValue } from './shared/nature.js';
import { table, withRows } from './shared/example-table.js';
import { rewriteFor, withRewrite } from './shared/suggestions.js';
import { countWordIn, isQuantityIndicator } from './shared/taxonomy.js';
import { cellText } from './shared/text.js';
import { isPercent } from './shared/values.js';

/**
 * Anything a 数量 三级 could be measured by: a count, a rate, a unit, money (money-amount-as-quantity
 * reports money). A name with none of these ("宣传情况", "工作开展") says nothing to count.
 */
const MEASURE =
  /率|数|量|人次|指数|比例|比重|占比|覆盖|面积|里程|公里|长度|金额|费用|资金|经费|万元|成本|时间|期限|[人户次个件台套家场项所批份册辆座处条篇名吨亩元天日年月]|\d|%/;

export const quantityNotACount = defineRule({
  meta: {
    id: 'quantity-not-a-count',
    category: 'value',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    messages: {
      notCount: {
        'zh-CN':
          '数量指标“{level3}”没有说明数什么（不是人数、次数、份数之类的计数），指标值却是百分比“{found}”；数量指标应写计划完成的产品或服务数量及单位，百分比相对什么而言无从核实；请改写，{example}',
        en: 'Quantity indicator "{level3}" names nothing to count, yet its value is the percentage "{found}"; a 数量指标 states how many goods or services are delivered, with a unit; rewrite it, {exampleEn}',
      },
    },
    docs: {
      description: '数量指标的三级名称既不是计数（人数、次数、份数…），也不是比率、金额或任何可计量的名词（如“宣传情况”“工作开展”），指标值却是百分比。',
      descriptionEn: 'A 数量指标 whose 三级 names nothing countable (宣传情况) and whose value is a percentage.',
      why: '数量指标反映“项目单位计划完成的产品或服务数量”。“宣传情况 ≥90%”既说不出宣传了多少场、发了多少份资料，也说不出90%是相对什么的比例，评价时无法核实。',
      get bad() {
        return table({ indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '宣传情况', '加大社保政策宣传', '≥90%', '计划标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '项目支出绩效目标申报表填报说明（数量指标：“项目单位计划完成的产品或服务数量”）；docs/taxonomy.md §3（数量指标用人、人次、次、个等单位）。',
      limits:
        '只看数量指标、指标值为百分比的行；名称里有任何计数词、比率词、单位或金额词的都不报告（计数词配百分比由 quantity-value-percentage 报告，金额由 money-amount-as-quantity 报告）。改写示例按项目名称选取，没有合适示例时只说明应写什么。',
    },
  },
  create(context) {
    return {
      Indicator(indicator, project) {
        if (!isQuantityIndicator(indicator) || !isPercent(indicator.value)) return;
        const name = cellText(indicator.level3);
        if (name === '' || countWordIn(name) || MEASURE.test(name)) return;
        context.report({
          node: indicator,
          cell: 'level3',
          messageId: 'notCount',
          ...withRewrite(rewriteFor(project, 'quantity'), { level3: indicator.level3 ?? '', found: shownValue(indicator) }),
        });
      },
    };
  },
});
