/**
 * Writes the red-team template documents of test/templates-variants-cases.ts under
 * fixtures/templates-variants/: Word row-per-line text (<id>.rpl.txt), .docx (the `docx` package),
 * .xlsx (exceljs; plain numbers and percents typed as numbers, 1,234.56 with #,##0.00) and, where
 * LibreOffice is installed, its text export (<id>.lo.txt, one cell a line, no markers).
 *
 *   npx tsx scripts/make-templates-variants.ts            the formats each case is committed in
 *   npx tsx scripts/make-templates-variants.ts --all DIR  every format of every case into DIR, and
 *                                                         the facts that differ from the expected
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../src/index.js';
import { compareDocument } from './template-fixtures/compare.js';
import type { CellSpec, DocBlock } from './template-fixtures/families.js';
import { numCell } from './template-fixtures/families.js';
import { sofficeAvailable, sofficeConvert, wordTable, writeDocx, writeXlsx } from './template-fixtures/write.js';
import { Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { pack } from './docx-fixtures/wordml.js';
import { ALL_VARIANT_CASES, type Part, type Row, VARIANT_CASES, VARIANT_FORMATS, type VariantCase, type VariantFormat } from '../test/templates-variants-cases.js';

/** A cell Excel would hold as a number: plain numbers and percents (numCell), and 1,234.56 with #,##0.00. */
function excelCell(text: string): CellSpec {
  const m = /^\d{1,3}(?:,\d{3})+(?:\.(\d+))?$/.exec(text);
  if (m) return { text, num: { value: Number(text.replace(/,/g, '')), format: m[1] ? `#,##0.${'0'.repeat(m[1].length)}` : '#,##0' } };
  return numCell(text);
}

/** A table of `〃` / `←` rows as cells with explicit spans and vertical merges; rows padded to the widest. */
type TableDocBlock = Extract<DocBlock, { kind: 'table' }>;

function tableBlock(rows: Row[]): TableDocBlock {
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array(width - r.length).fill('←')]);
  const grid: (CellSpec & { col: number })[][] = padded.map((row) => {
    const cells: (CellSpec & { col: number })[] = [];
    row.forEach((text, col) => {
      if (text === '←' && cells.length > 0) {
        const last = cells[cells.length - 1];
        last.span = (last.span ?? 1) + 1;
        return;
      }
      if (text === '〃') cells.push({ text: '', vmerge: 'continue', col });
      else cells.push({ ...excelCell(text), col });
    });
    return cells;
  });
  // A cell continued from below starts its merge.
  grid.forEach((row, r) => {
    for (const cell of row) {
      if (cell.vmerge !== 'continue' || r === 0) continue;
      const above = grid[r - 1].find((c) => c.col === cell.col);
      if (above && above.vmerge !== 'continue') above.vmerge = 'restart';
      if (above) cell.span = above.span;
    }
  });
  return { kind: 'table', width, rows: grid.map((row) => row.map(({ col: _col, ...c }) => c)) };
}

export function docBlocks(parts: Part[]): DocBlock[] {
  return parts.map((p) => (typeof p === 'string' ? { kind: 'para', text: p } : tableBlock(p)));
}

/** Word "save as text": one row a line, cells split by TAB (a merged cell once), each row ending in TAB. */
export function rowPerLine(parts: Part[]): string {
  return parts
    .map((p) => (typeof p === 'string' ? `${p}\n` : p.map((row) => row.filter((c) => c !== '←').map((c) => (c === '〃' ? '' : c)).join('\t') + '\t\n').join('')))
    .join('');
}

/** A .docx whose table `nested.part` holds its rows from `nested.fromRow` on as a table nested in a 绩效指标 row. */
async function nestedDocx(c: VariantCase): Promise<Uint8Array> {
  const { part, fromRow } = c.nestedGrid!;
  const children: (Paragraph | Table)[] = c.parts.map((p, k) => {
    if (typeof p === 'string') return new Paragraph({ children: [new TextRun(p)] });
    if (k !== part) {
      const block = tableBlock(p);
      return wordTable(block.width, block.rows);
    }
    const outer = tableBlock(p.slice(0, fromRow));
    const inner = tableBlock(p.slice(fromRow));
    const row = new TableRow({
      children: [
        new TableCell({ children: [new Paragraph({ children: [new TextRun('绩效指标')] })] }),
        new TableCell({ children: [wordTable(inner.width, inner.rows), new Paragraph({})], columnSpan: outer.width - 1 }),
      ],
    });
    return wordTable(outer.width, outer.rows, [row]);
  });
  return pack(children);
}

async function writeCase(c: VariantCase, dir: string, formats: readonly VariantFormat[], lo: string[], dropDocx: string[]): Promise<void> {
  const stem = join(dir, c.id);
  if (formats.includes('rpl.txt')) writeFileSync(`${stem}.rpl.txt`, rowPerLine(c.parts));
  const blocks = docBlocks(c.parts);
  if (formats.includes('docx') || formats.includes('lo.txt')) {
    writeFileSync(`${stem}.docx`, c.nestedGrid ? await nestedDocx(c) : await writeDocx([blocks]));
    if (formats.includes('lo.txt')) lo.push(`${stem}.docx`);
    if (!formats.includes('docx')) dropDocx.push(`${stem}.docx`);
  }
  if (formats.includes('xlsx')) {
    const sheets = c.sheets ?? [0];
    const parts = sheets.map((from, k) => ({ blocks: docBlocks(c.parts.slice(from, sheets[k + 1])), sheetName: `${k + 1}${c.id}`.slice(0, 31) }));
    writeFileSync(`${stem}.xlsx`, await writeXlsx(parts, sheets.length > 1 ? 'per-sheet' : 'stacked'));
  }
}

async function main(): Promise<void> {
  const all = process.argv.indexOf('--all');
  const dir = all >= 0 ? process.argv[all + 1] : join(import.meta.dirname, '../fixtures/templates-variants');
  mkdirSync(dir, { recursive: true });
  const lo: string[] = [];
  const dropDocx: string[] = [];
  const cases = all >= 0 ? ALL_VARIANT_CASES : VARIANT_CASES;
  for (const c of cases) await writeCase(c, dir, all >= 0 ? VARIANT_FORMATS : (c.formats ?? VARIANT_FORMATS), lo, dropDocx);
  if (lo.length > 0) {
    if (!sofficeAvailable()) console.warn('soffice not found: no LibreOffice text written');
    else {
      sofficeConvert(lo, 'txt');
      for (const p of lo) renameSync(p.replace(/\.docx$/, '.txt'), p.replace(/\.docx$/, '.lo.txt'));
    }
  }
  for (const p of dropDocx) rmSync(p, { force: true });
  if (all < 0) return;
  let okCases = 0;
  for (const c of cases) {
    const bad: string[] = [];
    for (const f of c.formats ?? VARIANT_FORMATS) {
      const path = join(dir, `${c.id}.${f}`);
      const bytes = readFileSync(path);
      const doc = await parse(f.endsWith('txt') ? bytes.toString('utf8') : new Uint8Array(bytes), { filePath: path });
      const facts = compareDocument(c.expect, doc).filter((x) => !x.ok);
      c.agency?.forEach((a, i) => {
        if ((doc.projects[i]?.agency ?? null) !== a) facts.push({ group: 'name', ok: false, detail: `p${i + 1} agency: want ${a}, got ${doc.projects[i]?.agency}` });
      });
      if (facts.length) bad.push(`  ${f}: ${facts.length} wrong\n${facts.map((x) => `    ${x.detail}`).join('\n')}`);
    }
    if (bad.length === 0) okCases++;
    console.log(`${bad.length ? 'FAIL' : 'ok  '} ${c.id}${c.pending ? ' (pending)' : ''}${bad.length ? `\n${bad.join('\n')}` : ''}`);
  }
  console.log(`${okCases}/${cases.length} cases right in every format they are tested in`);
}

await main();
