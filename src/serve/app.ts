/**
 * The intake service (报送检查服务) as a fastify app: the JSON API over the library API and the
 * worker pool, 整改 tracking in the store, the upload page's files, and the limits, each with one
 * clear JSON error. `startService` (index.ts) adds listening and SIGTERM.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { explainRule, format, getRule, ruleSummaries, toolVersion, type LintResult, type Locale, type ResolvedConfig } from '../node.js';
import { notFound, ServiceError, toServiceError } from './errors.js';
import { LintPool, QueueFullError } from './pool.js';
import { apiRoutes, openApiDocument, REPORT_MEDIA_TYPES, type ApiRoute, type RenderedFormat, type ReportFormat } from './schemas.js';
import { answerArray, isPreparedAnswer, prepareAnswer, type AnswerStatus, type AnswerTail, type PreparedAnswer } from './answer.js';
import type { Changes, SubmissionStore } from './store/types.js';
import type { UploadLintOutcome, UploadLintTask } from './worker.js';

export interface ServiceOptions {
  config: ResolvedConfig;
  /** null: --no-store. */
  store: SubmissionStore | null;
  /** Data folder (kept files go under files/), with --keep-files. */
  keepFilesDir: string | null;
  token: string | null;
  corsOrigin: string | null;
  /** The built upload page (index.html and its assets). */
  pageDir: string;
  threads: number;
  maxQueue: number;
  timeLimitMs: number;
  maxUploadSize: number;
  maxFiles: number;
  /** Reader limits (bytes): passed to parse. */
  maxFileSize?: number;
  maxInflatedSize?: number;
  /** One JSON line per request; null: none. */
  accessLog: ((line: string) => void) | null;
  /** Seconds a client is told to wait on 503. */
  retryAfterSeconds: number;
  /** The pool's worker module (tests running from TypeScript sources give their own). */
  workerFile?: string;
  /** Socket timeouts (ms). */
  connectionTimeoutMs: number;
  keepAliveTimeoutMs: number;
  requestTimeoutMs: number;
}

/** `POST /api/report`: results are several times larger than the files they come from. */
export const REPORT_BODY_LIMIT = 64 * 1048576;

export const DEFAULT_LIMITS = {
  maxQueue: 64,
  timeLimitMs: 30_000,
  maxUploadSize: 32 * 1048576,
  maxFiles: 20,
  retryAfterSeconds: 2,
  connectionTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  requestTimeoutMs: 120_000,
};

/** A file's result as the API answers it: the `-f json` result with the service's status. */
export type FileResult = Omit<LintResult, 'status' | 'document'> & {
  status: AnswerStatus;
  sha256: string;
  size: number;
  submissionId: number | null;
  changes?: Changes;
};

interface Upload {
  fileName: string;
  bytes: Buffer;
}

export interface Service {
  app: FastifyInstance;
  pool: LintPool;
  /** Set when SIGTERM (or close) begins: new API requests get 503. */
  draining: boolean;
}

/** `a/b\\c.docx` → `c.docx`; control characters dropped; never empty. */
export function uploadName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return clean || 'upload';
}

/** A result as `POST /api/report` receives it: the service's answer or a `-f json` result. */
type ReportInput = Omit<LintResult, 'status'> & { status: LintResult['status'] | 'problems' | 'unreadable'; sha256?: unknown; size?: unknown; submissionId?: unknown; changes?: unknown };

/** Back to the result model the formatters know (the document, if sent, is not used). */
export function reportInputToResult(input: ReportInput): LintResult {
  const { sha256: _sha256, size: _size, submissionId: _id, changes: _changes, document: _document, status, ...rest } = input;
  return { ...rest, format: rest.format ?? null, encoding: rest.encoding ?? null, status: status === 'unreadable' ? 'failed' : status === 'problems' ? 'ok' : status };
}

function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The page's Content-Security-Policy: everything from the service itself, the lint worker from blob: too. */
const PAGE_CSP: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/**
 * The page's inline scripts (its own and the report's) are allowed by the sha256 hashes the page
 * build writes to csp.json beside it; without that file only the service's own files may run.
 */
export function pageCsp(pageDir: string): Record<string, string[]> {
  const directives = { ...PAGE_CSP };
  const cspFile = path.join(pageDir, 'csp.json');
  if (!existsSync(cspFile)) return directives;
  try {
    const built = JSON.parse(readFileSync(cspFile, 'utf8')) as { scriptSrc?: unknown; workerSrc?: unknown };
    const sources = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && /^'sha256-[A-Za-z0-9+/=]+'$|^blob:$/.test(s)) : []);
    directives.scriptSrc = [...new Set([...PAGE_CSP.scriptSrc!, ...sources(built.scriptSrc)])];
    directives.workerSrc = [...new Set([...PAGE_CSP.workerSrc!, ...sources(built.workerSrc)])];
  } catch {
    // A damaged csp.json leaves the strict policy: the page does not run, nothing else is loosened.
  }
  return directives;
}

export async function buildService(options: ServiceOptions): Promise<Service> {
  const limits = { maxUploadSize: options.maxUploadSize, maxFiles: options.maxFiles };
  const app = Fastify({
    logger: false,
    bodyLimit: options.maxUploadSize,
    connectionTimeout: options.connectionTimeoutMs,
    keepAliveTimeout: options.keepAliveTimeoutMs,
    requestTimeout: options.requestTimeoutMs,
    // Slow-loris: Node swaps the two limits when the headers' one (60 s by default) is the longer, so a
    // request timeout under 60 s would bound the body by 60 s; and it checks them every 30 s by default.
    http: {
      headersTimeout: Math.min(60_000, options.requestTimeoutMs),
      connectionsCheckingInterval: Math.min(30_000, Math.max(250, Math.floor(options.requestTimeoutMs / 4))),
    },
    forceCloseConnections: 'idle',
    return503OnClosing: false,
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, useDefaults: true, allErrors: false } },
  });
  const pool = new LintPool({
    threads: options.threads,
    maxQueue: options.maxQueue,
    timeLimitMs: options.timeLimitMs,
    workerFile: options.workerFile,
    settings: { config: options.config, locale: options.config.locale, maxFileSize: options.maxFileSize, maxInflatedSize: options.maxInflatedSize },
  });
  const service: Service = { app, pool, draining: false };
  const version = toolVersion();
  const openapi = openApiDocument(version, options.token !== null);

  // helmet's default upgrade-insecure-requests would turn the page's calls to its own http:// origin
  // (a service on a LAN address, no TLS) into https:// requests that fail.
  await app.register(helmet, { contentSecurityPolicy: { directives: { ...pageCsp(options.pageDir), upgradeInsecureRequests: null } }, crossOriginEmbedderPolicy: false });
  if (options.corsOrigin) await app.register(cors, { origin: (origin, done) => done(null, origin === options.corsOrigin), methods: ['GET', 'POST'], allowedHeaders: ['Authorization', 'Content-Type'], exposedHeaders: ['Retry-After', 'Content-Disposition'] });
  await app.register(multipart, {
    limits: { fileSize: options.maxUploadSize, files: options.maxFiles, parts: options.maxFiles + 20, fields: 20, fieldSize: 4096, headerPairs: 100 },
    throwFileSizeLimit: true,
  });

  // Raw bodies (the W3C Nu checker's way): the bytes as they are. JSON is not a document.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(
    [
      'application/octet-stream',
      'text/plain',
      'text/html',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-excel.sheet.macroEnabled.12',
    ],
    { parseAs: 'buffer', bodyLimit: options.maxUploadSize },
    (_request, body, done) => done(null, body),
  );

  // Access log: one JSON line per request.
  app.addHook('onRequest', async (request) => {
    (request as FastifyRequest & { startedAt: bigint }).startedAt = process.hrtime.bigint();
  });
  app.addHook('onResponse', async (request, reply) => {
    if (!options.accessLog) return;
    const started = (request as FastifyRequest & { startedAt?: bigint }).startedAt;
    const ms = started ? Number(process.hrtime.bigint() - started) / 1e6 : null;
    const entry = {
      time: new Date().toISOString(),
      id: request.id,
      remote: request.ip,
      method: request.method,
      path: request.url.split('?')[0],
      status: reply.statusCode,
      ms: ms === null ? null : Math.round(ms * 10) / 10,
      bytes: Number(reply.getHeader('content-length') ?? 0) || undefined,
      files: (request as FastifyRequest & { fileCount?: number }).fileCount,
    };
    options.accessLog(JSON.stringify(entry));
  });

  // Bearer token on the API; 503 while shutting down.
  const authorize = async (request: FastifyRequest) => {
    if (service.draining) {
      throw new ServiceError(503, 'shutting-down', '服务正在停止：请稍后重试', 'the service is shutting down; retry later', { 'Retry-After': String(options.retryAfterSeconds) });
    }
    if (!options.token) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match || !sameToken(match[1]!.trim(), options.token)) {
      throw new ServiceError(401, 'unauthorized', '需要访问令牌：请在 Authorization 头中带上 Bearer 令牌', 'a bearer token is required (Authorization: Bearer …)', { 'WWW-Authenticate': 'Bearer' });
    }
  };

  app.setErrorHandler(async (error, _request, reply) => {
    const e = toServiceError(error, limits);
    reply.code(e.status).headers(e.headers).type('application/json; charset=utf-8');
    return e.body();
  });
  app.setNotFoundHandler(async (_request, reply) => {
    const e = notFound();
    return reply.code(404).type('application/json; charset=utf-8').send(e.body());
  });

  const route = (r: ApiRoute, handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>, bodyLimit?: number) =>
    app.route({
      method: r.method,
      url: r.url,
      ...(bodyLimit ? { bodyLimit } : {}),
      schema: { ...(r.querystring ? { querystring: r.querystring } : {}), ...(r.params ? { params: r.params } : {}), ...(r.body ? { body: r.body } : {}) },
      ...(r.auth ? { preValidation: authorize } : {}),
      handler,
    });
  const byId = (id: string) => apiRoutes.find((r) => r.operationId === id)!;
  const requireStore = () => {
    if (!options.store) throw new ServiceError(404, 'no-store', '本服务未记录报送（--no-store）：没有历史可查', 'submissions are not recorded by this service (--no-store)');
    return options.store;
  };

  route(byId('lint'), async (request, reply) => {
    const query = request.query as { filename?: string; format: ReportFormat; locale?: Locale };
    const uploads = await readUploads(request, query.filename);
    (request as FastifyRequest & { fileCount?: number }).fileCount = uploads.length;
    // The JSON answer is prepared on the pool threads; a report needs the results themselves.
    const returns = query.format === 'json' ? 'answer' : 'result';
    const tasks: UploadLintTask[] = uploads.map((u) => ({ fileName: u.fileName, bytes: u.bytes, keepDocument: query.format === 'html', returns, record: options.store !== null }));
    let outcomes: UploadLintOutcome[];
    try {
      outcomes = await pool.lintAll(tasks);
    } catch (error) {
      if (error instanceof QueueFullError) {
        throw new ServiceError(503, 'queue-full', `检查队列已满（${pool.capacity} 个文件）：请 ${options.retryAfterSeconds} 秒后重试`, `the lint queue is full (${pool.capacity} files); retry in ${options.retryAfterSeconds} s`, {
          'Retry-After': String(options.retryAfterSeconds),
        });
      }
      throw error;
    }
    const receivedAt = new Date().toISOString();
    const prepared = outcomes.map((o, i) => (isPreparedAnswer(o) ? o : prepareAnswer(o, uploads[i]!.bytes, options.store !== null)));
    const parts: { json: Uint8Array; tail: AnswerTail }[] = [];
    for (const [i, answer] of prepared.entries()) parts.push({ json: answer.json, tail: await recordOne(uploads[i]!, answer, receivedAt) });
    reply.code(prepared.some((a) => a.status !== 'unreadable') ? 200 : 422);
    if (query.format === 'json') return reply.type('application/json; charset=utf-8').send(answerArray(parts));
    return sendReport(reply, outcomes as LintResult[], query.format, query.locale, receivedAt);
  });

  /** A report rendered from results (`?format=` of the lint route, and the report route). */
  async function sendReport(reply: FastifyReply, results: LintResult[], reportFormat: RenderedFormat, locale: Locale | undefined, generatedAt: string): Promise<Buffer | string> {
    const reportLocale = locale ?? options.config.locale;
    const report = await format(results, reportFormat, { rules: ruleSummaries(reportLocale), locale: reportLocale, color: false, toolVersion: version, generatedAt });
    const ext = { sarif: 'sarif', html: 'html', xlsx: 'xlsx', csv: 'csv', junit: 'xml' }[reportFormat];
    reply.type(REPORT_MEDIA_TYPES[reportFormat]).header('Content-Disposition', `attachment; filename="jxlint-report.${ext}"`);
    return typeof report === 'string' ? report : Buffer.from(report);
  }

  // A report from results the caller already has (the page's Excel download): nothing is linted or
  // recorded again, so one submission is stored once.
  route(byId('report'), async (request, reply) => {
    const query = request.query as { format: RenderedFormat; locale?: Locale };
    const results = (request.body as ReportInput[]).map(reportInputToResult);
    try {
      return await sendReport(reply, results, query.format, query.locale, new Date().toISOString());
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new ServiceError(400, 'bad-results', `无法从提交的检查结果生成报告（${detail}）：请提交 POST /api/lint 返回的结果`, `cannot render a report from these results (${detail}); send what POST /api/lint answered`);
    }
  }, REPORT_BODY_LIMIT);

  /** Records one file's submission (unless --no-store): its id and, for a project seen before, the changes. */
  async function recordOne(upload: Upload, answer: PreparedAnswer, receivedAt: string): Promise<{ submissionId: number | null; changes: Changes | null }> {
    if (!options.store || !answer.submission) return { submissionId: null, changes: null };
    let storedFile: string | null = null;
    if (options.keepFilesDir) {
      const ext = path.extname(upload.fileName).toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 8);
      storedFile = `files/${answer.sha256}${ext}`;
      await mkdir(path.join(options.keepFilesDir, 'files'), { recursive: true, mode: 0o700 });
      await writeFile(path.join(options.keepFilesDir, storedFile), upload.bytes, { mode: 0o600 });
    }
    const { id, changes } = await options.store.record({ ...answer.submission, fileName: upload.fileName, sha256: answer.sha256, size: answer.size, receivedAt, storedFile });
    return { submissionId: id, changes };
  }

  /** The uploaded files, in memory (never written anywhere unless --keep-files). */
  async function readUploads(request: FastifyRequest, filename: string | undefined): Promise<Upload[]> {
    const type = request.headers['content-type'] ?? '';
    if (request.isMultipart()) {
      const uploads: Upload[] = [];
      try {
        for await (const part of request.parts()) {
          if (part.type !== 'file') continue;
          const bytes = await part.toBuffer();
          if (part.fieldname !== 'file') continue;
          uploads.push({ fileName: uploadName(part.filename), bytes });
        }
      } catch (error) {
        // Limits are the plugin's own errors (FST_…); anything else is a body that is not well-formed multipart.
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string' && code.startsWith('FST_')) throw error;
        const detail = error instanceof Error ? error.message : String(error);
        throw new ServiceError(400, 'malformed-multipart', `上传表单格式错误（${detail}）：请用 multipart/form-data 上传 file 字段`, `malformed multipart body (${detail})`);
      }
      if (uploads.length === 0) throw new ServiceError(400, 'no-file', '没有收到文件：请在 file 字段中上传文件', 'no file received; upload it in the `file` field');
      return uploads;
    }
    if (!Buffer.isBuffer(request.body)) {
      throw toServiceError({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }, limits);
    }
    if (!filename) {
      throw new ServiceError(400, 'missing-filename', `以 ${type || '原始字节'} 发送文件时需要 ?filename= 参数（文件名）`, 'a raw body needs the ?filename= query parameter');
    }
    return [{ fileName: uploadName(filename), bytes: request.body }];
  }

  route(byId('listRules'), async (request) => ruleSummaries((request.query as { locale: Locale }).locale));

  route(byId('getRule'), async (request) => {
    const { id } = request.params as { id: string };
    const { locale } = request.query as { locale: Locale };
    if (!getRule(id)) throw new ServiceError(404, 'unknown-rule', `没有规则 ${id}：规则列表见 /api/rules`, `no rule ${id}; see /api/rules`);
    const rule = ruleSummaries(locale).find((r) => r.id === id)!;
    return { rule, docs: { 'zh-CN': explainRule(id, 'zh-CN'), en: explainRule(id, 'en') } };
  });

  route(byId('listSubmissions'), async (request) => {
    const store = requireStore();
    const q = request.query as { agency?: string; project?: string; since?: string; limit: number; offset: number };
    let since: string | undefined;
    if (q.since !== undefined) {
      const t = new Date(q.since);
      if (Number.isNaN(t.getTime())) throw new ServiceError(400, 'bad-parameter', `since 不是有效的日期或时间：${q.since}（如 2026-03-01 或 2026-03-01T08:00:00Z）`, `since is not a date or time: ${q.since}`);
      since = t.toISOString();
    }
    return store.list({ agency: q.agency, project: q.project, since, limit: q.limit, offset: q.offset });
  });

  route(byId('getSubmission'), async (request) => {
    const store = requireStore();
    const { id } = request.params as { id: number };
    const found = await store.get(id);
    if (!found) throw new ServiceError(404, 'unknown-submission', `没有编号为 ${id} 的报送记录`, `no submission ${id}`);
    return found;
  });

  route(byId('projectHistory'), async (request) => {
    const store = requireStore();
    const { code } = request.params as { code: string };
    return { code, submissions: await store.projectHistory(code) };
  });

  route(byId('openapi'), async () => openapi);
  route(byId('health'), async () => ({ status: 'ok' }));
  route(byId('ready'), async (_request, reply) => {
    const storeState = options.store ? ((await options.store.ping().catch(() => false)) ? options.store.kind : 'unavailable') : 'off';
    const ready = !service.draining && storeState !== 'unavailable' && !pool.full;
    reply.code(ready ? 200 : 503);
    return { ready, store: storeState, jobs: pool.load, capacity: pool.capacity };
  });

  // The upload page (built by `npm run build` into dist/browser/).
  if (existsSync(path.join(options.pageDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: options.pageDir, prefix: '/', index: ['index.html'], wildcard: false, cacheControl: true, maxAge: 0 });
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><title>jxlint</title><p>上传页面尚未构建：请运行 npm run build（the upload page was not built; run npm run build）。接口说明见 <a href="/api/openapi.json">/api/openapi.json</a>。</p>\n'),
    );
  }

  app.addHook('onClose', async () => {
    await pool.close();
    await options.store?.close();
  });
  return service;
}
