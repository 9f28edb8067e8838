import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { unsafeFix } from './shared/fixes.js';
import { isCostIndicator } from './shared/taxonomy.js';
import { findAmountInText, isAmount, isBlankValue } from './shared/values.js';

/** 万 / 亿 written alone are 万元 / 亿元. */
function fullUnit(unit: string): string {
  return unit === '万' ? '万元' : unit === '亿' ? '亿元' : unit;
}

export const costAmountInDescription = defineRule({
  meta: {
    id: 'cost-amount-in-description',
    category: 'value',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    fix: 'unsafe',
    recommended: true,
    // Where the value is not an amount, cost-value-not-amount already says the amount is in the description.
    yieldsTo: ['cost-value-not-amount'],
    messages: {
      amountInDescription: {
        'zh-CN':
          '成本指标“{level3}”的金额“{amount}”写在了绩效指标描述里，指标值却是“{found}”；考核和比对只看指标值，描述里的金额不起作用；请把指标值改为“{suggestion}”，描述改写为成本的构成或测算口径',
        en: 'Cost indicator "{level3}" has its amount "{amount}" in the description while the value reads "{found}"; only the value is assessed, so the amount in the description has no effect; set the value to "{suggestion}" and use the description for what the cost covers',
      },
    },
    docs: {
      description: '成本指标的金额写在“绩效指标描述”里（如“总成本800万元”），指标值却是别的内容（≥98%、空白、文字）。',
      descriptionEn: 'A cost amount written in 绩效指标描述 (总成本800万元) while 指标值 holds something else.',
      why: '指标值是考核、监控和评价时比对的目标，描述只用来解释指标含义和口径。成本金额放在描述里，指标值却写“≥98%”，成本目标就等于没有设定。把金额移到指标值并写成上限（≤800万元）即可。',
      get bad() {
        return table({ indicators: withRows({ 项目总成本: ['产出指标', '成本指标', '项目总成本', '总成本800万元', '≥98%', '预算支出标准'] }) });
      },
      get good() {
        return table();
      },
      basis: 'docs/taxonomy.md §3（“Numbers and units go in the 指标值 column, not in the 描述”）；财预〔2021〕101号 附件1（成本指标按金额、用 ≤）；填报说明（成本指标分单位成本和总成本）。',
      limits:
        '指标值不是金额时，cost-value-not-amount 报告同一单元格并说明金额已在描述里，本规则让位（一个问题只报一次），只在 cost-value-not-amount 关闭时报告。只取描述中第一个带货币单位的金额（元、千元、万元、亿元，末尾的“万”按万元），描述中有多个金额（如单价和总额）时建议值可能不是总成本，请人工核对。自动修复把指标值替换为“≤金额”，只在指标值非空时提供。',
      fix: '不安全修复（需人工确认）：把指标值改为描述中的金额上限（“≥98%”→“≤800万元”）。金额取自描述，可能是单价而非总成本，上限也是推断的，所以要由人确认。指标值为空时不提供修复。',
    },
  },
  create(context) {
    return {
      Indicator(indicator) {
        if (!isCostIndicator(indicator) || isAmount(indicator.value)) return;
        const amount = findAmountInText(indicator.description);
        if (!amount) return;
        const suggestion = `≤${amount.number}${fullUnit(amount.unit)}`;
        const found = indicator.value.raw.trim();
        const blank = isBlankValue(indicator.value);
        context.report({
          node: indicator,
          cell: 'value',
          messageId: 'amountInDescription',
          found: blank ? null : found,
          suggestion,
          related: [{ node: indicator, cell: 'description' }],
          ...(blank ? {} : { fix: unsafeFix(`指标值改为“${suggestion}”`, suggestion) }),
          data: { level3: indicator.level3 ?? '', amount: amount.text, found: blank ? '（空白）' : found, suggestion },
        });
      },
    };
  },
});
