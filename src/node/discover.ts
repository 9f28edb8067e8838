/**
 * Finding the input files of a lint run (查找待检查文件): explicit files, directories searched for the
 * linted extensions, and glob patterns (picomatch over our folder search); `.jxlintignore` and `--ignore-pattern`
 * (gitignore syntax, via `ignore`); a deterministic order and `--shard k/n`.
 * Node-only edge: used by the CLI, never by the browser-safe core.
 */
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { isDynamicPattern } from 'tinyglobby';
import { walkFolder, type FolderEntry } from './walk.js';

/** Extensions searched for in directories when `--ext` is not given. */
export const DEFAULT_EXTENSIONS = ['docx', 'doc', 'txt', 'htm', 'html', 'xlsx', 'xlsm'] as const;

/** The ignore file read from the working directory. */
export const IGNORE_FILE_NAME = '.jxlintignore';

/**
 * Never searched inside directories (explicit paths still work): dependency folders, and Word's
 * owner files (`~$报告.docx`, a 162-byte lock file Word leaves beside every open document).
 */
export const DEFAULT_IGNORES = ['node_modules/', '~$*'];

/**
 * A user-caused problem with the inputs of a run (missing path, nothing matched, an unreadable
 * config, baseline, results file or report path): one line, Chinese first.
 */
export class InputError extends Error {
  constructor(
    readonly code:
      | 'not-found'
      | 'no-match'
      | 'all-ignored'
      | 'bad-shard'
      | 'bad-ignore-file'
      | 'config-not-found'
      | 'bad-baseline'
      | 'bad-results'
      | 'report-not-writable'
      | 'report-is-input',
    readonly messageZh: string,
    /** '' when `messageZh` already carries both languages. */
    readonly messageEn: string,
  ) {
    super(messageEn ? `${messageZh}（${messageEn}）` : messageZh);
    this.name = 'InputError';
  }
}

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the working directory, forward slashes (`../x` when outside it). The sort key. */
  relativePath: string;
  /** Named on the command line (or by a glob) rather than found by searching a directory. */
  explicit: boolean;
  /** An explicit file that an ignore pattern matches: reported as skipped, not linted. */
  ignored: boolean;
  /** A sub-folder of a searched folder that could not be read (the error code): reported as failed. */
  unreadableFolder?: string;
}

export interface DiscoverOptions {
  cwd: string;
  /** Extensions (with or without the dot, any case) searched for in directories. */
  extensions?: readonly string[];
  /** gitignore-style patterns relative to `cwd` (`--ignore-pattern`). */
  ignorePatterns?: readonly string[];
  /** Read `<cwd>/.jxlintignore` (default true; `--no-ignore` turns every ignore off). */
  useIgnore?: boolean;
  /** Whether an input that matches nothing is an error (default true). */
  errorOnUnmatchedPattern?: boolean;
}

function toForwardSlashes(p: string): string {
  return p.split(path.sep).join('/');
}

/** Path relative to cwd with forward slashes. */
export function relativeTo(cwd: string, absolute: string): string {
  const rel = toForwardSlashes(path.relative(cwd, absolute));
  return rel === '' ? '.' : rel;
}

/** Code-unit order, identical on every machine (unlike localeCompare). */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A matcher of gitignore-style patterns relative to one base directory. */
export class IgnoreMatcher {
  private readonly matcher: Ignore;
  private empty = true;
  constructor(readonly baseDir: string) {
    this.matcher = ignore({ allowRelativePaths: false });
  }
  add(patterns: readonly string[] | string): this {
    const list = typeof patterns === 'string' ? patterns.split(/\r?\n/) : patterns;
    const usable = list.filter((p) => p.trim() !== '' && !p.startsWith('#'));
    if (usable.length > 0) {
      this.matcher.add(usable);
      this.empty = false;
    }
    return this;
  }
  /** Whether an absolute path is ignored. Paths outside the base directory never are. */
  ignores(absolute: string, isDirectory = false): boolean {
    if (this.empty) return false;
    const rel = toForwardSlashes(path.relative(this.baseDir, absolute));
    if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return false;
    return this.matcher.ignores(isDirectory ? rel + '/' : rel);
  }
}

/** Reads `.jxlintignore` in `cwd`, if present. */
export function loadIgnoreFile(cwd: string): string[] {
  const file = path.join(cwd, IGNORE_FILE_NAME);
  if (!existsSync(file)) return [];
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
    throw new InputError('bad-ignore-file', `无法读取忽略文件 ${file}（${code}）：请检查文件权限`, `Cannot read ${file} (${code})`);
  }
}

function normaliseExtensions(extensions: readonly string[]): Set<string> {
  return new Set(extensions.map((e) => e.trim().replace(/^\./, '').toLowerCase()).filter(Boolean));
}

function hasExtension(file: string, extensions: Set<string>): boolean {
  const ext = path.extname(file).slice(1).toLowerCase();
  return extensions.has(ext);
}

/**
 * Whether a path that cannot be stat'ed was still given as a file: it exists as a link (dangling or
 * looping), or stat failed for a reason other than "no such file" (permission, name too long).
 */
function namedButUnreadable(absolute: string, statError: string | undefined): boolean {
  if (statError === undefined) return false;
  if (statError !== 'ENOENT' && statError !== 'ENOTDIR') return true;
  try {
    lstatSync(absolute);
    return true;
  } catch {
    return false;
  }
}

/** Whether a path segment of a glob has a brace group cut by the split on "/" (`{a,b/c}`). */
function cutBraces(segment: string): boolean {
  let depth = 0;
  for (const ch of segment) {
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    if (depth < 0) return true;
  }
  return depth !== 0;
}

/**
 * Whether a folder (its path below the glob's base, forward slashes) may hold a path the glob matches:
 * each of its segments matches the glob's segment at that depth, and the glob goes deeper (or has `**`).
 */
function globMayEnter(globSegments: readonly string[], folder: string): boolean {
  const parts = folder.split('/');
  for (let i = 0; i < parts.length; i++) {
    const segment = globSegments[i];
    if (segment === undefined || i === globSegments.length - 1) return false;
    if (segment.includes('**') || cutBraces(segment)) return true;
    if (!picomatch(segment, { dot: false })(parts[i]!)) return false;
  }
  return true;
}

/**
 * The paths a glob pattern matches, found by our own folder search (walk.ts) rather than a glob
 * library: a named pipe, socket or device, a broken link (everything that is not a folder) is listed
 * when its name matches, and a folder the pattern reaches into but that cannot be read is listed as
 * unreadable — a glob library would skip both silently. Matching is picomatch's, as tinyglobby's:
 * dot-files only where the pattern spells the dot, `node_modules` never, links followed.
 */
async function matchGlob(pattern: string, cwd: string): Promise<FolderEntry[]> {
  const scan = picomatch.scan(pattern);
  const base = scan.glob === '' ? '' : scan.base;
  const globPart = scan.glob === '' ? pattern : scan.glob;
  const root = path.resolve(cwd, base);
  try {
    if (!statSync(root).isDirectory()) return [];
  } catch {
    return [];
  }
  const segments = globPart.split('/');
  const spellsDot = /(?:^|[/{,(|])\./.test(globPart);
  const matches = picomatch(globPart, { dot: false });
  const below = (absolute: string): string => toForwardSlashes(path.relative(root, absolute));
  const entries = await walkFolder(root, {
    skip: (name) => name === 'node_modules' || (!spellsDot && name.startsWith('.')),
    descend: (folder) => globMayEnter(segments, below(folder)),
  });
  return entries.filter((entry) => (entry.unreadableFolder ? true : matches(below(entry.path))));
}

/**
 * Expands the command-line inputs into the sorted, de-duplicated list of files to lint.
 * - a file: taken as it is (whatever its extension; the reader sniffs the content);
 * - a directory: searched recursively for the extensions, skipping dot-folders, node_modules and
 *   ignored paths;
 * - anything else with glob syntax: matched relative to `cwd` (picomatch over our own folder search,
 *   so a pipe or an unreadable folder the pattern reaches gets its result instead of being skipped).
 * An explicit file that an ignore pattern matches is kept with `ignored: true` (reported as
 * skipped); a path that does not exist, or a directory/glob that yields nothing, is an InputError.
 */
export async function discoverFiles(inputs: readonly string[], options: DiscoverOptions): Promise<InputFile[]> {
  const cwd = path.resolve(options.cwd);
  const extensions = normaliseExtensions(options.extensions ?? DEFAULT_EXTENSIONS);
  const useIgnore = options.useIgnore !== false;
  const errorOnUnmatched = options.errorOnUnmatchedPattern !== false;
  const userIgnores = new IgnoreMatcher(cwd);
  if (useIgnore) userIgnores.add(loadIgnoreFile(cwd)).add(options.ignorePatterns ?? []);
  const found = new Map<string, InputFile>();

  const add = (absolute: string, explicit: boolean, ignored: boolean, unreadableFolder?: string) => {
    const existing = found.get(absolute);
    if (existing) {
      existing.explicit ||= explicit;
      existing.ignored &&= ignored;
      return;
    }
    found.set(absolute, { path: absolute, relativePath: relativeTo(cwd, absolute), explicit, ignored, ...(unreadableFolder ? { unreadableFolder } : {}) });
  };

  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stats: ReturnType<typeof statSync> | undefined;
    let statError: string | undefined;
    try {
      stats = statSync(absolute);
    } catch (e) {
      stats = undefined;
      statError = (e as NodeJS.ErrnoException).code;
    }
    if (stats?.isFile() || (stats && !stats.isDirectory()) || namedButUnreadable(absolute, statError)) {
      // A named pipe, device or socket, a looping or dangling link, a path too long or forbidden to
      // stat: the user named it, so it gets its result (the reader says what is wrong with it).
      add(absolute, true, userIgnores.ignores(absolute));
      continue;
    }
    if (stats?.isDirectory()) {
      const entries = await walkFolder(absolute);
      let candidates = 0;
      let kept = 0;
      const defaults = new IgnoreMatcher(absolute).add(DEFAULT_IGNORES);
      for (const entry of entries) {
        const file = entry.path;
        if (entry.unreadableFolder) {
          if (defaults.ignores(file, true) || userIgnores.ignores(file, true)) continue;
          add(file, false, false, entry.unreadableFolder);
          kept++;
          continue;
        }
        if (!hasExtension(file, extensions) || defaults.ignores(file)) continue;
        candidates++;
        if (userIgnores.ignores(file)) continue;
        add(file, false, false);
        kept++;
      }
      if (errorOnUnmatched && kept === 0) {
        if (candidates > 0) {
          throw new InputError('all-ignored', `目录 ${input} 中的文件都被忽略规则排除：请检查 ${IGNORE_FILE_NAME} 和 --ignore-pattern`, `All files in ${input} are ignored; check ${IGNORE_FILE_NAME} and --ignore-pattern`);
        }
        throw new InputError(
          'no-match',
          `目录 ${input} 中没有可检查的文件（扩展名 ${[...extensions].map((e) => '.' + e).join(' ')}）：请检查路径或用 --ext 指定扩展名`,
          `No files with extensions ${[...extensions].join(', ')} in ${input}; check the path or use --ext`,
        );
      }
      continue;
    }
    if (isDynamicPattern(input)) {
      const matches = await matchGlob(toForwardSlashes(input), cwd);
      let kept = 0;
      for (const match of matches) {
        const file = path.resolve(match.path);
        if (userIgnores.ignores(file, match.unreadableFolder !== undefined)) continue;
        if (match.unreadableFolder) add(file, false, false, match.unreadableFolder);
        else add(file, true, false);
        kept++;
      }
      if (errorOnUnmatched && kept === 0) {
        if (matches.length > 0) {
          throw new InputError('all-ignored', `模式 ${input} 匹配到的文件都被忽略规则排除：请检查 ${IGNORE_FILE_NAME} 和 --ignore-pattern`, `All files matching ${input} are ignored`);
        }
        throw new InputError('no-match', `没有与模式 ${input} 匹配的文件：请检查模式和当前目录`, `No files match the pattern ${input}`);
      }
      continue;
    }
    if (errorOnUnmatched) {
      throw new InputError('not-found', `文件或目录不存在：${input}；请检查路径`, `No such file or directory: ${input}`);
    }
  }

  return [...found.values()].sort((a, b) => comparePaths(a.relativePath, b.relativePath));
}

// ---------------------------------------------------------------------------
// Sharding (分片)

export interface Shard {
  /** 1-based shard number. */
  index: number;
  count: number;
}

/** Parses `k/n` (1 ≤ k ≤ n). */
export function parseShard(text: string, env: Record<string, string | undefined> = process.env): Shard {
  const auto = /^\s*auto\s*(?:\/\s*(\d+)\s*)?$/.exec(text);
  if (auto) return shardFromEnvironment(auto[1] !== undefined ? Number(auto[1]) : undefined, env);
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1) || !(index >= 1) || index > count) {
    throw new InputError('bad-shard', `--shard 应写成 k/n，1 ≤ k ≤ n，例如 --shard 2/4，或 auto、auto/n（得到 "${text}"）`, `--shard expects k/n with 1 ≤ k ≤ n, e.g. 2/4, or auto, auto/n (got "${text}")`);
  }
  return { index, count };
}

/** A non-negative integer environment variable, or undefined. */
function envInteger(env: Record<string, string | undefined>, name: string): number | undefined {
  const value = env[name]?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * `--shard auto` (自动分片): the shard from the scheduler's environment. The index: a Kubernetes
 * Indexed Job's `JOB_COMPLETION_INDEX` (0-based), else GitLab's `CI_NODE_INDEX` (1-based), else
 * `JXLINT_SHARD_INDEX` (1-based). The count: `auto/n`, else `JXLINT_SHARD_COUNT`, else GitLab's
 * `CI_NODE_TOTAL`. Anything missing or out of range is a one-line InputError.
 */
export function shardFromEnvironment(count: number | undefined, env: Record<string, string | undefined> = process.env): Shard {
  const k8s = envInteger(env, 'JOB_COMPLETION_INDEX');
  const index = k8s !== undefined ? k8s + 1 : (envInteger(env, 'CI_NODE_INDEX') ?? envInteger(env, 'JXLINT_SHARD_INDEX'));
  const total = count ?? envInteger(env, 'JXLINT_SHARD_COUNT') ?? envInteger(env, 'CI_NODE_TOTAL');
  if (index === undefined || total === undefined) {
    throw new InputError(
      'bad-shard',
      `--shard auto 找不到${index === undefined ? '分片序号（JOB_COMPLETION_INDEX、CI_NODE_INDEX 或 JXLINT_SHARD_INDEX）' : '分片总数（用 --shard auto/n，或设置 JXLINT_SHARD_COUNT、CI_NODE_TOTAL）'}`,
      `--shard auto found no shard ${index === undefined ? 'index (JOB_COMPLETION_INDEX, CI_NODE_INDEX or JXLINT_SHARD_INDEX)' : 'count (give --shard auto/n, or set JXLINT_SHARD_COUNT or CI_NODE_TOTAL)'}`,
    );
  }
  if (!(total >= 1) || !(index >= 1) || index > total) {
    throw new InputError('bad-shard', `--shard auto：分片序号 ${index} 超出 1 到 ${total} 的范围，请检查调度器的环境变量`, `--shard auto: shard index ${index} is outside 1..${total}; check the scheduler's environment`);
  }
  return { index, count: total };
}

/**
 * The files of shard k of n: every n-th file of the sorted list, starting at the k-th. The list is
 * sorted by the path relative to the working directory, so every machine that runs the same command
 * in the same tree gets the same partition: the shards are disjoint and together hold every file,
 * and their sizes differ by at most one.
 */
export function selectShard<T>(files: readonly T[], shard: Shard | null | undefined): T[] {
  if (!shard || shard.count === 1) return [...files];
  return files.filter((_, i) => i % shard.count === shard.index - 1);
}
