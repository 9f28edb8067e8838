/**
 * Node's native inflate in pieces through a reused buffer (src/node/inflate.ts
 * `nodeRawInflate.inChunks`): the same bytes, the same refusals and the same bound on work as
 * `inflateRawSync`, across many calls on one buffer, after a damaged stream, and with an entry
 * inflated inside another's hand-over; a reader's error waits for the entry's own verdict.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeRawInflate } from '../src/node/inflate.js';
import { SourceError } from '../src/sources/blocks.js';
import { readSource } from '../src/sources/index.js';
import { inflateEntry, inflateEntryToBuffer, MiB, readZipDirectory, setRawInflate } from '../src/sources/zip-guard.js';

const root = join(import.meta.dirname, '..');
/** `inChunks` as a one-shot inflater: the pieces copied and joined. */
const reusing: typeof nodeRawInflate = (data, max) => {
  const pieces: Buffer[] = [];
  const n = nodeRawInflate.inChunks!(data, max, (chunk) => {
    expect(chunk.length).toBeLessThanOrEqual(64 * 1024);
    pieces.push(Buffer.from(chunk));
  });
  if (n === null) return null;
  const out = Buffer.concat(pieces);
  expect(out.length).toBe(n);
  return out;
};
afterEach(() => setRawInflate(null));

/** What an inflater gives: a copy of its bytes, null, or that it threw. */
function result(inflate: typeof nodeRawInflate, data: Uint8Array, max: number): string {
  try {
    const out = inflate(data, max);
    return out === null ? 'null' : Buffer.from(out).toString('base64');
  } catch {
    return 'threw';
  }
}

describe('inflating in pieces through a reused buffer', () => {
  const text = new TextEncoder().encode('<w:p><w:r><w:t>绩效目标</w:t></w:r></w:p>'.repeat(5000));
  const zeros = deflateRawSync(new Uint8Array(4 * MiB), { level: 9 });
  const streams: [string, Uint8Array][] = [
    ['text', deflateRawSync(text)],
    ['4 MiB of zeros', zeros],
    ['empty', deflateRawSync(new Uint8Array(0))],
    ['damaged', new Uint8Array([0xff, 0xff, 0xff, 0xff])],
    ['cut short', deflateRawSync(text).subarray(0, 500)],
    ['no bytes', new Uint8Array(0)],
  ];
  const caps = [0, 1, 100, text.length - 1, text.length, 4 * MiB - 1, 4 * MiB, 20 * MiB];

  it('gives what inflateRawSync gives, for every stream and cap, call after call', () => {
    // Twice round, in an order that grows, shrinks and reuses the buffer and follows each failure.
    for (let round = 0; round < 2; round++) {
      for (const [name, data] of streams) {
        for (const cap of caps) expect([name, cap, result(reusing, data, cap)]).toEqual([name, cap, result(nodeRawInflate, data, cap)]);
      }
    }
  });

  it('stops at the cap: a 16 MiB bomb asked for 1 MiB yields null', () => {
    const bomb = deflateRawSync(new Uint8Array(16 * MiB), { level: 9 });
    expect(reusing(bomb, 1 * MiB)).toBeNull();
    expect(reusing(bomb, 15 * MiB)).toBeNull();
  });

  it('every .docx fixture reads the same as with a fresh buffer', async () => {
    const files = ['fixtures/seed', 'fixtures/docx', 'fixtures/bad'].flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((f) => f.endsWith('.docx'))
        .map((f) => `${dir}/${f}`),
    );
    const read = async (inflate: typeof nodeRawInflate, file: string): Promise<unknown> => {
      setRawInflate(inflate);
      try {
        return JSON.stringify(await readSource(new Uint8Array(readFileSync(join(root, file))), { filePath: file }));
      } catch (e) {
        if (!(e instanceof SourceError)) throw e;
        return [e.code, e.message];
      }
    };
    const fresh: typeof nodeRawInflate = (data, max) => nodeRawInflate(data, max);
    for (const file of files) expect([file, await read(nodeRawInflate, file)]).toEqual([file, await read(fresh, file)]);
  });

  it('an entry inflated while another is being handed over does not overwrite it', () => {
    setRawInflate(nodeRawInflate);
    const bytes = new Uint8Array(readFileSync(join(root, 'fixtures/seed/seed.docx')));
    const entries = readZipDirectory(bytes);
    const main = entries.find((e) => e.name === 'word/document.xml')!;
    const styles = entries.find((e) => e.name === 'word/styles.xml')!;
    const whole = inflateEntryToBuffer(bytes, main, main.size);
    let same = false;
    let seen = 0;
    inflateEntry(bytes, main, main.size, (chunk) => {
      const before = Buffer.from(chunk.subarray(0, 4096));
      inflateEntryToBuffer(bytes, styles, styles.size);
      inflateEntry(bytes, styles, styles.size, () => undefined);
      same = before.equals(Buffer.from(chunk.subarray(0, 4096))) && Buffer.from(chunk).equals(Buffer.from(whole.subarray(seen, seen + chunk.length)));
      seen += chunk.length;
    });
    expect(same).toBe(true);
    expect(seen).toBe(main.size);
  });

  it.each<[string, (size: number) => number, string]>([
    ['whole and as declared: the reader\'s own error', (size) => size, 'reader'],
    ['declared larger than it holds: corrupt-docx', (size) => size + 10, 'corrupt-docx'],
    ['declared smaller than it holds: zip-bomb', (size) => size - 70_000, 'zip-bomb'],
  ])('a reader that throws on the first piece, entry %s', (_, declared, expected) => {
    setRawInflate(nodeRawInflate);
    const bytes = new Uint8Array(readFileSync(join(root, 'fixtures/seed/seed.docx')));
    const main = readZipDirectory(bytes).find((e) => e.name === 'word/document.xml')!;
    const entry = { ...main, size: declared(main.size) };
    let pieces = 0;
    let verdict = '';
    try {
      inflateEntry(bytes, entry, 64 * MiB, () => {
        pieces++;
        throw new Error('reader');
      });
    } catch (e) {
      verdict = e instanceof SourceError ? e.code : (e as Error).message;
    }
    expect(verdict).toBe(expected);
    expect(pieces).toBe(1);
  });
});
