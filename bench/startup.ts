/**
 * Start-up (启动, issue 14 target 3): `jxlint lint seed.txt` as a whole process, beside textlint
 * with one rule (sentence-length) on the same file, `jxlint --version` and `node -e 1`, run
 * interleaved (one of each per round) so that the machine's load falls on all alike. Medians of
 * wall and CPU (user + sys, from /usr/bin/time when present) time; the load average is printed with
 * them. Run alone: `npm run bench -- startup`; JXLINT_STARTUP_RUNS sets the rounds (default 15).
 *
 * The bin is dist/bin/main.cjs, what an installed `jxlint` runs. When NODE_EXTRA_CA_CERTS is set
 * (this sandbox sets it to the system's 146-certificate bundle), Node 20 reads and decodes that file
 * while it starts, before any JavaScript: ~45 ms of every process here (`node -e 1` 120 ms with it,
 * 76 ms without). The targets are judged in the environment as it is; the same three commands are
 * also run with the variable removed, interleaved with the others, to show what is Node's and what
 * is jxlint's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './util.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seed = 'fixtures/seed/seed.txt';
const TIME = '/usr/bin/time';

interface Sample {
  wallMs: number;
  cpuMs: number | null;
}

/** One run of `node ARGS…` in the checkout: wall time, and CPU time when /usr/bin/time is there. */
function runOnce(args: string[], timeFile: string, env: NodeJS.ProcessEnv = process.env): Sample {
  const withTime = existsSync(TIME);
  const t0 = performance.now();
  const r = withTime
    ? spawnSync(TIME, ['-f', '%U %S', '-o', timeFile, process.execPath, ...args], { cwd: root, stdio: 'ignore', env })
    : spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore', env });
  const wallMs = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  if (!withTime) return { wallMs, cpuMs: null };
  const [user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { wallMs, cpuMs: (user! + sys!) * 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchStartup(): Promise<BenchRow[]> {
  const runs = Number(process.env.JXLINT_STARTUP_RUNS) || 15;
  const dir = mkdtempSync(path.join(tmpdir(), 'jxlint-startup-'));
  const textlintConfig = path.join(dir, '.textlintrc.json');
  writeFileSync(textlintConfig, JSON.stringify({ rules: { 'sentence-length': true } }));
  const timeFile = path.join(dir, 'time');
  const bin = 'dist/bin/main.cjs';
  const commands: [string, string[], NodeJS.ProcessEnv?][] = [
    ['jxlint lint seed.txt', [bin, 'lint', seed, '--no-progress']],
    ['textlint seed.txt (1 rule: sentence-length)', ['node_modules/textlint/bin/textlint.js', '--config', textlintConfig, seed]],
    ['jxlint --version', [bin, '--version']],
    ['node -e 1', ['-e', '1']],
  ];
  const extraCaCerts = process.env.NODE_EXTRA_CA_CERTS;
  if (extraCaCerts) {
    const withoutCerts = { ...process.env };
    delete withoutCerts.NODE_EXTRA_CA_CERTS;
    for (const i of [0, 2, 3]) commands.push([`${commands[i]![0]}, NODE_EXTRA_CA_CERTS unset`, commands[i]![1], withoutCerts]);
  }
  const samples = commands.map(() => [] as Sample[]);
  const loadBefore = loadavg()[0]!;
  try {
    for (const [, args, env] of commands) runOnce(args, timeFile, env); // warm the file cache
    for (let round = 0; round < runs; round++) commands.forEach(([, args, env], i) => samples[i]!.push(runOnce(args, timeFile, env)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const load = `load ${loadBefore.toFixed(1)}→${loadavg()[0]!.toFixed(1)}`;
  const wall = samples.map((s) => median(s.map((x) => x.wallMs)));
  const cpu = samples.map((s) => (s[0]!.cpuMs === null ? null : median(s.map((x) => x.cpuMs!))));
  const cpuText = (i: number) => (cpu[i] === null ? '' : `, CPU ${cpu[i]!.toFixed(0)} ms`);
  const [jxlint, textlint, version, node, ...unset] = wall as [number, number, number, number, ...number[]];
  return [
    { name: `${commands[0]![0]}: median wall of ${runs}${cpuText(0)}, ${load}`, value: jxlint, unit: 'ms', target: '≤ 200 ms', ok: jxlint <= 200 },
    { name: `${commands[1]![0]}: median wall${cpuText(1)}`, value: textlint, unit: 'ms' },
    { name: 'jxlint ÷ textlint, wall (same run)', value: jxlint / textlint, unit: '×', target: '≤ 0.32', ok: jxlint / textlint <= 0.32 },
    ...(cpu[0] !== null && cpu[1] !== null ? [{ name: 'jxlint ÷ textlint, CPU', value: cpu[0] / cpu[1], unit: '×' }] : []),
    { name: `${commands[2]![0]}: median wall${cpuText(2)}`, value: version, unit: 'ms', target: '≤ 120 ms', ok: version <= 120 },
    { name: `${commands[3]![0]} (Node's own start): median wall${cpuText(3)}`, value: node, unit: 'ms' },
    { name: "jxlint lint seed.txt minus node -e 1 (jxlint's own share), wall", value: jxlint - node, unit: 'ms' },
    ...unset.map((value, k) => ({ name: `${commands[4 + k]![0]} (${extraCaCerts}): median wall${cpuText(4 + k)}`, value, unit: 'ms' })),
  ];
}
