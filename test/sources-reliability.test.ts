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
import { MAX_HTML_DEPTH, htmlTree } from '../src/sources/html.js';
import { ParagraphAndCellCounter } from '../src/sources/zip-guard.js';

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

describe('HTML is read in one linear pass, nesting bounded', () => {
  const MiB = 1024 * 1024;

  // Before: 100,000 nested <div>s (0.5–1.1 MB) never finished (parse5 took 224 s for the closed ones).
  it.each([
    ['nested-divs.html (100,000 closed)', () => bad.htmlNestedDivs(100_000, true)],
    ['nested-divs-open.html (100,000 never closed)', () => bad.htmlNestedDivs(100_000, false)],
  ])('%s → corrupt-html naming the limit', async (name, build) => {
    expectOneLine(await outcome(build(), name), 'corrupt-html', new RegExp(`^网页结构异常：元素嵌套超过 ${MAX_HTML_DEPTH} 层`));
  });

  it('nesting just under the limit still reads', async () => {
    const html = `<html><body>${'<div>'.repeat(MAX_HTML_DEPTH - 3)}项目名称${'</div>'.repeat(MAX_HTML_DEPTH - 3)}</body></html>`;
    expect(await outcome(new TextEncoder().encode(html), 'deep.html')).toBe('read');
  });

  it('the tree kept grows linearly with the page, and holds fewer nodes than the page has elements', () => {
    const decode = (b: Uint8Array): string => new TextDecoder().decode(b);
    const small = htmlTree(decode(bad.htmlLongTable(1 * MiB)));
    const large = htmlTree(decode(bad.htmlLongTable(4 * MiB)));
    expect(large.elements / small.elements).toBeGreaterThan(3.5);
    expect(large.elements / small.elements).toBeLessThan(4.5);
    expect(large.kept / small.kept).toBeLessThan(4.5);
  });

  // Before: 20 MiB took 2.5 GB and over 60 s (parse5's DOM); the bench reads 20 MiB, the test 8 MiB.
  it('long-table.html (8 MiB, its first table repeated) reads, every row kept', async () => {
    const stream = await readSource(bad.htmlLongTable(8 * MiB), { filePath: 'long-table.html' });
    const tables = stream.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(2); // the long one and the sample's second table
    expect(tables[0].kind === 'table' && tables[0].rows.length).toBeGreaterThan(20_000);
  });

  // Before: killed at 30 s (10⁹ cells spelled out).
  it('span-bomb.html → table-too-large, one line', async () => {
    expectOneLine(await outcome(bad.htmlSpanBomb(), 'span-bomb.html'), 'table-too-large', /^表格异常：一个表格的合并单元格（colspan\/rowspan）展开后超过 1,000,000 个单元格/);
  });
});

describe('the mammoth reader is refused what mammoth cannot read within bounds', () => {
  // Before: 1.6 GB RSS for one file (mammoth's own object trees: 730 MB of heap and 25 s for 30,000 rows).
  it('vmerge-chain.docx (30,000 rows) → too-large-for-mammoth through mammoth, read by the streaming reader', async () => {
    const bytes = bad.docxVerticalMergeChain(30_000);
    expectOneLine(
      await outcome(bytes, 'vmerge-chain.docx', { docxReader: 'mammoth' }),
      'too-large-for-mammoth',
      /^文档过大，mammoth 读取器无法在内存上限内读取：word\/document\.xml 有 120,000 个段落和单元格，上限 60,000；请改用默认读取器/,
    );
    const stream = await readSource(bytes, { filePath: 'vmerge-chain.docx' });
    const table = stream.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.length).toBe(30_000);
    expect(table?.kind === 'table' && table.rows[29_999][0].mergedAbove).toBe(true);
  });

  it('empty-paragraphs.docx (50,000) reads through both readers', async () => {
    const bytes = bad.docxEmptyParagraphs(50_000);
    for (const docxReader of ['stream', 'mammoth'] as const) expect(await outcome(bytes, 'empty-paragraphs.docx', { docxReader })).toBe('read');
  });

  it('the paragraph-and-cell count is the same however the XML is cut into chunks', () => {
    const xml = new TextEncoder().encode('<w:body><w:p/><x:p a="1"><w:r><w:t>p</w:t></w:r></x:p><w:tbl><w:tr><w:tc><w:tcPr/><w:p></w:p></w:tc></w:tr></w:tbl><p>x</p><w:pPr/></w:body>');
    for (const size of [1, 2, 3, 7, 64, xml.length]) {
      const counter = new ParagraphAndCellCounter();
      for (let i = 0; i < xml.length; i += size) counter.write(xml.subarray(i, i + size));
      expect(counter.count).toBe(5);
    }
  });

  it('absurd-gridspan.docx (gridSpan 2³¹−1) gives one result through both readers', async () => {
    for (const docxReader of ['stream', 'mammoth'] as const) {
      const r = await outcome(bad.docxAbsurdGridSpan(100), 'absurd-gridspan.docx', { docxReader });
      expect(r === 'read' || r instanceof SourceError).toBe(true);
    }
  });
});
