/**
 * The configs of one run (配置): a given config (file or object) for every file, or the nearest
 * jxlint.config.json / .jxlintrc.json above each file, each merged with the run's overrides.
 * Resolved once per config file (files are grouped by folder), before any file is linted, so a bad
 * config stops the run with one line instead of failing file by file.
 */
import path from 'node:path';
import { resolveConfig, validateConfig, type ConfigOverrides, type FileConfig, type Locale, type ResolvedConfig } from '../index.js';
import { findConfigFile, loadConfigFile } from './config-files.js';
import { IgnoreMatcher } from './discover.js';

export class RunConfigs {
  /** Distinct resolved configs; tasks refer to them by index. */
  readonly configs: ResolvedConfig[] = [];
  private readonly byConfigFile = new Map<string, number>();
  private readonly byDirectory = new Map<string, number>();
  private readonly ignoreMatchers: (IgnoreMatcher | null)[] = [];
  private readonly explicitConfig: string | FileConfig | undefined;

  constructor(
    private readonly cwd: string,
    private readonly overrides: ConfigOverrides | undefined,
    /** A config file (relative to cwd) or object used for every file (`--config FILE`). */
    explicitConfig?: string | FileConfig,
    /** Without an explicit config: do not search for config files (the defaults). */
    private readonly lookup = true,
  ) {
    this.explicitConfig = typeof explicitConfig === 'object' ? validateConfig(explicitConfig, '<options.config>') : explicitConfig;
  }

  /** Index of the config that applies to a file (or to a folder, for stdin). Throws ConfigError. */
  indexFor(filePath: string, isDirectory = false): number {
    const dir = isDirectory ? filePath : path.dirname(filePath);
    const cached = this.byDirectory.get(dir);
    if (cached !== undefined) return cached;
    const explicit = this.explicitConfig;
    const configFile =
      typeof explicit === 'string' ? path.resolve(this.cwd, explicit) : explicit !== undefined || !this.lookup ? null : findConfigFile(dir);
    const key = configFile ?? '';
    let index = this.byConfigFile.get(key);
    if (index === undefined) {
      const resolved = configFile
        ? resolveConfig(loadConfigFile(configFile), this.overrides, { source: configFile })
        : resolveConfig(typeof explicit === 'object' ? explicit : undefined, this.overrides);
      index = this.configs.push(resolved) - 1;
      this.byConfigFile.set(key, index);
      // A config's ignorePatterns are relative to its own folder (to cwd for an explicit config and overrides).
      const base = configFile && explicit === undefined ? path.dirname(configFile) : this.cwd;
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
