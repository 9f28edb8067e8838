/**
 * The differential test (差分测试): the streaming .docx reader (on its byte scanner and on saxes)
 * and the mammoth reference reader give identical Block streams — text, grid, merge flags and
 * origins — on every .docx fixture, the LibreOffice-made seed and the generated 200-project file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureProjects200Docx } from '../scripts/make-docx-fixtures.js';
import type { Block, BlockStream } from '../src/sources/blocks.js';
import { readDocxMammoth } from '../src/sources/docx/mammoth.js';
import { readDocxStream } from '../src/sources/docx/stream.js';
import { saxesSink } from './helpers/saxes-sink.js';
import { DEFAULT_ZIP_LIMITS } from '../src/sources/zip-guard.js';

const root = join(import.meta.dirname, '..');
const fixtures = [
  ...readdirSync(join(root, 'fixtures/docx'))
    .filter((f) => f.endsWith('.docx'))
    .map((f) => `fixtures/docx/${f}`),
  'fixtures/seed/seed.docx',
];

function read(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path.startsWith('/') ? path : join(root, path)));
}

/** The first block where two streams differ, for a readable failure. */
function firstDifference(a: BlockStream, b: BlockStream): { index: number; a: Block | undefined; b: Block | undefined } | null {
  for (let i = 0; i < Math.max(a.blocks.length, b.blocks.length); i++) {
    if (JSON.stringify(a.blocks[i]) !== JSON.stringify(b.blocks[i])) return { index: i, a: a.blocks[i], b: b.blocks[i] };
  }
  return null;
}

describe('streaming reader = mammoth reader', () => {
  it('covers every committed .docx fixture', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(11);
  });

  it.each(fixtures)('%s: identical Block streams', async (file) => {
    const bytes = read(file);
    const stream = readDocxStream(bytes, DEFAULT_ZIP_LIMITS);
    const mammoth = await readDocxMammoth(bytes, DEFAULT_ZIP_LIMITS);
    expect(stream.blocks.length).toBeGreaterThan(0);
    expect(firstDifference(stream, mammoth)).toBeNull();
    expect(stream).toEqual(mammoth);
  });

  it.each(fixtures)('%s: byte scanner = saxes', (file) => {
    const bytes = read(file);
    expect(readDocxStream(bytes, DEFAULT_ZIP_LIMITS)).toEqual(readDocxStream(bytes, DEFAULT_ZIP_LIMITS, saxesSink));
  });

  describe('the generated 200-project document', () => {
    let bytes: Uint8Array;
    beforeAll(async () => {
      bytes = read(await ensureProjects200Docx());
    });

    it('gives identical streams and 200 project tables', async () => {
      const stream = readDocxStream(bytes, DEFAULT_ZIP_LIMITS);
      const mammoth = await readDocxMammoth(bytes, DEFAULT_ZIP_LIMITS);
      expect(firstDifference(stream, mammoth)).toBeNull();
      expect(stream.blocks.filter((b) => b.kind === 'table')).toHaveLength(200);
      expect(readDocxStream(bytes, DEFAULT_ZIP_LIMITS, saxesSink)).toEqual(stream);
    });
  });
});

describe('the main part is found through _rels/.rels', () => {
  it('word/document2.xml reads the same with both readers', async () => {
    const original = read('fixtures/docx/merged-cells.docx');
    const files = unzipSync(original);
    files['word/document2.xml'] = files['word/document.xml'];
    delete files['word/document.xml'];
    for (const name of ['_rels/.rels', '[Content_Types].xml'])
      files[name] = strToU8(strFromU8(files[name]).replace(/word\/document\.xml/g, 'word/document2.xml'));
    const moved = zipSync(files);
    const expected = readDocxStream(original, DEFAULT_ZIP_LIMITS);
    expect(readDocxStream(moved, DEFAULT_ZIP_LIMITS)).toEqual(expected);
    expect(await readDocxMammoth(moved, DEFAULT_ZIP_LIMITS)).toEqual(expected);
  });
});

describe('two writers, one text', () => {
  it('seed-shape.docx (docx package) reads exactly like seed.docx (LibreOffice)', () => {
    const fromLibreOffice = readDocxStream(read('fixtures/seed/seed.docx'), DEFAULT_ZIP_LIMITS);
    const fromDocxPackage = readDocxStream(read('fixtures/docx/seed-shape.docx'), DEFAULT_ZIP_LIMITS);
    expect(fromDocxPackage.blocks).toEqual(fromLibreOffice.blocks);
  });
});
