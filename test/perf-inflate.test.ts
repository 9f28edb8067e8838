/**
 * Node's native inflate (src/node/inflate.ts) and fflate give the same reading and the same
 * refusals: every .docx fixture (good and hostile) read under each inflater must give identical
 * blocks or the identical SourceError, and the zip-bomb limits stay exactly as strict.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeRawInflate } from '../src/node/inflate.js';
import { SourceError } from '../src/sources/blocks.js';
import { readSource } from '../src/sources/index.js';
import { DEFAULT_ZIP_LIMITS, inflateEntryToBuffer, MiB, readZipDirectory, setRawInflate, type ZipEntry } from '../src/sources/zip-guard.js';

const root = join(import.meta.dirname, '..');
const docxFixtures = ['fixtures/seed', 'fixtures/docx', 'fixtures/bad'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.docx'))
    .map((f) => `${dir}/${f}`),
);

const inflaters = { fflate: null, zlib: nodeRawInflate } as const;
afterEach(() => setRawInflate(null));

/** What reading a file gives: its blocks, or its refusal. */
async function outcome(bytes: Uint8Array, filePath: string, inflater: keyof typeof inflaters, limits = {}): Promise<unknown> {
  setRawInflate(inflaters[inflater]);
  try {
    return { blocks: JSON.stringify(await readSource(bytes, { filePath, ...limits })) };
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    return { code: e.code, message: e.message, messageEn: e.messageEn };
  }
}

describe('native inflate reads like fflate', () => {
  it.each(docxFixtures)('%s', async (file) => {
    const bytes = new Uint8Array(readFileSync(join(root, file)));
    const viaZlib = await outcome(bytes, file, 'zlib');
    expect(viaZlib).toEqual(await outcome(bytes, file, 'fflate'));
  });

  it.each([
    ['maxEntrySize', { maxEntrySize: 1024 }],
    ['maxInflatedSize', { maxInflatedSize: 8 * 1024 }],
    ['maxEntrySize just under the part', { maxEntrySize: 200 * 1024 }],
  ])('the %s limit refuses the seed the same way', async (_, limits) => {
    const bytes = new Uint8Array(readFileSync(join(root, 'fixtures/seed/seed.docx')));
    const viaZlib = (await outcome(bytes, 'seed.docx', 'zlib', limits)) as { code?: string };
    expect(viaZlib.code).toBe('zip-bomb');
    expect(viaZlib).toEqual(await outcome(bytes, 'seed.docx', 'fflate', limits));
  });
});

/** A one-entry ZIP whose directory declares `declared` bytes for `content`. */
function lyingZip(content: Uint8Array, declared: number): { bytes: Uint8Array; entry: ZipEntry } {
  const bytes = zipSync({ 'word/document.xml': [content, { level: 9 }] });
  const entry = readZipDirectory(bytes)[0]!;
  return { bytes, entry: { ...entry, size: declared } };
}

describe('native inflate keeps the zip-bomb limits', () => {
  const big = new Uint8Array(3 * MiB).fill(0x41);
  it.each([
    ['declares less than it holds', 1000, DEFAULT_ZIP_LIMITS.maxEntrySize, /实际解压超过声明的/],
    ['passes the limit given', 3 * MiB, 1 * MiB, /实际解压超过 1\.0 MiB/],
  ])('an entry that %s is refused', (_, declared, maxBytes, message) => {
    const { bytes, entry } = lyingZip(big, declared);
    for (const inflater of [null, nodeRawInflate]) {
      setRawInflate(inflater);
      let error: unknown;
      try {
        inflateEntryToBuffer(bytes, entry, maxBytes);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SourceError);
      expect((error as SourceError).code).toBe('zip-bomb');
      expect((error as SourceError).message).toMatch(message);
    }
  });

  it('zlib stops at the cap: a 16 MiB bomb asked for 1 MiB yields null', () => {
    const bomb = deflateRawSync(new Uint8Array(16 * MiB), { level: 9 });
    expect(nodeRawInflate(bomb, 1 * MiB)).toBeNull();
    expect(nodeRawInflate(bomb, 16 * MiB)?.length).toBe(16 * MiB);
  });

  it('a damaged stream throws, a short one is corrupt-docx', async () => {
    expect(() => nodeRawInflate(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 1024)).toThrow();
    const bytes = new Uint8Array(readFileSync(join(root, 'fixtures/bad/truncated.docx')));
    expect(await outcome(bytes, 'truncated.docx', 'zlib')).toMatchObject({ code: 'corrupt-docx' });
  });
});
