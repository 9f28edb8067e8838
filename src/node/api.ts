/**
 * The Node API of a batch (批量检查的 Node 接口), shaped like ESLint's `ESLint#lintFiles`: find the
 * files, resolve each one's config, lint them on the worker pool, and get the results back in path
 * order — as an array, one at a time through an async iterator or `onResult`, or written straight
 * into reports. The CLI is argument parsing and output around these functions.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  acceptAll,
  BaselineFilter,
  BaselineRecorder,
  configForFile,
  parseBaseline,
  type Baseline,
  type FileConfig,
  type LintResult,
  type Locale,
  type ResolvedConfig,
} from '../index.js';
import { discoverFiles as expandInputs, IgnoreMatcher, InputError, loadIgnoreFile, parseShard, selectShard, type InputFile, type Shard } from './discover.js';
import { DEFAULT_MAX_FILE_SIZE } from '../node.js';
import { unreadableFolderFailure } from './read-input.js';
import { cachedOutcome, CachedResult, contentHash, DEFAULT_CACHE_LOCATION, LintCache, sha256 } from './cache.js';
import { toolVersion } from './version.js';
import { autoConcurrency, DEFAULT_WORKER_MEMORY_MB, lintFiles as lintOnPool, RunStopped, workWeight } from './lint-files.js';
import { ReportWriter, type ReportOptions, type ReportOutput, type ReportTotals } from './reports.js';
import { RunConfigs } from './run-configs.js';
import { canSpool, canSpoolChunks, DEFAULT_BOUNDED_LINT_THRESHOLD, readSpooledPiece } from './lint-bounded.js';
import { isInternalFailure, lintAndRender, lintOneFile, renderOutcome, type LintFileTask, type LintOutcome, type LintRunSettings } from './worker.js';

/** Which files, and how each one's config is found. */
export interface DiscoverFilesOptions {
  /** Patterns, paths and reports are relative to it (default: process.cwd()). */
  cwd?: string;
  /** A config file (relative to `cwd`) or a config object for every file; default: the nearest jxlint.config.json above each file. */
  config?: string | FileConfig;
  /** false: do not search for config files (the defaults, or `config`). */
  configLookup?: boolean;
  /** Rule overrides, as `--rule`: `{ 'value-missing-unit': 'off', 'satisfaction-threshold-low': ['warn', { min: 90 }] }`. */
  rules?: Record<string, unknown>;
  /** The language of the messages (overrides the configs'). */
  locale?: Locale;
  /** The preset every config extends instead of its own (`--preset`: recommended, strict, all). */
  preset?: 'recommended' | 'strict' | 'all';
  /** Extensions searched for in folders (default docx, doc, txt, htm, html, xlsx, xlsm). */
  extensions?: readonly string[];
  /** false: no `.jxlintignore`, `ignorePatterns` or config `ignorePatterns` (`--no-ignore`). */
  ignore?: boolean;
  /** gitignore-style patterns relative to `cwd` (`--ignore-pattern`). */
  ignorePatterns?: readonly string[];
  /** false: an input that matches nothing is not an error. */
  errorOnUnmatchedPattern?: boolean;
  /** Only shard k of n (`{ index: k, count: n }` or `"k/n"`): every n-th file of the sorted list. */
  shard?: Shard | string;
  /** Lint these bytes (standard input) instead of files; `filePath` names them for config and ignore lookup. */
  stdin?: { bytes: Uint8Array; filePath?: string };
}

/** One file of a run, in path order. */
export interface LintTarget {
  /** Absolute path (`<stdin>` for unnamed standard input). */
  filePath: string;
  /** Relative to `cwd`, forward slashes. */
  relativePath: string;
  /** Matched by an ignore pattern although named explicitly: reported as skipped, not read. */
  skipped: boolean;
  /** The config that applies to this file. */
  config: ResolvedConfig;
}

export interface LintFilesOptions extends DiscoverFilesOptions {
  /** Worker processes: 'auto' (default: one per ~6 MiB of .docx-equivalent work, at most one per core) or a number (1: in-process). */
  concurrency?: number | 'auto';
  /** Findings already accepted (a baseline object or the path of a baseline file) are left out. */
  baseline?: Baseline | string;
  /** Keep the parsed document on each result (the html report renders tables from it). */
  keepDocument?: boolean;
  docxReader?: 'stream' | 'mammoth';
  /** Refuse files larger than this many bytes (default 64 MiB). */
  maxFileSize?: number;
  /** Refuse .docx files that inflate to more than this many bytes. */
  maxInflatedSize?: number;
  /** Called with each result in path order (awaited before the next). */
  onResult?: (result: LintResult, index: number, total: number) => void | Promise<void>;
  /** Called as each file finishes (in completion order), for a progress display. */
  onProgress?: (done: number, total: number) => void;
  /** The compiled worker module (default: worker.js beside lint-files.js). */
  workerFile?: string | URL;
  /**
   * `--cache`: keep each file's result keyed on its content hash, its resolved config and the
   * jxlint version, and reuse it when none changed (not with standard input, nor with keepDocument).
   */
  cache?: boolean;
  /** The cache file (`--cache-location`, relative to `cwd`; default `.jxlintcache`). */
  cacheLocation?: string;
  /** One-line warnings of the run (a cache file that cannot be used); default: standard error. */
  onWarning?: (line: string) => void;
  /**
   * Heap cap of each worker process in bytes (`--max-worker-memory`, default 2 GiB): a file that needs
   * more gets an `out-of-memory` result and the process is replaced. Not enforced in-process (concurrency 1).
   */
  maxWorkerMemory?: number;
  /** Time limit per file in ms on worker processes (`--time-limit`, default 120,000; 0: none): a `time-limit` result. */
  timeLimit?: number;
  /** Stops the run (Ctrl-C): no new file starts, the worker processes stop, and the call throws `RunInterrupted`. */
  signal?: AbortSignal;
}

/**
 * A run stopped by its signal (运行被中断) before every file was checked: `done` of `total` results
 * had been passed on. Reports written to files are not written (earlier ones stay as they were).
 */
export class RunInterrupted extends Error {
  constructor(
    /** The abort reason: the signal's name ('SIGINT', 'SIGTERM') when the CLI stopped the run. */
    readonly reason: string,
    readonly done: number,
    readonly total: number,
  ) {
    super(`interrupted (${reason}) after ${done} of ${total} files`);
    this.name = 'RunInterrupted';
  }
}

function reasonOf(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason;
  if (typeof reason === 'string') return reason;
  if (reason instanceof Error && reason.name !== 'AbortError') return reason.message;
  return 'abort';
}

/** A plan: the configs of the run and one task per file (what the worker pool runs). */
interface Plan {
  configs: RunConfigs;
  targets: LintTarget[];
  tasks: LintFileTask[];
  stdinBytes?: Uint8Array;
}

function toShard(shard: Shard | string | undefined): Shard | null {
  if (shard === undefined) return null;
  return typeof shard === 'string' ? parseShard(shard) : shard;
}

function configOverrides(options: DiscoverFilesOptions): Record<string, unknown> | undefined {
  const overrides: Record<string, unknown> = {};
  if (options.rules && Object.keys(options.rules).length > 0) overrides.rules = options.rules;
  if (options.locale) overrides.locale = options.locale;
  if (options.preset) overrides.extends = options.preset;
  return Object.keys(overrides).length > 0 ? overrides : undefined;
}

/** The run's configs; an explicit config file that does not exist is a one-line InputError. */
function runConfigs(options: DiscoverFilesOptions, cwd: string): RunConfigs {
  const configs = new RunConfigs(cwd, configOverrides(options), options.config, options.configLookup !== false);
  if (typeof options.config === 'string' && !existsSync(path.resolve(cwd, options.config))) {
    throw new InputError('config-not-found', `配置文件 ${options.config} 不存在：请检查 --config 的路径`, `config ${options.config} does not exist; check --config`);
  }
  return configs;
}

/** Checks the options that need no file (shard, explicit config); then `discover` finds the files. */
function begin(options: DiscoverFilesOptions): { cwd: string; discover: (patterns: readonly string[]) => Promise<Plan> } {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const shard = toShard(options.shard);
  const configs = runConfigs(options, cwd);
  return { cwd, discover: (patterns) => plan(patterns, cwd, shard, configs, options) };
}

async function plan(patterns: readonly string[], cwd: string, shard: Shard | null, configs: RunConfigs, options: DiscoverFilesOptions): Promise<Plan> {
  const useIgnore = options.ignore !== false;
  const stdin = options.stdin;
  let files: InputFile[];
  if (stdin) {
    const name = stdin.filePath ? path.resolve(cwd, stdin.filePath) : '<stdin>';
    files = [{ path: name, relativePath: stdin.filePath ?? '<stdin>', explicit: true, ignored: false }];
    if (useIgnore && stdin.filePath) {
      // The same ignore rules as a file of that name (so an editor piping an ignored file sees nothing).
      const matcher = new IgnoreMatcher(cwd).add(loadIgnoreFile(cwd)).add(options.ignorePatterns ?? []);
      files[0]!.ignored = matcher.ignores(name);
    }
  } else {
    files = await expandInputs(patterns, {
      cwd,
      extensions: options.extensions,
      ignorePatterns: options.ignorePatterns,
      useIgnore,
      errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
    });
  }
  const unnamedStdin = stdin !== undefined && !stdin.filePath;
  const all: { task: LintFileTask; relativePath: string }[] = [];
  for (const file of files) {
    const configIndex = unnamedStdin ? configs.indexFor(cwd, true) : configs.indexFor(file.path);
    let skipped = file.ignored;
    if (useIgnore && !skipped && !unnamedStdin && configs.ignores(configIndex, file.path)) {
      if (!file.explicit) continue; // found by searching a folder: leave it out, as .jxlintignore does
      skipped = true;
    }
    const failure = file.unreadableFolder ? { failure: unreadableFolderFailure(file.unreadableFolder) } : {};
    all.push({ task: { filePath: file.path, configIndex, ...(skipped ? { skipped: true } : {}), ...failure }, relativePath: file.relativePath });
  }
  const chosen = selectShard(all, shard);
  const targets = chosen.map(
    ({ task, relativePath }): LintTarget => ({
      filePath: task.filePath,
      relativePath,
      skipped: task.skipped === true,
      config: configForFile(configs.configs[task.configIndex]!, task.filePath),
    }),
  );
  return { configs, targets, tasks: chosen.map((c) => c.task), stdinBytes: stdin?.bytes };
}

/**
 * The files a run would lint, in path order, each with its config: inputs expanded (files,
 * folders, globs), ignore files and patterns applied (an explicitly named ignored file is kept as
 * skipped), the shard taken. Throws a one-line InputError or ConfigError on a user error.
 */
export async function discoverFiles(patterns: readonly string[], options: DiscoverFilesOptions = {}): Promise<LintTarget[]> {
  return (await begin(options).discover(patterns)).targets;
}

/** The config that applies to a file or folder (`--print-config`). */
export function configForPath(target: string, options: DiscoverFilesOptions = {}): ResolvedConfig {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const configs = runConfigs(options, cwd);
  const absolute = path.resolve(cwd, target);
  let isDirectory = false;
  try {
    isDirectory = statSync(absolute).isDirectory();
  } catch {
    isDirectory = false;
  }
  return configForFile(configs.configs[configs.indexFor(absolute, isDirectory)]!, absolute);
}

/** Reads a baseline file; a missing, unreadable or malformed one is a one-line InputError. */
export async function readBaselineFile(file: string, cwd = process.cwd()): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
    if (code === 'ENOENT') {
      throw new InputError('bad-baseline', `基线文件 ${file} 不存在：先用 --baseline ${file} --update-baseline 生成`, `baseline ${file} does not exist; create it with --update-baseline`);
    }
    throw new InputError('bad-baseline', `无法读取基线文件 ${file}（${code}）`, `cannot read the baseline ${file} (${code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new InputError('bad-baseline', `基线文件 ${file} 不是有效的 JSON：请用 --update-baseline 重新生成`, `baseline ${file} is not valid JSON; regenerate it with --update-baseline`);
  }
  try {
    return parseBaseline(json, file);
  } catch (e) {
    throw new InputError('bad-baseline', (e as Error).message, '');
  }
}

/** A run in progress: what the pool needs, and what happens to each result in order. */
interface Run {
  plan: Plan;
  settings: LintRunSettings;
  /** Applied to each result in path order before anyone sees it (the baseline). */
  transform?: (result: LintResult) => LintResult;
  /** The run's private folder where worker processes may leave the pieces they render (the report writer's; made on first use). */
  piecesDir?: () => string;
}

async function prepare(patterns: readonly string[], options: LintFilesOptions, baselineFilter: boolean): Promise<Run> {
  const { cwd, discover } = begin(options);
  const baseline = baselineFilter && options.baseline !== undefined ? (typeof options.baseline === 'string' ? await readBaselineFile(options.baseline, cwd) : options.baseline) : null;
  const p = await discover(patterns);
  const settings: LintRunSettings = {
    configs: p.configs.configs,
    locale: options.locale,
    keepDocument: options.keepDocument === true,
    docxReader: options.docxReader,
    maxFileSize: options.maxFileSize,
    maxInflatedSize: options.maxInflatedSize,
  };
  let transform: Run['transform'];
  if (baseline) {
    const filter = new BaselineFilter(baseline);
    transform = (r) => filter.apply(r);
  }
  return { plan: p, settings, transform };
}

/** JXLINT_BOUNDED_LINT_THRESHOLD (bytes; `off`): the threshold for the CLI, for tests and benchmarks. */
function boundedLintThresholdFromEnvironment(): number | undefined {
  const value = process.env.JXLINT_BOUNDED_LINT_THRESHOLD;
  if (value === undefined || value === '') return undefined;
  if (value === 'off') return Number.POSITIVE_INFINITY;
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Whether any file of the run is larger than `bytes` (unreadable files are not). */
function anyLargerThan(tasks: readonly LintFileTask[], bytes: number): boolean {
  if (!Number.isFinite(bytes)) return false;
  for (const task of tasks) {
    if (task.skipped || task.failure) continue;
    try {
      if (statSync(task.filePath).size > bytes) return true;
    } catch {
      // reported as a failed file by the run
    }
  }
  return false;
}

/** The run's work in .docx-equivalent bytes (what `--concurrency auto` weighs); unreadable files count nothing. */
function workBytes(tasks: readonly LintFileTask[]): number {
  let bytes = 0;
  for (const task of tasks) {
    if (task.skipped) continue;
    try {
      bytes += statSync(task.filePath).size * workWeight(task.filePath);
    } catch {
      // reported as a failed file by the run
    }
  }
  return bytes;
}

/** The outcomes of a run in path order (on the pool, or in-process for standard input). */
async function* outcomes(run: Run, options: LintFilesOptions): AsyncGenerator<LintOutcome> {
  const { tasks, stdinBytes } = run.plan;
  if (stdinBytes !== undefined) {
    const task = tasks[0];
    if (!task) return;
    const result = await lintOneFile(task, run.settings, task.skipped ? undefined : stdinBytes);
    options.onProgress?.(1, 1);
    yield await renderOutcome(result, run.settings);
    return;
  }
  if (options.cache && !run.settings.keepDocument) {
    yield* cachedOutcomes(run, options);
    return;
  }
  yield* poolOutcomes(tasks, run, options, options.onProgress);
}

function poolOutcomes(tasks: readonly LintFileTask[], run: Run, options: LintFilesOptions, onFileDone?: (done: number, total: number) => void): AsyncGenerator<LintOutcome> {
  const concurrency = options.concurrency === undefined || options.concurrency === 'auto' ? autoConcurrency(tasks.length, workBytes(tasks)) : options.concurrency;
  return lintOnPool(tasks, run.settings, {
    concurrency,
    onFileDone,
    workerFile: options.workerFile,
    // Parsed documents (kept for the html report) are ~0.5 MiB each: two per message keeps ~16 in flight, not 128.
    ...(run.settings.keepDocument ? { chunkSize: 2 } : {}),
    signal: options.signal,
    timeLimitMs: options.timeLimit,
    ...(run.piecesDir ? { piecesDir: run.piecesDir } : {}),
    ...(options.maxWorkerMemory !== undefined ? { maxWorkerMemoryMb: workerMemoryMb(options.maxWorkerMemory) } : {}),
  });
}

/** `maxWorkerMemory` (bytes) as the MiB a worker's heap cap takes, at least 32. */
function workerMemoryMb(bytes: number): number {
  return Math.max(32, Math.round(bytes / 1048576));
}

/**
 * What decides a file's result besides its bytes: its resolved config and the run's reader settings
 * (the same for the whole run). configForFile gives one object per distinct config, so each is hashed once.
 */
function settingsKey(task: LintFileTask, settings: LintRunSettings, known: Map<ResolvedConfig | null, string>): string {
  const runConfig = settings.configs[task.configIndex];
  const config = runConfig ? configForFile(runConfig, task.filePath) : null;
  let key = known.get(config);
  if (key === undefined) {
    const { locale, docxReader, maxFileSize, maxInflatedSize } = settings;
    known.set(config, (key = sha256(JSON.stringify({ config, locale, docxReader, maxFileSize, maxInflatedSize }))));
  }
  return key;
}

/**
 * A run with `--cache`: every file is read and hashed here; a file whose content and settings match
 * its cached result is not parsed, the others go to the pool. Results come in path order as ever.
 * A hit whose cached bytes turn out damaged is linted here, in-process, instead.
 */
async function* cachedOutcomes(run: Run, options: LintFilesOptions): AsyncGenerator<LintOutcome> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const warn = options.onWarning ?? ((line: string) => void process.stderr.write(line + '\n'));
  const cache = LintCache.open(path.resolve(cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION), toolVersion(), warn);
  const { tasks } = run.plan;
  const total = tasks.length;
  const maxFileSize = run.settings.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  // Per task: the cached result, and the keys to store a fresh one under (null: do not cache).
  const hits: (CachedResult | null)[] = [];
  const keys: ({ content: string; settings: string } | null)[] = [];
  const misses: LintFileTask[] = [];
  const settingsKeys = new Map<ResolvedConfig | null, string>();
  for (const task of tasks) {
    // Unreadable: the pool reports it, and it is not cached.
    const content = task.skipped ? null : contentHash(task.filePath, maxFileSize);
    const key = content === null ? null : { content, settings: settingsKey(task, run.settings, settingsKeys) };
    const hit = key ? cache.get(task.filePath, key.content, key.settings) : undefined;
    hits.push(hit ?? null);
    keys.push(key);
    if (!hit) misses.push(task);
  }
  let done = 0;
  const progress = () => options.onProgress?.(++done, total);
  const fresh = misses.length > 0 ? poolOutcomes(misses, run, options, progress) : null;
  // A worker process may have left the bytes to keep in its chunk file: read through one reused buffer.
  let spooledBytes: Uint8Array = new Uint8Array(0);
  const keep = (i: number, outcome: LintOutcome) => {
    const key = keys[i];
    if (!key) return;
    const { result, cacheSpooled } = outcome;
    let { cacheBytes } = outcome;
    if (cacheSpooled) {
      try {
        cacheBytes = readSpooledPiece(cacheSpooled, spooledBytes);
      } catch {
        return; // not cached: linted again next time
      }
      if (cacheBytes.buffer.byteLength > spooledBytes.length) spooledBytes = new Uint8Array(cacheBytes.buffer);
    }
    if (cacheBytes === null || (cacheBytes === undefined && isInternalFailure(result))) return;
    cache.set(tasks[i]!.filePath, key.content, key.settings, result, cacheBytes);
  };
  let saved = false;
  try {
    for (let i = 0; i < total; i++) {
      const hit = hits[i];
      if (hit) {
        const outcome = await cachedOutcome(hit, run.settings);
        progress();
        if (outcome) {
          yield outcome;
          continue;
        }
        // Damaged cached bytes: that file is linted again.
        cache.drop(tasks[i]!.filePath);
        const relinted = await lintAndRender(tasks[i]!, cacheBytesSettings(run.settings));
        keep(i, relinted);
        yield relinted;
        continue;
      }
      const next = await fresh!.next();
      if (next.done) throw new Error('the pool returned fewer results than files');
      keep(i, next.value);
      yield next.value;
    }
    saved = true;
    const problem = cache.save();
    if (problem) warn(problem);
  } finally {
    // The pool's generator has given its last file but not yet ended: ending it stops the worker processes.
    await fresh?.return(undefined);
    // An interrupted run leaves the cache as it was.
    if (!saved) cache.discard();
  }
}

/** The settings with `render.cacheBytes` on (a file linted in-process for the cache). */
function cacheBytesSettings(settings: LintRunSettings): LintRunSettings {
  return settings.render && !settings.render.cacheBytes ? { ...settings, render: { ...settings.render, cacheBytes: true } } : settings;
}

/**
 * Lints the files and yields each result in path order (a file that cannot be read is a result
 * with one fatal message, never an exception). Memory stays bounded whatever the number of files.
 */
export async function* iterateLintFiles(patterns: readonly string[], options: LintFilesOptions = {}): AsyncGenerator<LintResult, void, undefined> {
  const run = await prepare(patterns, options, true);
  const total = run.plan.tasks.length;
  let index = 0;
  try {
    for await (const outcome of outcomes(run, options)) {
      const result = run.transform ? run.transform(outcome.result) : outcome.result;
      await options.onResult?.(result, index++, total);
      yield result;
    }
  } catch (error) {
    if (error instanceof RunStopped) throw new RunInterrupted(reasonOf(options.signal), index, total);
    throw error;
  }
}

/** Lints the files and returns every result, in path order (ESLint's `lintFiles`). */
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const results: LintResult[] = [];
  for await (const result of iterateLintFiles(patterns, options)) results.push(result);
  return results;
}

/** What a run written into reports returns. */
export interface LintReportsOutcome {
  totals: ReportTotals;
  /** With `updateBaseline`: every finding of the run, to write as the new baseline. */
  baseline?: Baseline;
}

export interface LintFilesToReportsOptions extends LintFilesOptions, Omit<ReportOptions, 'cwd' | 'locale'> {
  /** The language of the report chrome (default: `locale`, else the configs' when they agree, else zh-CN). */
  reportLocale?: Locale;
  /** Accept every finding of this run instead of applying `baseline`: the results show none, and the new baseline is returned. */
  updateBaseline?: boolean;
  /**
   * Replaces the linting of the files (e.g. `--fix`): called once, in-process, with the run's tasks
   * and settings; it must add one result per task to `sink`, in task order.
   */
  runFiles?: (tasks: readonly LintFileTask[], settings: LintRunSettings, sink: { add(result: LintResult): Promise<void> }) => Promise<void>;
  /**
   * Files larger than this many bytes (default 1 MiB, `DEFAULT_BOUNDED_LINT_THRESHOLD`) are linted
   * project by project with bounded memory when every report is json, report-json, csv, github or
   * compact and the run keeps no results (no baseline, `--cache`, `onResult`, standard input);
   * `Infinity` turns it off. The reports are the same bytes either way (docs/limits.md).
   */
  boundedLintThreshold?: number;
}

/**
 * Lints the files and writes the results into the reports in one pass, without keeping them: the
 * file-by-file reports (json, report-json, csv, github) are rendered on the worker processes when no
 * baseline has to be applied first. Report paths are checked before any file is linted.
 */
export async function lintFilesToReports(
  patterns: readonly string[],
  outputs: readonly ReportOutput[],
  options: LintFilesToReportsOptions = {},
): Promise<LintReportsOutcome> {
  const run = await prepare(patterns, { ...options, keepDocument: options.keepDocument ?? outputs.some((o) => o.format === 'html') }, !options.updateBaseline);
  if (run.plan.stdinBytes === undefined) refuseReportsOverInputs(outputs, run.plan.tasks, path.resolve(options.cwd ?? process.cwd()));
  const recorder = options.updateBaseline ? new BaselineRecorder() : null;
  if (recorder) {
    run.transform = (r) => {
      recorder.add(r);
      return acceptAll(r);
    };
  }
  const writer = await ReportWriter.open(outputs, {
    ...options,
    cwd: options.cwd,
    locale: options.reportLocale ?? options.locale ?? run.plan.configs.locale(),
  });
  if (run.transform) {
    // What the baseline accepts is left out of the reports but counted (the summary line says so).
    const apply = run.transform;
    const findings = (r: LintResult) => r.messages.reduce((n, m) => (m.fatal ? n : n + 1), 0);
    run.transform = (r) => {
      const kept = apply(r);
      writer.countAccepted(findings(r) - findings(kept));
      return kept;
    };
  }
  // Workers render the file-by-file reports themselves when they can (no baseline to apply first).
  // The cache keeps whole results, so the workers must send the messages back too.
  const needMessages = options.onResult !== undefined;
  if (!run.transform) {
    const render = writer.renderSettings(needMessages);
    // With --cache the workers also send the bytes the cache keeps (the json piece when there is one).
    run.settings.render = render && options.cache === true ? { ...render, cacheBytes: true } : render;
    // Files read from disk and linted here or on the pool (not standard input, not the caller's own runner).
    const pooled = run.plan.stdinBytes === undefined && !options.runFiles;
    // Pieces that need nothing else travel from the worker processes through files, not this process's memory.
    if (pooled && canSpoolChunks(run.settings.render)) run.piecesDir = () => writer.spoolDir();
    // A large file is linted project by project into spool files when its pieces need nothing else (src/node/lint-bounded.ts).
    const threshold = options.boundedLintThreshold ?? boundedLintThresholdFromEnvironment() ?? DEFAULT_BOUNDED_LINT_THRESHOLD;
    if (pooled && run.settings.render && canSpool(run.settings.render) && anyLargerThan(run.plan.tasks, threshold)) {
      const maxHeapMb = options.maxWorkerMemory !== undefined ? workerMemoryMb(options.maxWorkerMemory) : DEFAULT_WORKER_MEMORY_MB;
      let dir: string | null = null;
      try {
        dir = writer.spoolDir();
      } catch {
        // No temporary folder can be made: large files are linted the whole way.
      }
      if (dir !== null) run.settings.render.spool = { dir, threshold, maxHeapMb };
    }
  }
  const total = run.plan.tasks.length;
  const signal = options.signal;
  let index = 0;
  const interrupted = () => new RunInterrupted(reasonOf(signal), index, total);
  const add = async (outcome: LintOutcome) => {
    if (signal?.aborted) throw interrupted();
    const result = run.transform ? run.transform(outcome.result) : outcome.result;
    await writer.add(result, run.transform ? undefined : outcome);
    await options.onResult?.(result, index++, total);
  };
  let totals: ReportTotals;
  try {
    if (options.runFiles) {
      run.settings.render = undefined;
      await options.runFiles(run.plan.tasks, run.settings, { add: (result) => add({ result, pieces: null }) });
    } else {
      for await (const outcome of outcomes(run, options)) await add(outcome);
    }
    if (signal?.aborted) throw interrupted();
    totals = await writer.finish();
  } catch (error) {
    // Interrupted, a full disk, anything: no half-written report is left, and earlier reports stay.
    writer.abort();
    if (error instanceof RunStopped) throw interrupted();
    throw error;
  }
  return { totals, ...(recorder ? { baseline: recorder.baseline() } : {}) };
}

/**
 * `-o` naming one of the files to check (报告文件与输入文件相同) would overwrite that document with
 * the report: refused before anything is read. Paths are compared after following links, and by
 * device and inode, so `./a.txt`, a link to it and a hard link are all caught.
 */
function refuseReportsOverInputs(outputs: readonly ReportOutput[], tasks: readonly LintFileTask[], cwd: string): void {
  const files = outputs.filter((o): o is ReportOutput & { file: string } => typeof o.file === 'string');
  if (files.length === 0 || tasks.length === 0) return;
  const identity = (p: string): string | null => {
    try {
      const info = statSync(p);
      return info.isFile() ? `${info.dev}:${info.ino}` : null;
    } catch {
      return null;
    }
  };
  const byPath = new Map<string, string>();
  const byIdentity = new Map<string, string>();
  for (const output of files) {
    const absolute = path.resolve(cwd, output.file);
    byPath.set(absolute, output.file);
    const id = identity(absolute);
    if (id) byIdentity.set(id, output.file);
  }
  for (const task of tasks) {
    const named = byPath.get(task.filePath) ?? (byIdentity.size > 0 ? byIdentity.get(identity(task.filePath) ?? '') : undefined);
    if (named === undefined) continue;
    throw new InputError(
      'report-is-input',
      `报告文件 ${named} 也是要检查的输入文件：写入报告会覆盖这份文档；请用 -o 另指一个文件`,
      `the report ${named} is also one of the files to check; writing it would overwrite that document; give -o another file`,
    );
  }
}
