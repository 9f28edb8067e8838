/**
 * Damaged input never escapes as anything but a SourceError: random byte changes and truncations
 * of the seed .docx and .doc, and random cuts of its document.xml (re-zipped), either read or give
 * one SourceError — with both .docx readers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../src/sources/blocks.js';
import { readSource } from '../src/sources/index.js';

const root = join(import.meta.dirname, '..');
const seedDocx = new Uint8Array(readFileSync(join(root, 'fixtures/seed/seed.docx')));
const seedDoc = new Uint8Array(readFileSync(join(root, 'fixtures/seed/seed.doc')));
const parts = unzipSync(seedDocx);
const documentXml = new TextDecoder().decode(parts['word/document.xml']);

/** 'read' or the SourceError code; anything else thrown fails the property. */
async function outcome(bytes: Uint8Array, filePath: string, docxReader: 'stream' | 'mammoth' = 'stream'): Promise<string> {
  try {
    await readSource(bytes, { filePath, docxReader });
    return 'read';
  } catch (e) {
    if (e instanceof SourceError) return e.code;
    throw e;
  }
}

const mutated = (base: Uint8Array) =>
  fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }).map((changes) => {
    const b = base.slice();
    for (const [at, v] of changes) b[at] = v;
    return b;
  });

describe('damaged files', () => {
  it('byte changes in a .docx: read or SourceError (streaming reader)', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(seedDocx), async (bytes) => {
        // A change in the first bytes can make it another format; the point is: no other kind of error.
        expect(await outcome(bytes, 'x.docx')).toMatch(/^[a-z-]+$/);
      }),
      { numRuns: 60, seed: 20240301 },
    );
  });

  it('truncated .docx and .doc: SourceError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: seedDocx.length - 1 }), fc.integer({ min: 8, max: seedDoc.length - 1 }), async (a, b) => {
        expect(await outcome(seedDocx.slice(0, a), 'x.docx')).toBe('corrupt-docx');
        expect(await outcome(seedDoc.slice(0, b), 'x.doc')).toMatch(/^(read|corrupt-doc|not-a-word-document)$/);
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('cut document.xml: read or corrupt-docx, for both readers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(documentXml.length), fc.nat(documentXml.length), fc.boolean(), async (a, b, mammoth) => {
        const xml = documentXml.slice(0, Math.min(a, b)) + documentXml.slice(Math.max(a, b));
        const zip = zipSync({ ...parts, 'word/document.xml': strToU8(xml) });
        expect(await outcome(zip, 'x.docx', mammoth ? 'mammoth' : 'stream')).toMatch(/^(read|corrupt-docx)$/);
      }),
      { numRuns: 10, seed: 99 },
    );
  });

  it('byte changes in a .doc: read or SourceError', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(seedDoc), async (bytes) => {
        expect(await outcome(bytes, 'x.doc')).toMatch(/^(read|corrupt-doc|encrypted|not-a-word-document|binary-file|empty-file)$/);
      }),
      { numRuns: 15, seed: 5 },
    );
  });
});
