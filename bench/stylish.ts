/**
 * The terminal report with very long messages (a pasted paragraph in one cell): `wrapToWidth` is
 * linear in the length of the text. Times the wrapping of 50k, 100k and 200k characters of one long
 * word (the case that was quadratic: 100k took 10.7 s) and of Chinese text, and the whole stylish
 * report of one finding whose message is 200k characters; the 200k / 100k ratio is about 2 when
 * the work is linear.
 *
 * Run alone: `node dist/bench/stylish.js`.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatStylish } from '../src/formatters/stylish.js';
import { wrapToWidth } from '../src/formatters/text-width.js';
import type { LintResult } from '../src/index.js';
import { type BenchRow, medianMs, printRows } from './util.js';

const SIZES = [50_000, 100_000, 200_000] as const;

function oneFinding(message: string): LintResult {
  return {
    filePath: path.resolve('long.txt'),
    status: 'ok',
    format: 'text',
    encoding: 'utf-8',
    projects: [{ index: 1, code: '316-1201-JBN-WMEB', name: '城乡居民养老保险区财政补贴', agency: null }],
    messages: [
      {
        ruleId: 'cost-value-not-amount',
        severity: 2,
        message,
        messageId: 'percent',
        projectIndex: 1,
        projectCode: '316-1201-JBN-WMEB',
        projectName: '城乡居民养老保险区财政补贴',
        line: 30,
        column: 21,
        origin: { line: 30, column: 21 },
        location: '行 30:21（指标值）',
        role: 'indicator-value',
      },
    ],
    errorCount: 1,
    warningCount: 0,
    infoCount: 0,
    fatalErrorCount: 0,
    fixableCount: 0,
  } as unknown as LintResult;
}

export async function benchStylish(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const texts: [string, (n: number) => string][] = [
    ['one word', (n) => 'x'.repeat(n)],
    ['Chinese text', (n) => '成本指标“项目成本”的指标值“≥98%”是百分比，不是金额；'.repeat(Math.ceil(n / 28)).slice(0, n)],
  ];
  for (const [name, make] of texts) {
    const ms: number[] = [];
    for (const n of SIZES) {
      const text = make(n);
      ms.push(await medianMs(() => wrapToWidth(text, { first: 52, rest: 52 }), 5, 1));
      rows.push({ name: `wrapToWidth, ${name}, ${n.toLocaleString('en')} characters at 52 columns`, value: ms.at(-1)!, unit: 'ms' });
    }
    // A ratio of a few milliseconds says little: only for the text that takes long enough to time.
    if (ms[1]! >= 20) rows.push({ name: `  ${name}: time(200k) / time(100k) (linear ≈ 2, quadratic ≈ 4)`, value: ms[2]! / ms[1]!, unit: '×', target: '< 3', ok: ms[2]! / ms[1]! < 3 });
  }
  const long = texts[1]![1](200_000);
  const result = oneFinding(long);
  const options = { rules: [], locale: 'zh-CN' as const, color: false, toolVersion: 'bench', cwd: process.cwd(), width: 80, verbose: true };
  rows.push({ name: 'stylish --verbose at 80 columns, one finding with a 200,000-character message', value: await medianMs(() => formatStylish([result], options), 5, 1), unit: 'ms' });
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  benchStylish().then(
    (rows) => printRows('Terminal report: very long messages', rows),
    (e: unknown) => {
      process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
