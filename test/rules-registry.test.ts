/**
 * The registry is complete and generated: rules/index.ts is what scripts/gen-rules.ts writes from the
 * files of rules/, and every rule has its file (named by id, exporting the rule), its docs (every
 * field, bad and good examples), its generated page, its test file, and every message in both
 * languages with the same placeholders. Rule files import only what docs/architecture.md allows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules, exactRules, heuristicRules } from '../rules/index.js';
import { placeholdersOf } from '../src/engine/messages.js';
import { getRule, ruleIds, ruleSummaries } from '../src/engine/registry.js';
import type { Rule, RuleCategory } from '../src/engine/types.js';
import { REGISTRY_PATH, renderRuleRegistry, ruleModuleOf } from '../scripts/gen-rules.js';

const root = new URL('../', import.meta.url);
/** Every module in rules/, loaded by vite's glob import (a variable dynamic import cannot resolve .js → .ts). */
const ruleModules = (import.meta as unknown as { glob: (p: string, o: { eager: true }) => Record<string, Record<string, unknown>> }).glob(
  '../rules/*.ts',
  { eager: true },
);
const exists = (path: string) => existsSync(new URL(path, root));

const PART_A_IDS = [
  'cost-value-not-amount',
  'placeholder-goal',
  'missing-spend-plan',
  'spend-plan-incomplete',
  'spend-plan-not-cumulative',
  'indicator-category-mismatch',
  'budget-sum-mismatch',
  'cost-exceeds-budget',
  'value-missing-unit',
  'quantity-value-percentage',
  'value-not-measurable',
  'satisfaction-threshold-low',
  'percent-out-of-range',
  'duplicate-indicator',
  'missing-level1-category',
  'missing-required-field',
  'duplicate-project-code',
];
const CATEGORIES: RuleCategory[] = ['structure', 'category', 'value', 'goal', 'budget', 'consistency', 'required'];

/**
 * Relative imports a rule file may have (docs/architecture.md: rules import the AST, the rule types
 * and `defineRule`, which imports nothing but types).
 */
function allowedImport(spec: string, inShared: boolean): boolean {
  const up = inShared ? '../../' : '../';
  return (
    spec === `${up}src/ast/types.js` ||
    spec === `${up}src/engine/types.js` ||
    (!inShared && spec === '../src/engine/define-rule.js') ||
    (inShared ? /^\.\/[a-z0-9-]+\.js$/.test(spec) : /^\.\/(shared\/)?[a-z0-9-]+\.js$/.test(spec))
  );
}

describe('rule registry', () => {
  it('rules/index.ts is generated from the files of rules/ (npx tsx scripts/gen-rules.ts)', () => {
    const modules = Object.entries(ruleModules)
      .map(([path, exports]) => [path.replace(/^\.\.\/rules\/|\.ts$/g, ''), exports] as const)
      .filter(([id]) => id !== 'index')
      .map(([id, exports]) => ruleModuleOf(id, exports));
    expect(allRules.map((r) => r.meta.id).sort(), 'every rule file is registered').toEqual(modules.map((m) => m.id).sort());
    const current = readFileSync(new URL(REGISTRY_PATH, root), 'utf8');
    expect(current, `${REGISTRY_PATH} is stale: run npx tsx scripts/gen-rules.ts`).toBe(renderRuleRegistry(modules, current));
  });

  it('has the 17 exact rules of docs/rule-catalogue.md Part A; every other rule is a heuristic', () => {
    expect(exactRules.map((r) => r.meta.id).sort()).toEqual([...PART_A_IDS].sort());
    for (const r of allRules) expect(r.meta.kind).toBe(PART_A_IDS.includes(r.meta.id) ? 'exact' : 'heuristic');
    expect(heuristicRules).toHaveLength(allRules.length - PART_A_IDS.length);
  });

  it('has unique kebab-case ids, and allRules = exact rules, then heuristics', () => {
    const ids = allRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(allRules).toEqual([...exactRules, ...heuristicRules]);
    expect(ruleIds().sort()).toEqual([...ids].sort());
    for (const id of ids) expect(getRule(id)?.meta.id).toBe(id);
  });

  it('lists summaries in both languages', () => {
    const zh = ruleSummaries('zh-CN');
    const en = ruleSummaries('en');
    expect(zh).toHaveLength(allRules.length);
    for (const [i, s] of zh.entries()) {
      expect(s.description).toBe(getRule(s.id)!.meta.docs.description);
      expect(en[i]!.description).toBe(getRule(s.id)!.meta.docs.descriptionEn);
      expect(s.docsUrl).toBe(`docs/rules/${s.id}.md`);
    }
  });

  describe.each(allRules.map((r) => [r.meta.id, r] as [string, Rule]))('%s', (id, rule) => {
    it('is made with defineRule: visitors, no hand-placed reports', () => {
      expect(typeof rule.create).toBe('function');
      const source = readFileSync(new URL(`rules/${id}.ts`, root), 'utf8');
      expect(source).toMatch(/= defineRule\(\{/);
      expect(source, 'reports name a node, not a role').not.toMatch(/\brole: '/);
      expect(source, 'reports name a node, not a project').not.toMatch(/\bproject: (?:project|p|null)\b/);
    });

    it('lives in rules/<id>.ts and is exported from it', () => {
      expect(exists(`rules/${id}.ts`), `rules/${id}.ts`).toBe(true);
      const mod = ruleModules[`../rules/${id}.ts`];
      expect(mod, `rules/${id}.ts is a module`).toBeDefined();
      expect(Object.values(mod!)).toContain(rule);
    });

    it('imports only the AST, the rule types and rules/shared', () => {
      const source = readFileSync(new URL(`rules/${id}.ts`, root), 'utf8');
      for (const m of source.matchAll(/(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]/g)) {
        expect(allowedImport(m[1]!, false), `${id} imports ${m[1]}`).toBe(true);
      }
    });

    it('has a test file', () => {
      expect(exists(`test/rules/${id}.test.ts`), `test/rules/${id}.test.ts`).toBe(true);
    });

    it('has complete meta and docs', () => {
      const { meta } = rule;
      expect(meta.id).toBe(id);
      expect(CATEGORIES).toContain(meta.category);
      expect(['info', 'warn', 'error']).toContain(meta.defaultSeverity);
      expect(typeof meta.fixable).toBe('boolean');
      const d = meta.docs;
      for (const field of ['description', 'descriptionEn', 'why', 'bad', 'good', 'basis'] as const) {
        expect(d[field]?.trim(), `docs.${field}`).toBeTruthy();
      }
      if (meta.kind === 'heuristic') expect(d.limits?.trim(), 'heuristic docs say what the heuristic cannot know (docs.limits)').toBeTruthy();
      expect(d.bad).not.toBe(d.good);
      expect(exists(`docs/rules/${id}.md`), `docs/rules/${id}.md (npx tsx scripts/gen-rules.ts)`).toBe(true);
    });

    it('has every message in zh-CN and en with the same placeholders', () => {
      const entries = Object.entries(rule.meta.messages);
      expect(entries.length).toBeGreaterThan(0);
      for (const [messageId, m] of entries) {
        expect(m['zh-CN']?.trim(), `${messageId} zh-CN`).toBeTruthy();
        expect(m.en?.trim(), `${messageId} en`).toBeTruthy();
        expect(m['zh-CN'], `${messageId} zh-CN is Chinese`).toMatch(/[\u4e00-\u9fa5]/);
        const zh = new Set(placeholdersOf(m['zh-CN']));
        const en = new Set(placeholdersOf(m.en));
        // English may spell a Chinese-only placeholder differently (kind / kindEn), but not drop data.
        const normalise = (s: Set<string>) => [...s].map((p) => p.replace(/En$/, '')).sort();
        expect(normalise(en), `${messageId}: placeholders`).toEqual(normalise(zh));
      }
    });

    it('declares its options consistently', () => {
      const schema = rule.optionsSchema ?? {};
      const defaults = rule.defaultOptions ?? {};
      expect(Object.keys(defaults).sort()).toEqual(Object.keys(schema).sort());
      if (Object.keys(schema).length > 0) expect(rule.meta.docs.options?.trim(), 'docs.options').toBeTruthy();
      for (const spec of Object.values(schema)) {
        expect(spec.description.trim()).toBeTruthy();
        expect(spec.descriptionEn.trim()).toBeTruthy();
      }
    });
  });

  it('src/engine/define-rule.ts, which rules import at run time, imports nothing but types', () => {
    const source = readFileSync(new URL('src/engine/define-rule.ts', root), 'utf8');
    const imports = [...source.matchAll(/^import (type )?[^'"]*from/gm)];
    expect(imports.length).toBeGreaterThan(0);
    for (const m of imports) expect(m[1], m[0]).toBe('type ');
  });

  it('shared helpers import only the AST, the rule types and each other', async () => {
    const { readdirSync } = await import('node:fs');
    for (const name of readdirSync(new URL('rules/shared/', root))) {
      const source = readFileSync(new URL(`rules/shared/${name}`, root), 'utf8');
      for (const m of source.matchAll(/(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]/g)) {
        expect(allowedImport(m[1]!, true), `shared/${name} imports ${m[1]}`).toBe(true);
      }
    }
  });
});
