/**
 * The intake service under load (`npm run bench -- serve`): `jxlint serve` runs as its own process
 * (dist/bin/main.cjs, as deployed: access log on, default pool), and autocannon on loopback uploads the
 * seed .docx (multipart) a fixed number of times from 4 and 16 connections, with recording off and
 * with SQLite recording on. Per row: uploads/s, p50/p99 latency, the service's CPU time per upload
 * (all its threads, from /proc — what the machine's cores must supply, whatever else runs on them —
 * and its main thread's share), the uploads/s the cores would allow at that cost,
 * its peak RSS, failed requests (anything but 200, errors, timeouts) and the load average before and
 * after, since a shared machine's numbers mean little without it.
 * Run alone: `node dist/bench/serve.js [requests]`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { type BenchRow, printRows, repoRoot } from './util.js';

const REQUESTS = Number(process.argv[2] ?? 0) || 400;
const CLOCK_TICKS = 100; // USER_HZ on Linux

function multipartBody(name: string, bytes: Buffer): { body: Buffer; contentType: string } {
  const boundary = '----jxlint-bench-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** CPU time of a thread or a process (ms: utime + stime) from a /proc stat line. */
function statCpuMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS; // utime, stime
}

/**
 * CPU time (ms) of a process — every thread, and its main thread (the event loop: HTTP, multipart,
 * the store) apart from the pool threads and V8's helpers — and its peak RSS (MiB), from /proc.
 */
function processStats(pid: number): { cpuMs: number; mainThreadCpuMs: number; peakRssMiB: number } {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return {
    cpuMs: statCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8')),
    mainThreadCpuMs: statCpuMs(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8')),
    peakRssMiB: hwm ? Number(hwm[1]) / 1024 : NaN,
  };
}

async function startServe(root: string, record: boolean, data: string): Promise<{ child: ChildProcess; url: string }> {
  const args = [path.join(root, 'dist/bin/main.cjs'), 'serve', '--host', '127.0.0.1', '--port', '0', ...(record ? ['--data', data] : ['--no-store'])];
  const child = spawn(process.execPath, args, { cwd: data, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /"event":"listening","address":"([^"]+)"/.exec(stderr);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`jxlint serve exited (${code}): ${stderr}`)));
  });
  return { child, url };
}

interface Measured {
  label: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerUpload: number;
  mainThreadCpuMsPerUpload: number;
  peakRssMiB: number;
  failures: number;
  failureDetail: string;
  loadBefore: number;
  loadAfter: number;
}

async function measure(root: string, record: boolean, connections: number, upload: { body: Buffer; contentType: string }): Promise<Measured> {
  const data = mkdtempSync(path.join(tmpdir(), 'jxlint-bench-serve-'));
  const { child, url } = await startServe(root, record, data);
  const request = { method: 'POST' as const, path: '/api/lint', headers: { 'content-type': upload.contentType }, body: upload.body };
  try {
    // Warm the worker threads (module loading, JIT) before measuring.
    await autocannon({ url, connections, amount: connections * 4, requests: [request], timeout: 60 });
    const loadBefore = loadavg()[0]!;
    const before = processStats(child.pid!);
    const r = await autocannon({ url, connections, amount: REQUESTS, requests: [request], timeout: 60 });
    const after = processStats(child.pid!);
    const ok = r.statusCodeStats?.['200']?.count ?? r['2xx'];
    const others = Object.entries(r.statusCodeStats ?? {})
      .filter(([code]) => code !== '200')
      .map(([code, s]) => `${s.count}×${code}`);
    if (r.errors) others.push(`${r.errors} errors`);
    if (r.timeouts) others.push(`${r.timeouts} timeouts`);
    return {
      label: record ? 'SQLite recording' : 'recording off',
      connections,
      rps: REQUESTS / r.duration, // autocannon's duration is in seconds
      p50: r.latency.p50,
      p99: r.latency.p99,
      cpuMsPerUpload: (after.cpuMs - before.cpuMs) / REQUESTS,
      mainThreadCpuMsPerUpload: (after.mainThreadCpuMs - before.mainThreadCpuMs) / REQUESTS,
      peakRssMiB: after.peakRssMiB,
      failures: REQUESTS - ok + r.errors + r.timeouts,
      failureDetail: others.join(', '),
      loadBefore,
      loadAfter: loadavg()[0]!,
    };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(data, { recursive: true, force: true });
  }
}

export async function benchServe(): Promise<BenchRow[]> {
  const root = repoRoot();
  const upload = multipartBody('seed.docx', readFileSync(path.join(root, 'fixtures/seed/seed.docx')));
  const cores = availableParallelism();
  const rows: BenchRow[] = [];
  for (const record of [false, true]) {
    for (const connections of [4, 16]) {
      const m = await measure(root, record, connections, upload);
      const name = `${m.label}, ${connections} connections (${REQUESTS} uploads)`;
      const rpsTarget = connections === 4 ? (record ? 30 : 40) : undefined;
      rows.push({ name: `${name}: uploads/s (load average ${m.loadBefore.toFixed(1)} → ${m.loadAfter.toFixed(1)})`, value: m.rps, unit: '/s', ...(rpsTarget ? { target: `≥ ${rpsTarget}`, ok: m.rps >= rpsTarget } : {}) });
      rows.push({ name: `${name}: p50`, value: m.p50, unit: 'ms' });
      rows.push({ name: `${name}: p99`, value: m.p99, unit: 'ms', ...(connections === 4 && !record ? { target: '≤ 250 ms', ok: m.p99 <= 250 } : {}) });
      // The CPU an upload may cost for the target rate on these cores (2 cores, 40/s: 50 ms).
      const cpuBudget = (1000 * cores) / (record ? 30 : 40);
      rows.push({ name: `${name}: service CPU per upload (all threads)`, value: m.cpuMsPerUpload, unit: 'ms', target: `≤ ${cpuBudget.toFixed(0)} ms`, ok: m.cpuMsPerUpload <= cpuBudget });
      rows.push({ name: `${name}: of which the main thread (HTTP, multipart${record ? ', SQLite' : ''})`, value: m.mainThreadCpuMsPerUpload, unit: 'ms' });
      rows.push({ name: `${name}: uploads/s the ${cores} cores would allow (1000 × cores ÷ CPU per upload)`, value: (1000 * cores) / m.cpuMsPerUpload, unit: '/s' });
      rows.push({ name: `${name}: peak RSS of the service`, value: m.peakRssMiB, unit: 'MiB' });
      rows.push({ name: `${name}: failed requests${m.failureDetail ? ` (${m.failureDetail})` : ''}`, value: m.failures, unit: '', target: '0', ok: m.failures === 0 });
    }
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  printRows('Intake service (jxlint serve): seed .docx uploads on loopback', await benchServe());
}
