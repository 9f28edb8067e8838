/**
 * The result cache of `--cache` (检查结果缓存), ESLint's and Ruff's habit: a re-scan of an unchanged
 * folder reads each file's bytes and hashes them, but parses nothing. Each file's result is kept
 * under its path with the sha256 of its content and the sha256 of everything else that decides
 * the result (its resolved config and the run's reader settings); the whole cache belongs to one
 * jxlint version, and a cache of another version is dropped without a word. A corrupt or foreign
 * cache file is never trusted: ignored with a one-line warning and rewritten. The file is written
 * atomically (a temporary file renamed over it), so a killed run leaves the old cache or the new.
 *
 * The file is one line of JSON per entry after a header line, so a re-scan reads only the small
 * entry headers: an entry line is `{path, content, settings, sha256, head}` TAB the result's JSON,
 * where `head` is the result without its messages and `sha256` that of the result's JSON bytes
 * (checked before they are used). A hit in a run whose only report is `json` writes those bytes as
 * they are — the very bytes the json report would render — so a re-scan builds no result objects.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { LintResult } from '../index.js';
import { renderOutcome, type LintOutcome, type LintRunSettings } from './worker.js';

/** Where the cache lives by default, relative to the run's working directory. */
export const DEFAULT_CACHE_LOCATION = '.jxlintcache';

/** The cache file's own format marker: a file without it is not jxlint's. */
const CACHE_FORMAT = 'jxlint-cache';
const CACHE_FORMAT_VERSION = 2;

interface CacheHeader {
  format: typeof CACHE_FORMAT;
  formatVersion: number;
  /** The jxlint version that wrote it. */
  version: string;
}

/** One entry line's JSON before the TAB. */
interface EntryHeader {
  path: string;
  /** sha256 of the file's bytes. */
  content: string;
  /** sha256 of the resolved config and the reader settings the result was made with. */
  settings: string;
  /** sha256 of the result's JSON bytes (after the TAB). */
  sha256: string;
  /** The result without its messages (what a run needs of a result whose report is rendered from the bytes). */
  head: Omit<LintResult, 'messages' | 'document'>;
}

/** Where an entry's line and its result bytes lie in the loaded cache file. */
interface KeptEntry {
  header: EntryHeader;
  line: Uint8Array;
  result: Uint8Array;
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function isHeader(value: unknown): value is CacheHeader {
  const v = value as Partial<CacheHeader> | null;
  return typeof v === 'object' && v !== null && v.format === CACHE_FORMAT && typeof v.formatVersion === 'number' && typeof v.version === 'string';
}

function isEntryHeader(value: unknown): value is EntryHeader {
  const e = value as Partial<EntryHeader> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.path === 'string' &&
    typeof e.content === 'string' &&
    typeof e.settings === 'string' &&
    typeof e.sha256 === 'string' &&
    typeof e.head === 'object' &&
    e.head !== null &&
    typeof e.head.filePath === 'string'
  );
}

/** A damaged or foreign cache file (internal: turned into the one warning line). */
class NotACache extends Error {}

/** The entries of a cache file's bytes; throws NotACache when any line is not a well-formed entry. */
function readEntries(bytes: Buffer): Map<string, KeptEntry> {
  const entries = new Map<string, KeptEntry>();
  const firstEnd = bytes.indexOf(0x0a);
  for (let start = firstEnd + 1; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const tab = bytes.indexOf(0x09, start);
    if (tab < 0 || tab > end) throw new NotACache();
    let header: unknown;
    try {
      header = JSON.parse(bytes.toString('utf8', start, tab));
    } catch {
      throw new NotACache();
    }
    if (!isEntryHeader(header)) throw new NotACache();
    entries.set(header.path, { header, line: bytes.subarray(start, Math.min(end + 1, bytes.length)), result: bytes.subarray(tab + 1, end) });
    start = end + 1;
  }
  return entries;
}

/** A cached result: its head, and its JSON bytes (verified against their checksum when first used). */
export class CachedResult {
  private verified: boolean | undefined;

  constructor(private readonly entry: KeptEntry) {}

  /** The result's JSON bytes, or null when they do not match their checksum (then the file is linted again). */
  bytes(): Uint8Array | null {
    this.verified ??= sha256(this.entry.result) === this.entry.header.sha256;
    return this.verified ? this.entry.result : null;
  }

  /** The whole result, or null when its bytes are damaged. */
  result(): LintResult | null {
    const bytes = this.bytes();
    if (!bytes) return null;
    try {
      const result = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as LintResult;
      return typeof result === 'object' && result !== null && Array.isArray(result.messages) ? result : null;
    } catch {
      return null;
    }
  }

  get head(): EntryHeader['head'] {
    return this.entry.header.head;
  }
}

/**
 * A cached result as the run's outcome: when the run's only streamed report is `json` (not quiet, no
 * summary, messages not needed), its piece is the cached bytes themselves and nothing is parsed;
 * otherwise the result is parsed and rendered as a fresh one would be. Null when the bytes are damaged.
 */
export async function cachedOutcome(hit: CachedResult, settings: LintRunSettings): Promise<LintOutcome | null> {
  const render = settings.render;
  if (render && render.formats.length > 0 && render.formats.every((f) => f === 'json') && !render.quiet && (!render.keepMessages || render.messagesForCacheOnly) && !render.summary) {
    const bytes = hit.bytes();
    if (!bytes) return null;
    return { result: { ...hit.head, messages: [], document: undefined } as LintResult, pieces: render.formats.map(() => bytes) };
  }
  const result = hit.result();
  return result ? renderOutcome(result, settings) : null;
}

/** The cache of one run: loaded once, consulted per file, saved once at the end. */
export class LintCache {
  private changed = false;
  /** Entries linted in this run, already written to the temporary file. */
  private readonly written = new Set<string>();
  private out: { fd: number; file: string } | null = null;

  private constructor(
    /** Absolute path of the cache file. */
    readonly file: string,
    private readonly version: string,
    private readonly entries: Map<string, KeptEntry>,
  ) {}

  /**
   * Opens the cache file (a missing one is an empty cache). A file that is not a jxlint cache, or
   * is damaged, is reported through `warn` in one line and replaced at the end of the run.
   */
  static open(file: string, version: string, warn: (line: string) => void): LintCache {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return new LintCache(file, version, new Map());
    }
    const damaged = () => {
      warn(`jxlint: 缓存文件 ${file} 已损坏或不是 jxlint 的缓存，已忽略，本次检查后重写（the cache file is damaged or not jxlint's; ignored and rewritten）`);
      return Object.assign(new LintCache(file, version, new Map()), { changed: true });
    };
    const firstEnd = bytes.indexOf(0x0a);
    let header: unknown;
    try {
      header = JSON.parse(bytes.toString('utf8', 0, firstEnd < 0 ? bytes.length : firstEnd));
    } catch {
      return damaged();
    }
    if (!isHeader(header)) return damaged();
    // Another jxlint version or cache format: its results may differ; start afresh without a warning.
    if (header.version !== version || header.formatVersion !== CACHE_FORMAT_VERSION) return Object.assign(new LintCache(file, version, new Map()), { changed: true });
    try {
      return new LintCache(file, version, readEntries(bytes));
    } catch (e) {
      if (e instanceof NotACache) return damaged();
      throw e;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The kept result of `filePath`, if its content and settings are those it was made with. */
  get(filePath: string, content: string, settings: string): CachedResult | undefined {
    const entry = this.entries.get(filePath);
    if (!entry || entry.header.content !== content || entry.header.settings !== settings) return undefined;
    return new CachedResult(entry);
  }

  /** Keeps a fresh result: its entry is written to the temporary file at once (memory stays bounded). */
  set(filePath: string, content: string, settings: string, result: LintResult): void {
    const { document: _document, messages: _messages, ...head } = result;
    const { document: _d, ...kept } = result;
    const json = Buffer.from(JSON.stringify(kept), 'utf8');
    const header: EntryHeader = { path: filePath, content, settings, sha256: sha256(json), head };
    this.changed = true;
    this.entries.delete(filePath);
    this.written.add(filePath);
    if (!this.writeLine(Buffer.from(JSON.stringify(header) + '\t', 'utf8'), json, Buffer.from('\n'))) this.written.delete(filePath);
  }

  /** Forgets a file's entry (its cached bytes were damaged). */
  drop(filePath: string): void {
    if (this.entries.delete(filePath)) this.changed = true;
  }

  private failure: string | null = null;

  private writeLine(...parts: Uint8Array[]): boolean {
    if (this.failure) return false;
    try {
      if (!this.out) {
        mkdirSync(path.dirname(this.file), { recursive: true });
        const file = `${this.file}.${process.pid}.tmp`;
        this.out = { fd: openSync(file, 'w'), file };
        const header: CacheHeader = { format: CACHE_FORMAT, formatVersion: CACHE_FORMAT_VERSION, version: this.version };
        writeAll(this.out.fd, Buffer.from(JSON.stringify(header) + '\n'));
      }
      for (const part of parts) writeAll(this.out.fd, part);
      return true;
    } catch (e) {
      this.failure = (e as NodeJS.ErrnoException).code ?? 'unknown';
      return false;
    }
  }

  /**
   * Writes the cache when it changed: the temporary file gets the kept entries after this run's, then
   * is renamed over the cache. Returns a one-line warning instead of throwing when it cannot be
   * written (the run's results stand).
   */
  save(): string | null {
    if (this.changed) {
      if (!this.out && !this.failure) this.writeLine();
      for (const [filePath, entry] of this.entries) if (!this.written.has(filePath)) this.writeLine(entry.line[entry.line.length - 1] === 0x0a ? entry.line : Buffer.concat([entry.line, Buffer.from('\n')]));
    }
    const out = this.out;
    this.out = null;
    if (out) {
      try {
        closeSync(out.fd);
        if (!this.failure) renameSync(out.file, this.file);
      } catch (e) {
        this.failure ??= (e as NodeJS.ErrnoException).code ?? 'unknown';
      }
      if (this.failure) rmSync(out.file, { force: true });
    }
    if (!this.failure) {
      this.changed = false;
      return null;
    }
    return `jxlint: 无法写入缓存文件 ${this.file}（${this.failure}），本次结果不受影响（cannot write the cache file; this run's results are unaffected）`;
  }

  /** Removes the temporary file of an unfinished run (the cache file stays as it was). */
  discard(): void {
    if (!this.out) return;
    try {
      closeSync(this.out.fd);
    } catch {
      // already closed
    }
    rmSync(this.out.file, { force: true });
    this.out = null;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
}
