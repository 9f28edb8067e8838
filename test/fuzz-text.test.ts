/**
 * Fuzzing the text reader, grammar and rules: the seed's first projects, mutated line by line
 * (deleted, duplicated, swapped, truncated lines; random cells; full-width digits, control
 * characters, lone surrogates, RTL marks, a 1 MB cell), in every encoding and line ending.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, it } from 'vitest';
import { expectBounded, fuzzOptions, parseAndLint } from './fuzz-support.js';

const seed = readFileSync(join(import.meta.dirname, '../fixtures/seed/seed.txt'), 'utf8');
/** The department part and the first project table (about 140 lines): small enough for thousands of cases. */
const baseLines = ((): string[] => {
  const lines = seed.split('\n');
  let titles = 0;
  const end = lines.findIndex((l) => /^\d+、[^\t]*绩效目标表/.test(l) && ++titles === 2);
  if (end < 0) throw new Error('seed.txt: second project title not found');
  return lines.slice(0, end);
})();

const FULL_WIDTH_DIGITS = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const ODD_CHARS = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\ud800', '\udfff', '\u200f', '\u202e', '\u200b', '\ufeff', '\u2028', '\u2029', '\t', '\r'];

type Op =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'truncate'; at: number; keep: number }
  | { op: 'cell'; at: number; text: string }
  | { op: 'full-width'; at: number }
  | { op: 'odd'; at: number; char: number; pos: number }
  | { op: 'huge'; at: number };

const index = fc.nat({ max: 10_000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('delete' as const), at: index }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: index }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('swap' as const), at: index, with: index }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: index, keep: fc.nat({ max: 40 }) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('cell' as const), at: index, text: fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 })) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('full-width' as const), at: index }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('odd' as const), at: index, char: fc.nat({ max: ODD_CHARS.length - 1 }), pos: fc.nat({ max: 50 }) }) },
);

function apply(lines: string[], ops: Op[]): string[] {
  const out = lines.slice();
  for (const o of ops) {
    if (out.length === 0) break;
    const i = o.at % out.length;
    switch (o.op) {
      case 'delete':
        out.splice(i, 1);
        break;
      case 'duplicate':
        out.splice(i, 0, out[i]);
        break;
      case 'swap': {
        const j = o.with % out.length;
        [out[i], out[j]] = [out[j], out[i]];
        break;
      }
      case 'truncate':
        out[i] = out[i].slice(0, o.keep);
        break;
      case 'cell':
        out[i] = `\t${o.text}`;
        break;
      case 'full-width':
        out[i] = FULL_WIDTH_DIGITS(out[i]);
        break;
      case 'odd': {
        const p = o.pos % (out[i].length + 1);
        out[i] = out[i].slice(0, p) + ODD_CHARS[o.char] + out[i].slice(p);
        break;
      }
      case 'huge':
        out[i] = `\t${'绩效'.repeat(512 * 1024)}`; // a 1 MB cell (3 MB of UTF-8)
        break;
    }
  }
  return out;
}

const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'] as const;
const LINE_ENDINGS = ['\n', '\r\n', '\r'] as const;

function encode(text: string, encoding: (typeof ENCODINGS)[number]): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    case 'utf-16le':
      return new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
    case 'utf-16be':
      return new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')]);
    case 'gb18030':
      return new Uint8Array(iconv.encode(text, 'gb18030'));
  }
}

describe('fuzz: text exports', () => {
  it('mutated lines, every encoding and line ending: one bounded result, only SourceError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...ENCODINGS),
        fc.constantFrom(...LINE_ENDINGS),
        async (ops, encoding, eol) => {
          const lines = apply(baseLines, ops);
          const bytes = encode(lines.join(eol) + eol, encoding);
          expectBounded(await parseAndLint(bytes, 'fuzz.txt'), lines.length);
        },
      ),
      fuzzOptions(2500),
    );
  });

  // The value grammar reads at most MAX_VALUE_CHARS of a cell, so a 1 MB cell costs the text reader and the rules
  // (about 0.1–0.4 s), not a second of lexing; fuzz-cells.test.ts puts such cells in every 指标值 row.
  it('a 1 MB cell anywhere, with other mutations: one bounded result', async () => {
    await fc.assert(
      fc.asyncProperty(index, fc.array(op, { maxLength: 3 }), async (at, ops) => {
        const lines = apply(baseLines, [{ op: 'huge', at }, ...ops]);
        expectBounded(await parseAndLint(new TextEncoder().encode(lines.join('\n')), 'fuzz.txt'), lines.length);
      }),
      fuzzOptions(10),
    );
  });

  it('random bytes and random text: one bounded result, only SourceError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 2000 }), fc.string({ unit: 'grapheme', maxLength: 500 }).map((s) => new TextEncoder().encode(s))), async (bytes) => {
        expectBounded(await parseAndLint(bytes, 'fuzz.txt'), 1 + bytes.length);
      }),
      fuzzOptions(3000),
    );
  });
});
