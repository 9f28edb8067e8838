/**
 * Hedging words (模糊用语) that soften a target into an intention. Pure functions; no rule logic.
 */
import { cellText } from './text.js';

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
