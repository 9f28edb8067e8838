/**
 * Per-file overrides (按文件覆盖配置), ESLint flat-config style: a config's `overrides` entries whose
 * `files` globs match a file's path (relative to the config file's folder) and whose `ignores` do
 * not are applied over the base config, in order, later entries winning; the command line wins over
 * all of them. Browser-safe: paths are plain strings, globs are picomatch's.
 */
import picomatch from 'picomatch';
import { allRules } from '../../rules/index.js';
import { applyRules, type ResolvedConfig } from './config-resolve.js';
import { COMMAND_LINE_SOURCE, type ConfigOverride } from './config-schema.js';
import type { Rule } from './types.js';

/** Dotfiles and dot-folders match like any other name (ESLint's `dot: true`); `/` is the only separator. */
const GLOB_OPTIONS = { dot: true, windows: false } as const;

type Matcher = (relativePath: string) => boolean;

interface Compiled {
  matchers: Matcher[];
  /** Configs already built, keyed by the indices of the overrides that matched (`0,2`). */
  byMatch: Map<string, ResolvedConfig>;
}

const compiledByConfig = new WeakMap<ResolvedConfig, Compiled>();

function compileOverride(override: ConfigOverride): Matcher {
  const files = picomatch(override.files, GLOB_OPTIONS);
  const ignores = override.ignores && override.ignores.length > 0 ? picomatch(override.ignores, GLOB_OPTIONS) : null;
  return (path) => files(path) && !(ignores?.(path) ?? false);
}

function compiled(config: ResolvedConfig): Compiled {
  let c = compiledByConfig.get(config);
  if (!c) {
    c = { matchers: config.overrides.map(compileOverride), byMatch: new Map() };
    compiledByConfig.set(config, c);
  }
  return c;
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path);
}

/**
 * The path the overrides' globs are matched against: relative to `base`, with `/` separators; a
 * relative `filePath` is taken as relative to `base` already. Null for a file outside `base`.
 */
export function overridePath(filePath: string, base: string | null): string | null {
  const file = filePath.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  if (base === null) return file;
  const folder = base.replace(/\\/g, '/').replace(/\/+$/, '');
  if (file.startsWith(`${folder}/`)) return file.slice(folder.length + 1);
  return isAbsolute(file) ? null : file;
}

/** Indices of the config's `overrides` entries that apply to a file, in order. */
export function matchingOverrides(config: ResolvedConfig, filePath: string): number[] {
  if (config.overrides.length === 0) return [];
  const path = overridePath(filePath, config.overridesBase);
  if (path === null) return [];
  const { matchers } = compiled(config);
  return matchers.flatMap((matches, i) => (matches(path) ? [i] : []));
}

/**
 * The config that applies to one file: the base config with the matching `overrides` entries applied
 * in order (later wins), then the command-line settings again (the command line wins). The result
 * has no overrides left, and its `sources` name the entries applied (`…/jxlint.config.json
 * overrides[1]`). A config without overrides is returned as is; results are cached per config and
 * shared between files, so callers must not mutate them. `options.rules`: the rule set the config
 * was resolved with (default: every registered rule).
 */
export function configForFile(config: ResolvedConfig, filePath: string, options: { rules?: readonly Rule[] } = {}): ResolvedConfig {
  if (config.overrides.length === 0) return config;
  const indices = matchingOverrides(config, filePath);
  const { byMatch } = compiled(config);
  const key = indices.join(',');
  let out = byMatch.get(key);
  if (!out) {
    out = applyOverrides(config, indices, options.rules ?? allRules);
    byMatch.set(key, out);
  }
  return out;
}

function applyOverrides(config: ResolvedConfig, indices: readonly number[], rules: readonly Rule[]): ResolvedConfig {
  const { commandLine, ...base } = config;
  const out: ResolvedConfig = { ...base, rules: { ...config.rules }, overrides: [], sources: config.sources.filter((s) => s !== COMMAND_LINE_SOURCE) };
  const fileSource = out.sources[0] ?? 'config';
  for (const i of indices) {
    const override = config.overrides[i]!;
    applyRules(out.rules, override.rules, rules);
    if (override.layout) out.layout = override.layout;
    if (override.locale) out.locale = override.locale;
    out.sources.push(`${fileSource} overrides[${i}]`);
  }
  if (commandLine) {
    applyRules(out.rules, commandLine.rules, rules);
    if (commandLine.layout) out.layout = commandLine.layout;
    if (commandLine.locale) out.locale = commandLine.locale;
  }
  if (config.sources.includes(COMMAND_LINE_SOURCE)) out.sources.push(COMMAND_LINE_SOURCE);
  return out;
}
