/**
 * Reliability of the readers (issue 15, first table): inputs that crashed the process, hung or grew
 * memory without bound now give one clear result each. Work is bounded by counts the readers expose
 * (bytes scanned, nodes visited), never by the clock; timings live in bench/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as bad from '../fixtures/bad/make-bad.js';
import { SourceError } from '../src/sources/blocks.js';
import { readSource } from '../src/sources/index.js';
import { XmlScanner, parseAttributes } from '../src/sources/docx/xml-scan.js';

const root = join(import.meta.dirname, '..');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(root, 'fixtures/bad', name)));

/** The SourceError a file gives, or 'read' (anything else thrown fails the test). */
async function outcome(bytes: Uint8Array, filePath: string, options: { docxReader?: 'stream' | 'mammoth'; maxFileSize?: number } = {}): Promise<SourceError | 'read'> {
  try {
    await readSource(bytes, { filePath, ...options });
    return 'read';
  } catch (e) {
    if (e instanceof SourceError) return e;
    throw e;
  }
}

function expectOneLine(err: SourceError | 'read', code: string, zh: RegExp): void {
  expect(err).toBeInstanceOf(SourceError);
  const e = err as SourceError;
  expect(e.code).toBe(code);
  expect(e.message).toMatch(zh);
  expect(e.message).not.toMatch(/\n/);
  expect(e.messageEn).toMatch(/^[A-Z][^\n\u4e00-\u9fff]*$/);
}

describe('.doc compound-file structure is checked before word-extractor follows it', () => {
  it('the committed fat-loop.doc is what its builder makes', () => {
    expect(Buffer.compare(fixture('fat-loop.doc'), bad.docFatLoop())).toBe(0);
  });

  // Before: fat-loop.doc killed the process (V8 "invalid size", 2.6 GB); the others read by luck.
  const cases: [name: string, build: () => Uint8Array][] = [
    ['fat-loop.doc', () => fixture('fat-loop.doc')],
    ['directory-loop.doc', bad.docDirectoryLoop],
    ['fat-count-absurd.doc', bad.docFatCountAbsurd],
    ['shared-chain.doc', bad.docSharedChain],
  ];
  it.each(cases)('%s → corrupt-doc, one line', async (name, build) => {
    expectOneLine(await outcome(build(), name), 'corrupt-doc', /^文件已损坏：Word 97–2003 复合文档结构无效/);
  });

  it('the seed .doc still reads', async () => {
    expect(await outcome(bad.seedDoc(), 'seed.doc')).toBe('read');
  });
});

describe('the XML scanner is linear in the length of one token', () => {
  /** Bytes the scanner examines for a document whose one attribute is `n` letters, fed in 16 KiB chunks. */
  function scanned(n: number): { size: number; scanned: number } {
    const bytes = new TextEncoder().encode(`<r><p x="${bad.letters(n)}"/><t>${bad.letters(n, 7)}</t></r>`);
    const scanner = new XmlScanner({ open() {}, close() {}, onText() {}, wantsText: () => true }, () => {
      throw new Error('doctype');
    });
    for (let i = 0; i < bytes.length; i += 16384) scanner.write(bytes.subarray(i, i + 16384));
    scanner.close();
    return { size: bytes.length, scanned: scanner.bytesScanned };
  }

  it('an attribute and a text run spread over many chunks are scanned a bounded number of times', () => {
    const small = scanned(256 * 1024);
    const large = scanned(4 * 1024 * 1024);
    // Before: every chunk rescanned the whole unfinished token (≈ n²/2 / 16 KiB: 512× the size at 4 MiB each).
    expect(small.scanned).toBeLessThanOrEqual(4 * small.size);
    expect(large.scanned).toBeLessThanOrEqual(4 * large.size);
    expect(large.scanned / small.scanned).toBeLessThan(16 * 1.25);
  });

  it('attributes are parsed in one pass, also without any "="', () => {
    expect(parseAttributes(' w:val="1" w:rsidR=\'00A1\' stray /')).toEqual({ 'w:val': '1', 'w:rsidR': '00A1' });
    expect(parseAttributes(` ${'a'.repeat(2_000_000)} w:val="2"`)).toEqual({ 'w:val': '2' });
  });

  // Before: long-attribute.docx 8 MB 22 s (chunk rescans); letters-in-tag.docx 64 KiB 9.5 s (regex backtracking).
  it.each([
    ['long-attribute.docx (8 MiB)', () => bad.docxLongAttribute(8 * 1024 * 1024)],
    ['letters-in-tag.docx (1 MiB)', () => bad.docxLettersInTag(1024 * 1024)],
  ])('%s reads with the streaming reader', async (name, build) => {
    expect(await outcome(build(), name)).toBe('read');
  });
});
