/**
 * Batch scans through the built binary: every input file appears exactly once (read, failed or
 * skipped), output is deterministic, several reports come from one pass, shards partition the
 * inputs and merge back, stdin, ignore files, globs, baselines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatResults } from '../src/formatters/index.js';
import { ruleSummaries, type LintResult } from '../src/index.js';
import { cleanup, copySeed, corruptDocx, ensureBuilt, parseJsonResults, put, ROOT, runCli, SEED, tempDir } from './cli-support.js';

let dir: string;
/** The files a scan of `batch/` must report, relative to `dir`, sorted. */
const expected = [
  'batch/a/seed-rows.txt',
  'batch/a/seed.txt',
  'batch/b/corrupt.docx',
  'batch/b/seed-upper.DOCX',
  'batch/b/seed.docx',
  'batch/c/seed-libreoffice.txt',
  'batch/d/seed-gb18030-crlf.txt',
  'batch/d/二级单位/报送材料.txt',
];

const rel = (p: string) => path.relative(dir, p).split(path.sep).join('/');

beforeAll(async () => {
  await ensureBuilt();
  dir = tempDir();
  copySeed('seed.txt', dir, 'batch/a/seed.txt');
  copySeed('seed-rows.txt', dir, 'batch/a/seed-rows.txt');
  copySeed('seed.docx', dir, 'batch/b/seed.docx');
  copySeed('seed.docx', dir, 'batch/b/seed-upper.DOCX');
  put(dir, 'batch/b/corrupt.docx', corruptDocx());
  put(dir, 'batch/b/~$seed.docx', corruptDocx()); // Word's owner file: never searched
  copySeed('seed-libreoffice.txt', dir, 'batch/c/seed-libreoffice.txt');
  put(dir, 'batch/c/notes.md', '# not a document');
  copySeed('seed-gb18030-crlf.txt', dir, 'batch/d/seed-gb18030-crlf.txt');
  copySeed('seed.txt', dir, 'batch/d/二级单位/报送材料.txt');
  copySeed('seed.txt', dir, 'batch/archive/old.txt');
  copySeed('seed.txt', dir, 'batch/node_modules/x.txt');
  copySeed('seed.txt', dir, 'batch/.hidden/x.txt');
  put(dir, '.jxlintignore', '# old submissions\nbatch/archive/\n');
});

afterAll(() => cleanup(dir));

describe('files in = files out', () => {
  it('a folder scan reports every matching file once, in path order, the corrupt one as failed', async () => {
    const run = await runCli(['batch', '-f', 'json', '--concurrency', '2'], { cwd: dir });
    expect(run.code, run.stderr).toBe(2);
    const results = parseJsonResults(run.stdout);
    expect(results.map((r) => rel(r.filePath))).toEqual(expected);
    for (const r of results) {
      if (rel(r.filePath) === 'batch/b/corrupt.docx') {
        expect(r.status).toBe('failed');
        expect(r.messages).toEqual([expect.objectContaining({ fatal: true, ruleId: null, severity: 2 })]);
      } else {
        expect(r.status).toBe('ok');
        expect(r.fatalErrorCount).toBe(0);
        expect(r.errorCount).toBeGreaterThan(0);
      }
    }
  });

  it('the same seed in every format gives the same findings', async () => {
    const results = parseJsonResults((await runCli(['batch', '-f', 'json'], { cwd: dir })).stdout).filter((r) => r.status === 'ok');
    const signature = (r: (typeof results)[number]) => r.messages.map((m) => `${m.ruleId}|${m.projectCode}`).sort().join('\n');
    const first = signature(results[0]!);
    for (const r of results) expect(signature(r), rel(r.filePath)).toBe(first);
  });
});

describe('deterministic output', () => {
  it('two pool runs, and a run without workers, print identical JSON', async () => {
    const a = await runCli(['batch', '-f', 'json', '--concurrency', '2'], { cwd: dir });
    const b = await runCli(['batch', '-f', 'json', '--concurrency', '2'], { cwd: dir });
    const c = await runCli(['batch', '-f', 'json', '--concurrency', '1'], { cwd: dir });
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
  });

  it('report-json is byte-identical with SOURCE_DATE_EPOCH set', async () => {
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const a = await runCli(['batch', '-f', 'report-json', '--concurrency', '2'], { cwd: dir, env });
    const b = await runCli(['batch', '-f', 'report-json', '--concurrency', '2'], { cwd: dir, env });
    expect(b.stdout).toBe(a.stdout);
    const report = JSON.parse(a.stdout) as { generatedAt: string; summary: { files: { total: number; failed: number } } };
    expect(report.generatedAt).toBe('2023-11-14T22:13:20.000Z');
    expect(report.summary.files.total).toBe(expected.length);
    expect(report.summary.files.failed).toBe(1);
  });
});

describe('several reports from one pass', () => {
  it('-f stylish (stdout) plus seven -f/-o pairs, on two workers', async () => {
    const run = await runCli(
      [
        'batch',
        '-f', 'stylish',
        '-f', 'json', '-o', 'out/r.json',
        '-f', 'report-json', '-o', 'out/r.report.json',
        '-f', 'sarif', '-o', 'out/r.sarif',
        '-f', 'junit', '-o', 'out/r.xml',
        '-f', 'csv', '-o', 'out/r.csv',
        '-f', 'xlsx', '-o', 'out/r.xlsx',
        '-f', 'html', '-o', 'out/r.html',
        '--concurrency', '2',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('seed.txt');
    expect(run.stdout).not.toMatch(/^\s*[[{]/);
    const json = parseJsonResults(readFileSync(path.join(dir, 'out/r.json'), 'utf8'));
    expect(json.map((r) => rel(r.filePath))).toEqual(expected);
    const report = JSON.parse(readFileSync(path.join(dir, 'out/r.report.json'), 'utf8')) as { results: unknown[] };
    expect(report.results).toHaveLength(expected.length);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'out/r.sarif'), 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
    expect(readFileSync(path.join(dir, 'out/r.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(readFileSync(path.join(dir, 'out/r.csv'))[0]).toBe(0xef); // UTF-8 BOM
    expect(readFileSync(path.join(dir, 'out/r.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
    // A batch's html report is an index page linking one page per document; the document pages
    // draw the tables from the documents the workers sent back.
    const index = readFileSync(path.join(dir, 'out/r.html'), 'utf8');
    expect(index).toMatch(/^<!DOCTYPE html>/);
    const pages = readdirSync(path.join(dir, 'out/r.files')).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    const links = [...index.matchAll(/href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
    for (const page of pages) expect(links).toContain(`r.files/${page}`);
    const seedPage = pages.map((f) => readFileSync(path.join(dir, 'out/r.files', f), 'utf8')).find((h) => h.includes('城乡居民养老保险区财政补贴'));
    expect(seedPage).toBeDefined();
    expect(seedPage).toContain('<table');
  });

  const reproducible = { SOURCE_DATE_EPOCH: '1700000000' };
  const optionsFor = (locale: 'zh-CN' | 'en') => ({
    rules: ruleSummaries(locale),
    locale,
    color: false,
    cwd: dir,
    toolVersion: (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    generatedAt: '2023-11-14T22:13:20.000Z',
  });
  const streamedCases = [
    { name: 'two workers', extra: ['--concurrency', '2'], locale: 'zh-CN' as const },
    { name: 'in-process, --quiet, English', extra: ['--concurrency', '1', '--quiet', '--locale', 'en'], locale: 'en' as const },
    { name: 'no files in the shard', extra: ['--shard', '9/9'], locale: 'zh-CN' as const },
    { name: 'a baseline to apply (the main thread renders)', extra: ['--baseline', 'half-baseline.json', '--concurrency', '2'], locale: 'zh-CN' as const },
  ];
  it.each(streamedCases)(
    'reports written file by file (json, csv, github, report-json) are byte-identical to formatting all results at once: $name',
    async ({ extra, locale }) => {
      if (extra.includes('half-baseline.json')) {
        // Accept the findings of one file: the same findings elsewhere are reported, up to the counts.
        await runCli(['batch/a/seed.txt', '--baseline', 'half-baseline.json', '--update-baseline', '-f', 'json'], { cwd: dir });
      }
      const run = await runCli(
        ['batch', '-f', 'json', '-o', 'out/s.json', '-f', 'csv', '-o', 'out/s.csv', '-f', 'github', '-o', 'out/s.txt', '-f', 'report-json', '-o', 'out/s.report.json', ...extra],
        { cwd: dir, env: reproducible },
      );
      expect([0, 1, 2]).toContain(run.code);
      const results = JSON.parse(readFileSync(path.join(dir, 'out/s.json'), 'utf8')) as LintResult[];
      const options = optionsFor(locale);
      expect(readFileSync(path.join(dir, 'out/s.json'), 'utf8')).toBe(await formatResults(results, 'json', options));
      expect(readFileSync(path.join(dir, 'out/s.csv'), 'utf8')).toBe(await formatResults(results, 'csv', options));
      expect(readFileSync(path.join(dir, 'out/s.txt'), 'utf8')).toBe(await formatResults(results, 'github', options));
      expect(readFileSync(path.join(dir, 'out/s.report.json'), 'utf8')).toBe(await formatResults(results, 'report-json', options));
    },
  );

  it('a single -o may come before its -f', async () => {
    const run = await runCli(['-o', 'out/single.json', '-f', 'json', 'batch/a/seed.txt'], { cwd: dir });
    expect(run.stdout).toBe('');
    expect(parseJsonResults(readFileSync(path.join(dir, 'out/single.json'), 'utf8'))).toHaveLength(1);
  });
});

describe('--shard k/n and merge', () => {
  it('shards are disjoint, cover every file, and merge back to the full run', async () => {
    const full = await runCli(['batch', '-f', 'json'], { cwd: dir });
    const seen: string[] = [];
    for (const k of [1, 2, 3]) {
      const run = await runCli(['batch', '--shard', `${k}/3`, '-f', 'json', '-o', `shards/s${k}.json`], { cwd: dir });
      expect([1, 2]).toContain(run.code);
      const files = parseJsonResults(readFileSync(path.join(dir, `shards/s${k}.json`), 'utf8')).map((r) => rel(r.filePath));
      expect(files.length).toBeGreaterThanOrEqual(Math.floor(expected.length / 3));
      expect(files.length).toBeLessThanOrEqual(Math.ceil(expected.length / 3));
      seen.push(...files);
    }
    expect([...seen].sort()).toEqual([...expected].sort());
    expect(new Set(seen).size).toBe(seen.length);

    const merged = await runCli(['merge', 'shards/s3.json', 'shards/s1.json', 'shards/s2.json', '-f', 'json'], { cwd: dir });
    expect(merged.code).toBe(full.code);
    expect(merged.stdout).toBe(full.stdout);
  });

  it('merge reads report-json too, writes any format, and keeps a duplicated file once', async () => {
    await runCli(['batch/a', '-f', 'report-json', '-o', 'm/a.json'], { cwd: dir });
    await runCli(['batch/c', '-f', 'json', '-o', 'm/c.json'], { cwd: dir });
    const run = await runCli(['merge', 'm/a.json', 'm/c.json', 'm/c.json', '-f', 'json', '-f', 'xlsx', '-o', 'm/all.xlsx'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/在多个结果文件中出现/);
    expect(parseJsonResults(run.stdout).map((r) => rel(r.filePath))).toEqual([
      'batch/a/seed-rows.txt',
      'batch/a/seed.txt',
      'batch/c/seed-libreoffice.txt',
    ]);
    expect(readFileSync(path.join(dir, 'm/all.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('stdin', () => {
  const cases = [
    { name: 'a text export', file: 'seed.txt' },
    { name: 'a .docx (binary)', file: 'seed.docx' },
  ];
  it.each(cases)('--stdin --stdin-filename lints $name as if it were that file', async ({ file }) => {
    const input = readFileSync(path.join(SEED, file));
    const fromStdin = await runCli(['--stdin', '--stdin-filename', `batch/x/${file}`, '-f', 'json'], { cwd: dir, input });
    const fromFile = await runCli([path.join(SEED, file), '-f', 'json'], { cwd: dir });
    const a = parseJsonResults(fromStdin.stdout);
    const b = parseJsonResults(fromFile.stdout);
    expect(a).toHaveLength(1);
    expect(a[0]!.filePath).toBe(path.join(dir, 'batch/x', file));
    expect(a[0]!.messages.map((m) => m.message)).toEqual(b[0]!.messages.map((m) => m.message));
    expect(fromStdin.code).toBe(1);
  });
});

describe('ignore files, patterns, globs, --ext', () => {
  const cases: { name: string; args: string[]; files: string[]; skipped?: string[] }[] = [
    {
      name: 'an explicit file an ignore pattern matches is reported as skipped',
      args: ['batch/archive/old.txt', 'batch/a/seed.txt'],
      files: ['batch/a/seed.txt', 'batch/archive/old.txt'],
      skipped: ['batch/archive/old.txt'],
    },
    {
      name: '--ignore-pattern leaves a folder out of a scan',
      args: ['batch', '--ignore-pattern', 'batch/b/', '--ignore-pattern', '*.DOCX'],
      files: expected.filter((f) => !f.startsWith('batch/b/')),
    },
    {
      name: '--no-ignore scans what .jxlintignore excludes',
      args: ['batch/archive', 'batch/a', '--no-ignore'],
      files: ['batch/a/seed-rows.txt', 'batch/a/seed.txt', 'batch/archive/old.txt'],
    },
    {
      name: 'a glob',
      args: ['batch/**/seed*.txt'],
      files: ['batch/a/seed-rows.txt', 'batch/a/seed.txt', 'batch/c/seed-libreoffice.txt', 'batch/d/seed-gb18030-crlf.txt'],
    },
    {
      name: '--ext limits what folders are searched for',
      args: ['batch', '--ext', 'docx'],
      files: ['batch/b/corrupt.docx', 'batch/b/seed-upper.DOCX', 'batch/b/seed.docx'],
    },
    {
      name: 'the same file named twice is linted once',
      args: ['batch/a', 'batch/a/seed.txt', './batch/a/seed.txt'],
      files: ['batch/a/seed-rows.txt', 'batch/a/seed.txt'],
    },
  ];
  it.each(cases)('$name', async ({ args, files, skipped = [] }) => {
    const run = await runCli([...args, '-f', 'json'], { cwd: dir });
    const results = parseJsonResults(run.stdout);
    expect(results.map((r) => rel(r.filePath))).toEqual(files);
    expect(results.filter((r) => r.status === 'skipped').map((r) => rel(r.filePath))).toEqual(skipped);
    for (const r of results.filter((x) => x.status === 'skipped')) expect(r.messages).toEqual([]);
  });

  it('a config file ignorePatterns apply below it', async () => {
    put(dir, 'cfg/jxlint.config.json', JSON.stringify({ ignorePatterns: ['drafts/'] }));
    copySeed('seed.txt', dir, 'cfg/drafts/draft.txt');
    copySeed('seed.txt', dir, 'cfg/final/final.txt');
    const run = await runCli(['cfg', '-f', 'json'], { cwd: dir });
    expect(parseJsonResults(run.stdout).map((r) => rel(r.filePath))).toEqual(['cfg/final/final.txt']);
  });
});

describe('baseline', () => {
  it('--update-baseline accepts the current findings; a later run with --baseline reports none of them', async () => {
    const write = await runCli(['batch/a', '--baseline', 'base.json', '--update-baseline', '-f', 'json'], { cwd: dir });
    expect(write.code).toBe(0);
    expect(write.stderr).toMatch(/已写入基线 base\.json/);
    const baseline = JSON.parse(readFileSync(path.join(dir, 'base.json'), 'utf8')) as { entries: unknown[] };
    expect(baseline.entries.length).toBeGreaterThan(0);

    const again = await runCli(['batch/a', 'batch/c', '--baseline', 'base.json', '-f', 'json'], { cwd: dir });
    expect(again.code).toBe(1); // batch/c has the same findings as one of batch/a's files, which the baseline counts once
    const results = parseJsonResults(again.stdout);
    expect(results.slice(0, 2).every((r) => r.messages.length === 0)).toBe(true);
    expect(results[2]!.messages.length).toBeGreaterThan(0);
  });
});

describe('reading options reach the readers', () => {
  it('--max-file-size refuses a larger file (a fatal message for that file, exit 2)', async () => {
    const run = await runCli(['batch/b/seed.docx', 'batch/a/seed.txt', '--max-file-size', '20k', '-f', 'json'], { cwd: dir });
    expect(run.code).toBe(2);
    const results = parseJsonResults(run.stdout);
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(results[0]!.messages[0]!.message).toMatch(/文件过大/);
  });

  it('--docx-reader mammoth finds what the streaming reader finds', async () => {
    const stream = parseJsonResults((await runCli(['batch/b/seed.docx', '-f', 'json'], { cwd: dir })).stdout)[0]!;
    const mammoth = parseJsonResults((await runCli(['batch/b/seed.docx', '-f', 'json', '--docx-reader', 'mammoth'], { cwd: dir })).stdout)[0]!;
    expect(mammoth.status).toBe('ok');
    expect(mammoth.messages.map((m) => m.message)).toEqual(stream.messages.map((m) => m.message));
  });

  it('--max-inflated-size refuses a .docx whose XML would inflate past it', async () => {
    const run = await runCli(['batch/b/seed.docx', '--max-inflated-size', '100k', '-f', 'json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(parseJsonResults(run.stdout)[0]!).toMatchObject({ status: 'failed', fatalErrorCount: 1 });
  });
});
