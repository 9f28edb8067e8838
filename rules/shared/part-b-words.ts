/**
 * Word lists and small text tests used by the Part B heuristic rules (docs/rule-catalogue.md Part B): time sense
 * (时间概念), stated deadlines, slogans (口号), hedging words (模糊用语), standard bases (绩效标准),
 * satisfaction populations (满意度调查对象), goal placeholders. Pure functions; no rule logic.
 */
import type { Indicator, JxDocument, Project } from '../../src/ast/types.js';
import { placeholderKind } from './goals.js';
import { hasDigit, normalizeWidth, squeeze, stripTrailingPunctuation } from './text.js';
import { isBlankValue, normalizedRaw } from './values.js';

/** Calls `fn` for every indicator row of every table. */
export function forEachIndicator(
  document: JxDocument,
  fn: (project: Project, indicator: Indicator, index: number) => void,
): void {
  for (const project of document.projects) project.indicators.forEach((ind, index) => fn(project, ind, index));
}

/** Characters that `normalizeWidth` or `squeeze` would change (full-width digits and signs, ASCII operators, spaces). */
const NEEDS_NORMALISING = /[\s\u3000０-９％．＞＜＝≧≦>=<]/;

/** Whitespace-free, width-normalised text of a cell ("" when blank). */
export function cellText(text: string | null | undefined): string {
  if (!text) return '';
  return NEEDS_NORMALISING.test(text) ? normalizeWidth(squeeze(text)) : text;
}

/**
 * Time sense (时间概念) of a 时效指标 name or value (docs/rule-catalogue.md: 时间 及时 期限 时限 日 月 年 前 周期 按期 进度).
 * 年 does not count in 年金 / 老年 / 青年 / 少年 / 成年 / 年龄; 日 not in 日常 / 节日 / 日用.
 */
const TIME_SENSE =
  /时间|及时|期限|时限|周期|按期|如期|逾期|限期|进度|时效|截止|截至|期间|以内|之内|工作日|小时|天|季度|当[日月年]|(?<![老青少成中幼])年(?![金龄])|(?<!节)日(?![常用])|月|前(?![期提])|周(?![边围转])/;

/** Whether a text speaks of time at all. */
export function hasTimeSense(text: string | null | undefined): boolean {
  return TIME_SENSE.test(cellText(text));
}

/**
 * A deadline or period actually stated (规定时间 is not one): a date, a count of days / months, a
 * month-end or year-end, a named period (当日, 次月, 每季度), or "N个工作日内".
 */
const STATED_DEADLINE =
  /\d+\s*(?:个)?(?:年|月|日|号|天|工作日|小时|周|季度)|[一二三四五六七八九十两]+\s*(?:个)?(?:月|日|天|工作日|小时|周|季度)|月底|月末|年底|年末|季末|季度末|上半年|下半年|当日|当月|当年|次月|次日|每月|每季度?|每年|按月|按季|按年|\d{4}[.\-/]\d{1,2}/;

/** Whether a text states a deadline or period. */
export function hasStatedDeadline(text: string | null | undefined): boolean {
  return STATED_DEADLINE.test(cellText(text));
}

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

/**
 * Hedging words (模糊用语) of docs/rule-catalogue.md `hedging-language`: 努力 力求 尽量 争取 加大 进一步 基本 大力.
 * 基本 only counts before a verb of completion (基本实现, 基本完成), never in 基本养老保险 / 基本医疗.
 */
const HEDGING = /努力|力求|尽量|争取|加大|进一步|大力|基本(?=实现|完成|达到|满足|覆盖|建成|消除|解决|稳定|形成|持平|到位|正常|合格|满意|掌握|健全)/g;

/** Quick pre-test: a character every hedging word starts with. */
const HEDGING_START = /[努力尽争加进大基]/;

/** The distinct hedging words in a text, in order of appearance. */
export function hedgingWordsIn(text: string | null | undefined): string[] {
  if (!text || !HEDGING_START.test(text)) return [];
  const found = (cellText(text).match(HEDGING) ?? []) as string[];
  return found.length === 0 ? [] : [...new Set(found)];
}

/** The standard bases (绩效标准, docs/taxonomy.md §7); 预算支出标准 is for cost indicators only. */
export const STANDARD_BASES = ['计划标准', '行业标准', '历史标准', '其他标准'] as const;
export const COST_BASIS = '预算支出标准';

/** A named document: 《…》 or a document number 〔2020〕12号 / [2020]12号 / （2020）12号. */
const NAMED_DOCUMENT = /《[^》]+》|[〔\[【（(]\s*\d{4}\s*[〕\]】）)]\s*(?:第)?\s*\d+\s*号|\d{4}\s*年\s*第\s*\d+\s*号/;

/** Whether a basis is a standard one (for cost rows 预算支出标准 too) or names a concrete document. */
export function isAcceptedBasis(basis: string | null | undefined, isCost: boolean): boolean {
  const s = cellText(basis);
  if (STANDARD_BASES.some((b) => s.includes(b))) return true;
  if (s.includes('财政部门认可')) return true;
  if (isCost && s.includes(COST_BASIS)) return true;
  return NAMED_DOCUMENT.test(s);
}

/**
 * Generic satisfaction subjects that name no population (服务对象, 受益对象 …): what remains of a
 * satisfaction 三级 once 满意度 / 满意率 is removed.
 */
const GENERIC_POPULATIONS = new Set(['', '服务对象', '受益对象', '受益人群', '收益人群', '受益群体', '服务群体', '对象', '群众', '服务', '项目', '总体', '综合', '社会']);

/** The population a satisfaction 三级 names ("参保居民满意度" → "参保居民"); null when it names none. */
export function satisfactionPopulation(level3: string | null | undefined): string | null {
  const s = stripTrailingPunctuation(cellText(level3))
    .replace(/(?:的)?(?:满意度|满意率|满意程度|满意情况|满意)(?:调查|测评)?(?:指标)?$/, '')
    .replace(/的$/, '');
  return GENERIC_POPULATIONS.has(s) ? null : s;
}

/** Goal placeholders of docs/rule-catalogue.md `placeholder-goal` (a Part A rule reports them; Part B rules skip them). */
/** A goal item that placeholder-goal reports (Part B goal rules leave it to that rule). */
export function isPlaceholderGoalContent(content: string): boolean {
  return placeholderKind(content) !== null;
}

/** A quantitative 指标值: not blank and states a number (≥98%, ≤800万元, 12000人, 2020年12月底前). */
export function isQuantitativeValue(ind: Indicator): boolean {
  return !isBlankValue(ind.value) && hasDigit(normalizedRaw(ind.value));
}

/** Whether the template has the column (indicator grid header). */
export function hasColumn(project: Project, column: 'description' | 'basis' | 'nature' | 'unit'): boolean {
  return project.indicatorHeader?.columns.includes(column) ?? false;
}

/** Chinese text length without whitespace and punctuation. */
export function contentOf(text: string | null | undefined): string {
  return cellText(text).replace(/[。．.，,；;：:！!？?、…“”"'‘’（）()《》\-—·]/g, '');
}

/**
 * Whether a grid row is an indicator at all: a note or separator row under the grid ("备注：…",
 * a merged "资金按月拨付" line) has neither a 三级 nor a 指标值.
 */
export function isIndicatorRow(ind: Indicator): boolean {
  return !(cellText(ind.level3) === '' && isBlankValue(ind.value));
}
