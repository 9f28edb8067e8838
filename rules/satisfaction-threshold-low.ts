import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { isSatisfactionIndicator } from './shared/taxonomy.js';
import { rowOperator, rowValue, shownValue } from './shared/nature.js';
import { isPercent, numberOf } from './shared/values.js';

export const satisfactionThresholdLow = defineRule({
  meta: {
    id: 'satisfaction-threshold-low',
    category: 'value',
    defaultSeverity: 'warn',
    kind: 'exact',
    messages: {
      low: {
        'zh-CN': '满意度指标“{level3}”的目标值“{found}”低于{min}%；目标定得过低起不到考核作用，一般不低于{min}%，如“≥{min}%”',
        en: 'Satisfaction indicator "{level3}" targets "{found}", below {min}%; a target this low assesses nothing — aim for at least {min}%, e.g. "≥{min}%"',
      },
    },
    docs: {
      description: '满意度指标（一级为满意度指标，或二级为服务对象满意度指标）的百分比目标值低于下限（默认85%，选项 min）。比较符号为 ≤、< 的反向指标不检查。',
      descriptionEn: "A satisfaction indicator's percentage target is below the floor (85% by default, option `min`).",
      why: '满意度目标常见取值为85%–95%。“不能设定过低的产出和效益目标”，过低的满意度目标等于没有目标，审核时按“适当性”要求退回。',
      get bad() {
        return table({ indicators: withRows({ 参保居民满意度: ['满意度指标', '服务对象满意度指标', '参保居民满意度', '抽样调查参保居民满意程度', '≥60%', '计划标准'] }) });
      },
      get good() {
        return table({ indicators: withRows({ 参保居民满意度: ['满意度指标', '服务对象满意度指标', '参保居民满意度', '抽样调查参保居民满意程度', '≥90%', '计划标准'] }) });
      },
      options: '`min`（数字，0–100，默认85）：满意度目标的下限，如 `"satisfaction-threshold-low": ["warn", { "min": 90 }]`。',
      basis: '财预〔2015〕88号 第七条（满意度指标）、第三章审核“适当性”；《绩效评价报告编制实务》（“不能设定过低的产出和效益目标”）。未找到官方的满意度下限，默认85%取自常见取值。',
      limits: '没有官方下限，阈值为经验值，可用选项调整；只检查写成百分比的目标。',
    },
  },
  options: {
    min: {
      type: 'number',
      minimum: 0,
      maximum: 100,
      default: 85,
      description: '满意度目标的下限（百分比），默认85',
      descriptionEn: 'Lowest acceptable satisfaction target in percent (default 85)',
    },
  },
  create(context) {
    const { min } = context.options;
    return {
      Indicator(indicator) {
        const value = rowValue(indicator);
        if (!isSatisfactionIndicator(indicator) || !isPercent(value)) return;
        const op = rowOperator(indicator);
        if (op === '≤' || op === '<') return;
        const n = numberOf(value);
        if (n === null || n >= min) return;
        context.report({
          node: indicator,
          cell: 'value',
          messageId: 'low',
          data: { level3: indicator.level3 ?? '', found: shownValue(indicator), min },
          suggestion: `≥${min}%`,
        });
      },
    };
  },
});
