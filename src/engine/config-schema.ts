/**
 * The config file format (配置文件: `jxlint.config.json` / `.jxlintrc.json`) and its validation with
 * zod: a wrong key or value is one `ConfigError` line naming the key, the file and what is allowed
 * (Chinese first, then English).
 */
import { z } from 'zod';
import { allRules } from '../../rules/index.js';
import type { PresetName } from './config-presets.js';
import type { LayoutPolicy, Locale, Rule, RuleOptionSpec, SeverityName } from './types.js';

export const SEVERITY_NAMES: readonly SeverityName[] = ['off', 'info', 'warn', 'error'];
export const LAYOUT_POLICIES: readonly LayoutPolicy[] = ['accept-legacy', 'require-2021'];
export const LOCALE_NAMES: readonly Locale[] = ['zh-CN', 'en'];
/** File names looked for, upward from the linted file, in this order. */
export const CONFIG_FILE_NAMES = ['jxlint.config.json', '.jxlintrc.json'] as const;

/** A rule entry as written: a severity, or [severity, options]. */
export type RuleEntry = SeverityName | [SeverityName] | [SeverityName, Record<string, unknown>];

/** The config file as written (every key optional). */
export interface FileConfig {
  $schema?: string;
  extends?: PresetName;
  rules?: Record<string, RuleEntry>;
  layout?: LayoutPolicy;
  locale?: Locale;
  /** IANA time zone of the times shown in reports (本地时间; xlsx, html), e.g. "Asia/Urumqi". */
  timeZone?: string;
  ignorePatterns?: string[];
  /** Per-file settings (按文件覆盖), ESLint flat-config style; later entries win. */
  overrides?: ConfigOverride[];
}

/**
 * One `overrides` entry: settings for the files whose path, relative to the config file's folder,
 * matches a `files` glob and no `ignores` glob.
 */
export interface ConfigOverride {
  files: string[];
  ignores?: string[];
  rules?: Record<string, RuleEntry>;
  layout?: LayoutPolicy;
  locale?: Locale;
}

/** Command-line overrides have the shape of a config file. */
export type ConfigOverrides = FileConfig;

export interface RuleSetting {
  severity: SeverityName;
  /** Options merged over the rule's defaults. */
  options: Record<string, unknown>;
}

/** A user-caused configuration problem: one line, Chinese first, then English. */
export class ConfigError extends Error {
  readonly code = 'config-error';
  constructor(
    /** The key that is wrong (`rules.foo`, `extends`), or '' for the file as a whole. */
    readonly key: string,
    /** The config file (or `命令行` / `command line`). */
    readonly file: string,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh}（${messageEn}）`);
    this.name = 'ConfigError';
  }
}

/** The `source` of command-line settings (in messages and `ResolvedConfig.sources`). */
export const COMMAND_LINE_SOURCE = '命令行';
const COMMAND_LINE = { zh: COMMAND_LINE_SOURCE, en: 'command line' };

function fileLabel(source: string | undefined): { zh: string; en: string } {
  if (!source || source === COMMAND_LINE.zh) return COMMAND_LINE;
  return { zh: `配置文件 ${source}`, en: `config ${source}` };
}

const TOP_KEYS = ['extends', 'rules', 'layout', 'locale', 'timeZone', 'ignorePatterns', 'overrides', '$schema'];
const OVERRIDE_KEYS = ['files', 'ignores', 'rules', 'layout', 'locale'];

/** Whether the runtime knows the IANA time zone name (Intl is in every runtime jxlint runs in). */
function isIanaTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const fileSchema = z
  .object({
    $schema: z.string().optional(),
    extends: z.enum(['recommended', 'strict', 'all']).optional(),
    rules: z.record(z.string(), z.unknown()).optional(),
    layout: z.enum(['accept-legacy', 'require-2021']).optional(),
    locale: z.enum(['zh-CN', 'en']).optional(),
    timeZone: z.string().refine(isIanaTimeZone).optional(),
    ignorePatterns: z.array(z.string()).optional(),
    overrides: z.array(z.unknown()).optional(),
  })
  .strict();

const globList = z.array(z.string().min(1));
const overrideSchema = z
  .object({
    files: globList.min(1),
    ignores: globList.optional(),
    rules: z.record(z.string(), z.unknown()).optional(),
    layout: z.enum(['accept-legacy', 'require-2021']).optional(),
    locale: z.enum(['zh-CN', 'en']).optional(),
  })
  .strict();

const ALLOWED_TOP: Record<string, { zh: string; en: string }> = {
  extends: { zh: '"recommended"、"strict" 或 "all"', en: '"recommended", "strict" or "all"' },
  rules: { zh: '对象 { 规则编号: 级别 或 [级别, 选项] }', en: 'an object { ruleId: severity or [severity, options] }' },
  layout: { zh: '"accept-legacy" 或 "require-2021"', en: '"accept-legacy" or "require-2021"' },
  locale: { zh: '"zh-CN" 或 "en"', en: '"zh-CN" or "en"' },
  timeZone: { zh: 'IANA 时区名称，如 "Asia/Shanghai"、"Asia/Urumqi"、"UTC"', en: 'an IANA time zone such as "Asia/Shanghai", "Asia/Urumqi" or "UTC"' },
  ignorePatterns: { zh: '字符串数组（glob 模式）', en: 'an array of glob strings' },
  overrides: { zh: '数组 [{ files: [glob…], rules: { … } }, …]', en: 'an array [{ files: [glob…], rules: { … } }, …]' },
  $schema: { zh: '字符串', en: 'a string' },
};

const ALLOWED_OVERRIDE: Record<string, { zh: string; en: string }> = {
  files: { zh: '非空的 glob 字符串数组（相对于配置文件所在目录）', en: "a non-empty array of globs (relative to the config file's folder)" },
  ignores: { zh: 'glob 字符串数组', en: 'an array of globs' },
  rules: ALLOWED_TOP.rules!,
  layout: ALLOWED_TOP.layout!,
  locale: ALLOWED_TOP.locale!,
};

const SEVERITY_ALLOWED = {
  zh: '"off"、"info"、"warn"、"error"，或 [级别, 选项]',
  en: '"off", "info", "warn", "error", or [severity, options]',
};

function optionAllowed(spec: RuleOptionSpec): { zh: string; en: string } {
  const range =
    spec.minimum !== undefined || spec.maximum !== undefined ? ` ${spec.minimum ?? '−∞'}–${spec.maximum ?? '∞'}` : '';
  switch (spec.type) {
    case 'number':
      return { zh: `数字${range}`, en: `a number${range}` };
    case 'integer':
      return { zh: `整数${range}`, en: `an integer${range}` };
    case 'boolean':
      return { zh: 'true 或 false', en: 'true or false' };
    case 'string[]':
      return spec.enum
        ? { zh: `由 ${spec.enum.map((e) => `"${e}"`).join('、')} 组成的数组`, en: `an array of ${spec.enum.map((e) => `"${e}"`).join(', ')}` }
        : { zh: '字符串数组', en: 'an array of strings' };
    case 'string':
      return spec.enum
        ? { zh: spec.enum.map((e) => `"${e}"`).join('、'), en: spec.enum.map((e) => `"${e}"`).join(', ') }
        : { zh: '字符串', en: 'a string' };
  }
}

function optionSchema(spec: RuleOptionSpec): z.ZodTypeAny {
  switch (spec.type) {
    case 'number':
    case 'integer': {
      let s = z.number();
      if (spec.type === 'integer') s = s.int();
      if (spec.minimum !== undefined) s = s.min(spec.minimum);
      if (spec.maximum !== undefined) s = s.max(spec.maximum);
      return s;
    }
    case 'boolean':
      return z.boolean();
    case 'string[]':
      return z.array(spec.enum && spec.enum.length > 0 ? z.enum(spec.enum as [string, ...string[]]) : z.string());
    case 'string':
      return spec.enum && spec.enum.length > 0 ? z.enum(spec.enum as [string, ...string[]]) : z.string();
  }
}

/** Edit distance, for "did you mean" on unknown rule ids. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** The id in `ids` nearest to a mistyped `id`, when it is near enough to suggest ("did you mean"). */
export function closestId(id: string, ids: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of ids) {
    const dd = distance(id, c);
    if (dd < bestD) {
      bestD = dd;
      best = c;
    }
  }
  return best !== null && bestD <= Math.max(3, Math.floor(id.length / 3)) ? best : null;
}

function describe(value: unknown): string {
  try {
    const s = JSON.stringify(value);
    return s === undefined ? String(value) : s.length > 40 ? `${s.slice(0, 37)}…` : s;
  } catch {
    return String(value);
  }
}

function invalid(source: string | undefined, key: string, value: unknown, allowed: { zh: string; en: string }): ConfigError {
  const f = fileLabel(source);
  return new ConfigError(
    key,
    source ?? COMMAND_LINE.zh,
    `${f.zh}：键 "${key}" 的值 ${describe(value)} 无效；允许的值：${allowed.zh}`,
    `${f.en}: invalid value ${describe(value)} for "${key}"; allowed: ${allowed.en}`,
  );
}

function validateRuleEntry(
  id: string,
  entry: unknown,
  rule: Rule,
  source: string | undefined,
  key = `rules.${id}`,
): RuleEntry {
  const isSeverity = (v: unknown): v is SeverityName => typeof v === 'string' && SEVERITY_NAMES.includes(v as SeverityName);
  if (isSeverity(entry)) return entry;
  if (!Array.isArray(entry) || entry.length < 1 || entry.length > 2 || !isSeverity(entry[0])) {
    throw invalid(source, key, entry, SEVERITY_ALLOWED);
  }
  if (entry.length === 1) return [entry[0]];
  const options = entry[1];
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalid(source, `${key}[1]`, options, { zh: '选项对象', en: 'an options object' });
  }
  const specs = rule.optionsSchema ?? {};
  const f = fileLabel(source);
  for (const [name, v] of Object.entries(options)) {
    const spec = specs[name];
    if (!spec) {
      const names = Object.keys(specs);
      throw new ConfigError(
        `${key}[1].${name}`,
        source ?? COMMAND_LINE.zh,
        `${f.zh}：规则 ${id} 没有选项 "${name}"；${names.length ? `可用选项：${names.join('、')}` : '该规则不接受选项'}`,
        `${f.en}: rule ${id} has no option "${name}"; ${names.length ? `options: ${names.join(', ')}` : 'the rule takes no options'}`,
      );
    }
    if (!optionSchema(spec).safeParse(v).success) throw invalid(source, `${key}[1].${name}`, v, optionAllowed(spec));
  }
  return [entry[0], options as Record<string, unknown>];
}

/**
 * Validates a config object (parsed JSON) and returns it typed. Throws `ConfigError` naming the
 * first wrong key, the file (`source`) and what is allowed. Unknown rule ids are errors.
 */
export function validateConfig(input: unknown, source?: string, rules: readonly Rule[] = allRules): FileConfig {
  const f = fileLabel(source);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigError(
      '',
      source ?? COMMAND_LINE.zh,
      `${f.zh}：内容必须是一个 JSON 对象；请写成 { "extends": "recommended", "rules": { … } }`,
      `${f.en}: must be a JSON object such as { "extends": "recommended", "rules": { … } }`,
    );
  }
  const parsed = fileSchema.safeParse(input);
  if (!parsed.success) throw schemaError(parsed.error.issues[0]!, input as Record<string, unknown>, '', TOP_KEYS, ALLOWED_TOP, source);
  const config = parsed.data as FileConfig & { rules?: Record<string, unknown>; overrides?: unknown[] };
  if (config.rules) config.rules = validateRules(config.rules, 'rules', source, rules);
  if (config.overrides) config.overrides = config.overrides.map((entry, i) => validateOverride(entry, `overrides[${i}]`, source, rules));
  return config as FileConfig;
}

/** The `ConfigError` for the first zod issue of an object at `prefix` (`''` or `overrides[0]`). */
function schemaError(
  issue: z.ZodIssue,
  input: Record<string, unknown>,
  prefix: string,
  keys: readonly string[],
  allowed: Record<string, { zh: string; en: string }>,
  source: string | undefined,
): ConfigError {
  const f = fileLabel(source);
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  if (issue.code === 'unrecognized_keys') {
    const keyName = at(issue.keys[0]!);
    return new ConfigError(
      keyName,
      source ?? COMMAND_LINE.zh,
      `${f.zh}：未知的键 "${keyName}"；允许的键：${keys.join('、')}`,
      `${f.en}: unknown key "${keyName}"; allowed keys: ${keys.join(', ')}`,
    );
  }
  const top = String(issue.path[0] ?? '');
  const key = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
  return invalid(source, at(key || top), input[top], allowed[top] ?? { zh: '见文档', en: 'see the docs' });
}

/** Validates `{ ruleId: entry }` at `prefix` (`rules`, `overrides[0].rules`). Unknown rule ids are errors. */
function validateRules(
  entries: Record<string, unknown>,
  prefix: string,
  source: string | undefined,
  rules: readonly Rule[],
): Record<string, RuleEntry> {
  const f = fileLabel(source);
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const out: Record<string, RuleEntry> = {};
  for (const [id, entry] of Object.entries(entries)) {
    const key = `${prefix}.${id}`;
    const rule = byId.get(id);
    if (!rule) {
      const hint = closestId(id, [...byId.keys()]);
      throw new ConfigError(
        key,
        source ?? COMMAND_LINE.zh,
        `${f.zh}：未知的规则 "${id}"（键 ${key}）；${hint ? `是否想写 ${hint}？` : ''}请使用 jxlint rules 列出的规则编号`,
        `${f.en}: unknown rule "${id}" (key ${key}); ${hint ? `did you mean ${hint}? ` : ''}use an id listed by jxlint rules`,
      );
    }
    out[id] = validateRuleEntry(id, entry, rule, source, key);
  }
  return out;
}

/** Validates one `overrides` entry (its key is `overrides[i]`). */
function validateOverride(entry: unknown, key: string, source: string | undefined, rules: readonly Rule[]): ConfigOverride {
  const f = fileLabel(source);
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw invalid(source, key, entry, { zh: '对象 { "files": [glob…], "rules": { … } }', en: 'an object { "files": [glob…], "rules": { … } }' });
  }
  if (!('files' in entry)) {
    throw new ConfigError(
      `${key}.files`,
      source ?? COMMAND_LINE.zh,
      `${f.zh}：${key} 缺少 "files"；请写成 { "files": ["**/*.docx"], "rules": { … } }`,
      `${f.en}: ${key} has no "files"; write it as { "files": ["**/*.docx"], "rules": { … } }`,
    );
  }
  const parsed = overrideSchema.safeParse(entry);
  if (!parsed.success) throw schemaError(parsed.error.issues[0]!, entry as Record<string, unknown>, key, OVERRIDE_KEYS, ALLOWED_OVERRIDE, source);
  const override = parsed.data as ConfigOverride & { rules?: Record<string, unknown> };
  if (override.rules) override.rules = validateRules(override.rules, `${key}.rules`, source, rules);
  return override as ConfigOverride;
}
