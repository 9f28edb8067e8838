import type { Origin } from '../src/ast/types.js';
import type { CellRole, Rule } from '../src/engine/types.js';
import { reportIndicator } from './shared/cells.js';
import { table, withRows } from './shared/example-table.js';
import { goalItems } from './shared/goals.js';
import { forEachIndicator, hedgingWordsIn, sloganWordsIn } from './shared/part-b-words.js';

/** The clause of a long text that holds the word ("…，努力增收节支，…" → "努力增收节支"). */
function clauseAround(text: string, word: string): string {
  if (text.length <= 30) return text;
  const clause = text.split(/[，,。；;！!？?\n]/).find((c) => c.includes(word)) ?? text;
  return clause.length > 30 ? `${clause.slice(0, 30)}…` : clause.trim();
}

export const hedgingLanguage: Rule = {
  meta: {
    id: 'hedging-language',
    category: 'consistency',
    defaultSeverity: 'info',
    part: 'B',
    fixable: false,
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
      bad: table({ indicators: withRows({ 领取待遇居民人均增收: ['效益指标', '经济效益指标', '领取待遇居民人均增收', '力求增加领取待遇居民收入', '≥600元', '历史标准'] }) }),
      good: table(),
      basis: '财预〔2015〕88号（指向明确、细化量化）；财预〔2011〕285号 第十四条。',
      limits:
        '只认列出的词；“基本”只在“基本实现/完成/达到/覆盖…”中算含糊用语，“基本养老保险”“基本医疗”等专有名词不算。词用在背景说明里（并非目标本身）时也会被提示，可酌情忽略。',
    },
  },
  check(context) {
    const { document } = context;
    const reportText = (
      text: string | null | undefined,
      where: { zh: string; en: string },
      place: { role: CellRole; origin: Origin | null },
      extra: { project?: (typeof document.projects)[number] | null; index?: number } = {},
    ) => {
      const words = hedgingWordsIn(text);
      if (words.length === 0 || !text) return;
      const quoted = clauseAround(text.trim(), words[0]!);
      const data = { where: where.zh, whereEn: where.en, found: quoted, words: words.join('、') };
      if (extra.project && extra.index !== undefined) {
        reportIndicator(context, extra.project, extra.index, { messageId: 'hedging', role: place.role, found: quoted, data });
      } else {
        context.report({ messageId: 'hedging', project: extra.project ?? null, role: place.role, origin: place.origin, found: quoted, data });
      }
    };
    const dept = document.department;
    for (const text of [...dept.overallGoal, ...dept.itemGoals]) {
      reportText(text, { zh: '部门整体绩效目标', en: 'The department goal' }, { role: 'department', origin: dept.origin });
    }
    for (const project of document.projects) {
      for (const item of goalItems(project.goals)) {
        reportText(item.text, { zh: '绩效目标', en: 'Goal' }, { role: 'goals', origin: item.origin ?? project.fields.goals.origin ?? project.origin }, { project });
      }
    }
    forEachIndicator(document, (project, ind, index) => {
      if (sloganWordsIn(ind.level3).length === 0) {
        reportText(ind.level3, { zh: '三级指标', en: 'Level-3 indicator' }, { role: 'indicator.level3', origin: null }, { project, index });
      }
      reportText(ind.description, { zh: `指标“${ind.level3 ?? ''}”的描述`, en: `The description of "${ind.level3 ?? ''}"` }, { role: 'indicator.description', origin: null }, { project, index });
      reportText(ind.value.raw, { zh: `指标“${ind.level3 ?? ''}”的指标值`, en: `The value of "${ind.level3 ?? ''}"` }, { role: 'indicator.value', origin: null }, { project, index });
    });
  },
};
