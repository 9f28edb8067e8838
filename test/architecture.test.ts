/**
 * docs/architecture.md's "who may import whom", enforced: every relative import of every source file is
 * checked against the table, and the core has no Node-only imports (it must run in a browser).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function files(dir: string): string[] {
  const abs = join(root, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

type Layer = 'ast' | 'sources' | 'grammar' | 'rules' | 'engine' | 'formatters' | 'cli' | 'lsp' | 'serve' | 'node' | 'api';

function layerOf(file: string): Layer | null {
  const f = file.replace(/\\/g, '/');
  if (f.startsWith('src/ast/')) return 'ast';
  if (f.startsWith('src/sources/')) return 'sources';
  if (f.startsWith('grammar/')) return 'grammar';
  if (f.startsWith('rules/')) return 'rules';
  if (f.startsWith('src/engine/')) return 'engine';
  if (f.startsWith('src/formatters/')) return 'formatters';
  if (f.startsWith('src/cli/')) return 'cli';
  if (f.startsWith('src/lsp/')) return 'lsp';
  if (f.startsWith('src/serve/')) return 'serve';
  if (f.startsWith('src/node/') || f === 'src/node.ts') return 'node';
  if (f === 'src/index.ts') return 'api';
  return null;
}

/** May import (besides itself). `types` marks imports that must be type-only. */
const allowed: Record<Layer, Layer[]> = {
  ast: [],
  sources: ['ast'],
  grammar: ['ast', 'sources'],
  rules: ['ast', 'engine'],
  engine: ['sources', 'grammar', 'ast', 'rules'],
  formatters: ['engine', 'ast'],
  api: ['ast', 'sources', 'grammar', 'engine', 'rules', 'formatters'],
  node: ['api', 'sources', 'engine', 'ast'],
  cli: ['api', 'node', 'formatters', 'lsp', 'serve'], // lsp, serve: only the lazy imports of src/lsp/index.ts and src/serve/index.ts by `jxlint lsp` / `jxlint serve` (the test below)
  lsp: ['api', 'node', 'formatters'],
  serve: ['api', 'node', 'formatters'],
};

/** Files of the core that may use Node built-ins (thin file-reading edges). */
const nodeEdges = new Set(['src/sources/doc.ts']);
const core: Layer[] = ['ast', 'sources', 'grammar', 'rules', 'engine', 'api'];

const all = ['src', 'grammar', 'rules'].flatMap(files);

function imports(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(join(root, file), 'utf8');
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) out.push({ spec: m[3], typeOnly: !!m[2] });
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false });
  return out;
}

describe('architecture', () => {
  it('finds the source files', () => {
    expect(all.length).toBeGreaterThan(30);
  });

  it.each(all)('%s imports only what docs/architecture.md allows', (file) => {
    const from = layerOf(file);
    if (!from) return;
    const bad: string[] = [];
    for (const { spec, typeOnly } of imports(file)) {
      if (!spec.startsWith('.')) continue;
      const target = relative(root, resolve(root, dirname(file), spec)).replace(/\.js$/, '.ts');
      const to = layerOf(target);
      if (!to || to === from) continue;
      // rules may import only the rule-context types of the engine, and defineRule (types only itself)
      if (from === 'rules' && to === 'engine' && !typeOnly && target !== 'src/engine/define-rule.ts') bad.push(`${spec} (rules may import engine types and defineRule only)`);
      // formatters may import only the result types of the engine
      else if (from === 'formatters' && to === 'engine' && !typeOnly) bad.push(`${spec} (formatters may import engine types only)`);
      else if (!allowed[from].includes(to)) bad.push(`${spec} (${from} → ${to})`);
    }
    expect(bad).toEqual([]);
  });

  // The CLI is argument parsing and output: it reaches the library through src/index.ts, the Node
  // API through src/node.ts and the formatters — never into src/node/* (issue 9, item 2). The one
  // other door is the server the `lsp` command starts (src/lsp/index.ts). `--version` reads the
  // version from src/node/version.ts directly, a leaf, so it does not load the whole Node API.
  it.each(all.filter((f) => layerOf(f) === 'cli'))('%s (CLI) imports only src/index.ts, src/node.ts and formatters', (file) => {
    const bad: string[] = [];
    for (const { spec } of imports(file)) {
      if (!spec.startsWith('.')) continue;
      const target = relative(root, resolve(root, dirname(file), spec)).replace(/\\/g, '/').replace(/\.js$/, '.ts');
      if (target.startsWith('src/cli/') || ['src/index.ts', 'src/node.ts', 'src/node/version.ts', 'src/lsp/index.ts', 'src/serve/index.ts'].includes(target) || target.startsWith('src/formatters/')) continue;
      bad.push(spec);
    }
    expect(bad).toEqual([]);
  });

  it.each(all.filter((f) => core.includes(layerOf(f) as Layer) && !nodeEdges.has(f)))('%s (core) has no Node-only imports', (file) => {
    const nodeImports = imports(file).filter(({ spec, typeOnly }) => !typeOnly && (spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'worker_threads', 'word-extractor'].includes(spec)));
    expect(nodeImports).toEqual([]);
  });
});
