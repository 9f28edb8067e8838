/**
 * Issue 11: the template-family fixtures (fixtures/templates/<family>/, made by
 * scripts/make-template-fixtures.ts) read right in every format.
 *
 * - Golden: each .docx, LibreOffice text, .doc and .xlsx parsed with the library API gives the facts
 *   of its <stem>.truth.json (what the generator wrote: template, code, name, budget, spend plan,
 *   goal counts, every annual 指标值 raw and typed, long-term indicator count, cost items).
 * - Differential: the four formats of one document give the same AST apart from origins.
 *
 * A failure prints the fidelity per family and format (share of facts right) and the facts that
 * differ, so whoever works on the grammar or a reader sees where they stand.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JxDocument } from '../src/ast/types.js';
import { parse } from '../src/index.js';
import { compareDocument, type FactResult, fidelity, withoutOrigins } from '../scripts/template-fixtures/compare.js';
import type { DocumentTruth } from '../scripts/template-fixtures/corpus.js';

const root = join(import.meta.dirname, '..');
const base = join(root, 'fixtures/templates');
const FORMATS = ['docx', 'txt', 'doc', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

interface Case {
  family: string;
  stem: string;
  format: Format;
  path: string;
  truth: DocumentTruth;
}

const cases: Case[] = readdirSync(base, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(base, d.name))
      .filter((f) => f.endsWith('.truth.json'))
      .sort()
      .flatMap((f) => {
        const truth = JSON.parse(readFileSync(join(base, d.name, f), 'utf8')) as DocumentTruth;
        return FORMATS.map((format) => ({ family: d.name, stem: truth.stem, format, path: join(base, d.name, `${truth.stem}.${format}`), truth }));
      }),
  );

const parsed = new Map<string, { document: JxDocument | null; error: string | null; facts: FactResult[] }>();

/** Fidelity per family and format over all fixtures, as a small table for failure messages. */
function fidelityTable(): string {
  const families = [...new Set(cases.map((c) => c.family))];
  const lines = [`family         ${FORMATS.map((f) => f.padStart(7)).join('')}   (targets ≥ 0.99; seed-2020 1.00)`];
  for (const family of families) {
    const cells = FORMATS.map((format) => {
      const facts = cases.filter((c) => c.family === family && c.format === format).flatMap((c) => parsed.get(c.path)?.facts ?? []);
      return fidelity(facts).ratio.toFixed(2).padStart(7);
    });
    lines.push(`${family.padEnd(15)}${cells.join('')}`);
  }
  return lines.join('\n');
}

beforeAll(async () => {
  for (const c of cases) {
    try {
      const document = await parse(new Uint8Array(readFileSync(c.path)), { filePath: c.path });
      parsed.set(c.path, { document, error: null, facts: compareDocument(c.truth.projects, document) });
    } catch (e) {
      const facts = compareDocument(c.truth.projects, { projects: [] } as unknown as JxDocument);
      parsed.set(c.path, { document: null, error: String((e as Error).message ?? e), facts });
    }
  }
}, 300_000);

describe('template fixtures: the files are there', () => {
  it('every family has documents in all four formats', () => {
    const families = new Set(cases.map((c) => c.family));
    expect([...families].sort()).toEqual(['core-2021', 'hubei', 'hunan', 'national-2016', 'seed-2020']);
    for (const c of cases) expect(existsSync(c.path), c.path).toBe(true);
  });
});

describe('template fixtures: each file reads as its truth', () => {
  it.each(cases.map((c) => [`${c.stem}.${c.format}`, c] as const))('%s', (_, c) => {
    const got = parsed.get(c.path)!;
    const wrong = got.facts.filter((f) => !f.ok).map((f) => f.detail);
    const f = fidelity(got.facts);
    const message = [
      `${c.stem}.${c.format}: fidelity ${f.ok}/${f.total} = ${f.ratio.toFixed(3)} on the issue's facts${got.error ? `; parse threw: ${got.error}` : ''}`,
      fidelityTable(),
      ...wrong.slice(0, 25),
      wrong.length > 25 ? `… and ${wrong.length - 25} more` : '',
    ].join('\n');
    expect(got.error, message).toBeNull();
    expect(wrong, message).toEqual([]);
  });
});

describe('template fixtures: .docx, text, .doc and .xlsx of one document give the same AST apart from origins', () => {
  const docs = [...new Map(cases.map((c) => [c.stem, c])).values()];
  it.each(docs.flatMap((d) => FORMATS.filter((f) => f !== 'docx').map((format) => [`${d.stem}: ${format} = docx`, d, format] as const)))(
    '%s',
    (_, d, format) => {
      const docx = parsed.get(d.path.replace(/\.[a-z]+$/, '.docx'))!;
      const other = parsed.get(d.path.replace(/\.[a-z]+$/, `.${format}`))!;
      expect(docx.error, `the .docx did not parse: ${docx.error}`).toBeNull();
      expect(other.error, `the .${format} did not parse: ${other.error}`).toBeNull();
      expect(withoutOrigins(other.document!.projects), `${d.stem}.${format} vs .docx\n${fidelityTable()}`).toEqual(withoutOrigins(docx.document!.projects));
      expect(withoutOrigins(other.document!.department)).toEqual(withoutOrigins(docx.document!.department));
    },
  );
});
