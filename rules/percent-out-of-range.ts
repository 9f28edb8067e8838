import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { unsafeFix } from './shared/fixes.js';
import { rowValue, shownValue } from './shared/nature.js';
import { isPercent, numberOf } from './shared/values.js';

/**
 * A percent above 100 with one 0 too many ("≥980%" for ≥98%, "1000%" for 100%): the value with that
 * 0 dropped, or null when the number does not look like that slip (the result must be a usual target, 60–100).
 */
function withoutExtraZero(raw: string, n: number): string | null {
  const m = /(?<!\d)(\d+)0(?=\s*[%％])/.exec(raw); // (?<!\d): linear on a long run of digits
  if (!m || n <= 100 || n / 10 > 100 || n / 10 < 60 || Number(m[1]) !== n / 10) return null;
  return raw.slice(0, m.index) + m[1] + raw.slice(m.index + m[0].length);
}

export const percentOutOfRange = defineRule({
  meta: {
    id: 'percent-out-of-range',
    category: 'value',
    defaultSeverity: 'error',
    kind: 'exact',
    fix: 'unsafe',
    messages: {
      above: {
        'zh-CN': '指标“{level3}”的百分比“{found}”超过100%；比率不会超过100%，请核对数值，或改用数量、金额表示增长',
        en: 'Indicator "{level3}" has the percentage "{found}", above 100%; a ratio cannot exceed 100% — check the number, or express growth as a quantity or amount',
      },
      below: {
        'zh-CN': '指标“{level3}”的百分比“{found}”小于0%；百分比不能为负，请核对数值，下降类目标请用“≤”表示',
        en: 'Indicator "{level3}" has the percentage "{found}", below 0%; write reductions with "≤" instead of a negative percent',
      },
    },
    docs: {
      description: '指标值是百分比，且数值大于100或小于0。资金支出计划的超限由 spend-plan-not-cumulative 检查。',
      descriptionEn: 'A percentage target value is above 100 or below 0.',
      why: '比率、完成率、满意度都在0%–100%之间，超出范围通常是录入错误（如“≥980%”）或把数量误写成了百分比。',
      get bad() {
        return table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '补贴发放准确率', '按标准核定并发放补贴的准确程度', '≥980%', '行业标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '财预〔2015〕88号（指标值应合理可行）；docs/taxonomy.md §3（比率类指标以%计）。',
      limits: '增长率等确实可能超过100%的指标会被报告，可在配置中对个别文件关闭本规则。',
      fix: '不安全修复（需人工确认）：超过100%且像是多打了一个0的数值（去掉后在60%–100%之间），去掉这个0（“≥980%”→“≥98%”，“1000%”→“100%”）。这只是最常见的一种笔误，真实目标要由人确认；负数和其他超限值不提供修复。',
    },
  },
  create(context) {
    return {
      Indicator(indicator) {
        const value = rowValue(indicator);
        if (!isPercent(value)) return;
        const n = numberOf(value);
        if (n === null || (n <= 100 && n >= 0)) return;
        const fixed = withoutExtraZero(indicator.value.raw.trim(), n);
        context.report({
          node: indicator,
          cell: 'value',
          messageId: n > 100 ? 'above' : 'below',
          data: { level3: indicator.level3 ?? '', found: shownValue(indicator) },
          ...(fixed ? { fix: unsafeFix(`指标值改为“${fixed}”`, fixed) } : {}),
        });
      },
    };
  },
});
