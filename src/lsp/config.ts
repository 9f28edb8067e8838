/**
 * The configuration the server lints with (配置): the client's settings (initializationOptions and
 * the `jxlint` section of workspace/configuration), the workspace's jxlint.config.json /
 * .jxlintrc.json (nearest above each file, re-read when it changes), .jxlintignore and the config's
 * ignorePatterns, per-file `overrides`, and the baseline file. A config file that cannot be used is
 * reported once and the last good version of it stays in force.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  applyBaseline,
  ConfigError,
  configForFile,
  createBaseline,
  parseBaseline,
  resolveConfig,
  type Baseline,
  type FileConfig,
  type LintMessage,
  type LintResult,
  type Locale,
  type PresetName,
  type ResolvedConfig,
} from '../index.js';
import { findConfigFile, loadConfigFile } from '../node/config-files.js';
import { IgnoreMatcher, loadIgnoreFile } from '../node/discover.js';

export type RunMode = 'onType' | 'onSave';

/** The client's settings (`jxlint.locale`, `jxlint.preset`, `jxlint.run`, `jxlint.baseline`). */
export interface ClientSettings {
  locale: Locale | null;
  preset: PresetName | null;
  run: RunMode;
  /** Baseline file, absolute or relative to the first workspace folder. */
  baseline: string | null;
}

export const DEFAULT_SETTINGS: ClientSettings = { locale: null, preset: null, run: 'onType', baseline: null };

/** The baseline file used when `jxlint.baseline` is not set (in the first workspace folder). */
export const DEFAULT_BASELINE_NAME = 'jxlint-baseline.json';

/**
 * Reads settings from `{ jxlint: {...} }`, `{ locale, preset, ... }` or dotted keys
 * (`{ "jxlint.locale": "en" }`); unknown or wrong values are ignored and named in `problems`.
 */
export function readSettings(raw: unknown, problems: string[] = []): ClientSettings {
  const settings: ClientSettings = { ...DEFAULT_SETTINGS };
  if (typeof raw !== 'object' || raw === null) return settings;
  const obj = raw as Record<string, unknown>;
  const section = typeof obj.jxlint === 'object' && obj.jxlint !== null ? (obj.jxlint as Record<string, unknown>) : obj;
  const get = (key: string): unknown => section[key] ?? obj[`jxlint.${key}`];
  const pick = <T extends string>(key: string, allowed: readonly T[]): T | undefined => {
    const v = get(key);
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    problems.push(`jxlint.${key} 的值 ${JSON.stringify(v)} 无效，允许 ${allowed.join(' | ')}（invalid jxlint.${key}; allowed ${allowed.join(' | ')}）`);
    return undefined;
  };
  settings.locale = pick('locale', ['zh-CN', 'en'] as const) ?? null;
  settings.preset = pick('preset', ['recommended', 'strict', 'all'] as const) ?? null;
  settings.run = pick('run', ['onType', 'onSave'] as const) ?? 'onType';
  const baseline = get('baseline');
  settings.baseline = typeof baseline === 'string' && baseline.trim() !== '' ? baseline : null;
  return settings;
}

interface LoadedConfig {
  config: FileConfig;
  /** The config's ignorePatterns, relative to its folder. */
  ignore: IgnoreMatcher | null;
}

interface ConfigFileState {
  /** The last version that loaded without error (null: none yet, the defaults apply). */
  good: LoadedConfig | null;
  error: ConfigError | null;
  mtimeMs: number;
}

/** Reads and validates a config file (the Node edge's loader; `overrides` included). */
function loadConfig(file: string): LoadedConfig {
  const config = loadConfigFile(file);
  const ignore = config.ignorePatterns && config.ignorePatterns.length > 0 ? new IgnoreMatcher(path.dirname(file)).add(config.ignorePatterns) : null;
  return { config, ignore };
}

/** Problems with a config or baseline file, for the server to show (null: the file is fine again). */
export type ProblemListener = (file: string, error: Error | null) => void;

export class WorkspaceConfig {
  private settings: ClientSettings = { ...DEFAULT_SETTINGS };
  private readonly files = new Map<string, ConfigFileState>();
  private readonly configFileByDir = new Map<string, string | null>();
  private readonly resolved = new Map<string, ResolvedConfig>();
  private rootIgnores: { root: string; matcher: IgnoreMatcher }[] | null = null;
  private baselineState: { file: string; mtimeMs: number; baseline: Baseline | null } | null = null;
  /** Bumped whenever anything that changes lint results changes. */
  generation = 0;

  constructor(
    private roots: string[],
    private readonly onProblem: ProblemListener,
  ) {}

  get clientSettings(): ClientSettings {
    return this.settings;
  }

  setSettings(settings: ClientSettings): void {
    this.settings = settings;
    this.invalidate();
  }

  setRoots(roots: string[]): void {
    this.roots = roots;
    this.invalidate();
  }

  get workspaceRoots(): readonly string[] {
    return this.roots;
  }

  /** Forget everything read from disk (a config, ignore or baseline file changed). */
  invalidate(): void {
    this.configFileByDir.clear();
    this.resolved.clear();
    this.rootIgnores = null;
    this.baselineState = null;
    for (const state of this.files.values()) state.mtimeMs = -1;
    this.generation++;
  }

  /** The config file that applies to a file (nearest above it), or null. */
  configFileFor(filePath: string): string | null {
    const dir = path.dirname(filePath);
    let found = this.configFileByDir.get(dir);
    if (found === undefined) {
      found = findConfigFile(dir);
      this.configFileByDir.set(dir, found);
    }
    return found;
  }

  private load(file: string): LoadedConfig | null {
    let state = this.files.get(file);
    let mtimeMs = -2;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      // reported by the loader
    }
    if (state && state.mtimeMs === mtimeMs) return state.good;
    if (!state) {
      state = { good: null, error: null, mtimeMs };
      this.files.set(file, state);
    }
    state.mtimeMs = mtimeMs;
    try {
      state.good = loadConfig(file);
      if (state.error) this.onProblem(file, null);
      state.error = null;
    } catch (e) {
      const error = e instanceof ConfigError ? e : new ConfigError('', file, `配置文件 ${file} 无法使用（${String(e)}）`, `config ${file} cannot be used (${String(e)})`);
      const changed = state.error?.message !== error.message;
      state.error = error;
      if (changed) this.onProblem(file, error);
    }
    return state.good;
  }

  /** Config files that currently fail to load. */
  brokenConfigs(): { file: string; error: ConfigError }[] {
    return [...this.files].filter(([, s]) => s.error).map(([file, s]) => ({ file, error: s.error! }));
  }

  /** The config for a file: its config file (last good version) over the client's preset, with the file's `overrides` applied. */
  configFor(filePath: string): ResolvedConfig {
    return configForFile(this.runConfigFor(filePath), filePath);
  }

  /** The config before the file's `overrides` (the batch worker applies them itself). */
  runConfigFor(filePath: string): ResolvedConfig {
    const file = this.configFileFor(filePath);
    const loaded = file ? this.load(file) : null;
    const key = `${file ?? ''}\u0000${this.settings.preset ?? ''}\u0000${this.generation}`;
    let resolved = this.resolved.get(key);
    if (!resolved) {
      const base: FileConfig = { ...(loaded?.config ?? {}) };
      if (!base.extends && this.settings.preset) base.extends = this.settings.preset;
      try {
        resolved = resolveConfig(base, undefined, file ? { source: file } : {});
      } catch {
        resolved = resolveConfig(undefined);
      }
      this.resolved.set(key, resolved);
    }
    return resolved;
  }

  /** Message language: the client's setting, else the config's. */
  localeFor(filePath: string): Locale {
    return this.settings.locale ?? this.configFor(filePath).locale;
  }

  /** The language of server messages not tied to one file. */
  get locale(): Locale {
    return this.settings.locale ?? 'zh-CN';
  }

  /** Whether .jxlintignore (of the workspace folder) or the config's ignorePatterns exclude a file. */
  ignores(filePath: string): boolean {
    if (!this.rootIgnores) {
      this.rootIgnores = [];
      for (const root of this.roots) {
        try {
          this.rootIgnores.push({ root, matcher: new IgnoreMatcher(root).add(loadIgnoreFile(root)) });
        } catch (e) {
          this.onProblem(path.join(root, '.jxlintignore'), e as Error);
        }
      }
    }
    if (this.rootIgnores.some((r) => r.matcher.ignores(filePath))) return true;
    const file = this.configFileFor(filePath);
    const loaded = file ? this.load(file) : null;
    return loaded?.ignore?.ignores(filePath) ?? false;
  }

  /** The baseline file path (setting, else jxlint-baseline.json in the first workspace folder). */
  baselineFile(): string | null {
    const root = this.roots[0] ?? null;
    if (this.settings.baseline) return path.resolve(root ?? process.cwd(), this.settings.baseline);
    return root ? path.join(root, DEFAULT_BASELINE_NAME) : null;
  }

  /** The baseline in force, or null (no file, or a broken one — reported). */
  baseline(): Baseline | null {
    const file = this.baselineFile();
    if (!file) return null;
    let mtimeMs = -1;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      mtimeMs = -1;
    }
    if (this.baselineState && this.baselineState.file === file && this.baselineState.mtimeMs === mtimeMs) return this.baselineState.baseline;
    let baseline: Baseline | null = null;
    if (mtimeMs >= 0) {
      try {
        baseline = parseBaseline(JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')), file);
        if (this.baselineState?.baseline === null && this.baselineState.mtimeMs >= 0) this.onProblem(file, null);
      } catch (e) {
        const message =
          e instanceof SyntaxError
            ? `基线文件 ${file} 不是有效的 JSON（${e.message}）；请修正或删除后重新生成（baseline ${file} is not valid JSON）`
            : (e as Error).message;
        this.onProblem(file, new Error(message));
      }
    }
    this.baselineState = { file, mtimeMs, baseline };
    return baseline;
  }

  /** A result with the baseline's accepted findings removed. */
  applyBaseline(result: LintResult): LintResult {
    const baseline = this.baseline();
    if (!baseline || baseline.entries.length === 0) return result;
    return applyBaselineTo(result, baseline);
  }
}

function applyBaselineTo(result: LintResult, baseline: Baseline): LintResult {
  return applyBaseline([result], baseline)[0]!;
}

/** The baseline with one more accepted finding (entries merged and sorted by the library). */
export function baselineWith(existing: Baseline | null, accepted: Pick<LintMessage, 'fingerprint' | 'ruleId' | 'projectCode' | 'role' | 'found' | 'level3'>): Baseline {
  const messages: Partial<LintMessage>[] = [];
  for (const e of existing?.entries ?? []) {
    for (let i = 0; i < e.count; i++) {
      messages.push({ fingerprint: e.fingerprint, ruleId: e.ruleId, projectCode: e.projectCode, role: e.role as LintMessage['role'], found: e.found, level3: e.level3 ?? null, messageId: '' });
    }
  }
  messages.push({ ...accepted, messageId: '' });
  return createBaseline([{ messages } as unknown as LintResult]);
}

/** Whether a file exists (config and baseline writers). */
export function fileExists(file: string): boolean {
  return existsSync(file);
}
