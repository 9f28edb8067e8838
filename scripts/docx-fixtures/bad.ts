/**
 * The bad-file fixtures (fixtures/bad): corrupt, encrypted, bomb-like and mislabelled files that
 * must give one clear error each, never a crash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, strToU8, zipSync as fflateZipSync, type Zippable } from 'fflate';
import { ROOT } from './seed.js';
import { W_NS } from './wordml.js';

/** A ZIP whose central directory declares what we like (for the zip-bomb fixtures). */
export function rawZip(entries: { name: string; data: Uint8Array; declaredSize: number; method: 0 | 8; flags?: number }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const enc = new TextEncoder();
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const dv = new DataView(local.buffer);
    dv.setUint32(0, 0x04034b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, e.flags ?? 0, true);
    dv.setUint16(8, e.method, true);
    dv.setUint32(18, e.data.length, true);
    dv.setUint32(22, e.declaredSize >>> 0, true);
    dv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, e.flags ?? 0, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.declaredSize >>> 0, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    parts.push(local, e.data);
    central.push(cd);
    offset += local.length + e.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, eocd];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of all) (out.set(c, o), (o += c.length));
  return out;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const docXml = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`;

/** A minimal OLE2 compound file holding the given streams (each padded to ≥ 4096 bytes, so no mini stream). */
export function compoundFile(streams: { name: string; data: Uint8Array }[]): Uint8Array {
  const SECTOR = 512;
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const d = new Uint8Array(size);
    d.set(s.data);
    return { name: s.name, data: d, size: s.data.length < 4096 ? 4096 : s.data.length };
  });
  const dataSectors = padded.reduce((n, s) => n + s.data.length / SECTOR, 0);
  const total = 2 + dataSectors; // FAT, directory, streams
  const out = new Uint8Array(SECTOR * (1 + total));
  const dv = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  dv.setUint16(24, 0x3e, true);
  dv.setUint16(26, 3, true);
  dv.setUint16(28, 0xfffe, true);
  dv.setUint16(30, 9, true);
  dv.setUint16(32, 6, true);
  dv.setUint32(44, 1, true); // FAT sectors
  dv.setUint32(48, 1, true); // first directory sector
  dv.setUint32(56, 4096, true);
  dv.setUint32(60, 0xfffffffe, true);
  dv.setUint32(68, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) dv.setUint32(76 + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = (i: number, v: number): void => dv.setUint32(SECTOR + i * 4, v, true);
  for (let i = 0; i < SECTOR / 4; i++) fat(i, 0xffffffff);
  fat(0, 0xfffffffd);
  fat(1, 0xfffffffe);
  let sector = 2;
  const starts: number[] = [];
  for (const s of padded) {
    starts.push(sector);
    const n = s.data.length / SECTOR;
    for (let k = 0; k < n; k++) fat(sector + k, k === n - 1 ? 0xfffffffe : sector + k + 1);
    out.set(s.data, SECTOR * (1 + sector));
    sector += n;
  }
  const dir = (i: number, name: string, type: number, start: number, size: number, child = 0xffffffff, right = 0xffffffff): void => {
    const o = SECTOR * 2 + i * 128;
    for (let k = 0; k < name.length; k++) dv.setUint16(o + k * 2, name.charCodeAt(k), true);
    dv.setUint16(o + 64, (name.length + 1) * 2, true);
    out[o + 66] = type;
    out[o + 67] = 1;
    dv.setUint32(o + 68, 0xffffffff, true);
    dv.setUint32(o + 72, right, true);
    dv.setUint32(o + 76, child, true);
    dv.setUint32(o + 116, start, true);
    dv.setUint32(o + 120, size, true);
  };
  dir(0, 'Root Entry', 5, 0xfffffffe, 0, 1);
  padded.forEach((s, i) => dir(i + 1, s.name, 2, starts[i], s.size, 0xffffffff, i + 2 < padded.length + 1 ? i + 2 : 0xffffffff));
  return out;
}

/** Deterministic pseudo-random bytes. */
function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

export function makeBadFixtures(): Record<string, Uint8Array> {
  const zipSync = (files: Zippable): Uint8Array => fflateZipSync(files, { mtime: new Date('2024-01-01T00:00:00Z') });
  const seed = new Uint8Array(readFileSync(join(ROOT, 'fixtures/seed/seed.docx')));
  const spaces = (n: number): Uint8Array => {
    const head = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t xml:space="preserve">`);
    const tail = strToU8('</w:t></w:r></w:p></w:body></w:document>');
    const out = new Uint8Array(head.length + n + tail.length).fill(0x20);
    out.set(head);
    out.set(tail, head.length + n);
    return out;
  };
  const MiB = 1024 * 1024;
  const small = strToU8(docXml('<w:p><w:r><w:t>绩效目标表</w:t></w:r></w:p>'));
  const ratioBomb = spaces(20 * MiB);
  const lying = spaces(80 * MiB);
  return {
    /** Zero bytes. */
    'empty.docx': new Uint8Array(0),
    /** The first half of seed.docx: the central directory is missing. */
    'truncated.docx': seed.slice(0, Math.floor(seed.length / 2)),
    /** Random bytes with NULs: no format at all. */
    'garbage.docx': noise(4096, 42),
    /** A valid ZIP with no word/document.xml. */
    'no-document-xml.docx': zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'docProps/app.xml': strToU8('<Properties/>') }),
    /** An Excel workbook renamed .docx. */
    'excel-renamed.docx': zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'xl/workbook.xml': strToU8('<workbook/>') }),
    /** 1 KB on disk, but the central directory declares word/document.xml as 4 GiB − 2 bytes. */
    'zip-bomb-declared.docx': rawZip([
      { name: '[Content_Types].xml', data: strToU8(CONTENT_TYPES), declaredSize: CONTENT_TYPES.length, method: 0 },
      { name: '_rels/.rels', data: strToU8(ROOT_RELS), declaredSize: ROOT_RELS.length, method: 0 },
      { name: 'word/document.xml', data: deflateSync(small), declaredSize: 0xfffffffe, method: 8 },
    ]),
    /** 20 MiB of spaces deflated to ~20 KB: a ratio of ~1000:1 (limit 200:1). */
    'zip-bomb-ratio.docx': rawZip([
      { name: '[Content_Types].xml', data: strToU8(CONTENT_TYPES), declaredSize: CONTENT_TYPES.length, method: 0 },
      { name: 'word/document.xml', data: deflateSync(ratioBomb, { level: 9 }), declaredSize: ratioBomb.length, method: 8 },
    ]),
    /** Declares 2 KiB but inflates to 80 MiB: caught while inflating. */
    'zip-bomb-lying.docx': rawZip([
      { name: '[Content_Types].xml', data: strToU8(CONTENT_TYPES), declaredSize: CONTENT_TYPES.length, method: 0 },
      { name: 'word/document.xml', data: deflateSync(lying, { level: 9 }), declaredSize: 2048, method: 8 },
    ]),
    /** A document.xml with an internal DTD and an entity (billion-laughs shape, one level). */
    'doctype-entity.docx': zipSync({
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(ROOT_RELS),
      'word/document.xml': strToU8(
        `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`,
      ),
    }),
    /** An encrypted .docx: an OLE2 compound file holding EncryptionInfo and EncryptedPackage. */
    'encrypted.docx': compoundFile([
      { name: 'EncryptionInfo', data: Uint8Array.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...strToU8('<?xml version="1.0"?><encryption/>')]) },
      { name: 'EncryptedPackage', data: noise(8192, 7) },
    ]),
    /** An OLE2 compound file that is not a Word document (no WordDocument stream). */
    'not-word.doc': compoundFile([{ name: 'Workbook', data: noise(4096, 9) }]),
    /** An RTF file named .doc. */
    'rtf-renamed.doc': strToU8('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}}\\f0 \\u32489?\\u25928? }'),
  };
}
