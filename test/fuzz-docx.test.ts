/**
 * Fuzzing the .docx readers: a small Word document damaged at the byte level (flipped bytes,
 * truncation, lying sizes), at the package level (shuffled, missing, stored, duplicated and `../`
 * entries) and in its XML (malformed markup, absurd gridSpan / vMerge, tables nested 200 deep).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, it } from 'vitest';
import { expectBounded, fuzzOptions, parseAndLint } from './fuzz-support.js';

const base = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/docx/merged-cells.docx')));
const parts = unzipSync(base);
const documentXml = strFromU8(parts['word/document.xml']);
const names = Object.keys(parts);

/** Re-zips `files` in the given order; `stored` writes every entry uncompressed. */
function zip(files: [string, Uint8Array][], stored: boolean): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of files) z[name] = [data, { level: stored ? 0 : 6 }];
  return zipSync(z);
}

const xmlEdit = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('<', '>', '</w:tc>', '<w:tbl>', '</w:tr>', '&bogus;', '&#xD800;', '<w:p', '"', '<!DOCTYPE x>', '<![CDATA[', '<?pi?>', '<w:t>\u0000</w:t>') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
  fc.record({ kind: fc.constant('gridSpan' as const), value: fc.constantFrom('0', '-1', '2147483647', '99999999999', 'x', '1e9', '') }),
  fc.record({ kind: fc.constant('vMerge' as const), value: fc.constantFrom('restart', 'continue', '', 'bogus') }),
  fc.record({ kind: fc.constant('nest' as const), depth: fc.integer({ min: 1, max: 200 }) }),
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the union of the edit records above
function editXml(xml: string, e: any): string {
  switch (e.kind) {
    case 'cut':
      return xml.slice(0, e.at % (xml.length + 1));
    case 'insert': {
      const at = e.at % (xml.length + 1);
      return xml.slice(0, at) + e.text + xml.slice(at);
    }
    case 'delete': {
      const at = e.at % (xml.length + 1);
      return xml.slice(0, at) + xml.slice(at + e.length);
    }
    case 'gridSpan':
      return xml.replace(/<w:tcPr>/g, `<w:tcPr><w:gridSpan w:val="${e.value}"/>`);
    case 'vMerge':
      return xml.replace(/<w:tcPr>/g, `<w:tcPr><w:vMerge w:val="${e.value}"/>`);
    case 'nest': {
      const open = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>深</w:t></w:r></w:p>';
      const close = '<w:p/></w:tc></w:tr></w:tbl>';
      return xml.replace('<w:body>', `<w:body>${open.repeat(e.depth)}${close.repeat(e.depth)}`);
    }
  }
  return xml;
}

const packageEdit = fc.record({
  xml: fc.array(xmlEdit, { maxLength: 3 }),
  order: fc.shuffledSubarray(names, { minLength: Math.max(1, names.length - 2) }),
  stored: fc.boolean(),
  extra: fc.constantFrom(null, '../../evil.xml', 'word/../word/document.xml', '/abs.xml', 'word\\document.xml', '[Content_Types].xml'),
});

/** Byte-level damage of a finished ZIP. */
const byteEdit = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), changes: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('lying-size' as const), size: fc.constantFrom(0, 1, 100, 0x7fffffff, 0xffffffff), which: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-name' as const), which: fc.nat() }),
  fc.constant({ kind: 'none' as const }),
);

/** Central-directory records of a ZIP: [offset of the record, name]. */
function centralRecords(b: Uint8Array): [number, string][] {
  const out: [number, string][] = [];
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i + 46 <= b.length; i++) {
    if (v.getUint32(i, true) !== 0x02014b50) continue;
    const len = v.getUint16(i + 28, true);
    out.push([i, strFromU8(b.subarray(i + 46, i + 46 + len))]);
  }
  return out;
}

function damage(bytes: Uint8Array, e: any): Uint8Array {
  const b = bytes.slice();
  const v = new DataView(b.buffer);
  switch (e.kind) {
    case 'flip':
      for (const [at, value] of e.changes) b[at % b.length] = value;
      return b;
    case 'truncate':
      return b.slice(0, e.at % b.length);
    case 'lying-size': {
      const records = centralRecords(b);
      if (records.length === 0) return b;
      const [at] = records[e.which % records.length];
      v.setUint32(at + 24, e.size >>> 0, true);
      return b;
    }
    case 'duplicate-name': {
      // Gives one entry the name of another of the same length (both headers), when there is one.
      const records = centralRecords(b);
      const [at, name] = records[e.which % Math.max(1, records.length)] ?? [0, ''];
      const twin = records.find(([o, n]) => o !== at && n.length === name.length);
      if (!twin) return b;
      b.set(strToU8(twin[1]), at + 46);
      return b;
    }
  }
  return b;
}

describe('fuzz: .docx', () => {
  it('damaged packages through the streaming reader: one bounded result, only SourceError', async () => {
    await fc.assert(
      fc.asyncProperty(packageEdit, byteEdit, async (p, e) => {
        let xml = documentXml;
        for (const edit of p.xml) xml = editXml(xml, edit);
        const files: [string, Uint8Array][] = p.order.map((n) => [n, n === 'word/document.xml' ? strToU8(xml) : parts[n]]);
        if (p.extra) files.push([p.extra, strToU8('<x/>')]);
        const bytes = damage(zip(files, p.stored), e);
        expectBounded(await parseAndLint(bytes, 'fuzz.docx'), 1 + xml.length / 16);
      }),
      fuzzOptions(500),
    );
  });

  it('damaged packages through the mammoth reader: one bounded result, only SourceError', async () => {
    await fc.assert(
      fc.asyncProperty(packageEdit, byteEdit, async (p, e) => {
        let xml = documentXml;
        for (const edit of p.xml) xml = editXml(xml, edit);
        const files: [string, Uint8Array][] = p.order.map((n) => [n, n === 'word/document.xml' ? strToU8(xml) : parts[n]]);
        const bytes = damage(zip(files, p.stored), e);
        expectBounded(await parseAndLint(bytes, 'fuzz.docx', 'mammoth'), 1 + xml.length / 16);
      }),
      fuzzOptions(20),
    );
  });
});
