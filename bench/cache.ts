/**
 * `--cache` (issue 14): the 1,000-file batch corpus linted by the built CLI without the cache, then
 * with a cold cache (writes it), then again unchanged (every result from the cache: bytes read and
 * hashed, nothing parsed). Target: the unchanged re-scan ≤ 10 % of the uncached wall time.
 * Run alone: `node dist/bench/cache.js`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeCorpus } from './batch.js';
import { type BenchRow, printRows, repoRoot } from './util.js';

/** Wall and CPU (user + sys) ms of one CLI run over the corpus. */
function timed(root: string, corpus: string, extra: string[]): { wall: number; cpu: number } {
  const bin = process.env.JXLINT_BENCH_BIN ?? path.join(root, 'dist/bin/main.cjs');
  const out = path.join(tmpdir(), `jxlint-bench-cache-${process.pid}.json`);
  const timeFile = out + '.time';
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, process.execPath, bin, corpus, '-f', 'json', '-o', out, '--no-progress', ...extra], { cwd: root, stdio: 'ignore' });
  const wall = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1 && r.status !== 2) throw new Error(`jxlint exited ${r.status}`);
  const [user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(out, { force: true });
  rmSync(timeFile, { force: true });
  return { wall, cpu: (user! + sys!) * 1000 };
}

export async function benchCache(): Promise<BenchRow[]> {
  const root = repoRoot();
  const corpus = makeCorpus(root);
  const cache = path.join(tmpdir(), `jxlint-bench-${process.pid}.jxlintcache`);
  rmSync(cache, { force: true });
  const uncached = timed(root, corpus, []);
  const cold = timed(root, corpus, ['--cache', '--cache-location', cache]);
  if (!existsSync(cache)) throw new Error('the cache was not written');
  const warm = timed(root, corpus, ['--cache', '--cache-location', cache]);
  rmSync(cache, { force: true });
  const ratio = warm.wall / uncached.wall;
  return [
    { name: `1,000 .docx without --cache: wall (CPU ${uncached.cpu.toFixed(0)} ms)`, value: uncached.wall, unit: 'ms' },
    { name: `1,000 .docx, --cache, cold (writes the cache): wall (CPU ${cold.cpu.toFixed(0)} ms)`, value: cold.wall, unit: 'ms' },
    { name: `1,000 .docx, --cache, unchanged re-scan: wall (CPU ${warm.cpu.toFixed(0)} ms)`, value: warm.wall, unit: 'ms' },
    { name: 'unchanged re-scan ÷ uncached wall', value: ratio * 100, unit: '%', target: '≤ 10 %', ok: ratio <= 0.1 },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  printRows('Re-scan with --cache (1,000 .docx)', await benchCache());
}
