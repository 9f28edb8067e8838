/**
 * The built bin (dist/bin, scripts/bundle.mjs): the command line starts from V8's code cache made at
 * build time, and starts as well without it — a cache V8 rejects (another Node, other flags, a
 * damaged file) or a missing one gives the same output. Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'dist/bin');
const seed = path.join(root, 'fixtures/seed/seed.txt');

function run(binDir: string, args: string[]) {
  return spawnSync(process.execPath, [path.join(binDir, 'main.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe.skipIf(!existsSync(path.join(bin, 'main.js')))('the built bin and its code cache (dist/bin)', () => {
  let copy: string;
  let script: string;
  let reference: ReturnType<typeof run>;

  beforeAll(() => {
    script = readdirSync(bin).find((f) => /^cli-[0-9a-f]+\.cjs$/.test(f))!;
    copy = mkdtempSync(path.join(tmpdir(), 'jxlint-bin-'));
    cpSync(bin, copy, { recursive: true });
    reference = run(bin, ['lint', seed]);
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('ships one script and the cache V8 takes for it', () => {
    const cache = script.replace(/\.cjs$/, '.cache');
    expect(existsSync(path.join(bin, cache))).toBe(true);
    const check = spawnSync(process.execPath, [path.join(root, 'scripts/code-cache.mjs'), '--check', path.join(bin, script), path.join(bin, cache)], { encoding: 'utf8' });
    expect(check.stdout.trim()).toBe('accepted');
  });

  it('leaves no import() in the script (functions from the cache lose its import callback)', () => {
    expect(readFileSync(path.join(bin, script), 'latin1')).not.toMatch(/(?<![\w$.])import\s*\(/);
  });

  it('lints the seed (exit 1, findings on stdout, nothing on stderr)', () => {
    expect(reference.status).toBe(1);
    expect(reference.stderr).toBe('');
    expect(reference.stdout).toContain('seed.txt');
  });

  it.each([
    ['a damaged cache', (dir: string) => writeFileSync(path.join(dir, script.replace(/\.cjs$/, '.cache')), Buffer.from('not a V8 code cache'))],
    ['no cache', (dir: string) => rmSync(path.join(dir, script.replace(/\.cjs$/, '.cache')), { force: true })],
  ])('%s: the script is compiled as usual, same output', (_, damage) => {
    damage(copy);
    const r = run(copy, ['lint', seed]);
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: reference.status, stdout: reference.stdout, stderr: reference.stderr });
  });

  it('answers --version without the script', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(run(bin, ['--version']).stdout).toBe(`${pkg.version}\n`);
  });
});
