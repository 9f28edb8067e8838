import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { isPlaceholderGoalContent } from './shared/goals.js';
import { cellText } from './shared/text.js';

/** Metric suffixes a goal can name (…率 …数 …量). */
const METRIC = /(?:率|人数|人次|户数|次数|个数|件数|数量|(?<![质力大尽考保含能数重])量)/g;
/** …率 words that are not a measure of this project (效率 is vague; 税率 利率 are givens). */
const NOT_A_METRIC = /^(?:效|频|概|比|税|利|汇|功|费)率$/;

/** The metric names a goal mentions, each as its last two characters before the suffix ("参保率", "受益人数"). */
export function goalMetrics(content: string): string[] {
  const text = cellText(content);
  const out: string[] = [];
  for (const m of text.matchAll(METRIC)) {
    const start = m.index!;
    const before = text.slice(Math.max(0, start - 2), start);
    if (!/^[\u4e00-\u9fa5]{2}$/.test(before)) continue;
    if (NOT_A_METRIC.test(before.slice(1) + m[0])) continue;
    out.push(before + m[0]);
  }
  return [...new Set(out)];
}

export const goalNotBackedByIndicator = defineRule({
  meta: {
    id: 'goal-not-backed-by-indicator',
    category: 'goal',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    recommended: false, // docs/rule-quality.md: 0 of 2 findings useful on the labelled corpus
    messages: {
      notBacked: {
        'zh-CN':
          '绩效目标“{found}”提出了“{metric}”，但指标表中没有哪一项三级指标考核它；目标提出的量要有对应的绩效指标，否则年底无法评价是否达成；请在指标表中增加相应三级指标（如“{metric} ≥…”），或修改目标',
        en: 'Goal "{found}" names "{metric}", but no level-3 indicator measures it; every quantity a goal names needs an indicator or it cannot be assessed at year end; add a level-3 indicator for it or change the goal',
      },
    },
    docs: {
      description: '绩效目标中提出的量（…率、…人数、…次数、…量，如“参保率达到95%”），在指标表的三级指标中找不到对应的一项。',
      descriptionEn: 'A quantity the goal names (…率 …数 …量) that no level-3 indicator measures.',
      why: '绩效指标是绩效目标的细化，目标中提出的每个量都应有指标来考核（目标与指标“相应匹配”）。目标说“参保率达到95%”而指标表里没有参保率，这个目标在评价时就落空了。',
      get bad() {
        return table({ goals: ['1、为12000名参保居民按季度发放补贴，年底前城乡居民医保续保率达到90%'] });
      },
      get good() {
        return table({ goals: ['1、为12000名参保居民按季度发放补贴，年底前城乡居民养老保险参保率达到95%'] });
      },
      basis: '财预〔2015〕88号（绩效指标与绩效目标相应匹配）；绩效评价报告编制实务（目标与指标对应，docs/sources.md 16）。',
      limits:
        '按目标中“…率/…人数/…次数/…量”前两个字加后缀（如“续保率”“受益人数”）在三级名称中查找；同一个量换了说法（目标写“参保覆盖率”，指标写“参保比例”）会被误报，效率、比率等泛称不检查。占位写法的目标由 placeholder-goal 报告，这里跳过。',
    },
  },
  create(context) {
    return {
      Goal(item, project) {
        if (isPlaceholderGoalContent(item.content)) return;
        for (const metric of goalMetrics(item.content)) {
          if (project.indicators.some((ind) => cellText(ind.level3).includes(metric))) continue;
          context.report({ node: item, messageId: 'notBacked', found: metric, data: { found: item.text, metric } });
        }
      },
    };
  },
});
