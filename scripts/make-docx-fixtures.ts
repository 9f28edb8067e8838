/**
 * Builds the Word, HTML and bad-file fixtures from code, so each file's intent is readable here.
 *
 *   npx tsx scripts/make-docx-fixtures.ts            # writes fixtures/docx, fixtures/html, fixtures/bad
 *
 * .docx files are written with the `docx` package (a second, independent writer beside the
 * LibreOffice-made fixtures/seed/seed.docx). What `docx` cannot express (field codes split over
 * runs, proofErr, gridBefore, text boxes, tracked paragraph marks …) is injected into its
 * document.xml where a marker run `⟦NAME⟧` stands, with the raw WordprocessingML Word writes.
 *
 * One generator a file under scripts/docx-fixtures/: word.ts (fixtures/docx), html.ts (fixtures/html),
 * bad.ts (fixtures/bad) and projects-200.ts; seed.ts and wordml.ts hold what they share. The
 * 200-project document is not committed: `ensureProjects200Docx()` builds it into .bench-cache/docx/
 * on demand (tests and the bench call it). This entry writes the committed fixtures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBadFixtures } from './docx-fixtures/bad.js';
import { makeHtmlFixtures } from './docx-fixtures/html.js';
import { ensureProjects200Docx } from './docx-fixtures/projects-200.js';
import { ROOT } from './docx-fixtures/seed.js';
import { DOCX_FIXTURES } from './docx-fixtures/word.js';

export { makeBadFixtures } from './docx-fixtures/bad.js';
export { makeHtmlFixtures } from './docx-fixtures/html.js';
export { ensureProjects200Docx, makeProjectsDocx, PROJECTS_200 } from './docx-fixtures/projects-200.js';
export { readSeedRows, seedShapedTable, type SeedProject } from './docx-fixtures/seed.js';
export { DOCX_FIXTURES } from './docx-fixtures/word.js';

async function main(): Promise<void> {
  const write = (dir: string, files: Record<string, Uint8Array>): void => {
    mkdirSync(join(ROOT, dir), { recursive: true });
    for (const [name, data] of Object.entries(files)) {
      writeFileSync(join(ROOT, dir, name), data);
      console.log(`${dir}/${name}  ${data.length} bytes`);
    }
  };
  const docx: Record<string, Uint8Array> = {};
  for (const [name, make] of Object.entries(DOCX_FIXTURES)) docx[name] = await make();
  write('fixtures/docx', docx);
  write('fixtures/html', makeHtmlFixtures());
  write('fixtures/bad', makeBadFixtures());
  console.log(`${await ensureProjects200Docx()} (bench cache, not committed)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
