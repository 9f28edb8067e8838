/**
 * Node-only edge of the config: find `jxlint.config.json` / `.jxlintrc.json` upward from a linted
 * file, read and validate it. Every user error is a `ConfigError` (one line, Chinese first).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  CONFIG_FILE_NAMES,
  ConfigError,
  resolveConfig,
  validateConfig,
  type ConfigOverrides,
  type FileConfig,
  type ResolvedConfig,
} from '../engine/config.js';
import { configForFile } from '../engine/config-overrides.js';

/** The nearest config file at or above `fromPath` (a file or a directory), or null. */
export function findConfigFile(fromPath: string): string | null {
  let dir = resolve(fromPath);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Reads and validates a config file. Throws `ConfigError` (unreadable, not JSON, wrong key or value). */
export function loadConfigFile(path: string): FileConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new ConfigError(
      '',
      path,
      `配置文件 ${path} 无法读取（${reason}）；请检查路径和权限`,
      `config ${path} cannot be read (${reason}); check the path and permissions`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = (e as Error).message.split('\n')[0];
    throw new ConfigError(
      '',
      path,
      `配置文件 ${path} 不是有效的 JSON（${detail}）；请修正语法`,
      `config ${path} is not valid JSON (${detail}); fix the syntax`,
    );
  }
  return validateConfig(json, path);
}

export interface ConfigForFileOptions {
  /** `--config FILE`: use this file instead of searching. */
  configPath?: string;
  /** `--no-config`-style: do not search. */
  noConfigLookup?: boolean;
  /** Command-line overrides (same shape as a file). */
  overrides?: ConfigOverrides;
}

/**
 * The resolved config for one linted file: `--config`, else the nearest config file, else the
 * defaults; then the file's `overrides` entries (globs relative to the config file's folder).
 */
export function resolveConfigForFile(filePath: string, options: ConfigForFileOptions = {}): ResolvedConfig {
  const path = options.configPath ?? (options.noConfigLookup ? null : findConfigFile(filePath));
  if (!path) return resolveConfig(undefined, options.overrides);
  return configForFile(resolveConfig(loadConfigFile(path), options.overrides, { source: path, overridesBase: dirname(resolve(path)) }), resolve(filePath));
}
