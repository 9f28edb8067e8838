/**
 * Building fixes (自动修复) with their safety (Ruff's split): a safe fix cannot change what the
 * submission means and `--fix` applies it; an unsafe one is a suggestion a person confirms
 * (`--unsafe-fixes`, or a labelled quick fix in the editor).
 */
import type { Fix, FixEdit } from '../../src/engine/types.js';

/** A fix that cannot change the meaning (。。→。, 收益人群→受益人群, residue removed). */
export function safeFix(description: string, replacement: string, edits?: FixEdit[]): Fix {
  return { description, replacement, safety: 'safe', ...(edits ? { edits } : {}) };
}

/** A suggestion a person must confirm (a new target value, a flipped operator). */
export function unsafeFix(description: string, replacement: string, edits?: FixEdit[]): Fix {
  return { description, replacement, safety: 'unsafe', ...(edits ? { edits } : {}) };
}

/** `safeFix` when `safe`, else `unsafeFix`. */
export function fixWithSafety(safe: boolean, description: string, replacement: string, edits?: FixEdit[]): Fix {
  return safe ? safeFix(description, replacement, edits) : unsafeFix(description, replacement, edits);
}
