import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/engine/config.js';
import { findConfigFile, loadConfigFile, resolveConfigForFile } from '../src/node/config-files.js';

const root = mkdtempSync(join(tmpdir(), 'jxlint-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content: string): string {
  const abs = join(root, path);
  mkdirSync(join(abs, '..'), { recursive: true });
  writeFileSync(abs, content);
  return abs;
}

describe('config files', () => {
  const top = write('jxlint.config.json', JSON.stringify({ extends: 'all', rules: { 'duplicate-indicator': 'off' } }));
  const nested = write('dept/a/.jxlintrc.json', '\uFEFF' + JSON.stringify({ rules: { 'satisfaction-threshold-low': ['error', { min: 90 }] } }));
  write('dept/a/sub/file.txt', 'x');
  write('dept/b/file.txt', 'x');

  it('finds the nearest file upward, from a file or a directory', () => {
    expect(findConfigFile(join(root, 'dept/a/sub/file.txt'))).toBe(nested);
    expect(findConfigFile(join(root, 'dept/b/file.txt'))).toBe(top);
    expect(findConfigFile(join(root, 'dept/b'))).toBe(top);
  });

  it('prefers jxlint.config.json over .jxlintrc.json in one directory', () => {
    const both = write('both/jxlint.config.json', '{}');
    write('both/.jxlintrc.json', '{}');
    expect(findConfigFile(join(root, 'both/x.txt'))).toBe(both);
  });

  it('resolves the config for a file (BOM tolerated), with overrides and --config', () => {
    const c = resolveConfigForFile(join(root, 'dept/a/sub/file.txt'), { overrides: { locale: 'en' } });
    expect(c.rules['satisfaction-threshold-low']).toEqual({ severity: 'error', options: { min: 90 } });
    expect(c.locale).toBe('en');
    expect(c.sources).toEqual([nested, '命令行']);
    const explicit = resolveConfigForFile(join(root, 'dept/a/sub/file.txt'), { configPath: top });
    expect(explicit.extends).toBe('all');
    expect(explicit.rules['duplicate-indicator']!.severity).toBe('off');
    expect(resolveConfigForFile(join(root, 'dept/a/sub/file.txt'), { noConfigLookup: true }).sources).toEqual([]);
  });

  it('reports unreadable files, bad JSON and bad keys in one line naming the file', () => {
    const bad = write('bad/jxlint.config.json', '{ "extends": "recommended", }');
    const wrong = write('wrong/jxlint.config.json', '{ "extend": "recommended" }');
    for (const [path, pattern] of [
      [join(root, 'missing.json'), /无法读取（ENOENT）/],
      [bad, /不是有效的 JSON/],
      [wrong, /未知的键 "extend"/],
    ] as const) {
      let error: unknown;
      try {
        loadConfigFile(path);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain(path);
      expect(message).toMatch(pattern);
      expect(message).not.toContain('\n');
    }
  });
});
