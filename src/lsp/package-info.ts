/**
 * Where the installed jxlint package lives (found upward from this module, in src/lsp/, dist/src/lsp/
 * or the esbuild bundle in dist/bin/): its version and the rule pages under docs/rules/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface PackageInfo {
  root: string | null;
  version: string;
}

let cached: PackageInfo | null = null;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'jxlint') return (cached = { root: dir, version: pkg.version ?? '0.0.0' });
      } catch {
        // not ours; keep looking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return (cached = { root: null, version: '0.0.0' });
}

const GITHUB_DOCS = 'https://github.com/jxlint/jxlint/blob/main/docs/rules/';

/** The rule's documentation page: docs/rules/<id>.md of the installed package (file URL). */
const hrefs = new Map<string, string>();
export function ruleDocsHref(ruleId: string): string {
  let href = hrefs.get(ruleId);
  if (href) return href;
  const { root } = packageInfo();
  const file = root ? path.join(root, 'docs', 'rules', `${ruleId}.md`) : null;
  href = file && existsSync(file) ? pathToFileURL(file).href : `${GITHUB_DOCS}${encodeURIComponent(ruleId)}.md`;
  hrefs.set(ruleId, href);
  return href;
}
