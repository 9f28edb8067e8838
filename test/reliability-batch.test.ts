/**
 * Issue 15, faults in batch scans: every file in, one result out, whatever the inputs are (pipes,
 * devices, sockets, broken links, unreadable files and folders, very long paths, files that vanish
 * or turn into pipes mid-run), and report files that are never overwritten by mistake, never left
 * half-written and never reported as written when the disk is full. The CLI runs as users run it
 * (compiled, spawned). Worker deaths and interruptions are in reliability-batch-workers.test.ts.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFiles, lintFilesToReports, RunInterrupted } from '../src/node.js';
import { BIN, BUILD, cleanup, copySeed, ensureBuilt, parseJsonResults, runCli, tempDir, type JsonResult } from './cli-support.js';

const canMakeFifo = process.platform !== 'win32';

function mkfifo(file: string): void {
  const r = spawnSync('mkfifo', [file]);
  if (r.status !== 0) throw new Error(`mkfifo ${file}: ${r.stderr.toString()}`);
}

/** A listening Unix socket at `file` (closed in afterAll). */
async function unixSocket(file: string): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(file, resolve));
  return server;
}

function byName(results: JsonResult[]): Map<string, JsonResult> {
  return new Map(results.map((r) => [path.basename(r.filePath), r]));
}

/** The fatal message of a failed result (`messageId` is the stable code). */
function fatal(result: JsonResult | undefined): { messageId?: string; message: string } | undefined {
  return result?.messages.find((m) => m.fatal) as { messageId?: string; message: string } | undefined;
}

/** Nothing that looks like a stack trace, and every line one line. */
function noStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/内部错误/);
}

let dir: string;
const servers: Server[] = [];

beforeAll(async () => {
  await ensureBuilt();
  dir = tempDir('jxlint-reliability-');
}, 600_000);

afterAll(async () => {
  for (const s of servers) await new Promise((resolve) => s.close(resolve));
  if (dir) cleanup(dir);
});

describe.skipIf(!canMakeFifo)('inputs that are not regular files: one fatal result each, the rest go on', () => {
  it('a FIFO named x.docx on the command line with ten good files: eleven results, no hang', async () => {
    const work = path.join(dir, 'fifo-named');
    for (let i = 0; i < 10; i++) copySeed('seed.txt', work, `good-${i}.txt`);
    mkfifo(path.join(work, 'x.docx'));
    const inputs = [...Array.from({ length: 10 }, (_, i) => `good-${i}.txt`), 'x.docx'];
    const r = await runCli([...inputs, '-f', 'json', '-o', 'out.json'], { cwd: work });
    expect(r.code).toBe(2);
    noStackTrace(r.stderr);
    const results = parseJsonResults(readFileSync(path.join(work, 'out.json'), 'utf8'));
    expect(results).toHaveLength(11);
    const x = byName(results).get('x.docx');
    expect(x?.status).toBe('failed');
    expect(fatal(x)?.messageId).toBe('not-a-regular-file');
    expect(fatal(x)?.message).toMatch(/命名管道/);
    expect(results.filter((res) => res.status === 'ok')).toHaveLength(10);
  }, 300_000);

  it('a glob pattern matching a FIFO, a socket, a link to /dev/zero, a dangling link and a link loop: each is one result, like a folder', async () => {
    const work = path.join(dir, 'odd-glob');
    for (let i = 0; i < 3; i++) copySeed('seed.txt', work, `in/good-${i}.txt`);
    copySeed('seed.txt', work, 'in/deeper/good-3.txt');
    copySeed('seed.txt', work, 'in/not-matched.md');
    mkfifo(path.join(work, 'in/pipe.docx'));
    servers.push(await unixSocket(path.join(work, 'in/socket.txt')));
    symlinkSync('/dev/zero', path.join(work, 'in/zero.docx'));
    symlinkSync('nowhere.txt', path.join(work, 'in/dangling.txt'));
    symlinkSync('loop.docx', path.join(work, 'in/loop.docx'));
    const r = await runCli(['in/**/*.{txt,docx}', '-f', 'json', '-o', 'out.json'], { cwd: work });
    expect(r.code).toBe(2);
    noStackTrace(r.stderr);
    const results = byName(parseJsonResults(readFileSync(path.join(work, 'out.json'), 'utf8')));
    expect([...results.keys()].sort()).toEqual(['dangling.txt', 'good-0.txt', 'good-1.txt', 'good-2.txt', 'good-3.txt', 'loop.docx', 'pipe.docx', 'socket.txt', 'zero.docx']);
    for (const name of ['good-0.txt', 'good-1.txt', 'good-2.txt', 'good-3.txt']) expect(results.get(name)?.status).toBe('ok');
    expect(fatal(results.get('pipe.docx'))?.messageId).toBe('not-a-regular-file');
    expect(fatal(results.get('socket.txt'))?.messageId).toBe('not-a-regular-file');
    expect(fatal(results.get('zero.docx'))?.messageId).toBe('not-a-regular-file');
    expect(fatal(results.get('dangling.txt'))?.messageId).toBe('not-found');
    expect(fatal(results.get('loop.docx'))?.messageId).toBe('symlink-loop');
  }, 300_000);

  it.each([
    ['one level', '*.docx', ['x.docx', 'y.docx']],
    ['dot-files only where the pattern spells the dot', 'sub/.*.txt', ['.hidden.txt']],
    ['no node_modules, no dot-folders', '**/*.txt', ['a.txt', 'b.txt', 'c.txt']],
    ['a brace group across folders', '{sub,other}/*.txt', ['b.txt', 'c.txt']],
  ])('glob patterns match as before (%s)', async (_name, pattern, expected) => {
    const work = path.join(dir, `glob-${pattern.length}-${expected.length}`);
    copySeed('seed.txt', work, 'a.txt');
    copySeed('seed.txt', work, 'y.docx');
    copySeed('seed.txt', work, 'sub/b.txt');
    copySeed('seed.txt', work, 'sub/.hidden.txt');
    copySeed('seed.txt', work, 'other/c.txt');
    copySeed('seed.txt', work, '.dot/d.txt');
    copySeed('seed.txt', work, 'node_modules/e.txt');
    copySeed('seed.txt', work, 'folder.docx/inside.md'); // a folder named like a document is not a match of *.docx
    mkfifo(path.join(work, 'x.docx'));
    const r = await runCli([pattern, '-f', 'json', '-o', 'out.json'], { cwd: work });
    const results = parseJsonResults(readFileSync(path.join(work, 'out.json'), 'utf8'));
    expect(results.map((res) => path.basename(res.filePath)).sort()).toEqual(expected);
    expect(r.code).toBe(pattern === '*.docx' ? 2 : 1);
  }, 300_000);

  it('a scanned folder with a FIFO, a socket, a link to /dev/zero, a link loop, a dangling link and a link back up: each is one result', async () => {
    const work = path.join(dir, 'odd-folder');
    copySeed('seed.txt', work, 'scan/good.txt');
    mkfifo(path.join(work, 'scan/pipe.docx'));
    servers.push(await unixSocket(path.join(work, 'scan/socket.txt')));
    symlinkSync('/dev/zero', path.join(work, 'scan/zero.docx'));
    symlinkSync('loop.docx', path.join(work, 'scan/loop.docx'));
    symlinkSync('nowhere.docx', path.join(work, 'scan/dangling.docx'));
    mkdirSync(path.join(work, 'scan/sub'));
    symlinkSync('..', path.join(work, 'scan/sub/up')); // a folder loop: searched once
    const r = await runCli(['scan', '-f', 'json', '-o', 'out.json'], { cwd: work });
    expect(r.code).toBe(2);
    noStackTrace(r.stderr);
    const results = parseJsonResults(readFileSync(path.join(work, 'out.json'), 'utf8'));
    const expected: [string, string | null][] = [
      ['dangling.docx', 'not-found'],
      ['good.txt', null],
      ['loop.docx', 'symlink-loop'],
      ['pipe.docx', 'not-a-regular-file'],
      ['socket.txt', 'not-a-regular-file'],
      ['zero.docx', 'not-a-regular-file'],
    ];
    expect(results.map((res) => path.relative(path.join(work, 'scan'), res.filePath))).toEqual(expected.map(([name]) => name));
    for (const [name, code] of expected) {
      const result = byName(results).get(name)!;
      expect(result.status, name).toBe(code ? 'failed' : 'ok');
      if (code) expect(fatal(result)?.messageId, name).toBe(code);
    }
  }, 300_000);

  it('a /proc file (size 0, but content) is read, not taken for an empty file', async () => {
    const r = await runCli(['/proc/version', '-f', 'json'], { cwd: dir });
    const [result] = parseJsonResults(r.stdout);
    expect(result?.filePath).toBe('/proc/version');
    expect(result?.messages.map((m) => (m as { messageId?: string }).messageId)).not.toContain('empty-file');
    expect(result?.status).toBe('ok');
  }, 120_000);

  it('/dev/zero named on the command line is refused at once (nothing read)', async () => {
    const r = await runCli(['/dev/zero', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    const [result] = parseJsonResults(r.stdout);
    expect(fatal(result as JsonResult)?.messageId).toBe('not-a-regular-file');
    expect(fatal(result as JsonResult)?.message).toMatch(/字符设备/);
  }, 120_000);
});

describe('paths that cannot be read: one result each', () => {
  it('a file name longer than the file system allows, and a dangling link, named on the command line', async () => {
    const work = path.join(dir, 'long-name');
    copySeed('seed.txt', work, 'good.txt');
    symlinkSync('gone.txt', path.join(work, 'dangling.txt'));
    const long = `${'项目'.repeat(60)}.docx`; // 360 bytes in UTF-8: past NAME_MAX (255)
    const r = await runCli(['good.txt', 'dangling.txt', long, '-f', 'json', '-o', 'out.json'], { cwd: work });
    expect(r.code).toBe(2);
    noStackTrace(r.stderr);
    const results = byName(parseJsonResults(readFileSync(path.join(work, 'out.json'), 'utf8')));
    expect(results.size).toBe(3);
    expect(results.get('good.txt')?.status).toBe('ok');
    expect(fatal(results.get('dangling.txt'))?.messageId).toBe('not-found');
    expect(fatal(results.get(long))?.messageId).toBe('path-too-long');
  }, 120_000);

  it('a path longer than PATH_MAX (nested folders) named on the command line', async () => {
    const work = path.join(dir, 'deep');
    mkdirSync(work, { recursive: true });
    copySeed('seed.txt', work, 'good.txt');
    const segment = 'd'.repeat(200);
    // The shell creates it step by step (one mkdir/cd at a time stays under PATH_MAX).
    const depth = 24;
    const made = spawnSync('bash', ['-c', `for i in $(seq ${depth}); do mkdir ${segment} && cd ${segment} || exit 1; done; echo x > deep.txt`], { cwd: work });
    expect(made.status).toBe(0);
    const deep = [...Array(depth).fill(segment), 'deep.txt'].join('/');
    expect(path.join(work, deep).length).toBeGreaterThan(4096);
    const r = await runCli(['good.txt', deep, '-f', 'json', '-o', 'out.json'], { cwd: work });
    expect(r.code).toBe(2);
    noStackTrace(r.stderr);
    const results = parseJsonResults(readFileSync(path.join(work, 'out.json'), 'utf8'));
    expect(results).toHaveLength(2);
    const failed = results.find((res) => res.filePath.endsWith('deep.txt'));
    expect(fatal(failed)?.messageId).toBe('path-too-long');
    spawnSync('rm', ['-rf', segment], { cwd: work });
  }, 120_000);

  /** Adds o+x to each folder from `dir` up that lacks it; returns the [folder, old mode] pairs to restore. */
  function openForTraversal(dir: string): [string, number][] {
    const changed: [string, number][] = [];
    for (let folder = path.resolve(dir); ; folder = path.dirname(folder)) {
      const mode = statSync(folder).mode & 0o7777;
      if ((mode & 0o001) === 0) {
        chmodSync(folder, mode | 0o001);
        changed.push([folder, mode]);
      }
      if (path.dirname(folder) === folder) return changed;
    }
  }

  // Root reads every file: the permission cases run the CLI as `nobody` when the tests run as root.
  const asNobody = process.getuid?.() === 0;
  it.each([
    ['a scanned folder', 'scan'],
    ['a glob pattern', 'scan/**/*.txt'],
  ])('an unreadable file and an unreadable sub-folder reached by %s: one result each naming the permission', async (_name, input) => {
    const work = path.join(dir, `perm-${input.length}`);
    copySeed('seed.txt', work, 'scan/ok.txt');
    copySeed('seed.txt', work, 'scan/secret.txt');
    copySeed('seed.txt', work, 'scan/locked/inside.txt');
    chmodSync(path.join(work, 'scan/secret.txt'), 0o000);
    chmodSync(path.join(work, 'scan/locked'), 0o000);
    chmodSync(work, 0o777);
    chmodSync(dir, 0o755); // mkdtemp made it private; `nobody` must reach the work folder
    const args = [BIN, input, '-f', 'json', '-o', 'out.json'];
    // A checkout under a private folder (mktemp -d is 0700) is out of `nobody`'s reach: open the
    // folders above the CLI for traversal (o+x) while it runs, and put their modes back after.
    const reopened = asNobody ? openForTraversal(path.dirname(BIN)) : [];
    let r: SpawnSyncReturns<string>;
    try {
      r = spawnSync(process.execPath, args, {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', CI: '1' },
        ...(asNobody ? { uid: 65534, gid: 65534 } : {}),
      });
    } finally {
      for (const [folder, mode] of reopened) chmodSync(folder, mode);
    }
    chmodSync(path.join(work, 'scan/locked'), 0o755);
    expect(r.status).toBe(2);
    noStackTrace(r.stderr);
    const results = byName(parseJsonResults(readFileSync(path.join(work, 'out.json'), 'utf8')));
    expect([...results.keys()].sort()).toEqual(['locked', 'ok.txt', 'secret.txt']);
    expect(results.get('ok.txt')?.status).toBe('ok');
    expect(fatal(results.get('secret.txt'))?.messageId).toBe('no-access');
    expect(fatal(results.get('locked'))?.messageId).toBe('no-access');
    expect(fatal(results.get('locked'))?.message).toMatch(/文件夹/);
  }, 120_000);
});

describe.skipIf(!canMakeFifo)('files that vanish or change between discovery and reading (Node API)', () => {
  it.each([
    ['deleted', (file: string) => unlinkSync(file), 'not-found'],
    ['replaced by a FIFO', (file: string) => (unlinkSync(file), mkfifo(file)), 'not-a-regular-file'],
    ['replaced by a link to /dev/zero', (file: string) => (unlinkSync(file), symlinkSync('/dev/zero', file)), 'not-a-regular-file'],
  ] as const)('a file %s after the run found it gets one fatal result; the run neither hangs nor stops', async (_name, change, code) => {
    const work = path.join(dir, `vanish-${code}-${_name.length}`);
    for (let i = 0; i < 6; i++) copySeed('seed.txt', work, `f${i}.txt`);
    const victim = path.join(work, 'f5.txt');
    // In-process (concurrency 1): results are pulled one at a time, so f5 is read after f0's result.
    const results = await lintFiles([work], {
      concurrency: 1,
      onResult: (result, index) => {
        if (index === 0) change(victim);
      },
    });
    expect(results).toHaveLength(6);
    expect(results.slice(0, 5).every((r) => r.status === 'ok')).toBe(true);
    expect(results[5]!.status).toBe('failed');
    expect(results[5]!.messages[0]!.messageId).toBe(code);
  }, 120_000);

  it('a file replaced by a FIFO while a two-thread batch runs: one fatal result, no hang', async () => {
    const work = path.join(dir, 'vanish-pool');
    const count = 40;
    for (let i = 0; i < count; i++) copySeed('seed.txt', work, `f${String(i).padStart(2, '0')}.txt`);
    const victim = path.join(work, `f${count - 1}.txt`);
    // At the first result at most 16 files have been handed to the threads; the last one has not.
    const results = await lintFiles([work], {
      concurrency: 2,
      workerFile: path.join(path.dirname(BIN), '../node/worker.js'),
      onResult: (_result, index) => {
        if (index === 0) {
          unlinkSync(victim);
          mkfifo(victim);
        }
      },
    });
    expect(results).toHaveLength(count);
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(count - 1);
    expect(results[count - 1]!.messages[0]!.messageId).toBe('not-a-regular-file');
  }, 300_000);
});

describe('report files', () => {
  it.each([
    ['the input itself', (_work: string): string => 'a.txt'],
    ['a symbolic link to the input', (work: string): string => (symlinkSync('a.txt', path.join(work, 'link.json')), 'link.json')],
    ['a hard link to the input', (work: string): string => (linkSync(path.join(work, 'a.txt'), path.join(work, 'hard.json')), 'hard.json')],
    ['the input by another spelling', (_work: string): string => './sub/../a.txt'],
  ] as const)('-o naming %s is refused before anything is read; the document is untouched', async (name, output) => {
    const work = path.join(dir, `o-input-${name.length}`);
    copySeed('seed.txt', work, 'a.txt');
    copySeed('seed.txt', work, 'b.txt');
    mkdirSync(path.join(work, 'sub'), { recursive: true });
    const before = readFileSync(path.join(work, 'a.txt'));
    const target = output(work);
    const r = await runCli(['a.txt', 'b.txt', '-f', 'json', '-o', target], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/也是要检查的输入文件/);
    expect(readFileSync(path.join(work, 'a.txt')).equals(before)).toBe(true);
  }, 120_000);

  it.each([
    ['json (written file by file)', ['-f', 'json', '-o', '/dev/full']],
    ['stylish (written at the end)', ['-o', '/dev/full']],
    ['report-json', ['-f', 'report-json', '-o', '/dev/full']],
    ['standard output redirected to /dev/full', ['-f', 'json']],
  ])('a full disk (/dev/full) for %s: one clear line, exit 2', async (name, args) => {
    const work = path.join(dir, 'full');
    copySeed('seed.txt', work, 'a.txt');
    let code: number | null;
    let stderr: string;
    if (name.startsWith('standard output')) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" a.txt ${args.join(' ')} > /dev/full`], { cwd: work, encoding: 'utf8', env: { ...process.env, CI: '1' } });
      code = r.status;
      stderr = r.stderr;
    } else {
      const r = await runCli(['a.txt', ...args], { cwd: work });
      code = r.code;
      stderr = r.stderr;
    }
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/磁盘已满（ENOSPC）/);
    noStackTrace(stderr);
  }, 120_000);

  it.each(['/proc/jxlint-report.json', '/proc/self/status', '/proc/sys/kernel/hostname'])('-o %s: one clear line, exit 2, no hang', async (target) => {
    const work = path.join(dir, 'proc-out');
    copySeed('seed.txt', work, 'a.txt');
    const r = await runCli(['a.txt', '-f', 'json', '-o', target], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^jxlint: 无法写入报告文件 /);
  }, 120_000);

  it('an earlier report is replaced only by a complete one, and no temporary file is left', async () => {
    const work = path.join(dir, 'atomic');
    copySeed('seed.txt', work, 'a.txt');
    writeFileSync(path.join(work, 'out.json'), 'EARLIER');
    const r = await runCli(['a.txt', '-f', 'json', '-o', 'out.json', '-f', 'csv', '-o', 'out.csv'], { cwd: work });
    expect(r.code).toBe(1);
    expect(parseJsonResults(readFileSync(path.join(work, 'out.json'), 'utf8'))).toHaveLength(1);
    expect(readdirSync(work).sort()).toEqual(['a.txt', 'out.csv', 'out.json']);
  }, 120_000);

  it('a report that fails mid-run (the disk fills) leaves the earlier report and no temporary file', async () => {
    const work = path.join(dir, 'fail-mid');
    copySeed('seed.txt', work, 'a.txt');
    writeFileSync(path.join(work, 'out.json'), 'EARLIER');
    const r = await runCli(['a.txt', '-f', 'json', '-o', 'out.json', '-f', 'csv', '-o', '/dev/full'], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/磁盘已满/);
    expect(readFileSync(path.join(work, 'out.json'), 'utf8')).toBe('EARLIER');
    expect(readdirSync(work).sort()).toEqual(['a.txt', 'out.json']);
  }, 120_000);
});

describe('the html batch report (index and one page per document) is complete or not there at all', () => {
  /** Every file below `folder` with its content, paths relative to it. */
  function snapshot(folder: string): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (sub: string): void => {
      for (const entry of readdirSync(path.join(folder, sub), { withFileTypes: true })) {
        const rel = path.join(sub, entry.name);
        if (entry.isDirectory()) walk(rel);
        else out[rel] = readFileSync(path.join(folder, rel), 'utf8');
      }
    };
    walk('');
    return out;
  }
  const temporaries = (folder: string): string[] => readdirSync(folder).filter((n) => /\.jxlint-\d+-\w+\.(?:tmp|old)$/.test(n));

  it.each([
    ['报告.html', 'an index file and 报告.files/'],
    ['报告/', 'a report folder'],
  ])('-o %s (%s): an interrupted run leaves the earlier report exactly as it was, and no temporary folder', async (output) => {
    const work = path.join(dir, `html-interrupted-${output.length}`);
    for (let i = 0; i < 3; i++) copySeed('seed.txt', work, `in/f${i}.txt`);
    await lintFilesToReports([path.join(work, 'in')], [{ format: 'html', file: output }], { cwd: work, concurrency: 1 });
    const earlier = snapshot(work);
    expect(Object.keys(earlier).filter((n) => n.endsWith('.html')).length).toBe(4); // the index and three pages
    copySeed('seed.txt', work, 'in/f3.txt');
    const stop = new AbortController();
    const error = await lintFilesToReports([path.join(work, 'in')], [{ format: 'html', file: output }], {
      cwd: work,
      concurrency: 1,
      signal: stop.signal,
      onResult: (_result, index) => {
        if (index === 2) stop.abort('SIGINT'); // three pages of the new report written by now
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunInterrupted);
    const after = snapshot(work);
    delete after[path.join('in', 'f3.txt')];
    expect(after).toEqual(earlier);
    expect(temporaries(work)).toEqual([]);
    if (output.endsWith('/')) expect(temporaries(path.join(work, output))).toEqual([]);
  }, 300_000);

  it('a complete run replaces the whole earlier report: its stale pages go, a file of the user in the page folder stays', async () => {
    const work = path.join(dir, 'html-replaced');
    for (let i = 0; i < 4; i++) copySeed('seed.txt', work, `in/f${i}.txt`);
    await lintFilesToReports([path.join(work, 'in')], [{ format: 'html', file: 'r.html' }], { cwd: work, concurrency: 1 });
    expect(readdirSync(path.join(work, 'r.files'))).toHaveLength(4);
    writeFileSync(path.join(work, 'r.files/notes.txt'), 'MINE');
    unlinkSync(path.join(work, 'in/f3.txt'));
    unlinkSync(path.join(work, 'in/f2.txt'));
    await lintFilesToReports([path.join(work, 'in')], [{ format: 'html', file: 'r.html' }], { cwd: work, concurrency: 1 });
    const pages = readdirSync(path.join(work, 'r.files')).sort();
    expect(pages.filter((n) => n.endsWith('.html'))).toHaveLength(2);
    expect(pages).toContain('notes.txt');
    expect(readFileSync(path.join(work, 'r.files/notes.txt'), 'utf8')).toBe('MINE');
    const index = readFileSync(path.join(work, 'r.html'), 'utf8');
    for (const page of pages.filter((n) => n.endsWith('.html'))) expect(index).toContain(page);
    expect(temporaries(work)).toEqual([]);
  }, 300_000);

  it('a process that exits in the middle of the run (no clean-up by the run) leaves no temporary folder and the earlier report', async () => {
    const work = path.join(dir, 'html-exit');
    for (let i = 0; i < 3; i++) copySeed('seed.txt', work, `in/f${i}.txt`);
    await lintFilesToReports([path.join(work, 'in')], [{ format: 'html', file: 'r.html' }], { cwd: work, concurrency: 1 });
    const earlier = snapshot(work);
    // process.exit from the second result on: the exit hook alone must remove the temporary page folder.
    const script = [
      `import { lintFilesToReports } from ${JSON.stringify(path.join(BUILD, 'src/node.js'))};`,
      `await lintFilesToReports([${JSON.stringify(path.join(work, 'in'))}], [{ format: 'html', file: 'r.html' }], {`,
      `  cwd: ${JSON.stringify(work)}, concurrency: 1,`,
      `  onResult: (_r, i) => { if (i === 1) process.exit(7); },`,
      `});`,
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: work, encoding: 'utf8' });
    expect(r.status).toBe(7);
    expect(snapshot(work)).toEqual(earlier);
    expect(temporaries(work)).toEqual([]);
  }, 300_000);
});

describe('the same inputs give the same result', () => {
  it('--concurrency 1 and 2 give byte-identical JSON, and a rerun too, with broken inputs among the files', async () => {
    const work = path.join(dir, 'same');
    for (let i = 0; i < 9; i++) copySeed(i % 3 === 0 ? 'seed.docx' : 'seed.txt', work, `scan/f${i}.${i % 3 === 0 ? 'docx' : 'txt'}`);
    if (canMakeFifo) mkfifo(path.join(work, 'scan/pipe.docx'));
    symlinkSync('loop.txt', path.join(work, 'scan/loop.txt'));
    const run = async (concurrency: string, out: string) => {
      const r = await runCli(['scan', '--concurrency', concurrency, '-f', 'json', '-o', out], { cwd: work });
      expect(r.code).toBe(2);
      return readFileSync(path.join(work, out));
    };
    const one = await run('1', 'one.json');
    const two = await run('2', 'two.json');
    const again = await run('2', 'again.json');
    expect(two.equals(one)).toBe(true);
    expect(again.equals(one)).toBe(true);
    expect(parseJsonResults(one.toString('utf8'))).toHaveLength(canMakeFifo ? 11 : 10);
  }, 300_000);
});
