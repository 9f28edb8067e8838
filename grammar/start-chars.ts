/**
 * The characters a token can start with (首字符提示, chevrotain's `start_chars_hint`), given by hand so
 * that building a lexer does not parse every pattern with regexp-to-ast to find them — a few
 * milliseconds at each start. A hint may list more characters than the pattern can start with (the
 * lexer then merely tries the pattern there), never fewer: a missing character silently stops the
 * token from being lexed. Under the test runner `checkStartCharHints` compares every hint with
 * chevrotain's own analysis of the pattern and throws on a missing one.
 */
import { Lexer, type TokenType } from 'chevrotain';

/**
 * Code points above 255 are filed by chevrotain in buckets of 255 consecutive ones: for a range,
 * one code point every 64 (and its end) reaches every bucket it touches, at a quarter of chevrotain's
 * bucket size to spare.
 */
const RANGE_STEP = 64;

/** A hint: each character of the strings, and every bucket of each [from, to] range of code units. */
export function startChars(...parts: (string | readonly [number, number])[]): number[] {
  const codes: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      for (let i = 0; i < part.length; i++) codes.push(part.charCodeAt(i));
      continue;
    }
    const [from, to] = part;
    let code = from;
    for (; code <= to && code < 256; code++) codes.push(code);
    for (; code < to; code += RANGE_STEP) codes.push(code);
    if (to >= 256) codes.push(to);
  }
  return codes;
}

/** Any character but the line feed (a token that runs to the end of its line). */
export const ANY_BUT_NEWLINE = startChars([0x00, 0x09], [0x0b, 0xffff]);

/** Where `lexer` would try each token type: bucket → token type indices, from chevrotain's lexer tables. */
function tokensByStartBucket(lexer: Lexer): Map<number, Set<number>> {
  const tables = (lexer as unknown as { charCodeToPatternIdxToConfig: Record<string, ({ tokenTypeIdx: number }[] | undefined)[]> })
    .charCodeToPatternIdxToConfig;
  const byBucket = new Map<number, Set<number>>();
  for (const table of Object.values(tables)) {
    table.forEach((configs, bucket) => {
      if (configs) byBucket.set(bucket, new Set(configs.map((c) => c.tokenTypeIdx)));
    });
  }
  return byBucket;
}

/**
 * Throws when a hinted token type with a regular-expression pattern lacks a start character that
 * chevrotain finds in the pattern: builds the same lexer without those hints and compares where
 * each lexer tries each token. Run only under the test runner (it costs a second analysis).
 */
export function checkStartCharHints(tokens: TokenType[], hinted: Lexer): void {
  const unhinted = tokens.map((token) => {
    const copy = { ...token } as TokenType & { START_CHARS_HINT?: unknown };
    if (copy.PATTERN instanceof RegExp) delete copy.START_CHARS_HINT;
    return copy as TokenType;
  });
  const reference = tokensByStartBucket(new Lexer(unhinted, { positionTracking: 'onlyOffset', skipValidations: true }));
  const actual = tokensByStartBucket(hinted);
  const missing = new Set<string>();
  for (const [bucket, tokenIdxs] of reference) {
    for (const idx of tokenIdxs) {
      if (!actual.get(bucket)?.has(idx)) missing.add(tokens.find((t) => t.tokenTypeIdx === idx)?.name ?? String(idx));
    }
  }
  if (missing.size > 0) throw new Error(`start_chars_hint misses start characters of: ${[...missing].join(', ')}`);
}
