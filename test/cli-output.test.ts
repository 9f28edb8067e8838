/**
 * What a person sees at the terminal, end to end: the report fits the width, the summary line tells
 * the truth (ignored, unreadable, hidden by --quiet, accepted by the baseline), -f compact, and the
 * CLI's habits (did-you-mean, `-` for stdin, -f JSON, --help, --select/--ignore/--preset, 已写入).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { displayWidth } from '../src/formatters/text-width.js';
import { cleanup, copySeed, corruptDocx, ensureBuilt, parseJsonResults, put, ROOT, runCli, SEED, tempDir } from './cli-support.js';

// Each case runs the CLI several times; the test machine is shared.
vi.setConfig({ testTimeout: 300_000 });

let dir: string;
let warnOnly: string;
/** The findings of seed.txt and seed.docx (-f json), read once. */
const findingsOf: Record<string, ReturnType<typeof parseJsonResults>[number]> = {};

beforeAll(async () => {
  await ensureBuilt();
  dir = tempDir();
  copySeed('seed.txt', dir);
  copySeed('seed.docx', dir);
  put(dir, 'corrupt.docx', corruptDocx());
  put(dir, '.jxlintignore', 'drafts/\n');
  copySeed('seed.txt', dir, 'drafts/draft.txt');
  const ids = JSON.parse((await runCli(['rules', '--format', 'json'])).stdout) as { id: string; severity: string }[];
  for (const file of ['seed.txt', 'seed.docx']) findingsOf[file] = parseJsonResults((await runCli(['-f', 'json', file], { cwd: dir })).stdout)[0]!;
  warnOnly = put(dir, 'warn-only.json', JSON.stringify({ rules: Object.fromEntries(ids.map((r) => [r.id, r.severity === 'warn' ? 'warn' : 'off'])) }));
}, 600_000);
afterAll(() => cleanup(dir));

const summaryLine = (out: string) => out.split('\n').find((l) => /^[✔✖⚠]/.test(l));

describe('the summary line tells the truth', () => {
  it('a file named on the command line that an ignore matches: named, with why, and no ✔', async () => {
    const run = await runCli(['drafts/draft.txt'], { cwd: dir, env: { COLUMNS: '200' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('drafts/draft.txt\n  已忽略：匹配忽略规则，用 --no-ignore 可检查它（File ignored because of a matching ignore pattern）');
    expect(summaryLine(run.stdout)).toBe('⚠ 没有检查任何文件');
    expect(run.stdout).not.toContain('✔');
  });

  it('--quiet --max-warnings 0 over warnings: no ✔, says how many were hidden, exit 1', async () => {
    const json = parseJsonResults((await runCli(['-f', 'json', '--config', warnOnly, 'seed.txt'], { cwd: dir })).stdout)[0]!;
    expect(json.warningCount).toBeGreaterThan(0);
    const run = await runCli(['--quiet', '--max-warnings', '0', '--config', warnOnly, 'seed.txt'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('✔');
    expect(summaryLine(run.stdout)).toBe(`⚠ 没有错误；--quiet 隐藏了 ${json.warningCount} 个警告`);
  });

  it('the baseline: accepted findings are counted, not silently dropped', async () => {
    const findings = findingsOf['seed.txt']!.messages.length;
    const update = await runCli(['--baseline', 'base.json', '--update-baseline', 'seed.txt'], { cwd: dir });
    expect(update.code).toBe(0);
    expect(summaryLine(update.stdout)).toBe(`✔ 没有新问题（已检查 1 个文件；另有 ${findings} 个问题已被基线接受）`);
    const run = await runCli(['--baseline', 'base.json', 'seed.txt'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(summaryLine(run.stdout)).toBe(`✔ 没有新问题（已检查 1 个文件；另有 ${findings} 个问题已被基线接受）`);
    expect(run.stdout).not.toContain('未发现问题');
  });

  it('an unreadable file is never ✔', async () => {
    const run = await runCli(['--select', 'value-missing-unit', '--rule', 'value-missing-unit:off', 'corrupt.docx'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(summaryLine(run.stdout)).toBe('✖ 1 个文件无法读取，未能检查');
  });
});

describe('the terminal report fits', () => {
  it.each([60, 80, 120])('at COLUMNS=%i no line of the seed report is wider, every rule id whole', async (columns) => {
    const run = await runCli(['seed.docx'], { cwd: dir, env: { COLUMNS: String(columns) } });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
    const json = findingsOf['seed.docx']!;
    const ids = new Set(json.messages.map((m) => m.ruleId!));
    // Each finding's rule id ends a line, whole: as many such lines as findings.
    const ruleEnds = lines.filter((l) => [...ids].some((id) => l.endsWith(` ${id}`) || l.trim() === id));
    expect(ruleEnds).toHaveLength(json.messages.length);
  });

  it('--verbose shows the whole message; --statistics counts per rule with the rule’s title', async () => {
    const json = findingsOf['seed.txt']!;
    const verbose = await runCli(['--verbose', 'seed.txt'], { cwd: dir, env: { COLUMNS: '1000' } });
    for (const m of json.messages.slice(0, 5)) expect(verbose.stdout).toContain(m.message.replace(/\s*[\r\n]+\s*/g, ' ').trim());
    const stats = await runCli(['--statistics', 'seed.txt'], { cwd: dir, env: { COLUMNS: '200' } });
    const n = json.messages.filter((m) => m.ruleId === 'cost-value-not-amount').length;
    expect(stats.stdout).toMatch(new RegExp(`^ +${n}  cost-value-not-amount +(\\[\\*\\] +)?成本指标`, 'm'));
  });
});

describe('-f compact', () => {
  it('one line per finding: path:行:列 for text, path:表T:行:列 for Word', async () => {
    for (const file of ['seed.txt', 'seed.docx']) {
      const json = findingsOf[file]!;
      const run = await runCli(['-f', 'compact', file], { cwd: dir });
      const lines = run.stdout.split('\n').filter(Boolean);
      expect(lines).toHaveLength(json.messages.length);
      const place = file.endsWith('.txt') ? '\\d+:\\d+' : '(表\\d+:\\d+:\\d+|段落\\d+|项目\\d+|文档)';
      for (const line of lines) expect(line).toMatch(new RegExp(`^${file.replace('.', '\\.')}:${place}: (错误|警告|提示) [a-z:-]+ \\S`));
    }
    const docx = await runCli(['-f', 'compact', 'seed.docx'], { cwd: dir });
    expect(docx.stdout).toMatch(/^seed\.docx:表1:12:5: 错误 cost-value-not-amount 成本指标/m);
  });

  it('an unreadable and an ignored file get a line each', async () => {
    const run = await runCli(['-f', 'COMPACT', 'corrupt.docx', 'drafts/draft.txt'], { cwd: dir });
    expect(run.stdout).toMatch(/^corrupt\.docx:文档: 错误 fatal \S/m);
    expect(run.stdout).toMatch(/^drafts\/draft\.txt:文档: 提示 ignored 已忽略/m);
  });
});

describe('CLI habits', () => {
  it('a mistyped option gets a did-you-mean', async () => {
    const run = await runCli(['--quite', 'seed.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/未知选项.*--quite.*是否想写 --quiet？/);
  });

  it('"-" reads standard input, as --stdin does', async () => {
    const input = readFileSync(path.join(SEED, 'seed.txt'));
    const [dash, stdin] = await Promise.all([runCli(['-f', 'json', '-'], { cwd: dir, input }), runCli(['-f', 'json', '--stdin'], { cwd: dir, input })]);
    expect(dash.code).toBe(1);
    expect(dash.stdout).toBe(stdin.stdout);
    expect(parseJsonResults(dash.stdout)[0]!.messages.length).toBeGreaterThan(0);
  });

  it('-f JSON is accepted case-insensitively', async () => {
    const run = await runCli(['-f', 'JSON', 'seed.txt'], { cwd: dir });
    expect(parseJsonResults(run.stdout)[0]!.status).toBe('ok');
  });

  it('jxlint --help shows the lint options on the default command', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const option of ['--quiet', '--max-warnings', '--shard', '--select', '--statistics', 'init']) expect(run.stdout).toContain(option);
  });

  it('--locale en changes the help too', async () => {
    const run = await runCli(['--help', '--locale', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('show help');
    expect(run.stdout).toMatch(/--quiet +errors only/);
    expect(run.stdout).not.toContain('显示帮助');
    expect((await runCli(['--help'])).stdout).toContain('显示帮助（show help）');
  });

  it('--select keeps only these rules, --ignore turns rules off, --preset changes the preset', async () => {
    const ids = (args: string[]) => runCli(['-f', 'json', ...args, 'seed.txt'], { cwd: dir }).then((r) => new Set(parseJsonResults(r.stdout)[0]!.messages.map((m) => m.ruleId)));
    expect([...(await ids(['--select', 'cost-value-not-amount,duplicate-indicator']))].sort()).toEqual(['cost-value-not-amount', 'duplicate-indicator']);
    const all = new Set(findingsOf['seed.txt']!.messages.map((m) => m.ruleId));
    const ignored = await ids(['--ignore', 'cost-value-not-amount', '--ignore', 'duplicate-indicator']);
    expect(all.has('cost-value-not-amount')).toBe(true);
    expect(ignored.has('cost-value-not-amount') || ignored.has('duplicate-indicator')).toBe(false);
    // Every other rule still reports; a rule that gave way to an ignored one (yieldsTo) may now show.
    for (const id of all) if (id !== 'cost-value-not-amount' && id !== 'duplicate-indicator') expect(ignored.has(id), String(id)).toBe(true);
    expect((await ids(['--preset', 'all'])).size).toBeGreaterThanOrEqual(all.size);
    const typo = await runCli(['--select', 'cost-value-not-amont', 'seed.txt'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/cost-value-not-amont/);
  });

  it('--ignore ids and --no-ignore go together', async () => {
    const run = await runCli(['-f', 'json', '--no-ignore', '--ignore', 'cost-value-not-amount', 'drafts/draft.txt'], { cwd: dir });
    const result = parseJsonResults(run.stdout)[0]!;
    expect(result.status).toBe('ok');
    expect(result.messages.some((m) => m.ruleId === 'cost-value-not-amount')).toBe(false);
  });

  it('each -o says 已写入 on stderr', async () => {
    const run = await runCli(['seed.txt', '-f', 'json', '-o', 'out/r.json', '-f', 'csv', '-o', 'out/r.csv'], { cwd: dir });
    expect(run.stderr).toContain('已写入 out/r.json（wrote out/r.json）');
    expect(run.stderr).toContain('已写入 out/r.csv（wrote out/r.csv）');
  });
});

/**
 * The terminal samples in the README and docs/formats.md are the real output of
 * `jxlint fixtures/seed/seed.docx` at 80 columns: each run of lines between `…` lines appears, whole
 * and in order, in what the command prints (the issue: "keep the README's sample true to the output").
 */
describe('the documented terminal samples are the real output', () => {
  let real: string[];
  beforeAll(async () => {
    const run = await runCli(['fixtures/seed/seed.docx'], { env: { COLUMNS: '80' } });
    real = run.stdout.split('\n');
  }, 300_000);

  /** The sample block of a markdown file: the fenced block that shows the seed's report, without the `$` line. */
  function sample(file: string): string[][] {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const block = text.split('```').find((b) => /^\n(\$ npx jxlint fixtures\/seed\/seed\.docx\n)?fixtures\/seed\/seed\.docx\n/.test(b));
    expect(block, `${file} has a sample of the seed's report`).toBeDefined();
    const lines = block!.replace(/^\n/, '').replace(/\n$/, '').split('\n').filter((l) => !l.startsWith('$ '));
    const runs: string[][] = [[]];
    for (const line of lines) {
      if (line.trim() === '…') runs.push([]);
      else runs.at(-1)!.push(line);
    }
    return runs.filter((r) => r.length > 0);
  }

  it.each(['README.md', 'docs/formats.md'])('%s', (file) => {
    let from = 0;
    for (const run of sample(file)) {
      let at = -1;
      for (let i = from; i + run.length <= real.length && at < 0; i++) if (run.every((line, k) => real[i + k] === line)) at = i;
      expect(at, `${file}: these lines are not in the real output (after line ${from}):\n${run.join('\n')}`).toBeGreaterThanOrEqual(0);
      from = at + run.length;
    }
  });
});
