/**
 * Format sniffing: the content decides, the extension only adds an info note when it disagrees.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SourceFormat } from '../src/ast/types.js';
import { SourceError } from '../src/sources/blocks.js';
import { readCompoundFile } from '../src/sources/cfb.js';
import { readSource } from '../src/sources/index.js';
import { formatFromExtension, sniff, type SniffedKind } from '../src/sources/sniff.js';

const root = join(import.meta.dirname, '..');
const file = (p: string): Uint8Array => new Uint8Array(readFileSync(join(root, p)));

describe('sniff', () => {
  it.each<[string, Uint8Array, SniffedKind]>([
    ['a .docx', file('fixtures/seed/seed.docx'), 'zip'],
    ['a .doc', file('fixtures/seed/seed.doc'), 'ole2'],
    ['an encrypted .docx', file('fixtures/bad/encrypted.docx'), 'ole2'],
    ['Word HTML', file('fixtures/html/seed-gb2312.html'), 'html'],
    ['<!DOCTYPE html>', strToU8('\n  <!DOCTYPE html><html><body></body></html>'), 'html'],
    ['a bare table with a BOM', strToU8('\uFEFF<table><tr><td>项目编码</td></tr></table>'), 'html'],
    ['UTF-16 HTML', Uint8Array.from([0xff, 0xfe, ...Array.from('<html>').flatMap((c) => [c.charCodeAt(0), 0])]), 'html'],
    ['a comment before <html>', strToU8('<!-- saved from url=(0014)about:internet --><html>'), 'html'],
    ['RTF', strToU8('{\\rtf1\\ansi}'), 'rtf'],
    ['PDF', strToU8('%PDF-1.7\n'), 'pdf'],
    ['MHTML', strToU8('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n'), 'mht'],
    ['Word 2003 XML', strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument>'), 'word-xml'],
    ['Flat OPC', strToU8('<?xml version="1.0" standalone="yes"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'), 'word-xml'],
    ['the seed text export', file('fixtures/seed/seed.txt'), 'text'],
    ['GB18030 text', file('fixtures/seed/seed-gb18030-crlf.txt'), 'text'],
    ['text mentioning <table> later', strToU8('项目编码\t<table>\n'), 'text'],
  ])('%s → %s', (_, bytes, kind) => {
    expect(sniff(bytes)).toBe(kind);
  });

  it.each<[string, SourceFormat | null]>([
    ['a/b/表.DOCX', 'docx'],
    ['x.docm', 'docx'],
    ['x.doc', 'doc'],
    ['x.htm', 'html'],
    ['x.txt', 'text'],
    ['x.wps', null],
    ['noextension', null],
  ])('extension of %s → %s', (path, format) => {
    expect(formatFromExtension(path)).toBe(format);
  });
});

describe('readSource trusts the content', () => {
  it.each<[string, string, string, SourceFormat]>([
    ['a .doc renamed .docx', 'fixtures/seed/seed.doc', '绩效目标.docx', 'doc'],
    ['a text export named .docx', 'fixtures/seed/seed.txt', '绩效目标.docx', 'text'],
    ['a .docx named .doc', 'fixtures/seed/seed.docx', '绩效目标.doc', 'docx'],
    ['a web page named .doc', 'fixtures/html/two-projects-utf8.html', '绩效目标.doc', 'html'],
    ['a .docx named .txt', 'fixtures/seed/seed.docx', '绩效目标.txt', 'docx'],
  ])('%s reads, with an info note', async (_, path, name, format) => {
    const stream = await readSource(file(path), { filePath: name });
    expect(stream.info.format).toBe(format);
    expect(stream.blocks.some((b) => b.kind === 'table')).toBe(true);
    expect(stream.notes).toHaveLength(1);
    expect(stream.notes[0]).toMatchObject({ code: 'format-mismatch', severity: 'info' });
    expect(stream.notes[0].message).toMatch(/^文件扩展名表明是.+但内容是.+已按.+读取/);
  });

  it.each([
    ['fixtures/seed/seed.docx', 'seed.docx'],
    ['fixtures/seed/seed.doc', 'seed.doc'],
    ['fixtures/seed/seed.txt', 'seed.txt'],
    ['fixtures/html/two-projects-utf8.html', 'x.html'],
    ['fixtures/seed/seed.txt', 'no-extension'],
  ])('%s named %s: no note', async (path, name) => {
    expect((await readSource(file(path), { filePath: name })).notes).toEqual([]);
  });

  it('a .doc whose FIB says it is encrypted is reported as encrypted', async () => {
    const doc = file('fixtures/seed/seed.doc');
    const word = readCompoundFile(doc).entries.find((e) => e.name === 'WordDocument')!;
    const at = (word.startSector + 1) * 512; // FibBase flags at 0x0A; fEncrypted is bit 8
    doc[at + 0x0b] |= 0x01;
    await expect(readSource(doc, { filePath: 'x.doc' })).rejects.toMatchObject({ code: 'encrypted', message: expect.stringMatching(/文件已加密，请先解除密码保护/) });
  });

  it.each([
    ['MIME-Version: 1.0\r\n\r\n<html>', 'mht-not-supported'],
    ['<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument/>', 'word-xml-not-supported'],
  ])('%s is refused clearly', async (content, code) => {
    await expect(readSource(strToU8(content), { filePath: 'x.doc' })).rejects.toMatchObject({ code });
  });

  it('whitespace only is an empty file', async () => {
    await expect(readSource(strToU8(' \r\n\t\n'), { filePath: 'x.txt' })).rejects.toBeInstanceOf(SourceError);
    await expect(readSource(strToU8(' \r\n\t\n'), { filePath: 'x.txt' })).rejects.toMatchObject({ code: 'empty-file' });
  });
});
