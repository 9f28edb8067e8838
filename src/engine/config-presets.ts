/**
 * Config presets (预设): the severity `recommended`, `strict` and `all` give each rule.
 */
import { allRules } from '../../rules/index.js';
import type { RuleSetting } from './config-schema.js';
import type { Rule, SeverityName } from './types.js';

export type PresetName = 'recommended' | 'strict' | 'all';
export const PRESET_NAMES: readonly PresetName[] = ['recommended', 'strict', 'all'];

/** Severity one step up: info → warn, warn → error (the `strict` preset). */
function raise(severity: Exclude<SeverityName, 'off'>): Exclude<SeverityName, 'off'> {
  return severity === 'info' ? 'warn' : 'error';
}

/**
 * The severity a preset gives a rule:
 * - `recommended`: every exact rule at its default; heuristic rules that opt in (`meta.recommended`) at
 *   their default; everything else off;
 * - `strict`: every rule on, one step up (info → warn, warn → error);
 * - `all`: every rule at its default.
 * Deprecated rules are off in every preset.
 */
export function presetSeverity(preset: PresetName, rule: Rule): SeverityName {
  const { meta } = rule;
  if (meta.deprecated) return 'off';
  switch (preset) {
    case 'recommended':
      return meta.kind === 'exact' || meta.recommended === true ? meta.defaultSeverity : 'off';
    case 'strict':
      return raise(meta.defaultSeverity);
    case 'all':
      return meta.defaultSeverity;
  }
}

/** Rule settings of a preset. */
export function presetRules(preset: PresetName, rules: readonly Rule[] = allRules): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const rule of rules) {
    out[rule.meta.id] = { severity: presetSeverity(preset, rule), options: { ...(rule.defaultOptions ?? {}) } };
  }
  return out;
}
