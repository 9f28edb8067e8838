/**
 * Installing jxlint without a checkout (安装): `npm pack` gives a tarball with the built code, the
 * docs and rule pages, a shrinkwrap pinning the runtime dependencies to the lockfile's versions,
 * and nothing of the development tree; `npm install -g` of that tarball into an empty prefix gives
 * a working `jxlint` that lints the seed and links the rule pages it installed.
 *
 * The install is offline: the shrinkwrap pins the versions `npm ci` put in npm's cache, so no
 * registry is needed. Install scripts are skipped (jxlint has none; better-sqlite3, used only by
 * `jxlint serve`, would fetch a prebuilt binary). Slow (a build and an install): runs under CI, or
 * locally with JXLINT_PACK_TEST=1.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const enabled = !!process.env.CI || !!process.env.JXLINT_PACK_TEST;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string> };

describe.skipIf(!enabled)('npm pack → npm install -g from the tarball (CI; JXLINT_PACK_TEST=1 locally)', () => {
  let dir: string;
  let tarball: string;
  let files: string[];
  let prefix: string;
  let bin: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jxlint-pack-'));
    const packed = JSON.parse(
      execFileSync(npm, ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
    ) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(dir, packed[0]!.filename);
    files = packed[0]!.files.map((f) => f.path);
    prefix = path.join(dir, 'prefix');
    const install = spawnSync(
      npm,
      ['install', '--global', '--prefix', prefix, '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel', 'warn', tarball],
      { cwd: dir, encoding: 'utf8' },
    );
    if (install.status !== 0) throw new Error(`npm install -g failed (${install.status}):\n${install.stderr}`);
    (globalThis as { installWarnings?: string }).installWarnings = install.stderr;
    bin = process.platform === 'win32' ? path.join(prefix, 'jxlint.cmd') : path.join(prefix, 'bin', 'jxlint');
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('packs the built code, the docs and rule pages, and a shrinkwrap — nothing of the dev tree', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'npm-shrinkwrap.json', 'dist/bin/main.js', 'dist/src/index.js', 'dist/src/node.js', 'docs/formats.md', 'docs/rules/cost-value-not-amount.md']));
    expect(files.filter((f) => /^(src|test|bench|scripts|fixtures|dist\/bench|dist\/scripts|dist\/fixtures)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    // postpack removed the shrinkwrap from the working tree again.
    expect(existsSync(path.join(root, 'npm-shrinkwrap.json'))).toBe(false);
  });

  it('installs without development dependencies and without engine warnings', () => {
    const installed = path.join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', 'jxlint');
    expect(existsSync(path.join(installed, 'dist/bin/main.js'))).toBe(true);
    for (const dev of Object.keys(pkg.devDependencies)) {
      expect(existsSync(path.join(installed, 'node_modules', dev)), dev).toBe(false);
    }
    expect((globalThis as { installWarnings?: string }).installWarnings ?? '').not.toMatch(/EBADENGINE/);
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
});
