/**
 * `jxlint init [--preset NAME] [--force]` (生成配置): writes a starter `jxlint.config.json` and,
 * beside it, `jxlint.schema.json` — the JSON Schema the config's `$schema` points at, so editors
 * (VS Code, WebStorm, Neovim with jsonls) complete rule ids, severities and options and explain each
 * key on hover. JSON has no comments: the explanations are the schema's descriptions, and the
 * command prints what each key does.
 *
 * The schema is built from the rule registry (ids, default severities, option specs) and the
 * config's keys as the engine validates them (src/engine/config-schema.ts); a test checks that it
 * accepts every valid config of the test suite and rejects what the engine rejects.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getRule, ruleSummaries, type Locale } from '../index.js';
import type { CliIO } from './io.js';
import { UsageError } from './usage.js';

export const CONFIG_FILE = 'jxlint.config.json';
export const SCHEMA_FILE = 'jxlint.schema.json';
const PRESETS = ['recommended', 'strict', 'all'] as const;
type Preset = (typeof PRESETS)[number];

type JsonSchema = Record<string, unknown>;

function optionSchema(spec: { type: string; minimum?: number; maximum?: number; enum?: string[]; description: string; descriptionEn: string }): JsonSchema {
  const description = `${spec.description}（${spec.descriptionEn}）`;
  if (spec.type === 'string[]') return { type: 'array', items: { type: 'string' }, description };
  return {
    type: spec.type,
    description,
    ...(spec.minimum !== undefined ? { minimum: spec.minimum } : {}),
    ...(spec.maximum !== undefined ? { maximum: spec.maximum } : {}),
    ...(spec.enum ? { enum: spec.enum } : {}),
  };
}

/** The JSON Schema of a jxlint config file (draft-07: what editors' JSON language servers read). */
export function configJsonSchema(): JsonSchema {
  const severity = { enum: ['off', 'info', 'warn', 'error'], description: '级别：off 关闭，info 提示，warn 警告，error 错误（severity）' };
  const rules: Record<string, JsonSchema> = {};
  const en = new Map(ruleSummaries('en').map((r) => [r.id, r.description]));
  for (const rule of ruleSummaries('zh-CN')) {
    const specs = getRule(rule.id)?.optionsSchema ?? {};
    const options: JsonSchema = {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, optionSchema(spec)])),
    };
    rules[rule.id] = {
      description: `${rule.description}（${en.get(rule.id) ?? ''}）。默认 ${rule.severity}；jxlint explain ${rule.id}`,
      oneOf: [severity, { type: 'array', minItems: 1, maxItems: 2, items: [severity, options], additionalItems: false }],
    };
  }
  const rulesObject = { type: 'object', description: '规则级别与选项（rule severities and options）', properties: rules, additionalProperties: false };
  const layout = { enum: ['accept-legacy', 'require-2021'], description: '版式要求：accept-legacy 接受旧版式，require-2021 只接受 2021 年起的版式（layout policy）' };
  const locale = { enum: ['zh-CN', 'en'], description: '消息语言（language of the messages）' };
  // The JSON Schema checks the shape; jxlint checks the name against the runtime's time zone database.
  const timeZone = {
    type: 'string',
    pattern: '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$',
    examples: ['Asia/Shanghai', 'Asia/Urumqi', 'UTC'],
    description: '报告（xlsx、html）中时间所用的时区，IANA 名称；默认 Asia/Shanghai，--time-zone 优先（time zone of the times in reports）',
  };
  const globs = { type: 'array', items: { type: 'string', minLength: 1 } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'jxlint 配置（jxlint config）',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: '本文件的 JSON Schema，供编辑器补全和检查（the schema editors use）' },
      extends: { enum: [...PRESETS], description: '预设：recommended 精确规则，strict 全部规则并提高一级，all 全部规则（preset）' },
      rules: rulesObject,
      layout,
      locale,
      timeZone,
      ignorePatterns: { ...globs, description: '不检查的文件（gitignore 语法，相对于本文件所在目录）（files to ignore）' },
      overrides: {
        type: 'array',
        description: '对部分文件另设规则（per-file settings）',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: {
            files: { ...globs, minItems: 1, description: '适用的文件（glob，相对于本文件所在目录）' },
            ignores: { ...globs, description: '从 files 中排除的文件' },
            rules: rulesObject,
            layout,
            locale,
          },
        },
      },
    },
  };
}

/** The starter config: valid as it is (the engine's schema is strict, so no comment keys). */
export function starterConfig(preset: Preset = 'recommended', locale: Locale = 'zh-CN'): Record<string, unknown> {
  return { $schema: `./${SCHEMA_FILE}`, extends: preset, locale, ignorePatterns: [], rules: {} };
}

const EXPLANATION = [
  '# 各项的含义（JSON 不能写注释；编辑器会根据 $schema 补全并在悬停时显示说明）',
  '#   extends         预设：recommended（默认，精确规则）、strict、all',
  '#   locale          消息语言 zh-CN | en',
  '#   timeZone        报告中时间的时区（可选），如 "Asia/Urumqi"；默认 Asia/Shanghai（或环境变量 TZ）',
  '#   ignorePatterns  不检查的文件，gitignore 语法，如 ["草稿/**"]',
  '#   rules           规则级别，如 { "value-missing-unit": "off", "satisfaction-threshold-low": ["warn", { "min": 90 }] }',
  '#   overrides       对部分文件另设规则，如 [{ "files": ["社保局/**"], "rules": { … } }]',
  '# jxlint rules 列出全部规则，jxlint explain <规则> 查看说明，jxlint --print-config 文件 查看生效的配置。',
];

export function runInit(options: { preset?: Preset; force?: boolean; locale?: Locale }, io: CliIO): number {
  const configPath = path.join(io.cwd, CONFIG_FILE);
  if (existsSync(configPath) && !options.force) {
    throw new UsageError(`${CONFIG_FILE} 已存在：要覆盖请加 --force`, `${CONFIG_FILE} already exists; use --force to overwrite it`, false);
  }
  mkdirSync(io.cwd, { recursive: true });
  writeFileSync(path.join(io.cwd, SCHEMA_FILE), JSON.stringify(configJsonSchema(), null, 2) + '\n');
  writeFileSync(configPath, JSON.stringify(starterConfig(options.preset, options.locale), null, 2) + '\n');
  io.stderr(`已写入 ${CONFIG_FILE}（wrote ${CONFIG_FILE}）`);
  io.stderr(`已写入 ${SCHEMA_FILE}（wrote ${SCHEMA_FILE}）`);
  io.stdout(EXPLANATION.join('\n'));
  return 0;
}

export { PRESETS };
