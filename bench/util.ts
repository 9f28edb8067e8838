/** Small measuring helpers shared by the benchmarks. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** A process and all its descendants (/proc/PID/task/TID/children), alive now. */
function processTree(root: number): number[] {
  const out: number[] = [];
  const visit = (pid: number) => {
    out.push(pid);
    try {
      for (const task of readdirSafe(`/proc/${pid}/task`)) {
        for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ')) if (child.trim()) visit(Number(child));
      }
    } catch {
      // exited
    }
  };
  visit(root);
  return out;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function statusKiB(text: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

/**
 * Peak memory of a process tree (a batch's main process and its worker processes), sampled every
 * 25 ms until `stop()`: the largest sum of the processes' RSS (pages shared between them, such as
 * Node's own code, counted once per process, so an upper bound) and of their PSS (shared pages split
 * between the processes that map them: the memory the tree takes from the machine). KiB.
 */
export function sampleTreeMemory(root: number): { stop(): void; peakRssKiB(): number; peakPssKiB(): number } {
  let rss = 0;
  let pss = 0;
  const sample = () => {
    let rssNow = 0;
    let pssNow = 0;
    for (const pid of processTree(root)) {
      try {
        rssNow += statusKiB(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');
        pssNow += statusKiB(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss');
      } catch {
        // exited between the listing and the reading
      }
    }
    rss = Math.max(rss, rssNow);
    pss = Math.max(pss, pssNow);
  };
  const timer = setInterval(sample, 25);
  return { stop: () => clearInterval(timer), peakRssKiB: () => rss, peakPssKiB: () => pss };
}
