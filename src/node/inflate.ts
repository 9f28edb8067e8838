/**
 * Node's native inflate (原生解压) for the .docx readers: zlib's `inflateRawSync` instead of fflate's
 * JavaScript inflate, installed into the browser-safe core (zip-guard.ts `setRawInflate`) when the
 * Node edge is loaded. `maxOutputLength` makes zlib stop as soon as the output passes the cap, so
 * a zip bomb costs no more work than its allowed size.
 *
 * The readers themselves use `nodeRawInflate.reusingBuffer`: the same inflate into one output buffer
 * kept per thread (复用缓冲区). `inflateRawSync` inflates into 16 KiB pieces and concatenates them
 * into a fresh buffer the size of the part (~0.9 MB for a seed-sized document.xml); memory that
 * fresh costs a page fault per 4 KiB on first touch, which on a busy VM cost more than the inflate.
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

/** Largest output kept in the reused buffer; a larger cap goes through `inflateRawSync`. */
const REUSED_BUFFER_MAX = 16 * 1024 * 1024;

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
let outBuffer = new Uint8Array(0);

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
  return made;
}

/**
 * `nodeRawInflate` into a buffer reused from call to call: the bytes returned are valid only until
 * the next call. Same results and the same bound on work: zlib is given room for `maxOutput + 1`
 * bytes and stops there.
 */
const inflateIntoReusedBuffer: RawInflate = (data, maxOutput) => {
  const room = Math.max(1, maxOutput) + 1;
  if (room > REUSED_BUFFER_MAX) return nodeRawInflate(data, maxOutput);
  inflater ??= makeInflater();
  const z = inflater;
  if (z === null) return nodeRawInflate(data, maxOutput);
  if (outBuffer.length < room) outBuffer = new Uint8Array(Math.min(REUSED_BUFFER_MAX, Math.max(room, outBuffer.length * 2, 64 * 1024)));
  z.handle.reset();
  z.failed = null;
  z.handle.writeSync(constants.Z_FINISH, data, 0, data.length, outBuffer, 0, room);
  if (z.failed !== null) {
    const message = z.failed;
    z.engine.close();
    inflater = null;
    throw new Error(message);
  }
  const produced = room - z.state[0];
  if (produced > Math.max(1, maxOutput)) return null;
  return outBuffer.subarray(0, produced);
};

nodeRawInflate.reusingBuffer = inflateIntoReusedBuffer;

/** Installs the native inflater (idempotent). */
export function useNativeInflate(): void {
  setRawInflate(nodeRawInflate);
}
