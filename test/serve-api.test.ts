/**
 * `jxlint serve` through fastify.inject: every endpoint, every limit and error code, the formats,
 * auth, CORS, headers, the page, the access log — and every response checked against the
 * OpenAPI document at the end.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore, type FileResult, type Service } from '../src/serve/index.js';
import { call, expectConformance, fixture, makeService, multipart, seen, tempDir } from './serve-support.js';

const TOKEN = 'test-token-4f2a';
const auth = { authorization: `Bearer ${TOKEN}` };
const seed = fixture('seed/seed.docx');
const log: string[] = [];
let main: Service; // token, CORS, SQLite, a built page, 3 files and 200 KiB per request
let bare: Service; // no store, no token, no page, a 2-file queue, 1 ms per file

beforeAll(async () => {
  const pageDir = path.join(tempDir(), 'browser');
  mkdirSync(pageDir);
  writeFileSync(path.join(pageDir, 'index.html'), '<!doctype html><title>绩效目标表检查</title><script src="page.js"></script>');
  writeFileSync(path.join(pageDir, 'page.js'), 'console.log("page");');
  main = await makeService({
    store: new SqliteStore(tempDir()),
    token: TOKEN,
    corsOrigin: 'https://portal.example',
    pageDir,
    maxFiles: 3,
    maxUploadSize: 200 * 1024,
    accessLog: (line) => log.push(line),
  });
  bare = await makeService({ maxQueue: 1, timeLimitMs: 1 });
}, 120_000);

afterAll(async () => {
  await main?.app.close();
  await bare?.app.close();
});

const lint = (service: Service, parts: [string, string, Uint8Array | string][], query = '', headers: Record<string, string> = auth) => {
  const body = multipart(parts);
  return call(service, { method: 'POST', url: `/api/lint${query}`, payload: body.payload, headers: { ...body.headers, ...headers } });
};

describe('POST /api/lint', () => {
  it('lints an uploaded .docx: one result with status, hash, size and the submission', async () => {
    const r = await lint(main, [['file', 'seed.docx', seed]]);
    expect(r.statusCode).toBe(200);
    const [result] = r.json() as FileResult[];
    expect(result!.filePath).toBe('seed.docx');
    expect(result!.status).toBe('problems');
    expect(result!.projects).toHaveLength(18);
    expect(result!.sha256).toBe(createHash('sha256').update(seed).digest('hex'));
    expect(result!.size).toBe(seed.length);
    expect(result!.submissionId).toBeGreaterThan(0);
    expect(result!.messages.some((m) => m.ruleId?.startsWith('cost-'))).toBe(true);
  }, 120_000);

  it.each([
    ['a readable and an unreadable file', [['seed.docx', seed], ['garbage.docx', fixture('bad/garbage.docx')]], 200, ['problems', 'unreadable']],
    ['only an unreadable file', [['garbage.docx', fixture('bad/garbage.docx')]], 422, ['unreadable']],
    ['a ZIP bomb (the reader limits)', [['bomb.docx', fixture('bad/zip-bomb-declared.docx')]], 422, ['unreadable']],
    ['a clean text export', [['clean.txt', fixture('clean/clean.txt')]], 200, ['ok']],
  ] as const)('%s → %i', async (_name, files, status, statuses) => {
    const r = await lint(main, files.map(([name, bytes]) => ['file', name, bytes] as [string, string, Uint8Array]));
    expect(r.statusCode).toBe(status);
    const results = r.json() as FileResult[];
    expect(results.map((x) => x.status)).toEqual(statuses);
    for (const x of results.filter((y) => y.status === 'unreadable')) expect(x.messages).toEqual([expect.objectContaining({ fatal: true, severity: 2 })]);
  }, 120_000);

  it.each([
    ['an Excel workbook (multipart)', () => lint(main, [['file', 'seed.xlsx', fixture('xlsx/seed-stacked.xlsx')]])],
    ['an Excel workbook with its media type (raw body)', () => call(main, { method: 'POST', url: '/api/lint?filename=seed.xlsx', payload: fixture('xlsx/seed-per-sheet.xlsx'), headers: { ...auth, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } })],
  ])('reads %s: the seed\'s 18 projects', async (_name, send) => {
    const r = await send();
    expect(r.statusCode).toBe(200);
    const [result] = r.json() as FileResult[];
    expect([result!.status, result!.format, result!.projects.length]).toEqual(['problems', 'xlsx', 18]);
    expect(result!.messages.filter((m) => m.ruleId === 'cost-value-not-amount')).toHaveLength(18);
  }, 120_000);

  it('names the reader limit that refused a ZIP bomb', async () => {
    const r = await lint(main, [['file', 'bomb.docx', fixture('bad/zip-bomb-declared.docx')]]);
    expect((r.json() as FileResult[])[0]!.messages[0]!.messageId).toBe('zip-bomb');
  });

  it('takes a raw body with ?filename= (the W3C Nu checker way)', async () => {
    const r = await call(main, { method: 'POST', url: '/api/lint?filename=seed.txt', payload: fixture('seed/seed.txt'), headers: { ...auth, 'content-type': 'text/plain' } });
    expect(r.statusCode).toBe(200);
    const [result] = r.json() as FileResult[];
    expect(result!.filePath).toBe('seed.txt');
    expect(result!.projects).toHaveLength(18);
  });

  it.each([
    ['sarif', 'application/sarif+json', (b: Buffer) => expect(JSON.parse(b.toString()).version).toBe('2.1.0')],
    ['html', 'text/html', (b: Buffer) => expect(b.toString()).toMatch(/<html/i)],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', (b: Buffer) => expect(b.subarray(0, 2).toString()).toBe('PK')],
    ['csv', 'text/csv', (b: Buffer) => expect(b.toString()).toContain('seed.docx')],
    ['junit', 'application/xml', (b: Buffer) => expect(b.toString()).toContain('<testsuites')],
  ])('?format=%s returns that report', async (name, type, check) => {
    const r = await lint(main, [['file', 'seed.docx', seed]], `?format=${name}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain(type);
    expect(r.headers['content-disposition']).toContain('attachment');
    check(r.rawPayload);
  }, 120_000);

  it.each([
    ['no bearer token', {}, 401, 'unauthorized'],
    ['a wrong token', { authorization: 'Bearer nope' }, 401, 'unauthorized'],
  ])('refuses %s', async (_name, headers, status, code) => {
    const r = await lint(main, [['file', 'seed.docx', seed]], '', headers);
    expect(r.statusCode).toBe(status);
    expect(r.json()).toMatchObject({ status, code });
    expect(r.headers['www-authenticate']).toBe('Bearer');
  });

  const big = Buffer.alloc(300 * 1024, 0x41);
  it.each([
    ['a file over the upload size', () => lint(main, [['file', 'big.txt', big]]), 413, 'file-too-large'],
    ['a raw body over the upload size', () => call(main, { method: 'POST', url: '/api/lint?filename=big.txt', payload: big, headers: { ...auth, 'content-type': 'application/octet-stream' } }), 413, 'file-too-large'],
    ['more files than allowed', () => lint(main, [1, 2, 3, 4].map((i) => ['file', `${i}.txt`, 'x'] as [string, string, string])), 413, 'too-many-files'],
    ['JSON', () => call(main, { method: 'POST', url: '/api/lint?filename=a.json', payload: '{"a":1}', headers: { ...auth, 'content-type': 'application/json' } }), 415, 'unsupported-media-type'],
    ['an image', () => call(main, { method: 'POST', url: '/api/lint?filename=a.png', payload: 'x', headers: { ...auth, 'content-type': 'image/png' } }), 415, 'unsupported-media-type'],
    ['malformed multipart', () => call(main, { method: 'POST', url: '/api/lint', payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc', headers: { ...auth, 'content-type': 'multipart/form-data; boundary=b' } }), 400, 'malformed-multipart'],
    ['multipart without a file', () => lint(main, [['note', '', 'hello']]), 400, 'no-file'],
    ['a raw body without ?filename=', () => call(main, { method: 'POST', url: '/api/lint', payload: 'x', headers: { ...auth, 'content-type': 'text/plain' } }), 400, 'missing-filename'],
    ['an unknown format', () => lint(main, [['file', 'a.txt', 'x']], '?format=pdf'), 400, 'bad-parameter'],
  ])('refuses %s', async (_name, send, status, code) => {
    const r = await send();
    expect(r.statusCode).toBe(status);
    expect(r.headers['content-type']).toContain('application/json');
    const body = r.json();
    expect(body).toMatchObject({ status, code });
    expect(body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(body.messageEn).toMatch(/[a-z]/);
  });

  it('answers 503 with Retry-After when the files do not fit in the queue', async () => {
    const r = await lint(bare, [1, 2, 3].map((i) => ['file', `${i}.txt`, 'x'] as [string, string, string]), '', {});
    expect(r.statusCode).toBe(503);
    expect(r.headers['retry-after']).toBe('2');
    expect(r.json()).toMatchObject({ status: 503, code: 'queue-full' });
  });

  it('stops a file past its time limit: a fatal result, the worker replaced, the process alive', async () => {
    for (let round = 0; round < 2; round++) {
      const r = await lint(bare, [['file', 'seed.docx', seed]], '', {});
      expect(r.statusCode).toBe(422);
      const [result] = r.json() as FileResult[];
      expect(result!.status).toBe('unreadable');
      expect(result!.messages[0]).toMatchObject({ fatal: true, messageId: 'time-limit' });
    }
    expect((await call(bare, { url: '/healthz' })).statusCode).toBe(200);
  }, 120_000);
});

describe('POST /api/report (a report from results already linted: nothing linted or recorded again)', () => {
  const report = (service: Service, body: unknown, query = '?format=xlsx', headers: Record<string, string> = auth) =>
    call(service, { method: 'POST', url: `/api/report${query}`, payload: typeof body === 'string' ? body : JSON.stringify(body), headers: { ...headers, 'content-type': 'application/json' } });
  const total = async () => (await call(main, { url: '/api/submissions', headers: auth })).json().total as number;

  it('renders the xlsx from the answer of POST /api/lint; the submission stays recorded once', async () => {
    const linted = await lint(main, [['file', 'seed.docx', seed]]);
    const answer = linted.json() as FileResult[];
    const before = await total();
    const r = await report(main, answer);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.headers['content-disposition']).toBe('attachment; filename="jxlint-report.xlsx"');
    expect(r.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(r.rawPayload.length).toBeGreaterThan(10_000);
    expect(await total()).toBe(before); // the report recorded nothing
    // (the lint route's own ?format= is a submission, and is recorded)
    expect((await lint(main, [['file', 'seed.docx', seed]], '?format=csv')).statusCode).toBe(200);
    expect(await total()).toBe(before + 1);
  }, 120_000);

  it.each([
    ['csv', 'text/csv; charset=utf-8'],
    ['sarif', 'application/sarif+json'],
    ['junit', 'application/xml; charset=utf-8'],
    ['html', 'text/html; charset=utf-8'],
  ])('renders %s from results, the same findings as the lint route', async (format, type) => {
    const answer = (await lint(bare, [['file', 'seed.txt', fixture('seed/seed.txt')]], '', {})).json() as FileResult[];
    const r = await report(bare, answer, `?format=${format}`, {});
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain(type);
    expect(r.body.split('cost-value-not-amount').length - 1).toBeGreaterThanOrEqual(answer[0]!.messages.filter((m) => m.ruleId === 'cost-value-not-amount').length);
  }, 120_000);

  it('takes the page\'s own results too (-f json statuses ok | failed, the document left out)', async () => {
    const answer = (await lint(bare, [['file', 'seed.txt', fixture('seed/seed.txt')], ['file', 'garbage.docx', fixture('bad/garbage.docx')]], '', {})).json() as FileResult[];
    const pageResults = answer.map(({ sha256: _s, size: _z, submissionId: _i, status, ...r }) => ({ ...r, status: status === 'unreadable' ? 'failed' : 'ok' }));
    const r = await report(bare, pageResults, '?format=csv', {});
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('garbage.docx');
  }, 120_000);

  it.each([
    ['an object instead of a list', { results: [] }, '?format=xlsx', 400, 'bad-parameter'],
    ['an empty list', [], '?format=xlsx', 400, 'bad-parameter'],
    ['a result without messages', [{ filePath: 'a.docx', status: 'ok', projects: [] }], '?format=xlsx', 400, 'bad-parameter'],
    ['json as the format', [], '?format=json', 400, 'bad-parameter'],
    ['broken JSON', '[{"filePath":', '?format=xlsx', 400, 'bad-request'],
  ])('refuses %s', async (_name, body, query, status, code) => {
    const r = await report(main, body, query);
    expect(r.statusCode).toBe(status);
    expect(r.json()).toMatchObject({ status, code });
  });

  it('needs the token like the rest of the API', async () => {
    expect((await report(main, [], '?format=xlsx', {})).statusCode).toBe(401);
  });
});

describe('GET endpoints', () => {
  it.each([
    ['/healthz', 200, (b: any) => expect(b).toEqual({ status: 'ok' })],
    ['/readyz', 200, (b: any) => expect(b).toMatchObject({ ready: true, store: 'sqlite', capacity: 1 + 64 })],
    ['/api/openapi.json', 200, (b: any) => expect(Object.keys(b.paths)).toEqual(expect.arrayContaining(['/api/lint', '/api/rules/{id}', '/api/submissions/{id}', '/api/projects/{code}/history']))],
    ['/api/rules', 200, (b: any) => expect(b.find((r: any) => r.id === 'cost-value-not-amount')).toBeDefined()],
    ['/api/rules?locale=en', 200, (b: any) => expect(b[0].description).toMatch(/[a-z]/)],
    ['/api/rules/cost-value-not-amount', 200, (b: any) => expect([b.rule.id, b.docs['zh-CN'].length > 100, b.docs.en.length > 100]).toEqual(['cost-value-not-amount', true, true])],
    ['/api/rules/no-such-rule', 404, (b: any) => expect(b.code).toBe('unknown-rule')],
    ['/api/rules/BAD%20ID', 400, (b: any) => expect(b.code).toBe('bad-parameter')],
    ['/api/submissions?limit=0', 400, (b: any) => expect(b.code).toBe('bad-parameter')],
    ['/api/submissions?since=yesterday', 400, (b: any) => expect(b.code).toBe('bad-parameter')],
    ['/api/submissions?since=2999-01-01', 200, (b: any) => expect(b.total).toBe(0)],
    ['/api/submissions/999999', 404, (b: any) => expect(b.code).toBe('unknown-submission')],
    ['/api/submissions/abc', 400, (b: any) => expect(b.code).toBe('bad-parameter')],
    ['/api/nothing-here', 404, (b: any) => expect(b.code).toBe('not-found')],
  ])('GET %s → %i', async (url, status, check) => {
    const r = await call(main, { url, headers: auth });
    expect(r.statusCode).toBe(status);
    check(r.json());
  });

  it('lists, filters and shows recorded submissions', async () => {
    const page = (await call(main, { url: '/api/submissions?limit=2', headers: auth })).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    const seedOnes = (await call(main, { url: `/api/submissions?project=${encodeURIComponent(page.items[0].projects[0]?.code ?? 'x')}`, headers: auth })).json();
    expect(seedOnes.items.every((s: any) => s.projects.some((p: any) => p.code === page.items[0].projects[0].code))).toBe(true);
    const agency = seedOnes.items[0].agency;
    const byAgency = (await call(main, { url: `/api/submissions?agency=${encodeURIComponent(agency)}&since=2020-01-01`, headers: auth })).json();
    expect(byAgency.total).toBe(seedOnes.total);
    const one = (await call(main, { url: `/api/submissions/${seedOnes.items[0].id}`, headers: auth })).json();
    expect(one.findings.length).toBeGreaterThan(100);
    const history = (await call(main, { url: `/api/projects/${encodeURIComponent(one.projects[0].code)}/history`, headers: auth })).json();
    expect(history.submissions.length).toBe(seedOnes.total);
  });

  it.each(['/api/submissions', '/api/submissions/1', '/api/projects/x/history'])('%s is 404 no-store with --no-store', async (url) => {
    const r = await call(bare, { url });
    expect(r.statusCode).toBe(404);
    expect(r.json().code).toBe('no-store');
  });

  it('needs the token on the API only', async () => {
    expect((await call(main, { url: '/api/rules' })).statusCode).toBe(401);
    expect((await call(main, { url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('page, headers, CORS, access log', () => {
  it('serves the built page and its assets with a CSP', async () => {
    const r = await call(main, { url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('绩效目标表检查');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect((await call(main, { url: '/page.js' })).body).toContain('page');
  });

  it('says so when the page was not built', async () => {
    const r = await call(bare, { url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('npm run build');
  });

  it('allows only the --cors origin, and nothing without --cors', async () => {
    const preflight = { method: 'OPTIONS' as const, url: '/api/lint', headers: { origin: 'https://portal.example', 'access-control-request-method': 'POST' } };
    expect((await call(main, preflight)).headers['access-control-allow-origin']).toBe('https://portal.example');
    const other = await call(main, { url: '/healthz', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect((await call(bare, { url: '/healthz', headers: { origin: 'https://portal.example' } })).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('writes one JSON line per request', () => {
    const entries = log.map((l) => JSON.parse(l));
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.find((e) => e.path === '/api/lint' && e.status === 200)).toMatchObject({ method: 'POST', files: expect.any(Number), ms: expect.any(Number) });
  });
});

describe('OpenAPI', () => {
  it('every response of this suite matches /api/openapi.json', () => {
    expect(expectConformance(seen, true)).toBeGreaterThan(40);
  });
});
