/**
 * Node's native inflate (原生解压) for the .docx readers: zlib's `inflateRawSync` instead of fflate's
 * JavaScript inflate, installed into the browser-safe core (zip-guard.ts `setRawInflate`) when the
 * Node edge is loaded. `maxOutputLength` makes zlib stop as soon as the output passes the cap, so
 * a zip bomb costs no more work than its allowed size.
 */
import { inflateRawSync } from 'node:zlib';
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

/** Installs the native inflater (idempotent). */
export function useNativeInflate(): void {
  setRawInflate(nodeRawInflate);
}
