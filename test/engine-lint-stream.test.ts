/**
 * Linting a table at a time (src/engine/lint-stream.ts) gives exactly the whole way's result: the
 * document-level messages, then each table's messages merged with its late ones, and the same
 * counts and summaries — or says it cannot (`complete: false`), never something else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultConfig,
  defineRule,
  lint,
  lintBlocksByProject,
  readBlockStream,
  parse,
  sortMessages,
  type LintMessage,
  type LintOptions,
  type LintResult,
  type ResolvedConfig,
  type Rule,
} from '../src/index.js';
import { allRules } from '../rules/index.js';
import { PROBE_META } from './helpers/rule-tester.js';

/** The streamed lint put together as a LintResult, or the reason it stopped. */
async function streamed(bytes: Uint8Array, filePath: string, options: LintOptions = {}): Promise<LintResult | string> {
  const stream = await readBlockStream(bytes, { filePath });
  const walk = lintBlocksByProject(stream, filePath, options);
  const tables: LintMessage[][] = [];
  let step = walk.next();
  while (!step.done) {
    tables.push(step.value.messages);
    step = walk.next();
  }
  const end = step.value;
  if (!end.complete) return end.reason;
  const messages = [...end.documentMessages];
  end.result.projects.forEach((p, i) => {
    const late = end.late.get(p.index);
    messages.push(...(late ? sortMessages([...tables[i]!, ...late]) : tables[i]!));
  });
  const { errorCount, warningCount, infoCount, fatalErrorCount, fixableCount, ...head } = end.result;
  return { ...head, messages, errorCount, warningCount, infoCount, fatalErrorCount, fixableCount };
}

async function whole(bytes: Uint8Array, filePath: string, options: LintOptions = {}): Promise<LintResult> {
  return lint(await parse(bytes, { filePath }), options);
}

const seedDir = path.resolve('fixtures/seed');
const encoder = new TextEncoder();
const seedText = readFileSync(path.join(seedDir, 'seed.txt'), 'utf8');

function fixtureFiles(): string[] {
  const dirs = ['fixtures/seed', 'fixtures/docx', 'fixtures/html', 'fixtures/partb', 'fixtures/clean', 'fixtures/templates'];
  return dirs.flatMap((d) => {
    try {
      return readdirSync(d)
        .filter((f) => /\.(txt|docx|doc|html?|xlsx)$/.test(f))
        .map((f) => path.join(d, f));
    } catch {
      return [];
    }
  });
}

describe('lintBlocksByProject', () => {
  it.each(fixtureFiles())('%s: the same result as the whole way', async (file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const expected = await whole(bytes, file);
    const got = await streamed(bytes, file);
    expect(typeof got === 'string' ? got : 'complete').toBe('complete');
    expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
  });

  // The seed repeated; with one code in three changed in shape and one spend plan in four cut out,
  // so the cross-project rules report on tables already handed out (late messages).
  let copy = 0;
  const damaged = seedText
    .repeat(4)
    .replace(/(项目编码\S*\s+)(\d+)/g, (all, label: string, code: string) => (copy++ % 3 === 0 ? `${label}X-${code.slice(0, 5)}` : all));
  it.each([
    ['the seed ×4', seedText.repeat(4)],
    ['the seed ×4 with odd codes', damaged],
  ])('%s, every rule: the same result, late messages merged in order', async (_name, text) => {
    const bytes = encoder.encode(text);
    const got = await streamed(bytes, 'x.txt');
    expect(typeof got === 'string' ? got : 'complete').toBe('complete');
    const expected = await whole(bytes, 'x.txt');
    expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
    expect(expected.messages.length).toBeGreaterThan(900);
  });

  it('odd codes are reported late (at the end, on tables already handed out)', async () => {
    const stream = await readBlockStream(encoder.encode(damaged), { filePath: 'x.txt' });
    const walk = lintBlocksByProject(stream, 'x.txt');
    let step = walk.next();
    while (!step.done) step = walk.next();
    const end = step.value;
    expect(end.complete).toBe(true);
    if (!end.complete) return;
    const late = [...end.late.values()].flat();
    expect(late.filter((m) => m.ruleId === 'project-code-inconsistent').length).toBeGreaterThan(10);
  });

  it('seeded line mutations of the seed: the same result as the whole way', async () => {
    const lines = seedText.split('\n');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('drop', 'dup', 'swap', 'blank'), fc.nat(lines.length - 1)), { maxLength: 12 }),
        async (edits) => {
          const l = [...lines];
          for (const [kind, at] of edits) {
            const i = at % l.length;
            if (kind === 'drop') l.splice(i, 1);
            else if (kind === 'dup') l.splice(i, 0, l[i]!);
            else if (kind === 'swap' && i + 1 < l.length) [l[i], l[i + 1]] = [l[i + 1]!, l[i]!];
            else l[i] = '';
          }
          const bytes = encoder.encode(l.join('\n'));
          const got = await streamed(bytes, 'm.txt');
          expect(typeof got === 'string' ? got : 'complete').toBe('complete');
          expect(JSON.stringify(got)).toBe(JSON.stringify(await whole(bytes, 'm.txt')));
        },
      ),
      { numRuns: 60, seed: 20261201 },
    );
  });
});

function probe(id: string, create: Rule['create']): Rule {
  return defineRule({ meta: { ...PROBE_META, id }, create } as never) as unknown as Rule;
}

function configWith(ids: string[]): ResolvedConfig {
  const config = defaultConfig();
  for (const id of ids) config.rules[id] = { severity: 'warn', options: {} } as never;
  return config;
}

describe('what a table at a time cannot do exactly, it says', () => {
  const bytes = encoder.encode(seedText.repeat(2));

  it.each([
    ['reads the list of tables', probe('probe-list', (context) => ({ Document: (d) => void d.projects.length }))],
    ['reads an earlier table’s rows at the end', probe('probe-rows', () => {
      const seen: { indicators: unknown[] }[] = [];
      return { Project: (p) => void seen.push(p), 'Document:exit': () => void seen.map((p) => p.indicators.length) };
    })],
    ['throws', probe('probe-throws', () => ({ 'Project:exit': (p) => { if (p.index === 20) throw new Error('boom'); } }))],
  ])('a rule that %s: complete false (the caller lints the whole way)', async (_what, rule) => {
    const options = { rules: [rule], config: configWith([rule.meta.id]) };
    const got = await streamed(bytes, 's.txt', options);
    expect(got).toEqual(expect.stringMatching(/list of tables|rows of an earlier table|failed: boom/));
    // The whole way, only the throwing rule fails.
    const expected = await whole(bytes, 's.txt', options);
    expect(expected.messages.some((m) => m.messageId === 'internal-error')).toBe(rule.meta.id === 'probe-throws');
  });

  it('a rule that reports late on an earlier table (no yieldsTo): complete, merged in order', async () => {
    const rule = probe('probe-late', (context) => {
      const kept: unknown[] = [];
      return {
        Project: (p) => void kept.push(p),
        'Document:exit': () => {
          for (const p of kept.filter((_, i) => i % 3 === 0)) context.report({ node: p as never, messageId: 'seen' as never, data: { what: 'x' } } as never);
        },
      };
    });
    const options = { rules: [...allRules, rule], config: configWith([rule.meta.id]) };
    const got = await streamed(bytes, 's.txt', options);
    expect(typeof got).not.toBe('string');
    const expected = await whole(bytes, 's.txt', options);
    expect(expected.messages.filter((m) => m.ruleId === 'probe-late').length).toBe(12);
    expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
  });
});
