/**
 * A large text export is decoded a chunk at a time (src/sources/text.ts `readTextInChunks`), never as
 * one string: the same encoding, lines, layout and blocks as decoding it whole, wherever the chunks
 * cut — inside a multi-byte character, between CR and LF, inside a byte-order mark.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, linesOfBytes, readText, readTextInChunks, readTextString, sniffEncoding, DECODE_WHOLE_UP_TO } from '../src/sources/text.js';
import type { BlockStream } from '../src/sources/blocks.js';

const seed = readFileSync('fixtures/seed/seed.txt', 'utf8');

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i + (bigEndian ? 0 : 1)] = c >> 8;
    out[2 + 2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
  }
  return out;
}

/** The stream as data: its info, its blocks and its notes. */
function asData(stream: BlockStream): unknown {
  return JSON.parse(JSON.stringify({ info: stream.info, blocks: stream.blocks, notes: stream.notes }));
}

/** The stream the whole way (decodeText, then readTextString), as readText does for smaller files. */
function whole(bytes: Uint8Array): BlockStream {
  const { text, encoding } = decodeText(bytes);
  const stream = readTextString(text);
  stream.info.encoding = encoding;
  return stream;
}

const inputs: [string, Uint8Array][] = [
  ['seed.txt (UTF-8, LF)', new TextEncoder().encode(seed)],
  ['seed, CR LF', new TextEncoder().encode(seed.replace(/\n/g, '\r\n'))],
  ['seed, CR only', new TextEncoder().encode(seed.replace(/\n/g, '\r'))],
  ['seed-gb18030-crlf.txt', new Uint8Array(readFileSync('fixtures/seed/seed-gb18030-crlf.txt'))],
  ['seed-rows.txt', new Uint8Array(readFileSync('fixtures/seed/seed-rows.txt'))],
  ['seed-libreoffice.txt', new Uint8Array(readFileSync('fixtures/seed/seed-libreoffice.txt'))],
  ['seed, UTF-8 BOM twice', new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...new TextEncoder().encode(seed)])],
  ['seed, UTF-16LE', utf16(seed.replace(/\n/g, '\r\n'), false)],
  ['seed, UTF-16BE', utf16(seed, true)],
  ['seed, one invalid byte (GB18030 fallback)', new Uint8Array([...new TextEncoder().encode(seed.slice(0, 500)), 0xff, ...new TextEncoder().encode(seed.slice(500))])],
];

describe('readTextInChunks', () => {
  it.each(inputs)('%s: the same stream as decoding whole, at chunk sizes 1 to 4096', (_name, bytes) => {
    const expected = asData(whole(bytes));
    for (const chunk of [1, 2, 3, 5, 7, 64, 1000, 4096]) {
      expect(sniffEncoding(bytes, chunk)).toBe(decodeText(bytes).encoding);
      expect(asData(readTextInChunks(bytes, chunk))).toEqual(expected);
    }
  });

  it('random text: the same lines as splitting the decoded whole, wherever the chunks cut', () => {
    const piece = fc.constantFrom('a', '\t', '\r', '\n', '\r\n', '指标', '≥98%', '\u{20bb7}', '\ufeff', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.integer({ min: 1, max: 17 }), (parts, chunk) => {
        const bytes = new TextEncoder().encode(`x${parts.join('')}`);
        const encoding = sniffEncoding(bytes, chunk);
        const text = decodeText(bytes).text;
        const expected = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
        expect([...linesOfBytes(bytes, encoding, chunk)]).toEqual(expected);
      }),
      { numRuns: 500, seed: 15 },
    );
  });

  it('random bytes read as GB18030: the same lines as decoding whole, wherever the chunks cut', () => {
    const byte = fc.oneof(fc.constantFrom(0x0a, 0x0d, 0x81, 0x30, 0xfe, 0x40, 0x7f, 0xff), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 120 }), fc.integer({ min: 1, max: 17 }), (values, chunk) => {
        const bytes = new Uint8Array([0x41, ...values]);
        const text = new TextDecoder('gb18030').decode(bytes);
        const expected = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
        expect([...linesOfBytes(bytes, 'gb18030', chunk)]).toEqual(expected);
      }),
      { numRuns: 500, seed: 18030 },
    );
  });

  it('readText decodes in chunks only above the limit, with the same result either way', () => {
    const big = new TextEncoder().encode(seed.repeat(Math.ceil((DECODE_WHOLE_UP_TO + 1) / new TextEncoder().encode(seed).length)));
    expect(big.length).toBeGreaterThan(DECODE_WHOLE_UP_TO);
    const chunked = readText(big);
    const wholeStream = whole(big);
    expect(chunked.info).toEqual(wholeStream.info);
    // Compare the first and last few hundred blocks (the whole list is ~60,000 blocks).
    const a = [...chunked.blocks];
    const b = [...wholeStream.blocks];
    expect(a.length).toBe(b.length);
    expect(JSON.stringify(a.slice(0, 300))).toBe(JSON.stringify(b.slice(0, 300)));
    expect(JSON.stringify(a.slice(-300))).toBe(JSON.stringify(b.slice(-300)));
  });

  it('empty and binary input: the same errors as decoding whole', () => {
    expect(() => sniffEncoding(new Uint8Array(0))).toThrow(/文件为空/);
    expect(() => sniffEncoding(new Uint8Array([1, 0, 2, 3]))).toThrow(/二进制/);
  });
});
