/**
 * Configuration (配置), browser-safe (reading files is src/node/config-files.ts):
 * - config-presets.ts: the presets and the severity each gives a rule;
 * - config-schema.ts: the file format (`jxlint.config.json` / `.jxlintrc.json`) and its validation
 *   (zod; a wrong key or value is one `ConfigError` line naming the key, the file and what is allowed);
 * - config-resolve.ts: presets + file + command-line overrides → one `ResolvedConfig`, `--print-config`;
 * - config-overrides.ts: a config's per-file `overrides` applied for one file (`configForFile`).
 */
export { presetRules, presetSeverity, PRESET_NAMES, type PresetName } from './config-presets.js';
export {
  closestId,
  ConfigError,
  CONFIG_FILE_NAMES,
  LAYOUT_POLICIES,
  LOCALE_NAMES,
  SEVERITY_NAMES,
  validateConfig,
  type ConfigOverride,
  type ConfigOverrides,
  type FileConfig,
  type RuleEntry,
  type RuleSetting,
} from './config-schema.js';
export { defaultConfig, enabledRuleIds, printConfig, resolveConfig, type ResolvedConfig, type ResolveOptions } from './config-resolve.js';
