/**
 * Node's native inflate (原生解压) for the .docx readers: zlib's `inflateRawSync` instead of fflate's
 * JavaScript inflate, installed into the browser-safe core (zip-guard.ts `setRawInflate`) when the
 * Node edge is loaded. `maxOutputLength` makes zlib stop as soon as the output passes the cap, so
 * a zip bomb costs no more work than its allowed size.
 *
 * The readers themselves use `nodeRawInflate.inChunks`: the same inflate handing the output over in
 * 64 KiB pieces through one buffer kept per thread (复用缓冲区), straight into the XML scanner.
 * `inflateRawSync` inflates into 16 KiB pieces and concatenates them into a fresh buffer the size of
 * the part (~0.9 MB for a seed-sized document.xml, 2.4 MB for 200 projects); memory that fresh costs
 * a page fault per 4 KiB on first touch, which on a busy VM cost more than the inflate itself.
 */
import { createInflateRaw, inflateRawSync, constants } from 'node:zlib';
import { setRawInflate, type RawInflate } from '../sources/zip-guard.js';

export const nodeRawInflate: RawInflate = (data, maxOutput) => {
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, maxOutput) });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw e;
  }
};

/**
 * The native zlib stream under Node's `InflateRaw` (`_handle`, `_writeState`): what Node's own
 * `inflateRawSync` drives (lib/zlib.js `processChunkSync`). Not a documented API, so it is checked
 * for and the reused path is simply not offered when it is missing.
 */
interface ZlibHandle {
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
  reset(): void;
  onerror: (message: string, errno: number) => void;
}

interface ReusedInflater {
  engine: { close(): void };
  handle: ZlibHandle;
  /** [output bytes left, input bytes left] after each write. */
  state: Uint32Array;
  failed: string | null;
}

let inflater: ReusedInflater | null = null;

function makeInflater(): ReusedInflater | null {
  const engine = createInflateRaw() as unknown as { _handle?: ZlibHandle; _writeState?: Uint32Array; close(): void };
  const handle = engine._handle;
  const state = engine._writeState;
  if (!handle || typeof handle.writeSync !== 'function' || typeof handle.reset !== 'function' || !(state instanceof Uint32Array)) {
    engine.close();
    return null;
  }
  const made: ReusedInflater = { engine, handle, state, failed: null };
  // zlib reports a damaged stream through this callback, during writeSync.
  handle.onerror = (message) => {
    made.failed = message || 'zlib error';
  };
  return provesItself(made) ? made : null;
}

/** A known stream and what it inflates to: the internal path is used only if it gives these bytes. */
const PROBE = { deflated: new Uint8Array([203, 170, 200, 201, 204, 43, 81, 120, 190, 123, 229, 179, 169, 29, 207, 103, 175, 123, 182, 160, 253, 197, 194, 21, 10, 89, 36, 9, 3, 0]), text: 'jxlint 绩效目标表 '.repeat(3) };

/**
 * Inflates the probe through the handle, in pieces smaller than it, as `inflateInChunks` does: a
 * Node whose internals behave otherwise (another argument order, another state layout) fails here
 * once and the readers fall back to `inflateRawSync`, instead of getting wrong bytes.
 */
function provesItself(z: ReusedInflater): boolean {
  try {
    const piece = new Uint8Array(8);
    const pieces: number[] = [];
    let inOff = 0;
    let inLeft = PROBE.deflated.length;
    z.handle.reset();
    for (let step = 0; step < 64 && z.failed === null; step++) {
      z.handle.writeSync(constants.Z_FINISH, PROBE.deflated, inOff, inLeft, piece, 0, piece.length);
      const outLeft = z.state[0];
      inOff += inLeft - z.state[1];
      inLeft = z.state[1];
      pieces.push(...piece.subarray(0, piece.length - outLeft));
      if (outLeft !== 0) break;
    }
    if (z.failed === null && new TextDecoder().decode(new Uint8Array(pieces)) === PROBE.text) return true;
  } catch {
    // an internal that throws on this Node: not usable
  }
  z.engine.close();
  return false;
}

/** Output handed over per step: small enough to stay in the CPU's cache, large enough that a step's call is cheap. */
const CHUNK = 64 * 1024;
let chunkBuffer: Uint8Array | null = null;

/**
 * `nodeRawInflate` handing the output over in pieces of up to 64 KiB, all in one buffer reused from
 * call to call (a piece is valid only during `onChunk`). Returns the bytes produced, or null as soon
 * as they pass `maxOutput` (zlib decodes at most one piece more). A damaged stream throws.
 */
const inflateInChunks: NonNullable<RawInflate['inChunks']> = (data, maxOutput, onChunk) => {
  const limit = Math.max(1, maxOutput);
  inflater ??= makeInflater();
  const z = inflater;
  if (z === null) {
    const out = nodeRawInflate(data, maxOutput);
    if (out === null) return null;
    if (out.length > 0) onChunk(out);
    return out.length;
  }
  chunkBuffer ??= new Uint8Array(CHUNK);
  const out = chunkBuffer;
  z.handle.reset();
  z.failed = null;
  let inOff = 0;
  let inLeft = data.length;
  let produced = 0;
  for (;;) {
    z.handle.writeSync(constants.Z_FINISH, data, inOff, inLeft, out, 0, CHUNK);
    if (z.failed !== null) {
      const message = z.failed;
      z.engine.close();
      inflater = null;
      throw new Error(message);
    }
    const outLeft = z.state[0];
    const have = CHUNK - outLeft;
    inOff += inLeft - z.state[1];
    inLeft = z.state[1];
    produced += have;
    if (produced > limit) return null;
    if (have > 0) onChunk(out.subarray(0, have));
    // Room left over: the stream has ended (a stream cut short is reported as an error above).
    if (outLeft !== 0) return produced;
  }
};

nodeRawInflate.inChunks = inflateInChunks;

/** Installs the native inflater (idempotent). */
export function useNativeInflate(): void {
  setRawInflate(nodeRawInflate);
}
