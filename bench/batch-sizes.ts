/**
 * Default concurrency against 1 and 2 threads (issue 14): batches of 10, 50, 200 and 1,000 files
 * taken evenly from the batch corpus (bench/batch.ts), each linted by the built CLI with
 * `--concurrency 1`, `2` and `auto`. Prints wall time (best of ROUNDS) and CPU time per size, and
 * auto's wall ÷ the faster of 1 and 2 (target ≤ 1.05). Run alone: `node dist/bench/batch-sizes.js`.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeCorpus, runCli, type RunStats } from './batch.js';
import { type BenchRow, printRows, repoRoot } from './util.js';

/** The sizes; JXLINT_BENCH_SIZES=10,50 runs fewer (the 1,000-file size is most of the group's time). */
export const BATCH_SIZES: readonly number[] = process.env.JXLINT_BENCH_SIZES ? process.env.JXLINT_BENCH_SIZES.split(',').map(Number).filter((n) => n > 0) : [10, 50, 200, 1000];
const ROUNDS = Number(process.env.JXLINT_BENCH_ROUNDS ?? 2);

/** Every file of the corpus, sorted (seed-sized, larger and corrupt ones). */
function corpusFiles(corpus: string): string[] {
  return readdirSync(corpus, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.docx'))
    .map((f) => path.join(corpus, f))
    .sort();
}

/** `n` files spread evenly over the corpus, so every batch mixes sizes like the whole. */
function spread(files: readonly string[], n: number): string[] {
  if (n >= files.length) return [...files];
  return Array.from({ length: n }, (_, i) => files[Math.floor((i * files.length) / n)]!);
}

export async function benchBatchSizes(): Promise<BenchRow[]> {
  const root = repoRoot();
  const files = corpusFiles(makeCorpus(root));
  const rows: BenchRow[] = [];
  for (const size of BATCH_SIZES) {
    const inputs = spread(files, size);
    const best: Record<string, RunStats> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of [1, 2, 'auto'] as const) {
        const r = await runCli(root, inputs, c);
        if (r.files !== inputs.length) throw new Error(`${r.files} results for ${inputs.length} files`);
        if (!best[c] || r.seconds < best[c]!.seconds) best[c] = r;
      }
    }
    const [one, two, auto] = [best[1]!, best[2]!, best.auto!];
    for (const [label, r] of [['1', one], ['2', two], ['auto', auto]] as const) {
      rows.push({ name: `${size} files, --concurrency ${label}: wall (CPU ${(r.cpuSeconds * 1000).toFixed(0)} ms, peak ${r.peakRssMiB.toFixed(0)} MiB)`, value: r.seconds * 1000, unit: 'ms' });
    }
    const ratio = auto.seconds / Math.min(one.seconds, two.seconds);
    rows.push({ name: `${size} files: auto ÷ the faster of 1 and 2`, value: ratio, unit: '×', target: '≤ 1.05×', ok: ratio <= 1.05 });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  printRows(`Batch sizes: --concurrency 1, 2 and auto (best of ${ROUNDS})`, await benchBatchSizes());
}
