/**
 * 绩效目标 items: one cell holds numbered items ("1、…", "2、…"); the AST gives one `Goal` per item,
 * and this splits further when an item still holds several numbered lines.
 */
import type { Goal } from '../../src/ast/types.js';
import type { GoalItem } from '../../src/engine/types.js';
import { hasDigit, squeeze, stripTrailingPunctuation } from './text.js';

/** Items that say nothing (docs/rule-catalogue.md placeholder-goal): 完成率 完成 无 略 详见附件 同上 / - xx. */
const PLACEHOLDERS = new Set(['完成率', '完成', '无', '略', '详见附件', '同上', '/', '／', '-', '－', 'xx', 'XX', 'ｘｘ', 'ＸＸ']);

/**
 * How a goal item's content (numbering removed) is empty of meaning, or null when it says something:
 * `empty` nothing left, `placeholder` one of the placeholder words, `metricName` a bare metric name
 * (ends in 率, trailing punctuation ignored, no digit).
 */
export function placeholderKind(content: string): 'empty' | 'placeholder' | 'metricName' | null {
  const s = stripTrailingPunctuation(squeeze(content));
  if (s === '') return 'empty';
  if (PLACEHOLDERS.has(s)) return 'placeholder';
  if (s.endsWith('率') && !hasDigit(s)) return 'metricName';
  return null;
}

/** Item numbering: 1、 1. 1． （1） (1) ① 一、 (GB/T 9704 styles). */
const NUMBERING = /^\s*(?:\d+\s*(?:[、,，)）]|[.．](?!\d))|[（(]\s*\d+\s*[)）]|[①-⑳]|[一二三四五六七八九十]+\s*[、.．])\s*/;

/** Removes the item numbering ("1、完成率" → "完成率"). */
export function stripNumbering(item: string): string {
  return item.replace(NUMBERING, '').trim();
}

/** A numbered item (the engine's `Goal` visitor passes these). */
export type { GoalItem };

/** The leading number of an item ("2、…" → 2), or null. */
function itemNumber(text: string): number | null {
  const m = /^\s*(\d+)\s*(?:[、,，)）]|[.．](?!\d))/.exec(text);
  return m ? Number(m[1]) : null;
}

/** A place inside a line where an inline item may start: after ；/;/。 (and spaces), before "N、". */
const INLINE_ITEM_START = /[；;。]\s*(?=\d+\s*[、.．](?!\d))/g;

/**
 * A line holding several numbered items written inline ("1、…；2、…", the cell of a form filled
 * without line breaks), cut where the next number follows its predecessor (1 → 2 → 3), so a ； inside
 * an item before some other number never cuts it.
 */
function splitInlineItems(line: string): string[] {
  let expected = itemNumber(line);
  if (expected === null) return [line];
  const parts: string[] = [];
  let start = 0;
  for (const m of line.matchAll(INLINE_ITEM_START)) {
    const at = m.index + m[0].length;
    if (itemNumber(line.slice(at)) !== expected + 1) continue;
    parts.push(line.slice(start, m.index));
    start = at;
    expected++;
  }
  parts.push(line.slice(start));
  return parts;
}

/** The numbered items of a project's goals, one per line that starts a new number (or per inline item). */
export function goalItems(goals: readonly Goal[]): GoalItem[] {
  const items: GoalItem[] = [];
  for (const goal of goals) {
    const lines = goal.text.split(/\r?\n/).flatMap(splitInlineItems);
    let current: string[] = [];
    const flush = () => {
      if (current.length === 0) return;
      // The separator that ended an inline item ("1、完成率；") is not part of it.
      const text = current.join('\n').trim().replace(/[；;]$/, '');
      items.push({ text, content: stripNumbering(text), origin: goal.origin });
      current = [];
    };
    for (const line of lines) {
      if (current.length > 0 && NUMBERING.test(line)) flush();
      current.push(line);
    }
    flush();
  }
  return items;
}

/** A goal item that placeholder-goal reports (the heuristic goal rules leave it to that rule). */
export function isPlaceholderGoalContent(content: string): boolean {
  return placeholderKind(content) !== null;
}
