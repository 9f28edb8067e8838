/**
 * What every fuzz suite checks of one input: parse + lint never throws anything but a SourceError,
 * gives exactly one result (a document linted, or one clear line), and the result is bounded by the
 * input (no amplification: projects and messages grow at most linearly with the input's lines).
 * Seeds are fixed (FUZZ_SEED overrides); fast-check prints the seed and path of a failure, and
 * `FUZZ_RUNS_SCALE=10` runs ten times as many cases.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { lint, SourceError, tryParse, type LintResult } from '../src/index.js';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const scale = Number(process.env.FUZZ_RUNS_SCALE ?? 1);
export const runs = (n: number): number => Math.max(1, Math.round(n * scale));

export type Outcome = { kind: 'linted'; result: LintResult } | { kind: 'refused'; error: SourceError };

/** Reads, parses and lints `bytes`; a thrown non-SourceError fails the property (fast-check reports it with its seed). */
export async function parseAndLint(bytes: Uint8Array, filePath: string, docxReader: 'stream' | 'mammoth' = 'stream'): Promise<Outcome> {
  const parsed = await tryParse(bytes, { filePath, docxReader });
  if (parsed.error) return { kind: 'refused', error: parsed.error };
  return { kind: 'linted', result: lint(parsed.document, {}) };
}

/** The properties every outcome must have. `units` is a size of the input (lines, cells …) that bounds the output. */
export function expectBounded(outcome: Outcome, units: number): void {
  if (outcome.kind === 'refused') {
    expect(outcome.error).toBeInstanceOf(SourceError);
    expect(outcome.error.message).not.toMatch(/\n/);
    expect(outcome.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(outcome.error.messageEn).not.toMatch(/\n/);
    return;
  }
  const r = outcome.result;
  expect(r.messages.length).toBeLessThanOrEqual(100 + 20 * units);
  expect(r.projects.length).toBeLessThanOrEqual(1 + units);
  for (const m of r.messages) expect(typeof m.message).toBe('string');
}

export const fuzzOptions = (numRuns: number): fc.Parameters<unknown> => ({ seed: FUZZ_SEED, numRuns: runs(numRuns), endOnFailure: true });
