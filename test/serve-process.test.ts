/**
 * The service on a real socket: 100 parallel uploads past the queue bound get only 200 or 503 (with
 * Retry-After), every one answered; and SIGTERM lets a running upload finish before the exit.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../src/serve/index.js';
import { serviceWorkerFile } from '../src/serve/pool.js';
import { fixture, makeService, root } from './serve-support.js';

const seed = fixture('seed/seed.docx');

function upload(base: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([seed]), 'seed.docx');
  return fetch(`${base}/api/lint`, { method: 'POST', body: form });
}

describe('the pool\'s worker', () => {
  it.each([
    ['the compiled library (dist/src/serve/pool.js)', 'dist/src/serve/pool.js'],
    ['the bundled command line, where ./worker.js is the CLI\'s own worker (dist/bin/chunk-….js)', 'dist/bin/chunk-ABCDEF12.js'],
    ['the TypeScript sources', 'src/serve/pool.ts'],
  ])('is the service worker from %s', (_name, from) => {
    expect(serviceWorkerFile(pathToFileURL(path.join(root, from)).href)).toBe(path.join(root, 'dist/src/serve/worker.js'));
  });
});

// The built command line (dist/bin, bundled by esbuild) as a user runs it: SQLite store and the pool's
// compiled worker — both broke in the bundle while the sources worked. Needs `npm run build`.
const builtCli = path.join(root, 'dist/bin/main.js');
describe.skipIf(!existsSync(builtCli))('the built jxlint serve (dist/bin/main.js)', () => {
  it('records an upload in SQLite and answers its findings', async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'jxlint-built-serve-'));
    const child = spawn(process.execPath, [builtCli, 'serve', '--port', '0', '--data', data, '--threads', '1'], { cwd: data, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      let stderr = '';
      const address = await new Promise<string>((resolve, reject) => {
        child.stderr!.on('data', (d: Buffer) => {
          stderr += d.toString();
          const m = /"event":"listening","address":"([^"]+)"/.exec(stderr);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
      });
      const response = await upload(address);
      expect(response.status).toBe(200);
      const [result] = (await response.json()) as FileResult[];
      expect([result!.status, result!.projects.length, result!.submissionId]).toEqual(['problems', 18, 1]);
      expect(((await (await fetch(`${address}/api/submissions`)).json()) as { total: number }).total).toBe(1);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(data, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('on a real socket', () => {
  it('100 parallel uploads past the queue bound: only 200 and 503, none lost', async () => {
    const service = await makeService({ maxQueue: 4 });
    const address = await service.app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const responses = await Promise.all(Array.from({ length: 100 }, () => upload(address)));
      const statuses = responses.map((r) => r.status);
      expect(statuses).toHaveLength(100);
      expect(new Set(statuses)).toEqual(new Set([200, 503]));
      for (const r of responses) {
        const body = await r.json();
        if (r.status === 503) {
          expect(r.headers.get('retry-after')).toBe('2');
          expect(body.code).toBe('queue-full');
        } else expect((body as FileResult[])[0]!.projects).toHaveLength(18);
      }
      expect((await fetch(`${address}/healthz`)).status).toBe(200);
    } finally {
      await service.app.close();
    }
  }, 300_000);

  it('SIGTERM: stops accepting, finishes the running upload, exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/serve-process-main.ts')], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const address = await new Promise<string>((resolve, reject) => {
      child.stderr!.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /"event":"listening","address":"([^"]+)"/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      child.once('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const running = upload(address);
    // The upload is being linted (the worker's first file takes seconds from sources) when SIGTERM arrives.
    await new Promise((r) => setTimeout(r, 500));
    child.kill('SIGTERM');
    const response = await running;
    expect(response.status).toBe(200);
    expect(((await response.json()) as FileResult[])[0]!.projects).toHaveLength(18);
    expect(await exited).toBe(0);
    expect(stderr).toContain('"event":"stopped"');
    await expect(fetch(`${address}/healthz`)).rejects.toThrow();
  }, 300_000);
});
