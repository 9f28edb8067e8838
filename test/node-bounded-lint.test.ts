/**
 * A large file linted project by project into spool files (src/node/lint-bounded.ts): the reports
 * it writes are byte for byte those of the whole way (`lint(await parse(bytes))`), for json,
 * report-json, csv, github and compact, with and without --quiet, with late messages merged back
 * into their projects, at concurrency 1 and 2, through the Node API and the CLI; a stream that
 * gives up falls back to the whole way; a fault or a Ctrl-C leaves no spool file behind.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStream, lint, lintBlocksByProject, parse, ruleSummaries, type LintMessage, type LintResult, type StreamedFormatName } from '../src/index.js';
import { lintFilesToReports, RunInterrupted, type ReportOutput } from '../src/node.js';
import { looksLikePlainText, spoolProjectStream, wholeDocumentByProject, type ProjectMessageStream, type SpooledPiece } from '../src/node/lint-bounded.js';
import { errorsOnly } from '../src/engine/counts.js';
import { BIN, BUILD, ensureBuilt, ROOT, runCli } from './cli-support.js';

const seed = readFileSync(path.join(ROOT, 'fixtures/seed/seed.txt'), 'utf8');
const FORMATS: StreamedFormatName[] = ['json', 'report-json', 'csv', 'github', 'compact'];
const formatOptions = { color: false, rules: ruleSummaries('zh-CN'), locale: 'zh-CN' as const, cwd: '/work', toolVersion: 'test', generatedAt: '2026-01-01T00:00:00.000Z' };

/** The seed `copies` times, one project code in `odd` copies changed so cross-project rules have something to say. */
function textExport(copies: number, odd = 0): string {
  const parts: string[] = [];
  for (let k = 0; k < copies; k++) {
    parts.push(k < odd ? seed.replace(/(项目编码\s*\n\s*)(\S+)/, (_m, head: string, code: string) => `${head}${code.replace(/\d/g, 'X')}`) : seed);
  }
  return parts.join('');
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jxlint-bounded-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readPiece(piece: SpooledPiece): string {
  const bytes = readFileSync(piece.file);
  const parts: Buffer[] = [];
  for (let i = 0; i < piece.ranges.length; i += 2) parts.push(bytes.subarray(piece.ranges[i]!, piece.ranges[i + 1]!));
  return Buffer.concat(parts).toString('utf8');
}

/**
 * A stand-in for lintBlocksByProject from the whole result: project by project, with the messages
 * of the projects `moveLate` picks held back and handed over at the end as `late` (as cross-project
 * rules do), and optionally giving up at the end.
 */
function* fakeStream(result: LintResult, moveLate: (m: LintMessage, i: number) => boolean, giveUp = false): ProjectMessageStream {
  const inner = wholeDocumentByProject(result);
  const late = new Map<number, LintMessage[]>();
  let step = inner.next();
  let i = 0;
  while (!step.done) {
    const messages: LintMessage[] = [];
    for (const m of step.value.messages) {
      if (moveLate(m, i++)) {
        const list = late.get(step.value.project.index) ?? [];
        list.push(m);
        late.set(step.value.project.index, list);
      } else messages.push(m);
    }
    yield { project: step.value.project, messages };
    step = inner.next();
  }
  if (giveUp) return { complete: false, reason: 'test' };
  const end = step.value;
  return end.complete ? { ...end, late } : end;
}

describe('spooled pieces equal the whole way (fake per-project stream)', () => {
  const cases: { name: string; moveLate: (m: LintMessage, i: number) => boolean }[] = [
    { name: 'no late messages', moveLate: () => false },
    { name: 'every 7th message late', moveLate: (_m, i) => i % 7 === 3 },
    { name: 'all messages of some rules late', moveLate: (m) => m.ruleId !== null && m.ruleId.length % 3 === 0 },
    { name: 'every message late', moveLate: () => true },
  ];
  let result: LintResult;
  beforeAll(async () => {
    result = lint(await parse(new TextEncoder().encode(textExport(4, 1)), { filePath: '/work/big.txt' }), {});
  });

  it('the export has document messages, project messages and several projects', () => {
    expect(result.projects.length).toBeGreaterThan(40);
    expect(result.messages.length).toBeGreaterThan(100);
  });

  it.each(cases.flatMap((c) => [false, true].map((quiet) => ({ ...c, quiet }))))('$name, quiet $quiet', async ({ moveLate, quiet }) => {
    const spoolDir = mkdtempSync(path.join(dir, 'unit-'));
    const render = { formats: FORMATS, options: formatOptions, quiet, summary: true };
    const out = await spoolProjectStream(fakeStream(result, moveLate), result.filePath, render, spoolDir);
    expect(out).not.toBeNull();
    const shown = quiet ? errorsOnly(result) : result;
    FORMATS.forEach((format, k) => {
      const expected = createStream(format, formatOptions).piece(shown);
      const piece = out!.spooled[k]!;
      expect(readPiece(piece)).toBe(expected);
      expect(piece.bytes).toBe(Buffer.byteLength(expected));
    });
    // The summary counts the file as it would from every message.
    const { summaryInput, SummaryBuilder } = await import('../src/index.js');
    const whole = new SummaryBuilder();
    whole.add(summaryInput(shown));
    const spooled = new SummaryBuilder();
    spooled.add(out!.summaryResult!);
    expect(spooled.summary()).toEqual(whole.summary());
    // Counts of the result are the whole file's, not the shown ones.
    expect(out!.result.errorCount + out!.result.warningCount + out!.result.infoCount).toBe(result.messages.length);
    // Only the pieces' own spool files remain (the extra json spool, when there is one, is gone).
    expect(readdirSync(spoolDir).sort()).toEqual(out!.spooled.map((p) => path.basename(p.file)).sort());
  });

  it('csv alone (no parsable spool among the reports) with late messages', async () => {
    const spoolDir = mkdtempSync(path.join(dir, 'unit-csv-'));
    const out = await spoolProjectStream(fakeStream(result, (_m, i) => i % 5 === 0), result.filePath, { formats: ['csv'], options: formatOptions, quiet: false, summary: false }, spoolDir);
    expect(readPiece(out!.spooled[0]!)).toBe(createStream('csv', formatOptions).piece(result));
    expect(out!.summaryResult).toBeUndefined();
    expect(readdirSync(spoolDir)).toEqual([path.basename(out!.spooled[0]!.file)]);
  });

  it('a stream that gives up returns null and leaves no spool file', async () => {
    const spoolDir = mkdtempSync(path.join(dir, 'unit-giveup-'));
    const out = await spoolProjectStream(fakeStream(result, () => false, true), result.filePath, { formats: FORMATS, options: formatOptions, quiet: false, summary: true }, spoolDir);
    expect(out).toBeNull();
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it('a pause that throws (a stop) leaves no spool file', async () => {
    const spoolDir = mkdtempSync(path.join(dir, 'unit-stop-'));
    const stop = async () => {
      throw new Error('stopped');
    };
    await expect(spoolProjectStream(fakeStream(result, () => false), result.filePath, { formats: FORMATS, options: formatOptions, quiet: false, summary: true }, spoolDir, stop)).rejects.toThrow('stopped');
    expect(readdirSync(spoolDir)).toEqual([]);
  });
});

describe('which large files get a thread of their own: plain text only', () => {
  it.each([
    { name: 'text.txt', bytes: Buffer.from(seed.slice(0, 600)), text: true },
    { name: 'bom.txt', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed.slice(0, 600))]), text: true },
    { name: 'utf16.txt', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed.slice(0, 200), 'utf16le')]), text: true },
    { name: 'page.html', bytes: Buffer.from('\uFEFF  <!DOCTYPE html><html><body><table></table></body></html>'), text: false },
    { name: 'page-utf16.htm', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><body></body></html>', 'utf16le')]), text: false },
    { name: 'seed.docx', bytes: readFileSync(path.join(ROOT, 'fixtures/seed/seed.docx')), text: false },
    { name: 'seed.doc', bytes: readFileSync(path.join(ROOT, 'fixtures/seed/seed.doc')), text: false },
    { name: 'missing.txt', bytes: null, text: false },
  ])('$name → $text', ({ name, bytes, text }) => {
    const file = path.join(dir, `sniff-${name}`);
    if (bytes) writeFileSync(file, bytes);
    expect(looksLikePlainText(file)).toBe(text);
  });
});

/** Every report of FORMATS written to files in `out`, and their bytes. */
async function reportsOf(inputs: string[], out: string, options: Parameters<typeof lintFilesToReports>[2]): Promise<{ files: Record<string, string>; totals: unknown }> {
  mkdirSync(out, { recursive: true });
  const outputs: ReportOutput[] = FORMATS.map((format) => ({ format, file: path.join(out, `report.${format}`) }));
  const { totals } = await lintFilesToReports(inputs, outputs, { generatedAt: '2026-01-01T00:00:00.000Z', ...options });
  const files: Record<string, string> = {};
  for (const format of FORMATS) files[format] = readFileSync(path.join(out, `report.${format}`), 'utf8');
  return { files, totals };
}

function spoolLeftovers(root: string): string[] {
  return readdirSync(root).filter((n) => n.startsWith('jxlint-spool-'));
}

describe('Node API: lintFilesToReports with the threshold lowered', () => {
  let work: string;
  let scratch: string;
  const savedTmp = process.env.TMPDIR;
  // The run's spool folder goes to os.tmpdir(): a private one, so leftovers are ours to see.
  afterAll(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  });
  beforeAll(async () => {
    await ensureBuilt();
    scratch = mkdtempSync(path.join(dir, 'api-tmp-'));
    process.env.TMPDIR = scratch;
    work = path.join(dir, 'api');
    mkdirSync(path.join(work, 'in'), { recursive: true });
    // Two large files (one with odd project codes) around a small one: the order of files in the reports must hold.
    writeFileSync(path.join(work, 'in/a-large.txt'), textExport(6, 2));
    writeFileSync(path.join(work, 'in/b-seed.txt'), seed);
    writeFileSync(path.join(work, 'in/c-large.txt'), textExport(5));
  }, 300_000);

  it('the real per-project stream completes on the large inputs, with document messages and late ones (so the tests below are not a fallback)', async () => {
    const { readSource } = await import('../src/sources/index.js');
    for (const [name, lateRules] of [
      ['a-large.txt', ['project-code-inconsistent']],
      ['c-large.txt', []],
    ] as const) {
      const stream = await readSource(readFileSync(path.join(work, 'in', name)), { filePath: name });
      const projects = lintBlocksByProject(stream, name, {});
      let step = projects.next();
      while (!step.done) step = projects.next();
      const end = step.value;
      expect(end.complete, name).toBe(true);
      if (!end.complete) continue;
      expect(end.documentMessages.length).toBeGreaterThan(0);
      expect([...new Set([...end.late.values()].flat().map((m) => m.ruleId))]).toEqual(lateRules);
    }
  });

  it.each([
    { concurrency: 1, quiet: false },
    { concurrency: 1, quiet: true },
    { concurrency: 2, quiet: false },
  ])('concurrency $concurrency, quiet $quiet: byte-identical to the whole way, totals equal, no spool left', async ({ concurrency, quiet }) => {
    const common = { cwd: work, concurrency, quiet, workerFile: path.join(BUILD, 'src/node/worker.js') };
    const whole = await reportsOf([path.join(work, 'in')], path.join(work, `whole-${concurrency}-${quiet}`), { ...common, boundedLintThreshold: Number.POSITIVE_INFINITY });
    const spooled = await reportsOf([path.join(work, 'in')], path.join(work, `spooled-${concurrency}-${quiet}`), { ...common, boundedLintThreshold: 20_000 });
    for (const format of FORMATS) expect(spooled.files[format], format).toBe(whole.files[format]);
    expect(spooled.totals).toEqual(whole.totals);
    expect(JSON.parse(whole.files.json!)).toHaveLength(3);
    expect(spoolLeftovers(scratch)).toEqual([]);
  }, 300_000);

  it('a stream that gives up (test hook) is linted the whole way: the same reports', async () => {
    const common = { cwd: work, concurrency: 1 };
    const whole = await reportsOf([path.join(work, 'in')], path.join(work, 'whole-incomplete'), { ...common, boundedLintThreshold: Number.POSITIVE_INFINITY });
    process.env.JXLINT_TEST_BOUNDED_FAULT = 'incomplete';
    try {
      const fallback = await reportsOf([path.join(work, 'in')], path.join(work, 'fallback'), { ...common, boundedLintThreshold: 0 });
      for (const format of FORMATS) expect(fallback.files[format], format).toBe(whole.files[format]);
    } finally {
      delete process.env.JXLINT_TEST_BOUNDED_FAULT;
    }
  }, 300_000);

  it('on worker threads the large files take the spooled path: a fault there (test hook) fails those files alone', async () => {
    process.env.JXLINT_TEST_BOUNDED_FAULT = 'throw';
    let results: { filePath: string; messages: { messageId: string }[] }[];
    try {
      const { files } = await reportsOf([path.join(work, 'in')], path.join(work, 'fault-workers'), { cwd: work, concurrency: 2, workerFile: path.join(BUILD, 'src/node/worker.js'), boundedLintThreshold: 20_000 });
      results = JSON.parse(files.json!) as typeof results;
    } finally {
      delete process.env.JXLINT_TEST_BOUNDED_FAULT;
    }
    const failed = results.filter((r) => r.messages.some((m) => m.messageId === 'internal-error'));
    expect(failed.map((r) => path.basename(r.filePath))).toEqual(['a-large.txt', 'c-large.txt']);
    expect(spoolLeftovers(scratch)).toEqual([]);
  }, 300_000);

  it('a fault in the spooled path fails the run, writes no report and leaves no spool file', async () => {
    const out = path.join(work, 'fault');
    mkdirSync(out, { recursive: true });
    process.env.JXLINT_TEST_BOUNDED_FAULT = 'throw';
    try {
      await expect(lintFilesToReports([path.join(work, 'in')], [{ format: 'json', file: path.join(out, 'r.json') }], { cwd: work, concurrency: 1, boundedLintThreshold: 0 })).rejects.toThrow('injected spool fault');
    } finally {
      delete process.env.JXLINT_TEST_BOUNDED_FAULT;
    }
    expect(readdirSync(out)).toEqual([]);
    expect(spoolLeftovers(scratch)).toEqual([]);
  }, 300_000);

  it('a stop in the middle of a large file ends the run (RunInterrupted) and leaves no spool file', async () => {
    const stop = new AbortController();
    const out = path.join(work, 'stopped');
    mkdirSync(out, { recursive: true });
    const input = path.join(work, 'stop.txt');
    writeFileSync(input, textExport(40));
    // Stopped once the file's spools exist: the run is inside the large file, between two of its projects.
    let spooling = false;
    const poll = setInterval(() => {
      const spools = spoolLeftovers(scratch);
      if (spools.some((s) => readdirSync(path.join(scratch, s)).length > 0)) {
        spooling = true;
        stop.abort('SIGINT');
        clearInterval(poll);
      }
    }, 1);
    const error = await lintFilesToReports([input], [{ format: 'json', file: path.join(out, 'r.json') }], { cwd: work, concurrency: 1, boundedLintThreshold: 0, signal: stop.signal })
      .catch((e: unknown) => e)
      .finally(() => clearInterval(poll));
    expect(spooling).toBe(true);
    expect(error).toBeInstanceOf(RunInterrupted);
    expect(readdirSync(out)).toEqual([]);
    expect(spoolLeftovers(scratch)).toEqual([]);
  }, 300_000);
});

describe('CLI', () => {
  let work: string;
  beforeAll(async () => {
    await ensureBuilt();
    work = path.join(dir, 'cli');
    mkdirSync(work, { recursive: true });
    // Above the default threshold (1 MiB) and the size linted on a thread of its own (4 MiB): no option needed.
    const copies = Math.ceil((4.2 * 1024 * 1024) / Buffer.byteLength(seed));
    writeFileSync(path.join(work, 'big.txt'), textExport(copies, 3));
    writeFileSync(path.join(work, 'small.txt'), textExport(12, 1));
    writeFileSync(path.join(work, 'mid.txt'), seed);
  }, 300_000);

  const flags = (out: string) => FORMATS.flatMap((f) => ['-f', f, '-o', `${out}.${f}`]);

  it('a file above 4 MiB: every report byte-identical to the whole way (JXLINT_BOUNDED_LINT_THRESHOLD=off), same exit code', async () => {
    const scratch = mkdtempSync(path.join(dir, 'tmp-'));
    const env = { SOURCE_DATE_EPOCH: '1767225600', TMPDIR: scratch };
    const spooled = await runCli(['lint', 'big.txt', ...flags('spooled')], { cwd: work, env });
    const whole = await runCli(['lint', 'big.txt', ...flags('whole')], { cwd: work, env: { ...env, JXLINT_BOUNDED_LINT_THRESHOLD: 'off' } });
    expect(spooled.code).toBe(whole.code);
    expect(spooled.stderr.replace(/spooled/g, 'whole')).toBe(whole.stderr);
    for (const f of FORMATS) expect(readFileSync(path.join(work, `spooled.${f}`)).equals(readFileSync(path.join(work, `whole.${f}`))), f).toBe(true);
    expect(readdirSync(scratch)).toEqual([]);
  }, 600_000);

  it.each([
    { name: 'all findings', extra: [] as string[] },
    { name: '--quiet', extra: ['--quiet'] },
  ])('--concurrency 2, $name: the large file on a pool thread gets a thread of its own inside it; json and report-json byte-identical', async ({ extra }) => {
    const scratch = mkdtempSync(path.join(dir, 'tmp-'));
    const env = { SOURCE_DATE_EPOCH: '1767225600', TMPDIR: scratch };
    const args = ['lint', 'small.txt', 'big.txt', 'mid.txt', '--concurrency', '2', ...extra];
    const out = (name: string) => ['-f', 'json', '-o', `${name}.json`, '-f', 'report-json', '-o', `${name}.report.json`];
    const spooled = await runCli([...args, ...out('pool-spooled')], { cwd: work, env });
    const whole = await runCli([...args, ...out('pool-whole')], { cwd: work, env: { ...env, JXLINT_BOUNDED_LINT_THRESHOLD: 'off' } });
    expect(spooled.code).toBe(whole.code);
    for (const ext of ['json', 'report.json']) expect(readFileSync(path.join(work, `pool-spooled.${ext}`)).equals(readFileSync(path.join(work, `pool-whole.${ext}`))), ext).toBe(true);
    expect(readdirSync(scratch)).toEqual([]);
  }, 600_000);

  it.each([1, 2])('--concurrency %i with the threshold lowered: byte-identical, --max-warnings exit code the same', async (concurrency) => {
    const scratch = mkdtempSync(path.join(dir, 'tmp-'));
    const env = { SOURCE_DATE_EPOCH: '1767225600', TMPDIR: scratch };
    const args = ['lint', 'small.txt', 'mid.txt', '--concurrency', String(concurrency), '--max-warnings', '0'];
    const spooled = await runCli([...args, ...flags(`c${concurrency}-spooled`)], { cwd: work, env: { ...env, JXLINT_BOUNDED_LINT_THRESHOLD: '40000' } });
    const whole = await runCli([...args, ...flags(`c${concurrency}-whole`)], { cwd: work, env: { ...env, JXLINT_BOUNDED_LINT_THRESHOLD: 'off' } });
    expect(spooled.code).toBe(whole.code);
    for (const f of FORMATS) expect(readFileSync(path.join(work, `c${concurrency}-spooled.${f}`)).equals(readFileSync(path.join(work, `c${concurrency}-whole.${f}`))), f).toBe(true);
    expect(readdirSync(scratch)).toEqual([]);
  }, 600_000);

  it('a large file whose own thread runs out of memory (test hook) is linted the whole way: the same report', async () => {
    const scratch = mkdtempSync(path.join(dir, 'tmp-'));
    const env = { SOURCE_DATE_EPOCH: '1767225600', TMPDIR: scratch };
    const args = ['lint', 'big.txt', '-f', 'json', '-o'];
    const oom = await runCli([...args, 'oom.json'], { cwd: work, env: { ...env, JXLINT_TEST_BOUNDED_FAULT: 'oom' } });
    const whole = await runCli([...args, 'oom-whole.json'], { cwd: work, env: { ...env, JXLINT_BOUNDED_LINT_THRESHOLD: 'off' } });
    expect(oom.code).toBe(whole.code);
    expect(readFileSync(path.join(work, 'oom.json')).equals(readFileSync(path.join(work, 'oom-whole.json')))).toBe(true);
    expect(readdirSync(scratch)).toEqual([]);
  }, 600_000);

  it('a web page with one long table, linted a table at a time on the main thread: the same reports', async () => {
    const rows: string[] = [];
    const cells = ['一级指标', '二级指标', '三级指标', '指标值'];
    rows.push(`<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
    for (let i = 0; i < 3000; i++) rows.push(`<tr><td>产出指标</td><td>数量指标</td><td>完成人数${i}</td><td>≥${i}人</td></tr>`);
    writeFileSync(path.join(work, 'table.html'), `<html><body><p>项目名称：测试</p><table>${rows.join('')}</table></body></html>`);
    const scratch = mkdtempSync(path.join(dir, 'tmp-'));
    const env = { SOURCE_DATE_EPOCH: '1767225600', TMPDIR: scratch };
    const spooled = await runCli(['lint', 'table.html', ...flags('html-spooled')], { cwd: work, env: { ...env, JXLINT_BOUNDED_LINT_THRESHOLD: '1000' } });
    const whole = await runCli(['lint', 'table.html', ...flags('html-whole')], { cwd: work, env: { ...env, JXLINT_BOUNDED_LINT_THRESHOLD: 'off' } });
    expect(spooled.code).toBe(whole.code);
    for (const f of FORMATS) expect(readFileSync(path.join(work, `html-spooled.${f}`)).equals(readFileSync(path.join(work, `html-whole.${f}`))), f).toBe(true);
    expect(readdirSync(scratch)).toEqual([]);
  }, 600_000);

  it('no temporary folder can be made: the file is linted whole, the same report', async () => {
    const env = { SOURCE_DATE_EPOCH: '1767225600', JXLINT_BOUNDED_LINT_THRESHOLD: '40000' };
    const args = ['lint', 'small.txt', '-f', 'json', '-o'];
    const noTmp = await runCli([...args, 'notmp.json'], { cwd: work, env: { ...env, TMPDIR: path.join(work, 'no-such-folder') } });
    const whole = await runCli([...args, 'notmp-whole.json'], { cwd: work, env: { ...env, JXLINT_BOUNDED_LINT_THRESHOLD: 'off' } });
    expect(noTmp.code).toBe(whole.code);
    expect(readFileSync(path.join(work, 'notmp.json')).equals(readFileSync(path.join(work, 'notmp-whole.json')))).toBe(true);
  }, 600_000);

  it('SIGINT while a large file is spooled: exit 2, no report, no spool file left', async () => {
    const scratch = mkdtempSync(path.join(dir, 'tmp-'));
    const result = await new Promise<{ code: number | null; stderr: string; signalled: boolean }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'lint', 'big.txt', '-f', 'json', '-o', 'interrupted.json', '--concurrency', '1'], {
        cwd: work,
        env: { ...process.env, NO_COLOR: '1', CI: '1', TMPDIR: scratch },
      });
      const err: Buffer[] = [];
      child.stderr.on('data', (c: Buffer) => err.push(c));
      child.stdout.resume();
      let signalled = false;
      // The run is spooling when its spool folder holds a file: then interrupt it.
      const poll = setInterval(() => {
        if (signalled) return;
        const spools = readdirSync(scratch).filter((n) => n.startsWith('jxlint-spool-'));
        if (spools.some((s) => readdirSync(path.join(scratch, s)).length > 0)) {
          signalled = true;
          child.kill('SIGINT');
        }
      }, 10);
      child.on('error', reject);
      child.on('close', (code) => {
        clearInterval(poll);
        resolve({ code, stderr: Buffer.concat(err).toString('utf8'), signalled });
      });
    });
    expect(result.signalled).toBe(true);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SIGINT');
    expect(readdirSync(work)).not.toContain('interrupted.json');
    expect(readdirSync(scratch)).toEqual([]);
  }, 600_000);

  it('a fault while spooling (test hook): one line, exit 2, no spool file left', async () => {
    const scratch = mkdtempSync(path.join(dir, 'tmp-'));
    const run = await runCli(['lint', 'small.txt', '-f', 'json', '-o', 'fault.json', '--concurrency', '1'], {
      cwd: work,
      env: { TMPDIR: scratch, JXLINT_BOUNDED_LINT_THRESHOLD: '0', JXLINT_TEST_BOUNDED_FAULT: 'throw' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(work)).not.toContain('fault.json');
    expect(readdirSync(scratch)).toEqual([]);
  }, 600_000);
});
