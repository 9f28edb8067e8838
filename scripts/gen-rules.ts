/**
 * Writes what is derived from the rule files (由规则文件生成), so a new rule is its file and its test:
 * - `rules/index.ts`, the registry: every `rules/<id>.ts`, exact rules first, then heuristics; a rule
 *   keeps its place, a new one goes at the end of its kind, a deleted one leaves;
 * - `docs/rules/<id>.md` and the index `docs/rules/README.md`, from each rule's meta.
 *
 *   npx tsx scripts/gen-rules.ts          write them (and remove pages of rules that no longer exist)
 *   npx tsx scripts/gen-rules.ts --check  exit 1 when a file is missing, stale or left over
 *
 * `test/rules-registry.test.ts` and `test/engine-rule-docs.test.ts` make the same checks.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateRuleDocs } from '../src/engine/docs.js';
import type { Rule, RuleKind } from '../src/engine/types.js';

/** A rule file as the registry sees it: the id (the file name), the exported binding and the rule. */
export interface RuleModule {
  id: string;
  exportName: string;
  rule: Rule;
}

export const REGISTRY_PATH = 'rules/index.ts';

function isRule(value: unknown): value is Rule {
  return typeof value === 'object' && value !== null && 'meta' in value && typeof (value as Rule).create === 'function';
}

/** The rule a module of `rules/<id>.ts` exports under that id; throws a one-line error when there is none. */
export function ruleModuleOf(id: string, exports: Record<string, unknown>): RuleModule {
  const found = Object.entries(exports).filter(([, v]) => isRule(v) && v.meta.id === id);
  if (found.length !== 1) {
    throw new Error(
      `rules/${id}.ts 应导出且只导出一条 id 为 "${id}" 的规则（defineRule）（rules/${id}.ts must export exactly one rule with id "${id}", made with defineRule）`,
    );
  }
  const [exportName, rule] = found[0]!;
  return { id, exportName, rule: rule as Rule };
}

/** The export names of the registry's list, in order (empty when there is no registry yet). */
function previousOrder(previous: string | null): string[] {
  const list = previous?.match(/export const allRules: Rule\[\] = \[\n([\s\S]*?)\n\];/)?.[1] ?? '';
  return [...list.matchAll(/^\s+([A-Za-z0-9_$]+),$/gm)].map((m) => m[1]!);
}

const KIND_COMMENTS: Record<RuleKind, string> = { exact: 'exact (精确规则)', heuristic: 'heuristic (启发式规则)' };

/** The text of `rules/index.ts` for these rule files, keeping the order of the previous registry. */
export function renderRuleRegistry(modules: readonly RuleModule[], previous: string | null): string {
  const before = previousOrder(previous);
  const place = (m: RuleModule) => {
    const i = before.indexOf(m.exportName);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const inOrder = (kind: RuleKind) =>
    modules
      .filter((m) => m.rule.meta.kind === kind)
      .sort((a, b) => place(a) - place(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byFile = [...modules].sort((a, b) => (a.id < b.id ? -1 : 1));
  const out = [
    '/**',
    ' * The rule registry: every rule jxlint knows, exact rules first, then the heuristics, each kind in',
    ' * the order the rules were added. GENERATED from the files of rules/ by scripts/gen-rules.ts — do',
    ' * not edit; a new rule file is added by running `npx tsx scripts/gen-rules.ts`.',
    ' * Look rules up through src/engine/registry.ts (`getRule`, `ruleSummaries`, `explainRule`).',
    ' */',
    "import type { Rule } from '../src/engine/types.js';",
    ...byFile.map((m) => `import { ${m.exportName} } from './${m.id}.js';`),
    '',
    'export const allRules: Rule[] = [',
  ];
  for (const kind of ['exact', 'heuristic'] as const) {
    out.push(`  // ${KIND_COMMENTS[kind]}`);
    for (const m of inOrder(kind)) out.push(`  ${m.exportName},`);
  }
  out.push(
    '];',
    '',
    '/** The exact rules (精确规则): each finding is a fact of the table; all on in `recommended`. */',
    "export const exactRules: Rule[] = allRules.filter((r) => r.meta.kind === 'exact');",
    '/** The heuristic rules (启发式规则): likely problems a person confirms; opt-in. */',
    "export const heuristicRules: Rule[] = allRules.filter((r) => r.meta.kind === 'heuristic');",
    '',
  );
  return out.join('\n');
}

/** The rules of a registry text, in its order (for the docs, which are generated in the same run). */
function rulesInRegistryOrder(modules: readonly RuleModule[], registry: string): Rule[] {
  const byExport = new Map(modules.map((m) => [m.exportName, m.rule]));
  return previousOrder(registry).map((name) => byExport.get(name)!);
}

async function main(): Promise<void> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const check = process.argv.includes('--check');
  const problems: string[] = [];
  const update = (path: string, content: string) => {
    const abs = join(root, path);
    const current = existsSync(abs) ? readFileSync(abs, 'utf8') : null;
    if (current === content) return;
    if (check) problems.push(`${path} ${current === null ? 'missing' : 'out of date'}`);
    else writeFileSync(abs, content);
  };

  const ids = readdirSync(join(root, 'rules'))
    .filter((n) => n.endsWith('.ts') && n !== 'index.ts')
    .map((n) => n.slice(0, -3))
    .sort();
  const modules: RuleModule[] = [];
  for (const id of ids) {
    modules.push(ruleModuleOf(id, (await import(pathToFileURL(join(root, 'rules', `${id}.ts`)).href)) as Record<string, unknown>));
  }
  const registryPath = join(root, REGISTRY_PATH);
  const registry = renderRuleRegistry(modules, existsSync(registryPath) ? readFileSync(registryPath, 'utf8') : null);
  update(REGISTRY_PATH, registry);

  const files = generateRuleDocs(rulesInRegistryOrder(modules, registry));
  mkdirSync(join(root, 'docs/rules'), { recursive: true });
  for (const [path, content] of files) update(path, content);
  for (const name of readdirSync(join(root, 'docs/rules'))) {
    const path = `docs/rules/${name}`;
    if (!name.endsWith('.md') || files.has(path)) continue;
    if (check) problems.push(`${path} belongs to no rule`);
    else unlinkSync(join(root, path));
  }

  if (check && problems.length > 0) {
    console.error(`规则注册表或规则文档需要重新生成：npx tsx scripts/gen-rules.ts（Stale: ${problems.join('; ')}）`);
    process.exit(1);
  }
  if (!check) console.log(`${REGISTRY_PATH}: ${modules.length} rules; docs/rules/: ${files.size} pages`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
