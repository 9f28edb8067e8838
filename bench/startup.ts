/**
 * Start-up (启动, issue 14 target 3): `jxlint lint seed.txt` as a whole process, beside textlint
 * with one rule (sentence-length) on the same file, `jxlint --version` and `node -e 1`, run
 * interleaved (one of each per round) so that the machine's load falls on all alike. Medians of
 * wall and CPU (user + sys, from /usr/bin/time when present) time; the load average is printed with
 * them. Run alone: `npm run bench -- startup`; JXLINT_STARTUP_RUNS sets the rounds (default 15).
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
function runOnce(args: string[], timeFile: string): Sample {
  const withTime = existsSync(TIME);
  const t0 = performance.now();
  const r = withTime
    ? spawnSync(TIME, ['-f', '%U %S', '-o', timeFile, process.execPath, ...args], { cwd: root, stdio: 'ignore' })
    : spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
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
  const commands: [string, string[]][] = [
    ['jxlint lint seed.txt', ['dist/bin/main.js', 'lint', seed, '--no-progress']],
    ['textlint seed.txt (1 rule: sentence-length)', ['node_modules/textlint/bin/textlint.js', '--config', textlintConfig, seed]],
    ['jxlint --version', ['dist/bin/main.js', '--version']],
    ['node -e 1', ['-e', '1']],
  ];
  const samples = commands.map(() => [] as Sample[]);
  const loadBefore = loadavg()[0]!;
  try {
    for (const [, args] of commands) runOnce(args, timeFile); // warm the file cache
    for (let round = 0; round < runs; round++) commands.forEach(([, args], i) => samples[i]!.push(runOnce(args, timeFile)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const load = `load ${loadBefore.toFixed(1)}→${loadavg()[0]!.toFixed(1)}`;
  const wall = samples.map((s) => median(s.map((x) => x.wallMs)));
  const cpu = samples.map((s) => (s[0]!.cpuMs === null ? null : median(s.map((x) => x.cpuMs!))));
  const cpuText = (i: number) => (cpu[i] === null ? '' : `, CPU ${cpu[i]!.toFixed(0)} ms`);
  const [jxlint, textlint, version, node] = wall as [number, number, number, number];
  return [
    { name: `${commands[0]![0]}: median wall of ${runs}${cpuText(0)}, ${load}`, value: jxlint, unit: 'ms', target: '≤ 200 ms', ok: jxlint <= 200 },
    { name: `${commands[1]![0]}: median wall${cpuText(1)}`, value: textlint, unit: 'ms' },
    { name: 'jxlint ÷ textlint, wall (same run)', value: jxlint / textlint, unit: '×', target: '≤ 0.32', ok: jxlint / textlint <= 0.32 },
    ...(cpu[0] !== null && cpu[1] !== null ? [{ name: 'jxlint ÷ textlint, CPU', value: cpu[0] / cpu[1], unit: '×' }] : []),
    { name: `${commands[2]![0]}: median wall${cpuText(2)}`, value: version, unit: 'ms', target: '≤ 120 ms', ok: version <= 120 },
    { name: `${commands[3]![0]} (Node's own start): median wall${cpuText(3)}`, value: node, unit: 'ms' },
    { name: "jxlint lint seed.txt minus node -e 1 (jxlint's own share), wall", value: jxlint - node, unit: 'ms' },
  ];
}
