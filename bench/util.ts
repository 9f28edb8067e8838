/** Small measuring helpers shared by the benchmarks. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
}

/** Median of `runs` timings of `fn` after `warmup` untimed calls, in ms. */
export async function medianMs(fn: () => unknown | Promise<unknown>, runs = 50, warmup = 10): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Median ms with a full GC first (`--expose-gc`), so one measure's garbage is not billed to the next. */
export async function medianMsAfterGc(fn: () => unknown, runs: number, warmup: number): Promise<number> {
  gc?.();
  return medianMs(fn, runs, warmup);
}

/** The repository root, from bench/ or from dist/bench/. */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

/** Median wall time of a whole process, in ms. */
export function processMs(cmd: string, args: string[], runs = 10): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { stdio: 'ignore' });
    times.push(performance.now() - t0);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function printRows(title: string, rows: BenchRow[]): void {
  process.stdout.write(`\n## ${title}\n\n| measure | value | target |\n|---|---|---|\n`);
  for (const r of rows) {
    const mark = r.ok === undefined ? '' : r.ok ? ' ✓' : ' ✗';
    process.stdout.write(`| ${r.name} | ${r.value.toFixed(r.value < 10 ? 2 : 1)} ${r.unit} | ${r.target ?? ''}${mark} |\n`);
  }
}
