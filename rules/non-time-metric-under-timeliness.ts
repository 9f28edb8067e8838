import { defineRule } from '../src/engine/define-rule.js';
import { shownValue } from './shared/nature.js';
import { table, withRows } from './shared/example-table.js';
import { rewriteFor, withRewrite } from './shared/suggestions.js';
import { isTimelinessIndicator } from './shared/taxonomy.js';
import { isBlank } from './shared/text.js';
import { hasTimeSense } from './shared/time-words.js';

export const nonTimeMetricUnderTimeliness = defineRule({
  meta: {
    id: 'non-time-metric-under-timeliness',
    category: 'category',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    recommended: true,
    messages: {
      noTime: {
        'zh-CN':
          '时效指标“{level3}”（指标值“{value}”）的名称和指标值都没有时间概念；时效指标考核“及时程度和效率”，必须写出完成时限、期限或周期，否则无从考核；请改写，{example}，不涉及时间的内容移到数量或质量指标',
        en: 'Timeliness indicator "{level3}" (value "{value}") has no sense of time in its name or value; a 时效指标 measures promptness, so it needs a deadline, period or duration: {exampleEn}; move content without time to 数量/质量指标',
      },
    },
    docs: {
      description:
        '时效指标（含“进度指标”）的三级名称和指标值都没有时间概念（时间、及时、期限、时限、日、月、年、前、周期、按期、进度等），如“完成单位工作任务”“基金安全、有序运行”。',
      descriptionEn: 'A 时效指标 with no time sense (时间 及时 期限 时限 日 月 年 前 周期 按期 进度) in its name or value.',
      why: '时效指标反映产出的“及时程度和效率情况”，应当用完成时间、期限或周期来考核。没有时间概念的内容（完成任务、安全运行）要么属于数量、质量指标，要么只是口号，放在时效下就等于没有设定时效目标。',
      get bad() {
        return table({ indicators: withRows({ 补贴发放完成时间: ['产出指标', '时效指标', '完成单位工作任务', '保质保量完成单位交付工作', '≥98%', '计划标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '项目支出绩效目标申报表填报说明（时效指标“…及时程度和效率情况”）；财预〔2020〕10号 附件1（完成及时性）；docs/taxonomy.md §3。',
      limits:
        '只看三级名称和指标值里有没有表示时间的词，不看描述；名称里提到时间但考核的并不是时效（如“时间节点完成率”）的不会被识别，“按期”等写在描述里的时间也不算。',
    },
  },
  create(context) {
    return {
      Indicator(indicator, project) {
        if (!isTimelinessIndicator(indicator) || isBlank(indicator.level3)) return;
        if (hasTimeSense(indicator.level3) || hasTimeSense(indicator.value.raw)) return;
        context.report({
          node: indicator,
          cell: 'level3',
          messageId: 'noTime',
          ...withRewrite(rewriteFor(project, 'timeliness'), { level3: indicator.level3 ?? '', value: shownValue(indicator) }),
        });
      },
    };
  },
});
