/**
 * Slogans (口号): the verbs of intention that make a 三级 a slogan when no measurable noun follows.
 * Pure functions; no rule logic.
 */
import { cellText } from './text.js';

/**
 * Slogan verbs (口号动词) of docs/rule-catalogue.md `slogan-indicator` (努力 力求 树立 构建 促进 维护 …) and work-attitude
 * words (认真, 做好) that state an intention rather than a measure.
 */
export const SLOGAN_WORDS = ['努力', '力求', '树立', '构建', '促进', '维护', '营造', '推动', '打造', '弘扬', '认真', '做好', '全力', '切实'] as const;

/** A measurable noun (可计量的名词) or a number: what saves a 三级 from being a slogan. */
const MEASURABLE =
  /率|数|量|人次|[人户次个件台套家场项所批份册辆座处条篇名吨亩元天日]|时间|时限|期限|面积|长度|里程|公里|指数|比例|比重|占比|覆盖|金额|成本|费用|满意度|知晓度|天数|\d|%/;

/** The slogan words a 三级 uses, when it has no measurable noun; empty when it is not a slogan. */
export function sloganWordsIn(level3: string | null | undefined): string[] {
  const s = cellText(level3);
  if (s === '' || !SLOGAN_START.test(s) || MEASURABLE.test(s)) return [];
  return SLOGAN_WORDS.filter((w) => s.includes(w));
}

/** Quick pre-test: a character one of the slogan words starts with. */
const SLOGAN_START = /[努力树构促维营推打弘认做全切]/;
