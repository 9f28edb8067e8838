/**
 * Time words (时间概念) of 时效指标: whether a name or value speaks of time at all, and whether it
 * states an actual deadline or period. Pure functions; no rule logic.
 */
import { cellText } from './text.js';

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
  /(?<!\d)\d+\s*(?:个)?(?:年|月|日|号|天|工作日|小时|周|季度)|(?<![一二三四五六七八九十两])[一二三四五六七八九十两]+\s*(?:个)?(?:月|日|天|工作日|小时|周|季度)|月底|月末|年底|年末|季末|季度末|上半年|下半年|当日|当月|当年|次月|次日|每月|每季度?|每年|按月|按季|按年|\d{4}[.\-/]\d{1,2}/;

/** Whether a text states a deadline or period. */
export function hasStatedDeadline(text: string | null | undefined): boolean {
  return STATED_DEADLINE.test(cellText(text));
}
