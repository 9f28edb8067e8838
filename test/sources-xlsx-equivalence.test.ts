/**
 * The seed's template exported to Excel (scripts/make-xlsx-fixtures.ts: numbers typed with their
 * formats, Word's merges as merged ranges), in both arrangements — one sheet with the tables
 * stacked, one project a sheet — parses to the AST of fixtures/seed/seed.docx apart from origins,
 * and its origins are sheet cells.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JxDocument, SheetOrigin } from '../src/ast/types.js';
import { parse } from '../src/index.js';
import { readSource } from '../src/sources/index.js';

const root = join(import.meta.dirname, '..');
const load = (p: string): Promise<JxDocument> => parse(new Uint8Array(readFileSync(join(root, p))), { filePath: p });

/** The AST without origins (and without the per-cell origin maps). */
function withoutOrigins(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(withoutOrigins);
  if (x && typeof x === 'object')
    return Object.fromEntries(
      Object.entries(x)
        .filter(([k]) => !/^(origin|cellOrigins|cells)$/.test(k))
        .map(([k, v]) => [k, withoutOrigins(v)]),
    );
  return x;
}

describe('the seed as .xlsx parses like seed.docx', () => {
  let docx: JxDocument;
  beforeAll(async () => {
    docx = await load('fixtures/seed/seed.docx');
  });

  it.each([['fixtures/xlsx/seed-stacked.xlsx'], ['fixtures/xlsx/seed-per-sheet.xlsx']])('%s', async (path) => {
    const xlsx = await load(path);
    expect(xlsx.format).toBe('xlsx');
    expect(xlsx.projects).toHaveLength(18);
    expect(withoutOrigins(xlsx.projects)).toEqual(withoutOrigins(docx.projects));
    expect(withoutOrigins(xlsx.department)).toEqual(withoutOrigins(docx.department));
    // Besides the seed's own diagnostics, only the reader's notes (the hidden code-list sheet).
    const codes = (d: JxDocument) => d.diagnostics.map((x) => x.code);
    expect(codes(xlsx).filter((c) => !c.startsWith('xlsx-'))).toEqual(codes(docx));
  });

  it('the Block streams are equal apart from origins, cell for cell', async () => {
    const strip = async (p: string) =>
      (await readSource(new Uint8Array(readFileSync(join(root, p))), { filePath: p })).blocks.map((b) =>
        b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.map((c) => [c.text, !!c.mergedAbove, !!c.mergedLeft])),
      );
    const word = await strip('fixtures/seed/seed.docx');
    expect(await strip('fixtures/xlsx/seed-stacked.xlsx')).toEqual(word);
    expect(await strip('fixtures/xlsx/seed-per-sheet.xlsx')).toEqual(word);
  });

  it('origins point at sheet cells: stacked on one sheet, or one project a sheet', async () => {
    const stacked = await load('fixtures/xlsx/seed-stacked.xlsx');
    const perSheet = await load('fixtures/xlsx/seed-per-sheet.xlsx');
    // Department part rows 1–17, then the title (row 18) and the table from row 19.
    expect(stacked.projects[0].fields.code.origin).toEqual({ sheet: '绩效目标表', sheetIndex: 1, row: 20, col: 2 } satisfies SheetOrigin);
    expect(stacked.projects[0].indicators[0].cells.value).toEqual({ sheet: '绩效目标表', sheetIndex: 1, row: 27, col: 5 });
    // 17 table rows + a blank row: the second table starts 18 rows lower.
    expect(stacked.projects[1].fields.code.origin).toEqual({ sheet: '绩效目标表', sheetIndex: 1, row: 39, col: 2 });
    expect(perSheet.projects[0].fields.code.origin).toEqual({ sheet: '1、城乡居民养老保险区财政补贴', sheetIndex: 2, row: 3, col: 2 });
    expect(perSheet.projects[17].indicators[0].origin).toMatchObject({ sheetIndex: 19, row: 10 });
    expect(perSheet.department.origin).toMatchObject({ sheet: '部门整体绩效目标', sheetIndex: 1 });
  });

  it('typed numbers read as the Word text: 800 with 0.00 is 800.00, 0.25 with 0% is 25%', async () => {
    const xlsx = await load('fixtures/xlsx/seed-stacked.xlsx');
    expect(xlsx.projects[0].budget.totalRaw).toBe('800.00');
    expect(xlsx.projects[2].spendPlan.values.map((v) => v.raw)).toEqual(['25%', '50%', '75%', '100%']);
  });
});
