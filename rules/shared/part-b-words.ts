/**
 * Transitional: the old grab bag, split by domain (text, time-words, slogan-words, hedging-words,
 * value-basis, satisfaction, indicator-grid, goals). Removed once no rule imports it.
 */
import type { Indicator, JxDocument, Project } from '../../src/ast/types.js';

export { cellText, contentOf } from './text.js';
export { hasStatedDeadline, hasTimeSense } from './time-words.js';
export { SLOGAN_WORDS, sloganWordsIn } from './slogan-words.js';
export { hedgingWordsIn } from './hedging-words.js';
export { COST_BASIS, isAcceptedBasis, STANDARD_BASES } from './value-basis.js';
export { satisfactionPopulation } from './satisfaction.js';
export { hasColumn, isIndicatorRow, isQuantitativeValue } from './indicator-grid.js';
export { isPlaceholderGoalContent } from './goals.js';

/** Calls `fn` for every indicator row of every table. */
export function forEachIndicator(
  document: JxDocument,
  fn: (project: Project, indicator: Indicator, index: number) => void,
): void {
  for (const project of document.projects) project.indicators.forEach((ind, index) => fn(project, ind, index));
}
