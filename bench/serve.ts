/**
 * The intake service under load (`npm run bench -- serve`): autocannon on loopback uploads the seed
 * .docx (multipart) a fixed number of times from 4 and 16 connections, with recording off and with
 * SQLite recording on. Requests/s, p50/p99 latency, peak RSS of the process (worker threads
 * included) and failed requests (anything but 200, errors, timeouts). Run alone: `node dist/bench/serve.js`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { serviceFromOptions } from '../src/serve/index.js';
import { type BenchRow, printRows } from './util.js';

const REQUESTS = 400;

function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!readdirHasPackage(dir)) dir = path.dirname(dir);
  return dir;
}
function readdirHasPackage(dir: string): boolean {
  try {
    readFileSync(path.join(dir, 'package.json'));
    return true;
  } catch {
    return false;
  }
}

function multipartBody(name: string, bytes: Buffer): { body: Buffer; contentType: string } {
  const boundary = '----jxlint-bench-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

interface Measured {
  label: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  peakRssMiB: number;
  failures: number;
}

async function measure(record: boolean, connections: number, upload: { body: Buffer; contentType: string }): Promise<Measured> {
  const data = mkdtempSync(path.join(tmpdir(), 'jxlint-bench-serve-'));
  const service = await serviceFromOptions({ host: '127.0.0.1', port: 0, store: record, data }, { accessLog: null });
  const url = await service.app.listen({ host: '127.0.0.1', port: 0 });
  const request = { method: 'POST' as const, path: '/api/lint', headers: { 'content-type': upload.contentType }, body: upload.body };
  try {
    // Warm the worker threads (module loading, JIT) before measuring.
    await autocannon({ url, connections, amount: connections * 4, requests: [request] });
    let peak = process.memoryUsage.rss();
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
    const r = await autocannon({ url, connections, amount: REQUESTS, requests: [request], timeout: 30 });
    clearInterval(sampler);
    const ok = r.statusCodeStats?.['200']?.count ?? r['2xx'];
    return {
      label: record ? 'SQLite recording' : 'recording off',
      connections,
      rps: (REQUESTS / r.duration) * 1, // autocannon's duration is in seconds
      p50: r.latency.p50,
      p99: r.latency.p99,
      peakRssMiB: peak / 1048576,
      failures: REQUESTS - ok + r.errors + r.timeouts,
    };
  } finally {
    await service.app.close();
    rmSync(data, { recursive: true, force: true });
  }
}

export async function benchServe(): Promise<BenchRow[]> {
  const upload = multipartBody('seed.docx', readFileSync(path.join(repoRoot(), 'fixtures/seed/seed.docx')));
  const rows: BenchRow[] = [];
  for (const record of [false, true]) {
    for (const connections of [4, 16]) {
      const m = await measure(record, connections, upload);
      const name = `${m.label}, ${connections} connections (${REQUESTS} uploads)`;
      const rpsTarget = connections === 4 ? (record ? 30 : 40) : undefined;
      rows.push({ name: `${name}: uploads/s`, value: m.rps, unit: '/s', ...(rpsTarget ? { target: `≥ ${rpsTarget}`, ok: m.rps >= rpsTarget } : {}) });
      rows.push({ name: `${name}: p50`, value: m.p50, unit: 'ms' });
      rows.push({
        name: `${name}: p99`,
        value: m.p99,
        unit: 'ms',
        ...(connections === 4 && !record ? { target: '≤ 250 ms', ok: m.p99 <= 250 } : {}),
      });
      rows.push({ name: `${name}: peak RSS`, value: m.peakRssMiB, unit: 'MiB' });
      rows.push({ name: `${name}: failed requests`, value: m.failures, unit: '', target: '0', ok: m.failures === 0 });
    }
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  printRows('Intake service (jxlint serve): seed .docx uploads on loopback', await benchServe());
}
