/**
 * `--cache` (src/node/cache.ts): a re-scan reuses each unchanged file's result; a change of the
 * file, of its config or of the jxlint version lints it again; a corrupt or foreign cache file is
 * ignored with one warning line; the cache is written atomically. Whether a result came from the
 * cache is seen by planting a marker in the cached result.
 */
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

type Cache = { version: string; entries: Record<string, { result: { messages: { message: string }[] } }> };
const readCache = (): Cache => JSON.parse(readFileSync(cacheFile(), 'utf8')) as Cache;

/** Puts a marker into every cached result's first message, so a result served from the cache shows it. */
function plantMarker(): void {
  const cache = readCache();
  for (const entry of Object.values(cache.entries)) entry.result.messages[0]!.message = 'FROM-CACHE';
  writeFileSync(cacheFile(), JSON.stringify(cache));
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
    const cache = readCache();
    writeFileSync(cacheFile(), JSON.stringify({ ...cache, version: `${toolVersion()}-other` }));
    expect(fromCache(await run())).toEqual([false, false]);
    expect(warnings).toEqual([]);
    expect(readCache().version).toBe(toolVersion());
  });

  it.each([
    ['damaged', '{"format":"jxlint-cache", "entr'],
    ['foreign', JSON.stringify({ '/work/a.txt': { hash: 'x' } })],
    ['cache-shaped but wrong', JSON.stringify({ format: 'jxlint-cache', formatVersion: 1, version: 'x', entries: [] })],
  ])('a %s cache file is ignored with one warning line and rewritten', async (_, content) => {
    const clean = await lintFiles(['.'], { cwd: dir, concurrency: 1 });
    writeFileSync(cacheFile(), content);
    expect(await run()).toEqual(clean);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^jxlint: 缓存文件 .*已损坏或不是 jxlint 的缓存.*（the cache file is damaged or not jxlint's; ignored and rewritten）$/);
    expect(readCache().entries).toBeTypeOf('object');
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
    const cache = JSON.parse(readFileSync(path.join(dir, 'c/jx.json'), 'utf8')) as Cache;
    expect(Object.keys(cache.entries).map((f) => path.basename(f)).sort()).toEqual(['a.txt', 'b.docx']);
  });
});
