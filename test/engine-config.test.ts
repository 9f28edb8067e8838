import { describe, expect, it } from 'vitest';
import { allRules, exactRules } from '../rules/index.js';
import {
  ConfigError,
  presetRules,
  presetSeverity,
  printConfig,
  resolveConfig,
  validateConfig,
} from '../src/engine/config.js';
import type { Rule } from '../src/engine/types.js';

/** A rule for preset tests (not registered). */
function fakeRule(id: string, kind: 'exact' | 'heuristic', severity: 'info' | 'warn' | 'error', recommended?: boolean): Rule {
  return {
    meta: {
      id,
      category: 'value',
      defaultSeverity: severity,
      kind,
      fixable: false,
      messages: { m: { 'zh-CN': '消息', en: 'message' } },
      docs: { description: 'd', descriptionEn: 'd', why: 'w', bad: 'b', good: 'g', basis: 'b' },
      ...(recommended !== undefined ? { recommended } : {}),
    },
    create: () => ({}),
  };
}

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('presets', () => {
  const a = fakeRule('a-rule', 'exact', 'warn');
  const bOn = fakeRule('b-on', 'heuristic', 'warn', true);
  const bOff = fakeRule('b-off', 'heuristic', 'info');
  const dep = { ...fakeRule('old', 'exact', 'error'), meta: { ...fakeRule('old', 'exact', 'error').meta, deprecated: { replacedBy: 'a-rule' } } };

  it.each([
    ['recommended', a, 'warn'],
    ['recommended', bOn, 'warn'],
    ['recommended', bOff, 'off'],
    ['recommended', dep, 'off'],
    ['strict', a, 'error'],
    ['strict', bOff, 'warn'],
    ['strict', dep, 'off'],
    ['all', bOff, 'info'],
    ['all', a, 'warn'],
  ] as const)('%s gives %o severity %s', (preset, rule, expected) => {
    expect(presetSeverity(preset, rule)).toBe(expected);
  });

  it('recommended turns on every Part A rule at its default severity', () => {
    const rules = presetRules('recommended');
    for (const r of exactRules) expect(rules[r.meta.id]!.severity).toBe(r.meta.defaultSeverity);
    expect(Object.keys(rules).sort()).toEqual(allRules.map((r) => r.meta.id).sort());
  });

  it('carries default options', () => {
    expect(presetRules('recommended')['satisfaction-threshold-low']!.options).toEqual({ min: 85 });
  });
});

describe('resolveConfig', () => {
  it('defaults: recommended, legacy accepted, zh-CN', () => {
    const c = resolveConfig();
    expect(c.extends).toBe('recommended');
    expect(c.layout).toBe('accept-legacy');
    expect(c.locale).toBe('zh-CN');
    expect(c.sources).toEqual([]);
    expect(c.rules['cost-value-not-amount']).toEqual({ severity: 'error', options: {} });
  });

  it('file, then command line; a severity alone keeps the options', () => {
    const c = resolveConfig(
      { extends: 'all', layout: 'require-2021', rules: { 'satisfaction-threshold-low': ['error', { min: 90 }], 'duplicate-indicator': 'off' } },
      { locale: 'en', rules: { 'satisfaction-threshold-low': 'info' } },
      { source: 'jxlint.config.json' },
    );
    expect(c.extends).toBe('all');
    expect(c.layout).toBe('require-2021');
    expect(c.locale).toBe('en');
    expect(c.rules['satisfaction-threshold-low']).toEqual({ severity: 'info', options: { min: 90 } });
    expect(c.rules['duplicate-indicator']!.severity).toBe('off');
    expect(c.sources).toEqual(['jxlint.config.json', '命令行']);
  });

  it('command-line extends wins over the file', () => {
    expect(resolveConfig({ extends: 'all' }, { extends: 'strict' }).extends).toBe('strict');
  });

  it('[severity] without options keeps the defaults', () => {
    expect(resolveConfig({ rules: { 'satisfaction-threshold-low': ['warn'] } }).rules['satisfaction-threshold-low']!.options).toEqual({ min: 85 });
  });
});

describe('ConfigError: one line naming the key, the file and what is allowed', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['unknown top-level key', { rule: {} }, 'rule', /未知的键 "rule"；允许的键：extends、rules/],
    ['bad preset', { extends: 'eslint:recommended' }, 'extends', /"extends" 的值 "eslint:recommended" 无效；允许的值："recommended"、"strict" 或 "all"/],
    ['bad layout', { layout: '2021' }, 'layout', /"accept-legacy" 或 "require-2021"/],
    ['bad locale', { locale: 'fr' }, 'locale', /"zh-CN" 或 "en"/],
    ['ignorePatterns not strings', { ignorePatterns: [1] }, 'ignorePatterns[0]', /字符串数组/],
    ['unknown rule, with a hint', { rules: { 'cost-value-not-amout': 'error' } }, 'rules.cost-value-not-amout', /未知的规则 "cost-value-not-amout".*是否想写 cost-value-not-amount？/],
    ['bad severity', { rules: { 'duplicate-indicator': 'warning' } }, 'rules.duplicate-indicator', /"off"、"info"、"warn"、"error"，或 \[级别, 选项\]/],
    ['numeric severity', { rules: { 'duplicate-indicator': 2 } }, 'rules.duplicate-indicator', /无效/],
    ['option out of range', { rules: { 'satisfaction-threshold-low': ['warn', { min: 120 }] } }, 'rules.satisfaction-threshold-low[1].min', /数字 0–100/],
    ['option of the wrong type', { rules: { 'satisfaction-threshold-low': ['warn', { min: '90' }] } }, 'rules.satisfaction-threshold-low[1].min', /数字/],
    ['unknown option', { rules: { 'satisfaction-threshold-low': ['warn', { max: 90 }] } }, 'rules.satisfaction-threshold-low[1].max', /没有选项 "max"；可用选项：min/],
    ['options on a rule without any', { rules: { 'duplicate-indicator': ['warn', { x: 1 }] } }, 'rules.duplicate-indicator[1].x', /该规则不接受选项/],
    ['not an object', ['recommended'], '', /必须是一个 JSON 对象/],
  ];
  it.each(cases)('%s', (_name, input, key, pattern) => {
    const e = configError(() => resolveConfig(input, undefined, { source: 'cfg/jxlint.config.json' }));
    expect(e.key).toBe(key);
    expect(e.file).toBe('cfg/jxlint.config.json');
    expect(e.message).not.toContain('\n');
    expect(e.message).toMatch(/^配置文件 cfg\/jxlint\.config\.json：/);
    expect(e.message).toMatch(pattern);
    expect(e.message).toMatch(/（config cfg\/jxlint\.config\.json: .+）$/);
    expect(e.messageEn).toMatch(/^config cfg\/jxlint\.config\.json: /);
  });

  it('command-line overrides are named as such', () => {
    const e = configError(() => resolveConfig(undefined, { rules: { nope: 'error' } }));
    expect(e.message).toMatch(/^命令行：未知的规则 "nope"/);
    expect(e.message).toContain('(command line: unknown rule'.slice(1));
  });

  it('validateConfig returns the typed config', () => {
    expect(validateConfig({ extends: 'strict', rules: { 'duplicate-indicator': ['info'] } })).toEqual({
      extends: 'strict',
      rules: { 'duplicate-indicator': ['info'] },
    });
  });
});

describe('printConfig', () => {
  it('is stable, sorted JSON with options where the rule has any', () => {
    const text = printConfig(resolveConfig({ rules: { 'satisfaction-threshold-low': ['warn', { min: 90 }] } }, undefined, { source: 'x.json' }));
    expect(text).toBe(printConfig(resolveConfig({ rules: { 'satisfaction-threshold-low': ['warn', { min: 90 }] } }, undefined, { source: 'x.json' })));
    const json = JSON.parse(text);
    expect(json.extends).toBe('recommended');
    expect(json.sources).toEqual(['x.json']);
    expect(json.rules['satisfaction-threshold-low']).toEqual(['warn', { min: 90 }]);
    expect(json.rules['cost-value-not-amount']).toBe('error');
    expect(Object.keys(json.rules)).toEqual(Object.keys(json.rules).sort());
    // The printed config is itself a valid config file.
    expect(() => validateConfig({ extends: json.extends, layout: json.layout, locale: json.locale, rules: json.rules })).not.toThrow();
  });
});
