import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { unsafeFix } from './shared/fixes.js';
import { isQualitativeNature, isUnitlessNumber, rowOperator, rowValue, shownValue } from './shared/nature.js';
import { canonicalLevel2, isCostIndicator } from './shared/taxonomy.js';
import { stripTrailingPunctuation, squeeze } from './shared/text.js';
import { findAmountInText, formatWan, isAmount, isPercent, projectMoneyFactor } from './shared/values.js';

/** A 三级 that is itself a ratio (成本控制率, 成本节约率). */
function isRatioName(level3: string | null): boolean {
  return /率$/.test(stripTrailingPunctuation(squeeze(level3)));
}

export const costValueNotAmount = defineRule({
  meta: {
    id: 'cost-value-not-amount',
    category: 'value',
    defaultSeverity: 'error',
    kind: 'exact',
    fix: 'unsafe',
    messages: {
      percent: {
        'zh-CN': '成本指标“{level3}”的指标值“{found}”是百分比，不是金额；成本指标考核花多少钱，应填成本上限金额，如“{example}”{moved}',
        en: 'Cost indicator "{level3}" has the value "{found}", a percentage, not an amount; a cost indicator measures money, so write the cost cap, e.g. "{example}"{movedEn}',
      },
      bareNumber: {
        'zh-CN': '成本指标“{level3}”的指标值“{found}”是没有货币单位的数字；成本指标应填带单位的金额上限，如“{example}”{moved}',
        en: 'Cost indicator "{level3}" has the value "{found}", a number without a currency unit; write an amount with its unit, e.g. "{example}"{movedEn}',
      },
      notAmount: {
        'zh-CN': '成本指标“{level3}”的指标值“{found}”不是金额；成本指标应填总成本或单位成本的金额上限，如“{example}”{moved}',
        en: 'Cost indicator "{level3}" has the value "{found}", which is not an amount; write the total or unit cost cap, e.g. "{example}"{movedEn}',
      },
      ratio: {
        'zh-CN': '成本指标“{level3}”是比率写法（{found}）；按2021年起的口径成本指标宜填金额上限，如“{example}”，比率写法仅作提示{moved}',
        en: 'Cost indicator "{level3}" is written as a ratio ({found}); since 2021 a cost indicator should be an amount cap such as "{example}" (reported as info){movedEn}',
      },
    },
    docs: {
      description:
        '成本指标（一级为成本指标，或二级为成本指标/经济成本指标/社会成本指标/生态环境成本指标）的指标值必须是金额（元、千元、万元、亿元，单位成本如 元/人·月 也算）。百分比、无单位数字、文字都会被报告；三级本身是比率（如成本控制率）且用 ≤ 时只作提示（info）。',
      descriptionEn: "A cost indicator's target value must be an amount of money, not a percentage, a bare number or text.",
      why: '成本指标反映项目“所需成本，分单位成本和总成本”，考核的是花了多少钱。写成“≥98%”既不是成本也无法与预算比对，真正的金额往往被写进了绩效指标描述（如“总成本800万元”）。规则会从描述中取出金额，建议改写为“≤800万元”。',
      get bad() {
        return table({ indicators: withRows({ 项目总成本: ['产出指标', '成本指标', '项目总成本', '总成本800万元', '≥98%', '预算支出标准'] }) });
      },
      get good() {
        return table();
      },
      basis:
        '财预〔2021〕101号 附件1（成本指标按金额设置、用 ≤）；项目支出绩效目标申报表填报说明（成本指标“所需成本，分单位成本和总成本”）；docs/taxonomy.md §3。',
      limits:
        '“万”“亿”单独出现在指标值末尾（如“≤350万”）按万元、亿元计为金额。社会成本、生态环境成本可以定性（“无明显负面影响”）：指标性质写“定性”或指标值是文字时不报告；写成数值的社会/生态环境成本（如“医疗废物规范处置率 ≥95%”）仍报告，但金额建议未必合适，请按负面影响的上限改写。描述里写有金额时（如“总成本350万元”），本条同时说明金额已在描述里（cost-amount-in-description 不再另报同一单元格），并把描述单元格列为相关位置。',
      fix: '不安全修复（需人工确认）：绩效指标描述里写有金额时，把指标值改为该金额的上限（“≥98%”→“≤800万元”）。描述里没有金额、指标值为空或是比率型成本指标时不提供修复；示例金额不会被写进表格。',
    },
  },
  create(context) {
    return {
      Indicator(indicator, project) {
        const value = rowValue(indicator);
        if (!isCostIndicator(indicator) || isAmount(value)) return;
        // 社会成本 / 生态环境成本 may be 定性 (“无明显负面影响”): no amount to ask for.
        const level2 = canonicalLevel2(indicator.level2, indicator.level1);
        if ((level2 === '社会成本' || level2 === '生态环境成本') && (isQualitativeNature(indicator) || value.kind === 'text')) return;
        const budget = project.budget.total !== null ? project.budget.total * projectMoneyFactor(project) : null;
        const amount = findAmountInText(indicator.description);
        const suggestion = amount ? `≤${amount.number}${amount.unit === '万' ? '万元' : amount.unit === '亿' ? '亿元' : amount.unit}` : null;
        const example = suggestion ?? (budget !== null ? `≤${formatWan(budget)}万元` : '≤50万元');
        const op = rowOperator(indicator);
        const ratio = isRatioName(indicator.level3) && (op === '≤' || op === '<');
        context.report({
          node: indicator,
          cell: 'value',
          messageId: ratio ? 'ratio' : isPercent(value) ? 'percent' : isUnitlessNumber(indicator) ? 'bareNumber' : 'notAmount',
          data: {
            level3: indicator.level3 ?? '',
            found: shownValue(indicator),
            example,
            moved: amount ? `；金额“${amount.text}”已写在绩效指标描述里，考核只比对指标值，请把它移到指标值，描述改写为成本的构成或测算口径` : '',
            movedEn: amount ? `; the amount "${amount.text}" is already in the description, but only the value is assessed: move it to the value and use the description for what the cost covers` : '',
          },
          suggestion,
          ...(amount ? { related: [{ node: indicator, cell: 'description' as const }] } : {}),
          ...(suggestion && !ratio && indicator.value.raw.trim() !== '' ? { fix: unsafeFix(`指标值改为“${suggestion}”`, suggestion) } : {}),
          ...(ratio ? { severity: 'info' as const } : {}),
        });
      },
    };
  },
});
