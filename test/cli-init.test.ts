/**
 * `jxlint init`: the starter config is valid, and the JSON Schema it points at agrees with the
 * engine's own config check — on every config below, valid and invalid — so what an editor marks
 * as wrong is what jxlint refuses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configJsonSchema, starterConfig } from '../src/cli/init-command.js';
import { ruleSummaries, validateConfig } from '../src/index.js';
import { cleanup, copySeed, ensureBuilt, runCli, tempDir } from './cli-support.js';

const ajv = new Ajv({ strict: false, allErrors: true });
const schemaAccepts = ajv.compile(configJsonSchema());

function engineAccepts(config: unknown): boolean {
  try {
    validateConfig(config, 'test.json');
    return true;
  } catch {
    return false;
  }
}

const allOff = Object.fromEntries(ruleSummaries().map((r) => [r.id, 'off']));
const configs: { name: string; config: unknown; valid: boolean }[] = [
  { name: 'the starter config', config: starterConfig(), valid: true },
  { name: 'the starter config, strict, English', config: starterConfig('strict', 'en'), valid: true },
  { name: 'empty', config: {}, valid: true },
  { name: 'every rule off', config: { rules: allOff }, valid: true },
  { name: 'severity with options', config: { rules: { 'satisfaction-threshold-low': ['warn', { min: 90 }] } }, valid: true },
  { name: 'severity alone in an array', config: { extends: 'strict', rules: { 'duplicate-indicator': ['info'] } }, valid: true },
  {
    name: 'overrides',
    config: {
      extends: 'recommended',
      layout: 'require-2021',
      ignorePatterns: ['草稿/**'],
      rules: { 'satisfaction-threshold-low': ['warn', { min: 90 }] },
      overrides: [{ files: ['legacy/**/*.docx', '*.txt'], ignores: ['x.txt'], locale: 'en', rules: { 'duplicate-indicator': 'info' } }],
    },
    valid: true,
  },
  { name: 'an unknown key', config: { rule: {} }, valid: false },
  { name: 'an unknown rule', config: { rules: { 'no-such-rule': 'error' } }, valid: false },
  { name: 'a bad severity', config: { rules: { 'value-missing-unit': 'loud' } }, valid: false },
  { name: 'an unknown preset', config: { extends: 'eslint:recommended' }, valid: false },
  { name: 'an option of the wrong type', config: { rules: { 'satisfaction-threshold-low': ['warn', { min: 'ninety' }] } }, valid: false },
  { name: 'an unknown option', config: { rules: { 'satisfaction-threshold-low': ['warn', { max: 90 }] } }, valid: false },
  { name: 'an override without files', config: { overrides: [{ rules: {} }] }, valid: false },
  { name: 'a bad locale', config: { locale: 'fr' }, valid: false },
];

describe('the config JSON Schema agrees with the engine', () => {
  it.each(configs)('$name', ({ config, valid }) => {
    expect(engineAccepts(config)).toBe(valid);
    expect(schemaAccepts(config), JSON.stringify(schemaAccepts.errors)).toBe(valid);
  });

  it('describes every rule, with its options', () => {
    const schema = configJsonSchema() as { properties: { rules: { properties: Record<string, { description: string }> } } };
    for (const rule of ruleSummaries()) expect(schema.properties.rules.properties[rule.id]?.description).toContain(rule.description);
  });
});

describe('jxlint init (end to end)', () => {
  let dir: string;
  beforeAll(async () => {
    await ensureBuilt();
    dir = tempDir();
    copySeed('seed.txt', dir);
  });
  afterAll(() => cleanup(dir));

  it('writes a valid starter config and its schema, says so, and refuses to overwrite without --force', async () => {
    const run = await runCli(['init', '--preset', 'strict'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('已写入 jxlint.config.json（wrote jxlint.config.json）');
    expect(run.stderr).toContain('已写入 jxlint.schema.json');
    expect(run.stdout).toMatch(/^# /m);
    const config = JSON.parse(readFileSync(path.join(dir, 'jxlint.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ $schema: './jxlint.schema.json', extends: 'strict' });
    const schema = JSON.parse(readFileSync(path.join(dir, 'jxlint.schema.json'), 'utf8')) as object;
    expect(new Ajv({ strict: false }).compile(schema)(config)).toBe(true);
    // jxlint itself reads it.
    const printed = await runCli(['--print-config', 'seed.txt'], { cwd: dir });
    expect(printed.code, printed.stderr).toBe(0);
    expect(JSON.parse(printed.stdout)).toMatchObject({ extends: 'strict' });
    const again = await runCli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/jxlint\.config\.json 已存在：要覆盖请加 --force/);
    expect((await runCli(['init', '--force'], { cwd: dir })).code).toBe(0);
  });

  it('--print-config prints a valid config file: fed back with --config it gives the same findings', async () => {
    const printed = await runCli(['--print-config', 'seed.txt', '--rule', 'value-missing-unit:off', '--preset', 'all'], { cwd: dir });
    expect(printed.code, printed.stderr).toBe(0);
    const config = JSON.parse(printed.stdout) as unknown;
    expect(schemaAccepts(config), JSON.stringify(schemaAccepts.errors)).toBe(true);
    expect(engineAccepts(config)).toBe(true);
    const { put } = await import('./cli-support.js');
    put(dir, 'printed.json', printed.stdout);
    const direct = await runCli(['-f', 'json', '--rule', 'value-missing-unit:off', '--preset', 'all', 'seed.txt'], { cwd: dir });
    const fed = await runCli(['-f', 'json', '--config', 'printed.json', 'seed.txt'], { cwd: dir });
    expect(fed.code, fed.stderr).toBe(direct.code);
    const ids = (out: string) => (JSON.parse(out) as { messages: { ruleId: string }[] }[])[0]!.messages.map((m) => m.ruleId);
    expect(ids(fed.stdout)).toEqual(ids(direct.stdout));
    expect(ids(fed.stdout)).not.toContain('value-missing-unit');
  });
});
