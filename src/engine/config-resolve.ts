/**
 * Config resolution (配置解析): presets, then a config file, then command-line overrides, into one
 * `ResolvedConfig`; its `--print-config` text. Per-file `overrides` are applied by config-overrides.ts.
 */
import { allRules } from '../../rules/index.js';
import { presetRules, type PresetName } from './config-presets.js';
import { COMMAND_LINE_SOURCE, validateConfig, type ConfigOverride, type ConfigOverrides, type FileConfig, type RuleEntry, type RuleSetting } from './config-schema.js';
import { DEFAULT_LOCALE } from './messages.js';
import type { LayoutPolicy, Locale, Rule, SeverityName } from './types.js';

export interface ResolvedConfig {
  extends: PresetName;
  /** Every known rule, including those that are off. */
  rules: Record<string, RuleSetting>;
  layout: LayoutPolicy;
  locale: Locale;
  /** IANA time zone of the report times, when a config sets it (`timeZone`; reports default to Asia/Shanghai). */
  timeZone?: string;
  ignorePatterns: string[];
  /** Where the settings came from (config file path, `命令行`), in the order applied. */
  sources: string[];
  /** Per-file overrides still to apply (`configForFile` applies them; empty in its result). */
  overrides: ConfigOverride[];
  /** The folder the overrides' globs are relative to (the config file's); null: paths are matched as given. */
  overridesBase: string | null;
  /** Command-line settings, applied again after the overrides so that the command line wins. */
  commandLine?: Pick<FileConfig, 'rules' | 'layout' | 'locale'>;
}

export interface ResolveOptions {
  /** Name of the config file the first argument came from (for error messages and `sources`). */
  source?: string;
  /** The rule set (default: every registered rule). */
  rules?: readonly Rule[];
  /** The folder `overrides` globs are relative to (default: the folder of `source`, when it names one). */
  overridesBase?: string | null;
}

/** The folder part of a path (`/a/b/jxlint.config.json` → `/a/b`), or null when it has none. */
function folderOf(path: string | undefined): string | null {
  if (!path) return null;
  const slashed = path.replace(/\\/g, '/');
  const i = slashed.lastIndexOf('/');
  return i < 0 ? null : i === 0 ? '/' : slashed.slice(0, i);
}

/** Applies rule entries over settings (a severity alone keeps the options; [severity, options] merges over the defaults). */
export function applyRules(target: Record<string, RuleSetting>, entries: Record<string, RuleEntry> | undefined, rules: readonly Rule[]): void {
  if (!entries) return;
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  for (const [id, entry] of Object.entries(entries)) {
    const rule = byId.get(id)!;
    const current = target[id] ?? { severity: 'off', options: { ...(rule.defaultOptions ?? {}) } };
    if (typeof entry === 'string') target[id] = { severity: entry, options: current.options };
    else target[id] = { severity: entry[0], options: entry[1] ? { ...(rule.defaultOptions ?? {}), ...entry[1] } : current.options };
  }
}

/**
 * Presets, then the config file, then command-line overrides (same shape as a file). Both inputs
 * are validated (a `ConfigError` names the key and the file). Without arguments: `recommended`,
 * legacy layout accepted, zh-CN.
 */
export function resolveConfig(
  fileConfig?: FileConfig | unknown,
  cliOverrides?: ConfigOverrides | unknown,
  options: ResolveOptions = {},
): ResolvedConfig {
  const rules = options.rules ?? allRules;
  const file = fileConfig === undefined || fileConfig === null ? {} : validateConfig(fileConfig, options.source ?? 'config', rules);
  const cli = cliOverrides === undefined || cliOverrides === null ? {} : validateConfig(cliOverrides, COMMAND_LINE_SOURCE, rules);
  const preset = cli.extends ?? file.extends ?? 'recommended';
  const resolved: ResolvedConfig = {
    extends: preset,
    rules: presetRules(preset, rules),
    layout: cli.layout ?? file.layout ?? 'accept-legacy',
    locale: cli.locale ?? file.locale ?? DEFAULT_LOCALE,
    ...((cli.timeZone ?? file.timeZone) ? { timeZone: cli.timeZone ?? file.timeZone } : {}),
    ignorePatterns: [...(file.ignorePatterns ?? []), ...(cli.ignorePatterns ?? [])],
    sources: [],
    overrides: [...(file.overrides ?? []), ...(cli.overrides ?? [])],
    overridesBase: options.overridesBase !== undefined ? options.overridesBase : folderOf(options.source),
  };
  if (resolved.overrides.length > 0 && (cli.rules || cli.layout || cli.locale)) {
    resolved.commandLine = { ...(cli.rules ? { rules: cli.rules } : {}), ...(cli.layout ? { layout: cli.layout } : {}), ...(cli.locale ? { locale: cli.locale } : {}) };
  }
  if (fileConfig !== undefined && fileConfig !== null) resolved.sources.push(options.source ?? 'config');
  if (cliOverrides !== undefined && cliOverrides !== null && Object.keys(cli).length > 0) resolved.sources.push(COMMAND_LINE_SOURCE);
  applyRules(resolved.rules, file.rules, rules);
  applyRules(resolved.rules, cli.rules, rules);
  return resolved;
}

/** The default configuration (`recommended`). */
export function defaultConfig(): ResolvedConfig {
  return resolveConfig();
}

/**
 * The resolved config as stable, sorted JSON (`--print-config`): every rule with its severity and
 * options (options shown only when the rule has any).
 */
export function printConfig(config: ResolvedConfig): string {
  const rules: Record<string, SeverityName | [SeverityName, Record<string, unknown>]> = {};
  for (const id of Object.keys(config.rules).sort()) {
    const s = config.rules[id]!;
    rules[id] = Object.keys(s.options).length > 0 ? [s.severity, sortKeys(s.options)] : s.severity;
  }
  return (
    JSON.stringify(
      {
        extends: config.extends,
        layout: config.layout,
        locale: config.locale,
        ...(config.timeZone ? { timeZone: config.timeZone } : {}),
        ignorePatterns: config.ignorePatterns,
        sources: config.sources,
        rules,
        ...(config.overrides.length > 0 ? { overrides: config.overrides } : {}),
      },
      null,
      2,
    ) + '\n'
  );
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

/** Ids of the rules a config turns on. */
export function enabledRuleIds(config: ResolvedConfig): string[] {
  return Object.keys(config.rules).filter((id) => config.rules[id]!.severity !== 'off').sort();
}
