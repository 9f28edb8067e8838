/**
 * Acceptance (issue 4): the seed, in every fixture format, reports exactly the Part A counts of
 * docs/rule-catalogue.md, counted as the number of TABLES affected.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { resolveConfig } from '../src/engine/config.js';
import { lintDocument } from '../src/engine/lint.js';
import { exactRules } from '../rules/index.js';

/** Tables affected per Part A rule (docs/rule-catalogue.md); every other Part A rule 0. */
const EXPECTED: Record<string, number> = {
  'cost-value-not-amount': 18,
  'placeholder-goal': 8,
  'spend-plan-incomplete': 7,
  'indicator-category-mismatch': 10,
  'quantity-value-percentage': 13,
  'duplicate-indicator': 10,
  'value-missing-unit': 5,
};

const FIXTURES = ['seed.txt', 'seed-rows.txt', 'seed-libreoffice.txt', 'seed-gb18030-crlf.txt', 'seed.docx', 'seed.doc'];

describe('seed: Part A counts (tables affected)', () => {
  for (const file of FIXTURES) {
    it(file, async () => {
      const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/seed/${file}`, import.meta.url)));
      const document = await parse(bytes, { filePath: file });
      expect(document.projects).toHaveLength(18);
      const result = lintDocument(document, { config: resolveConfig({ extends: 'recommended' }), rules: exactRules });
      const tables: Record<string, Set<number>> = {};
      for (const m of result.messages) {
        if (!m.ruleId) continue;
        expect(m.projectIndex, `${m.ruleId} reports a project`).not.toBeNull();
        (tables[m.ruleId] ??= new Set()).add(m.projectIndex!);
      }
      const counts = Object.fromEntries(exactRules.map((r) => [r.meta.id, tables[r.meta.id]?.size ?? 0]));
      const expected = Object.fromEntries(exactRules.map((r) => [r.meta.id, EXPECTED[r.meta.id] ?? 0]));
      expect(counts).toEqual(expected);
      expect(result.messages.filter((m) => m.ruleId === null && m.severity === 2), 'no parse errors').toEqual([]);
    });
  }
});
