/**
 * Builds the Excel fixtures of the seed (fixtures/xlsx/) with exceljs:
 *
 *   npx tsx scripts/make-xlsx-fixtures.ts
 *
 * Source: fixtures/seed/seed.docx, the 河北/唐山 2020 绩效目标表 of 南堡开发区社会事业保险局 (18
 * projects, template `seed-2020`), read by the streaming .docx reader; every paragraph and table
 * cell is written as a budget system (预算管理一体化) exports it to Excel:
 * - numbers typed as numbers with their number format: 800.00 → 800 with `0.00`, 25% → 0.25 with
 *   `0%` (99.5% → `0.0%`), plain integers with General;
 * - Word's merged cells as merged ranges (gridSpan → across, vMerge → down);
 * - each table's title (1、…绩效目标表, with the TC field residue Word's export keeps) as a rich-text
 *   cell merged across the table's width; the 部门整体绩效目标 paragraphs one a row in column A.
 *
 * Two arrangements, both of which must parse to the AST of seed.docx apart from origins
 * (test/sources-xlsx-equivalence.test.ts):
 * - seed-stacked.xlsx: one sheet, the department part then the 18 tables one under another, a blank
 *   row after each table; strings in the shared-string table;
 * - seed-per-sheet.xlsx: the department part on sheet 1, one project per sheet, a hidden code-list
 *   sheet (not read: a note says so) and an empty sheet at the end; strings written inline (t="str",
 *   rich text as t="inlineStr"), as exceljs does without shared strings.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Block, TableBlock } from '../src/sources/blocks.js';
import { readSource } from '../src/sources/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A cell text as the typed value and number format an exporter writes. */
export function typedValue(text: string): { value: string | number | null; numFmt?: string } {
  if (text === '') return { value: null };
  let m = /^(-?\d+)\.(\d+)$/.exec(text);
  if (m) return { value: Number(text), numFmt: `0.${'0'.repeat(m[2].length)}` };
  m = /^(-?\d+)(?:\.(\d+))?%$/.exec(text);
  if (m) return { value: Number(text.slice(0, -1)) / 100, numFmt: m[2] ? `0.${'0'.repeat(m[2].length)}%` : '0%' };
  if (/^(?:[1-9]\d{0,9}|0)$/.test(text)) return { value: Number(text) };
  return { value: text };
}

function writeCell(ws: ExcelJS.Worksheet, row: number, col: number, text: string): void {
  const { value, numFmt } = typedValue(text);
  if (value === null) return;
  const cell = ws.getCell(row, col);
  cell.value = value;
  if (numFmt) cell.numFmt = numFmt;
}

/** A title as rich text: the title in bold, the field-code residue (TC …) as a plain run. */
function writeTitle(ws: ExcelJS.Worksheet, row: number, text: string, width: number): void {
  const tc = text.indexOf(' TC ');
  const cell = ws.getCell(row, 1);
  cell.value = tc < 0 ? { richText: [{ text, font: { bold: true } }] } : { richText: [{ text: text.slice(0, tc), font: { bold: true } }, { text: text.slice(tc) }] };
  if (width > 1) ws.mergeCells(row, 1, row, width);
}

/** Writes a Word table at `top`: each merged area once, as a merged range. Returns the rows written. */
function writeTable(ws: ExcelJS.Worksheet, top: number, table: TableBlock): number {
  const rows = table.rows;
  rows.forEach((cells, i) => {
    cells.forEach((cell, j) => {
      if (cell.mergedAbove || cell.mergedLeft) return;
      let w = 1;
      while (j + w < cells.length && cells[j + w].mergedLeft && !cells[j + w].mergedAbove) w++;
      let h = 1;
      while (i + h < rows.length && rows[i + h][j]?.mergedAbove && !rows[i + h][j]?.mergedLeft) h++;
      writeCell(ws, top + i, j + 1, cell.text);
      if (w > 1 || h > 1) ws.mergeCells(top + i, j + 1, top + i + h - 1, j + w);
    });
  });
  return rows.length;
}

function tableWidth(t: TableBlock): number {
  return Math.max(...t.rows.map((r) => r.length));
}

/** `1、城乡居民养老保险区财政补贴绩效目标表 TC …` → a sheet name Excel accepts (≤ 31 characters). */
function sheetName(title: string, used: Set<string>): string {
  let name = title.replace(/\s*TC\s.*$/, '').replace(/绩效目标表$/, '').replace(/[[\]:*?/\\]/g, '').slice(0, 31);
  for (let k = 2; used.has(name); k++) name = `${name.slice(0, 28)}(${k})`;
  used.add(name);
  return name;
}

export async function seedBlocks(): Promise<Block[]> {
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'fixtures/seed/seed.docx')));
  return (await readSource(bytes, { filePath: 'seed.docx' })).blocks;
}

/** The seed on one sheet, tables stacked with a blank row after each. */
export async function makeSeedStacked(blocks?: Block[]): Promise<Uint8Array> {
  const all = blocks ?? (await seedBlocks());
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jxlint fixtures';
  const ws = wb.addWorksheet('绩效目标表');
  let row = 1;
  all.forEach((b, i) => {
    if (b.kind === 'table') {
      row += writeTable(ws, row, b) + 1; // a blank row after each table
      return;
    }
    const next = all[i + 1];
    if (next?.kind === 'table') writeTitle(ws, row, b.text, tableWidth(next));
    else writeCell(ws, row, 1, b.text);
    row++;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The seed with one project a sheet; the department part on the first; a hidden and an empty sheet. */
export async function makeSeedPerSheet(blocks?: Block[]): Promise<Uint8Array> {
  const all = blocks ?? (await seedBlocks());
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jxlint fixtures';
  const used = new Set<string>();
  const department = wb.addWorksheet('部门整体绩效目标');
  used.add('部门整体绩效目标');
  let row = 1;
  for (let i = 0; i < all.length; i++) {
    const b = all[i];
    const next = all[i + 1];
    if (b.kind === 'paragraph' && next?.kind === 'table') {
      const ws = wb.addWorksheet(sheetName(b.text, used));
      writeTitle(ws, 1, b.text, tableWidth(next));
      writeTable(ws, 2, next);
      i++;
    } else if (b.kind === 'paragraph') writeCell(department, row++, 1, b.text);
    else writeTable(department, row, b);
  }
  const codes = wb.addWorksheet('代码表', { state: 'hidden' });
  codes.addRow(['项目类别', '代码']);
  codes.addRow(['社会保障', 1201]);
  wb.addWorksheet('Sheet3');
  return new Uint8Array(await wb.xlsx.writeBuffer({ useSharedStrings: false }));
}

async function main(): Promise<void> {
  const blocks = await seedBlocks();
  const dir = join(ROOT, 'fixtures/xlsx');
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of [
    ['seed-stacked.xlsx', await makeSeedStacked(blocks)],
    ['seed-per-sheet.xlsx', await makeSeedPerSheet(blocks)],
  ] as const) {
    writeFileSync(join(dir, name), bytes);
    console.log(`fixtures/xlsx/${name}  ${bytes.length} bytes`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
