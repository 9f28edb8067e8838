import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { unsafeFix } from './shared/fixes.js';
import { namesRate } from './shared/fixes-values.js';
import { cellText } from './shared/text.js';
import { isBlank } from './shared/text.js';
import { isBareNumber, isPercent, numberOf, operatorOf } from './shared/values.js';

/** Value kinds that are a quantity to compare against (a date carries its own bound: 12月底前). */
const QUANTITATIVE_KINDS = new Set(['percent', 'amount', 'count', 'duration']);

export const missingOperator = defineRule({
  meta: {
    id: 'missing-operator',
    category: 'value',
    defaultSeverity: 'info',
    kind: 'heuristic',
    fixable: true,
    fix: 'unsafe',
    messages: {
      noOperator: {
        'zh-CN':
          '指标“{level3}”的指标值“{found}”没有比较符号；不写“≥”“≤”或“=”，评价时不知道超过算不算达标、低于多少算未完成；请按指标方向补上符号，如正向指标“≥{found}”、反向指标“≤{found}”、固定值“={found}”',
        en: 'Indicator "{level3}" has the value "{found}" with no comparison sign; without ≥, ≤ or =, nobody can tell whether exceeding it meets the target; add the sign for the indicator\'s direction, e.g. "≥{found}", "≤{found}" or "={found}"',
      },
    },
    docs: {
      description: '定量的指标值（百分比、金额、数量、时长）没有比较符号（≥ ≤ > < =），如“100%”“99%”。有“指标性质”列并已填写的表不检查。',
      descriptionEn: 'A quantitative value with no operator ("100%", "99%").',
      why: '正向指标（越高越好）用 =、≥、＞，反向指标（越低越好）用 ＜、≤。只写“99%”时，实际达到 99.5% 或 98% 算不算完成都说不清，监控和评价时容易产生争议。',
      bad: table({ indicators: withRows({ 城乡居民养老保险参保率: ['效益指标', '社会效益指标', '城乡居民养老保险参保率', '适龄居民参加养老保险的比例', '100%', '历史标准'] }) }),
      good: table({ indicators: withRows({ 城乡居民养老保险参保率: ['效益指标', '社会效益指标', '城乡居民养老保险参保率', '适龄居民参加养老保险的比例', '=100%', '历史标准'] }) }),
      basis: '山西监控规则（正向指标 ＝、≥、＞，反向指标 ＜、≤，docs/sources.md 27）；docs/taxonomy.md §3、§6（“A value with no operator is ambiguous”）。',
      limits:
        '日期（“2020年12月底前”）自带期限，不检查；资金支出计划的百分比不检查。模板另有“指标性质/计算符号”列时以该列为准。无法判断指标是正向还是反向，所以只提示缺符号、不自动补。',
      fix: '不安全修复（需人工确认）：只对百分比的两端给出修复——“100%”→“=100%”、“0%”→“=0%”（比率超不过100%、低不过0%，写“=”与原意最接近）；比率类三级（…率、…满意度）的无单位“100”“0”同时补上“%”（“100”→“=100%”）。其他数值方向不明，不提供修复。',
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
        // At the ends of a ratio (100%, 0%) = is the only reading; elsewhere the direction is unknown.
        const n = numberOf(indicator.value);
        const raw = indicator.value.raw.trim();
        const fixed =
          n === 100 || n === 0
            ? isPercent(indicator.value) && /[%％]$/.test(raw)
              ? `=${raw}`
              : isBareNumber(indicator.value) && namesRate(indicator.level3)
                ? `=${raw}%`
                : null
            : null;
        context.report({
          node: indicator,
          cell: 'value',
          messageId: 'noOperator',
          ...(fixed ? { fix: unsafeFix(`指标值改为“${fixed}”`, fixed) } : {}),
          data: { level3: indicator.level3 ?? '', found: indicator.value.raw },
        });
      },
    };
  },
});
