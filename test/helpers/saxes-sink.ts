/**
 * The streaming .docx reader on saxes instead of its own byte scanner — test-only: the differential
 * tests check that the scanner (src/sources/docx/xml-scan.ts) tokenizes every fixture as a reference
 * XML parser does. Production never picks it, so saxes is a devDependency.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { XmlSinkFactory } from '../../src/sources/docx/stream.js';

/** An `XmlSinkFactory` for `readDocxStream(bytes, limits, saxesSink)`. */
export const saxesSink: XmlSinkFactory = (handler, refuseDoctype) => {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => handler.open(tag as SaxesTagPlain));
  parser.on('closetag', (tag) => handler.close(tag as SaxesTagPlain));
  parser.on('text', (t) => handler.onText(t));
  parser.on('cdata', (t) => handler.onText(t));
  parser.on('doctype', refuseDoctype);
  const decoder = new Utf8ChunkDecoder();
  return {
    write: (chunk) => void parser.write(decoder.decode(chunk)),
    close: () => {
      parser.write(decoder.end());
      parser.close();
    },
  };
};

/**
 * Decodes a byte stream chunk by chunk. TextDecoder's `stream: true` path is several times slower
 * than a one-shot decode, so each chunk is cut at the last complete UTF-8 sequence and decoded in
 * one go; the cut-off tail waits for the next chunk. UTF-16 (with BOM) uses the streaming path.
 */
class Utf8ChunkDecoder {
  private tail: Uint8Array | null = null;
  private utf16: TextDecoder | null = null;
  private first = true;
  private readonly utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

  decode(chunk: Uint8Array): string {
    if (this.first) {
      this.first = false;
      if (chunk[0] === 0xff && chunk[1] === 0xfe) this.utf16 = new TextDecoder('utf-16le');
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) this.utf16 = new TextDecoder('utf-16be');
      else if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (this.utf16) return this.utf16.decode(chunk, { stream: true });
    let bytes = chunk;
    if (this.tail) {
      bytes = new Uint8Array(this.tail.length + chunk.length);
      bytes.set(this.tail);
      bytes.set(chunk, this.tail.length);
      this.tail = null;
    }
    // Back up over continuation bytes to the lead byte of the last sequence; keep it if incomplete.
    let cut = bytes.length;
    let i = bytes.length - 1;
    let back = 0;
    while (i >= 0 && back < 4 && (bytes[i] & 0xc0) === 0x80) (i--, back++);
    if (i >= 0) {
      const lead = bytes[i];
      const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      if (bytes.length - i < need) cut = i;
    }
    if (cut < bytes.length) this.tail = bytes.slice(cut);
    return this.utf8.decode(bytes.subarray(0, cut));
  }

  end(): string {
    if (this.utf16) return this.utf16.decode();
    const rest = this.tail ? this.utf8.decode(this.tail) : '';
    this.tail = null;
    return rest;
  }
}
