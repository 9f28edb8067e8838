/**
 * .xlsx reader speed (issue 11: "reading an .xlsx of the seed's size takes no longer than reading its
 * .docx"), on the seed exported to Excel (fixtures/xlsx/seed-stacked.xlsx, seed-per-sheet.xlsx) and
 * on the 200-project document exported the same way (.bench-cache/xlsx/projects-200-stacked.xlsx,
 * built on first use):
 *   jxlint's reader → Block stream · → AST · exceljs load (the workbook model only, no display text)
 *   · seed.docx → Block stream · → AST
 * as ms/file (median), and the ratio .xlsx ÷ .docx read to Blocks in the same run (target ≤ 1).
 * Run alone: `node --expose-gc dist/bench/xlsx.js`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { ensureProjects200Docx } from '../scripts/make-docx-fixtures.js';
import { makeSeedStacked } from '../scripts/make-xlsx-fixtures.js';
// The Node edge: ZIP entries are inflated by zlib (src/node/inflate.ts), as the CLI does.
import { parse } from '../src/node.js';
import { readSource } from '../src/sources/index.js';
import { type BenchRow, medianMs, medianMsAfterGc, printRows, repoRoot } from './util.js';

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Medians of several functions timed in turn, run after run, so that a shared machine's load weighs
 * on each alike (timing one after the other lets a change of load decide the ratio): wall ms and
 * CPU ms (process.cpuUsage, user + system, which load inflates less than wall time).
 */
async function interleavedMedians(fns: (() => unknown)[], runs: number, warmup: number): Promise<{ wall: number; cpu: number }[]> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  gc?.();
  const wall = fns.map((): number[] => []);
  const cpu = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < fns.length; k++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await fns[k]();
      wall[k].push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu[k].push((c.user + c.system) / 1000);
    }
  }
  const median = (t: number[]): number => t.sort((a, b) => a - b)[Math.floor(t.length / 2)];
  return fns.map((_, k) => ({ wall: median(wall[k]), cpu: median(cpu[k]) }));
}

/** The 200-project document as one stacked sheet (exceljs writes it once, then it is cached). */
async function ensureProjects200Xlsx(root: string): Promise<string> {
  const file = path.join(root, '.bench-cache/xlsx/projects-200-stacked.xlsx');
  if (!existsSync(file)) {
    const docx = await ensureProjects200Docx();
    const blocks = (await readSource(new Uint8Array(readFileSync(docx)), { filePath: docx })).blocks;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, await makeSeedStacked(blocks));
  }
  return file;
}

export async function benchXlsx(): Promise<BenchRow[]> {
  const root = repoRoot();
  const seedDocx = path.join(root, 'fixtures/seed/seed.docx');
  const pairs: [label: string, xlsx: string, docx: string, runs: number, exceljsRuns: number][] = [
    ['seed, stacked on one sheet', path.join(root, 'fixtures/xlsx/seed-stacked.xlsx'), seedDocx, 40, 10],
    ['seed, one project a sheet', path.join(root, 'fixtures/xlsx/seed-per-sheet.xlsx'), seedDocx, 40, 10],
    ['200 projects, stacked', await ensureProjects200Xlsx(root), await ensureProjects200Docx(), 10, 3],
  ];
  const rows: BenchRow[] = [];
  for (const [label, xlsxFile, docxFile, runs, exceljsRuns] of pairs) {
    const xlsx = new Uint8Array(readFileSync(xlsxFile));
    const docx = new Uint8Array(readFileSync(docxFile));
    const [xlsxRead, docxRead] = await interleavedMedians([() => readSource(xlsx, { filePath: xlsxFile }), () => readSource(docx, { filePath: docxFile })], runs, 5);
    const xlsxBlocks = xlsxRead.wall;
    const docxBlocks = docxRead.wall;
    const xlsxAst = await medianMsAfterGc(() => parse(xlsx, { filePath: xlsxFile }), runs, 3);
    const docxAst = await medianMsAfterGc(() => parse(docx, { filePath: docxFile }), runs, 3);
    const exceljs = await medianMsAfterGc(() => new ExcelJS.Workbook().xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer), exceljsRuns, 1);
    const kb = (n: number) => `${Math.round(n / 1024)} KB`;
    rows.push(
      { name: `${label}: .xlsx (${kb(xlsx.length)}) → Blocks, jxlint reader`, value: xlsxBlocks, unit: 'ms' },
      { name: `${label}: .xlsx → workbook model, exceljs load`, value: exceljs, unit: 'ms' },
      { name: `${label}: .docx (${kb(docx.length)}) → Blocks, streaming reader`, value: docxBlocks, unit: 'ms' },
      {
        name: `${label}: .xlsx ÷ .docx read (Blocks)`,
        value: xlsxBlocks / docxBlocks,
        unit: '×',
        target: '≤ 1',
        ok: xlsxBlocks <= docxBlocks,
      },
      { name: `${label}: .xlsx ÷ .docx read (Blocks), CPU time (${xlsxRead.cpu.toFixed(1)} ÷ ${docxRead.cpu.toFixed(1)} ms)`, value: xlsxRead.cpu / docxRead.cpu, unit: '×', target: '≤ 1', ok: xlsxRead.cpu <= docxRead.cpu },
      { name: `${label}: exceljs load ÷ jxlint reader`, value: exceljs / xlsxBlocks, unit: '×' },
      { name: `${label}: .xlsx → AST`, value: xlsxAst, unit: 'ms' },
      { name: `${label}: .docx → AST`, value: docxAst, unit: 'ms' },
    );
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printRows('Excel workbooks: .xlsx reader', await benchXlsx());
