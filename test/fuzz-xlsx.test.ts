/**
 * Fuzzing the .xlsx reader: the seed's stacked workbook damaged at the byte level (flipped bytes,
 * truncation), at the package level (missing parts) and in its sheet, shared-string and style XML
 * (malformed markup, absurd references, merges and style indexes). Every outcome is one result: a
 * document linted, or one clear line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, it } from 'vitest';
import { expectBounded, fuzzOptions, parseAndLint } from './fuzz-support.js';

const base = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/xlsx/seed-stacked.xlsx')));
const parts = unzipSync(base);
const names = Object.keys(parts);
const XML_PARTS = ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];

const xmlEdit = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom('<', '>', '</c>', '<row>', '</row>', '<c r="XFD1048576" t="s"><v>99999</v></c>', '<c r="A0"><v>1</v></c>', '<c r="ZZZZ1"><v>x</v></c>', '<mergeCell ref="A1:XFD1048576"/>', '<mergeCell ref="B2:A1"/>', ' s="99999"', ' t="d"', '<v>1e308</v>', '<v>NaN</v>', '&bogus;', '<!DOCTYPE x>', '<![CDATA[', '<is><t>x</t></is>', '<numFmt numFmtId="164" formatCode="[Red"/>', '<xf numFmtId="-1"/>'),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 300 }) }),
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the union of the edit records above
function editXml(xml: string, e: any): string {
  const at = e.at % (xml.length + 1);
  if (e.kind === 'cut') return xml.slice(0, at);
  if (e.kind === 'insert') return xml.slice(0, at) + e.text + xml.slice(at);
  return xml.slice(0, at) + xml.slice(at + e.length);
}

describe('fuzz: damaged workbooks give one result', () => {
  it('flipped bytes and truncation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }), fc.option(fc.nat()), async (flips, cut) => {
        const bytes = base.slice(0, cut === null ? base.length : cut % (base.length + 1));
        for (const f of flips) if (bytes.length > 0) bytes[f.at % bytes.length] = f.value;
        expectBounded(await parseAndLint(bytes, '预算.xlsx'), 400);
      }),
      fuzzOptions(60),
    );
  });

  it('missing parts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(names), async (missing) => {
        const files = Object.fromEntries(Object.entries(parts).filter(([n]) => !missing.includes(n)));
        expectBounded(await parseAndLint(zipSync(files), '预算.xlsx'), 400);
      }),
      fuzzOptions(30),
    );
  });

  it('edited XML in the sheet, strings, styles and workbook', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...XML_PARTS), fc.array(xmlEdit, { minLength: 1, maxLength: 4 }), async (part, edits) => {
        let xml = strFromU8(parts[part]);
        for (const e of edits) xml = editXml(xml, e);
        expectBounded(await parseAndLint(zipSync({ ...parts, [part]: strToU8(xml) }), '预算.xlsx'), 400);
      }),
      fuzzOptions(80),
    );
  });
});
