/**
 * Writing a format-neutral document (./families.ts) as .docx (the `docx` package) and .xlsx
 * (exceljs: numbers typed as numbers with their display format, merged ranges made real), and
 * through LibreOffice (this machine only) as .doc and LibreOffice text.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import { pack } from '../docx-fixtures/wordml.js';
import type { CellSpec, DocBlock, Variant } from './families.js';

const FIXED_TIME = new Date('2024-01-01T00:00:00Z');

function paragraphs(text: string): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ children: line === '' ? [] : [new TextRun(line)] }));
}

/** A Word table of explicit cells (spans, vertical merges), then any ready-made rows (`extra`). */
export function wordTable(width: number, rows: CellSpec[][], extra: TableRow[] = []): Table {
  const col = Math.floor(9000 / width);
  return new Table({
    columnWidths: Array.from({ length: width }, () => col),
    width: { size: col * width, type: WidthType.DXA },
    rows: [
      ...rows.map(
        (row) =>
          new TableRow({
            children: row.map(
              (c) =>
                new TableCell({
                  children: c.vmerge === 'continue' ? [new Paragraph({})] : paragraphs(c.text),
                  columnSpan: c.span && c.span > 1 ? c.span : undefined,
                  verticalMerge: c.vmerge === 'restart' ? VerticalMergeType.RESTART : c.vmerge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
                }),
            ),
          }),
      ),
      ...extra,
    ],
  });
}

/** The projects one after another, each its blocks, as one .docx. */
export async function writeDocx(projects: DocBlock[][]): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const blocks of projects) {
    for (const b of blocks) children.push(b.kind === 'para' ? new Paragraph({ children: [new TextRun(b.text)] }) : wordTable(b.width, b.rows));
    children.push(new Paragraph({}));
  }
  return pack(children);
}

/** Places blocks on a sheet from `startRow`; returns the next free row. */
function placeBlocks(ws: ExcelJS.Worksheet, blocks: DocBlock[], startRow: number): number {
  let r = startRow;
  const width = Math.max(...blocks.map((b) => (b.kind === 'table' ? b.width : 1)));
  for (const b of blocks) {
    if (b.kind === 'para') {
      ws.getCell(r, 1).value = b.text;
      if (width > 1) ws.mergeCells(r, 1, r, width);
      r++;
      continue;
    }
    // Grid column of each cell, then merged ranges: a restart extends down over the continues below it.
    const at: { c: number; cell: CellSpec }[][] = b.rows.map((row) => {
      let c = 1;
      return row.map((cell) => {
        const here = { c, cell };
        c += cell.span ?? 1;
        return here;
      });
    });
    at.forEach((row, i) => {
      for (const { c, cell } of row) {
        if (cell.vmerge === 'continue') continue;
        const span = cell.span ?? 1;
        let bottom = i;
        if (cell.vmerge === 'restart') {
          while (bottom + 1 < at.length && at[bottom + 1].some((x) => x.c === c && x.cell.vmerge === 'continue')) bottom++;
        }
        const target = ws.getCell(r + i, c);
        if (cell.num) {
          target.value = cell.num.value;
          target.numFmt = cell.num.format;
        } else if (cell.text !== '') {
          target.value = cell.text;
          if (cell.text.includes('\n')) target.alignment = { wrapText: true, vertical: 'top' };
        }
        if (span > 1 || bottom > i) ws.mergeCells(r + i, c, r + bottom, c + span - 1);
      }
    });
    r += b.rows.length;
  }
  return r;
}

/**
 * The projects as one workbook: stacked on one sheet (a blank row between projects) or one
 * project per sheet (named by its ordinal and name).
 */
export async function writeXlsx(projects: { blocks: DocBlock[]; sheetName: string }[], arrangement: Variant['xlsx']): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jxlint fixtures';
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  if (arrangement === 'stacked') {
    const ws = wb.addWorksheet('绩效目标表');
    let r = 1;
    for (const p of projects) r = placeBlocks(ws, p.blocks, r) + 1;
  } else {
    const used = new Set<string>();
    for (const p of projects) {
      let name = p.sheetName;
      for (let k = 2; used.has(name); k++) name = `${p.sheetName.slice(0, 28)}(${k})`;
      used.add(name);
      placeBlocks(wb.addWorksheet(name), p.blocks, 1);
    }
  }
  const buffer = new Uint8Array(await wb.xlsx.writeBuffer());
  // Fixed entry times so regenerating gives the same bytes.
  const files = unzipSync(buffer);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { mtime: FIXED_TIME }];
  return zipSync(zippable, { level: 6 });
}

// ---------------------------------------------------------------------------------------------
// LibreOffice (present on the machine that generates the committed fixtures; not in CI)

export function sofficeAvailable(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Converts .docx files with LibreOffice: `doc` (Word 97–2003) or `txt` (its text export,
 * "Text (encoded)" in UTF-8: one cell a line, no markers). The outputs land beside the inputs.
 */
export function sofficeConvert(docxPaths: string[], target: 'doc' | 'txt'): void {
  if (docxPaths.length === 0) return;
  const profile = join(tmpdir(), `jxlint-soffice-${process.pid}`);
  const out = join(tmpdir(), `jxlint-soffice-out-${process.pid}-${target}`);
  mkdirSync(out, { recursive: true });
  const filter = target === 'doc' ? 'doc' : 'txt:Text (encoded):UTF8';
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', out, ...docxPaths], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  for (const p of docxPaths) {
    const stem = basename(p).replace(/\.docx$/, '');
    const made = join(out, `${stem}.${target}`);
    if (!existsSync(made)) throw new Error(`soffice did not write ${made}: ${r.stdout} ${r.stderr}`);
    copyFileSync(made, p.replace(/\.docx$/, `.${target}`));
  }
  rmSync(out, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
