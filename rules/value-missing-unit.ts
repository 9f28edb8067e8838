import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { unsafeFix } from './shared/fixes.js';
import { namesRate } from './shared/fixes-values.js';
import { isUnitlessNumber } from './shared/nature.js';

export const valueMissingUnit = defineRule({
  meta: {
    id: 'value-missing-unit',
    category: 'value',
    defaultSeverity: 'warn',
    kind: 'exact',
    fix: 'unsafe',
    messages: {
      missingUnit: {
        'zh-CN': '指标“{level3}”的指标值“{found}”只有数字没有单位；看不出是%、人、次还是万元，请写上单位，如“{found}人”“{found}%”',
        en: 'Indicator "{level3}" has the value "{found}", a number without a unit; nobody can tell whether it is %, people, times or 万元 — add the unit',
      },
      missingPercent: {
        'zh-CN': '指标“{level3}”的指标值“{found}”缺少单位；这是比率类指标，应写成“{suggestion}”',
        en: 'Indicator "{level3}" has the value "{found}" with no unit; it is a rate, so write "{suggestion}"',
      },
    },
    docs: {
      description: '资金支出计划以外的指标值是一个不带单位的数字（可带比较符号），如“≥95”。表格有“度量单位/计量单位”列且已填写时不报告。',
      descriptionEn: 'A target value (outside the spending plan) is a bare number such as "≥95".',
      why: '指标值要能直接拿来考核。“≥95”可能是95%、95人、95次，审核和自评时各说各话。比率要带%，数量要带人、次、个等计量单位。',
      get bad() {
        return table({ indicators: withRows({ 城乡居民养老保险参保率: ['效益指标', '社会效益指标', '城乡居民养老保险参保率', '适龄居民参加养老保险的比例', '≥95', '历史标准'] }) });
      },
      get good() {
        return table({ indicators: withRows({ 城乡居民养老保险参保率: ['效益指标', '社会效益指标', '城乡居民养老保险参保率', '适龄居民参加养老保险的比例', '≥95%', '历史标准'] }) });
      },
      basis: '财预〔2011〕285号 第十四条、财预〔2015〕88号（细化量化）；项目支出绩效目标申报表填报说明（“可量化的用数值描述”）；docs/taxonomy.md §3（% 需带%号，除非有度量单位列）。',
      limits: '比率类三级（…率、…满意度）给出加%的建议，其余只提示补单位；成本指标的无单位数字同时由 cost-value-not-amount 报告。',
      fix: '不安全修复（需人工确认）：比率类三级（…率、…满意度）的无单位数字补上“%”（“≥95”→“≥95%”）。单位是从指标名称推断的，所以要由人确认；其他指标猜不出单位，不提供修复。',
    },
  },
  create(context) {
    return {
      Indicator(indicator) {
        if (!isUnitlessNumber(indicator)) return;
        const rate = namesRate(indicator.level3);
        const found = indicator.value.raw;
        const suggestion = rate ? `${found.trim()}%` : null;
        context.report({
          node: indicator,
          cell: 'value',
          messageId: rate ? 'missingPercent' : 'missingUnit',
          data: { level3: indicator.level3 ?? '', found, ...(suggestion ? { suggestion } : {}) },
          suggestion,
          ...(suggestion ? { fix: unsafeFix(`补上“%”：${suggestion}`, suggestion) } : {}),
        });
      },
    };
  },
});
