/**
 * Huge cells (issue 15): one 指标值 cell of 10 K, 100 K and 1 M characters — random text, digits,
 * full-width digits, repeated "≥", "100%100%…", Chinese numerals, a mix — in the seed's first project
 * (a 数量指标 row, and a 时效指标 row, whose rules read values differently), parsed and linted.
 * Times are CPU time (user + system) of parse + lint beyond the seed's own, which other processes on
 * the machine do not inflate. Target: linear, at most 0.5 µs a character (500 ms for the 1 M cell); the
 * value grammar reads at most MAX_VALUE_CHARS of a cell (docs/limits.md), so parseValue stays flat.
 */
import * as bad from '../fixtures/bad/make-bad.js';
import { parseValue } from '../grammar/value.js';
import { lint, parseText } from '../src/index.js';
import type { BenchRow } from './util.js';

const seedLines = bad.seedText().split('\n');

/** Deterministic text over `alphabet` (an LCG; the same cell every run). */
const drawn = (alphabet: string) => (n: number): string => {
  const chars = [...alphabet];
  let x = 7;
  let s = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    s += chars[x % chars.length];
  }
  return s;
};
const repeated = (unit: string) => (n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const SHAPES: [string, (n: number) => string][] = [
  ['random text', drawn('≥≤%万元人次年月日0123456789.-/ 完成率达到不低于以上内前abc，。１２３三')],
  ['digits', repeated('1')],
  ['full-width digits', repeated('１２３')],
  ['≥≥≥…', repeated('≥')],
  ['100%100%…', repeated('100%')],
  ['三三三… (Chinese numerals)', repeated('三')],
  ['mixed values', repeated('≥98%完成 ３万元 2020年12月底前 ')],
];
const SIZES = [10_000, 100_000, 1_000_000];
/** The 指标值 lines of the first project's 数量指标 and 时效指标 rows in fixtures/seed/seed.txt. */
const VALUE_LINES: [string, number][] = [
  ['数量指标', 78],
  ['时效指标', 92],
];

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The best of `runs` runs: a run may pay for a garbage collection or a compilation of the one before. */
function parseAndLintMs(text: string, runs = 3): number {
  return Math.min(...Array.from({ length: runs }, () => cpuMs(() => lint(parseText(text, 'cells.txt'), {}))));
}

export async function benchCells(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  parseAndLintMs(seedLines.join('\n'), 5); // warm-up
  const baseline = parseAndLintMs(seedLines.join('\n'), 7);
  for (const [shape, make] of SHAPES) {
    const cell = make(1_000_000);
    const ms = Math.min(...[0, 1, 2].map(() => cpuMs(() => parseValue(cell))));
    rows.push({ name: `parseValue of a 1,000,000-char cell, ${shape} (CPU)`, value: ms, unit: 'ms', target: '≤ 50 ms', ok: ms <= 50 });
  }
  rows.push({ name: 'seed.txt parse + lint (CPU, the baseline below)', value: baseline, unit: 'ms' });
  for (const [row, line] of VALUE_LINES) {
    for (const [shape, make] of SHAPES) {
      const extra = SIZES.map((n) => {
        const lines = seedLines.slice();
        lines[line] = `\t${make(n)}`;
        return Math.max(0, parseAndLintMs(lines.join('\n')) - baseline);
      });
      SIZES.forEach((n, i) =>
        rows.push({
          name: `${row} cell of ${n.toLocaleString('en')} chars, ${shape}: parse + lint beyond the seed (CPU)`,
          value: extra[i]!,
          unit: 'ms',
          // Linear: about 0.1–0.2 µs a character. A quadratic step took 12 s at 100 K characters.
          target: `≤ ${(n / 2000).toLocaleString('en')} ms`,
          ok: extra[i]! <= n / 2000,
        }),
      );
    }
  }
  return rows;
}
