/**
 * Issue 15, the batch under faults of its own: a worker process that exits, crashes, loops, runs out
 * of memory or dies of a signal on one file fails that file only (one line naming what to do) while
 * the batch goes on; SIGINT and SIGTERM stop a batch cleanly — earlier reports survive, nothing
 * half-written or temporary is left, one line says so, exit code 2; a batch killed outright leaves
 * no worker process running.
 *
 * Worker deaths are forced through the worker's test hook (JXLINT_TEST_WORKER_FAULT, worker processes
 * only) and, for memory, also for real: a large export under a small --max-worker-memory.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFilesToReports, RunInterrupted } from '../src/node.js';
import { BIN, BUILD, cleanup, copySeed, ensureBuilt, parseJsonResults, runCli, runCliWatchingChunkFiles, SEED, tempDir, type JsonResult } from './cli-support.js';

let dir: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = tempDir('jxlint-workers-');
}, 900_000);

afterAll(() => {
  if (dir) cleanup(dir);
});

function fatalCode(result: JsonResult | undefined): string | undefined {
  return (result?.messages.find((m) => m.fatal) as { messageId?: string } | undefined)?.messageId;
}

describe('a worker that dies takes only its own file', () => {
  it('exit, crash, endless loop, heap exhaustion and a native crash on five files: five fatal results, the five others checked', async () => {
    const work = path.join(dir, 'faults');
    for (let i = 1; i <= 10; i++) copySeed('seed.txt', work, `scan/f${i}.txt`);
    const r = await runCli(['scan', '--concurrency', '2', '--time-limit', '40000', '--max-worker-memory', '96MiB', '-f', 'json', '-o', 'out.json'], {
      cwd: work,
      env: { JXLINT_TEST_WORKER_FAULT: 'exit:f2.txt,crash:f4.txt,oom:f6.txt,hang:f8.txt,segfault:f10.txt' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const results = parseJsonResults(readFileSync(path.join(work, 'out.json'), 'utf8'));
    const byName = new Map(results.map((res) => [path.basename(res.filePath), res]));
    const expected: [string, string | undefined, RegExp | null][] = [
      ['f1.txt', undefined, null],
      ['f10.txt', 'worker-exited', /工作进程意外退出（信号 SIGSEGV）/],
      ['f2.txt', 'worker-exited', /工作进程意外退出（退出码 3）/],
      ['f3.txt', undefined, null],
      ['f4.txt', 'internal-error', /injected crash/],
      ['f5.txt', undefined, null],
      ['f6.txt', 'out-of-memory', /超出了内存上限（每个工作进程 96 MiB）.*--max-worker-memory/],
      ['f7.txt', undefined, null],
      ['f8.txt', 'time-limit', /检查超时（超过 40 秒）.*--time-limit/],
      ['f9.txt', undefined, null],
    ];
    expect(results).toHaveLength(expected.length);
    for (const [name, code, message] of expected) {
      const result = byName.get(name);
      expect(result?.status, name).toBe(code ? 'failed' : 'ok');
      expect(fatalCode(result), name).toBe(code);
      if (message) expect(result!.messages[0]!.message, name).toMatch(message);
    }
  }, 600_000);

  it('a real heap exhaustion: a 4.6 MB export under --max-worker-memory 64MiB fails alone; small files beside it are checked', async () => {
    const work = path.join(dir, 'real-oom');
    const seed = readFileSync(path.join(SEED, 'seed.txt'), 'utf8');
    mkdirSync(path.join(work, 'scan'), { recursive: true });
    writeFileSync(path.join(work, 'scan/big.txt'), seed.repeat(150));
    for (let i = 1; i <= 3; i++) copySeed('seed.txt', work, `scan/small-${i}.txt`);
    // The whole document needs more than 64 MiB; linted project by project (src/node/lint-bounded.ts) it would fit, so that is off here.
    const r = await runCli(['scan', '--concurrency', '2', '--max-worker-memory', '64MiB', '--max-file-size', '100MiB', '-f', 'json', '-o', 'out.json'], { cwd: work, env: { JXLINT_BOUNDED_LINT_THRESHOLD: 'off' } });
    expect(r.code).toBe(2);
    const results = parseJsonResults(readFileSync(path.join(work, 'out.json'), 'utf8'));
    expect(results.map((res) => [path.basename(res.filePath), res.status, fatalCode(res)])).toEqual([
      ['big.txt', 'failed', 'out-of-memory'],
      ['small-1.txt', 'ok', undefined],
      ['small-2.txt', 'ok', undefined],
      ['small-3.txt', 'ok', undefined],
    ]);
  }, 600_000);
});

/** The pids of a process's children (/proc/PID/task/TID/children). */
function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** CPU seconds a process has used (/proc/PID/stat utime + stime, in clock ticks of 10 ms). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));

describe('a batch killed outright (SIGKILL, the out-of-memory killer)', () => {
  it('leaves no worker process behind, not even one stuck in an endless file', async () => {
    const work = path.join(dir, 'killed');
    for (let i = 1; i <= 4; i++) copySeed('seed.txt', work, `scan/f${i}.txt`);
    const child = spawn(process.execPath, [BIN, 'scan', '--concurrency', '2', '-f', 'json', '-o', 'out.json'], {
      cwd: work,
      env: { ...process.env, CI: '1', JXLINT_TEST_WORKER_FAULT: 'hang:f1.txt,hang:f2.txt' },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('close', resolve));
    // Both worker processes are started and each is stuck in its first file.
    let workers: number[] = [];
    for (let waited = 0; workers.length < 2 && waited < 30_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      workers = childPids(child.pid!);
    }
    expect(workers).toHaveLength(2);
    // …stuck: each has spun for 2 CPU-s, far more than starting takes.
    for (let waited = 0; !workers.every((pid) => cpuSeconds(pid) > 2) && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(workers.map(cpuSeconds).every((s) => s > 2)).toBe(true);
    child.kill('SIGKILL');
    await exited;
    for (let waited = 0; workers.some(alive) && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(workers.filter(alive)).toEqual([]);
  }, 120_000);
});

describe('a caller that stops reading results', () => {
  it('iterateLintFiles on two worker processes, left after its first result without return(): Node still exits', async () => {
    const work = path.join(dir, 'abandoned');
    for (let i = 1; i <= 12; i++) copySeed('seed.txt', work, `f${i}.txt`);
    const script = [
      `import { iterateLintFiles } from ${JSON.stringify(pathToFileURL(path.join(BUILD, 'src/node.js')).href)};`,
      `const results = iterateLintFiles([${JSON.stringify(work)}], { concurrency: 2 });`,
      `const first = await results.next();`,
      `process.stdout.write(first.value.status);`,
    ].join('\n');
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await Promise.race([
      new Promise<number | null>((resolve) => child.on('close', resolve)),
      new Promise<string>((resolve) => setTimeout(() => resolve('still running after 60 s'), 60_000)),
    ]);
    child.kill('SIGKILL');
    expect(code).toBe(0);
    expect(out).toBe('ok');
  }, 120_000);
});

describe('worker processes hand their pieces over through files', () => {
  it('json, csv and report-json from two worker processes equal one process byte for byte; chunk files go as they are copied and nothing is left', async () => {
    const work = path.join(dir, 'pieces');
    for (let i = 1; i <= 60; i++) copySeed(i % 3 === 0 ? 'seed.docx' : 'seed.txt', work, `scan/f${String(i).padStart(2, '0')}.${i % 3 === 0 ? 'docx' : 'txt'}`);
    const reports = (tag: string) => ['-f', 'json', '-o', `${tag}.json`, '-f', 'csv', '-o', `${tag}.csv`, '-f', 'report-json', '-o', `${tag}.report.json`];
    const fixedTime = { SOURCE_DATE_EPOCH: '1764633600' };
    const one = await runCliWatchingChunkFiles(['scan', '--concurrency', '1', ...reports('one')], work, path.join(work, 'tmp-one'), fixedTime);
    const two = await runCliWatchingChunkFiles(['scan', '--concurrency', '2', ...reports('two')], work, path.join(work, 'tmp-two'), fixedTime);
    expect([one.code, two.code]).toEqual([1, 1]);
    expect(two.stderr).not.toMatch(/^\s+at /m);
    // Compared as bytes, not with toEqual: a diff of two 15 MB buffers would take the test runner's heap.
    for (const ext of ['json', 'csv', 'report.json']) expect(readFileSync(path.join(work, `two.${ext}`)).equals(readFileSync(path.join(work, `one.${ext}`))), ext).toBe(true);
    // One process renders in memory; two processes went through chunk files, a few at a time (the run keeps at most 8 chunks in flight), not all of them.
    expect(one.mostChunkFiles).toBe(0);
    expect(two.mostChunkFiles).toBeGreaterThan(0);
    expect(two.mostChunkFiles).toBeLessThanOrEqual(8);
    expect(readdirSync(path.join(work, 'tmp-two'))).toEqual([]);
  }, 300_000);

  it('a worker that dies in the middle of a chunk: the chunk is redone file by file, the culprit fails alone, the other pieces are whole, nothing is left', async () => {
    const work = path.join(dir, 'pieces-fault');
    for (let i = 1; i <= 40; i++) copySeed('seed.txt', work, `scan/f${String(i).padStart(2, '0')}.txt`);
    const run = await runCliWatchingChunkFiles(['scan', '--concurrency', '2', '-f', 'json', '-o', 'out.json', '-f', 'csv', '-o', 'out.csv'], work, path.join(work, 'tmp'), { JXLINT_TEST_WORKER_FAULT: 'exit:f08.txt' });
    expect(run.code).toBe(2);
    const results = parseJsonResults(readFileSync(path.join(work, 'out.json'), 'utf8'));
    expect(results).toHaveLength(40);
    const healthy = results.filter((r) => path.basename(r.filePath) !== 'f08.txt');
    expect(fatalCode(results.find((r) => path.basename(r.filePath) === 'f08.txt'))).toBe('worker-exited');
    // Every healthy copy of the seed has the same findings as the first.
    const findings = (r: JsonResult) => JSON.stringify(r.messages.map((m) => [m.ruleId, m.projectCode, m.message]));
    expect(new Set(healthy.map(findings)).size).toBe(1);
    expect(healthy[0]!.messages.length).toBeGreaterThan(50);
    const csvRows = readFileSync(path.join(work, 'out.csv'), 'utf8').trim().split('\n');
    expect(csvRows.length).toBe(1 + healthy.length * healthy[0]!.messages.length + 1);
    expect(readdirSync(path.join(work, 'tmp'))).toEqual([]);
  }, 300_000);
});

/** Spawns the CLI; resolves with its exit code and stderr. `whenStarted` runs once the run has opened its report files. */
function runAndSignal(args: string[], cwd: string, env: Record<string, string>, signal: NodeJS.Signals, reportDir: string): Promise<{ code: number | null; stderr: string; signalled: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '1', ...env } });
    const err: Buffer[] = [];
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.stdout.resume();
    let signalled = false;
    // The run has started writing when its temporary report file exists: then interrupt it.
    const poll = setInterval(() => {
      if (signalled) return;
      if (readdirSync(reportDir).some((n) => /\.jxlint-\d+-\w+\.tmp$/.test(n))) {
        signalled = true;
        child.kill(signal);
      }
    }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, stderr: Buffer.concat(err).toString('utf8'), signalled });
    });
  });
}

describe('SIGINT and SIGTERM during a batch', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s: earlier reports survive unchanged, no temporary file is left, one line says so, exit 2', async (signal) => {
    const work = path.join(dir, `signal-${signal}`);
    for (let i = 0; i < 40; i++) copySeed('seed.docx', work, `scan/f${String(i).padStart(2, '0')}.docx`);
    const reports = path.join(work, 'reports');
    const scratch = path.join(work, 'tmp');
    mkdirSync(reports, { recursive: true });
    mkdirSync(scratch, { recursive: true });
    const earlier: Record<string, string> = { 'out.json': '[]\n', 'out.csv': 'EARLIER CSV\n', 'summary.json': '{"earlier":true}\n', 'out.txt': 'EARLIER STYLISH\n' };
    for (const [name, text] of Object.entries(earlier)) writeFileSync(path.join(reports, name), text);
    const args = ['scan', '--concurrency', '2', '-f', 'json', '-o', 'reports/out.json', '-f', 'csv', '-o', 'reports/out.csv', '-f', 'report-json', '-o', 'reports/summary.json', '-f', 'stylish', '-o', 'reports/out.txt'];
    const r = await runAndSignal(args, work, { TMPDIR: scratch }, signal, reports);
    expect(r.signalled).toBe(true);
    expect(r.code).toBe(2);
    const stderr = r.stderr.trim().split('\n');
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(new RegExp(`^jxlint：检查被中断（${signal}），已检查 \\d+/40 个文件；报告文件未写入，之前的报告保持不变`));
    for (const [name, text] of Object.entries(earlier)) expect(readFileSync(path.join(reports, name), 'utf8'), name).toBe(text);
    expect(readdirSync(reports).sort()).toEqual(Object.keys(earlier).sort());
    expect(readdirSync(scratch)).toEqual([]); // report-json's pieces folder removed too
  }, 600_000);
});

describe('the Node API stops on its signal', () => {
  it('lintFilesToReports throws RunInterrupted after the results already passed on, and writes no report file', async () => {
    const work = path.join(dir, 'api-abort');
    for (let i = 0; i < 4; i++) copySeed('seed.txt', work, `f${i}.txt`);
    writeFileSync(path.join(work, 'out.json'), 'EARLIER');
    const stop = new AbortController();
    const error = await lintFilesToReports([work], [{ format: 'json', file: 'out.json' }], {
      cwd: work,
      concurrency: 1,
      signal: stop.signal,
      onResult: (_result, index) => {
        if (index === 1) stop.abort('SIGINT');
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunInterrupted);
    expect(error).toMatchObject({ reason: 'SIGINT', done: 2, total: 4 });
    expect(readFileSync(path.join(work, 'out.json'), 'utf8')).toBe('EARLIER');
    expect(readdirSync(work).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(path.join(work, 'out.json'))).toBe(true);
  }, 120_000);
});
