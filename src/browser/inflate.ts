/**
 * Unzipping in the browser (浏览器内解压): .docx entries are inflated by the platform's
 * `DecompressionStream('deflate-raw')` instead of fflate, under the same zip-bomb limits.
 *
 * The readers of src/sources are synchronous and ask zip-guard.ts for one entry at a time through the
 * injectable one-shot inflater (`setRawInflate`, the same door Node's native zlib uses); a
 * DecompressionStream is asynchronous. So `readSourceInBrowser` runs the unchanged `readSource` with an
 * inflater that answers from bytes inflated beforehand; when the reader asks for an entry that is not
 * inflated yet, the attempt is abandoned (whatever it threw is discarded), that entry is inflated
 * asynchronously — stopping as soon as the output passes the cap the reader asked for — and the
 * reader runs again. A .docx needs at most five entries (.rels, the main part, its .rels, numbering,
 * styles), so at most a few short attempts precede the one that reads the document. A workbook needs
 * one entry per sheet: once a file has asked for more than a .docx does, every XML part of the package
 * is inflated before the next attempt, so a workbook of hundreds of sheets takes a handful of attempts,
 * not one per sheet. The readers' logic, and every limit check in zip-guard.ts, stay exactly those
 * Node runs.
 */
import type { BlockStream } from '../sources/blocks.js';
import { readSource, type ReadSourceOptions } from '../sources/index.js';
import { DEFAULT_ZIP_LIMITS, entryData, joinChunks, readZipDirectory, setRawInflate, type RawInflate, type ZipEntry } from '../sources/zip-guard.js';

/** Compressed bytes written per step: at deflate's ~1032:1 maximum, ≤ 4 MiB of output per step. */
const INFLATE_STEP = 4 * 1024;

/**
 * Inflates raw deflate data with DecompressionStream, counting the output: returns null as soon as
 * it passes `maxOutput` bytes (the rest is never decoded); rejects when the data is damaged.
 */
export async function inflateRawBounded(data: Uint8Array, maxOutput: number): Promise<Uint8Array | null> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Written in small steps so that backpressure holds the decoder back until the output is counted.
  const feeding = (async () => {
    for (let p = 0; p < data.length; p += INFLATE_STEP) {
      await writer.ready;
      await writer.write(data.subarray(p, Math.min(data.length, p + INFLATE_STEP)) as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  })();
  feeding.catch(() => undefined); // a damaged stream also rejects reader.read(), which reports it
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxOutput) {
      await reader.cancel().catch(() => undefined);
      await writer.abort().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  await feeding;
  return joinChunks(chunks, total);
}

/** What one entry inflated to: its bytes, or `over` (passed `cap`), or the inflater's error. */
interface Inflated {
  cap: number;
  bytes: Uint8Array | null;
  error: unknown;
}

/** An entry the reader asked for that is not inflated yet. */
interface Missing {
  key: string;
  data: Uint8Array;
  cap: number;
}

/** Entries are told apart by where their compressed data sits in the file. */
function keyOf(data: Uint8Array): string {
  return `${data.byteOffset}:${data.length}`;
}

/** The answer for `maxOutput` from an earlier inflation, or undefined when it cannot tell. */
function answer(found: Inflated | undefined, maxOutput: number): Uint8Array | null | undefined {
  if (!found) return undefined;
  if (found.error !== null) throw found.error;
  if (found.bytes === null) return maxOutput <= found.cap ? null : undefined;
  return found.bytes.length > maxOutput ? null : found.bytes;
}

/** The most attempts one file may take (each inflates one more entry, or all XML parts at once). */
const MAX_ATTEMPTS = 64;

/** After this many entries asked for one at a time, the rest of the package's XML parts are inflated together. */
const ONE_AT_A_TIME = 5;

/** Inflates one entry, stopping one byte past `cap`, and keeps the outcome. */
async function inflateInto(inflated: Map<string, Inflated>, key: string, data: Uint8Array, cap: number): Promise<void> {
  try {
    inflated.set(key, { cap, bytes: await inflateRawBounded(data, cap), error: null });
  } catch (error) {
    inflated.set(key, { cap, bytes: null, error });
  }
}

/**
 * Inflates every deflated XML part (.xml, .rels) not inflated yet, each capped one byte past its
 * declared size — the most the readers ever ask of an entry — so that the answers are the ones the
 * entries would give one at a time. Skipped when the declared sizes pass the total limit: the reader
 * refuses such a package before it inflates anything.
 */
async function inflateXmlParts(bytes: Uint8Array, inflated: Map<string, Inflated>, maxInflatedSize: number): Promise<void> {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch {
    return; // the reader reports the damage
  }
  const parts = entries.filter((e) => e.method === 8 && (e.flags & 1) === 0 && /\.(xml|rels)$/i.test(e.name));
  if (parts.reduce((sum, e) => sum + e.size, 0) > maxInflatedSize) return;
  for (const e of parts) {
    let data: Uint8Array;
    try {
      data = entryData(bytes, e);
    } catch {
      continue; // a broken local header: the reader reports it if it needs the part
    }
    const key = keyOf(data);
    if (!inflated.has(key)) await inflateInto(inflated, key, data, e.size + 1);
  }
}

/**
 * `readSource` with .docx entries inflated by DecompressionStream. Same Block stream, same
 * `SourceError`s as Node. Files must be read one at a time (the inflater is installed per call).
 */
export async function readSourceInBrowser(bytes: Uint8Array, options: ReadSourceOptions): Promise<BlockStream> {
  const inflated = new Map<string, Inflated>();
  for (let attempt = 0; ; attempt++) {
    let missing: Missing | null = null;
    const replay: RawInflate = (data, maxOutput) => {
      const key = keyOf(data);
      const known = answer(inflated.get(key), maxOutput);
      if (known !== undefined) return known;
      missing ??= { key, data, cap: maxOutput };
      // Ends this attempt (as a refusal the reader passes on); the entry is inflated and the reader runs again.
      return null;
    };
    const previous = setRawInflate(replay);
    let outcome: { stream: BlockStream } | { error: unknown };
    try {
      outcome = { stream: await readSource(bytes, options) };
    } catch (error) {
      outcome = { error };
    } finally {
      setRawInflate(previous);
    }
    const need = missing as Missing | null;
    if (need === null || attempt >= MAX_ATTEMPTS) {
      if ('stream' in outcome) return outcome.stream;
      throw outcome.error;
    }
    await inflateInto(inflated, need.key, need.data, need.cap);
    if (attempt + 1 === ONE_AT_A_TIME) await inflateXmlParts(bytes, inflated, options.maxInflatedSize ?? DEFAULT_ZIP_LIMITS.maxInflatedSize);
  }
}
