/**
 * The command line as a user meets it: usage errors are one line (plus the help hint) and exit 2,
 * never a stack trace; ESLint's exit codes; `rules`, `explain`, `--print-config`.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, copySeed, corruptDocx, ensureBuilt, lines, parseJsonResults, put, runCli, tempDir } from './cli-support.js';

let dir: string;
let ruleIds: { id: string; severity: string }[];

beforeAll(async () => {
  await ensureBuilt();
  dir = tempDir();
  copySeed('seed.txt', dir);
  put(dir, 'bad-json/jxlint.config.json', '{ "rules": { ');
  put(dir, 'bad-json/a.txt', 'x');
  put(dir, 'unknown-rule.json', JSON.stringify({ rules: { 'no-such-rule': 'error' } }));
  put(dir, 'bad-severity.json', JSON.stringify({ rules: { 'value-missing-unit': 'loud' } }));
  put(dir, 'results.txt', 'not json');
  put(dir, 'corrupt.docx', corruptDocx());
  const listed = await runCli(['rules', '--format', 'json']);
  ruleIds = JSON.parse(listed.stdout) as { id: string; severity: string }[];
  // Every rule off; and only the warning rules on.
  put(dir, 'all-off.json', JSON.stringify({ rules: Object.fromEntries(ruleIds.map((r) => [r.id, 'off'])) }));
  put(dir, 'warn-only.json', JSON.stringify({ rules: Object.fromEntries(ruleIds.map((r) => [r.id, r.severity === 'warn' ? 'warn' : 'off'])) }));
});

afterAll(() => cleanup(dir));

describe.concurrent('usage errors: one line (+ the help hint), exit 2, no stack trace', () => {
  const cases: { name: string; args: string[]; says: RegExp; hint: boolean }[] = [
    { name: 'unknown option', args: ['--bogus', 'seed.txt'], says: /未知选项.*--bogus/, hint: true },
    { name: 'unknown format', args: ['-f', 'pdf', 'seed.txt'], says: /未知的输出格式 "pdf"/, hint: true },
    { name: 'xlsx to stdout', args: ['-f', 'xlsx', 'seed.txt'], says: /xlsx 是二进制格式/, hint: true },
    { name: 'two reports on stdout', args: ['-f', 'json', '-f', 'csv', 'seed.txt'], says: /只能有一个报告输出到终端/, hint: true },
    { name: '-o without its -f', args: ['-o', 'a.json', '-f', 'json', '-f', 'csv', '-o', 'b.csv', 'seed.txt'], says: /-o a\.json 前面没有对应的 -f/, hint: true },
    { name: 'same file twice', args: ['-f', 'json', '-o', 'a', '-f', 'csv', '-o', 'a', 'seed.txt'], says: /同一个文件/, hint: true },
    { name: 'bad concurrency', args: ['--concurrency', 'zero', 'seed.txt'], says: /--concurrency 的值 "zero" 无效/, hint: true },
    { name: 'bad max-warnings', args: ['--max-warnings', 'many', 'seed.txt'], says: /--max-warnings 的值 "many" 无效/, hint: true },
    { name: 'bad locale', args: ['--locale', 'fr', 'seed.txt'], says: /--locale 的值 "fr" 无效/, hint: true },
    { name: 'bad docx reader', args: ['--docx-reader', 'fast', 'seed.txt'], says: /--docx-reader 的值 "fast" 无效/, hint: true },
    { name: 'bad size', args: ['--max-file-size', 'huge', 'seed.txt'], says: /--max-file-size 的值 "huge" 无效/, hint: true },
    { name: 'bad shard', args: ['--shard', '3/2', 'seed.txt'], says: /--shard 应写成 k\/n/, hint: false },
    { name: 'no inputs', args: [], says: /请指定要检查的文件/, hint: true },
    { name: 'update-baseline without baseline', args: ['--update-baseline', 'seed.txt'], says: /--update-baseline 需要同时用 --baseline/, hint: true },
    { name: 'stdin-filename without stdin', args: ['--stdin-filename', 'x.txt', 'seed.txt'], says: /--stdin-filename 只能和 --stdin 一起用/, hint: true },
    { name: 'bad --rule', args: ['--rule', 'value-missing-unit', 'seed.txt'], says: /--rule 应写成 规则编号:级别/, hint: true },
    { name: 'missing file', args: ['missing.docx'], says: /文件或目录不存在：missing\.docx/, hint: false },
    { name: 'glob with no match', args: ['nothing/**/*.docx'], says: /没有与模式 nothing\/\*\*\/\*\.docx 匹配的文件/, hint: false },
    { name: 'config not JSON', args: ['bad-json/a.txt'], says: /不是有效的 JSON/, hint: false },
    { name: 'config with an unknown rule', args: ['--config', 'unknown-rule.json', 'seed.txt'], says: /未知的规则 "no-such-rule"/, hint: false },
    { name: 'config with a bad severity', args: ['--config', 'bad-severity.json', 'seed.txt'], says: /rules\.value-missing-unit.*无效/, hint: false },
    { name: '--config file missing', args: ['--config', 'nope.json', 'seed.txt'], says: /配置文件 nope\.json 不存在/, hint: false },
    { name: 'unknown rule in --rule', args: ['--rule', 'no-such-rule:off', 'seed.txt'], says: /命令行.*未知的规则 "no-such-rule"/, hint: false },
    { name: 'baseline file missing', args: ['--baseline', 'nope.json', 'seed.txt'], says: /基线文件 nope\.json 不存在/, hint: false },
    { name: 'explain an unknown rule', args: ['explain', 'cost-value-not-amont'], says: /是否想写 cost-value-not-amount/, hint: false },
    { name: 'merge a file that is not JSON', args: ['merge', 'results.txt'], says: /results\.txt 不是有效的 JSON/, hint: false },
    { name: 'merge a missing file', args: ['merge', 'nope.json'], says: /结果文件 nope\.json 不存在/, hint: false },
    { name: 'a report path that cannot be written (checked before linting)', args: ['seed.txt', '-f', 'xlsx', '-o', 'seed.txt/r.xlsx'], says: /无法写入报告文件 seed\.txt\/r\.xlsx/, hint: false },
    { name: 'a streamed report path that cannot be written', args: ['seed.txt', '-f', 'json', '-o', 'seed.txt/r.json'], says: /无法写入报告文件 seed\.txt\/r\.json/, hint: false },
    { name: 'unknown rules format', args: ['rules', '--format', 'xml'], says: /--format 的值 "xml" 无效/, hint: true },
  ];
  it.each(cases)('$name', async ({ args, says, hint }) => {
    const run = await runCli(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const err = lines(run.stderr);
    expect(err[0]).toMatch(says);
    expect(err).toHaveLength(hint ? 2 : 1);
    if (hint) expect(err[1]).toMatch(/jxlint --help/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

describe.concurrent('exit codes (as ESLint)', () => {
  const cases: { name: string; args: string[]; code: number }[] = [
    { name: 'errors found → 1', args: ['seed.txt'], code: 1 },
    { name: 'every rule off → 0', args: ['--config', 'all-off.json', 'seed.txt'], code: 0 },
    { name: 'warnings only → 0', args: ['--config', 'warn-only.json', 'seed.txt'], code: 0 },
    { name: 'warnings over --max-warnings → 1', args: ['--config', 'warn-only.json', '--max-warnings', '0', 'seed.txt'], code: 1 },
    { name: 'warnings within --max-warnings → 0', args: ['--config', 'warn-only.json', '--max-warnings', '1000', 'seed.txt'], code: 0 },
    { name: 'a file that cannot be read → 2', args: ['--config', 'all-off.json', 'seed.txt', 'corrupt.docx'], code: 2 },
  ];
  it.each(cases)('$name', async ({ args, code }) => {
    const run = await runCli(args, { cwd: dir });
    expect(run.code, run.stderr).toBe(code);
  });

  it('--rule overrides the config: every warning rule off → 0 even with --max-warnings 0', async () => {
    const off = ruleIds.filter((r) => r.severity === 'warn').flatMap((r) => ['--rule', `${r.id}:off`]);
    const run = await runCli(['--config', 'warn-only.json', ...off, '--max-warnings', '0', 'seed.txt'], { cwd: dir });
    expect(run.code, run.stdout).toBe(0);
  });

  it('says why the warnings fail the run, on stderr', async () => {
    const run = await runCli(['--config', 'warn-only.json', '--max-warnings', '0', '-f', 'json', 'seed.txt'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/超过了 --max-warnings 的上限 0/);
    expect(parseJsonResults(run.stdout)[0]!.warningCount).toBeGreaterThan(0);
  });

  it('a corrupt file is a fatal message for that file only; the other file is linted', async () => {
    const run = await runCli(['-f', 'json', 'seed.txt', 'corrupt.docx'], { cwd: dir });
    expect(run.code).toBe(2);
    const results = parseJsonResults(run.stdout);
    expect(results.map((r) => [path.basename(r.filePath), r.status])).toEqual([
      ['corrupt.docx', 'failed'],
      ['seed.txt', 'ok'],
    ]);
    expect(results[0]!.messages).toHaveLength(1);
    expect(results[0]!.messages[0]).toMatchObject({ fatal: true, ruleId: null, severity: 2 });
    expect(results[1]!.errorCount).toBeGreaterThan(0);
  });
});

describe('rules, explain, --print-config, --quiet, --locale', () => {
  it('rules --format json lists every rule as {id, category, severity, fixable, description}', async () => {
    expect(ruleIds.length).toBeGreaterThanOrEqual(17);
    const run = await runCli(['rules', '--format', 'json']);
    for (const rule of JSON.parse(run.stdout) as Record<string, unknown>[]) {
      expect(Object.keys(rule).sort()).toEqual(['category', 'description', 'fixable', 'id', 'severity']);
      expect(['info', 'warn', 'error']).toContain(rule.severity);
      expect(typeof rule.fixable).toBe('boolean');
    }
  });

  it('rules prints a table naming every rule', async () => {
    const run = await runCli(['rules']);
    expect(run.code).toBe(0);
    for (const { id } of ruleIds) expect(run.stdout).toContain(id);
  });

  it('explain prints the rule docs', async () => {
    const run = await runCli(['explain', 'cost-value-not-amount']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('cost-value-not-amount');
    expect(run.stdout.length).toBeGreaterThan(200);
  });

  it('--print-config prints the resolved config for a file, with command-line overrides', async () => {
    const run = await runCli(['--print-config', 'seed.txt', '--rule', 'value-missing-unit:off'], { cwd: dir });
    expect(run.code).toBe(0);
    const config = JSON.parse(run.stdout) as { extends: string; rules: Record<string, unknown> };
    expect(config.extends).toBe('recommended');
    expect(config.rules['value-missing-unit']).toBe('off');
    expect(config.rules['cost-value-not-amount']).toBe('error');
  });

  it('--quiet reports errors only', async () => {
    const loud = parseJsonResults((await runCli(['-f', 'json', 'seed.txt'], { cwd: dir })).stdout)[0]!;
    const quiet = parseJsonResults((await runCli(['-f', 'json', '--quiet', 'seed.txt'], { cwd: dir })).stdout)[0]!;
    expect(loud.warningCount).toBeGreaterThan(0);
    expect(quiet.warningCount).toBe(0);
    expect(quiet.messages.every((m) => m.severity === 2)).toBe(true);
    expect(quiet.errorCount).toBe(loud.errorCount);
  });

  it('--locale en gives English messages', async () => {
    const en = parseJsonResults((await runCli(['-f', 'json', '--locale', 'en', 'seed.txt'], { cwd: dir })).stdout)[0]!;
    expect(en.messages.length).toBeGreaterThan(0);
    expect(en.messages.some((m) => /^[\x20-\x7e]/.test(m.message) && /[a-z]{3}/.test(m.message))).toBe(true);
  });

  it('--help and --version exit 0', async () => {
    expect((await runCli(['--help'])).code).toBe(0);
    expect((await runCli(['lint', '--help'])).stdout).toContain('--shard');
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
