/**
 * The rule registry: every rule jxlint knows, Part A (exact) then Part B (heuristics).
 * Look rules up through src/engine/registry.ts (`getRule`, `ruleSummaries`, `explainRule`).
 */
import type { Rule } from '../src/engine/types.js';
import { partARules } from './part-a.js';
import { partBRules } from './part-b.js';

export { partARules } from './part-a.js';
export { partBRules } from './part-b.js';

export const allRules: Rule[] = [...partARules, ...partBRules];
