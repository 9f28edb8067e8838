/**
 * Issue 11, red team: documents of each template family in arrangements real forms use but the
 * fixture generator (scripts/template-fixtures/) never makes — see test/templates-variants-cases.ts
 * for each case's arrangement. Each case is committed under fixtures/templates-variants/ as Word
 * row-per-line text, .docx, .xlsx and LibreOffice text (scripts/make-templates-variants.ts) and,
 * parsed with the library API, must give every fact the targets name: template, code,
 * name, budget total/fiscal/other/superior in 万元, spend plan (four nulls when the family has
 * none), annual and long-term goal counts, long-term indicator count, cost items, and every annual
 * 指标值 raw and typed (op, number, unit, kind) — trailing rows read as no indicator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { compareDocument } from '../scripts/template-fixtures/compare.js';
import { VARIANT_CASES, VARIANT_FORMATS } from './templates-variants-cases.js';

const base = join(import.meta.dirname, '../fixtures/templates-variants');

const rows = VARIANT_CASES.flatMap((c) => (c.formats ?? VARIANT_FORMATS).map((format) => ({ c, format })));

describe('templates-variants: real arrangements the generator does not make', () => {
  it('has cases in every family and format', () => {
    expect(new Set(VARIANT_CASES.map((c) => c.family))).toEqual(new Set(['seed-2020', 'hunan', 'core-2021', 'hubei', 'national-2016']));
    expect(new Set(rows.map((r) => r.format))).toEqual(new Set(VARIANT_FORMATS));
  });

  it.each(rows.map((r) => [`${r.c.id}.${r.format}`, r] as const))('%s reads every expected fact', async (_name, { c, format }) => {
    const path = join(base, `${c.id}.${format}`);
    const bytes = readFileSync(path);
    const doc = await parse(format.endsWith('txt') ? bytes.toString('utf8') : new Uint8Array(bytes), { filePath: path });
    const wrong = compareDocument(c.expect, doc)
      .filter((f) => !f.ok)
      .map((f) => f.detail);
    c.agency?.forEach((agency, i) => {
      if ((doc.projects[i]?.agency ?? null) !== agency) wrong.push(`p${i + 1} agency: want ${agency}, got ${doc.projects[i]?.agency ?? null}`);
    });
    expect(wrong, `${c.arrangement}\n${wrong.join('\n')}`).toEqual([]);
  });
});
