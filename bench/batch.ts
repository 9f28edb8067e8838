/**
 * Batch scan speed (批量检查): 1,000 generated .docx files — seed-sized variants of
 * fixtures/seed/seed.docx, larger ones (the seed's 18 tables three times over) and five corrupt —
 * linted by the built CLI with `--concurrency 1` and `--concurrency 2`. Prints files/s, the
 * speed-up, peak memory of the process and its worker processes, and the seed-sized .docx/s.
 *
 * The corpus is generated once into .bench-cache/ (gitignored) by rewriting word/document.xml with
 * fflate. Run alone: `node dist/bench/batch.js`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { type BenchRow, printRows, repoRoot, sampleTreeMemory } from './util.js';

const CORPUS_VERSION = 1;
export const CORPUS = { seedSized: 900, larger: 95, corrupt: 5 } as const;

/** A three-letter code for file i (AAA, AAB, …): varies the project codes between files. */
function letters(i: number): string {
  const a = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  return a[Math.floor(i / 576) % 24]! + a[Math.floor(i / 24) % 24]! + a[i % 24]!;
}

/** Writes the corpus (if not cached) and returns its folder. */
export function makeCorpus(root = repoRoot()): string {
  const dir = path.join(root, '.bench-cache', `batch-v${CORPUS_VERSION}`);
  const marker = path.join(dir, 'complete.json');
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  const seed = unzipSync(new Uint8Array(readFileSync(path.join(root, 'fixtures/seed/seed.docx'))));
  const xml = strFromU8(seed['word/document.xml']!);
  const bodyStart = xml.indexOf('<w:body>') + '<w:body>'.length;
  const bodyEnd = xml.lastIndexOf('<w:sectPr');
  const head = xml.slice(0, bodyStart);
  const body = xml.slice(bodyStart, bodyEnd);
  const tail = xml.slice(bodyEnd);

  const docx = (documentXml: string): Uint8Array => {
    const files: Zippable = {};
    for (const [name, data] of Object.entries(seed)) files[name] = name === 'word/document.xml' ? strToU8(documentXml) : data;
    return zipSync(files, { level: 6 });
  };
  const write = (name: string, bytes: Uint8Array) => {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  };

  for (let i = 0; i < CORPUS.seedSized; i++) {
    // Same tables, different project codes (316-1201-JBN-… → 316-1201-ABC-…).
    write(`seed-sized/${String(i).padStart(4, '0')}.docx`, docx(head + body.replaceAll('JBN', letters(i)) + tail));
  }
  for (let i = 0; i < CORPUS.larger; i++) {
    const copies = [0, 1, 2].map((k) => body.replaceAll('JBN', letters(i * 3 + k + 5000)));
    write(`larger/${String(i).padStart(4, '0')}.docx`, docx(head + copies.join('') + tail));
  }
  const good = docx(head + body + tail);
  const noDocument = zipSync({ '[Content_Types].xml': seed['[Content_Types].xml']! });
  const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
  garbage.set([0x50, 0x4b, 0x03, 0x04]);
  write('corrupt/0-truncated.docx', good.subarray(0, Math.floor(good.length / 2)));
  write('corrupt/1-garbage.docx', garbage);
  write('corrupt/2-no-document-xml.docx', noDocument);
  write('corrupt/3-empty.docx', new Uint8Array(0));
  write('corrupt/4-bad-xml.docx', docx(head + body.slice(0, body.length / 3) + '<w:tbl><w:tr>&bogus;<' + tail));
  writeFileSync(marker, JSON.stringify({ version: CORPUS_VERSION, ...CORPUS }));
  return dir;
}

export interface RunStats {
  files: number;
  failed: number;
  seconds: number;
  /** The largest of: the sum of the RSS of the process and its worker processes (sampled), the peak RSS of any one of them. */
  peakRssMiB: number;
  /** The sum of their PSS (sampled): shared pages counted once. */
  peakPssMiB: number;
  /** CPU seconds (user + system) of the whole process, NaN without /usr/bin/time. */
  cpuSeconds: number;
}

/** Runs the built CLI over `inputs`; wall time, peak RSS and the per-file statuses from its JSON. */
export async function runCli(root: string, inputs: string[], concurrency: number | 'auto'): Promise<RunStats> {
  const out = path.join(tmpdir(), `jxlint-bench-${process.pid}-${concurrency}.json`);
  const timeFile = out + '.rss';
  const haveTime = existsSync('/usr/bin/time');
  // The bin users run: the esbuild bundle (dist/bin), else the plain tsc output.
  // JXLINT_BENCH_BIN: another build of the bin, to compare before and after a change.
  const bin = [process.env.JXLINT_BENCH_BIN ?? '', path.join(root, 'dist/bin/main.cjs'), path.join(root, 'dist/src/cli/main.js')].find((f) => f && existsSync(f))!;
  const cli = [bin, ...inputs, '-f', 'json', '-o', out, '--concurrency', String(concurrency), '--no-progress'];
  const [cmd, args] = haveTime ? ['/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, process.execPath, ...cli]] : [process.execPath, cli];
  let memory: ReturnType<typeof sampleTreeMemory> | undefined;
  const t0 = performance.now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(cmd, args as string[], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CI: '1' } });
    memory = sampleTreeMemory(child.pid!);
    child.on('error', reject);
    child.on('close', (c) => {
      memory!.stop();
      resolve(c ?? -1);
    });
  });
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0 && code !== 1 && code !== 2) throw new Error(`jxlint exited ${code}`);
  const [kib, user, sys] = haveTime ? readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : [0, NaN, NaN];
  const peakKiB = Math.max(kib!, memory!.peakRssKiB());
  const results = JSON.parse(readFileSync(out, 'utf8')) as { status: string }[];
  rmSync(out, { force: true });
  rmSync(timeFile, { force: true });
  return {
    files: results.length,
    failed: results.filter((r) => r.status === 'failed').length,
    seconds,
    peakRssMiB: peakKiB / 1024,
    peakPssMiB: memory!.peakPssKiB() / 1024,
    cpuSeconds: user! + sys!,
  };
}

/** The loops `machineScaling` times: pure CPU, and allocation-heavy (20,000 small objects a round, as parsing makes). */
const SCALING_LOOPS = {
  cpu: `let x = 0; for (let i = 0; i < 2e8; i++) x = (x * 31 + i) | 0;`,
  alloc: `let x = 0; for (let r = 0; r < 300; r++) { const a = []; for (let i = 0; i < 20000; i++) a.push({ i, s: 'x' + i + r }); x += a.length; }`,
} as const;

/**
 * How much two worker processes get done compared with one on this machine right now (the loop in
 * one process alone, then in two at once; each times its own loop, so start-up is not counted): 2.0
 * on two idle cores; less when other processes share them. `cpu` is a pure CPU loop, the ceiling of
 * any speed-up; `alloc` allocates small objects like a parse does — the young-generation collections
 * and page faults share the machine's memory system, so it scales less, and a batch (which allocates
 * as much) is bounded by it too. Both are printed beside the speed-up.
 */
export async function machineScaling(loop: keyof typeof SCALING_LOOPS = 'cpu'): Promise<number> {
  const code = `const t0 = performance.now(); ${SCALING_LOOPS[loop]} process.stdout.write(String(performance.now() - t0) + ' ' + x);`;
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(Number(out.split(' ')[0])));
    });
  const one = await once();
  const two = await Promise.all([once(), once()]);
  return (2 * one) / Math.max(...two);
}

/** Runs measured per setting; the fastest run of each counts (other processes come and go). JXLINT_BENCH_ROUNDS=1 halves the group's time. */
const ROUNDS = Math.max(1, Number(process.env.JXLINT_BENCH_ROUNDS ?? 2));

export async function benchBatch(): Promise<BenchRow[]> {
  const root = repoRoot();
  const t0 = performance.now();
  const corpus = makeCorpus(root);
  const made = (performance.now() - t0) / 1000;
  if (made > 1) process.stderr.write(`batch corpus generated in ${made.toFixed(1)} s: ${corpus}\n`);
  const total = CORPUS.seedSized + CORPUS.larger + CORPUS.corrupt;

  const runs: { one: RunStats[]; two: RunStats[]; seed: RunStats[]; seedOne: RunStats[]; scaling: number[]; allocScaling: number[] } = { one: [], two: [], seed: [], seedOne: [], scaling: [], allocScaling: [] };
  for (let round = 0; round < ROUNDS; round++) {
    runs.scaling.push(await machineScaling());
    runs.allocScaling.push(await machineScaling('alloc'));
    runs.one.push(await runCli(root, [corpus], 1));
    runs.two.push(await runCli(root, [corpus], 2));
    runs.seed.push(await runCli(root, [path.join(corpus, 'seed-sized')], 2));
    runs.seedOne.push(await runCli(root, [path.join(corpus, 'seed-sized')], 1));
  }
  runs.scaling.push(await machineScaling());
  runs.allocScaling.push(await machineScaling('alloc'));
  for (const run of [...runs.one, ...runs.two]) {
    if (run.files !== total) throw new Error(`${run.files} results for ${total} files`);
  }

  const rate = (r: RunStats) => r.files / r.seconds;
  const fastest = (list: RunStats[]) => list.reduce((a, b) => (rate(b) > rate(a) ? b : a));
  const one = fastest(runs.one);
  const two = fastest(runs.two);
  const seedOnly = fastest(runs.seed);
  const speedUp = rate(two) / rate(one);
  const peak = (list: RunStats[]) => Math.max(...list.map((r) => r.peakRssMiB));
  const cpuMs = (r: RunStats) => (r.cpuSeconds * 1000) / r.files;
  const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
  const scaling = mean(runs.scaling);
  const seedOneCpu = runs.seedOne.reduce((a, b) => (b.cpuSeconds < a.cpuSeconds ? b : a));
  return [
    { name: `batch ${total} .docx, --concurrency 1 (${one.failed} failed; best of ${ROUNDS})`, value: rate(one), unit: 'files/s' },
    { name: `batch ${total} .docx, --concurrency 2 (${two.failed} failed; best of ${ROUNDS})`, value: rate(two), unit: 'files/s' },
    { name: 'speed-up, 2 worker processes vs 1 in-process', value: speedUp, unit: '×', target: '≥ 1.8×', ok: speedUp >= 1.8 },
    { name: 'machine scaling during the bench (pure CPU loop, 2 processes vs 1; the ceiling of the speed-up)', value: scaling, unit: '×' },
    {
      name: 'machine scaling during the bench, allocation-heavy loop (20,000 small objects a round, 2 processes vs 1; what a parse-like load gets)',
      value: mean(runs.allocScaling),
      unit: '×',
    },
    { name: 'CPU time per file, --concurrency 1 (user + sys)', value: cpuMs(one), unit: 'ms' },
    { name: 'CPU time per file, --concurrency 2 (user + sys, all processes)', value: cpuMs(two), unit: 'ms' },
    {
      // The least CPU of the rounds: other processes only ever add to it.
      name: `CPU time per seed-sized .docx, --concurrency 1 (${seedOneCpu.files} files, whole process incl. start-up; least of ${ROUNDS})`,
      value: cpuMs(seedOneCpu),
      unit: 'ms',
      target: '≤ 12 ms',
      ok: cpuMs(seedOneCpu) <= 12,
    },
    { name: 'cores the --concurrency 2 run got (CPU time / wall time; 2.0 = both)', value: two.cpuSeconds / two.seconds, unit: '' },
    {
      // wall₁ = CPU₁ / cores₁ and, on two free cores, wall₂ = CPU₂ / 2.
      name: 'speed-up the CPU times allow on two free cores (estimate: 2 × CPU₁ / (cores₁ × CPU₂))',
      value: (2 * cpuMs(one)) / (Math.max(1, one.cpuSeconds / one.seconds) * cpuMs(two)),
      unit: '×',
    },
    { name: 'peak RSS, --concurrency 1', value: peak(runs.one), unit: 'MiB', target: '≤ 400 MiB', ok: peak(runs.one) <= 400 },
    { name: 'peak RSS, --concurrency 2 (sum over the main and worker processes)', value: peak(runs.two), unit: 'MiB', target: '≤ 400 MiB', ok: peak(runs.two) <= 400 },
    { name: 'peak PSS, --concurrency 2 (the same sum with shared pages counted once, read at the RSS peaks)', value: Math.max(...runs.two.map((r) => r.peakPssMiB)), unit: 'MiB' },
    {
      name: `seed-sized .docx (${seedOnly.files}), streaming reader, --concurrency 2 (best of ${ROUNDS})`,
      value: rate(seedOnly),
      unit: 'files/s',
      target: '≥ 40 files/s',
      ok: rate(seedOnly) >= 40,
    },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  benchBatch().then(
    (rows) => printRows('Batch scan (jxlint CLI, worker pool)', rows),
    (e: unknown) => {
      process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
