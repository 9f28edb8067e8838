/**
 * `--cache` (src/node/cache.ts): a re-scan reuses each unchanged file's result; a change of the
 * file, of its config or of the jxlint version lints it again; a corrupt or foreign cache file is
 * ignored with one warning line; the cache is written atomically. Whether a result came from the
 * cache is seen by planting a marker in the cached result.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUILD, ensureBuilt, runCli, runCliWatchingChunkFiles } from './cli-support.js';
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
type EntryHeader = { path: string; crc32: number; offset: number; length: number };
type Cache = { version: string; entries: Record<string, { result: Result }>; header: string; lines: [EntryHeader, string][] };
/** The cache file: a header line, each result's JSON on a line, the index (one JSON line per entry), and `index <offset>`. */
const readCache = (file = cacheFile()): Cache => {
  const bytes = readFileSync(file);
  const header = bytes.toString('utf8', 0, bytes.indexOf(0x0a));
  const trailer = bytes.toString('latin1', bytes.length - 27);
  expect(trailer).toMatch(/^index \d{20}\n$/);
  const indexStart = Number(trailer.slice(6, -1));
  const index = bytes.toString('utf8', indexStart, bytes.length - 27).split('\n').filter((line) => line !== '');
  const lines = index.map((line): [EntryHeader, string] => {
    const entry = JSON.parse(line) as EntryHeader;
    return [entry, bytes.toString('utf8', entry.offset, entry.offset + entry.length)];
  });
  const entries = Object.fromEntries(lines.map(([entry, json]) => [entry.path, { result: JSON.parse(json) as Result }]));
  return { ...(JSON.parse(header) as { version: string }), header, entries, lines };
};
/** Writes a cache file of the same layout from its header line and entries. */
const writeCache = (header: string, lines: [EntryHeader, string][], file = cacheFile()): void => {
  let data = header + '\n';
  const index: string[] = [];
  for (const [entry, json] of lines) {
    const offset = Buffer.byteLength(data);
    data += json + '\n';
    index.push(JSON.stringify({ ...entry, offset, length: Buffer.byteLength(json) }));
  }
  const indexStart = Buffer.byteLength(data);
  writeFileSync(file, data + index.map((line) => line + '\n').join('') + `index ${String(indexStart).padStart(20, '0')}\n`);
};

/** Puts a marker into every cached result's first message (its checksum updated), so a result served from the cache shows it. */
function plantMarker(): void {
  const cache = readCache();
  writeCache(
    cache.header,
    cache.lines.map(([header, json]): [EntryHeader, string] => {
      const result = JSON.parse(json) as Result;
      result.messages[0]!.message = 'FROM-CACHE';
      const text = JSON.stringify(result);
      return [{ ...header, crc32: crc32(text) }, text];
    }),
  );
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
    writeCache(JSON.stringify({ ...JSON.parse(cache.header), version: `${toolVersion()}-other` }), cache.lines);
    expect(fromCache(await run())).toEqual([false, false]);
    expect(warnings).toEqual([]);
    expect(readCache().version).toBe(toolVersion());
  });

  it.each([
    ['damaged', '{"format":"jxlint-cache", "entr'],
    ['foreign', JSON.stringify({ '/work/a.txt': { hash: 'x' } })],
    ['cache-shaped but wrong', `${JSON.stringify({ format: 'jxlint-cache', formatVersion: 4, version: toolVersion() })}\n{"path":"a.txt"}\tnot an entry\n`],
    ['cut short', `${JSON.stringify({ format: 'jxlint-cache', formatVersion: 4, version: toolVersion() })}\n{"messages":[]}\n{"path":"a.txt","offset":70,"length":15}\nindex 000000000000000000`],
    ['pointing outside the file', `${JSON.stringify({ format: 'jxlint-cache', formatVersion: 4, version: toolVersion() })}\nindex 00000000000000009999\n`],
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

  it('the temporary cache file is never left behind: a process that exits in the middle (a second Ctrl-C) removes it', async () => {
    await ensureBuilt();
    await run();
    const earlier = readFileSync(cacheFile());
    writeFileSync(path.join(dir, 'a.txt'), readFileSync(path.join(dir, 'a.txt'), 'utf8') + '\n备注');
    copyFileSync(path.join(seed, 'seed.txt'), path.join(dir, 'c.txt'));
    // process.exit after the first fresh result (the temporary cache file is open by then): only the exit hook can remove it.
    const script = [
      `import { lintFilesToReports } from ${JSON.stringify(path.join(BUILD, 'src/node.js'))};`,
      `await lintFilesToReports(['.'], [{ format: 'json', file: 'r.json' }], {`,
      `  cwd: ${JSON.stringify(dir)}, concurrency: 1, cache: true,`,
      `  onResult: (_r, i) => { if (i === 0) process.exit(7); },`,
      `});`,
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(7);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(cacheFile()).equals(earlier)).toBe(true);
  }, 300_000);

  it.each([['json'], ['csv']])('-f %s: the cache two worker processes write (their pieces through chunk files) is byte for byte the one-process cache, and a warm re-scan gives the same report', async (format) => {
    await ensureBuilt();
    for (let i = 0; i < 12; i++) copyFileSync(path.join(seed, i % 2 ? 'seed.docx' : 'seed.txt'), path.join(dir, `f${String(i).padStart(2, '0')}.${i % 2 ? 'docx' : 'txt'}`));
    let chunkFiles = 0;
    const cli = async (concurrency: string, out: string, location: string) => {
      const r = await runCliWatchingChunkFiles(['.', '--concurrency', concurrency, '-f', format, '-o', out, '--cache', '--cache-location', location], dir, path.join(dir, `tmp-${out}`));
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      chunkFiles = r.mostChunkFiles;
      return readFileSync(path.join(dir, out));
    };
    const one = await cli('1', `one.${format}`, 'one.cache');
    const two = await cli('2', `two.${format}`, 'two.cache');
    expect(chunkFiles).toBeGreaterThan(0);
    expect(two.equals(one)).toBe(true);
    // -f csv: the cached bytes are the result's own JSON, not a report piece; -f json: the json piece.
    expect(readFileSync(path.join(dir, 'two.cache')).equals(readFileSync(path.join(dir, 'one.cache')))).toBe(true);
    expect(readCache(path.join(dir, 'two.cache')).lines).toHaveLength(14);
    const warm = await cli('2', `warm.${format}`, 'two.cache');
    expect(warm.equals(one)).toBe(true);
  }, 300_000);

  it.each([['1'], ['2'], ['auto']])('with --concurrency %s the json report is the same without the cache, from a cold cache and from a warm one; a damaged entry is linted again', async (concurrency) => {
    await ensureBuilt();
    for (let i = 0; i < 4; i++) copyFileSync(path.join(seed, i % 2 ? 'seed.docx' : 'seed.txt'), path.join(dir, `f${i}.${i % 2 ? 'docx' : 'txt'}`));
    const cli = async (out: string, ...extra: string[]) => {
      const r = await runCli(['.', '--concurrency', concurrency, '-f', 'json', '-o', out, ...extra], { cwd: dir });
      expect(r.code).toBe(1);
      return readFileSync(path.join(dir, out), 'utf8');
    };
    const plain = await cli('plain.json');
    expect(JSON.parse(plain)).toHaveLength(6);
    expect(await cli('cold.json', '--cache')).toBe(plain);
    expect(await cli('warm.json', '--cache')).toBe(plain);
    const cache = readCache();
    expect(cache.lines).toHaveLength(6);
    // One entry's bytes damaged (same length, so the index still points right): that file alone is linted again.
    const bytes = readFileSync(cacheFile());
    bytes[cache.lines[2]![0].offset + 5] ^= 1;
    writeFileSync(cacheFile(), bytes);
    expect(await cli('damaged.json', '--cache')).toBe(plain);
    expect(await cli('again.json', '--cache')).toBe(plain);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(warnings).toEqual([]);
  }, 300_000);
});
