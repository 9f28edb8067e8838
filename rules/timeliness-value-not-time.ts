import { defineRule } from '../src/engine/define-rule.js';
import { shownValue } from './shared/nature.js';
import { table, withRows } from './shared/example-table.js';
import { isTimelinessIndicator } from './shared/taxonomy.js';
import { hasStatedDeadline, hasTimeSense } from './shared/time-words.js';
import { isPercent } from './shared/values.js';

export const timelinessValueNotTime = defineRule({
  meta: {
    id: 'timeliness-value-not-time',
    category: 'value',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    recommended: true,
    messages: {
      percentWithoutDeadline: {
        'zh-CN':
          '时效指标“{level3}”的指标值是百分比“{found}”，但名称和描述都没有写明时限（“规定时间”“及时”不是时限）；不知道期限，及时率就无法考核；请把指标值写成完成时间或期限，如“2020年12月底前”“≤15个工作日”，或在描述中写明时限（如“收到申请后15个工作日内拨付”）',
        en: 'Timeliness indicator "{level3}" has the percentage "{found}" as its value, but neither the name nor the description states a deadline ("规定时间", "及时" are not deadlines); a punctuality rate cannot be assessed without one; write a date or period as the value, e.g. "2020年12月底前", "≤15个工作日", or state the deadline in the description',
      },
    },
    docs: {
      description:
        '时效指标的指标值是百分比（如“资金在规定时间下达率 ≥98%”），而三级名称和描述都没有写明具体时限（日期、天数、月底、季度等）。',
      descriptionEn: 'A 时效 value that is a bare percent with no deadline stated in the name or description.',
      why: '时效指标考核“及时程度”，目标值应是完成日期、期限或周期。写成“≥98%”的及时率只有在写明“规定时间”是哪天时才可考核；否则评价时无法判断是否及时，百分比也只是凑出来的数字。',
      get bad() {
        return table({ indicators: withRows({ 补贴发放完成时间: ['产出指标', '时效指标', '资金在规定时间下达率', '补贴及时、足额拨付到位', '≥98%', '计划标准'] }) });
      },
      get good() {
        return table({ indicators: withRows({ 补贴发放完成时间: ['产出指标', '时效指标', '补贴按时发放率', '每季度末月25日前发放当季补贴', '≥98%', '计划标准'] }) });
      },
      basis: '项目支出绩效目标申报表填报说明（时效指标反映“及时程度和效率情况”）；docs/taxonomy.md §3（“及时率只在描述写明期限时可接受”）。',
      limits:
        '“写明时限”按日期、天数、月底、季度、当日、次月等写法识别；“按规定时限”“在规定时间内”这类只提到时限却没说是多久的写法不算。名称和指标值都没有时间概念的时效行由 non-time-metric-under-timeliness 报告，本规则不重复报告。',
    },
  },
  create(context) {
    return {
      Indicator(indicator) {
        if (!isTimelinessIndicator(indicator) || !isPercent(indicator.value)) return;
        if (!hasTimeSense(indicator.level3) && !hasTimeSense(indicator.value.raw)) return;
        if (hasStatedDeadline(indicator.level3) || hasStatedDeadline(indicator.description)) return;
        context.report({ node: indicator, cell: 'value', messageId: 'percentWithoutDeadline', data: { level3: indicator.level3 ?? '', found: shownValue(indicator) } });
      },
    };
  },
});
