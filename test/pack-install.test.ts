/**
 * Installing jxlint without a checkout (安装): `npm pack` gives a tarball with the built code, the
 * docs and rule pages, a shrinkwrap pinning the runtime dependencies to the lockfile's versions,
 * and nothing of the development tree; `npm install -g` of that tarball into an empty prefix gives
 * a working `jxlint` that lints the seed and links the rule pages it installed.
 *
 * The install prefers npm's cache (`--prefer-offline`): the shrinkwrap pins the versions of the
 * lockfile, which `npm ci` put there, and the registry is asked only for what the cache lacks
 * (`--offline` alone fails on a machine whose node_modules did not come through its cache). Install scripts are skipped (jxlint has none; better-sqlite3, used only by
 * `jxlint serve`, would fetch a prebuilt binary). Slow (a build and an install): runs under CI, or
 * locally with JXLINT_PACK_TEST=1.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const enabled = !!process.env.CI || !!process.env.JXLINT_PACK_TEST;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
/**
 * Packages only the development tree uses: marked dev in the lockfile, and no copy of the same name
 * needed at run time (exceljs's @fast-csv needs an @types/node of its own), so none may be installed.
 */
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
const nameOf = (key: string) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
const runtimeNames = new Set(Object.entries(lock.packages).filter(([key, entry]) => key && !entry.dev).map(([key]) => nameOf(key)));
const devOnly = Object.entries(lock.packages)
  .filter(([key, entry]) => entry.dev && /^node_modules\/(@[^/]+\/)?[^/]+$/.test(key) && !runtimeNames.has(nameOf(key)))
  .map(([key]) => nameOf(key));
/**
 * Engine warnings known and not ours to fix here: fastify (jxlint serve) → light-my-request →
 * cookie@2, which declares Node ≥ 22. package.json's overrides pin light-my-request 6.6.0 (cookie@1)
 * for a checkout, but an install from the tarball still resolves cookie@2 (measured 2026-12-01).
 */
const KNOWN_ENGINE_WARNINGS = ['cookie'];
/** Runs a command without blocking the test worker (npm pack and install take minutes). */
const run = promisify(execFile);

describe.skipIf(!enabled)('npm pack → npm install -g from the tarball (CI; JXLINT_PACK_TEST=1 locally)', () => {
  let dir: string;
  let tarball: string;
  let files: string[];
  let prefix: string;
  let bin: string;
  let installWarnings = '';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'jxlint-pack-'));
    // `npm pack` runs prepare (the build), whose lines come before the JSON on stdout.
    const { stdout: output } = await run(npm, ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
    const packed = JSON.parse(output.slice(output.search(/^\[/m))) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(dir, packed[0]!.filename);
    files = packed[0]!.files.map((f) => f.path);
    prefix = path.join(dir, 'prefix');
    try {
      const install = await run(
        npm,
        ['install', '--global', '--prefix', prefix, '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel', 'warn', tarball],
        { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 },
      );
      installWarnings = install.stderr;
    } catch (e) {
      throw new Error(`npm install -g failed: ${(e as { stderr?: string }).stderr ?? String(e)}`);
    }
    bin = process.platform === 'win32' ? path.join(prefix, 'jxlint.cmd') : path.join(prefix, 'bin', 'jxlint');
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('packs the built code, the docs and rule pages, and a shrinkwrap — nothing of the dev tree', () => {
    const wanted = ['package.json', 'README.md', 'npm-shrinkwrap.json', 'dist/bin/main.cjs', 'dist/bin/main.js', 'dist/bin/process-worker.js', 'dist/src/index.js', 'dist/src/node.js', 'docs/formats.md', 'docs/rules/cost-value-not-amount.md'];
    expect(wanted.filter((f) => !files.includes(f))).toEqual([]);
    expect(files.filter((f) => /^(src|test|bench|scripts|fixtures|dist\/bench|dist\/scripts|dist\/fixtures)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    // postpack removed the shrinkwrap from the working tree again.
    expect(existsSync(path.join(root, 'npm-shrinkwrap.json'))).toBe(false);
  });

  it('installs without development dependencies and without engine warnings', () => {
    const installed = path.join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', 'jxlint');
    expect(existsSync(path.join(installed, 'dist/bin/main.js'))).toBe(true);
    // The bin is the CommonJS launcher (no ES module loader at start).
    const bin = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(bin.bin.jxlint).toBe('dist/bin/main.cjs');
    expect(devOnly).toEqual(expect.arrayContaining(['vitest', 'typescript', 'playwright-core', 'docx']));
    for (const dev of devOnly) {
      expect(existsSync(path.join(installed, 'node_modules', dev)), dev).toBe(false);
    }
    // Which packages npm warns about (EBADENGINE: the package wants another Node).
    const badEngines = [...installWarnings.matchAll(/EBADENGINE\s+package: '([^']+)@[^']*'/g)].map((m) => m[1]);
    expect(badEngines.filter((name) => !KNOWN_ENGINE_WARNINGS.includes(name!))).toEqual([]);
  });

  it('jxlint --version prints the package version', () => {
    const run = spawnSync(bin, ['--version'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toContain(pkg.version);
  });

  it('lints the seed, and its reports link the rule pages it installed', () => {
    const seed = path.join(root, 'fixtures/seed/seed.docx');
    const run = spawnSync(bin, [seed, '-f', 'sarif', '--no-progress'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout) as { runs: { results: unknown[]; tool: { driver: { rules: { id: string; helpUri: string }[] } } }[] };
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(100);
    const rule = sarif.runs[0]!.tool.driver.rules[0]!;
    expect(rule.helpUri).toMatch(/^file:\/\//);
    expect(existsSync(fileURLToPath(rule.helpUri))).toBe(true);
    expect(fileURLToPath(rule.helpUri).startsWith(prefix)).toBe(true);
  });

  // Every input format in one process, as `jxlint FILE` runs it: the script requires some readers'
  // libraries lazily (numfmt, htmlparser2), which a run of only the seed .docx never loads.
  it.each([
    'fixtures/seed/seed.docx',
    'fixtures/seed/seed.doc',
    'fixtures/seed/seed.txt',
    'fixtures/seed/seed-gb18030-crlf.txt',
    'fixtures/html/seed-gb2312.html',
    'fixtures/xlsx/seed-per-sheet.xlsx',
    'fixtures/xlsx/seed-stacked.xlsx',
  ])('reads %s into the seed\'s 18 projects', (file) => {
    const run = spawnSync(bin, [path.join(root, file), '-f', 'json', '--no-progress'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(run.stderr).toBe('');
    const [result] = JSON.parse(run.stdout) as { status: string; projects: unknown[]; messages: { message: string }[] }[];
    expect(result!.status, result!.messages[0]?.message).not.toBe('failed');
    expect(result!.projects).toHaveLength(18);
  });

  it('lints a folder on two worker processes: one result per file, the same as in-process', () => {
    const folder = path.join(dir, 'batch');
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < 6; i++) copyFileSync(path.join(root, 'fixtures/seed/seed.txt'), path.join(folder, `f${i}.txt`));
    const run = (concurrency: string) => spawnSync(bin, [folder, '-f', 'json', '--concurrency', concurrency, '--no-progress'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
    const [inProcess, workers] = [run('1'), run('2')];
    expect(workers.status).toBe(1);
    expect(workers.stderr).toBe('');
    expect((JSON.parse(workers.stdout) as unknown[]).length).toBe(6);
    expect(workers.stdout).toBe(inProcess.stdout);
  });
});
