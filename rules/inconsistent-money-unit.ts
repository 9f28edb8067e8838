import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { fixWithSafety, unsafeFix } from './shared/fixes.js';
import { isCostIndicator } from './shared/taxonomy.js';
import { normalizeWidth } from './shared/text.js';
import { isAmount, normalizedRaw } from './shared/values.js';

/** An amount in 万 / 亿 without 元 ("总成本350万"), where only punctuation, the end or 以内/左右 follows. */
const SHORTHAND = /(?<!\d)(\d+(?:\.\d+)?)\s*(万|亿)(?=$|[\s，,。；;、）)\]】]|以[内下]|之内|左右)/;
/** The money unit a total-cost value is written in (unit costs such as 元/人·月 are left alone). */
const VALUE_UNIT = /(百万元|千万元|亿元|万元|千元|元)(?![/／每])/;

export const inconsistentMoneyUnit = defineRule({
  meta: {
    id: 'inconsistent-money-unit',
    category: 'value',
    defaultSeverity: 'info',
    kind: 'heuristic',
    fix: 'both',
    messages: {
      shorthand: {
        'zh-CN':
          '“{found}”的货币单位写成了“{unit}”，本表的金额单位是“{tableUnit}”；同一文档金额单位写法不一，读表的人要猜“{unit}”是不是“{unit}元”；请写成“{suggestion}”',
        en: '"{found}" gives its money unit as "{unit}" while the table\'s unit is "{tableUnit}"; mixed unit spellings make readers guess that "{unit}" means "{unit}元"; write "{suggestion}"',
      },
      differsFromHeader: {
        'zh-CN':
          '成本指标“{level3}”的指标值“{found}”以“{unit}”计，而本表表头是“单位：{tableUnit}”；同一张表金额单位不一致，与预算数比对时容易差一万倍；请换算为“{tableUnit}”，如“{suggestion}”',
        en: 'Cost indicator "{level3}" gives "{found}" in {unit} while the table header says 单位：{tableUnit}; mixed units in one table invite errors of ten thousand times against the budget; convert to {tableUnit}, e.g. "{suggestion}"',
      },
    },
    docs: {
      description:
        '金额的货币单位与表头“单位：万元”或文档其他地方不一致：写成“万”“亿”而不是“万元”“亿元”（如“总成本350万”），或成本指标的总额用了与表头不同的单位（表头万元、指标值写元）。',
      descriptionEn:
        'A money unit that differs from the table header or the rest of the document (总成本350万 where the rest say 万元; a cost total in 元 under 单位：万元).',
      why: '表头的“单位：万元”约定了全表金额的口径。“350万”是口语写法，和“万元”混用显得随意，也可能被误读；成本总额换用“元”时，与预算数（万元）比对很容易差出一万倍。',
      get bad() {
        return table({ indicators: withRows({ 项目总成本: ['产出指标', '成本指标', '项目总成本', '全年补贴支出总额，总成本800万', '≤800万元', '预算支出标准'] }) });
      },
      get good() {
        return table();
      },
      basis: 'docs/taxonomy.md §8（“单位：万元”是全表的金额单位，预算数、成本行的数字按万元计）；绩效目标申报表填写要求（金额以万元为单位，docs/sources.md 9）。',
      limits:
        '只看指标值和绩效指标描述中的金额；“万”只在其后是标点、结尾或“以内/左右”时才当作金额（“1.2万人”“3万亩”不算）。单位成本（元/人·月）和效益指标中以元计的金额（人均增收600元）是合理的，不报告。自动修复只把“万/亿”补成“万元/亿元”。',
      fix: '安全修复：表头写明“单位：万元”时，把“350万”补成“350万元”（“亿”补成“亿元”），数值不变。不安全修复（需人工确认）：表头是其他单位或没有写单位时的同一修改；以及把成本指标的金额换算为表头单位（“≤8000000元”→“≤800万元”），换算可能有舍入。全角数字的金额不提供修复。',
    },
  },
  create(context) {
    return {
      Indicator(indicator, project) {
        const tableUnit = project.moneyUnit ?? '万元';
        for (const cell of ['value', 'description'] as const) {
          const text = cell === 'value' ? indicator.value.raw : indicator.description ?? '';
          const normalized = normalizeWidth(text);
          const m = SHORTHAND.exec(normalized);
          if (!m) continue;
          const found = m[0].trim();
          const suggestion = `${m[1]}${m[2]}元`;
          // 万 in a table whose header says 单位：万元 can only mean 万元.
          const safe = project.moneyUnit === '万元';
          context.report({
            node: indicator,
            cell,
            messageId: 'shorthand',
            found,
            suggestion,
            ...(normalized === text ? { fix: fixWithSafety(safe, `“${found}”改为“${found}元”`, `${found}元`) } : {}),
            data: { found, unit: m[2]!, tableUnit, suggestion },
          });
        }
        if (!isCostIndicator(indicator) || !isAmount(indicator.value)) return;
        const { value } = indicator;
        const unit = VALUE_UNIT.exec(normalizedRaw(value))?.[1];
        if (!unit || unit === tableUnit || value.wan === undefined || project.moneyUnit === null) return;
        const inTableUnit =
          tableUnit === '万元' ? value.wan : tableUnit === '元' ? value.wan * 10000 : tableUnit === '亿元' ? value.wan / 10000 : tableUnit === '千元' ? value.wan * 10 : null;
        if (inTableUnit === null) return;
        const converted = `${value.op ?? ''}${Math.round(inTableUnit * 1e6) / 1e6}${tableUnit}`;
        context.report({
          node: indicator,
          cell: 'value',
          messageId: 'differsFromHeader',
          suggestion: converted,
          fix: unsafeFix(`“${value.raw.trim()}”换算为“${converted}”`, converted),
          data: { level3: indicator.level3 ?? '', found: value.raw, unit, tableUnit, suggestion: converted },
        });
      },
    };
  },
});
