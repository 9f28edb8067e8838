import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { hedgingWordsIn } from './shared/hedging-words.js';
import { sloganWordsIn } from './shared/slogan-words.js';

/** The clause of a long text that holds the word ("…，努力增收节支，…" → "努力增收节支"). */
function clauseAround(text: string, word: string): string {
  if (text.length <= 30) return text;
  const clause = text.split(/[，,。；;！!？?\n]/).find((c) => c.includes(word)) ?? text;
  return clause.length > 30 ? `${clause.slice(0, 30)}…` : clause.trim();
}

export const hedgingLanguage = defineRule({
  meta: {
    id: 'hedging-language',
    category: 'consistency',
    defaultSeverity: 'info',
    kind: 'heuristic',
    // The whole row or goal is already reported with a rewrite: "力求节约" in a slogan row, "努力提高产量" as an unquantified goal.
    yieldsTo: [
      { rule: 'slogan-indicator', scope: 'row' },
      { rule: 'cost-row-not-a-cost', scope: 'row' },
      'goal-not-quantified',
      'dept-goal-not-quantified',
    ],
    messages: {
      hedging: {
        'zh-CN':
          '{where}“{found}”用了含糊的词“{words}”；“努力、力求、尽量、争取、基本”等词表示做不到也可以，目标就无法考核；请去掉这些词，直接写要达到的结果和数值，如把“尽量减少财政补贴”改为“财政补贴较上年减少≥10%”',
        en: '{whereEn} "{found}" uses the hedging word(s) "{words}"; words like 努力, 力求, 尽量, 争取, 基本 mean "falling short is fine", so nothing can be assessed; drop them and state the result and its number directly',
      },
    },
    docs: {
      description:
        '绩效目标、部门整体目标或指标（三级名称、描述、指标值）中使用含糊用语：努力、力求、尽量、争取、加大、进一步、基本（实现/完成…）、大力。已被 slogan-indicator 报告为口号的三级名称不重复报告。',
      descriptionEn: 'Hedging words (努力 力求 尽量 争取 加大 进一步 基本 大力) in goals or indicators.',
      why: '绩效目标和指标要“指向明确、细化量化”。“力求节约”“尽量减少”“基本完成”是态度，不是目标：做到什么程度都可以说“努力了”，评价时没有判断标准。',
      get bad() {
        return table({ indicators: withRows({ 领取待遇居民人均增收: ['效益指标', '经济效益指标', '领取待遇居民人均增收', '力求增加领取待遇居民收入', '≥600元', '历史标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '财预〔2015〕88号（指向明确、细化量化）；财预〔2011〕285号 第十四条。',
      limits:
        '只认列出的词；“基本”只在“基本实现/完成/达到/覆盖…”中算含糊用语，“基本养老保险”“基本医疗”等专有名词不算。词用在背景说明里（并非目标本身）时也会被提示，可酌情忽略。同一行已被 slogan-indicator、cost-row-not-a-cost 报告，或同一项目标已被 goal-not-quantified（部门目标：dept-goal-not-quantified）报告时，本规则让位：改写整行或整项目标时含糊词一并去掉。',
    },
  },
  create(context) {
    /** The first clause that hedges, and the hedging words of the text; null when it does not hedge. */
    const hedging = (text: string | null | undefined) => {
      const words = hedgingWordsIn(text);
      if (words.length === 0 || !text) return null;
      return { found: clauseAround(text.trim(), words[0]!), words: words.join('、') };
    };
    const data = (h: { found: string; words: string }, where: { zh: string; en: string }) => ({ where: where.zh, whereEn: where.en, ...h });
    return {
      Department(department) {
        for (const text of [...department.overallGoal, ...department.itemGoals]) {
          const h = hedging(text);
          if (h) context.report({ node: department, messageId: 'hedging', found: h.found, data: data(h, { zh: '部门整体绩效目标', en: 'The department goal' }) });
        }
      },
      Goal(item) {
        const h = hedging(item.text);
        if (h) context.report({ node: item, messageId: 'hedging', found: h.found, data: data(h, { zh: '绩效目标', en: 'Goal' }) });
      },
      Indicator(indicator) {
        const name = indicator.level3 ?? '';
        const cells = [
          // A slogan 三级 is slogan-indicator's.
          ['level3', sloganWordsIn(indicator.level3).length === 0 ? indicator.level3 : null, { zh: '三级指标', en: 'Level-3 indicator' }],
          ['description', indicator.description, { zh: `指标“${name}”的描述`, en: `The description of "${name}"` }],
          ['value', indicator.value.raw, { zh: `指标“${name}”的指标值`, en: `The value of "${name}"` }],
        ] as const;
        for (const [cell, text, where] of cells) {
          const h = hedging(text);
          if (h) context.report({ node: indicator, cell, messageId: 'hedging', found: h.found, data: data(h, where) });
        }
      },
    };
  },
});
