/**
 * `jxlint --fix`, `--unsafe-fixes`, `--fix-dry-run` through the compiled bin: files rewritten in
 * place (Word files never), the summary line, the remaining problems in the report, idempotence,
 * the dry-run diff, `--stdin`, and `--concurrency`.
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeText, fixBytes, resolveConfig } from '../src/node.js';
import { BIN, cleanup, copySeed, ensureBuilt, ROOT, runCli, tempDir } from './cli-support.js';

beforeAll(ensureBuilt, 300_000);
const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

/** The rules with safe fixes are heuristics (Part B), off in `recommended`: the tests run `all`. */
const CONFIG = { extends: 'all' } as const;
const config = resolveConfig(CONFIG);

/** A folder with `jxlint.config.json` and the seed as UTF-8 cell-per-line text, GB18030/CRLF text and Word. */
function seedFolder(): string {
  const dir = tempDir('jxlint-fix-cli-');
  dirs.push(dir);
  writeFileSync(path.join(dir, 'jxlint.config.json'), JSON.stringify(CONFIG));
  copySeed('seed.txt', dir);
  copySeed('seed-gb18030-crlf.txt', dir);
  copySeed('seed.docx', dir);
  return dir;
}

const bytesOf = (file: string) => new Uint8Array(readFileSync(file));
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** Runs the bin and keeps stdout as bytes (the fixed text of --stdin is in the input's encoding). */
function runRaw(args: string[], input: Uint8Array, cwd: string): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(Buffer.from(input));
  });
}

const FIXED_LINE = /jxlint --fix：修复了 (\d+) 处，改写了 (\d+) 个文件/;

describe('jxlint --fix', () => {
  it('rewrites the text exports, never the Word file, reports what remains, and a second run changes nothing', async () => {
    const dir = seedFolder();
    const docx = path.join(dir, 'seed.docx');
    const docxBefore = bytesOf(docx);
    const docxMtime = statSync(docx).mtimeMs;
    const expected = await fixBytes(bytesOf(path.join(dir, 'seed-gb18030-crlf.txt')), 'x', { config });

    const run = await runCli(['--fix', '.', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1); // the Part A errors remain
    const m = FIXED_LINE.exec(run.stderr);
    expect(m, run.stderr).not.toBeNull();
    expect(Number(m![2])).toBe(2);
    expect(Number(m![1])).toBeGreaterThan(0);
    expect(run.stderr.match(/seed\.docx：Word\/网页文件不会被改写/g) ?? [], 'said once for the Word file').toHaveLength(1);
    expect(same(bytesOf(docx), docxBefore)).toBe(true);
    expect(statSync(docx).mtimeMs).toBe(docxMtime);
    expect(same(bytesOf(path.join(dir, 'seed-gb18030-crlf.txt')), expected.output!), 'the same bytes as the API writes').toBe(true);

    // The report holds the problems left after fixing: linting the fixed files again gives the same.
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as { results?: { filePath: string; messages: unknown[] }[] } | { filePath: string; messages: unknown[] }[];
    const results = Array.isArray(report) ? report : report.results!;
    const relint = await runCli(['.', '-f', 'json', '-o', 'relint.json', '--ignore-pattern', 'report.json'], { cwd: dir });
    expect(relint.code).toBe(1);
    const again = JSON.parse(readFileSync(path.join(dir, 'relint.json'), 'utf8')) as typeof report;
    const againResults = Array.isArray(again) ? again : again.results!;
    const counts = (rs: { filePath: string; messages: unknown[] }[]) => Object.fromEntries(rs.map((r) => [path.basename(r.filePath), r.messages.length]));
    expect(counts(results)).toEqual(counts(againResults));

    const txtBefore = bytesOf(path.join(dir, 'seed.txt'));
    const second = await runCli(['--fix', '.', '-f', 'json', '-o', 'report2.json'], { cwd: dir });
    expect(FIXED_LINE.exec(second.stderr)?.slice(1)).toEqual(['0', '0']);
    expect(same(bytesOf(path.join(dir, 'seed.txt')), txtBefore)).toBe(true);
  }, 120_000);

  it('--unsafe-fixes adds the unsafe fixes; alone it is a usage error', async () => {
    const dir = seedFolder();
    const txt = path.join(dir, 'seed.txt');
    const safe = await runCli(['--fix', 'seed.txt', '-f', 'json', '-o', 'r.json'], { cwd: dir });
    expect(safe.stderr).toMatch(FIXED_LINE);
    expect(readFileSync(txt, 'utf8')).not.toContain('\t≤800万元\n');
    const unsafe = await runCli(['--fix', '--unsafe-fixes', 'seed.txt', '-f', 'json', '-o', 'r.json'], { cwd: dir });
    expect(unsafe.stderr).toContain('含需确认的修复');
    expect(readFileSync(txt, 'utf8')).toContain('\t≤800万元\n');

    const alone = await runCli(['--unsafe-fixes', 'seed.txt'], { cwd: dir });
    expect(alone.code).toBe(2);
    expect(alone.stderr.split('\n')[0]).toBe('jxlint: --unsafe-fixes 需要和 --fix 或 --fix-dry-run 一起用（--unsafe-fixes needs --fix or --fix-dry-run）');
  }, 120_000);

  it('--fix-dry-run prints a unified diff and writes nothing', async () => {
    const dir = seedFolder();
    const before = ['seed.txt', 'seed-gb18030-crlf.txt', 'seed.docx'].map((f) => bytesOf(path.join(dir, f)));
    const run = await runCli(['--fix-dry-run', '.', '-f', 'json', '-o', 'r.json'], { cwd: dir });
    expect(run.stdout).toMatch(/^Index: seed-gb18030-crlf\.txt\n=+\n--- seed-gb18030-crlf\.txt\n\+\+\+ seed-gb18030-crlf\.txt\n@@ /);
    expect(run.stdout).toContain('\nIndex: seed.txt\n');
    expect(run.stdout).toContain('-\t居民幸福指数系\n');
    expect(run.stdout).toContain('+\t居民幸福指数\n');
    expect(run.stdout).not.toContain('seed.docx');
    expect(run.stderr).toMatch(/jxlint --fix-dry-run：可修复 \d+ 处，涉及 2 个文件，未写入任何文件/);
    ['seed.txt', 'seed-gb18030-crlf.txt', 'seed.docx'].forEach((f, i) => expect(same(bytesOf(path.join(dir, f)), before[i]!), f).toBe(true));
  }, 120_000);

  it('with --concurrency the files are fixed exactly as with one thread', async () => {
    const one = seedFolder();
    const two = seedFolder();
    for (const dir of [one, two]) {
      copySeed('seed-rows.txt', dir);
      copySeed('seed-libreoffice.txt', dir);
    }
    const a = await runCli(['--fix', '.', '--concurrency', '1', '-f', 'json', '-o', 'r.json'], { cwd: one });
    const b = await runCli(['--fix', '.', '--concurrency', '2', '-f', 'json', '-o', 'r.json'], { cwd: two });
    expect(FIXED_LINE.exec(b.stderr)?.slice(1)).toEqual(FIXED_LINE.exec(a.stderr)?.slice(1));
    expect(FIXED_LINE.exec(a.stderr)?.[2]).toBe('4');
    for (const f of ['seed.txt', 'seed-rows.txt', 'seed-libreoffice.txt', 'seed-gb18030-crlf.txt']) {
      expect(same(bytesOf(path.join(one, f)), bytesOf(path.join(two, f))), f).toBe(true);
    }
  }, 180_000);
});

describe('jxlint --stdin --fix', () => {
  const gbCrlf = () => bytesOf(path.join(ROOT, 'fixtures/seed/seed-gb18030-crlf.txt'));

  it('prints the fixed text in the input encoding on stdout and the report on stderr', async () => {
    const input = gbCrlf();
    const expected = await fixBytes(input, 'x', { config });
    const run = await runRaw(['--stdin', '--stdin-filename', 'seed.txt', '--fix'], input, seedFolder());
    expect(run.code).toBe(1);
    expect(same(new Uint8Array(run.stdout), expected.output!)).toBe(true);
    expect(run.stderr).toContain('修复后的文本已输出到标准输出');
    expect(run.stderr).toMatch(/cost-value-not-amount/);
  }, 120_000);

  it('prints the input unchanged when nothing applies, and the diff with --fix-dry-run', async () => {
    const clean = encodeText(readFileSync(path.join(ROOT, 'fixtures/clean/clean.txt'), 'utf8').replace(/^\uFEFF/, ''), 'utf-16le');
    const run = await runRaw(['--stdin', '--fix'], clean, seedFolder());
    expect(same(new Uint8Array(run.stdout), clean)).toBe(true);

    const dry = await runRaw(['--stdin', '--stdin-filename', 'seed.txt', '--fix-dry-run'], gbCrlf(), seedFolder());
    const diff = dry.stdout.toString('utf8');
    expect(diff).toMatch(/^Index: seed\.txt\n/);
    expect(diff).toContain('+\t居民幸福指数\r\n');
  }, 120_000);
});
