/**
 * Batch reports (批量报告) at 1,000 files: the html report (index + one page per document) and the
 * xlsx workbook written by the built CLI over bench/batch.ts's corpus (900 seed-sized .docx, 95
 * larger, 5 corrupt), each run in its own process: wall time, peak RSS, the size of what was
 * written, and how fast the index and a document page first paint in headless Chromium
 * (playwright-core, /usr/bin/chromium; the paint rows are left out without it).
 *
 * Run alone: `node dist/bench/html-batch.js`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORPUS, makeCorpus } from './batch.js';
import { type BenchRow, printRows, repoRoot, sampleTreeMemory } from './util.js';

interface Run {
  seconds: number;
  peakRssMiB: number;
}

/** Runs the built CLI; wall time and peak RSS (the sum over its processes sampled from /proc, or /usr/bin/time's peak of one). */
async function runCli(root: string, args: string[]): Promise<Run> {
  const bin = [path.join(root, 'dist/bin/main.cjs'), path.join(root, 'dist/src/cli/main.js')].find((f) => existsSync(f))!;
  const timeFile = path.join(tmpdir(), `jxlint-html-bench-${process.pid}.rss`);
  const haveTime = existsSync('/usr/bin/time');
  const cli = [bin, ...args, '--no-progress'];
  const [cmd, argv] = haveTime ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, ...cli]] : [process.execPath, cli];
  let memory: ReturnType<typeof sampleTreeMemory> | undefined;
  const t0 = performance.now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(cmd, argv as string[], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CI: '1' } });
    memory = sampleTreeMemory(child.pid!);
    child.on('error', reject);
    child.on('close', (c) => {
      memory!.stop();
      resolve(c ?? -1);
    });
  });
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0 && code !== 1 && code !== 2) throw new Error(`jxlint ${args.join(' ')} exited ${code}`);
  // The sum over the main and worker processes, or the peak of one of them when that is larger (a short peak between samples).
  const kib = Math.max(haveTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : 0, memory!.peakRssKiB());
  rmSync(timeFile, { force: true });
  return { seconds, peakRssMiB: kib / 1024 };
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const info = statSync(file);
    total += info.isDirectory() ? folderBytes(file) : info.size;
  }
  return total;
}

/** First contentful paint of a page in headless Chromium (ms from navigation start), or null. */
export async function firstPaints(urls: string[]): Promise<(number | null)[] | null> {
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!executablePath) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const paints: (number | null)[] = [];
    for (const url of urls) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      const fcp = await page.evaluate(
        () =>
          new Promise<number | null>((resolve) => {
            const find = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
            const now = find();
            if (now !== null) return resolve(now);
            new PerformanceObserver(() => resolve(find())).observe({ type: 'paint', buffered: true });
            setTimeout(() => resolve(find()), 10_000);
          }),
      );
      paints.push(fcp);
      await page.close();
    }
    return paints;
  } finally {
    await browser.close();
  }
}

export async function benchHtmlBatch(): Promise<BenchRow[]> {
  const root = repoRoot();
  const corpus = makeCorpus(root);
  const total = CORPUS.seedSized + CORPUS.larger + CORPUS.corrupt;
  const out = mkdtempSync(path.join(tmpdir(), 'jxlint-html-bench-'));
  try {
    const index = path.join(out, 'report.html');
    const html = await runCli(root, [corpus, '-f', 'html', '-o', index, '--concurrency', '2']);
    const pagesDir = path.join(out, 'report.files');
    const pages = readdirSync(pagesDir).sort();
    const indexBytes = statSync(index).size;
    const pageBytes = folderBytes(pagesDir);
    const largestPage = Math.max(...pages.map((p) => statSync(path.join(pagesDir, p)).size));
    const xlsx = await runCli(root, [corpus, '-f', 'xlsx', '-o', path.join(out, 'report.xlsx'), '--concurrency', '2']);
    const xlsxBytes = statSync(path.join(out, 'report.xlsx')).size;
    const json = await runCli(root, [corpus, '-f', 'json', '-o', path.join(out, 'report.json'), '--concurrency', '2']);
    const paints = await firstPaints([pathToFileURL(index).href, pathToFileURL(path.join(pagesDir, pages[0]!)).href]);
    const mib = (bytes: number) => bytes / 1048576;
    const rows: BenchRow[] = [
      { name: `html report of ${total} .docx (index + ${pages.length} document pages), --concurrency 2: wall time`, value: html.seconds, unit: 's' },
      { name: `  the same run with -f json only (the scan without the html report)`, value: json.seconds, unit: 's' },
      { name: '  peak RSS writing the html report', value: html.peakRssMiB, unit: 'MiB', target: '≤ 400 MiB', ok: html.peakRssMiB <= 400 },
      { name: '  index page size', value: indexBytes / 1024, unit: 'KiB' },
      { name: '  document pages, all together', value: mib(pageBytes), unit: 'MiB' },
      { name: '  largest document page', value: largestPage / 1024, unit: 'KiB' },
    ];
    if (paints) {
      const [indexPaint, pagePaint] = paints;
      rows.push(
        { name: '  index first contentful paint, headless Chromium', value: indexPaint ?? NaN, unit: 'ms', target: '≤ 2000 ms', ok: indexPaint !== null && indexPaint <= 2000 },
        { name: '  first document page, first contentful paint', value: pagePaint ?? NaN, unit: 'ms' },
      );
    }
    rows.push(
      { name: `xlsx report of ${total} .docx, --concurrency 2: wall time`, value: xlsx.seconds, unit: 's' },
      { name: '  peak RSS writing the xlsx report', value: xlsx.peakRssMiB, unit: 'MiB' },
      { name: '  workbook size', value: mib(xlsxBytes), unit: 'MiB' },
    );
    return rows;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  benchHtmlBatch().then(
    (rows) => printRows('Batch reports: html and xlsx at 1,000 files', rows),
    (e: unknown) => {
      process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
