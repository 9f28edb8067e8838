import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { sloganWordsIn } from './shared/slogan-words.js';

export const sloganIndicator = defineRule({
  meta: {
    id: 'slogan-indicator',
    category: 'consistency',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    fixable: false,
    recommended: true,
    messages: {
      slogan: {
        'zh-CN':
          '三级指标“{level3}”是口号（“{words}”），没有可以计量的对象；指标要能用数值或分级来考核，口号既无法设定目标值也无法评价；请改写为可计量的指标，如“劳动争议调解成功率 ≥90%”“政策知晓率 ≥85%”',
        en: 'Level-3 indicator "{level3}" is a slogan ("{words}") with nothing to measure; an indicator must be assessable by a number or a grade; rewrite it as a measurable indicator such as "dispute mediation success rate ≥90%"',
      },
    },
    docs: {
      description: '三级指标是口号：含“努力、力求、树立、构建、促进、维护、营造、推动、认真”等词，却没有任何可计量的名词（率、数、量、人、次、金额、时间、指数…）。如“努力构建和谐社会关系”“树立良好形象”。',
      descriptionEn: 'A level-3 indicator that is a slogan (努力 力求 树立 构建 促进 维护 …) with no measurable noun.',
      why: '三级指标是具体的考核对象，必须能“用数值描述”或以分级分档定性。“努力构建和谐社会关系”“促进产业可持续发展”说不出考核什么、做到多少，只能给个“≥95%”的凑数值，评价时无法判断。',
      bad: table({ indicators: withRows({ 城乡居民养老保险参保率: ['效益指标', '社会效益指标', '努力构建和谐社会关系', '服务对象满意', '≥95%', '历史标准'] }) }),
      good: table(),
      basis: '财预〔2011〕285号 第十四条（具体细化，可定量或分级分档定性）；项目支出绩效目标申报表填报说明（“可量化的用数值描述，不可量化的用行业专业术语定性描述”）；docs/taxonomy.md §3（社会效益、可持续影响指标的坏例）。',
      limits:
        '按口号动词加“没有可计量名词”判断；“社会稳定和谐”这类不带这些动词的空话看不出，带动词但后面跟了可计量名词的（“促进就业人数”）不报告。',
    },
  },
  create(context) {
    return {
      Indicator(indicator) {
        const words = sloganWordsIn(indicator.level3);
        if (words.length > 0) context.report({ node: indicator, cell: 'level3', messageId: 'slogan', data: { level3: indicator.level3 ?? '', words: words.join('、') } });
      },
    };
  },
});
