/**
 * The seed (fixtures/seed/seed.txt) as the heuristic rules see it: every heuristic rule on at its
 * default severity and options, so the counts include what a rule gives way to another. Each heuristic
 * rule's test file declares its counts (`ruleTester(rule, { seed: [findings, tables], … })`), so a
 * change to a heuristic is a visible, reviewed change in the rule's own test.
 */
import { readFileSync } from 'node:fs';
import { heuristicRules } from '../../rules/index.js';
import { resolveConfig } from '../../src/engine/config.js';
import { lintDocument } from '../../src/engine/lint.js';
import type { LayoutPolicy, LintMessage, Rule } from '../../src/engine/types.js';
import { parseText } from '../../src/index.js';

/** Findings of one rule on the seed, and how many tables they fall in (document-level ones in none). */
export type SeedCounts = readonly [findings: number, tables: number];

const root = new URL('../../', import.meta.url);
export const readRepoFile = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** Lints a text with the given rules, all on at their default severity and options. */
export function lintWith(text: string, file: string, rules: readonly Rule[], layout?: LayoutPolicy): LintMessage[] {
  const document = parseText(text, file);
  const config = resolveConfig({ extends: 'all', ...(layout ? { layout } : {}) }, undefined, { source: 'coverage', rules: [...rules] });
  return lintDocument(document, { config, rules }).messages;
}

/** [findings, tables] per rule id. */
export function countByRule(messages: readonly LintMessage[]): Map<string, SeedCounts> {
  const out = new Map<string, { findings: number; tables: Set<number> }>();
  for (const m of messages) {
    if (!m.ruleId) continue;
    const e = out.get(m.ruleId) ?? { findings: 0, tables: new Set<number>() };
    e.findings++;
    if (m.projectIndex !== null) e.tables.add(m.projectIndex);
    out.set(m.ruleId, e);
  }
  return new Map([...out].map(([id, e]) => [id, [e.findings, e.tables.size] as const]));
}

let seedCounts: Map<string, SeedCounts> | null = null;
/** What a heuristic rule reports on the seed with every heuristic rule on: [findings, tables]. */
export function heuristicSeedCounts(id: string): SeedCounts {
  seedCounts ??= countByRule(lintWith(readRepoFile('fixtures/seed/seed.txt'), 'seed.txt', heuristicRules));
  return seedCounts.get(id) ?? [0, 0];
}

/** The fixture written to show a heuristic rule that the seed does not trigger. */
export const partbFixture = (id: string): string => `fixtures/partb/${id}.txt`;

/** The seed counts a rule's test file declares (`seed: [findings, tables]`), or null when it declares none. */
export function declaredSeedCounts(id: string): SeedCounts | null {
  const m = readRepoFile(`test/rules/${id}.test.ts`).match(/\bseed:\s*\[\s*(\d+)\s*,\s*(\d+)\s*\]/);
  return m ? [Number(m[1]), Number(m[2])] : null;
}
