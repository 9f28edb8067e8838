/**
 * Word field-code residue (域代码残留): the instruction text of TC / TOC / PAGEREF fields that
 * text exports leave in titles, e.g. "1、…绩效目标表 TC 9、…绩效目标表 \f C \l 1".
 */
import type { FieldCodeResidue, Origin } from '../src/ast/types.js';

const FIELD_PATTERNS: RegExp[] = [
  // TC "entry" \f C \l 1 — the table-of-contents entry field; \l and quotes optional.
  /\s*\bTC\s+"?([^"\\]*?)"?\s*\\f\s*[A-Za-z](?:\s*\\l\s*\d+)?\s*/g,
  /\s*\bTOC\s+(?:\\[a-z]\s*(?:"[^"]*")?\s*)+/g,
  /\s*\bPAGEREF\s+_Toc\d+(?:\s*\\[a-z])*\s*/g,
  /\s*\\\*\s*MERGEFORMAT\s*/g,
];

export interface StrippedText {
  text: string;
  residues: FieldCodeResidue[];
}

/** What every field pattern needs: TC, TOC, PAGEREF or \\*; a text without any has no residue. */
const MAY_HOLD_FIELD_CODE = /TO?C|PAGEREF|\\\*/;
/** Whitespace `squeezeSpaces` would change: a run of two, or any but a single space or newline. */
const UNSQUEEZED_SPACE = /\s\s|[^\S \n]/;

/** Each run of whitespace becomes one newline (if it holds one) or one space; trimmed. */
function squeezeSpaces(text: string): string {
  return (UNSQUEEZED_SPACE.test(text) ? text.replace(/\s+/g, (s) => (s.includes('\n') ? '\n' : ' ')) : text).trim();
}

/** Removes field-code residue, returning the clean text and what was removed. */
export function stripFieldCodes(input: string, origin: Origin | null): StrippedText {
  const residues: FieldCodeResidue[] = [];
  if (!MAY_HOLD_FIELD_CODE.test(input)) {
    return { text: squeezeSpaces(input), residues };
  }
  let text = input;
  for (const pattern of FIELD_PATTERNS) {
    text = text.replace(pattern, (match: string, entry?: string) => {
      const residue: FieldCodeResidue = { code: match.trim(), origin };
      const ordinal = entry ? /^\s*(\d+)\s*[、.．]/.exec(entry) : null;
      if (ordinal) residue.tcOrdinal = Number(ordinal[1]);
      residues.push(residue);
      return ' ';
    });
  }
  return { text: squeezeSpaces(text), residues };
}
