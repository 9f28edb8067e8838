import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { unsafeFix } from './shared/fixes.js';
import { isCostIndicator } from './shared/taxonomy.js';
import { cellOperator, natureOperator } from './shared/nature.js';
import { isBlankValue, isPercent } from './shared/values.js';

export const costLowerBoundOperator = defineRule({
  meta: {
    id: 'cost-lower-bound-operator',
    category: 'value',
    defaultSeverity: 'error',
    kind: 'heuristic',
    fix: 'unsafe',
    recommended: true,
    messages: {
      lowerBound: {
        'zh-CN':
          '成本指标“{level3}”的指标值“{found}”用了“{op}”，意思是至少要花这么多钱；成本是上限，不得超出预算支出标准，应写“≤”（固定标准写“=”）；请改为“{suggestion}”',
        en: 'Cost indicator "{level3}" has the value "{found}" with "{op}", meaning at least that much must be spent; a cost is a cap that must not exceed the budget standard, so use "≤" (or "=" for a fixed standard): "{suggestion}"',
      },
    },
    docs: {
      description: '成本指标的指标值用了“≥”或“>”（如“≥800万元”）；成本是上限，应写“≤”，法定固定标准写“=”。',
      descriptionEn: 'A cost value with ≥ or >; a cost is a cap (≤), or = for a fixed standard.',
      why: '成本指标约束项目“花多少钱”，目标是不超出预算支出标准。“≥800万元”等于要求至少花800万元，与控制成本的本意相反，评价时花得越多反而越“达标”。',
      get bad() {
        return table({ indicators: withRows({ 项目总成本: ['产出指标', '成本指标', '项目总成本', '全年补贴支出总额', '≥800万元', '预算支出标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '财预〔2021〕101号 附件1（成本指标用 ≤）；指标值设定依据“预算支出标准”（“不得超出规定的预算支出标准设置目标值”，docs/sources.md 26）；山西监控规则（反向指标用 ＜、≤，docs/sources.md 27）。',
      limits:
        '百分比值不检查：成本行写成“≥98%”本身就不是金额，由 cost-value-not-amount 报告；比率型成本指标（如“成本节约率 ≥5%”）用 ≥ 是合理的。2021版模板把符号写在“指标性质”列（“≥ | 1970 | 元”）时，报告在该列上，修复把该列改为“≤”。社会成本、生态环境成本的数值同样按上限要求检查。自动修复只把“≥/>”换成“≤”，不改数值。',
      fix: '不安全修复（需人工确认）：把“≥/>”（及“不低于”等文字）换成“≤”，数值不变（“≥800万元”→“≤800万元”）。翻转方向改变了目标的意思，固定标准应写“=”，所以要由人确认。',
    },
  },
  create(context) {
    return {
      Indicator(indicator) {
        if (!isCostIndicator(indicator) || isBlankValue(indicator.value) || isPercent(indicator.value)) return;
        const op = cellOperator(indicator);
        // 2021+ layout: the sign sits in 指标性质 (`≥ | 1970 | 元`); the fix flips that cell.
        if (op === null) {
          const natureOp = natureOperator(indicator);
          if (natureOp !== '≥' && natureOp !== '>') return;
          const nature = (indicator.nature ?? '').trim();
          const shown = `${nature} ${indicator.value.raw.trim()}${indicator.unitColumn ? indicator.unitColumn.trim() : ''}`;
          context.report({
            node: indicator,
            cell: 'nature',
            messageId: 'lowerBound',
            found: nature,
            suggestion: '≤',
            fix: unsafeFix(`把指标性质“${nature}”改为“≤”`, '≤'),
            data: { level3: indicator.level3 ?? '', found: shown, op: natureOp, suggestion: `指标性质“≤”` },
          });
          return;
        }
        if (op !== '≥' && op !== '>') return;
        const raw = indicator.value.raw.trim();
        const replaced = raw.replace(/^\s*(?:≥|>=|＞＝|≧|>|＞|大于等于|不低于|不少于|大于|高于)\s*/, '≤');
        const suggestion = replaced !== raw ? replaced : `≤${raw}`;
        context.report({
          node: indicator,
          cell: 'value',
          messageId: 'lowerBound',
          found: raw,
          suggestion,
          ...(replaced !== raw ? { fix: unsafeFix(`把“${op}”改为“≤”`, replaced) } : {}),
          data: { level3: indicator.level3 ?? '', found: raw, op, suggestion },
        });
      },
    };
  },
});
