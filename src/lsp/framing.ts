/**
 * The base protocol's frames (`Content-Length: N\r\n\r\n` + N bytes), checked before the JSON-RPC
 * reader sees them. The reader of vscode-jsonrpc stops reading when a header is broken (no
 * Content-Length, a line without ':', a length that is not a number) until more bytes arrive — a
 * client waiting for an answer then waits for ever — and it buffers any message whole, however large
 * its Content-Length says it is. Here a broken header is dropped at once and reading goes on with the
 * next bytes; a message over MAX_MESSAGE_BYTES is skipped as it streams in, never held in memory.
 * Each is reported through `onDrop` (the server logs it to the client). Everything else passes
 * through byte for byte.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** The largest message read (64 MiB): a 10-million-character document sent whole fits. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** A header block longer than this without its blank line is not a header. */
const MAX_HEADER_BYTES = 8192;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

type State = { kind: 'header' } | { kind: 'body'; header: Buffer; need: number; parts: Buffer[] } | { kind: 'skip'; left: number };

export class FrameGuard extends Transform {
  private head: Buffer = Buffer.alloc(0);
  private state: State = { kind: 'header' };

  constructor(
    private readonly onDrop: (reason: string) => void,
    private readonly maxBytes = MAX_MESSAGE_BYTES,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data = chunk;
    while (data.length > 0) {
      const state = this.state;
      if (state.kind === 'skip') {
        const n = Math.min(state.left, data.length);
        state.left -= n;
        data = data.subarray(n);
        if (state.left === 0) this.state = { kind: 'header' };
        continue;
      }
      if (state.kind === 'body') {
        const n = Math.min(state.need, data.length);
        state.parts.push(data.subarray(0, n));
        state.need -= n;
        data = data.subarray(n);
        if (state.need === 0) {
          this.push(Buffer.concat([state.header, ...state.parts]));
          this.state = { kind: 'header' };
        }
        continue;
      }
      // Header: gather bytes up to the blank line.
      const joined = this.head.length > 0 ? Buffer.concat([this.head, data]) : data;
      const end = joined.indexOf(HEADER_END);
      if (end < 0) {
        if (joined.length > MAX_HEADER_BYTES) {
          this.onDrop(`discarded ${joined.length - 3} bytes that are not a message header`);
          this.head = Buffer.from(joined.subarray(joined.length - 3)); // the blank line may straddle chunks
        } else {
          this.head = Buffer.from(joined);
        }
        break;
      }
      const header = joined.subarray(0, end + HEADER_END.length);
      data = joined.subarray(end + HEADER_END.length);
      this.head = Buffer.alloc(0);
      const length = contentLength(header.toString('ascii'));
      if (length === null) {
        this.onDrop(`discarded a message header without a valid Content-Length: ${JSON.stringify(header.toString('latin1').slice(0, 200))}`);
        continue;
      }
      if (length > this.maxBytes) {
        this.onDrop(`skipped a message of ${length} bytes (the limit is ${this.maxBytes})`);
        this.state = { kind: 'skip', left: length };
        continue;
      }
      if (length === 0) {
        this.push(Buffer.from(header));
        continue;
      }
      this.state = { kind: 'body', header: Buffer.from(header), need: length, parts: [] };
    }
    done();
  }
}

/** The Content-Length of a header block, or null when the block is not a valid header. */
function contentLength(block: string): number | null {
  let length: number | null = null;
  for (const line of block.split('\r\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,15}$/.test(value)) return null;
    length = Number(value);
  }
  return length;
}
