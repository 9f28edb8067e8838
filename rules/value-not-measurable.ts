import type { Indicator } from '../src/ast/types.js';
import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { isCostIndicator, isQuantityIndicator, isSatisfactionIndicator, isTimelinessIndicator } from './shared/taxonomy.js';
import { hasNumber } from './shared/text.js';
import { isBlankValue } from './shared/values.js';

/** Which measurable class a row belongs to, with an example of a measurable value. */
function measurableClass(ind: Indicator): { zh: string; en: string; example: string } | null {
  if (isCostIndicator(ind)) return { zh: '成本指标', en: 'cost indicator', example: '≤50万元' };
  if (isSatisfactionIndicator(ind)) return { zh: '满意度指标', en: 'satisfaction indicator', example: '≥90%' };
  if (isQuantityIndicator(ind)) return { zh: '数量指标', en: 'quantity indicator', example: '≥1200人' };
  if (isTimelinessIndicator(ind)) return { zh: '时效指标', en: 'timeliness indicator', example: '2020年12月底前' };
  return null;
}

export const valueNotMeasurable = defineRule({
  meta: {
    id: 'value-not-measurable',
    category: 'value',
    defaultSeverity: 'error',
    kind: 'exact',
    messages: {
      noNumber: {
        'zh-CN': '{kind}“{level3}”的指标值“{found}”没有数字，无法考核；请写出可衡量的目标值，如“{example}”（确实无法量化的，在指标性质中标为定性并给出分级标准）',
        en: '{kindEn} "{level3}" has the value "{found}", with no number, so it cannot be assessed; write a measurable target such as "{example}" (mark truly qualitative rows 定性 with graded levels)',
      },
      empty: {
        'zh-CN': '{kind}“{level3}”的指标值为空；请写出可衡量的目标值，如“{example}”',
        en: '{kindEn} "{level3}" has no value; write a measurable target such as "{example}"',
      },
    },
    docs: {
      description: '数量指标、时效指标、成本指标或满意度指标的指标值不含数字（如“及时”“满意”“到位”），或为空。指标性质列标明“定性”的行不报告。',
      descriptionEn: 'A quantity, timeliness, cost or satisfaction indicator has a value with no number ("及时", "满意", "到位").',
      why: '数量、时效、成本、满意度天然可以量化；写“及时”“满意”无法判断是否达成。不能量化的指标应采用定性的分级分档形式，并在表中标明。',
      get bad() {
        return table({ indicators: withRows({ 补贴发放完成时间: ['产出指标', '时效指标', '补贴发放完成时间', '补贴按季度发放', '及时', '计划标准'] }) });
      },
      get good() {
        return table({ indicators: withRows({ 补贴发放完成时间: ['产出指标', '时效指标', '补贴发放完成时间', '补贴按季度发放', '2020年12月底前', '计划标准'] }) });
      },
      basis: '财预〔2011〕285号 第十四条（“尽量进行定量表述。不能以量化形式表述的，可以采用定性的分级分档形式表述”）；财预〔2015〕88号（细化量化）。',
      limits: '带量词或时间单位的汉字数字（“每年一次”“十二月底前”）算作数字；质量、效益类指标允许定性值，不在本规则范围内。',
    },
  },
  create(context) {
    return {
      Indicator(indicator) {
        const cls = measurableClass(indicator);
        if (!cls || /定性/.test(indicator.nature ?? '')) return;
        const empty = isBlankValue(indicator.value);
        if (!empty && hasNumber(indicator.value.raw)) return;
        context.report({
          node: indicator,
          cell: 'value',
          messageId: empty ? 'empty' : 'noNumber',
          data: {
            kind: cls.zh,
            kindEn: cls.en.replace(/^./, (c) => c.toUpperCase()),
            level3: indicator.level3 ?? '',
            found: indicator.value.raw,
            example: cls.example,
          },
        });
      },
    };
  },
});
