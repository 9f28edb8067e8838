/**
 * The Node API (src/node.ts) as a script uses it: the ten-line batch of docs/node-api.md, run as it
 * is written there; discovery (order, config per file, ignore, shard); the results in path order
 * as an array, an iterator and through onResult; the baseline; and reports written in one pass
 * equal to the formatters' output on the same results.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../src/node.js';
import { createBaseline, format, iterateLintFiles, lintFiles, lintFilesToReports, discoverFiles, writeReports, ruleSummaries, type LintResult } from '../src/node.js';
import { cleanup, copySeed, corruptDocx, put, ROOT, tempDir } from './cli-support.js';

let dir: string;
const EPOCH = '1767225600'; // 2026-01-01: reproducible generatedAt

beforeAll(() => {
  dir = tempDir('jxlint-node-api-');
  copySeed('seed.txt', dir, '报送材料/社保局/seed.txt');
  copySeed('seed.docx', dir, '报送材料/财政局/seed.docx');
  put(dir, '报送材料/损坏/broken.docx', corruptDocx());
  copySeed('seed-rows.txt', dir, '报送材料/教育局/rows.txt');
  put(dir, '报送材料/教育局/jxlint.config.json', JSON.stringify({ rules: { 'value-missing-unit': 'off' }, ignorePatterns: ['草稿/'] }));
  copySeed('seed.txt', dir, '报送材料/教育局/草稿/draft.txt');
});
afterAll(() => cleanup(dir));

/** Runs an ES module's text with its `jxlint/node` import bound to src/node.ts, in `cwd`. */
async function runExample(code: string, cwd: string): Promise<{ log: string[]; exitCode: number | undefined }> {
  const imports = /^import \{([^}]*)\} from 'jxlint\/node';\n/m;
  const names = imports.exec(code)?.[1];
  expect(names).toBeDefined();
  const body = code.replace(imports, `const {${names}} = api;\n`);
  const log: string[] = [];
  const fakeProcess = { exitCode: undefined as number | undefined, env: {} };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
  const before = process.cwd();
  const epoch = process.env.SOURCE_DATE_EPOCH;
  process.chdir(cwd);
  process.env.SOURCE_DATE_EPOCH = EPOCH;
  try {
    await new AsyncFunction('api', 'console', 'process', body)(api, { log: (s: string) => log.push(s) }, fakeProcess);
  } finally {
    process.chdir(before);
    if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = epoch;
  }
  return { log, exitCode: fakeProcess.exitCode };
}

const docs = readFileSync(path.join(ROOT, 'docs/node-api.md'), 'utf8');
const jsBlocks = [...docs.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('docs/node-api.md', () => {
  it('the ten-line batch runs as written: two reports, every file accounted for, ESLint exit code', async () => {
    const example = jsBlocks[0]!;
    expect(example.trim().split('\n').length).toBeLessThanOrEqual(10);
    const { log, exitCode } = await runExample(example, dir);
    // 4 files (the draft is ignored by its folder's config), one unreadable.
    expect(log).toEqual([expect.stringMatching(/^4 个文件，1 个无法读取，\d+ 个错误，\d+ 个警告$/)]);
    expect(exitCode).toBe(2);
    expect(existsSync(path.join(dir, '检查结果/问题清单.xlsx'))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(dir, '检查结果/汇总.json'), 'utf8')) as {
      generatedAt: string;
      summary: { files: { total: number; failed: number } };
      results: LintResult[];
    };
    expect(report.generatedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(report.summary.files).toMatchObject({ total: 4, failed: 1 });
    expect(report.results.map((r) => path.relative(dir, r.filePath).split(path.sep).join('/'))).toEqual([
      '报送材料/损坏/broken.docx',
      '报送材料/教育局/rows.txt',
      '报送材料/社保局/seed.txt',
      '报送材料/财政局/seed.docx',
    ]);
    expect(report.results.flatMap((r) => r.messages).some((m) => m.ruleId === 'value-missing-unit')).toBe(false);
  });

  it('the streaming example runs as written', async () => {
    const { exitCode } = await runExample(jsBlocks[1]!, dir);
    expect(exitCode).toBe(2);
    const results = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8')) as LintResult[];
    expect(results).toHaveLength(4);
    expect(readFileSync(path.join(dir, 'findings.csv'), 'utf8').startsWith('\uFEFF文件,')).toBe(true);
  });
});

describe('discoverFiles', () => {
  it('sorts by path, gives each file its config, and leaves out what a config ignores', async () => {
    const targets = await discoverFiles(['报送材料'], { cwd: dir });
    expect(targets.map((t) => t.relativePath)).toEqual(['报送材料/损坏/broken.docx', '报送材料/教育局/rows.txt', '报送材料/社保局/seed.txt', '报送材料/财政局/seed.docx']);
    expect(targets[1]!.config.rules['value-missing-unit']?.severity).toBe('off');
    expect(targets[2]!.config.rules['value-missing-unit']?.severity).not.toBe('off');
  });

  it.each([
    { shard: '1/2', files: ['报送材料/损坏/broken.docx', '报送材料/社保局/seed.txt'] },
    { shard: { index: 2, count: 2 }, files: ['报送材料/教育局/rows.txt', '报送材料/财政局/seed.docx'] },
  ])('shard $shard', async ({ shard, files }) => {
    expect((await discoverFiles(['报送材料'], { cwd: dir, shard })).map((t) => t.relativePath)).toEqual(files);
  });

  it('an explicitly named ignored file is kept as skipped; a rule override applies to every file', async () => {
    const targets = await discoverFiles(['报送材料/教育局/草稿/draft.txt'], { cwd: dir, rules: { 'value-missing-unit': 'error' } });
    expect(targets).toMatchObject([{ relativePath: '报送材料/教育局/草稿/draft.txt', skipped: true }]);
    expect(targets[0]!.config.rules['value-missing-unit']?.severity).toBe('error');
  });

  it.each([
    { name: 'a missing path', patterns: ['nope/'], options: {}, error: /文件或目录不存在：nope\// },
    { name: 'a bad shard', patterns: ['报送材料'], options: { shard: '3/2' }, error: /--shard 应写成 k\/n/ },
    { name: 'a missing config', patterns: ['报送材料'], options: { config: 'none.json' }, error: /配置文件 none\.json 不存在/ },
  ])('$name is one line', async ({ patterns, options, error }) => {
    await expect(discoverFiles(patterns, { cwd: dir, ...options })).rejects.toThrow(error);
  });
});

describe('lintFiles', () => {
  it('the array, the iterator and onResult give the same results in path order', async () => {
    const seen: [string, number, number][] = [];
    const all = await lintFiles(['报送材料'], { cwd: dir, concurrency: 1, onResult: (r, i, n) => void seen.push([r.filePath, i, n]) });
    const iterated: LintResult[] = [];
    for await (const r of iterateLintFiles(['报送材料'], { cwd: dir })) iterated.push(r);
    expect(iterated).toEqual(all);
    expect(all.map((r) => r.status)).toEqual(['failed', 'ok', 'ok', 'ok']);
    expect(seen).toEqual(all.map((r, i) => [r.filePath, i, 4]));
  });

  it('a baseline (object or file) hides exactly the accepted findings', async () => {
    const all = await lintFiles(['报送材料'], { cwd: dir });
    const findings = all.flatMap((r) => r.messages).filter((m) => !m.fatal).length;
    expect(findings).toBeGreaterThan(0);
    const baseline = createBaseline(all);
    const hidden = await lintFiles(['报送材料'], { cwd: dir, baseline });
    expect(hidden.map((r) => r.messages.filter((m) => !m.fatal).length)).toEqual([0, 0, 0, 0]);
    expect(hidden.map((r) => [r.warningCount, r.infoCount])).toEqual([[0, 0], [0, 0], [0, 0], [0, 0]]);
    put(dir, 'base.json', api.stringifyBaseline(baseline));
    expect(await lintFiles(['报送材料'], { cwd: dir, baseline: 'base.json' })).toEqual(hidden);
    await expect(lintFiles(['报送材料'], { cwd: dir, baseline: 'none.json' })).rejects.toThrow(/基线文件 none\.json 不存在/);
  });

  it('--stdin: bytes linted under a file name, with that file’s config', async () => {
    const bytes = readFileSync(path.join(dir, '报送材料/教育局/rows.txt'));
    const [viaStdin] = await lintFiles([], { cwd: dir, stdin: { bytes, filePath: '报送材料/教育局/piped.txt' } });
    const [direct] = await lintFiles(['报送材料/教育局/rows.txt'], { cwd: dir });
    expect(viaStdin!.filePath).toBe(path.join(dir, '报送材料/教育局/piped.txt'));
    expect(viaStdin!.messages.map((m) => m.ruleId)).toEqual(direct!.messages.map((m) => m.ruleId));
  });
});

describe('reports', () => {
  const formats = ['json', 'report-json', 'csv', 'github', 'stylish', 'sarif'] as const;

  it('writeReports and lintFilesToReports write what the formatters render', async () => {
    const options = { cwd: dir, generatedAt: '2026-01-01T00:00:00.000Z', locale: 'zh-CN' as const, rulesDocsBaseUrl: 'https://docs.example/jxlint/rules/' };
    const results = await lintFiles(['报送材料'], { cwd: dir });
    const outputs = formats.map((f) => ({ format: f, file: `out-a/${f}` }));
    const totals = await writeReports(results, outputs, options);
    const oneRun = await lintFilesToReports(['报送材料'], formats.map((f) => ({ format: f, file: `out-b/${f}` })), { ...options, concurrency: 1 });
    expect(oneRun.totals).toEqual(totals);
    expect(totals).toMatchObject({ files: 4, failed: 1 });
    expect(api.exitCodeOf(totals)).toBe(2);
    for (const f of formats) {
      const expected = await format(results, f, { ...options, rules: ruleSummaries('zh-CN'), color: false, toolVersion: api.toolVersion() });
      expect(readFileSync(path.join(dir, 'out-a', f), 'utf8')).toBe(expected);
      expect(readFileSync(path.join(dir, 'out-b', f), 'utf8')).toBe(expected);
    }
  });

  it('--update-baseline: the run shows no finding and returns the baseline of all of them', async () => {
    const results = await lintFiles(['报送材料'], { cwd: dir });
    const run = await lintFilesToReports(['报送材料'], [{ format: 'json', file: 'out-c/all.json' }], { cwd: dir, updateBaseline: true });
    expect(run.baseline).toEqual(createBaseline(results));
    expect(run.totals).toMatchObject({ files: 4, failed: 1, warningCount: 0, infoCount: 0 });
  });

  it('an unwritable report path fails before any file is linted', async () => {
    put(dir, 'a-file', 'x');
    let linted = 0;
    await expect(
      lintFilesToReports(['报送材料'], [{ format: 'json', file: 'a-file/x.json' }], { cwd: dir, onResult: () => void linted++ }),
    ).rejects.toThrow(/无法写入报告文件 a-file\/x\.json/);
    expect(linted).toBe(0);
  });
});
