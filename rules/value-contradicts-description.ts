import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { cellText } from './shared/text.js';
import { isPercent, numberOf, operatorOf } from './shared/values.js';

/** Words that promise completeness (足额 全部 应补尽补 全覆盖 每年一次). */
const COMPLETENESS =
  /足额|全额|应补尽补|应保尽保|应发尽发|应检尽检|应收尽收|全覆盖|全面覆盖|全部(?:完成|发放|到位|覆盖|拨付|纳入|支付|兑现|落实)|无遗漏|不漏一人|每年一次|100%/;

export const valueContradictsDescription = defineRule({
  meta: {
    id: 'value-contradicts-description',
    category: 'value',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    fixable: false,
    recommended: true,
    messages: {
      contradicts: {
        'zh-CN':
          '指标“{level3}”的描述承诺“{promise}”，指标值却是“{found}”，允许有 {gap}% 做不到；两者自相矛盾，评价时无法判断以哪个为准；如果确实要求全部做到，请把指标值写成“=100%”（或写明具体数量），否则请把描述改成与指标值一致的说法',
        en: 'Indicator "{level3}" promises "{promise}" in its description but its value "{found}" allows {gap}% to be missed; the two contradict each other; if everything must be done, write "=100%" (or the exact count), otherwise reword the description to match the value',
      },
    },
    docs: {
      description:
        '绩效指标描述承诺完全做到（足额、全部、应补尽补、全覆盖、每年一次），指标值却是低于100%的下限（如“≥98%”）。',
      descriptionEn: 'The description promises completeness (足额 全部 应补尽补 全覆盖 每年一次) while the value is a lower threshold below 100%.',
      why: '“应补尽补”“足额拨付”意味着一个都不能少，“≥98%”却允许2%做不到。描述和指标值矛盾，说明指标值是照模板填的，评价时也无法判断以哪个为准。',
      bad: table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '补贴发放准确率', '应补尽补', '≥98%', '行业标准'] }) }),
      good: table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '补贴发放准确率', '应补尽补', '=100%', '行业标准'] }) }),
      basis: '财预〔2015〕88号（绩效目标应细化量化、合理可行，指标值与描述一致）；docs/taxonomy.md §3（质量指标可用“=100%”）。',
      limits:
        '只比较百分比指标值：描述中的承诺词（足额、全额、应补尽补、全覆盖、全部完成、每年一次、100%）与小于100的百分比且不是“≤/<”的指标值。描述中的承诺可能说的是别的对象（如“足额”指资金、指标值考核的是人数覆盖率），这种情况会被误报。',
    },
  },
  create(context) {
    return {
      Indicator(indicator) {
        if (!isPercent(indicator.value)) return;
        const promise = COMPLETENESS.exec(cellText(indicator.description))?.[0];
        if (!promise) return;
        const n = numberOf(indicator.value);
        const op = operatorOf(indicator.value);
        if (n === null || n >= 100 || op === '≤' || op === '<') return;
        context.report({
          node: indicator,
          cell: 'value',
          messageId: 'contradicts',
          data: { level3: indicator.level3 ?? '', promise, found: indicator.value.raw, gap: Math.round((100 - n) * 100) / 100 },
        });
      },
    };
  },
});
