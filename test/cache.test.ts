/**
 * `--cache` (src/node/cache.ts): a re-scan reuses each unchanged file's result; a change of the
 * file, of its config or of the jxlint version lints it again; a corrupt or foreign cache file is
 * ignored with one warning line; the cache is written atomically. Whether a result came from the
 * cache is seen by planting a marker in the cached result.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/program.js';
import type { CliIO } from '../src/cli/io.js';
import { lintFiles, toolVersion, type LintFilesOptions } from '../src/node.js';

const seed = path.join(import.meta.dirname, '..', 'fixtures/seed');
let dir = '';
let warnings: string[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jxlint-cache-'));
  copyFileSync(path.join(seed, 'seed.txt'), path.join(dir, 'a.txt'));
  copyFileSync(path.join(seed, 'seed.docx'), path.join(dir, 'b.docx'));
  warnings = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cacheFile = () => path.join(dir, '.jxlintcache');
const run = (extra: LintFilesOptions = {}) =>
  lintFiles(['.'], { cwd: dir, cache: true, concurrency: 1, onWarning: (line) => warnings.push(line), ...extra });

type Result = { messages: { message: string }[] };
type Cache = { version: string; entries: Record<string, { result: Result }> };
type EntryHeader = { path: string; sha256: string };
/** The cache file: a header line, then one line per entry — its header JSON, a TAB, the result's JSON. */
const readCache = (file = cacheFile()): Cache & { lines: [EntryHeader, string][] } => {
  const [first, ...rest] = readFileSync(file, 'utf8').split('\n').filter((line) => line !== '');
  const lines = rest.map((line): [EntryHeader, string] => {
    const tab = line.indexOf('\t');
    return [JSON.parse(line.slice(0, tab)) as EntryHeader, line.slice(tab + 1)];
  });
  const entries = Object.fromEntries(lines.map(([header, json]) => [header.path, { result: JSON.parse(json) as Result }]));
  return { ...(JSON.parse(first!) as { version: string }), entries, lines };
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Puts a marker into every cached result's first message (its checksum updated), so a result served from the cache shows it. */
function plantMarker(): void {
  const [first] = readFileSync(cacheFile(), 'utf8').split('\n');
  const out = [first];
  for (const [header, json] of readCache().lines) {
    const result = JSON.parse(json) as Result;
    result.messages[0]!.message = 'FROM-CACHE';
    const text = JSON.stringify(result);
    out.push(`${JSON.stringify({ ...header, sha256: sha256(text) })}\t${text}`);
  }
  writeFileSync(cacheFile(), out.join('\n') + '\n');
}
const fromCache = (results: { messages: { message: string }[] }[]) => results.map((r) => r.messages[0]?.message === 'FROM-CACHE');

describe('--cache', () => {
  it('a re-scan of unchanged files gives the same results, from the cache', async () => {
    const first = await run();
    expect(existsSync(cacheFile())).toBe(true);
    expect(await run()).toEqual(first);
    plantMarker();
    expect(fromCache(await run())).toEqual([true, true]);
    expect(warnings).toEqual([]);
  });

  it.each([
    ['the file changes', () => writeFileSync(path.join(dir, 'a.txt'), readFileSync(path.join(dir, 'a.txt'), 'utf8') + '\n备注'), {}, [false, true]],
    ['the rules change', () => undefined, { rules: { 'value-missing-unit': 'off' } }, [false, false]],
    ['the locale changes', () => undefined, { locale: 'en' as const }, [false, false]],
    ['the reader limits change', () => undefined, { maxInflatedSize: 128 * 1024 * 1024 }, [false, false]],
  ])('lints again when %s', async (_, change, options, expected) => {
    await run();
    plantMarker();
    change();
    expect(fromCache(await run(options))).toEqual(expected);
  });

  it('a cache of another jxlint version is dropped silently', async () => {
    await run();
    plantMarker();
    const [first, ...rest] = readFileSync(cacheFile(), 'utf8').split('\n');
    writeFileSync(cacheFile(), [JSON.stringify({ ...JSON.parse(first!), version: `${toolVersion()}-other` }), ...rest].join('\n'));
    expect(fromCache(await run())).toEqual([false, false]);
    expect(warnings).toEqual([]);
    expect(readCache().version).toBe(toolVersion());
  });

  it.each([
    ['damaged', '{"format":"jxlint-cache", "entr'],
    ['foreign', JSON.stringify({ '/work/a.txt': { hash: 'x' } })],
    ['cache-shaped but wrong', `${JSON.stringify({ format: 'jxlint-cache', formatVersion: 2, version: toolVersion() })}\n{"path":"a.txt"}\tnot an entry\n`],
  ])('a %s cache file is ignored with one warning line and rewritten', async (_, content) => {
    const clean = await lintFiles(['.'], { cwd: dir, concurrency: 1 });
    writeFileSync(cacheFile(), content);
    expect(await run()).toEqual(clean);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^jxlint: 缓存文件 .*已损坏或不是 jxlint 的缓存.*（the cache file is damaged or not jxlint's; ignored and rewritten）$/);
    expect(readCache().entries).toBeTypeOf('object');
  });

  it('an entry whose result bytes do not match their checksum is not trusted: that file is linted again', async () => {
    const first = await run();
    plantMarker();
    const text = readFileSync(cacheFile(), 'utf8');
    writeFileSync(cacheFile(), text.replace('FROM-CACHE', 'FROM-CACHX'));
    const again = await run();
    expect(fromCache(again)).toEqual([false, true]);
    expect(again[0]).toEqual(first[0]);
    expect(warnings).toEqual([]);
  });

  it('the CLI writes the same json report from the cache as without it (the cached bytes are the report piece)', async () => {
    const cli = async (args: string[]) => {
      const io: CliIO = {
        stdout: () => undefined,
        writeStdout: () => undefined,
        stderr: () => undefined,
        stdoutIsTTY: false,
        stderrStream: process.stderr,
        stdin: process.stdin,
        env: {},
        cwd: dir,
      };
      return main(['lint', '.', '--concurrency', '1', '--no-progress', ...args], io);
    };
    expect(await cli(['-f', 'json', '-o', 'plain.json'])).toBe(1);
    expect(await cli(['--cache', '-f', 'json', '-o', 'cold.json'])).toBe(1);
    expect(await cli(['--cache', '-f', 'json', '-o', 'warm.json', '-f', 'csv', '-o', 'warm.csv'])).toBe(1);
    expect(await cli(['--cache', '-f', 'json', '-o', 'hot.json'])).toBe(1);
    const plain = readFileSync(path.join(dir, 'plain.json'), 'utf8');
    expect(JSON.parse(plain)).toHaveLength(2);
    for (const name of ['cold.json', 'warm.json', 'hot.json']) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(plain);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes atomically: no temporary file is left, and --cache-location is honoured', async () => {
    await run({ cacheLocation: 'out/cache.json' });
    expect(existsSync(path.join(dir, 'out/cache.json'))).toBe(true);
    expect(existsSync(cacheFile())).toBe(false);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['cache.json']);
  });

  it('the CLI flags --cache and --cache-location write the cache', async () => {
    const out: string[] = [];
    const io: CliIO = {
      stdout: (s) => void out.push(s),
      writeStdout: (s) => void out.push(String(s)),
      stderr: (s) => void out.push(s),
      stdoutIsTTY: false,
      stderrStream: process.stderr,
      stdin: process.stdin,
      env: {},
      cwd: dir,
    };
    const code = await main(['lint', '.', '--cache', '--cache-location', 'c/jx.json', '--concurrency', '1', '--no-progress', '-f', 'json', '-o', 'r.json'], io);
    expect(code).toBe(1);
    const cache = readCache(path.join(dir, 'c/jx.json'));
    expect(Object.keys(cache.entries).map((f) => path.basename(f)).sort()).toEqual(['a.txt', 'b.docx']);
  });
});
