/** The engine's public surface (re-exported by src/index.ts). */
export * from './types.js';
export {
  ConfigError,
  CONFIG_FILE_NAMES,
  defaultConfig,
  enabledRuleIds,
  LAYOUT_POLICIES,
  LOCALE_NAMES,
  closestId,
  presetRules,
  presetSeverity,
  PRESET_NAMES,
  printConfig,
  resolveConfig,
  SEVERITY_NAMES,
  validateConfig,
  type ConfigOverrides,
  type FileConfig,
  type PresetName,
  type ResolvedConfig,
  type ResolveOptions,
  type RuleEntry,
  type RuleSetting,
} from './config.js';
export { compareMessages, internalFailure, INTERNAL_ERROR_ID, lintDocument, lintFailure, type LintOptions } from './lint.js';
export { lintBlocksByProject, type StreamedLintEnd, type StreamedProjectMessages } from './lint-stream.js';
export { sortMessages } from './lint.js';
export { addCounts, countMessages, countsOf, errorsOnly, withMessages, type MessageCounts } from './counts.js';
export {
  acceptAll,
  applyBaseline,
  BaselineFilter,
  BaselineRecorder,
  createBaseline,
  fingerprintOf,
  parseBaseline,
  stringifyBaseline,
  type Baseline,
  type BaselineEntry,
  type FingerprintParts,
} from './baseline.js';
export { explainRule, getRule, ruleIds, ruleSummaries, UnknownRuleError } from './registry.js';
export { defineRule, type DefinedRule, type OptionSpec, type OptionValues, type RuleDefinition } from './define-rule.js';
export { categoryName, renderExample, renderRuleDoc, ruleDocsPath, ruleOneLiner } from './docs.js';
export { applyTextFixes, fixSafety, ruleFixAvailability, type ApplyFixesOptions, type FixOutcome } from './fix.js';
export { formatLocation, renderTemplate, roleName, severityName, SEVERITY_NUMBER, DEFAULT_LOCALE, valueKindName } from './messages.js';
