/**
 * The result cache of `--cache` (检查结果缓存), ESLint's and Ruff's habit: a re-scan of an unchanged
 * folder reads each file's bytes and hashes them, but parses nothing. Each file's result is kept
 * under its path with the sha256 of its content and the sha256 of everything else that decides
 * the result (its resolved config and the run's reader settings); the whole cache belongs to one
 * jxlint version, and a cache of another version is dropped without a word. A corrupt or foreign
 * cache file is never trusted: ignored with a one-line warning and rewritten. The file is written
 * atomically (a temporary file renamed over it), so a killed run leaves the old cache or the new.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LintResult } from '../index.js';

/** Where the cache lives by default, relative to the run's working directory. */
export const DEFAULT_CACHE_LOCATION = '.jxlintcache';

/** The cache file's own format marker: a file without it is not jxlint's. */
const CACHE_FORMAT = 'jxlint-cache';
const CACHE_FORMAT_VERSION = 1;

interface CacheEntry {
  /** sha256 of the file's bytes. */
  content: string;
  /** sha256 of the resolved config and the reader settings the result was made with. */
  settings: string;
  result: LintResult;
}

interface CacheFile {
  format: typeof CACHE_FORMAT;
  formatVersion: number;
  /** The jxlint version that wrote it. */
  version: string;
  entries: Record<string, CacheEntry>;
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function isCacheFile(value: unknown): value is CacheFile {
  const v = value as Partial<CacheFile> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.format === CACHE_FORMAT &&
    v.formatVersion === CACHE_FORMAT_VERSION &&
    typeof v.version === 'string' &&
    typeof v.entries === 'object' &&
    v.entries !== null &&
    !Array.isArray(v.entries)
  );
}

function isEntry(value: unknown): value is CacheEntry {
  const e = value as Partial<CacheEntry> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.content === 'string' &&
    typeof e.settings === 'string' &&
    typeof e.result === 'object' &&
    e.result !== null &&
    typeof e.result.filePath === 'string' &&
    Array.isArray(e.result.messages)
  );
}

/** The cache of one run: loaded once, consulted per file, saved once at the end. */
export class LintCache {
  private changed = false;

  private constructor(
    /** Absolute path of the cache file. */
    readonly file: string,
    private readonly version: string,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  /**
   * Opens the cache file (a missing one is an empty cache). A file that is not a jxlint cache, or
   * is damaged, is reported through `warn` in one line and replaced at the end of the run.
   */
  static open(file: string, version: string, warn: (line: string) => void): LintCache {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return new LintCache(file, version, new Map());
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!isCacheFile(json)) {
      warn(`jxlint: 缓存文件 ${file} 已损坏或不是 jxlint 的缓存，已忽略，本次检查后重写（the cache file is damaged or not jxlint's; ignored and rewritten）`);
      return Object.assign(new LintCache(file, version, new Map()), { changed: true });
    }
    // Another jxlint version: its results may differ; start afresh without a warning.
    if (json.version !== version) return Object.assign(new LintCache(file, version, new Map()), { changed: true });
    const entries = new Map<string, CacheEntry>();
    for (const [key, entry] of Object.entries(json.entries)) if (isEntry(entry)) entries.set(key, entry);
    return new LintCache(file, version, entries);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The kept result of `filePath`, if its content and settings are those it was made with. */
  get(filePath: string, content: string, settings: string): LintResult | undefined {
    const entry = this.entries.get(filePath);
    if (!entry || entry.content !== content || entry.settings !== settings) return undefined;
    return entry.result;
  }

  set(filePath: string, content: string, settings: string, result: LintResult): void {
    const { document: _document, ...kept } = result;
    this.entries.set(filePath, { content, settings, result: kept });
    this.changed = true;
  }

  /**
   * Writes the cache when it changed: a temporary file beside it, then renamed over it. Returns
   * a one-line warning instead of throwing when it cannot be written (the run's results stand).
   */
  save(): string | null {
    if (!this.changed) return null;
    const data: CacheFile = { format: CACHE_FORMAT, formatVersion: CACHE_FORMAT_VERSION, version: this.version, entries: Object.fromEntries(this.entries) };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(temporary, JSON.stringify(data));
      renameSync(temporary, this.file);
      this.changed = false;
      return null;
    } catch (e) {
      rmSync(temporary, { force: true });
      const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
      return `jxlint: 无法写入缓存文件 ${this.file}（${code}），本次结果不受影响（cannot write the cache file; this run's results are unaffected）`;
    }
  }
}
