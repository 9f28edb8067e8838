/**
 * The browser's .docx and .xlsx path in Node (Node 20 has DecompressionStream too): `readSourceInBrowser`
 * (DecompressionStream through zip-guard's injectable inflater) gives the Block stream, or the
 * SourceError, that `readSource` gives — on every Word and Excel fixture, the hostile ones included,
 * and on workbooks of hundreds of sheets — and the bounded inflater stops at its cap. The same comparison runs on the bundle in Chromium in
 * test/browser-page.e2e.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateRawBounded, readSourceInBrowser } from '../src/browser/inflate.js';
import { readSource } from '../src/sources/index.js';
import { setRawInflate } from '../src/sources/zip-guard.js';
import { rawZip } from '../scripts/docx-fixtures/bad.js';
import { inlineCell, row, workbookParts } from './helpers/xlsx-build.js';

const docx = [
  'fixtures/seed/seed.docx',
  ...readdirSync('fixtures/docx').filter((f) => f.endsWith('.docx')).map((f) => join('fixtures/docx', f)),
  ...readdirSync('fixtures/bad').filter((f) => f.endsWith('.docx')).map((f) => join('fixtures/bad', f)),
];

async function outcome(read: () => Promise<unknown>): Promise<unknown> {
  try {
    return { stream: await read() };
  } catch (e) {
    const err = e as { code?: string; message: string; messageEn?: string };
    return { error: { code: err.code, message: err.message, messageEn: err.messageEn } };
  }
}

describe('readSourceInBrowser', () => {
  it('covers the Word fixtures, hostile ones included', () => {
    expect(docx.length).toBeGreaterThan(20);
    expect(docx).toContain('fixtures/bad/zip-bomb-lying.docx');
  });

  it.each(docx)('%s reads as readSource reads it', async (file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const node = await outcome(() => readSource(bytes, { filePath: file }));
    const browser = await outcome(() => readSourceInBrowser(bytes, { filePath: file }));
    expect(browser).toEqual(node);
  });

  it('refuses the zip bombs with zip-bomb, as Node does', async () => {
    for (const file of ['fixtures/bad/zip-bomb-lying.docx', 'fixtures/bad/zip-bomb-ratio.docx', 'fixtures/bad/zip-bomb-declared.docx']) {
      const got = (await outcome(() => readSourceInBrowser(new Uint8Array(readFileSync(file)), { filePath: file }))) as { error?: { code: string } };
      expect(got.error?.code, file).toBe('zip-bomb');
    }
  });

  it('leaves no inflater installed behind it', async () => {
    const before = setRawInflate(null);
    setRawInflate(before);
    await readSourceInBrowser(new Uint8Array(readFileSync('fixtures/seed/seed.docx')), { filePath: 'seed.docx' });
    expect(setRawInflate(before)).toBe(before);
  });
});

/** Every .xlsx under fixtures/, found at any depth. */
function xlsxFixtures(dir = 'fixtures'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? xlsxFixtures(join(dir, d.name)) : d.name.endsWith('.xlsx') ? [join(dir, d.name)] : [],
  );
}

/** A workbook of `sheets` small sheets, every part deflated; `override` changes one part's declared size. */
function manySheets(sheets: number, override: Record<string, number> = {}): Uint8Array {
  const parts = workbookParts({
    sheets: Array.from({ length: sheets }, (_, i) => ({
      name: `项目${i + 1}`,
      rows: row(1, inlineCell('A1', '项目名称') + inlineCell('B1', `项目${i + 1}`)) + row(2, inlineCell('A2', '年度资金总额') + inlineCell('B2', `${i + 1}0`)),
    })),
  });
  return rawZip(
    Object.entries(parts).map(([name, content]) => {
      const data = typeof content === 'string' ? strToU8(content) : content;
      return { name, data: deflateSync(data), declaredSize: override[name] ?? data.length, method: 8 as const };
    }),
  );
}

describe('readSourceInBrowser on workbooks', () => {
  const fixtures = xlsxFixtures();

  it('covers the Excel fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(20);
  });

  it.each(fixtures)('%s reads as readSource reads it', async (file) => {
    const bytes = new Uint8Array(readFileSync(file));
    expect(await outcome(() => readSourceInBrowser(bytes, { filePath: file }))).toEqual(await outcome(() => readSource(bytes, { filePath: file })));
  });

  it.each([
    ['3 sheets', manySheets(3), {}, /项目3"/],
    ['60 sheets', manySheets(60), {}, /项目60"/],
    ['400 sheets', manySheets(400), {}, /项目400"/],
    ['150 sheets, the 120th inflating past its declared size', manySheets(150, { 'xl/worksheets/sheet120.xml': 40 }), {}, /"code":"zip-bomb".*sheet120\.xml/],
    ['150 sheets, the 120th cut off (declared larger than it inflates)', manySheets(150, { 'xl/worksheets/sheet120.xml': 100_000 }), {}, /"code":"corrupt-xlsx".*sheet120\.xml/],
    ['150 sheets over a small total limit', manySheets(150), { maxInflatedSize: 20_000 }, /"code":"zip-bomb"/],
  ] as const)('%s: as readSource reads it', async (_name, bytes, limits, expected) => {
    const node = await outcome(() => readSource(bytes, { filePath: '预算.xlsx', ...limits }));
    const browser = await outcome(() => readSourceInBrowser(bytes, { filePath: '预算.xlsx', ...limits }));
    expect(browser).toEqual(node);
    expect(JSON.stringify(node)).toMatch(expected);
  });
});

describe('inflateRawBounded', () => {
  const text = new TextEncoder().encode('绩效目标表 '.repeat(50_000));
  const packed = new Uint8Array(deflateRawSync(text));

  it.each([
    ['exactly the size', text.length, text.length],
    ['more room than needed', text.length * 2, text.length],
  ])('inflates whole with %s', async (_name, cap, expected) => {
    const out = await inflateRawBounded(packed, cap);
    expect(out?.length).toBe(expected);
    expect(new TextDecoder().decode(out!)).toBe(new TextDecoder().decode(text));
  });

  it('returns null one byte past the cap, without decoding the rest', async () => {
    expect(await inflateRawBounded(packed, text.length - 1)).toBeNull();
    // 1 GiB of zeros packs to ~1 MiB; a 1 MiB cap stops it at once.
    const bomb = new Uint8Array(deflateRawSync(new Uint8Array(64 * 1024 * 1024)));
    expect(await inflateRawBounded(bomb, 1024 * 1024)).toBeNull();
  });

  it('rejects damaged data', async () => {
    await expect(inflateRawBounded(packed.subarray(0, packed.length >> 1), text.length)).rejects.toThrow();
    await expect(inflateRawBounded(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 100)).rejects.toThrow();
  });
});
