/**
 * One document, four files: `parse` on the seed's .docx (both readers), .doc, text export and
 * HTML gives the same projects, values and department part once origins are set aside.
 * (Origins differ by design: table/row/col for Word and HTML, line/column for text.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JxDocument } from '../src/ast/types.js';
import { parse } from '../src/index.js';

const root = join(import.meta.dirname, '..');

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

const sources: [name: string, path: string, options: object][] = [
  ['seed.docx (streaming reader)', 'fixtures/seed/seed.docx', {}],
  ['seed.docx (mammoth reader)', 'fixtures/seed/seed.docx', { docxReader: 'mammoth' }],
  ['seed.doc', 'fixtures/seed/seed.doc', {}],
  ['seed-gb2312.html', 'fixtures/html/seed-gb2312.html', {}],
  ['seed-shape.docx (docx package)', 'fixtures/docx/seed-shape.docx', {}],
];

describe('parse: .docx, .doc, .html and text give the same AST', () => {
  let text: JxDocument;
  beforeAll(async () => {
    text = await parse(new Uint8Array(readFileSync(join(root, 'fixtures/seed/seed.txt'))), { filePath: 'seed.txt' });
  });

  it('the text export has the 18 projects', () => {
    expect(text.projects).toHaveLength(18);
  });

  it.each(sources)('%s', async (_, path, options) => {
    const doc = await parse(new Uint8Array(readFileSync(join(root, path))), { filePath: path, ...options });
    expect(doc.projects).toHaveLength(18);
    expect(withoutOrigins(doc.projects)).toEqual(withoutOrigins(text.projects));
    expect(withoutOrigins(doc.department)).toEqual(withoutOrigins(text.department));
  });

  it('.doc rows are numbered like the .docx rows (row ends stored as huge paragraph properties included)', async () => {
    const load = (p: string) => parse(new Uint8Array(readFileSync(join(root, p))), { filePath: p });
    const [docx, doc] = await Promise.all([load('fixtures/seed/seed.docx'), load('fixtures/seed/seed.doc')]);
    const rows = (d: JxDocument) => d.projects.map((p) => p.indicators.map((i) => [(i.origin as { table: number }).table, (i.origin as { row: number }).row]));
    expect(rows(doc)).toEqual(rows(docx));
    expect(rows(doc)[0][0]).toEqual([1, 9]);
  });

  it('Word origins point at table, row and grid column', async () => {
    const doc = await parse(new Uint8Array(readFileSync(join(root, 'fixtures/seed/seed.docx'))), { filePath: 'seed.docx' });
    const p = doc.projects[0];
    expect(p.fields.code.origin).toEqual({ table: 1, row: 2, col: 2, paragraph: 1 });
    expect(p.indicators[0].origin).toMatchObject({ table: 1, row: 9 });
    expect(p.indicators[0].cells.value).toEqual({ table: 1, row: 9, col: 5, paragraph: 1 });
  });
});
