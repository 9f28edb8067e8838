/**
 * The configs of one run (配置): `--config FILE` for every file, or the nearest jxlint.config.json /
 * .jxlintrc.json above each file, each merged with the command-line overrides. Resolved once per
 * config file (files are grouped by folder), before any file is linted, so a bad config stops the
 * run with one line instead of failing file by file.
 */
import path from 'node:path';
import { findConfigFile, loadConfigFile } from '../node/config-files.js';
import { IgnoreMatcher } from '../node/discover.js';
import { resolveConfig, type ConfigOverrides, type Locale, type ResolvedConfig } from '../index.js';
import { UsageError } from './usage.js';

export class RunConfigs {
  /** Distinct resolved configs; tasks refer to them by index. */
  readonly configs: ResolvedConfig[] = [];
  private readonly byConfigFile = new Map<string, number>();
  private readonly byDirectory = new Map<string, number>();
  private readonly ignoreMatchers: (IgnoreMatcher | null)[] = [];

  constructor(
    private readonly cwd: string,
    private readonly overrides: ConfigOverrides | undefined,
    /** `--config FILE`. */
    private readonly explicitConfig?: string,
  ) {}

  /** Index of the config that applies to a file (or to a folder, for stdin). Throws ConfigError. */
  indexFor(filePath: string, isDirectory = false): number {
    const dir = isDirectory ? filePath : path.dirname(filePath);
    const cached = this.byDirectory.get(dir);
    if (cached !== undefined) return cached;
    const configFile = this.explicitConfig ? path.resolve(this.cwd, this.explicitConfig) : findConfigFile(dir);
    const key = configFile ?? '';
    let index = this.byConfigFile.get(key);
    if (index === undefined) {
      const resolved = configFile
        ? resolveConfig(loadConfigFile(configFile), this.overrides, { source: configFile })
        : resolveConfig(undefined, this.overrides);
      index = this.configs.push(resolved) - 1;
      this.byConfigFile.set(key, index);
      // A config's ignorePatterns are relative to its own folder (to cwd for --config and overrides).
      const base = configFile && !this.explicitConfig ? path.dirname(configFile) : this.cwd;
      this.ignoreMatchers[index] = resolved.ignorePatterns.length > 0 ? new IgnoreMatcher(base).add(resolved.ignorePatterns) : null;
    }
    this.byDirectory.set(dir, index);
    return index;
  }

  /** Whether the config's `ignorePatterns` exclude the file. */
  ignores(index: number, filePath: string): boolean {
    return this.ignoreMatchers[index]?.ignores(filePath) ?? false;
  }

  /** The language of the report chrome: the configs' locale when they agree, else zh-CN. */
  locale(): Locale {
    const locales = new Set(this.configs.map((c) => c.locale));
    return locales.size === 1 ? [...locales][0]! : 'zh-CN';
  }
}

/**
 * `--rule id:severity` (or `id:["warn",{"min":90}]`) → config overrides. Validation of ids and
 * severities is the engine's (a ConfigError naming 命令行).
 */
export function ruleOverrides(specs: readonly string[]): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const spec of specs) {
    const colon = spec.indexOf(':');
    if (colon <= 0) {
      throw new UsageError(`--rule 应写成 规则编号:级别，例如 --rule value-missing-unit:off（得到 "${spec}"）`, `--rule expects id:severity, e.g. value-missing-unit:off (got "${spec}")`);
    }
    const id = spec.slice(0, colon).trim();
    const value = spec.slice(colon + 1).trim();
    if (value.startsWith('[')) {
      try {
        rules[id] = JSON.parse(value);
      } catch {
        throw new UsageError(`--rule ${id} 的值不是有效的 JSON（${value}）：例如 '${id}:["warn",{"min":90}]'`, `--rule ${id}: the value is not valid JSON`);
      }
    } else {
      rules[id] = value;
    }
  }
  return rules;
}
