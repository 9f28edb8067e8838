/** Part B of RULES.md: the heuristic rules (owned by the Part B helper). */
import type { Rule } from '../src/engine/types.js';

export const partBRules: Rule[] = [];
