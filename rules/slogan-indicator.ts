import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { sloganWordsIn } from './shared/slogan-words.js';
import { isBenefitIndicator } from './shared/taxonomy.js';
import { cellText } from './shared/text.js';
import { rewriteForIndicator, withRewrite } from './shared/suggestions.js';

/**
 * Abstract aims (空泛目标) that make a short 效益 三级 a slogan even without a slogan verb
 * ("社会稳定和谐", "良好形象").
 */
const ABSTRACT_AIMS = ['稳定', '和谐', '形象', '繁荣', '文明', '长治久安', '可持续发展', '健康发展'] as const;
/** Anything measurable (a rate, a count, a unit, a number): such a name is not an empty aim. */
const MEASURE = /率|数|量|指数|比例|比重|占比|覆盖|金额|成本|费用|满意|知晓|时间|期限|时限|面积|里程|公里|[人户次个件台套家场项所份亩元天日]|\d|%/;
/** Longest 三级 read as a bare aim: longer names usually describe something concrete. */
const MAX_AIM_LENGTH = 8;

/** The abstract aims of a short 效益 三级 with nothing measurable ("社会稳定和谐" → 稳定、和谐), else empty. */
function abstractAimsIn(level3: string | null | undefined): string[] {
  const s = cellText(level3);
  if (s === '' || s.length > MAX_AIM_LENGTH || MEASURE.test(s)) return [];
  return ABSTRACT_AIMS.filter((w) => s.includes(w));
}

export const sloganIndicator = defineRule({
  meta: {
    id: 'slogan-indicator',
    category: 'consistency',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    recommended: true,
    messages: {
      slogan: {
        'zh-CN':
          '三级指标“{level3}”是口号（“{words}”），没有可以计量的对象；指标要能用数值或分级来考核，口号既无法设定目标值也无法评价；请改写为可计量的指标，{example}',
        en: 'Level-3 indicator "{level3}" is a slogan ("{words}") with nothing to measure; an indicator must be assessable by a number or a grade; rewrite it as a measurable indicator, {exampleEn}',
      },
    },
    docs: {
      description: '三级指标是口号：含“努力、力求、树立、构建、促进、维护、营造、推动、认真”等词，却没有任何可计量的名词（率、数、量、人、次、金额、时间、指数…），如“努力构建和谐社会关系”“树立良好形象”；或效益指标的三级只是“社会稳定和谐”这样的空泛目标。',
      descriptionEn: 'A level-3 indicator that is a slogan (努力 力求 树立 构建 促进 维护 …) with no measurable noun.',
      why: '三级指标是具体的考核对象，必须能“用数值描述”或以分级分档定性。“努力构建和谐社会关系”“促进产业可持续发展”说不出考核什么、做到多少，只能给个“≥95%”的凑数值，评价时无法判断。',
      get bad() {
        return table({ indicators: withRows({ 城乡居民养老保险参保率: ['效益指标', '社会效益指标', '努力构建和谐社会关系', '服务对象满意', '≥95%', '历史标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '财预〔2011〕285号 第十四条（具体细化，可定量或分级分档定性）；项目支出绩效目标申报表填报说明（“可量化的用数值描述，不可量化的用行业专业术语定性描述”）；docs/taxonomy.md §3（社会效益、可持续影响指标的坏例）。',
      limits:
        '按口号动词加“没有可计量名词”判断；不带这些动词的空话只在效益指标下、名称不超过8个字且只有“稳定、和谐、形象、繁荣、文明、可持续发展、健康发展”等空泛目标时报告（如“社会稳定和谐”），更长的写法看不出；带动词但后面跟了可计量名词的（“促进就业人数”）不报告。改写示例按二级指标和项目名称选取（培训项目给参训人次、补贴项目给发放准确率），没有合适示例时只说明应写什么。',
    },
  },
  create(context) {
    return {
      Indicator(indicator, project) {
        let words = sloganWordsIn(indicator.level3);
        if (words.length === 0 && isBenefitIndicator(indicator)) words = abstractAimsIn(indicator.level3);
        if (words.length === 0) return;
        context.report({
          node: indicator,
          cell: 'level3',
          messageId: 'slogan',
          ...withRewrite(rewriteForIndicator(project, indicator), { level3: indicator.level3 ?? '', words: words.join('、') }),
        });
      },
    };
  },
});
