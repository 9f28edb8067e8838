import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { unsafeFix } from './shared/fixes.js';
import { namesRate } from './shared/fixes-values.js';
import { cellText } from './shared/text.js';
import { isBlank } from './shared/text.js';
import { isBareNumber, isPercent, numberOf, operatorOf } from './shared/values.js';

/** Value kinds that are a quantity to compare against (a date carries its own bound: 12月底前). */
const QUANTITATIVE_KINDS = new Set(['percent', 'amount', 'count', 'duration']);

/** 反向 (lower is better): errors, incidents, complaints, losses, costs, durations. */
const LOWER_IS_BETTER = /差错|错误|失误|发生率|事故|投诉|违规|违纪|违法|损失|流失|死亡|超支|成本|费用|支出|能耗|耗|排放|时长|用时|时间|天数|周期|等待|返工|退回/;
/** 正向 (higher is better): rates, satisfaction, counts. */
const HIGHER_IS_BETTER = /率$|满意度$|人数|次数|数量|人次|户数|个数|面积|里程|增收|增长|覆盖|合格|达标|完成|参保|知晓|受益/;

/** The direction of an indicator from its 三级 (and value kind), or null when the name does not tell. */
function directionOf(level3: string | null, kind: string): 'up' | 'down' | null {
  const name = cellText(level3);
  if (LOWER_IS_BETTER.test(name)) return 'down';
  if (HIGHER_IS_BETTER.test(name) || kind === 'count') return 'up';
  return null;
}

export const missingOperator = defineRule({
  meta: {
    id: 'missing-operator',
    category: 'value',
    defaultSeverity: 'info',
    kind: 'heuristic',
    fix: 'unsafe',
    // A row that is rewritten as a whole, or a value another rule rewrites, needs no separate sign.
    yieldsTo: [
      { rule: 'slogan-indicator', scope: 'row' },
      { rule: 'process-metric-as-benefit', scope: 'row' },
      { rule: 'cost-row-not-a-cost', scope: 'row' },
      'value-missing-unit',
      'cost-value-not-amount',
      'timeliness-value-not-time',
      'quantity-value-percentage',
    ],
    messages: {
      directed: {
        'zh-CN':
          '指标“{level3}”的指标值“{found}”没有比较符号；不写符号，评价时说不清{miss}算不算完成；“{level3}”是{direction}指标，请写成“{suggestion}”（固定值写“={found}”）',
        en: 'Indicator "{level3}" has the value "{found}" with no comparison sign, so nobody can tell whether {missEn} meets the target; "{level3}" is a {directionEn} indicator: write "{suggestion}" (or "={found}" for a fixed value)',
      },
      noOperator: {
        'zh-CN':
          '指标“{level3}”的指标值“{found}”没有比较符号；不写“≥”“≤”或“=”，评价时不知道超过算不算达标、低于多少算未完成；请按指标方向补上符号：越高越好写“≥{found}”，越低越好写“≤{found}”，固定值写“={found}”',
        en: 'Indicator "{level3}" has the value "{found}" with no comparison sign; without ≥, ≤ or =, nobody can tell whether exceeding it meets the target; add the sign for the indicator\'s direction: "≥{found}" when higher is better, "≤{found}" when lower is better, "={found}" for a fixed value',
      },
    },
    docs: {
      description:
        '定量的指标值（百分比、金额、数量、时长）没有比较符号（≥ ≤ > < =），且方向要紧，如“98%”“12000人”。比率的两端（100%、0%）和 0 不报告；有“指标性质”列并已填写的表不检查。',
      descriptionEn: 'A quantitative value whose direction matters has no operator ("98%", "12000人"); 100%, 0% and 0 need none.',
      why: '正向指标（越高越好）用 =、≥、＞，反向指标（越低越好）用 ＜、≤。只写“98%”时，实际达到 97% 算不算完成、99% 是否超额都说不清，监控和评价时容易产生争议。比率写“100%”或“0%”只有一种读法（不可能超过100%、低于0%），补符号不改变意思，所以不报告；审核时真正要看的是这类行本身是否合理（由其他规则报告）。',
      get bad() {
        return table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '资助对象认定准确率', '按标准认定资助对象的准确程度', '98%', '行业标准'] }) });
      },
      get good() {
        return table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '资助对象认定准确率', '按标准认定资助对象的准确程度', '≥98%', '行业标准'] }) });
      },
      basis: '山西监控规则（正向指标 ＝、≥、＞，反向指标 ＜、≤，docs/sources.md 27）；docs/taxonomy.md §3、§6（“A value with no operator is ambiguous”）。',
      limits:
        '日期（“2020年12月底前”）自带期限，不检查；资金支出计划的百分比不检查；“100%”“0%”和“0”只有一种读法，不检查。方向按三级名称推断：差错率、发生率、投诉、事故、损失、成本、费用、时长等为反向（≤），其余比率、满意度和数量为正向（≥）；推断不出时只提示缺符号。同一行已被 slogan-indicator、process-metric-as-benefit、cost-row-not-a-cost 报告（整行要改写），或同一指标值已被 value-missing-unit、cost-value-not-amount、timeliness-value-not-time、quantity-value-percentage 报告时，本规则让位。',
      fix: '不安全修复（需人工确认）：方向推断得出时补上符号（“98%”→“≥98%”，“差错率 2%”→“≤2%”）。方向是推断的，固定值应写“=”，所以要由人确认；推断不出时不提供修复。',
    },
  },
  create(context) {
    return {
      Indicator(indicator) {
        if (!isBlank(indicator.nature)) return;
        const quantitative = QUANTITATIVE_KINDS.has(indicator.value.kind) || isBareNumber(indicator.value);
        if (!quantitative || operatorOf(indicator.value) !== null) return;
        // Words that carry the direction ("不低于95%", "95%以上", "10日前") count as an operator.
        if (/不低于|不少于|不高于|不超过|不大于|不小于|以上|以下|以内|之内|至少|最多|大于|小于|高于|低于|达到|控制在|前$/.test(cellText(indicator.value.raw))) return;
        // 0 and the top of a ratio have one reading: a sign changes nothing.
        const n = numberOf(indicator.value);
        if (n === 0) return;
        if (n === 100 && (isPercent(indicator.value) || namesRate(indicator.level3))) return;
        const raw = indicator.value.raw.trim();
        const level3 = indicator.level3 ?? '';
        const direction = directionOf(indicator.level3, indicator.value.kind);
        if (!direction) {
          context.report({ node: indicator, cell: 'value', messageId: 'noOperator', data: { level3, found: raw } });
          return;
        }
        const suggestion = `${direction === 'up' ? '≥' : '≤'}${raw}`;
        context.report({
          node: indicator,
          cell: 'value',
          messageId: 'directed',
          suggestion,
          fix: unsafeFix(`指标值改为“${suggestion}”`, suggestion),
          data: {
            level3,
            found: raw,
            suggestion,
            direction: direction === 'up' ? '正向（越高越好）' : '反向（越低越好）',
            directionEn: direction === 'up' ? 'higher-is-better' : 'lower-is-better',
            miss: direction === 'up' ? '低于这个数' : '超过这个数',
            missEn: direction === 'up' ? 'falling short of it' : 'going over it',
          },
        });
      },
    };
  },
});
