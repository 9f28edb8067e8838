/**
 * Writes docs/rules/<id>.md (and docs/rules/README.md) from the rules' meta.
 *   npx tsx scripts/gen-rule-docs.ts          write the pages, remove pages of rules that no longer exist
 *   npx tsx scripts/gen-rule-docs.ts --check  exit 1 when a page is missing, stale or left over
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules } from '../rules/index.js';
import { generateRuleDocs } from '../src/engine/docs.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const files = generateRuleDocs(allRules);
const dir = join(root, 'docs/rules');
const problems: string[] = [];

mkdirSync(dir, { recursive: true });
for (const [path, content] of files) {
  const abs = join(root, path);
  const current = existsSync(abs) ? readFileSync(abs, 'utf8') : null;
  if (current === content) continue;
  if (check) problems.push(`${path} ${current === null ? 'missing' : 'out of date'}`);
  else writeFileSync(abs, content);
}
for (const name of readdirSync(dir)) {
  const path = `docs/rules/${name}`;
  if (!name.endsWith('.md') || files.has(path)) continue;
  if (check) problems.push(`${path} belongs to no rule`);
  else unlinkSync(join(root, path));
}
if (check && problems.length > 0) {
  console.error(`规则文档需要重新生成：npx tsx scripts/gen-rule-docs.ts（Rule docs are stale: ${problems.join('; ')}）`);
  process.exit(1);
}
if (!check) console.log(`wrote ${files.size} pages to docs/rules/`);
