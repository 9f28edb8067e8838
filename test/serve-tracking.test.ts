/**
 * 整改 tracking between resubmissions, in both stores: SQLite always, PostgreSQL when
 * JXLINT_TEST_DATABASE_URL names one (CI starts one; under CI its absence is a failure).
 * The seed twice (everything remains), then a corrected version (the fixed findings counted).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTextFixes, lint, parseText, resolveConfig } from '../src/index.js';
import { PostgresStore, SqliteStore, type FileResult, type Service, type SubmissionStore } from '../src/serve/index.js';
import { diffProject, type RecordedFinding } from '../src/serve/store/types.js';
import { call, expectConformance, fixture, makeService, multipart, seen, tempDir } from './serve-support.js';

const DATABASE_URL = process.env.JXLINT_TEST_DATABASE_URL;

describe('the changes of one project (matched by fingerprint)', () => {
  const f = (fingerprint: string | null): RecordedFinding => ({ fingerprint, projectCode: 'P', ruleId: 'r', severity: 2, message: 'm', location: 'l', found: null });
  it.each([
    ['nothing changed', ['a', 'b'], ['a', 'b'], { fixed: [], new: [], remaining: ['a', 'b'] }],
    ['one fixed, one new', ['a', 'b'], ['b', 'c'], { fixed: ['a'], new: ['c'], remaining: ['b'] }],
    ['a repeated finding fixed once', ['a', 'a'], ['a'], { fixed: ['a'], new: [], remaining: ['a'] }],
    ['findings without a fingerprint are left out', ['a', null], [null, 'a'], { fixed: [], new: [], remaining: ['a'] }],
  ])('%s', (_name, before, after, expected) => {
    const d = diffProject('P', 1, before.map(f), after.map(f));
    const fps = (list: RecordedFinding[]) => list.map((x) => x.fingerprint);
    expect({ fixed: fps(d.fixed), new: fps(d.new), remaining: fps(d.remaining) }).toEqual(expected);
  });
});

/**
 * The seed text export with jxlint's safe fixes applied: a corrected resubmission. A correction can
 * bring a finding of its own (with 收益人群 corrected, two tables become identical and the
 * boilerplate rule speaks), so the findings new to the corrected text are counted here too.
 */
function correctedSeed(): { text: string; fixed: number; newFindings: number } {
  const text = fixture('seed/seed.txt').toString('utf8');
  const config = { config: resolveConfig() };
  const result = lint(parseText(text, 'seed.txt'), config);
  const outcome = applyTextFixes(text, result.messages, { safety: 'safe' });
  const before = new Set(result.messages.map((m) => m.fingerprint));
  const after = lint(parseText(outcome.output, 'seed.txt'), config);
  const newFindings = after.messages.filter((m) => m.projectCode !== null && !before.has(m.fingerprint)).length;
  return { text: outcome.output, fixed: outcome.applied.length, newFindings };
}

interface StoreCase {
  name: string;
  kind: 'sqlite' | 'postgres';
  open: () => Promise<SubmissionStore>;
  cleanup?: () => Promise<void>;
}

const cases: StoreCase[] = [{ name: 'SQLite', kind: 'sqlite', open: async () => new SqliteStore(tempDir()) }];
if (DATABASE_URL) {
  const schema = `jxlint_test_${process.pid}_${Date.now()}`;
  const admin = () => new pg.Client({ connectionString: DATABASE_URL });
  cases.push({
    name: 'PostgreSQL',
    kind: 'postgres',
    open: async () => {
      const c = admin();
      await c.connect();
      await c.query(`CREATE SCHEMA ${schema}`);
      await c.end();
      const url = new URL(DATABASE_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return PostgresStore.open(url.href);
    },
    cleanup: async () => {
      const c = admin();
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  });
} else if (process.env.CI) {
  it('has a PostgreSQL database to test against under CI', () => {
    expect.fail('JXLINT_TEST_DATABASE_URL is not set: .ci/run starts PostgreSQL and exports it');
  });
}

describe.each(cases)('整改 tracking in $name', ({ kind, open, cleanup }) => {
  let service: Service;
  beforeAll(async () => {
    service = await makeService({ store: await open() });
  }, 120_000);
  afterAll(async () => {
    await service?.app.close();
    await cleanup?.();
  });

  const submit = async (name: string, bytes: Uint8Array | string) => {
    const body = multipart([['file', name, bytes]]);
    const r = await call(service, { method: 'POST', url: '/api/lint', payload: body.payload, headers: body.headers });
    expect(r.statusCode).toBe(200);
    return (r.json() as FileResult[])[0]!;
  };

  let first: FileResult;
  let second: FileResult;

  it('records a first submission without changes', async () => {
    first = await submit('seed.txt', fixture('seed/seed.txt'));
    expect(first.submissionId).toBeGreaterThan(0);
    expect(first.changes).toBeUndefined();
  }, 120_000);

  it('the same document again (as .docx): every finding remains, per project', async () => {
    second = await submit('seed.docx', fixture('seed/seed.docx'));
    const changes = second.changes!;
    expect(changes.projects).toHaveLength(18);
    expect(changes.projects.every((p) => p.previousSubmission === first.submissionId)).toBe(true);
    expect({ fixed: changes.fixed, new: changes.new }).toEqual({ fixed: 0, new: 0 });
    expect(changes.remaining).toBe(second.messages.filter((m) => m.projectCode && m.fingerprint).length);
    expect(changes.remaining).toBe(changes.projects.reduce((n, p) => n + p.remaining.length, 0));
  }, 120_000);

  it('a corrected version: the fixed findings are counted, and what the correction brought is new', async () => {
    const { text, fixed, newFindings } = correctedSeed();
    expect(fixed).toBeGreaterThan(0);
    const third = await submit('seed-整改.txt', text);
    const changes = third.changes!;
    expect(changes.fixed).toBeGreaterThan(0);
    expect(changes.new).toBe(newFindings);
    expect(changes.fixed + changes.remaining).toBe(second.changes!.remaining);
    expect(changes.projects.every((p) => p.previousSubmission === second.submissionId)).toBe(true);
    const withFixes = changes.projects.find((p) => p.fixed.length > 0)!;
    expect(withFixes.fixed[0]).toMatchObject({ fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/), projectCode: withFixes.code });
  }, 120_000);

  it('lists, shows and traces the submissions', async () => {
    const code = second.projects[0]!.code!;
    const list = (await call(service, { url: `/api/submissions?project=${encodeURIComponent(code)}&limit=2` })).json();
    expect(list).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(list.items.map((s: { fileName: string }) => s.fileName)).toEqual(['seed-整改.txt', 'seed.docx']);
    const next = (await call(service, { url: `/api/submissions?project=${encodeURIComponent(code)}&limit=2&offset=2` })).json();
    expect(next.items.map((s: { id: number }) => s.id)).toEqual([first.submissionId]);
    const agency = (await call(service, { url: `/api/submissions?agency=${encodeURIComponent(second.projects[0]!.agency!)}` })).json();
    expect(agency.total).toBe(3);
    const one = (await call(service, { url: `/api/submissions/${second.submissionId}` })).json();
    expect(one).toMatchObject({ id: second.submissionId, fileName: 'seed.docx', sha256: second.sha256, size: second.size, status: 'problems' });
    expect(one.projects).toHaveLength(18);
    expect(one.findings).toHaveLength(second.messages.length);
    const history = (await call(service, { url: `/api/projects/${encodeURIComponent(code)}/history` })).json();
    expect(history.submissions.map((h: { submission: number }) => h.submission)).toEqual([first.submissionId, second.submissionId, one.id + 1]);
    expect((await call(service, { url: '/api/projects/never-seen/history' })).json()).toEqual({ code: 'never-seen', submissions: [] });
    expect((await call(service, { url: '/readyz' })).json()).toMatchObject({ ready: true, store: kind });
  });

  it('every response matches the OpenAPI document', () => {
    expect(expectConformance(seen)).toBeGreaterThan(5);
  });
});
