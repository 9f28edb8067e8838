/**
 * Fuzzing the .doc reader: the compound-file structure (header fields, FAT entries, directory links,
 * stream starts and sizes) and the WordDocument stream of the seed .doc, damaged. The structure check
 * alone runs on many cases; the whole read (word-extractor) on fewer, being slower.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../src/sources/blocks.js';
import { classifyCompound } from '../src/sources/cfb.js';
import { expectBounded, fuzzOptions, parseAndLint } from './fuzz-support.js';

const seed = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/seed/seed.doc')));
const view = new DataView(seed.buffer, seed.byteOffset, seed.byteLength);
const SECTOR = 512;
const fatSector = view.getUint32(76, true);
const dirSector = view.getUint32(48, true);
/** Interesting u32 values: chain ends, free, special, small and huge sector numbers. */
const VALUES = [0, 1, 2, 3, 34, 0x7fffffff, 0xfffffffa, 0xfffffffc, 0xfffffffd, 0xfffffffe, 0xffffffff, 545, 546, 547, 548, 549];

/** Where a damage lands: a header field, a FAT entry, a directory field, or anywhere. */
const target = fc.oneof(
  fc.constantFrom(30, 32, 44, 48, 56, 60, 64, 68, 72, 76, 80).map((at) => ({ at, u32: true })),
  fc.nat({ max: 127 * 4 }).map((i) => ({ at: (fatSector + 1) * SECTOR + (i & ~3), u32: true })),
  fc.tuple(fc.nat({ max: 7 }), fc.constantFrom(64, 68, 72, 76, 116, 120)).map(([entry, field]) => ({ at: (dirSector + 1) * SECTOR + entry * 128 + field, u32: true })),
  fc.nat({ max: seed.length - 1 }).map((at) => ({ at, u32: false })),
);
const damage = fc.array(fc.tuple(target, fc.constantFrom(...VALUES), fc.nat({ max: 255 })), { minLength: 1, maxLength: 4 }).map((changes) => {
  const b = seed.slice();
  const v = new DataView(b.buffer);
  for (const [{ at, u32 }, value, byte] of changes) {
    if (u32 && at + 4 <= b.length) v.setUint32(at, value >>> 0, true);
    else b[at] = byte;
  }
  return b;
});

describe('fuzz: .doc', () => {
  it('the compound-file check: a kind or corrupt-doc, nothing else', () => {
    fc.assert(
      fc.property(damage, (bytes) => {
        try {
          expect(['doc', 'encrypted-doc', 'encrypted-ooxml', 'other']).toContain(classifyCompound(bytes));
        } catch (e) {
          expect(e).toBeInstanceOf(SourceError);
          expect((e as SourceError).code).toBe('corrupt-doc');
        }
      }),
      fuzzOptions(3700),
    );
  });

  it('the whole read: one bounded result, only SourceError', async () => {
    await fc.assert(
      fc.asyncProperty(damage, async (bytes) => {
        expectBounded(await parseAndLint(bytes, 'fuzz.doc'), 2000);
      }),
      fuzzOptions(30),
    );
  });
});
