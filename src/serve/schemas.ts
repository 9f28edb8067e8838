/**
 * The API's schemas (JSON Schema): the request parts validate requests in fastify, and the same
 * objects, with the responses, make the OpenAPI 3.1 document served at /api/openapi.json.
 */
export type JsonSchema = Record<string, unknown>;

const nullable = (type: string) => ({ type: [type, 'null'] });

export const errorSchema = {
  type: 'object',
  required: ['status', 'code', 'message', 'messageEn'],
  additionalProperties: false,
  properties: {
    status: { type: 'integer' },
    code: { type: 'string' },
    message: { type: 'string', description: '中文说明' },
    messageEn: { type: 'string' },
  },
} as const;

const findingSchema = {
  type: 'object',
  required: ['fingerprint', 'projectCode', 'ruleId', 'severity', 'message', 'location', 'found'],
  additionalProperties: false,
  properties: {
    fingerprint: nullable('string'),
    projectCode: nullable('string'),
    ruleId: nullable('string'),
    severity: { type: 'integer', enum: [0, 1, 2] },
    message: { type: 'string' },
    location: { type: 'string' },
    found: nullable('string'),
  },
};

const findingList = { type: 'array', items: findingSchema };

export const changesSchema = {
  type: 'object',
  description: '整改 changes since the previous submission of each project seen before (matched by fingerprint)',
  required: ['fixed', 'new', 'remaining', 'projects'],
  additionalProperties: false,
  properties: {
    fixed: { type: 'integer', minimum: 0 },
    new: { type: 'integer', minimum: 0 },
    remaining: { type: 'integer', minimum: 0 },
    projects: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'previousSubmission', 'fixed', 'new', 'remaining'],
        additionalProperties: false,
        properties: {
          code: { type: 'string' },
          previousSubmission: { type: 'integer' },
          fixed: findingList,
          new: findingList,
          remaining: findingList,
        },
      },
    },
  },
};

const messageSchema = {
  type: 'object',
  required: ['ruleId', 'severity', 'message', 'messageId', 'projectCode', 'line', 'column', 'location', 'role'],
  properties: {
    ruleId: nullable('string'),
    severity: { type: 'integer', enum: [0, 1, 2] },
    message: { type: 'string' },
    messageId: { type: 'string' },
    projectCode: nullable('string'),
    projectName: nullable('string'),
    projectIndex: nullable('integer'),
    line: nullable('integer'),
    column: nullable('integer'),
    location: { type: 'string' },
    role: nullable('string'),
    found: nullable('string'),
    suggestion: nullable('string'),
    fingerprint: { type: 'string' },
    fatal: { const: true },
  },
};

const projectSchema = {
  type: 'object',
  required: ['index', 'code', 'name', 'agency'],
  properties: { index: { type: 'integer' }, code: nullable('string'), name: nullable('string'), agency: nullable('string') },
};

/** One file's result: the `-f json` result with a status a caller cannot misread, and 整改 changes. */
export const fileResultSchema = {
  type: 'object',
  required: ['filePath', 'status', 'format', 'encoding', 'projects', 'messages', 'errorCount', 'warningCount', 'infoCount', 'fatalErrorCount', 'fixableCount', 'sha256', 'size', 'submissionId'],
  properties: {
    filePath: { type: 'string', description: 'the uploaded file name' },
    status: { type: 'string', enum: ['ok', 'problems', 'unreadable'], description: 'ok: read, no findings; problems: read, with findings; unreadable: one fatal message' },
    format: nullable('string'),
    encoding: nullable('string'),
    projects: { type: 'array', items: projectSchema },
    messages: { type: 'array', items: messageSchema },
    errorCount: { type: 'integer' },
    warningCount: { type: 'integer' },
    infoCount: { type: 'integer' },
    fatalErrorCount: { type: 'integer' },
    fixableCount: { type: 'integer' },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    size: { type: 'integer' },
    submissionId: { ...nullable('integer'), description: 'the recorded submission (null with --no-store)' },
    changes: changesSchema,
  },
};

export const REPORT_FORMATS = ['json', 'sarif', 'html', 'xlsx', 'csv', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const lintQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    filename: { type: 'string', minLength: 1, maxLength: 255, description: 'name of the file sent as the raw body (required then)' },
    format: { type: 'string', enum: [...REPORT_FORMATS], default: 'json', description: 'report instead of JSON results' },
    locale: { type: 'string', enum: ['zh-CN', 'en'] },
  },
};

/** Formats `POST /api/report` renders (the JSON results are what it is given). */
export const RENDERED_FORMATS = ['xlsx', 'sarif', 'html', 'csv', 'junit'] as const;
export type RenderedFormat = (typeof RENDERED_FORMATS)[number];

export const reportQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    format: { type: 'string', enum: [...RENDERED_FORMATS], default: 'xlsx', description: 'the report to render' },
    locale: { type: 'string', enum: ['zh-CN', 'en'] },
  },
};

/**
 * The results a report is rendered from: what `POST /api/lint` answered (statuses ok | problems |
 * unreadable), or the `-f json` results of the CLI and the upload page (ok | failed). Nothing is
 * linted and nothing is recorded.
 */
export const reportBodySchema = {
  type: 'array',
  minItems: 1,
  maxItems: 1000,
  items: {
    type: 'object',
    required: ['filePath', 'status', 'projects', 'messages', 'errorCount', 'warningCount', 'infoCount', 'fatalErrorCount', 'fixableCount'],
    properties: {
      ...fileResultSchema.properties,
      status: { type: 'string', enum: ['ok', 'problems', 'unreadable', 'failed', 'skipped'] },
      format: nullable('string'),
      encoding: nullable('string'),
    },
  },
};

export const localeQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { locale: { type: 'string', enum: ['zh-CN', 'en'], default: 'zh-CN' } },
};

const ruleSummarySchema = {
  type: 'object',
  required: ['id', 'category', 'severity', 'fixable', 'description', 'descriptionEn', 'kind', 'docsUrl'],
  properties: {
    id: { type: 'string' },
    category: { type: 'string' },
    severity: { type: 'string', enum: ['info', 'warn', 'error'] },
    fixable: { type: 'boolean' },
    fix: { type: 'string', enum: ['safe', 'unsafe', 'both'] },
    description: { type: 'string' },
    descriptionEn: { type: 'string' },
    kind: { type: 'string', enum: ['exact', 'heuristic'] },
    docsUrl: { type: 'string' },
  },
};

export const ruleIdParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[a-z0-9-]+$', maxLength: 100 } },
};

const ruleDocsSchema = {
  type: 'object',
  required: ['rule', 'docs'],
  additionalProperties: false,
  properties: {
    rule: ruleSummarySchema,
    docs: {
      type: 'object',
      required: ['zh-CN', 'en'],
      additionalProperties: false,
      properties: { 'zh-CN': { type: 'string', description: 'Markdown' }, en: { type: 'string', description: 'Markdown' } },
    },
  },
};

export const submissionsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    agency: { type: 'string', minLength: 1, maxLength: 200, description: '预算单位' },
    project: { type: 'string', minLength: 1, maxLength: 100, description: '项目编码' },
    since: { type: 'string', minLength: 4, maxLength: 40, description: 'ISO date or time: received at or after it' },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
};

export const submissionParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
};

export const projectParamsSchema = {
  type: 'object',
  required: ['code'],
  properties: { code: { type: 'string', minLength: 1, maxLength: 100 } },
};

const recordedProjectSchema = {
  type: 'object',
  required: ['code', 'name', 'agency'],
  additionalProperties: false,
  properties: { code: { type: 'string' }, name: nullable('string'), agency: nullable('string') },
};

const submissionSummaryProperties = {
  id: { type: 'integer' },
  fileName: { type: 'string' },
  sha256: { type: 'string' },
  size: { type: 'integer' },
  receivedAt: { type: 'string', format: 'date-time' },
  agency: nullable('string'),
  status: { type: 'string', enum: ['ok', 'problems', 'unreadable'] },
  errorCount: { type: 'integer' },
  warningCount: { type: 'integer' },
  infoCount: { type: 'integer' },
  storedFile: nullable('string'),
  projects: { type: 'array', items: recordedProjectSchema },
};
const submissionSummaryRequired = Object.keys(submissionSummaryProperties);

const submissionSummarySchema = { type: 'object', required: submissionSummaryRequired, additionalProperties: false, properties: submissionSummaryProperties };

const submissionPageSchema = {
  type: 'object',
  required: ['total', 'limit', 'offset', 'items'],
  additionalProperties: false,
  properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, items: { type: 'array', items: submissionSummarySchema } },
};

const submissionDetailSchema = {
  type: 'object',
  required: [...submissionSummaryRequired, 'findings'],
  additionalProperties: false,
  properties: { ...submissionSummaryProperties, findings: findingList },
};

const projectHistorySchema = {
  type: 'object',
  required: ['code', 'submissions'],
  additionalProperties: false,
  properties: {
    code: { type: 'string' },
    submissions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['submission', 'receivedAt', 'fileName', 'agency', 'name', 'errorCount', 'warningCount', 'infoCount', 'findingCount'],
        additionalProperties: false,
        properties: {
          submission: { type: 'integer' },
          receivedAt: { type: 'string', format: 'date-time' },
          fileName: { type: 'string' },
          agency: nullable('string'),
          name: nullable('string'),
          errorCount: { type: 'integer' },
          warningCount: { type: 'integer' },
          infoCount: { type: 'integer' },
          findingCount: { type: 'integer' },
        },
      },
    },
  },
};

const healthSchema = { type: 'object', required: ['status'], additionalProperties: false, properties: { status: { const: 'ok' } } };

const readySchema = {
  type: 'object',
  required: ['ready', 'store', 'jobs', 'capacity'],
  additionalProperties: false,
  properties: {
    ready: { type: 'boolean' },
    store: { type: 'string', enum: ['sqlite', 'postgres', 'off', 'unavailable'] },
    jobs: { type: 'integer', description: 'files being linted or queued' },
    capacity: { type: 'integer' },
  },
};

/** A route as documented and registered: the request schemas validate, the responses document. */
export interface ApiRoute {
  method: 'GET' | 'POST';
  url: string;
  operationId: string;
  summary: string;
  querystring?: JsonSchema;
  params?: JsonSchema;
  /** A JSON body fastify validates (also documented as the requestBody). */
  body?: JsonSchema;
  requestBody?: JsonSchema;
  /** status → media type → schema (null: not JSON, no schema). */
  responses: Record<number, { description: string; content: Record<string, JsonSchema | null>; headers?: Record<string, JsonSchema> }>;
  /** Needs the bearer token when the service has one. */
  auth: boolean;
}

const json = (schema: JsonSchema) => ({ 'application/json': schema });
const error = (description: string) => ({ description, content: json(errorSchema) });
const authErrors = { 401: error('missing or wrong bearer token (--token)') };

export const REPORT_MEDIA_TYPES: Record<Exclude<ReportFormat, 'json'>, string> = {
  sarif: 'application/sarif+json',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  junit: 'application/xml; charset=utf-8',
};

const lintResponse = (description: string) => ({
  description,
  content: {
    ...json({ type: 'array', items: fileResultSchema }),
    ...Object.fromEntries(Object.values(REPORT_MEDIA_TYPES).map((t) => [t.split(';')[0]!, null])),
  },
});

export const apiRoutes: ApiRoute[] = [
  {
    method: 'POST',
    url: '/api/lint',
    operationId: 'lint',
    summary: 'Lint uploaded submissions (multipart field `file`, one or more; or a raw body with ?filename=)',
    querystring: lintQuerySchema,
    requestBody: {
      'multipart/form-data': { type: 'object', properties: { file: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' } } } },
      'application/octet-stream': { type: 'string', contentMediaType: 'application/octet-stream' },
    },
    responses: {
      200: lintResponse('at least one file was read: one result per file, in upload order (or the report asked for)'),
      400: error('malformed multipart, no file, a missing filename, or a bad query'),
      ...authErrors,
      413: error('a file over the upload limit, or too many files'),
      415: error('unsupported media type'),
      422: lintResponse('no file could be read (the same body as 200)'),
      503: { ...error('the lint queue is full, or the service is shutting down; retry later'), headers: { 'Retry-After': { type: 'integer' } } },
    },
    auth: true,
  },
  {
    method: 'POST',
    url: '/api/report',
    operationId: 'report',
    summary: 'Render a report (xlsx, SARIF, HTML, CSV, JUnit) from results already linted — the JSON answer of POST /api/lint or the page\'s own; nothing is linted or recorded again',
    querystring: reportQuerySchema,
    body: reportBodySchema,
    requestBody: { 'application/json': reportBodySchema },
    responses: {
      200: {
        description: 'the report, as an attachment',
        content: Object.fromEntries(Object.values(REPORT_MEDIA_TYPES).map((t) => [t.split(';')[0]!, null])),
      },
      400: error('the body is not a list of results, or a bad query'),
      ...authErrors,
      413: error('the body is larger than the upload limit'),
      415: error('the body is not JSON'),
    },
    auth: true,
  },
  {
    method: 'GET',
    url: '/api/rules',
    operationId: 'listRules',
    summary: 'Every rule',
    querystring: localeQuerySchema,
    responses: { 200: { description: 'the rules', content: json({ type: 'array', items: ruleSummarySchema }) }, 400: error('bad query'), ...authErrors },
    auth: true,
  },
  {
    method: 'GET',
    url: '/api/rules/:id',
    operationId: 'getRule',
    summary: "One rule with its docs (zh-CN and en, Markdown)",
    params: ruleIdParamsSchema,
    querystring: localeQuerySchema,
    responses: { 200: { description: 'the rule', content: json(ruleDocsSchema) }, 400: error('bad id'), ...authErrors, 404: error('no such rule') },
    auth: true,
  },
  {
    method: 'GET',
    url: '/api/submissions',
    operationId: 'listSubmissions',
    summary: 'Recorded submissions, newest first (paged)',
    querystring: submissionsQuerySchema,
    responses: { 200: { description: 'a page', content: json(submissionPageSchema) }, 400: error('bad query'), ...authErrors, 404: error('recording is off (--no-store)') },
    auth: true,
  },
  {
    method: 'GET',
    url: '/api/submissions/:id',
    operationId: 'getSubmission',
    summary: 'One recorded submission with its findings',
    params: submissionParamsSchema,
    responses: { 200: { description: 'the submission', content: json(submissionDetailSchema) }, 400: error('bad id'), ...authErrors, 404: error('no such submission, or recording is off') },
    auth: true,
  },
  {
    method: 'GET',
    url: '/api/projects/:code/history',
    operationId: 'projectHistory',
    summary: "A project's submissions, oldest first",
    params: projectParamsSchema,
    responses: { 200: { description: 'the history (empty when never seen)', content: json(projectHistorySchema) }, ...authErrors, 404: error('recording is off (--no-store)') },
    auth: true,
  },
  {
    method: 'GET',
    url: '/api/openapi.json',
    operationId: 'openapi',
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1', content: json({ type: 'object', required: ['openapi', 'paths'] }) } },
    auth: false,
  },
  {
    method: 'GET',
    url: '/healthz',
    operationId: 'health',
    summary: 'Liveness',
    responses: { 200: { description: 'the process answers', content: json(healthSchema) } },
    auth: false,
  },
  {
    method: 'GET',
    url: '/readyz',
    operationId: 'ready',
    summary: 'Readiness: the store answers, the queue has room and the service is not shutting down',
    responses: { 200: { description: 'ready', content: json(readySchema) }, 503: { description: 'not ready', content: json(readySchema) } },
    auth: false,
  },
];

/** `/api/rules/:id` → `/api/rules/{id}`. */
export const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

function parameters(route: ApiRoute): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.querystring],
  ] as const) {
    if (!schema) continue;
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required as string[] | undefined) ?? []);
    for (const [name, s] of Object.entries(props)) out.push({ name, in: where, required: where === 'path' || required.has(name), schema: s });
  }
  return out;
}

/** The OpenAPI 3.1 document of the routes. */
export function openApiDocument(version: string, tokenRequired: boolean): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of apiRoutes) {
    const op: JsonSchema = {
      operationId: route.operationId,
      summary: route.summary,
      parameters: parameters(route),
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            content: Object.fromEntries(Object.entries(r.content).map(([type, schema]) => [type, schema ? { schema } : {}])),
            ...(r.headers ? { headers: Object.fromEntries(Object.entries(r.headers).map(([h, schema]) => [h, { schema }])) } : {}),
          },
        ]),
      ),
    };
    if (route.requestBody) op.requestBody = { required: true, content: Object.fromEntries(Object.entries(route.requestBody).map(([t, schema]) => [t, { schema }])) };
    if (route.auth && tokenRequired) op.security = [{ bearer: [] }];
    (paths[openApiPath(route.url)] ??= {})[route.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'jxlint intake service (绩效目标表检查服务)', version },
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
