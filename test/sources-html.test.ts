/**
 * .html exports: charset decoding (meta charset gb2312/gbk, UTF-8, BOM, undeclared GBK), tables with
 * rowspan/colspan made explicit exactly like the Word readers, text outside tables as paragraphs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Cell, TableBlock } from '../src/sources/blocks.js';
import { readDocxStream } from '../src/sources/docx/stream.js';
import { decodeHtml, readHtml, readHtmlString } from '../src/sources/html.js';
import { DEFAULT_ZIP_LIMITS } from '../src/sources/zip-guard.js';

const root = join(import.meta.dirname, '..');
const file = (p: string): Uint8Array => new Uint8Array(readFileSync(join(root, p)));
const tables = (blocks: { kind: string }[]): TableBlock[] => blocks.filter((b): b is TableBlock => b.kind === 'table');
const flags = (row: Cell[]): string[] => row.map((c) => `${c.text}${c.mergedAbove ? '^' : ''}${c.mergedLeft ? '<' : ''}`);

describe('charset', () => {
  const page = (meta: string, body: string): string => `<html><head>${meta}</head><body><p>${body}</p></body></html>`;
  it.each([
    ['meta http-equiv gb2312', new Uint8Array(iconv.encode(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', '绩效目标表'), 'gbk')), 'gb18030'],
    ['meta charset=GBK', new Uint8Array(iconv.encode(page('<meta charset="GBK">', '绩效目标表'), 'gbk')), 'gb18030'],
    ['meta charset utf-8', new Uint8Array(Buffer.from(page('<meta charset="utf-8">', '绩效目标表'))), 'utf-8'],
    ['no meta, UTF-8', new Uint8Array(Buffer.from(page('', '绩效目标表'))), 'utf-8'],
    ['no meta, GBK bytes', new Uint8Array(iconv.encode(page('', '绩效目标表'), 'gbk')), 'gb18030'],
    ['UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(page('', '绩效目标表'))]), 'utf-8-bom'],
    ['UTF-16LE BOM', new Uint8Array([0xff, 0xfe, ...iconv.encode(page('', '绩效目标表'), 'utf-16le')]), 'utf-16le'],
  ])('%s', (_, bytes, encoding) => {
    const decoded = decodeHtml(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(readHtml(bytes).blocks).toEqual([{ kind: 'paragraph', text: '绩效目标表', origin: { paragraph: 1 } }]);
  });
});

describe('tables', () => {
  it('the seed as Word "save as web page" (GB2312) gives exactly the tables of seed.docx', () => {
    const html = readHtml(file('fixtures/html/seed-gb2312.html'));
    const docx = readDocxStream(file('fixtures/seed/seed.docx'), DEFAULT_ZIP_LIMITS);
    expect(html.info).toEqual({ format: 'html', encoding: 'gb18030', layout: 'table' });
    expect(tables(html.blocks)).toHaveLength(18);
    expect(tables(html.blocks)).toEqual(tables(docx.blocks));
  });

  it('rowspan/colspan, <br>, whitespace, &nbsp; and a nested table', () => {
    const s = readHtmlString(`
      <p>1、项目绩效目标表</p>
      <table>
        <thead><tr><th colspan="2" rowspan="2">合并</th><th>C</th></tr></thead>
        <tbody>
          <tr><td>  c
              2 </td></tr>
          <tr><td>第一行<br>第二行</td><td>&nbsp;</td><td><table><tr><td>3月底</td><td>100%</td></tr></table></td></tr>
        </tbody>
      </table>
      <div>表后 <b>说明</b></div>`);
    expect(s.blocks[0]).toEqual({ kind: 'paragraph', text: '1、项目绩效目标表', origin: { paragraph: 1 } });
    const t = tables(s.blocks)[0];
    expect(t.rows.map(flags)).toEqual([
      ['合并', '<', 'C'],
      ['^', '^<', 'c 2'],
      ['第一行\n第二行', '', '3月底\t100%'],
    ]);
    expect(t.rows[1][2].origin).toEqual({ table: 1, row: 2, col: 3, paragraph: 1 });
    expect(s.blocks[2]).toEqual({ kind: 'paragraph', text: '表后 说明', origin: { paragraph: 2 } });
  });

  it("Word's zero-height column-width row is not a row", () => {
    const s = readHtmlString(
      "<table><tr><td>项目编码</td><td>316-1201-JBN-WMEB</td></tr><![if !supportMisalignedColumns]><tr height=0><td width=64 style='border:none'></td><td width=80 style='border:none'></td></tr><![endif]></table>",
    );
    expect(tables(s.blocks)[0].rows.map(flags)).toEqual([['项目编码', '316-1201-JBN-WMEB']]);
  });

  it('absurdly deep nesting is a SourceError, not a crash', () => {
    const deep = '<div>'.repeat(5000) + '深' + '</div>'.repeat(5000);
    expect(() => readHtmlString(deep)).toThrow(expect.objectContaining({ code: 'corrupt-html' }));
  });

  it('script, style and head are not content', () => {
    const s = readHtmlString('<html><head><title>标题</title><style>p{}</style></head><body><script>var a = 1;</script><p>正文</p></body></html>');
    expect(s.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['正文']);
  });
});
