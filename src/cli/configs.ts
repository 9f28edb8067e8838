import { UsageError } from './usage.js';

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
