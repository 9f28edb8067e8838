/**
 * Scale and hostile inputs (issue 15): time per project and peak RSS when one text export holds
 * 100, 1,000 and 10,000 projects, and the reader inputs that once crashed, hung or were quadratic.
 * Each measure runs in its own process so its peak RSS is its own.
 * Targets: time per project flat within 2× across the sizes; peak RSS ≤ 4× the file + 150 MiB.
 *
 * Two exports: the seed repeated (the issue's case: every table recurs word for word), and the seed
 * varied (every number of each copy shifted, so codes, amounts, values and line texts differ from
 * copy to copy and nothing is shared by accident). Time per project is CPU time (user + system) of
 * parse + lint, which other processes on the machine do not inflate, after a warm-up on the seed
 * (start-up is not per-project work); wall time is printed beside it.
 *
 * Two CPU figures per size. The first run after the warm-up is what one `jxlint` process pays; at
 * 100 projects it is about 5 ms per project against about 1 ms at 10,000. Running the same document
 * again shows why: within about five runs 100 projects fall to 1 ms per project or less, and six
 * times the warm-up cuts the first run's cost by only a third — V8 is still optimising the parser, the
 * builder and the rules (its compiler and GC threads count in process CPU time), a fixed cost a
 * 100-project run spreads over few projects and a 10,000-project run over many. The steady state
 * (median CPU per project of the later runs of the same document, each a fresh parse + lint) is the
 * per-project cost; the flatness target is read on it, and the first run and its spread are printed
 * beside it. Peak RSS is taken after the first run, before the repeats.
 * JXLINT_SCALE_MB=100 adds a text export of that many MB (the issue's 100 MB case; minutes).
 *
 * Those rows measure the library's whole-document `lint(await parse(bytes))` in-process. What a user
 * runs is measured too: `jxlint lint FILE -f json -o OUT --max-file-size 200MiB` as a child process
 * under /usr/bin/time (peak RSS of the whole process, CPU and wall), on the seed repeated to 100,
 * 1,000 and 10,000 projects and to JXLINT_SCALE_MB; a file above 1 MiB is linted project by project
 * into spool files, above 4 MiB on a thread of its own (src/node/lint-bounded.ts). JXLINT_SCALE_WHOLE=1 also runs each CLI case with
 * that path off (JXLINT_BOUNDED_LINT_THRESHOLD=off), for comparison. The load average is printed
 * with each CLI row: other jobs on the machine inflate wall time and can delay V8's collections.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as bad from '../fixtures/bad/make-bad.js';
import { lint, parse } from '../src/index.js';
import { repoRoot, type BenchRow } from './util.js';

const MiB = 1024 * 1024;
const self = fileURLToPath(import.meta.url);
const SEED_PROJECTS = 18;

interface ChildResult {
  ms: number;
  cpuMs: number;
  /** Median CPU of the later runs of the same document (steady state), when repeated. */
  steadyCpuMs: number | null;
  runs: number;
  rssMiB: number;
  bytes: number;
  projects: number;
  messages: number;
  outcome: string;
}

/** Copy `k` of the seed with every number shifted by `k` (same digits count), so no two copies match. */
function variedCopy(seed: string, k: number): string {
  return seed.replace(/\d+/g, (d) => String((Number(d.slice(-6)) + k) % 10 ** Math.min(d.length, 6)).padStart(Math.min(d.length, 6), '0'));
}

/** A text export of about `projects` projects (or of `mb` MB): the seed repeated, or varied copy by copy. */
function textExport(kind: 'repeated' | 'varied', size: { projects: number } | { mb: number }): string {
  const seed = bad.seedText();
  const copies = 'projects' in size ? Math.ceil(size.projects / SEED_PROJECTS) : Math.ceil((size.mb * 1e6) / Buffer.byteLength(seed));
  if (kind === 'repeated') return seed.repeat(copies);
  const parts: string[] = [];
  for (let k = 0; k < copies; k++) parts.push(variedCopy(seed, k));
  return parts.join('');
}

/** What one child measures: `projects:N` (text export, parse + lint) or a named hostile input (read + parse + lint). */
async function measure(what: string): Promise<ChildResult> {
  let bytes: Uint8Array;
  let filePath: string;
  let options: { docxReader?: 'mammoth'; maxFileSize?: number } = {};
  const text = /^(repeated|varied):(\d+)(MB)?$/.exec(what);
  if (text) {
    const size = text[3] ? { mb: Number(text[2]) } : { projects: Number(text[2]) };
    bytes = new TextEncoder().encode(textExport(text[1] as 'repeated' | 'varied', size));
    filePath = 'scale.txt';
    options = { maxFileSize: 1024 * MiB };
  } else {
    const inputs: Record<string, () => Uint8Array> = {
      'long-table.html (20 MiB)': () => bad.htmlLongTable(20 * MiB),
      'nested-divs.html (100,000)': () => bad.htmlNestedDivs(100_000, true),
      'long-attribute.docx (8 MiB)': () => bad.docxLongAttribute(8 * MiB),
      'letters-in-tag.docx (1 MiB)': () => bad.docxLettersInTag(MiB),
      'fat-loop.doc': bad.docFatLoop,
      'vmerge-chain.docx (30,000 rows, mammoth)': () => bad.docxVerticalMergeChain(30_000),
    };
    bytes = inputs[what]();
    filePath = what.split(' ')[0];
    if (what.includes('mammoth')) options = { docxReader: 'mammoth' };
  }
  if (text) {
    // Start-up is not per-project work: the readers, lexer and rules are loaded and compiled on a
    // seed first, so 100 projects are not charged for what 10,000 share.
    const seed = new TextEncoder().encode(bad.seedText());
    for (let i = 0; i < 10; i++) lint(await parse(seed, { filePath: 'seed.txt' }), {});
  }
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let outcome = 'read';
  let projects = 0;
  let messages = 0;
  try {
    const document = await parse(bytes, { filePath, ...options });
    projects = document.projects.length;
    messages = lint(document, {}).messages.length;
  } catch (e) {
    outcome = (e as { code?: string }).code ?? String(e);
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const rssMiB = process.resourceUsage().maxRSS / 1024;
  // Steady state: the same document again, enough runs for about 5,000 projects (at least two); the
  // 100 MB case (58,000 projects) is measured once.
  let steadyCpuMs: number | null = null;
  let runs = 1;
  if (text && outcome === 'read' && projects <= 20_000) {
    runs = Math.max(2, Math.ceil(5000 / projects));
    const later: number[] = [];
    for (let r = 1; r < runs; r++) {
      const c0 = process.cpuUsage();
      lint(await parse(bytes, { filePath, ...options }), {});
      const c = process.cpuUsage(c0);
      if (r >= Math.floor(runs / 2)) later.push((c.user + c.system) / 1000);
    }
    later.sort((a, b) => a - b);
    steadyCpuMs = later[Math.floor(later.length / 2)]!;
  }
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, steadyCpuMs, runs, rssMiB, bytes: bytes.length, projects, messages, outcome };
}

function inChild(what: string): ChildResult {
  const r = spawnSync(process.execPath, [self, '--child', what], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`bench scale ${what}: exit ${r.status} ${r.stderr.slice(-500)}`);
  return JSON.parse(line) as ChildResult;
}

/** Peak RSS against 4× the file + 150 MiB, and CPU and wall time per project, of one text export. */
function textRows(r: ChildResult, label: string): BenchRow[] {
  const rssTarget = (4 * r.bytes) / MiB + 150;
  const size = `${r.projects.toLocaleString('en')} projects, ${(r.bytes / MiB).toFixed(1)} MiB`;
  return [
    { name: `${label} (${size}): parse + lint CPU per project, first run`, value: r.cpuMs / r.projects, unit: 'ms' },
    ...(r.steadyCpuMs !== null
      ? [{ name: `${label} (${size}): parse + lint CPU per project, steady state (median of runs ${Math.floor(r.runs / 2) + 1}–${r.runs})`, value: r.steadyCpuMs / r.projects, unit: 'ms' }]
      : []),
    { name: `${label} (${size}): parse + lint wall per project`, value: r.ms / r.projects, unit: 'ms' },
    { name: `${label} (${size}, ${r.messages.toLocaleString('en')} messages): peak RSS`, value: r.rssMiB, unit: 'MiB', target: `≤ ${rssTarget.toFixed(0)} MiB`, ok: r.rssMiB <= rssTarget },
  ];
}

/** One `jxlint lint FILE -f json -o OUT` under /usr/bin/time: peak RSS (KiB → MiB), CPU and wall. */
function cliRun(file: string, env: Record<string, string>): { rssMiB: number; cpuMs: number; wallMs: number; code: number | null } {
  const root = repoRoot();
  const bin = process.env.JXLINT_BENCH_BIN ?? path.join(root, 'dist/bin/main.cjs');
  const out = file + '.report.json';
  const timeFile = file + '.time';
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S %e', '-o', timeFile, process.execPath, bin, 'lint', file, '-f', 'json', '-o', out, '--max-file-size', '200MiB', '--no-progress'], {
    cwd: path.dirname(file),
    stdio: 'ignore',
    env: { ...process.env, ...env },
  });
  const [rssKiB, user, sys, wall] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(out, { force: true });
  rmSync(timeFile, { force: true });
  if (r.status !== 0 && r.status !== 1) throw new Error(`jxlint lint ${file} exited ${r.status}`);
  return { rssMiB: rssKiB! / 1024, cpuMs: (user! + sys!) * 1000, wallMs: wall! * 1000, code: r.status };
}

/** Rows of `jxlint lint` on the seed repeated to each size: peak RSS against 4× the file + 150 MiB, time per project. */
function cliRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'jxlint-bench-scale-'));
  const mb = Number(process.env.JXLINT_SCALE_MB ?? 0);
  const sizes: ({ projects: number } | { mb: number })[] = [{ projects: 100 }, { projects: 1_000 }, { projects: 10_000 }, ...(mb > 0 ? [{ mb }] : [])];
  const modes: [string, Record<string, string>][] = [['jxlint lint -f json', {}]];
  if (process.env.JXLINT_SCALE_WHOLE === '1') modes.push(['jxlint lint -f json, whole document (JXLINT_BOUNDED_LINT_THRESHOLD=off)', { JXLINT_BOUNDED_LINT_THRESHOLD: 'off' }]);
  try {
    for (const size of sizes) {
      const file = path.join(dir, 'projects' in size ? `scale-${size.projects}.txt` : `scale-${size.mb}MB.txt`);
      const text = textExport('repeated', size);
      writeFileSync(file, text);
      // textExport's number of seed copies, 18 projects each.
      const copies = 'projects' in size ? Math.ceil(size.projects / SEED_PROJECTS) : Math.ceil((size.mb * 1e6) / Buffer.byteLength(bad.seedText()));
      const projects = copies * SEED_PROJECTS;
      const bytes = statSync(file).size;
      const target = (4 * bytes) / MiB + 150;
      for (const [label, env] of modes) {
        const load = loadavg()[0]!.toFixed(1);
        const r = cliRun(file, env);
        const name = `${label} (${projects.toLocaleString('en')} projects, ${(bytes / MiB).toFixed(1)} MiB; load ${load})`;
        rows.push({ name: `${name}: peak RSS`, value: r.rssMiB, unit: 'MiB', target: `≤ ${target.toFixed(0)} MiB`, ok: r.rssMiB <= target });
        rows.push({ name: `${name}: CPU per project`, value: r.cpuMs / projects, unit: 'ms' });
        rows.push({ name: `${name}: wall per project`, value: r.wallMs / projects, unit: 'ms' });
      }
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export async function benchScale(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  if (process.env.JXLINT_SCALE_ONLY_CLI === '1') return cliRows();
  for (const kind of ['repeated', 'varied'] as const) {
    const first: number[] = [];
    const steady: number[] = [];
    for (const n of [100, 1_000, 10_000]) {
      const r = inChild(`${kind}:${n}`);
      first.push(r.cpuMs / r.projects);
      steady.push((r.steadyCpuMs ?? r.cpuMs) / r.projects);
      rows.push(...textRows(r, `seed ${kind}, library lint(parse()) in-process`));
    }
    const spread = Math.max(...steady) / Math.min(...steady);
    rows.push({ name: `seed ${kind}: steady CPU per project, largest / smallest of 100, 1,000, 10,000`, value: spread, unit: '×', target: '≤ 2×', ok: spread <= 2 });
    // Whether time per project grows with the document.
    const growth = steady[2]! / steady[0]!;
    rows.push({ name: `seed ${kind}: steady CPU per project at 10,000 / at 100 (growth with size)`, value: growth, unit: '×', target: '≤ 2×', ok: growth <= 2 });
    // The first run pays V8's optimisation once, whatever the size: shown, not judged.
    rows.push({ name: `seed ${kind}: first-run CPU per project, largest / smallest (JIT warm-up included)`, value: Math.max(...first) / Math.min(...first), unit: '×' });
  }
  const mb = Number(process.env.JXLINT_SCALE_MB ?? 0);
  if (mb > 0) rows.push(...textRows(inChild(`repeated:${mb}MB`), `seed repeated to ${mb} MB, library lint(parse()) in-process`));
  rows.push(...cliRows());
  for (const what of ['long-table.html (20 MiB)', 'nested-divs.html (100,000)', 'long-attribute.docx (8 MiB)', 'letters-in-tag.docx (1 MiB)', 'fat-loop.doc', 'vmerge-chain.docx (30,000 rows, mammoth)']) {
    const r = inChild(what);
    rows.push({ name: `${what} → ${r.outcome}: time`, value: r.ms, unit: 'ms', target: '< 10 s', ok: r.ms < 10_000 });
    rows.push({ name: `${what}: peak RSS`, value: r.rssMiB, unit: 'MiB', target: '< 500 MiB', ok: r.rssMiB < 500 });
  }
  return rows;
}

if (process.argv[2] === '--child') {
  process.stdout.write(`${JSON.stringify(await measure(process.argv[3]))}\n`);
}
