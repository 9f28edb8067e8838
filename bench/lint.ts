/** Rule engine speed: linting the parsed seed (18 tables) with every rule on, in-process, warm. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules } from '../rules/index.js';
import { resolveConfig } from '../src/engine/config.js';
import { lintDocument } from '../src/engine/lint.js';
import { parse } from '../src/index.js';
import { type BenchRow, medianMs, repoRoot } from './util.js';

export async function benchLint(): Promise<BenchRow[]> {
  const seed = new Uint8Array(readFileSync(path.join(repoRoot(), 'fixtures/seed/seed.txt')));
  const document = await parse(seed, { filePath: 'seed.txt' });
  const config = resolveConfig({ extends: 'all' });
  const messages = lintDocument(document, { config }).messages.length;
  const warm = await medianMs(() => lintDocument(document, { config }), 500, 100);
  const partA = resolveConfig({ extends: 'recommended' });
  const recommended = await medianMs(() => lintDocument(document, { config: partA }), 500, 100);
  return [
    {
      name: `lint parsed seed, all ${allRules.length} rules on (warm, median; ${messages} messages)`,
      value: warm,
      unit: 'ms',
      target: '< 2 ms',
      ok: warm < 2,
    },
    { name: 'lint parsed seed, `recommended` preset (warm, median)', value: recommended, unit: 'ms' },
  ];
}

// `npx tsx bench/lint.ts` prints the rows on its own.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { printRows } = await import('./util.js');
  printRows('lint', await benchLint());
}
