/**
 * The time zone of the times in reports (本地时间): `--time-zone`, else the config's `timeZone`, else
 * the `TZ` environment variable (when it names an IANA zone), else Asia/Shanghai — for `lint` and
 * for `merge`; a wrong `timeZone` in a config is one line naming the key and the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configJsonSchema } from '../src/cli/init-command.js';
import { DEFAULT_TIME_ZONE, reportTimeZone } from '../src/formatters/local-time.js';
import { resolveConfig, validateConfig } from '../src/index.js';
import { cleanup, copySeed, ensureBuilt, put, runCli, tempDir } from './cli-support.js';

vi.setConfig({ testTimeout: 300_000 });

/** 2026-01-15T08:30:00Z: 16:30 in Shanghai, 14:30 in Urumqi (UTC+6), 17:30 in Tokyo, 08:30 UTC. */
const EPOCH = '1768465800';

describe('reportTimeZone: option > config > TZ > Asia/Shanghai', () => {
  it.each([
    ['nothing set', {}, DEFAULT_TIME_ZONE],
    ['TZ only', { env: 'Asia/Urumqi' }, 'Asia/Urumqi'],
    ['TZ with the POSIX colon', { env: ':UTC' }, 'UTC'],
    ['TZ that is not an IANA name (POSIX rule)', { env: 'CST-8' }, DEFAULT_TIME_ZONE],
    ['TZ empty', { env: '' }, DEFAULT_TIME_ZONE],
    ['config over TZ', { config: 'Asia/Tokyo', env: 'Asia/Urumqi' }, 'Asia/Tokyo'],
    ['option over config and TZ', { option: 'UTC', config: 'Asia/Tokyo', env: 'Asia/Urumqi' }, 'UTC'],
  ])('%s', (_name, sources, expected) => {
    expect(reportTimeZone(sources)).toBe(expected);
  });
});

describe('the timeZone config key', () => {
  it('is accepted with an IANA name and kept by the resolved config and --print-config', () => {
    expect(validateConfig({ timeZone: 'Asia/Urumqi' }, 'jxlint.config.json').timeZone).toBe('Asia/Urumqi');
    expect(resolveConfig({ timeZone: 'Asia/Urumqi' }).timeZone).toBe('Asia/Urumqi');
    expect(resolveConfig({}).timeZone).toBeUndefined();
  });

  it.each([
    ['an unknown zone', 'Mars/Olympus_Mons'],
    ['a POSIX rule', 'CST-8'],
    ['a number', 8],
  ])('rejects %s in one line naming the key and the file', (_name, value) => {
    expect(() => validateConfig({ timeZone: value }, 'jxlint.config.json')).toThrow(
      /^配置文件 jxlint\.config\.json：键 "timeZone" 的值 .+ 无效；允许的值：IANA 时区名称.*（config jxlint\.config\.json: invalid value .+ for "timeZone"; allowed: an IANA time zone/,
    );
  });

  it('is in the JSON Schema that jxlint init writes (editors complete and describe it)', () => {
    const schema = configJsonSchema() as { properties: Record<string, { type?: string; examples?: string[]; description?: string }> };
    expect(schema.properties.timeZone).toMatchObject({ type: 'string', examples: expect.arrayContaining(['Asia/Shanghai']) });
    expect(schema.properties.timeZone!.description).toContain('时区');
  });
});

describe('the CLI: the time shown in html and xlsx reports', () => {
  let dir: string;
  beforeAll(async () => {
    await ensureBuilt();
    dir = tempDir('jxlint-tz-');
    copySeed('seed.txt', dir);
    put(dir, 'tokyo.json', JSON.stringify({ timeZone: 'Asia/Tokyo' }));
    // One result as json, for merge.
    const json = await runCli(['-f', 'json', 'seed.txt'], { cwd: dir });
    writeFileSync(path.join(dir, 'seed.json'), json.stdout);
  }, 600_000);
  afterAll(() => cleanup(dir));

  /** The generation time written in the html report of one run. */
  async function shownTime(args: string[], env: Record<string, string | undefined>, config?: object): Promise<string> {
    const configFile = path.join(dir, 'jxlint.config.json');
    writeFileSync(configFile, JSON.stringify(config ?? {}));
    const run = await runCli([...args, '-f', 'html', '-o', 'report.html'], { cwd: dir, env: { SOURCE_DATE_EPOCH: EPOCH, ...env } });
    expect(run.stderr).toContain('已写入 report.html');
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    return /<p class="meta">生成时间 ([^·]+?) ·/.exec(html)?.[1] ?? '';
  }

  it.each([
    ['default', [], { TZ: undefined }, undefined, '2026-01-15 16:30:00 (Asia/Shanghai)'],
    ['TZ', [], { TZ: 'Asia/Urumqi' }, undefined, '2026-01-15 14:30:00 (Asia/Urumqi)'],
    ['TZ that is a POSIX rule: ignored', [], { TZ: 'CST-8' }, undefined, '2026-01-15 16:30:00 (Asia/Shanghai)'],
    ['config over TZ', [], { TZ: 'UTC' }, { timeZone: 'Asia/Tokyo' }, '2026-01-15 17:30:00 (Asia/Tokyo)'],
    ['--config over TZ', ['--config', 'tokyo.json'], { TZ: 'UTC' }, undefined, '2026-01-15 17:30:00 (Asia/Tokyo)'],
    ['--time-zone over config and TZ', ['--time-zone', 'UTC'], { TZ: 'Asia/Urumqi' }, { timeZone: 'Asia/Tokyo' }, '2026-01-15 08:30:00 (UTC)'],
  ])('lint, %s', async (_name, args, env, config, expected) => {
    expect(await shownTime([...args, 'seed.txt'], env, config)).toBe(expected);
  });

  it.each([
    ['config', [], { TZ: undefined }, { timeZone: 'Asia/Tokyo' }, '2026-01-15 17:30:00 (Asia/Tokyo)'],
    ['--time-zone', ['--time-zone', 'UTC'], { TZ: 'Asia/Urumqi' }, { timeZone: 'Asia/Tokyo' }, '2026-01-15 08:30:00 (UTC)'],
  ])('merge, %s', async (_name, args, env, config, expected) => {
    expect(await shownTime(['merge', 'seed.json', ...args], env, config)).toBe(expected);
  });

  it('a wrong timeZone in the config stops the run with one line (exit 2)', async () => {
    writeFileSync(path.join(dir, 'jxlint.config.json'), JSON.stringify({ timeZone: 'Mars/Olympus_Mons' }));
    const run = await runCli(['seed.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/jxlint\.config\.json：键 "timeZone" 的值 "Mars\/Olympus_Mons" 无效/);
  });

  it('--print-config shows the timeZone, and the printed config is valid', async () => {
    writeFileSync(path.join(dir, 'jxlint.config.json'), JSON.stringify({ timeZone: 'Asia/Urumqi' }));
    const run = await runCli(['--print-config', 'seed.txt'], { cwd: dir });
    const printed = JSON.parse(run.stdout) as { timeZone?: string };
    expect(printed.timeZone).toBe('Asia/Urumqi');
    expect(() => validateConfig(printed, 'printed.json')).not.toThrow();
  });
});
