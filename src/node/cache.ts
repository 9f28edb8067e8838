/**
 * The result cache of `--cache` (检查结果缓存), ESLint's and Ruff's habit: a re-scan of an unchanged
 * folder reads each file's bytes and hashes them, but parses nothing. Each file's result is kept
 * under its path with the sha256 of its content and the sha256 of everything else that decides
 * the result (its resolved config and the run's reader settings); the whole cache belongs to one
 * jxlint version, and a cache of another version is dropped without a word. A corrupt or foreign
 * cache file is never trusted: ignored with a one-line warning and rewritten. The file is written
 * atomically (a temporary file renamed over it), so a killed run leaves the old cache or the new.
 *
 * The file holds the results first and their index last, so a re-scan reads only the index and
 * then copies each hit's bytes from the file straight into the report, through one reused buffer
 * (no result objects, and no fresh memory per file):
 *
 *     {"format":"jxlint-cache","formatVersion":4,"version":…}\n      the header line
 *     <result JSON>\n …                                                each result's bytes
 *     {path, content, settings, crc32, head, offset, length}\n …      the index, one line per entry
 *     index 00000000000123456789\n                                    where the index starts
 *
 * `head` is the result without its messages and `crc32` the CRC-32 of the result's JSON bytes
 * (checked before they are used: it finds a damaged or edited entry, at a third of sha256's cost).
 * A hit in a run whose only report is `json` writes those bytes as they are — the very bytes the
 * json report would render. A fresh result's bytes are written at once (the
 * json piece a worker rendered, when there is one), so memory does not grow with the files.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { LintResult } from '../index.js';
import { forgetTemporaryFile, trackTemporaryFile } from './report-files.js';
import { renderOutcome, type LintOutcome, type LintRunSettings } from './worker.js';

/** Where the cache lives by default, relative to the run's working directory. */
export const DEFAULT_CACHE_LOCATION = '.jxlintcache';

/** The cache file's own format marker: a file without it is not jxlint's. */
const CACHE_FORMAT = 'jxlint-cache';
const CACHE_FORMAT_VERSION = 4;

interface CacheHeader {
  format: typeof CACHE_FORMAT;
  formatVersion: number;
  /** The jxlint version that wrote it. */
  version: string;
}

/** One line of the index. */
interface EntryHeader {
  path: string;
  /** sha256 of the file's bytes. */
  content: string;
  /** sha256 of the resolved config and the reader settings the result was made with. */
  settings: string;
  /** CRC-32 of the result's JSON bytes (zlib's). */
  crc32: number;
  /** The result without its messages (what a run needs of a result whose report is rendered from the bytes). */
  head: Omit<LintResult, 'messages' | 'document'>;
  /** Where the result's JSON bytes lie in the file. */
  offset: number;
  length: number;
}

/** The last line: where the index starts, as a fixed-width number. */
const TRAILER_PREFIX = 'index ';
const TRAILER_LENGTH = TRAILER_PREFIX.length + 20 + 1;
const trailer = (offset: number) => `${TRAILER_PREFIX}${String(offset).padStart(20, '0')}\n`;

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
    Number.isSafeInteger(e.crc32) &&
    Number.isSafeInteger(e.offset) &&
    Number.isSafeInteger(e.length) &&
    typeof e.head === 'object' &&
    e.head !== null &&
    typeof e.head.filePath === 'string'
  );
}

/** A damaged or foreign cache file (internal: turned into the one warning line). */
class NotACache extends Error {}

/** Reads exactly `length` bytes at `position` into `buffer` (from 0); throws NotACache when the file is shorter. */
function readAt(fd: number, buffer: Uint8Array, length: number, position: number): void {
  for (let done = 0; done < length; ) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) throw new NotACache();
    done += n;
  }
}

/** The index of an open cache file whose header line ends at `dataStart`; throws NotACache when it is not well formed. */
function readIndex(fd: number, size: number, dataStart: number): Map<string, EntryHeader> {
  if (size < dataStart + TRAILER_LENGTH) throw new NotACache();
  const end = Buffer.allocUnsafe(TRAILER_LENGTH);
  readAt(fd, end, TRAILER_LENGTH, size - TRAILER_LENGTH);
  const text = end.toString('latin1');
  if (!text.startsWith(TRAILER_PREFIX) || !/^\d{20}\n$/.test(text.slice(TRAILER_PREFIX.length))) throw new NotACache();
  const indexStart = Number(text.slice(TRAILER_PREFIX.length, -1));
  const indexEnd = size - TRAILER_LENGTH;
  if (!(indexStart >= dataStart && indexStart <= indexEnd)) throw new NotACache();
  const index = Buffer.allocUnsafe(indexEnd - indexStart);
  readAt(fd, index, index.length, indexStart);
  const entries = new Map<string, EntryHeader>();
  for (let start = 0; start < index.length; ) {
    let stop = index.indexOf(0x0a, start);
    if (stop < 0) stop = index.length;
    let header: unknown;
    try {
      header = JSON.parse(index.toString('utf8', start, stop));
    } catch {
      throw new NotACache();
    }
    if (!isEntryHeader(header) || header.offset < dataStart || header.length < 0 || header.offset + header.length > indexStart) throw new NotACache();
    entries.set(header.path, header);
    start = stop + 1;
  }
  return entries;
}

/** Bytes read from the cache file land here, one result at a time (grown, never shrunk: no fresh memory per file). */
class ScratchBuffer {
  private buffer = Buffer.alloc(0);
  get(length: number): Buffer {
    if (this.buffer.length < length) this.buffer = Buffer.allocUnsafeSlow(Math.max(length, 2 * this.buffer.length, 64 * 1024));
    return this.buffer;
  }
}

/**
 * A cached result: its head, and its JSON bytes (read and checked against their checksum when asked).
 * The bytes are a view of a buffer the cache reuses: valid until the next cached result is read.
 */
export class CachedResult {
  constructor(
    private readonly cache: LintCache,
    private readonly entry: EntryHeader,
  ) {}

  /** The result's JSON bytes, or null when they cannot be read or do not match their checksum (then the file is linted again). */
  bytes(): Uint8Array | null {
    return this.cache.readResult(this.entry);
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
    return this.entry.head;
  }
}

/**
 * A cached result as the run's outcome: when the run's only streamed report is `json` (not quiet, no
 * summary, messages not needed), its piece is the cached bytes themselves and nothing is parsed;
 * otherwise the result is parsed and rendered as a fresh one would be. Null when the bytes are damaged.
 * The piece is a view of the cache's reused buffer: it must be written before the next hit is read.
 */
export async function cachedOutcome(hit: CachedResult, settings: LintRunSettings): Promise<LintOutcome | null> {
  const render = settings.render;
  if (render && render.formats.length > 0 && render.formats.every((f) => f === 'json') && !render.quiet && !render.keepMessages && !render.summary) {
    const bytes = hit.bytes();
    if (!bytes) return null;
    return { result: { ...hit.head, messages: [], document: undefined } as LintResult, pieces: render.formats.map(() => bytes) };
  }
  const result = hit.result();
  return result ? renderOutcome(result, settings) : null;
}

/** The JSON bytes the cache keeps of a result: the result without its document (the json report's piece). */
export function cacheBytesOf(result: LintResult): Uint8Array {
  const { document: _document, ...kept } = result;
  return Buffer.from(JSON.stringify(kept), 'utf8');
}

/** Where file contents are read for hashing: one buffer for the whole run. */
const hashChunk = Buffer.allocUnsafeSlow(1 << 20);

/**
 * The sha256 of a regular file's bytes, read through a reused buffer (a re-scan hashes every file:
 * no fresh memory per file); null when it is not a regular file, is larger than `maxFileSize` or
 * cannot be read (the run reports it, and it is not cached). Never opens a FIFO or a device.
 */
export function contentHash(filePath: string, maxFileSize: number): string | null {
  let fd: number | null = null;
  try {
    const named = statSync(filePath);
    if (!named.isFile() || named.size > maxFileSize) return null;
    fd = openSync(filePath, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    if (!fstatSync(fd).isFile()) return null;
    const hash = createHash('sha256');
    for (let total = 0; ; ) {
      const n = readSync(fd, hashChunk, 0, hashChunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxFileSize) return null;
      hash.update(hashChunk.subarray(0, n));
    }
    return hash.digest('hex');
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** The cache of one run: its index loaded once, consulted per file, saved once at the end. */
export class LintCache {
  private changed = false;
  /** Entries linted in this run, already written to the temporary file (their new place there). */
  private readonly written = new Map<string, EntryHeader>();
  /** The temporary file being written, and how many bytes it holds. */
  private out: { fd: number; file: string; size: number } | null = null;
  private readonly scratch = new ScratchBuffer();
  private failure: string | null = null;

  private constructor(
    /** Absolute path of the cache file. */
    readonly file: string,
    private readonly version: string,
    private readonly entries: Map<string, EntryHeader>,
    /** The cache file as it was when the run began, open for reading (null: none, or not usable). */
    private source: number | null,
  ) {}

  /**
   * Opens the cache file (a missing one is an empty cache). A file that is not a jxlint cache, or
   * is damaged, is reported through `warn` in one line and replaced at the end of the run.
   */
  static open(file: string, version: string, warn: (line: string) => void): LintCache {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return new LintCache(file, version, new Map(), null);
    }
    const fresh = () => {
      closeSync(fd);
      return Object.assign(new LintCache(file, version, new Map(), null), { changed: true });
    };
    const damaged = () => {
      warn(`jxlint: 缓存文件 ${file} 已损坏或不是 jxlint 的缓存，已忽略，本次检查后重写（the cache file is damaged or not jxlint's; ignored and rewritten）`);
      return fresh();
    };
    try {
      const size = fstatSync(fd).size;
      // The header line is short: it is in the first 4 KiB.
      const first = Buffer.allocUnsafe(Math.min(size, 4096));
      readAt(fd, first, first.length, 0);
      const firstEnd = first.indexOf(0x0a);
      let header: unknown;
      try {
        header = JSON.parse(first.toString('utf8', 0, firstEnd < 0 ? first.length : firstEnd));
      } catch {
        return damaged();
      }
      if (!isHeader(header)) return damaged();
      // Another jxlint version or cache format: its results may differ; start afresh without a warning.
      if (header.version !== version || header.formatVersion !== CACHE_FORMAT_VERSION) return fresh();
      if (firstEnd < 0) return damaged();
      return new LintCache(file, version, readIndex(fd, size, firstEnd + 1), fd);
    } catch (e) {
      if (e instanceof NotACache) return damaged();
      closeSync(fd);
      throw e;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The kept result of `filePath`, if its content and settings are those it was made with. */
  get(filePath: string, content: string, settings: string): CachedResult | undefined {
    const entry = this.entries.get(filePath);
    if (!entry || entry.content !== content || entry.settings !== settings) return undefined;
    return new CachedResult(this, entry);
  }

  /** An entry's result bytes from the cache file, in the reused buffer; null when unreadable or not matching their checksum. */
  readResult(entry: EntryHeader): Uint8Array | null {
    if (this.source === null) return null;
    const buffer = this.scratch.get(entry.length);
    try {
      readAt(this.source, buffer, entry.length, entry.offset);
    } catch {
      return null;
    }
    const bytes = buffer.subarray(0, entry.length);
    return crc32(bytes) === entry.crc32 ? bytes : null;
  }

  /**
   * Keeps a fresh result: its bytes (the result's JSON without its document, `cacheBytesOf`) are
   * written to the temporary file at once; only its index line is kept until `save`.
   */
  set(filePath: string, content: string, settings: string, result: LintResult, bytes: Uint8Array = cacheBytesOf(result)): void {
    const { document: _document, messages: _messages, ...head } = result;
    this.changed = true;
    this.entries.delete(filePath);
    const offset = this.append(bytes, Buffer.from('\n'));
    if (offset === null) return;
    this.written.set(filePath, { path: filePath, content, settings, crc32: crc32(bytes), head, offset, length: bytes.length });
  }

  /** Forgets a file's entry (its cached bytes were damaged). */
  drop(filePath: string): void {
    if (this.entries.delete(filePath)) this.changed = true;
  }

  /** Appends to the temporary file (opened, with the header line, on first use); the offset of the first part, or null after a failure. */
  private append(...parts: Uint8Array[]): number | null {
    if (this.failure) return null;
    try {
      if (!this.out) {
        mkdirSync(path.dirname(this.file), { recursive: true });
        const file = `${this.file}.${process.pid}.tmp`;
        const fd = openSync(file, 'w');
        // Removed on every exit path, a second Ctrl-C included, unless renamed into place.
        trackTemporaryFile(file);
        this.out = { fd, file, size: 0 };
        const header: CacheHeader = { format: CACHE_FORMAT, formatVersion: CACHE_FORMAT_VERSION, version: this.version };
        this.out.size += writeAll(fd, Buffer.from(JSON.stringify(header) + '\n'));
      }
      const offset = this.out.size;
      for (const part of parts) this.out.size += writeAll(this.out.fd, part);
      return offset;
    } catch (e) {
      this.failure = (e as NodeJS.ErrnoException).code ?? 'unknown';
      return null;
    }
  }

  /**
   * Writes the cache when it changed: the temporary file gets the kept entries' bytes after this
   * run's, then the index, and is renamed over the cache. Returns a one-line warning instead of
   * throwing when it cannot be written (the run's results stand).
   */
  save(): string | null {
    if (this.changed) {
      const index: EntryHeader[] = [...this.written.values()];
      for (const [filePath, entry] of this.entries) {
        if (this.written.has(filePath) || this.source === null) continue;
        const buffer = this.scratch.get(entry.length);
        try {
          readAt(this.source, buffer, entry.length, entry.offset);
        } catch {
          continue; // the old file is shorter than its index said: that entry is dropped
        }
        const offset = this.append(buffer.subarray(0, entry.length), Buffer.from('\n'));
        if (offset !== null) index.push({ ...entry, offset });
      }
      const indexStart = this.append();
      if (indexStart !== null) {
        const lines = index.map((entry) => JSON.stringify(entry) + '\n').join('');
        this.append(Buffer.from(lines + trailer(indexStart), 'utf8'));
      }
    }
    this.closeSource();
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
      forgetTemporaryFile(out.file);
    }
    if (!this.failure) {
      this.changed = false;
      return null;
    }
    return `jxlint: 无法写入缓存文件 ${this.file}（${this.failure}），本次结果不受影响（cannot write the cache file; this run's results are unaffected）`;
  }

  /** Removes the temporary file of an unfinished run (the cache file stays as it was). */
  discard(): void {
    this.closeSource();
    if (!this.out) return;
    try {
      closeSync(this.out.fd);
    } catch {
      // already closed
    }
    rmSync(this.out.file, { force: true });
    forgetTemporaryFile(this.out.file);
    this.out = null;
  }

  private closeSource(): void {
    if (this.source === null) return;
    try {
      closeSync(this.source);
    } catch {
      // already closed
    }
    this.source = null;
  }
}

function writeAll(fd: number, bytes: Uint8Array): number {
  for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
  return bytes.length;
}
