import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { rewriteFor, withRewrite } from './shared/suggestions.js';
import { isQuantityIndicator } from './shared/taxonomy.js';
import { cellText } from './shared/text.js';
import { isAmount } from './shared/values.js';

/** Money words in a 三级 (docs/rule-catalogue.md: 金额 费用 资金 万元). */
const MONEY_WORD = /金额|费用|资金|经费|万元|款项/;
/** A name that ends in a count ("资金监管项目数") counts something even if it mentions money. */
const ENDS_IN_COUNT = /(?:人数|次数|个数|户数|项目数|件数|数量|人次|家数|台数|套数|笔数)$/;

export const moneyAmountAsQuantity = defineRule({
  meta: {
    id: 'money-amount-as-quantity',
    category: 'category',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    recommended: true,
    messages: {
      money: {
        'zh-CN':
          '数量指标“{level3}”考核的是钱（{term}），不是产出数量；数量指标应写项目提供的产品或服务有多少（人数、次数、户数、件数），花多少钱属于成本指标；请改写，{example}，金额放到成本指标',
        en: 'Quantity indicator "{level3}" measures money ({term}), not output; a 数量指标 counts the goods or services delivered (people, times, households, items), while money belongs to the cost indicator; rewrite it ({exampleEn}) and move the amount to the cost row',
      },
    },
    docs: {
      description: '数量指标的三级名称或指标值是金额（金额、费用、资金、经费、万元），如“定期待遇缺口金额”“享受待遇金额”。',
      descriptionEn: 'A 数量指标 that is a money amount (金额 费用 资金 万元) rather than a count of outputs.',
      why: '数量指标反映“项目单位计划完成的产品或服务数量”，考核做了多少事、服务了多少人；金额是投入，财力投入数量不能作为绩效目标，应放在成本指标中用金额上限考核。',
      get bad() {
        return table({ indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '享受待遇金额', '企业退休人员地方补贴支付金额', '≥12000人', '计划标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '项目支出绩效目标申报表填报说明（数量指标“…计划完成的产品或服务数量”）；地方填报说明（“财力、人力和物力等投入数量不能作为绩效目标”，docs/sources.md 15）；docs/taxonomy.md §3。',
      limits:
        '按三级名称中的金额词和指标值是否为金额判断；名称以计数词结尾（“资金监管项目数”“报销笔数”）且指标值不是金额的不报告，但“资金到位情况”这类含金额词、实为定性描述的名称会被报告。只看数量指标，金额写在其他二级下不在此规则范围。',
    },
  },
  create(context) {
    return {
      Indicator(indicator, project) {
        if (!isQuantityIndicator(indicator)) return;
        const name = cellText(indicator.level3);
        const amountValue = isAmount(indicator.value);
        if (ENDS_IN_COUNT.test(name) && !amountValue) return;
        const term = MONEY_WORD.exec(name)?.[0] ?? (amountValue ? indicator.value.raw : null);
        if (!term) return;
        context.report({
          node: indicator,
          cell: 'level3',
          messageId: 'money',
          ...withRewrite(rewriteFor(project, 'quantity'), { level3: indicator.level3 ?? '', term }),
        });
      },
    };
  },
});
