/**
 * The .xlsx reader: cells as Excel displays them, sheets in workbook order, how rows become
 * paragraphs and tables, merged cells, origins, sniffing by content.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SheetOrigin } from '../src/ast/types.js';
import type { Block, BlockStream } from '../src/sources/blocks.js';
import { readSource } from '../src/sources/index.js';
import { XmlScanner, type XmlTag } from '../src/sources/docx/xml-scan.js';
import { formatFromExtension, sniff } from '../src/sources/sniff.js';
import { MAIN_NS, type SheetSpec, type WorkbookSpec, buildWorkbook, inlineCell, row } from './helpers/xlsx-build.js';

const root = join(import.meta.dirname, '..');
const file = (p: string): Uint8Array => new Uint8Array(readFileSync(join(root, p)));

const read = (spec: WorkbookSpec, name = 'x.xlsx'): Promise<BlockStream> => readSource(buildWorkbook(spec), { filePath: name });

/** Blocks without origins: `P:text`, or a table's rows with ^ (mergedAbove) and < (mergedLeft) marks. */
function shape(blocks: Block[]): (string | string[][])[] {
  return blocks.map((b) =>
    b.kind === 'paragraph' ? `P:${b.text}` : b.rows.map((r) => r.map((c) => `${c.mergedAbove ? '^' : ''}${c.mergedLeft ? '<' : ''}${c.text}`)),
  );
}

describe('cells as Excel displays them', () => {
  // [what, cell XML of A1, expected text, styles]
  const cases: [string, string, string, Partial<WorkbookSpec>?][] = [
    ['a number in General', '<c r="A1"><v>6.5</v></c>', '6.5'],
    ['General rounds binary noise', '<c r="A1"><v>0.30000000000000004</v></c>', '0.3'],
    ['800 with 0.00 (built-in 2)', '<c r="A1" s="1"><v>800</v></c>', '800.00', { cellXfs: [0, 2] }],
    ['800 with a custom 0.00', '<c r="A1" s="1"><v>800</v></c>', '800.00', { numFmts: { 164: '0.00' }, cellXfs: [0, 164] }],
    ['0.25 with 0% (built-in 9)', '<c r="A1" s="1"><v>0.25</v></c>', '25%', { cellXfs: [0, 9] }],
    ['0.955 with 0.00% (built-in 10)', '<c r="A1" s="1"><v>0.955</v></c>', '95.50%', { cellXfs: [0, 10] }],
    ['thousands (built-in 3)', '<c r="A1" s="1"><v>1234567</v></c>', '1,234,567', { cellXfs: [0, 3] }],
    ['thousands with decimals (built-in 4)', '<c r="A1" s="1"><v>1234.5</v></c>', '1,234.50', { cellXfs: [0, 4] }],
    ['a date (built-in 14, zh-CN)', '<c r="A1" s="1"><v>44196</v></c>', '2020/12/31', { cellXfs: [0, 14] }],
    ['a date in the 1904 system', '<c r="A1" s="1"><v>42734</v></c>', '2020/12/31', { cellXfs: [0, 14], date1904: true }],
    ['a 1904 workbook leaves plain numbers alone', '<c r="A1" s="1"><v>42734</v></c>', '42734.00', { cellXfs: [0, 2], date1904: true }],
    ['a Chinese long date (built-in 31)', '<c r="A1" s="1"><v>44196</v></c>', '2020年12月31日', { cellXfs: [0, 31] }],
    ['year and month (built-in 57)', '<c r="A1" s="1"><v>44196</v></c>', '2020年12月', { cellXfs: [0, 57] }],
    ['date and time (built-in 22)', '<c r="A1" s="1"><v>44196.5</v></c>', '2020/12/31 12:00', { cellXfs: [0, 22] }],
    ['a custom Chinese date', '<c r="A1" s="1"><v>44196</v></c>', '2020年12月31日', { numFmts: { 165: 'yyyy"年"m"月"d"日"' }, cellXfs: [0, 165] }],
    ['an ISO date cell (t="d")', '<c r="A1" s="1" t="d"><v>2020-12-31T00:00:00</v></c>', '2020/12/31', { cellXfs: [0, 14] }],
    ['a number in the text format (built-in 49)', '<c r="A1" s="1"><v>12</v></c>', '12', { cellXfs: [0, 49] }],
    ['a literal prefix', '<c r="A1" s="1"><v>0.98</v></c>', '≥98%', { numFmts: { 166: '"≥"0%' }, cellXfs: [0, 166] }],
    ['a negative section in parentheses', '<c r="A1" s="1"><v>-5</v></c>', '(5.00)', { numFmts: { 167: '0.00_);[Red]\\(0.00\\)' }, cellXfs: [0, 167] }],
    ['alignment padding is not text', '<c r="A1" s="1"><v>800</v></c>', '800.00', { cellXfs: [0, 43] }],
    ['a text section applied to a string', '<c r="A1" s="1" t="s"><v>0</v></c>', '说明：abc', { sharedStrings: ['abc'], numFmts: { 168: '0;-0;0;"说明："@' }, cellXfs: [0, 168] }],
    ['an invalid custom format falls back to General', '<c r="A1" s="1"><v>800</v></c>', '800', { numFmts: { 169: '[Red' }, cellXfs: [0, 169] }],
    ['an unknown format id is General', '<c r="A1" s="1"><v>800</v></c>', '800', { cellXfs: [0, 200] }],
    ['a style index past cellXfs is General', '<c r="A1" s="9"><v>0.5</v></c>', '0.5'],
    ['a shared string', '<c r="A1" t="s"><v>1</v></c>', '项目名称', { sharedStrings: ['项目编码', '项目名称'] }],
    ['rich text runs, phonetic guide left out', '<c r="A1" t="s"><v>0</v></c>', '城乡居民', { sharedStrings: ['<r><t>城乡</t></r><r><rPr><b/></rPr><t>居民</t></r><rPh sb="0" eb="2"><t>chéngxiāng</t></rPh>'] }],
    ['an escaped carriage return', '<c r="A1" t="s"><v>0</v></c>', '1、完成率\n2、完成率', { sharedStrings: ['<t>1、完成率_x000D_\n2、完成率</t>'] }],
    ['an inline string', '<c r="A1" t="inlineStr"><is><t>预算数</t></is></c>', '预算数'],
    ['inline rich text', '<c r="A1" t="inlineStr"><is><r><t>其中：</t></r><r><t>财政资金</t></r></is></c>', '其中：财政资金'],
    ['entities in text', '<c r="A1" t="inlineStr"><is><t>A &amp; B &lt;1&gt;</t></is></c>', 'A & B <1>'],
    ['TRUE', '<c r="A1" t="b"><v>1</v></c>', 'TRUE'],
    ['FALSE', '<c r="A1" t="b"><v>0</v></c>', 'FALSE'],
    ['an error value', '<c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c>', '#DIV/0!'],
    ['a formula’s cached number, formatted', '<c r="A1" s="1"><f>SUM(B2:B3)</f><v>800</v></c>', '800.00', { cellXfs: [0, 2] }],
    ['a formula’s cached string', '<c r="A1" t="str"><f>B2&amp;"万元"</f><v>800万元</v></c>', '800万元'],
  ];

  it.each(cases)('%s', async (_, cell, expected, styles) => {
    const stream = await read({ sheets: [{ name: 'Sheet1', rows: row(1, cell) }], ...styles });
    expect(shape(stream.blocks)).toEqual([`P:${expected}`]);
    expect(stream.info).toEqual({ format: 'xlsx', encoding: null, layout: 'table' });
  });
});

describe('rows become paragraphs and tables', () => {
  const cases: [string, SheetSpec, (string | string[][])[]][] = [
    [
      'a title merged across, a table, a blank row, another table',
      {
        name: 'S',
        rows:
          row(1, inlineCell('A1', '1、项目绩效目标表')) +
          row(2, inlineCell('A2', '项目编码') + inlineCell('B2', 'X-1') + inlineCell('C2', '项目名称')) +
          row(3, inlineCell('A3', '一级指标') + inlineCell('B3', '二级指标') + inlineCell('C3', '三级指标')) +
          row(5, inlineCell('A5', 'a') + inlineCell('B5', 'b')),
        merges: ['A1:C1'],
      },
      ['P:1、项目绩效目标表', [['项目编码', 'X-1', '项目名称'], ['一级指标', '二级指标', '三级指标']], [['a', 'b']]],
    ],
    [
      'lone rows before a table are paragraphs; a lone row inside it (blank value) stays a row',
      {
        name: 'S',
        rows:
          row(1, inlineCell('A1', '第二部分')) +
          row(2, inlineCell('B2', '单位：万元')) +
          row(3, inlineCell('A3', '项目编码') + inlineCell('B3', 'X-1')) +
          row(4, inlineCell('A4', '绩效目标')) +
          row(5, inlineCell('A5', '一级指标') + inlineCell('B5', '二级指标')),
      },
      ['P:第二部分', 'P:单位：万元', [['项目编码', 'X-1'], ['绩效目标', ''], ['一级指标', '二级指标']]],
    ],
    [
      'a row merged across the whole width splits a table',
      {
        name: 'S',
        rows:
          row(1, inlineCell('A1', '一级指标') + inlineCell('B1', '指标值')) +
          row(2, inlineCell('A2', '年度绩效指标')) +
          row(3, inlineCell('A3', '产出指标') + inlineCell('B3', '≥10个')),
        merges: ['A2:B2'],
      },
      [[['一级指标', '指标值']], 'P:年度绩效指标', [['产出指标', '≥10个']]],
    ],
    [
      'a vertical merge keeps its blank values row in the table',
      {
        name: 'S',
        rows: row(1, inlineCell('A1', '资金支出计划（%）') + inlineCell('B1', '3月底') + inlineCell('C1', '12月底')) + row(3, inlineCell('A3', '绩效目标') + inlineCell('B3', '1、…')),
        merges: ['A1:A2'],
      },
      [[['资金支出计划（%）', '3月底', '12月底'], ['^', '', ''], ['绩效目标', '1、…', '']]],
    ],
    [
      'a block merged across and down: < right, ^ below, both in the corner',
      {
        name: 'S',
        rows: row(1, inlineCell('A1', 'm') + inlineCell('C1', 'c1') + inlineCell('D1', 'd1')) + row(2, inlineCell('C2', 'c2') + inlineCell('D2', 'd2')),
        merges: ['A1:B2'],
      },
      [[['m', '<', 'c1', 'd1'], ['^', '^<', 'c2', 'd2']]],
    ],
    [
      'a blank merged value keeps the row reaching the table’s width',
      {
        name: 'S',
        rows: row(1, inlineCell('A1', '项目编码') + inlineCell('B1', 'X') + inlineCell('C1', '项目名称') + inlineCell('D1', 'n')) + row(2, inlineCell('A2', '绩效目标')),
        merges: ['B2:D2'],
      },
      [[['项目编码', 'X', '项目名称', 'n'], ['绩效目标', '', '<', '<']]],
    ],
    [
      'a table starting in column B spans only its own columns',
      {
        name: 'S',
        rows: row(2, inlineCell('B2', '一级指标') + inlineCell('C2', '二级指标')) + row(3, inlineCell('B3', '产出指标') + inlineCell('D3', '≥1')),
      },
      [[['一级指标', '二级指标', ''], ['产出指标', '', '≥1']]],
    ],
    [
      'cells showing only spaces do not keep a row from being blank',
      {
        name: 'S',
        rows: row(1, inlineCell('A1', 'a') + inlineCell('B1', 'b')) + row(2, inlineCell('A2', '  ')) + row(3, inlineCell('A3', 'c') + inlineCell('B3', 'd')),
      },
      [[['a', 'b']], [['c', 'd']]],
    ],
    [
      'rows and cells without r follow the ones before them',
      { name: 'S', rows: '<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row><row><c t="inlineStr"><is><t>c</t></is></c><c r="C2" t="inlineStr"><is><t>d</t></is></c></row>' },
      [[['a', 'b', ''], ['c', '', 'd']]],
    ],
  ];

  it.each(cases)('%s', async (_, sheet, expected) => {
    expect(shape((await read({ sheets: [sheet] })).blocks)).toEqual(expected);
  });

  it('a value under a merged range is not read, and a note says so', async () => {
    const stream = await read({ sheets: [{ name: 'S', rows: row(1, inlineCell('A1', '标题') + inlineCell('B1', '被遮住')), merges: ['A1:B1'] }] });
    expect(shape(stream.blocks)).toEqual(['P:标题']);
    expect(stream.notes).toEqual([expect.objectContaining({ code: 'xlsx-merged-hidden-values', severity: 'info', message: expect.stringMatching(/^1 个单元格的值被合并单元格遮住/) })]);
  });

  it('a sheet with a namespace prefix (x:) reads the same', async () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>项目编码</x:t></x:is></x:c><x:c r="B1"><x:v>800</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="B1:C1"/></x:mergeCells></x:worksheet>`;
    expect(shape((await read({ sheets: [{ name: 'S', xml }] })).blocks)).toEqual([[['项目编码', '800', '<']]]);
  });

  it('origins are sheet, sheet position, row and column', async () => {
    const stream = await read({
      sheets: [
        { name: '隐藏', rows: row(1, inlineCell('A1', 'x')), state: 'hidden' },
        { name: '项目1', rows: row(3, inlineCell('B3', '标题')) + row(4, inlineCell('B4', '项目编码') + inlineCell('C4', 'X')), merges: [] },
      ],
    });
    const [p, t] = stream.blocks;
    expect(p.origin).toEqual({ sheet: '项目1', sheetIndex: 2, row: 3, col: 2 } satisfies SheetOrigin);
    expect(t.kind === 'table' && t.rows[0].map((c) => c.origin)).toEqual([
      { sheet: '项目1', sheetIndex: 2, row: 4, col: 2 },
      { sheet: '项目1', sheetIndex: 2, row: 4, col: 3 },
    ]);
    expect(t.origin).toEqual({ sheet: '项目1', sheetIndex: 2, row: 4, col: 2 });
  });
});

describe('sheets', () => {
  it('come in the workbook’s order, not the order of their parts', async () => {
    const stream = await read({
      sheets: [
        { name: '第二个文件', file: 'sheet2.xml', rows: row(1, inlineCell('A1', '先')) },
        { name: '第一个文件', file: 'sheet1.xml', rows: row(1, inlineCell('A1', '后')) },
      ],
    });
    expect(shape(stream.blocks)).toEqual(['P:先', 'P:后']);
    expect(stream.blocks.map((b) => (b.origin as SheetOrigin).sheet)).toEqual(['第二个文件', '第一个文件']);
  });

  it('hidden and very hidden sheets are not read, and a note names them; empty sheets say nothing', async () => {
    const stream = await read({
      sheets: [
        { name: '代码表', rows: row(1, inlineCell('A1', '代码')), state: 'hidden' },
        { name: '表1', rows: row(1, inlineCell('A1', '读取')) },
        { name: '空表', rows: '' },
        { name: '清单', rows: row(1, inlineCell('A1', '代码')), state: 'veryHidden' },
      ],
    });
    expect(shape(stream.blocks)).toEqual(['P:读取']);
    expect(stream.notes).toEqual([
      {
        code: 'xlsx-hidden-sheet',
        severity: 'info',
        message: '已隐藏的工作表“代码表”、“清单”未读取；如其中有绩效目标表，请在 Excel 中取消隐藏后再检查',
        messageEn: 'Hidden sheets "代码表", "清单" not read; unhide them in Excel if they hold target tables',
      },
    ]);
  });

  it('a chart sheet has no cells: a note names it', async () => {
    const stream = await read({ sheets: [{ name: '表1', rows: row(1, inlineCell('A1', 'x')) }, { name: '图表1', kind: 'chartsheet', xml: '<chartsheet/>' }] });
    expect(shape(stream.blocks)).toEqual(['P:x']);
    expect(stream.notes.map((n) => n.code)).toEqual(['xlsx-chart-sheet']);
  });
});

describe('sniffed by content', () => {
  const stacked = file('fixtures/xlsx/seed-stacked.xlsx');

  it.each([
    ['表.XLSX', 'xlsx'],
    ['x.xlsm', 'xlsx'],
    ['x.xltx', 'xlsx'],
    ['x.xls', null],
    ['x.et', null],
  ])('extension of %s → %s', (name, format) => {
    expect(formatFromExtension(name)).toBe(format);
  });

  it('a workbook is a ZIP', () => {
    expect(sniff(stacked)).toBe('zip');
  });

  it.each([
    ['绩效目标.xlsx', []],
    ['绩效目标.xlsm', []],
    ['绩效目标', []],
    ['绩效目标.docx', ['format-mismatch']],
    ['绩效目标.txt', ['format-mismatch']],
  ])('named %s it reads as a workbook (notes: %j)', async (name, notes) => {
    const stream = await readSource(stacked, { filePath: name });
    expect(stream.info.format).toBe('xlsx');
    expect(stream.blocks).toHaveLength(53);
    expect(stream.notes.map((n) => n.code)).toEqual(notes);
  });

  it('the mismatch note names Excel', async () => {
    const stream = await readSource(stacked, { filePath: '绩效目标.docx' });
    expect(stream.notes[0].message).toBe('文件扩展名表明是Word 文档（.docx），但内容是Excel 工作簿（.xlsx）；已按Excel 工作簿（.xlsx）读取，建议改正扩展名');
  });

  it('a workbook named .docx (fixtures/bad/excel-renamed.docx, no sheets) reads as one, with a note', async () => {
    const stream = await readSource(file('fixtures/bad/excel-renamed.docx'), { filePath: 'excel-renamed.docx' });
    expect(stream.info.format).toBe('xlsx');
    expect(stream.blocks).toEqual([]);
    expect(stream.notes.map((n) => n.code)).toEqual(['format-mismatch']);
  });

  it('a .docx named .xlsx still reads as Word, with a note', async () => {
    const stream = await readSource(file('fixtures/seed/seed.docx'), { filePath: '绩效目标.xlsx' });
    expect(stream.info.format).toBe('docx');
    expect(stream.notes.map((n) => n.code)).toEqual(['format-mismatch']);
  });
});

describe('one attribute without parsing the others (xml-scan, used for every cell)', () => {
  const attribute = (tagXml: string, name: string): [string | undefined, string | undefined] => {
    let got: [string | undefined, string | undefined] = [undefined, undefined];
    const scanner = new XmlScanner(
      {
        open: (tag: XmlTag) => {
          got = [tag.attribute!(name), tag.attributes[name]];
        },
        close: () => undefined,
        onText: () => undefined,
        wantsText: () => false,
      },
      () => {
        throw new Error('doctype');
      },
    );
    scanner.write(new TextEncoder().encode(tagXml));
    scanner.close();
    return got;
  };

  it.each<[string, string, string | undefined]>([
    ['<c r="B3" s="2" t="s"/>', 'r', 'B3'],
    ['<c r="B3" s="2" t="s"/>', 't', 's'],
    ['<c r="B3"/>', 't', undefined],
    ["<c  r = 'A1'  t='inlineStr' />", 't', 'inlineStr'],
    ['<c xr="X" r="A1"/>', 'r', 'A1'],
    ['<c x:r="X" r="A1"/>', 'r', 'A1'],
    ['<c x:r="X"/>', 'r', undefined],
    ['<sheet name="A &amp; B &#x4E00;"/>', 'name', 'A & B 一'],
    ['<c r="A1" s=2/>', 's', undefined],
  ])('%s: %s', (xml, name, expected) => {
    const [fast, full] = attribute(xml, name);
    expect(fast).toBe(expected);
    expect(fast).toBe(full);
  });
});
