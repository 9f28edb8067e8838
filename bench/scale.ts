/**
 * Scale and hostile inputs (issue 15): time per project and peak RSS when one text export holds
 * 100, 1,000 and 10,000 projects (the seed repeated), and the reader inputs that once crashed, hung
 * or were quadratic. Each measure runs in its own process so its peak RSS is its own.
 * Targets: time per project flat within 2× across the sizes; peak RSS ≤ 4× the file + 150 MiB.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as bad from '../fixtures/bad/make-bad.js';
import { lint, parse } from '../src/index.js';
import type { BenchRow } from './util.js';

const MiB = 1024 * 1024;
const self = fileURLToPath(import.meta.url);
const SEED_PROJECTS = 18;

interface ChildResult {
  ms: number;
  rssMiB: number;
  bytes: number;
  projects: number;
  outcome: string;
}

/** What one child measures: `projects:N` (text export, parse + lint) or a named hostile input (read + parse + lint). */
async function measure(what: string): Promise<ChildResult> {
  let bytes: Uint8Array;
  let filePath: string;
  let options: { docxReader?: 'mammoth'; maxFileSize?: number } = {};
  if (what.startsWith('projects:')) {
    const copies = Math.ceil(Number(what.slice(9)) / SEED_PROJECTS);
    bytes = new TextEncoder().encode(bad.seedText().repeat(copies));
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
  const t0 = performance.now();
  let outcome = 'read';
  let projects = 0;
  try {
    const document = await parse(bytes, { filePath, ...options });
    projects = document.projects.length;
    lint(document, {});
  } catch (e) {
    outcome = (e as { code?: string }).code ?? String(e);
  }
  const ms = performance.now() - t0;
  return { ms, rssMiB: process.resourceUsage().maxRSS / 1024, bytes: bytes.length, projects, outcome };
}

function inChild(what: string): ChildResult {
  const r = spawnSync(process.execPath, [self, '--child', what], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`bench scale ${what}: exit ${r.status} ${r.stderr.slice(-500)}`);
  return JSON.parse(line) as ChildResult;
}

export async function benchScale(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const perProject: number[] = [];
  for (const n of [100, 1_000, 10_000]) {
    const r = inChild(`projects:${n}`);
    const per = r.ms / r.projects;
    perProject.push(per);
    const rssTarget = (4 * r.bytes) / MiB + 150;
    rows.push({ name: `text export, ${r.projects} projects (${(r.bytes / MiB).toFixed(1)} MiB): parse + lint per project`, value: per, unit: 'ms' });
    rows.push({ name: `text export, ${r.projects} projects: peak RSS`, value: r.rssMiB, unit: 'MiB', target: `≤ ${rssTarget.toFixed(0)} MiB`, ok: r.rssMiB <= rssTarget });
  }
  const spread = Math.max(...perProject) / Math.min(...perProject);
  rows.push({ name: 'time per project, largest / smallest', value: spread, unit: '×', target: '≤ 2×', ok: spread <= 2 });
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
