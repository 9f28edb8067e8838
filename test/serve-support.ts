/**
 * Shared by the service tests: a service built from the TypeScript sources (the pool's worker
 * through tsx), multipart bodies, and every response checked against the OpenAPI document.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { buildService, DEFAULT_LIMITS, openApiDocument, type Service, type ServiceOptions } from '../src/serve/index.js';
import { resolveConfig } from '../src/index.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const fixture = (p: string) => readFileSync(path.join(root, 'fixtures', p));
export const WORKER = new URL('./serve-worker.mjs', import.meta.url).href;

export function tempDir(prefix = 'jxlint-serve-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function serviceOptions(over: Partial<ServiceOptions> = {}): ServiceOptions {
  return {
    config: resolveConfig(),
    store: null,
    keepFilesDir: null,
    token: null,
    corsOrigin: null,
    pageDir: path.join(tempDir(), 'no-page'),
    threads: 1,
    accessLog: null,
    workerFile: WORKER,
    ...DEFAULT_LIMITS,
    timeLimitMs: 120_000,
    ...over,
  };
}

export async function makeService(over: Partial<ServiceOptions> = {}): Promise<Service> {
  return buildService(serviceOptions(over));
}

/** A multipart/form-data body; each part `[field, filename, bytes]`. */
export function multipart(parts: [string, string, Uint8Array | string][]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----jxlint-test-boundary-7d1f';
  const chunks: Buffer[] = [];
  for (const [field, filename, bytes] of parts) {
    const disposition = filename ? `form-data; name="${field}"; filename="${filename}"` : `form-data; name="${field}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(Buffer.from(bytes));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

// ── OpenAPI conformance: every response a test sees is checked at the end ─────────────────────────

export interface SeenResponse {
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: string;
}

export const seen: SeenResponse[] = [];

/** fastify.inject, remembering the response for the conformance check. */
export async function call(service: Service, request: InjectOptions): Promise<LightMyRequestResponse> {
  const r = await service.app.inject(request);
  const req = request as { method?: string; url?: string };
  seen.push({ method: req.method ?? 'GET', url: req.url ?? '/', status: r.statusCode, contentType: String(r.headers['content-type'] ?? ''), body: r.body });
  return r;
}

/** Checks responses against the document: path, method, status and media type declared; JSON bodies match. */
export function expectConformance(responses: readonly SeenResponse[], tokenRequired = false): number {
  const doc = openApiDocument('test', tokenRequired) as {
    paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema?: object }> }> }>>;
  };
  const ajv = new Ajv({ strict: false, allErrors: true });
  const addFormats = formatsPlugin as unknown as { default: (a: Ajv) => void };
  addFormats.default(ajv);
  let checked = 0;
  for (const r of responses) {
    const pathname = r.url.split('?')[0]!;
    if (!pathname.startsWith('/api/') && pathname !== '/healthz' && pathname !== '/readyz') continue;
    const template = Object.keys(doc.paths).find((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname));
    if (!template) {
      // An unknown route: the one JSON error shape.
      expect(r.status, `${r.method} ${pathname}`).toBe(404);
      continue;
    }
    const op = doc.paths[template]![r.method.toLowerCase()];
    if (!op) continue; // a CORS preflight (OPTIONS)
    const declared = op.responses[String(r.status)];
    expect(declared, `${r.method} ${pathname} → ${r.status} is declared`).toBeDefined();
    const mediaType = r.contentType.split(';')[0]!.trim();
    const media = declared!.content[mediaType];
    expect(media, `${r.method} ${pathname} → ${r.status} ${mediaType} is declared`).toBeDefined();
    if (media!.schema) {
      const validate = ajv.compile(media!.schema);
      const ok = validate(JSON.parse(r.body));
      expect(ok ? [] : validate.errors, `${r.method} ${r.url} → ${r.status}`).toEqual([]);
    }
    checked++;
  }
  return checked;
}
