/**
 * The CLI's parts, in-process: -f/-o pairing, shards, discovery and ignores, the streaming
 * baseline, --quiet, the progress bar, and the ordered pool (in-process and on compiled workers).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairOutputs, type OutputFlag } from '../src/cli/outputs.js';
import { progressLine, progressWanted } from '../src/cli/progress.js';
import { BaselineFilter, errorsOnly, exitCodeOf } from '../src/cli/report.js';
import { UsageError } from '../src/cli/usage.js';
import { applyBaseline, type Baseline, type LintMessage, type LintResult } from '../src/index.js';
import { discoverFiles, InputError, parseShard, selectShard } from '../src/node/discover.js';
import { lintFilesToArray } from '../src/node/lint-files.js';
import { makeMessage } from './helpers/messages.js';
import { BUILD, cleanup, copySeed, corruptDocx, ensureBuilt, put, tempDir } from './cli-support.js';

const f = (value: string): OutputFlag => ({ kind: 'format', value });
const o = (value: string): OutputFlag => ({ kind: 'output', value });

describe('pairing -f and -o', () => {
  const cases: { name: string; flags: OutputFlag[]; outputs: { format: string; file: string | null }[] }[] = [
    { name: 'nothing: stylish to stdout', flags: [], outputs: [{ format: 'stylish', file: null }] },
    { name: '-o alone: stylish to the file', flags: [o('r.txt')], outputs: [{ format: 'stylish', file: 'r.txt' }] },
    { name: 'one -f', flags: [f('json')], outputs: [{ format: 'json', file: null }] },
    { name: 'one pair, -o first', flags: [o('r.json'), f('json')], outputs: [{ format: 'json', file: 'r.json' }] },
    {
      name: 'stdout plus two files',
      flags: [f('stylish'), f('xlsx'), o('r.xlsx'), f('html'), o('r.html')],
      outputs: [
        { format: 'stylish', file: null },
        { format: 'xlsx', file: 'r.xlsx' },
        { format: 'html', file: 'r.html' },
      ],
    },
    {
      name: 'the stdout report may come last',
      flags: [f('sarif'), o('r.sarif'), f('json')],
      outputs: [
        { format: 'sarif', file: 'r.sarif' },
        { format: 'json', file: null },
      ],
    },
  ];
  it.each(cases)('$name', ({ flags, outputs }) => {
    expect(pairOutputs(flags, '/w')).toEqual(outputs);
  });

  const bad: { name: string; flags: OutputFlag[]; says: RegExp }[] = [
    { name: 'unknown format', flags: [f('pdf')], says: /未知的输出格式 "pdf"/ },
    { name: 'two to stdout', flags: [f('json'), f('csv')], says: /只能有一个报告输出到终端/ },
    { name: 'xlsx to stdout', flags: [f('xlsx')], says: /xlsx 是二进制格式/ },
    { name: '-o twice for one -f', flags: [f('json'), o('a'), o('b'), f('csv')], says: /-o b 前面没有对应的 -f/ },
    { name: 'two -o, no -f', flags: [o('a'), o('b')], says: /多个 -o 需要各自的 -f/ },
    { name: 'same file twice', flags: [f('json'), o('a'), f('csv'), o('./a')], says: /同一个文件/ },
  ];
  it.each(bad)('$name is a usage error', ({ flags, says }) => {
    expect(() => pairOutputs(flags, '/w')).toThrow(UsageError);
    expect(() => pairOutputs(flags, '/w')).toThrow(says);
  });
});

describe('--shard k/n', () => {
  it.each(['1/1', '2/3', '10/10', ' 1 / 4 '])('parses %s', (text) => {
    const { index, count } = parseShard(text);
    expect(index).toBeGreaterThanOrEqual(1);
    expect(index).toBeLessThanOrEqual(count);
  });
  it.each(['0/3', '4/3', '1/0', 'a/b', '1', '-1/2', '1/2/3'])('rejects %s', (text) => {
    expect(() => parseShard(text)).toThrow(InputError);
  });

  it('the shards of any list are disjoint, cover it, keep its order and differ in size by at most one', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (items, count) => {
        const shards = Array.from({ length: count }, (_, k) => selectShard(items.map((item, i) => ({ item, i })), { index: k + 1, count }));
        const all = shards.flat().map((x) => x.i).sort((a, b) => a - b);
        expect(all).toEqual(items.map((_, i) => i));
        for (const shard of shards) expect(shard.map((x) => x.i)).toEqual([...shard.map((x) => x.i)].sort((a, b) => a - b));
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('discovering files', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    copySeed('seed.txt', dir, 'in/a.txt');
    copySeed('seed.docx', dir, 'in/B.DOCX');
    put(dir, 'in/~$B.DOCX', corruptDocx());
    put(dir, 'in/readme.md', 'x');
    put(dir, 'in/empty/notes.md', 'x');
    put(dir, 'in/sub/c.htm', '<table></table>');
    put(dir, 'in/sub/keep.doc', 'x');
    put(dir, 'in/node_modules/d.txt', 'x');
    put(dir, 'in/.git/e.txt', 'x');
    put(dir, 'in/drafts/f.txt', 'x');
    put(dir, 'in/drafts/final.txt', 'x');
    put(dir, 'in/old/x.txt', 'x');
    put(dir, '.jxlintignore', 'in/drafts/*\n!in/drafts/final.txt\n*.doc\n# archived\nin/old/\n');
  });
  afterAll(() => cleanup(dir));
  const rels = async (inputs: string[], options: Partial<Parameters<typeof discoverFiles>[1]> = {}) =>
    (await discoverFiles(inputs, { cwd: dir, ...options })).map((x) => `${x.relativePath}${x.ignored ? ' (ignored)' : ''}`);

  it('searches folders for the linted extensions, in any case, skipping lock files, dot-folders, node_modules and ignored files (negation works)', async () => {
    expect(await rels(['in'])).toEqual(['in/B.DOCX', 'in/a.txt', 'in/drafts/final.txt', 'in/sub/c.htm']);
  });
  it('--ext', async () => {
    expect(await rels(['in'], { extensions: ['.HTM', 'docx'] })).toEqual(['in/B.DOCX', 'in/sub/c.htm']);
  });
  it('an explicit ignored file is kept, marked ignored; --no-ignore lints it', async () => {
    expect(await rels(['in/sub/keep.doc'])).toEqual(['in/sub/keep.doc (ignored)']);
    expect(await rels(['in/sub/keep.doc'], { useIgnore: false })).toEqual(['in/sub/keep.doc']);
  });
  it('a folder named on the command line is searched even when a default ignore would skip it', async () => {
    expect(await rels(['in/node_modules'])).toEqual(['in/node_modules/d.txt']);
  });
  it('an explicit file of any extension is taken as it is', async () => {
    expect(await rels(['in/readme.md'])).toEqual(['in/readme.md']);
  });
  it('paths outside the working directory are relative with ..', async () => {
    const files = await discoverFiles([path.join(dir, 'in/a.txt')], { cwd: path.join(dir, 'in/sub') });
    expect(files.map((x) => x.relativePath)).toEqual(['../a.txt']);
  });
  it('globs, de-duplicated with other inputs', async () => {
    expect(await rels(['in/**/*.txt', 'in/a.txt'])).toEqual(['in/a.txt', 'in/drafts/final.txt']);
  });
  it.each([
    { inputs: ['nope'], says: /文件或目录不存在：nope/ },
    { inputs: ['in/empty'], says: /没有可检查的文件/ },
    { inputs: ['in/**/*.pdf'], says: /没有与模式/ },
    { inputs: ['in/drafts/f.t?t'], says: /都被忽略规则排除/ },
    { inputs: ['in/old'], says: /目录 in\/old 中的文件都被忽略规则排除/ },
  ])('$inputs is an InputError', async ({ inputs, says }) => {
    await expect(discoverFiles(inputs, { cwd: dir })).rejects.toThrow(says);
  });
  it('--no-error-on-unmatched-pattern', async () => {
    expect(await rels(['nope', 'in/a.txt'], { errorOnUnmatchedPattern: false })).toEqual(['in/a.txt']);
  });
});

function message(fingerprint: string, severity: 0 | 1 | 2 = 2): LintMessage {
  return makeMessage({ severity, messageId: 'x', fingerprint });
}

function result(filePath: string, messages: LintMessage[]): LintResult {
  return {
    filePath,
    status: 'ok',
    format: 'text',
    encoding: 'utf-8',
    projects: [],
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    infoCount: messages.filter((m) => m.severity === 0).length,
    fatalErrorCount: 0,
    fixableCount: 0,
  };
}

describe('the baseline applied file by file', () => {
  it('hides exactly what applyBaseline hides on the whole list', () => {
    const fp = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(
        fc.array(fc.array(fp, { maxLength: 6 }), { maxLength: 6 }),
        fc.array(fc.record({ fingerprint: fp, count: fc.integer({ min: 0, max: 3 }) }), { maxLength: 5 }),
        (files, entries) => {
          const results = files.map((fps, i) => result(`f${i}`, fps.map((x) => message(x))));
          const baseline: Baseline = {
            version: 1,
            tool: 'jxlint',
            entries: entries.map((e) => ({ ...e, ruleId: 'r', projectCode: null, role: null, found: null })),
          };
          const whole = applyBaseline(results, baseline);
          const filter = new BaselineFilter(baseline);
          const streamed = results.map((r) => filter.apply(r));
          expect(streamed.map((r) => r.messages.map((m) => m.fingerprint))).toEqual(whole.map((r) => r.messages.map((m) => m.fingerprint)));
          expect(baseline.entries.map((e) => e.count)).toEqual(entries.map((e) => e.count)); // not consumed
        },
      ),
    );
  });
});

describe('--quiet and the exit code', () => {
  it('errorsOnly keeps errors and recounts', () => {
    const r = errorsOnly(result('f', [message('a', 2), message('b', 1), message('c', 0)]));
    expect(r.messages.map((m) => m.fingerprint)).toEqual(['a']);
    expect([r.errorCount, r.warningCount, r.infoCount]).toEqual([1, 0, 0]);
  });
  it.each([
    { totals: { files: 3, failed: 1, errorCount: 0, warningCount: 0, infoCount: 0 }, max: undefined, code: 2 },
    { totals: { files: 3, failed: 0, errorCount: 1, warningCount: 0, infoCount: 0 }, max: undefined, code: 1 },
    { totals: { files: 3, failed: 0, errorCount: 0, warningCount: 5, infoCount: 0 }, max: undefined, code: 0 },
    { totals: { files: 3, failed: 0, errorCount: 0, warningCount: 5, infoCount: 0 }, max: 4, code: 1 },
    { totals: { files: 3, failed: 0, errorCount: 0, warningCount: 5, infoCount: 9 }, max: 5, code: 0 },
  ])('exit code $code', ({ totals, max, code }) => {
    expect(exitCodeOf(totals, max)).toBe(code);
  });
});

describe('the progress bar', () => {
  const tty = { isTTY: true, write: () => true };
  it.each([
    { name: 'a terminal', stream: tty, env: {}, onStderr: false, files: 10, shown: true },
    { name: 'in CI', stream: tty, env: { CI: 'true' }, onStderr: false, files: 10, shown: false },
    { name: 'CI=false', stream: tty, env: { CI: 'false' }, onStderr: false, files: 10, shown: true },
    { name: 'not a terminal', stream: { isTTY: false, write: () => true }, env: {}, onStderr: false, files: 10, shown: false },
    { name: 'a report on stderr', stream: tty, env: {}, onStderr: true, files: 10, shown: false },
    { name: 'one file', stream: tty, env: {}, onStderr: false, files: 1, shown: false },
  ])('$name → shown: $shown', ({ stream, env, onStderr, files, shown }) => {
    expect(progressWanted(files, { stream, env, reportOnStderr: onStderr })).toBe(shown);
  });
  it('says files done/total, rate and ETA', () => {
    expect(progressLine(120, 1000, 120, 4000)).toMatch(/\] 120\/1000 文件 · 30\.0 个\/秒 · 剩余 0:29$/);
    expect(progressLine(1, 10, 0, 0)).toMatch(/ 1\/10 文件 · 0\.0 个\/秒 · 剩余 --:--$/);
  });
});

describe('the pool keeps the input order', () => {
  let dir: string;
  const names = ['0.txt', '1.docx', '2-corrupt.docx', '3.txt', '4.docx', '5.txt'];
  beforeAll(async () => {
    await ensureBuilt();
    dir = tempDir();
    for (const name of names) {
      if (name.includes('corrupt')) put(dir, name, corruptDocx());
      else copySeed(name.endsWith('.docx') ? 'seed.docx' : 'seed.txt', dir, name);
    }
  });
  afterAll(() => cleanup(dir));

  const tasks = () => names.map((name) => ({ filePath: path.join(dir, name), configIndex: 0 }));
  const settings = async () => {
    const { resolveConfig } = await import('../src/index.js');
    return { configs: [resolveConfig()] };
  };

  it('in-process and on two compiled workers (a small window), one result per file, same order and content', async () => {
    const worker = path.join(BUILD, 'src/node/worker.js');
    expect(existsSync(worker)).toBe(true);
    const s = await settings();
    const done: number[] = [];
    const inProcess = await lintFilesToArray(tasks(), s, { concurrency: 1 });
    const pooled = await lintFilesToArray(tasks(), s, { concurrency: 2, window: 2, workerFile: worker, onFileDone: (n) => done.push(n) });
    expect(pooled.map((r) => path.basename(r.filePath))).toEqual(names);
    expect(pooled.map((r) => r.status)).toEqual(['ok', 'ok', 'failed', 'ok', 'ok', 'ok']);
    expect(pooled).toEqual(inProcess);
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a skipped task is not read', async () => {
    const [r] = await lintFilesToArray([{ filePath: path.join(dir, 'missing.txt'), configIndex: 0, skipped: true }], await settings(), { concurrency: 1 });
    expect(r).toMatchObject({ status: 'skipped', messages: [], errorCount: 0 });
  });
});
