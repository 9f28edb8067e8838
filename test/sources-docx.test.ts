/**
 * What the .docx readers make of WordprocessingML: merged cells, origins, multi-paragraph cells,
 * nested tables, field codes, tracked changes and the other things Word writes. Each fixture is
 * built by scripts/make-docx-fixtures.ts; the differential test holds mammoth to the same output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockStream, Cell, TableBlock } from '../src/sources/blocks.js';
import { readDocxStream } from '../src/sources/docx/stream.js';
import { DEFAULT_ZIP_LIMITS } from '../src/sources/zip-guard.js';
import { flattenNestedTable, htmlGrid, WordGrid } from '../src/sources/docx/model.js';
import { DocxNumbering, formatNumber } from '../src/sources/docx/numbering.js';

const root = join(import.meta.dirname, '..');
const read = (file: string): BlockStream => readDocxStream(new Uint8Array(readFileSync(join(root, file))), DEFAULT_ZIP_LIMITS);
const tables = (s: BlockStream): TableBlock[] => s.blocks.filter((b): b is TableBlock => b.kind === 'table');
const paragraphs = (s: BlockStream): string[] => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
/** A row as a reviewer sees it: merged-left cells left out, merged-above shown as ^. */
const visible = (row: Cell[]): string[] => row.filter((c) => !c.mergedLeft).map((c) => (c.mergedAbove ? '^' : c.text));
function cellWithText(t: TableBlock, text: string): Cell {
  const cell = t.rows.flat().find((c) => c.text === text);
  if (!cell) throw new Error(`no cell ${text}`);
  return cell;
}

describe('merged cells', () => {
  const seed = read('fixtures/seed/seed.docx');
  const t1 = tables(seed)[0];

  it('every row of a seed table spans the 7 grid columns', () => {
    expect(t1.rows.every((r) => r.length === 7)).toBe(true);
  });

  it.each([
    // row, the cells a text export writes (mergedLeft left out, mergedAbove as ^)
    [1, ['316004南堡开发区社会事业保险局', '单位：万元']],
    [2, ['项目编码', '316-1201-JBN-WMEB', '项目名称', '城乡居民养老保险区财政补贴']],
    [4, ['^', '城乡居民养老缴费补贴及待遇补贴']],
    [6, ['^', '', '', '', '100%']],
    [10, ['^', '质量指标', '补贴准确率', '按标准补贴', '≥98%', '省市区相关文件']],
  ])('row %i reads like the text export', (row, cells) => {
    expect(visible(t1.rows[row - 1])).toEqual(cells);
  });

  it('a gridSpan cell is followed by mergedLeft cells; col counts grid columns', () => {
    const row = t1.rows[1];
    expect(row[3]).toMatchObject({ text: '城乡居民养老保险区财政补贴', origin: { table: 1, row: 2, col: 4, paragraph: 1 } });
    expect(row.slice(4)).toEqual([5, 6, 7].map((col) => ({ text: '', mergedLeft: true, origin: { table: 1, row: 2, col, paragraph: 1 } })));
    expect(t1.rows[5][4]).toMatchObject({ text: '100%', origin: { row: 6, col: 5 } });
  });

  it('a vMerge continuation is an empty mergedAbove cell', () => {
    expect(t1.rows[3][0]).toEqual({ text: '', mergedAbove: true, origin: { table: 1, row: 4, col: 1, paragraph: 1 } });
  });

  it('a 2×2 block: continuation columns carry both flags', () => {
    const block = tables(read('fixtures/docx/merged-cells.docx'))[1];
    expect(block.rows.map((r) => r.map((c) => `${c.text}${c.mergedAbove ? '^' : ''}${c.mergedLeft ? '<' : ''}`))).toEqual([
      ['合并 2×2', '<', 'C1', 'D1'],
      ['^', '^<', 'C2', '^'],
      ['A3', 'B3', 'C3', '^'],
    ]);
  });

  it('tables are numbered in document order', () => {
    expect(tables(seed).map((t) => t.origin)).toEqual(Array.from({ length: 18 }, (_, i) => ({ table: i + 1, row: 1, col: 1, paragraph: 1 })));
  });
});

describe('grid helpers agree with each other', () => {
  it('Word vMerge/gridSpan and HTML rowspan/colspan give the same grid', () => {
    const word = new WordGrid();
    word.addRow([{ text: 'A', span: 2, vMergeContinue: false }, { text: 'B', span: 1, vMergeContinue: false }], 0, 0);
    word.addRow([{ text: 'x', span: 2, vMergeContinue: true }, { text: 'C', span: 1, vMergeContinue: false }], 0, 0);
    const html = htmlGrid([
      [
        { text: 'A', colspan: 2, rowspan: 2 },
        { text: 'B', colspan: 1, rowspan: 1 },
      ],
      [{ text: 'C', colspan: 1, rowspan: 1 }],
    ]);
    expect(word.rows).toEqual(html);
    expect(flattenNestedTable(html)).toEqual(['A\tB', '\tC']);
  });
});

describe('cell text', () => {
  it('paragraphs joined by \\n, empty ones kept, breaks and tabs as written', () => {
    const t = tables(read('fixtures/docx/multi-paragraph-cells.docx'))[0];
    expect(t.rows[6][1].text).toBe('1、完成参保补贴发放\n\n2、完成率达到100%\n');
    expect(t.rows[8][3].text).toBe('缴费人员\n待遇领取人员\t（人）');
  });

  it('empty cells are "" and a cell of three empty paragraphs is "\\n\\n"', () => {
    const t = tables(read('fixtures/docx/empty-cells.docx'))[0];
    expect(visible(t.rows[5])).toEqual(['^', '', '', '', '100%']);
    expect(visible(t.rows[10])).toEqual(['^', '', '', '', '', '']);
    expect(t.rows[11][4].text).toBe('\n\n');
  });

  it('a nested table becomes lines of its parent cell, cells split by TAB', () => {
    const t = tables(read('fixtures/docx/nested-table.docx'))[0];
    expect(t.rows[4][1].text).toBe('按月累计：\n3月底\t6月底\t10月底\t12月底\n25%\t50%\t75%\t100%\n合计\t100%\n');
    expect(tables(read('fixtures/docx/nested-table.docx'))).toHaveLength(1);
  });
});

describe('field codes', () => {
  const s = read('fixtures/docx/field-codes.docx');

  it('a TC field keeps its instruction as text, like the seed text export (quotes dropped)', () => {
    expect(paragraphs(s)).toContain('1、城乡居民养老保险区财政补贴绩效目标表 TC 9、城乡居民养老保险区财政补贴绩效目标表 \\f C \\l 1 ');
    expect(paragraphs(s)).toContain('2、城乡居民医疗保险财政补贴绩效目标表 TC 10、城乡居民医疗保险财政补贴绩效目标表 \\f C \\l 1 ');
  });

  it('other fields give their result, never their code', () => {
    const text = paragraphs(s).join('\n');
    expect(paragraphs(s).slice(0, 2)).toEqual(['9、城乡居民养老保险区财政补贴绩效目标表\t3', '10、城乡居民医疗保险财政补贴绩效目标表\t5']);
    expect(paragraphs(s)).toContain('第3页（已审核）');
    expect(text).not.toMatch(/TOC|PAGE|DOCPROPERTY|南堡开发区(?!社会)|MERGEFIELD/);
    expect(tables(s)[0].rows[1][3].text).toBe('城乡居民养老保险区财政补贴');
  });

  it('a checked FORMCHECKBOX reads as ☑', () => {
    expect(tables(s)[0].rows[6][1].text).toBe('1、按时足额发放 ☑ 已完成');
  });
});

describe('tracked changes', () => {
  const s = read('fixtures/docx/tracked-changes.docx');
  const t = tables(s)[0];

  it.each([
    ['w:ins is content, w:del is not', t.rows[9][4].text, '≥98%'],
    ['a deleted paragraph mark joins the next paragraph', t.rows[6][1].text, '1、及时支付优抚对象医疗补助\n2、支付率100%'],
    ['runs', paragraphs(s)[1], '资金按月拨付'],
    ['moveFrom is not content, moveTo is', paragraphs(s)[2], '备注：资金专款专用'],
  ])('%s', (_, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('a deleted row is skipped', () => {
    expect(t.rows).toHaveLength(17);
    expect(t.rows.flat().some((c) => c.text.includes('删除的指标'))).toBe(false);
  });
});

describe('WordprocessingML as Word writes it', () => {
  const s = read('fixtures/docx/wordml-quirks.docx');
  const t = tables(s)[0];

  it.each([
    ['runs split mid-word, proofErr, bookmarks, smartTag, customXml', '城乡居民养老保险区财政补贴'],
    ['a non-breaking hyphen', 'A‑1‑2'],
    ['a hyperlink', '链接文字'],
    ['a run-level content control', '800.00'],
    ['a cell-level content control', '单元格控件'],
    ['a check-box content control', '☑ 已公开'],
    ['w:cr', '第一行\n第二行'],
    ['a Wingdings symbol', '\u{1F5F9}符号'],
    ['a drawing has no text', '图'],
  ])('%s', (_, text) => {
    expect(cellWithText(t, text)).toBeDefined();
  });

  it('a bookmark between rows does not break the vertical merge', () => {
    expect(t.rows[2][0]).toMatchObject({ mergedAbove: true });
  });

  it('a row-level content control is a row', () => {
    expect(visible(t.rows[3])).toEqual(['控件行', '甲', '乙', '丙']);
  });

  it('gridBefore/gridAfter columns hold no cell but still count', () => {
    expect(t.rows[4].map((c) => [c.text, (c.origin as { col: number }).col])).toEqual([
      ['缩进', 2],
      ['的行', 3],
    ]);
  });

  it('body paragraphs: content control, text box after its anchor, footnote reference dropped', () => {
    expect(paragraphs(s)).toEqual([
      '控件中的段落',
      '城乡居民养老保险区财政补贴',
      '盖章处（签字）',
      '南堡开发区社会事业保险局（章）',
      '2020年1月',
      '资金来源为区级财政',
    ]);
  });
});

describe('automatic numbering', () => {
  const s = read('fixtures/docx/numbered-lists.docx');

  it('numbered paragraphs start with their label, like Word\'s text export; bullets carry none', () => {
    expect(paragraphs(s).slice(0, 7)).toEqual(['一、总体绩效目标', '（1）全面开展参保登记', '（2）完成养老保险扩面征缴任务', '二、分项绩效目标', '要点：', '按时拨付', '足额到位']);
  });

  it('a numbered goals cell, restarting in the next table', () => {
    for (const t of tables(s)) expect(t.rows[6][1].text).toBe('1、完成参保补贴发放\n2、补贴准确率达到98%\n3、资金按时到位');
  });

  it.each([
    [3, 'decimal', '3'],
    [4, 'decimalZero', '04'],
    [14, 'chineseCounting', '十四'],
    [20, 'chineseCounting', '二十'],
    [3, 'ideographTraditional', '丙'],
    [2, 'decimalEnclosedCircle', '②'],
    [12, 'decimalFullWidth', '１２'],
    [9, 'lowerRoman', 'ix'],
    [28, 'upperLetter', 'BB'],
  ])('formats %i as %s → %s', (n, fmt, out) => {
    expect(formatNumber(n, fmt)).toBe(out);
  });

  it('levels, suffixes, shared lists, start overrides and style numbering', () => {
    const numbering = new DocxNumbering(
      `<w:numbering xmlns:w="x">
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:suff w:val="space"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
      </w:numbering>`,
      `<w:styles xmlns:w="x"><w:style w:type="paragraph" w:styleId="H"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H"/></w:style></w:styles>`,
    );
    expect([
      numbering.next('1', 0, undefined),
      numbering.next('1', 1, undefined),
      numbering.next('1', 1, undefined),
      numbering.next('2', 0, undefined), // another instance of the same list continues it
      numbering.next('2', 1, undefined), // a higher level restarts the lower one
      numbering.next('3', 0, undefined), // an instance with a start override counts on its own
      numbering.next(undefined, undefined, 'H2'), // numbering through the style chain
      numbering.next('0', 0, undefined),
      numbering.next(undefined, undefined, undefined),
    ]).toEqual(['一、', '一.1 ', '一.2 ', '二、', '二.1 ', '五、', '三、', null, null]);
  });
});

describe('labels and layouts are read as written', () => {
  it.each([
    ['fixtures/docx/label-synonyms.docx', ['项目代码', '年度资金总额', '财政拨款', '年度绩效目标', '指标解释', '目标值', '指标值设定依据']],
    ['fixtures/docx/layout-2021.docx', ['成本指标', '经济成本指标', '社会成本指标', '生态环境成本指标', '指标性质', '度量单位']],
  ])('%s', (file, labels) => {
    const texts = new Set(tables(read(file))[0].rows.flat().map((c) => c.text));
    for (const label of labels) expect(texts.has(label)).toBe(true);
  });

  it('body paragraphs carry { paragraph } origins counting every body paragraph', () => {
    const seed = read('fixtures/seed/seed.docx');
    const first = seed.blocks[0];
    expect(first).toEqual({ kind: 'paragraph', text: '第一部分', origin: { paragraph: 1 } });
    expect(seed.info).toEqual({ format: 'docx', encoding: null, layout: 'table' });
  });
});
