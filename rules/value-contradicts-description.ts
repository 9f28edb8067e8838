import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { cellOperator, natureOperator, rowOperator, shownValue } from './shared/nature.js';
import { canonicalLevel2 } from './shared/taxonomy.js';
import { cellText } from './shared/text.js';
import { isPercent, numberOf } from './shared/values.js';

/**
 * Promises that nothing is left out, by what they are about:
 * - `amount` (足额, 全额): the money is paid in full — contradicts a rate of the amount, not a deadline;
 * - `coverage` (应补尽补, 全覆盖): everyone eligible is covered — contradicts a coverage rate, not an accuracy rate;
 * - `all` (全部处理, 100%): every case is done.
 */
const PROMISES: { about: 'amount' | 'coverage' | 'all'; re: RegExp }[] = [
  { about: 'amount', re: /足额|全额/ },
  { about: 'coverage', re: /应补尽补|应保尽保|应发尽发|应检尽检|应收尽收|应纳尽纳|应种尽种|全覆盖|全面覆盖|无遗漏|不漏一人|全部(?:覆盖|纳入)/ },
  {
    about: 'all',
    re: /全部(?:完成|发放|到位|拨付|支付|兑现|落实|处理|无害化|收集|清运|办结|验收|接种|免疫|救治|安置|达标|整改|消除)|全数|100%/,
  },
];

/** 三级 names a rate that measures something other than how much of the whole is done (准确率, 合格率 …). */
const OTHER_MEASURE = /准确率|正确率|合格率|达标率|优良率|满意|知晓率|差错率|投诉率|发生率/;
/** 三级 names a rate of the money itself (足额 is about it). */
const AMOUNT_RATE = /足额|到位|拨付|发放|兑付|兑现|支付|下达|执行/;

export const valueContradictsDescription = defineRule({
  meta: {
    id: 'value-contradicts-description',
    category: 'value',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    recommended: true,
    // A 时效 row with a percent has no deadline and a 数量 row with a percent no count: those rules' remedies come first.
    yieldsTo: ['timeliness-value-not-time', 'quantity-value-percentage'],
    messages: {
      contradicts: {
        'zh-CN':
          '指标“{level3}”的描述承诺“{promise}”，指标值却是“{found}”，允许有 {gap}% 做不到；两者自相矛盾，评价时无法判断以哪个为准；如果确实要求全部做到，请把指标值写成“=100%”{natureHint}，否则请把描述改成与指标值一致的说法',
        en: 'Indicator "{level3}" promises "{promise}" in its description but its value "{found}" allows {gap}% to be missed; the two contradict each other; if everything must be done, write "=100%"{natureHintEn}, otherwise reword the description to match the value',
      },
    },
    docs: {
      description:
        '质量、效益等比率指标的描述承诺完全做到（全部处理、应补尽补、全覆盖、足额发放），指标值却是低于100%的下限（如“≥98%”，或指标性质“≥”、指标值“95”、单位“%”）。',
      descriptionEn: 'The description of a rate promises completeness (全部处理, 应补尽补, 全覆盖, 足额) while the value is a lower threshold below 100%.',
      why: '“病死畜禽全部无害化处理”“应补尽补”意味着一个都不能少，“≥95%”却允许5%做不到。描述和指标值矛盾，说明指标值是照模板填的，评价时也无法判断以哪个为准。',
      get bad() {
        return table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '补贴对象覆盖率', '符合条件的居民应补尽补', '≥98%', '行业标准'] }) });
      },
      get good() {
        return table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '补贴对象覆盖率', '符合条件的居民应补尽补', '=100%', '行业标准'] }) });
      },
      basis: '财预〔2015〕88号（绩效目标应细化量化、合理可行，指标值与描述一致）；docs/taxonomy.md §3（质量指标可用“=100%”）。',
      limits:
        '只比较百分比指标值（符号可在“指标性质”列）。承诺要与指标考核的是同一件事才算矛盾：“足额”“全额”说的是金额，只对资金类比率（到位率、拨付率、发放率）报告；“应补尽补”“全覆盖”说的是覆盖面，不对准确率、合格率、满意度报告。时效指标（足额与期限无关，缺期限由 timeliness-value-not-time 报告）和数量指标（应写数量，由 quantity-value-percentage 报告）不检查。“每年一次”之类的频次不算完成承诺（应写“=1次”）。',
    },
  },
  create(context) {
    return {
      Indicator(indicator) {
        if (!isPercent(indicator.value)) return;
        const level2 = canonicalLevel2(indicator.level2, indicator.level1);
        if (level2 === '时效' || level2 === '数量') return;
        const description = cellText(indicator.description);
        const name = cellText(indicator.level3);
        const hit = PROMISES.map((p) => ({ about: p.about, promise: p.re.exec(description)?.[0] })).find((p) => p.promise);
        if (!hit?.promise) return;
        if (hit.about === 'amount' && !AMOUNT_RATE.test(name)) return;
        if (hit.about !== 'amount' && OTHER_MEASURE.test(name)) return;
        const n = numberOf(indicator.value);
        const op = rowOperator(indicator);
        if (n === null || n >= 100 || op === '≤' || op === '<') return;
        // The sign is in 指标性质 (whether or not the parser folded it into the value): the fix is two cells.
        const fromNature = natureOperator(indicator) !== null && cellOperator(indicator) === null;
        const shown = fromNature ? shownValue(indicator) : indicator.value.raw;
        context.report({
          node: indicator,
          cell: 'value',
          messageId: 'contradicts',
          ...(fromNature ? {} : { suggestion: '=100%' }),
          data: {
            level3: indicator.level3 ?? '',
            promise: hit.promise,
            found: shown,
            gap: Math.round((100 - n) * 100) / 100,
            natureHint: fromNature ? '（指标性质改为“=”，指标值改为“100”）' : '',
            natureHintEn: fromNature ? ' (指标性质 "=", value "100")' : '',
          },
        });
      },
    };
  },
});
