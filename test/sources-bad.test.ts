/**
 * Bad input gets one clear SourceError each (one line, Chinese first, an English twin), whatever the
 * reader; nothing but a SourceError is ever thrown. Zip bombs are refused before mammoth sees them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../src/sources/blocks.js';
import { readSource } from '../src/sources/index.js';
import { checkDeclaredSizes, DEFAULT_ZIP_LIMITS, MiB, readZipDirectory } from '../src/sources/zip-guard.js';

const root = join(import.meta.dirname, '..');
const bad = (name: string): Uint8Array => new Uint8Array(readFileSync(join(root, 'fixtures/bad', name)));

async function refusal(bytes: Uint8Array, filePath: string, docxReader: 'stream' | 'mammoth' = 'stream', extra = {}): Promise<SourceError> {
  try {
    await readSource(bytes, { filePath, docxReader, ...extra });
  } catch (e) {
    if (e instanceof SourceError) return e;
    throw new Error(`not a SourceError: ${String(e)}`);
  }
  throw new Error('read without error');
}

const cases: [file: string, code: string, zh: RegExp][] = [
  ['empty.docx', 'empty-file', /文件为空/],
  ['truncated.docx', 'corrupt-docx', /文件已损坏/],
  ['garbage.docx', 'binary-file', /二进制/],
  ['no-document-xml.docx', 'no-document-xml', /word\/document\.xml/],
  ['zip-bomb-declared.docx', 'zip-bomb', /声明解压为 4\.0 GiB/],
  ['zip-bomb-ratio.docx', 'zip-bomb', /压缩比/],
  ['zip-bomb-lying.docx', 'zip-bomb', /实际解压超过/],
  ['doctype-entity.docx', 'xml-doctype', /DOCTYPE/],
  ['encrypted.docx', 'encrypted', /文件已加密，请先解除密码保护/],
  // A compound file with a Workbook stream is an .xls (excel-renamed.docx, a workbook, now reads: test/sources-xlsx.test.ts).
  ['not-word.doc', 'xls-not-supported', /Excel 97–2003 工作簿（\.xls）.*另存为 \.xlsx/],
  ['rtf-renamed.doc', 'rtf-not-supported', /RTF/],
];

describe('bad files', () => {
  it.each(cases)('%s → %s', async (file, code, zh) => {
    for (const reader of ['stream', 'mammoth'] as const) {
      const err = await refusal(bad(file), file, reader);
      expect(err.code).toBe(code);
      expect(err.message).toMatch(zh);
      expect(err.message).not.toMatch(/\n/);
      expect(err.messageEn).toMatch(/^[A-Z]/);
      expect(err.messageEn).not.toMatch(/\n|[\u4e00-\u9fff]/);
    }
  });

  it('bomb fixtures are small on disk', () => {
    for (const f of ['zip-bomb-declared.docx', 'zip-bomb-ratio.docx', 'zip-bomb-lying.docx']) expect(bad(f).length).toBeLessThan(100 * 1024);
  });

  it('the declared-size check reads only the central directory', () => {
    const entries = readZipDirectory(bad('zip-bomb-declared.docx'));
    expect(entries.find((e) => e.name === 'word/document.xml')?.size).toBe(0xfffffffe);
    expect(() => checkDeclaredSizes(entries, DEFAULT_ZIP_LIMITS, 'word/document.xml')).toThrow(SourceError);
  });

  it.each([
    ['maxEntrySize', { maxEntrySize: 1024 }, /上限 1\.0 KiB/],
    ['maxInflatedSize', { maxInflatedSize: 8 * 1024 }, /全部内容/],
    ['maxCompressionRatio', { maxCompressionRatio: 2, maxEntrySize: 64 * MiB }, null],
  ])('the %s option is a limit', async (_, limits, message) => {
    const seed = new Uint8Array(readFileSync(join(root, 'fixtures/seed/seed.docx')));
    if (message === null) {
      // The seed's document.xml (850 KB) is under the 1 MiB ratio floor: the ratio limit does not apply.
      await expect(readSource(seed, { filePath: 'seed.docx', ...limits })).resolves.toBeDefined();
      return;
    }
    const err = await refusal(seed, 'seed.docx', 'stream', limits);
    expect(err.code).toBe('zip-bomb');
    expect(err.message).toMatch(message);
  });

  it('maxFileSize refuses before anything is read', async () => {
    const err = await refusal(bad('zip-bomb-ratio.docx'), 'x.docx', 'stream', { maxFileSize: 1000 });
    expect(err.code).toBe('file-too-large');
    expect(err.message).toMatch(/--max-file-size/);
  });

  it('an entry inflating past its declared size is refused on either inflate path', async () => {
    const xml = strToU8(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${' '.repeat(3 * MiB)}</w:t></w:r></w:p></w:body></w:document>`);
    for (const declared of [4096, 100]) {
      // 4096 ≥ the ~3 KB compressed size: one-call path; 100 < compressed: stepwise path.
      const zip = zipSync({ 'word/document.xml': xml });
      const view = new DataView(zip.buffer, zip.byteOffset);
      for (let i = 0; i + 4 <= zip.length; i++) {
        if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, declared, true);
        if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, declared, true);
      }
      const err = await refusal(zip, 'x.docx');
      expect(err.code).toBe('zip-bomb');
      expect(err.message).toMatch(/实际解压超过声明的/);
    }
  });

  it('an encrypted ZIP entry is reported as encrypted', async () => {
    const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    const entries = readZipDirectory(zip);
    // Set the "encrypted" flag (bit 0) of word/document.xml in its central-directory record.
    const cd = zip.length - 22 - entries.reduce((n, e) => n + 46 + e.name.length, 0) + 46 + '[Content_Types].xml'.length;
    zip[cd + 8] |= 1;
    expect((await refusal(zip, 'x.docx')).code).toBe('encrypted');
  });

  it('a DOCTYPE after a long prolog is still refused by both readers', async () => {
    const xml = `<?xml version="1.0"?><!--${'x'.repeat(10000)}--><!DOCTYPE d [<!ENTITY e "e">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`;
    const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) });
    expect((await refusal(zip, 'x.docx', 'stream')).code).toBe('xml-doctype');
    expect((await refusal(zip, 'x.docx', 'mammoth')).code).toBe('xml-doctype');
  });

  it.each([
    ['a document.xml that is not XML', '<w:document><w:body><w:p></w:body>'],
    ['an undefined entity', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p></w:body></w:document>'],
    ['two roots', '<a/><b/>'],
  ])('corrupt XML (%s) is corrupt-docx for both readers', async (_, xml) => {
    const zip = zipSync({
      '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': strToU8(xml),
    });
    expect((await refusal(zip, 'x.docx', 'stream')).code).toBe('corrupt-docx');
    expect((await refusal(zip, 'x.docx', 'mammoth')).code).toBe('corrupt-docx');
  });
});
