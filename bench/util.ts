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
 * Peak memory of a process tree (a batch's main process and its worker processes) until `stop()`:
 * the largest sum of the processes' RSS, sampled every 25 ms (pages shared between them, such as
 * Node's own code, counted once per process, so an upper bound), and of their PSS (shared pages split
 * between the processes that map them: the memory the tree takes from the machine). KiB.
 *
 * PSS is read only when the RSS sum reaches a new high (by 2 %), at most every 0.5 s: the kernel
 * walks a process's page tables to total /proc/PID/smaps_rollup (~2.5 ms a read for a 150 MiB
 * process here), and read every 25 ms over three processes that took 6–8 CPU-s of the bench's
 * own process during a 1,000-file run on two workers — a third of one of the two cores the run was
 * measured on (the run took 21.6–22.6 s against 15.1–15.6 s with RSS alone).
 */
export function sampleTreeMemory(root: number): { stop(): void; peakRssKiB(): number; peakPssKiB(): number } {
  let rss = 0;
  let pss = 0;
  let rssAtLastPss = 0;
  let lastPssAt = -Infinity;
  const sample = () => {
    const pids = processTree(root);
    let rssNow = 0;
    for (const pid of pids) {
      try {
        rssNow += statusKiB(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');
      } catch {
        // exited between the listing and the reading
      }
    }
    rss = Math.max(rss, rssNow);
    const now = performance.now();
    if (rssNow <= rssAtLastPss * 1.02 || now - lastPssAt < 500) return;
    let pssNow = 0;
    for (const pid of pids) {
      try {
        pssNow += statusKiB(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss');
      } catch {
        // exited
      }
    }
    pss = Math.max(pss, pssNow);
    rssAtLastPss = rssNow;
    lastPssAt = now;
  };
  const timer = setInterval(sample, 25);
  return { stop: () => clearInterval(timer), peakRssKiB: () => rss, peakPssKiB: () => pss };
}
