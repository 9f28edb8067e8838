/**
 * Per-file `overrides` (按文件覆盖): which entries apply to which path, in what order, validation
 * errors, --print-config's view, and the Node edge (config lookup and the batch worker) using them.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configForFile, ConfigError, matchingOverrides, printConfig, resolveConfig, validateConfig } from '../src/index.js';
import { overridePath } from '../src/engine/config-overrides.js';
import { resolveConfigForFile } from '../src/node/config-files.js';
import { lintOneFile } from '../src/node/worker.js';

const BASE = '/work/dept';
const SOURCE = `${BASE}/jxlint.config.json`;

/** A config file with three overrides; the globs are relative to /work/dept. */
const fileConfig = {
  rules: { 'satisfaction-threshold-low': ['warn', { min: 90 }] },
  overrides: [
    { files: ['**/*.docx'], rules: { 'duplicate-indicator': 'off' } },
    { files: ['legacy/**'], ignores: ['legacy/keep/**'], layout: 'require-2021', rules: { 'satisfaction-threshold-low': 'error' } },
    { files: ['legacy/**/*.docx', '*.txt'], locale: 'en', rules: { 'duplicate-indicator': 'info', 'satisfaction-threshold-low': ['info', { min: 70 }] } },
  ],
};
const config = resolveConfig(fileConfig, undefined, { source: SOURCE });

describe('configForFile: which overrides apply', () => {
  const cases: [string, string, number[], { dup: string; sat: [string, number]; layout: string; locale: string }][] = [
    ['no match keeps the base', `${BASE}/a/b.doc`, [], { dup: 'warn', sat: ['warn', 90], layout: 'accept-legacy', locale: 'zh-CN' }],
    ['**/*.docx at any depth', `${BASE}/a/b/c.docx`, [0], { dup: 'off', sat: ['warn', 90], layout: 'accept-legacy', locale: 'zh-CN' }],
    ['**/*.docx in the folder itself', `${BASE}/c.docx`, [0], { dup: 'off', sat: ['warn', 90], layout: 'accept-legacy', locale: 'zh-CN' }],
    ['a severity alone keeps the options', `${BASE}/legacy/x.txt`, [1], { dup: 'warn', sat: ['error', 90], layout: 'require-2021', locale: 'zh-CN' }],
    ['ignores take a file out', `${BASE}/legacy/keep/x.txt`, [], { dup: 'warn', sat: ['warn', 90], layout: 'accept-legacy', locale: 'zh-CN' }],
    ['later entries win', `${BASE}/legacy/y.docx`, [0, 1, 2], { dup: 'info', sat: ['info', 70], layout: 'require-2021', locale: 'en' }],
    ['*.txt only in the config folder', `${BASE}/top.txt`, [2], { dup: 'info', sat: ['info', 70], layout: 'accept-legacy', locale: 'en' }],
    ['*.txt not in a sub-folder', `${BASE}/sub/top.txt`, [], { dup: 'warn', sat: ['warn', 90], layout: 'accept-legacy', locale: 'zh-CN' }],
    ['a file outside the config folder', '/work/other/c.docx', [], { dup: 'warn', sat: ['warn', 90], layout: 'accept-legacy', locale: 'zh-CN' }],
    ['a relative path is relative to the config folder', 'legacy/z.docx', [0, 1, 2], { dup: 'info', sat: ['info', 70], layout: 'require-2021', locale: 'en' }],
    ['Windows separators', `${BASE}\\a\\c.docx`.replace(/\//g, '\\'), [0], { dup: 'off', sat: ['warn', 90], layout: 'accept-legacy', locale: 'zh-CN' }],
  ];
  it.each(cases)('%s (%s)', (_name, file, indices, expected) => {
    expect(matchingOverrides(config, file)).toEqual(indices);
    const c = configForFile(config, file);
    expect(c.rules['duplicate-indicator']!.severity).toBe(expected.dup);
    expect([c.rules['satisfaction-threshold-low']!.severity, c.rules['satisfaction-threshold-low']!.options.min]).toEqual(expected.sat);
    expect(c.layout).toBe(expected.layout);
    expect(c.locale).toBe(expected.locale);
    expect(c.overrides).toEqual([]);
    expect(c.sources).toEqual([SOURCE, ...indices.map((i) => `${SOURCE} overrides[${i}]`)]);
  });

  it('does not change the base config, and returns one config per set of matching entries', () => {
    const before = structuredClone(config);
    const a = configForFile(config, `${BASE}/a.docx`);
    expect(configForFile(config, `${BASE}/deep/er/b.docx`)).toBe(a);
    expect(configForFile(config, `${BASE}/top.txt`)).not.toBe(a);
    expect(config).toEqual(before);
  });

  it('a config without overrides is returned as is, and so is a resolved one', () => {
    const plain = resolveConfig({ rules: { 'duplicate-indicator': 'off' } }, undefined, { source: SOURCE });
    expect(configForFile(plain, `${BASE}/a.docx`)).toBe(plain);
    const resolved = configForFile(config, `${BASE}/a.docx`);
    expect(configForFile(resolved, `${BASE}/top.txt`)).toBe(resolved);
  });

  it('the command line wins over every override', () => {
    const c = resolveConfig(fileConfig, { locale: 'zh-CN', rules: { 'duplicate-indicator': 'error' } }, { source: SOURCE });
    const forFile = configForFile(c, `${BASE}/legacy/y.docx`);
    expect(forFile.rules['duplicate-indicator']!.severity).toBe('error');
    expect(forFile.rules['satisfaction-threshold-low']).toEqual({ severity: 'info', options: { min: 70 } });
    expect(forFile.locale).toBe('zh-CN');
    expect(forFile.sources).toEqual([SOURCE, ...[0, 1, 2].map((i) => `${SOURCE} overrides[${i}]`), '命令行']);
  });

  it('overridesBase replaces the folder of the source; without either, paths are matched as given', () => {
    const elsewhere = resolveConfig(fileConfig, undefined, { source: SOURCE, overridesBase: '/srv' });
    expect(matchingOverrides(elsewhere, '/srv/x.docx')).toEqual([0]);
    expect(matchingOverrides(elsewhere, `${BASE}/x.docx`)).toEqual([]);
    const noFolder = resolveConfig(fileConfig, undefined, { source: 'jxlint.config.json' });
    expect(noFolder.overridesBase).toBeNull();
    expect(matchingOverrides(noFolder, 'legacy/a.docx')).toEqual([0, 1, 2]);
  });

  it.each([
    ['/a/b/c.txt', '/a/b', 'c.txt'],
    ['/a/b/c.txt', '/a/b/', 'c.txt'],
    ['./c.txt', '/a/b', 'c.txt'],
    ['C:\\a\\b\\c.txt', 'C:\\a', 'b/c.txt'],
    ['/a/bc/d.txt', '/a/b', null],
    ['/x/c.txt', null, '/x/c.txt'],
  ] as const)('overridePath(%s, %s) = %s', (file, base, expected) => {
    expect(overridePath(file, base)).toBe(expected);
  });
});

describe('overrides validation: one ConfigError line naming the key', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['not an array', { overrides: { files: ['*'] } }, 'overrides', /"overrides" 的值 .* 无效；允许的值：数组/],
    ['an entry that is not an object', { overrides: ['**/*.docx'] }, 'overrides[0]', /"overrides\[0\]" 的值 "\*\*\/\*\.docx" 无效/],
    ['no files', { overrides: [{ rules: {} }] }, 'overrides[0].files', /overrides\[0\] 缺少 "files"/],
    ['files empty', { overrides: [{ files: [] }] }, 'overrides[0].files', /非空的 glob 字符串数组/],
    ['files a string', { overrides: [{ files: '*.txt' }] }, 'overrides[0].files', /"overrides\[0\]\.files" 的值 "\*\.txt" 无效/],
    ['a glob that is not a string', { overrides: [{ files: ['*.txt', 3] }] }, 'overrides[0].files[1]', /非空的 glob 字符串数组/],
    ['ignores not strings', { overrides: [{ files: ['*'], ignores: [true] }] }, 'overrides[0].ignores[0]', /glob 字符串数组/],
    ['unknown key', { overrides: [{ files: ['*'], extends: 'all' }] }, 'overrides[0].extends', /未知的键 "overrides\[0\]\.extends"；允许的键：files、ignores、rules、layout、locale/],
    ['bad layout', { overrides: [{ files: ['*'], layout: '2021' }] }, 'overrides[0].layout', /"accept-legacy" 或 "require-2021"/],
    ['unknown rule, with a hint', { overrides: [{ files: ['*'] }, { files: ['*'], rules: { 'duplicate-indicatr': 'off' } }] }, 'overrides[1].rules.duplicate-indicatr', /未知的规则 "duplicate-indicatr"（键 overrides\[1\]\.rules\.duplicate-indicatr）；是否想写 duplicate-indicator？/],
    ['bad severity', { overrides: [{ files: ['*'], rules: { 'duplicate-indicator': 'warning' } }] }, 'overrides[0].rules.duplicate-indicator', /"off"、"info"、"warn"、"error"/],
    ['bad option', { overrides: [{ files: ['*'], rules: { 'satisfaction-threshold-low': ['warn', { min: 120 }] } }] }, 'overrides[0].rules.satisfaction-threshold-low[1].min', /数字 0–100/],
  ];
  it.each(cases)('%s', (_name, input, key, pattern) => {
    let error: unknown;
    try {
      resolveConfig(input, undefined, { source: 'cfg/jxlint.config.json' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.key).toBe(key);
    expect(e.message).not.toContain('\n');
    expect(e.message).toMatch(/^配置文件 cfg\/jxlint\.config\.json：/);
    expect(e.message).toMatch(pattern);
    expect(e.messageEn).toMatch(/^config cfg\/jxlint\.config\.json: /);
  });

  it('validateConfig returns the overrides typed, rule entries checked', () => {
    expect(validateConfig({ overrides: [{ files: ['*.doc'], rules: { 'duplicate-indicator': ['info'] } }] })).toEqual({
      overrides: [{ files: ['*.doc'], rules: { 'duplicate-indicator': ['info'] } }],
    });
  });
});

describe('printConfig', () => {
  it('the base config lists its overrides, and the printed text is a valid config again', () => {
    const json = JSON.parse(printConfig(config));
    expect(json.overrides).toEqual(fileConfig.overrides);
    expect(() => validateConfig({ rules: json.rules, overrides: json.overrides })).not.toThrow();
  });

  it('the config for a file has none left and names the entries applied', () => {
    const json = JSON.parse(printConfig(configForFile(config, `${BASE}/legacy/a.docx`)));
    expect(json.overrides).toBeUndefined();
    expect(json.layout).toBe('require-2021');
    expect(json.rules['satisfaction-threshold-low']).toEqual(['info', { min: 70 }]);
    expect(json.sources).toEqual([SOURCE, `${SOURCE} overrides[0]`, `${SOURCE} overrides[1]`, `${SOURCE} overrides[2]`]);
  });

  it('a config without overrides prints no overrides key', () => {
    expect(JSON.parse(printConfig(resolveConfig())).overrides).toBeUndefined();
  });
});

describe('the Node edge applies the overrides of the config it finds', () => {
  const root = mkdtempSync(join(tmpdir(), 'jxlint-overrides-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(
    join(root, 'jxlint.config.json'),
    JSON.stringify({ overrides: [{ files: ['accepted/**'], rules: { 'cost-value-not-amount': 'off' } }] }),
  );
  mkdirSync(join(root, 'accepted'));
  copyFileSync('fixtures/seed/seed.txt', join(root, 'seed.txt'));
  copyFileSync('fixtures/seed/seed.txt', join(root, 'accepted/seed.txt'));

  it.each([
    ['seed.txt', 'error'],
    ['accepted/seed.txt', 'off'],
  ])('resolveConfigForFile(%s): cost-value-not-amount is %s', (file, severity) => {
    expect(resolveConfigForFile(join(root, file)).rules['cost-value-not-amount']!.severity).toBe(severity);
  });

  it('the batch worker lints each file with its own config', async () => {
    const configs = [resolveConfig({ overrides: [{ files: ['accepted/**'], rules: { 'cost-value-not-amount': 'off' } }] }, undefined, { source: join(root, 'jxlint.config.json') })];
    const count = async (file: string) =>
      (await lintOneFile({ filePath: join(root, file), configIndex: 0 }, { configs })).messages.filter((m) => m.ruleId === 'cost-value-not-amount').length;
    expect(await count('seed.txt')).toBe(18);
    expect(await count('accepted/seed.txt')).toBe(0);
  });
});
