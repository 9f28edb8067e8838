/**
 * .docx reader speed (Word documents issue), on fixtures/seed/seed.docx and on the generated
 * 200-project document (.bench-cache/docx/projects-200.docx, built on first use):
 *   mammoth.convertToHtml alone · mammoth reader → AST · streaming reader → AST
 * as ms/doc (median), and the ratio mammoth.convertToHtml ÷ streaming → AST measured in the same
 * run (target ≥ 20×). Also the peak RSS of a whole `jxlint parse` process on the 200-project file
 * (target < 200 MiB). Run alone: `node --expose-gc dist/bench/docx.js`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { ensureProjects200Docx } from '../scripts/make-docx-fixtures.js';
// The Node edge: .docx entries are inflated by zlib (src/node/inflate.ts), as the CLI does.
import { parse } from '../src/node.js';
import { readDocxStream } from '../src/sources/docx/stream.js';
import { DEFAULT_ZIP_LIMITS, setRawInflate } from '../src/sources/zip-guard.js';
import { type BenchRow, medianMs, medianMsAfterGc, printRows, processMs, repoRoot } from './util.js';

/** Peak RSS (MiB) of a whole `jxlint parse FILE --format json` process. */
function parsePeakRssMiB(root: string, file: string): number | null {
  const cli = path.join(root, 'dist/src/cli/main.js');
  if (!existsSync(cli)) return null;
  const report = `data:text/javascript,process.on('exit',()=>process.stderr.write('RSS='+process.resourceUsage().maxRSS+'\\n'))`;
  const r = spawnSync(process.execPath, ['--import', report, cli, 'parse', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const m = /RSS=(\d+)/.exec(r.stderr ?? '');
  return m ? Number(m[1]) / 1024 : null;
}

/** CPU (user + system) per call of `fn` in this process, ms: the mean of `runs` calls after `warmup`. */
function cpuMsPerCall(fn: () => unknown, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn();
  gc?.();
  const before = process.cpuUsage();
  for (let i = 0; i < runs; i++) fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / runs;
}

/** Median CPU (user + system, ms) of whole `node BIN args…` processes, as each reports at exit. */
function processCpuMs(bin: string, args: string[], runs: number): number | null {
  const report = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('CPU='+(u.user+u.system)+'\\n')})`;
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--import', report, bin, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const m = /CPU=(\d+)/.exec(r.stderr ?? '');
    if (m) cpu.push(Number(m[1]) / 1000);
  }
  if (cpu.length === 0) return null;
  cpu.sort((a, b) => a - b);
  return cpu[Math.floor(cpu.length / 2)];
}

export async function benchDocx(): Promise<BenchRow[]> {
  const root = repoRoot();
  const files: [label: string, file: string, runs: number][] = [
    ['seed.docx (18 tables)', path.join(root, 'fixtures/seed/seed.docx'), 15],
    ['200-project .docx', await ensureProjects200Docx(), 5],
  ];
  const rows: BenchRow[] = [];
  for (const [label, file, runs] of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const buffer = Buffer.from(bytes);
    const mammothAlone = await medianMsAfterGc(() => mammoth.convertToHtml({ buffer }), runs, 2);
    const mammothAst = await medianMsAfterGc(() => parse(bytes, { filePath: file, docxReader: 'mammoth' }), runs, 2);
    const streamBlocks = await medianMsAfterGc(() => readDocxStream(bytes, DEFAULT_ZIP_LIMITS), runs * 10, 5);
    // The browser's path (fflate's JavaScript inflate), for comparison.
    const native = setRawInflate(null);
    const fflateBlocks = await medianMsAfterGc(() => readDocxStream(bytes, DEFAULT_ZIP_LIMITS), runs * 10, 5);
    setRawInflate(native);
    const streamAst = await medianMsAfterGc(() => parse(bytes, { filePath: file }), runs * 10, 5);
    // CPU time as well: on a shared machine wall time mostly measures the other jobs.
    const streamBlocksCpu = cpuMsPerCall(() => readDocxStream(bytes, DEFAULT_ZIP_LIMITS), runs * 10, 5);
    const ratio = mammothAlone / streamAst;
    rows.push(
      { name: `${label}: mammoth.convertToHtml alone`, value: mammothAlone, unit: 'ms/doc' },
      { name: `${label}: mammoth reader → AST`, value: mammothAst, unit: 'ms/doc' },
      { name: `${label}: streaming reader → Blocks (zlib inflate)`, value: streamBlocks, unit: 'ms/doc' },
      { name: `${label}: streaming reader → Blocks (fflate inflate, the browser's)`, value: fflateBlocks, unit: 'ms/doc' },
      { name: `${label}: streaming reader → Blocks (zlib inflate), CPU user + sys`, value: streamBlocksCpu, unit: 'ms/doc' },
      { name: `${label}: streaming reader → AST`, value: streamAst, unit: 'ms/doc' },
      { name: `${label}: convertToHtml ÷ streaming → AST`, value: ratio, unit: '×', target: '≥ 20×', ok: ratio >= 20 },
      { name: `${label}: mammoth reader → AST ÷ streaming → AST`, value: mammothAst / streamAst, unit: '×' },
    );
  }
  const bin = path.join(root, 'dist/bin/main.cjs');
  if (existsSync(bin)) {
    // The whole process as a user runs it (the bundled CLI), JSON to /dev/null.
    const runs = Math.max(1, Number(process.env.JXLINT_BENCH_ROUNDS ?? 5));
    const ms = processMs(process.execPath, [bin, 'parse', files[1][1], '--format', 'json'], runs);
    rows.push({ name: `\`jxlint parse\` 200-project .docx as a process: wall (median of ${runs})`, value: ms / 1000, unit: 's', target: '≤ 0.45 s', ok: ms <= 450 });
    const cpu = processCpuMs(bin, ['parse', files[1][1], '--format', 'json'], runs);
    if (cpu !== null) rows.push({ name: `\`jxlint parse\` 200-project .docx as a process: CPU user + sys (median of ${runs})`, value: cpu / 1000, unit: 's' });
  }
  const rss = parsePeakRssMiB(root, files[1][1]);
  if (rss !== null) rows.push({ name: '`jxlint parse` 200-project .docx: peak RSS', value: rss, unit: 'MiB', target: '< 200 MiB', ok: rss < 200 });
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printRows('Word documents: .docx readers', await benchDocx());
}
