/**
 * Builds the template-family fixtures (issue 11) from code, so each file's source template and
 * content are readable here and in scripts/template-fixtures/:
 *
 *   npx tsx scripts/make-template-fixtures.ts            # writes fixtures/templates/<family>/
 *   npx tsx scripts/make-template-fixtures.ts --out DIR  # the same files elsewhere
 *
 * Per family (seed-2020, hunan, core-2021, hubei, national-2016; docs/templates.md describes each
 * template cell by cell, scripts/template-fixtures/families.ts renders it) three documents:
 * `<family>-seed` (three of the seed's own projects poured into the template), `<family>-synthetic-a`
 * and `-b` (random projects from a fixed seed, with planted defects). Each document is written as
 * .docx (the `docx` package), .xlsx (exceljs; numbers typed with formats 0.00 / 0%; one sheet
 * stacked or one project per sheet), and through LibreOffice as .doc and LibreOffice text (UTF-8,
 * one cell a line) — LibreOffice is needed to regenerate, not to run the tests. Beside them
 * <stem>.truth.json holds what the generator wrote (not what the parser reads).
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './docx-fixtures/seed.js';
import { committedSpecs, convertAll, makeDocument, writeDocument } from './template-fixtures/corpus.js';
import { sofficeAvailable } from './template-fixtures/write.js';

export { committedSpecs, convertAll, inSeedTemplate, makeDocument, writeDocument, FORMATS } from './template-fixtures/corpus.js';
export type { DocumentTruth, Format, TemplateDocument } from './template-fixtures/corpus.js';

async function main(): Promise<void> {
  const outAt = process.argv.indexOf('--out');
  const base = outAt > 0 ? process.argv[outAt + 1] : join(ROOT, 'fixtures/templates');
  if (!sofficeAvailable()) {
    console.error('需要 LibreOffice（soffice）来生成 .doc 和文本导出（LibreOffice is needed to write the .doc and text fixtures: install it, or run where it is installed）');
    process.exit(2);
  }
  const docxPaths: string[] = [];
  for (const spec of committedSpecs()) {
    const dir = join(base, spec.family);
    if (!docxPaths.some((p) => p.startsWith(dir + '/')) && existsSync(dir)) {
      for (const f of readdirSync(dir)) if (/\.(docx|doc|txt|xlsx|truth\.json)$/.test(f)) rmSync(join(dir, f));
    }
    mkdirSync(dir, { recursive: true });
    const doc = await makeDocument(spec);
    docxPaths.push(await writeDocument(dir, doc));
    console.log(`${spec.family}/${spec.stem}: ${doc.truth.projects.length} projects, ${doc.truth.planted.length} planted defects, variant ${JSON.stringify(doc.variant)}`);
  }
  convertAll(docxPaths);
  console.log(`${docxPaths.length} documents × docx, xlsx, doc, txt under ${base}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
