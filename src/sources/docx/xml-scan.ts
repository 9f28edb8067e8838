/**
 * A fast, strict tokenizer for the XML Word writes (word/document.xml), working on the UTF-8 bytes
 * and feeding the same open/close/text events as saxes.
 *
 * Why not saxes alone: the streaming reader must be ≥ 15× faster than mammoth. On the seed's
 * 850 KB document.xml, decoding the bytes to a string costs ~8 ms and saxes another ~30 ms (it
 * builds an attribute object for each of ~32,000 tags) — most of the budget before a single Block
 * exists. Markup is ASCII and 97 % of the bytes are markup, so this scanner never decodes the
 * document: it finds tags in the bytes, makes tag names from a small cache, parses attributes only
 * when the reader asks, and decodes text only where the reader captures it (w:t, w:instrText).
 *
 * It is deliberately narrow: elements, attributes, character data, the five predefined entities
 * and character references, comments, CDATA and processing instructions. A DOCTYPE goes to
 * `onDoctype` (the caller refuses it); an unknown entity, an unclosed, mismatched or second root
 * tag is an `XmlSyntaxError`. The streaming reader can run on saxes instead (`xmlParser: 'saxes'`)
 * and a test holds both to the same Block stream on every fixture.
 *
 * Browser-safe: no Node-only imports.
 */

/** What the reader sees of a start tag; `attributes` is parsed on first access. */
export interface XmlTag {
  name: string;
  readonly attributes: Record<string, string>;
  isSelfClosing?: boolean;
  /**
   * One attribute's value, found without parsing the others (the .xlsx reader reads `r`, `s` and
   * `t` of every cell); undefined when absent. Optional: other tokenizers may offer `attributes` only.
   */
  attribute?(name: string): string | undefined;
  /**
   * A small integer for the tag's name, the same for every tag of that name within one scanner
   * (lets a handler dispatch through an array instead of comparing strings). Optional: other
   * tokenizers may not number names.
   */
  nameId?: number;
}

/** What the handler sees of an end tag (or the end of a self-closing one). */
export interface XmlEndTag {
  name: string;
  /** As `XmlTag.nameId`. */
  nameId?: number;
}

export interface XmlHandler {
  /** The tag object may be reused after the call returns: read what you need during the call. */
  open(tag: XmlTag): void;
  close(tag: XmlEndTag): void;
  onText(text: string): void;
  /** Whether text at this point is wanted (lets the scanner skip decoding it). */
  wantsText(): boolean;
}

export class XmlSyntaxError extends Error {}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|[^;\s]*);?/g;

export function decodeXmlEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (m, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    if (m.endsWith(';') && e.startsWith('#')) {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff) return String.fromCodePoint(code);
    }
    throw new XmlSyntaxError(`undefined entity ${m}`);
  });
}

const utf8 = new TextDecoder('utf-8');

/** Decodes a byte range: plain ASCII without TextDecoder's per-call cost. */
function decodeRange(b: Uint8Array, start: number, end: number): string {
  const len = end - start;
  if (len <= 0) return '';
  if (len <= 64) {
    let ascii = true;
    for (let i = start; i < end; i++) if (b[i] >= 0x80) (ascii = false), (i = end);
    if (ascii) return String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
  }
  return utf8.decode(b.subarray(start, end));
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * `name="value"` pairs of a start tag, in one pass (a regular expression here backtracked: a 40 KB
 * run of letters without "=" took 1.6 s, growing with the square of its length). A name without a
 * value is skipped, as is any stray character between pairs.
 */
export function parseAttributes(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  const n = raw.length;
  let i = 0;
  while (i < n) {
    while (i < n && (isSpace(raw.charCodeAt(i)) || raw.charCodeAt(i) === 0x2f)) i++;
    const nameStart = i;
    for (let c = raw.charCodeAt(i); i < n && !isSpace(c) && c !== 0x3d && c !== 0x2f; c = raw.charCodeAt(++i));
    const name = raw.slice(nameStart, i);
    while (i < n && isSpace(raw.charCodeAt(i))) i++;
    if (raw.charCodeAt(i) !== 0x3d) continue;
    i++;
    while (i < n && isSpace(raw.charCodeAt(i))) i++;
    const quote = raw.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) continue;
    const end = raw.indexOf(raw[i], i + 1);
    if (end < 0) break;
    if (name !== '') out[name] = decodeXmlEntities(raw.slice(i + 1, end));
    i = end + 1;
  }
  return out;
}

/** One start tag; the scanner reuses a single instance (the handler reads it during `open` only). */
class LazyTag implements XmlTag {
  name = '';
  nameId = 0;
  isSelfClosing = false;
  private bytes: Uint8Array = new Uint8Array(0);
  private start = 0;
  private end = 0;
  private parsed: Record<string, string> | null = null;

  reset(name: string, nameId: number, bytes: Uint8Array, start: number, end: number, isSelfClosing: boolean): this {
    this.name = name;
    this.nameId = nameId;
    this.bytes = bytes;
    this.start = start;
    this.end = end;
    this.isSelfClosing = isSelfClosing;
    this.parsed = null;
    return this;
  }

  get attributes(): Record<string, string> {
    if (this.parsed === null) {
      this.parsed = parseAttributes(decodeRange(this.bytes, this.start, this.end));
    }
    return this.parsed;
  }

  attribute(name: string): string | undefined {
    if (this.parsed !== null) return this.parsed[name];
    const b = this.bytes;
    const end = this.end;
    const n = name.length;
    // As in `attributes`, a repeated name's last value wins.
    let found = -1;
    let foundEnd = -1;
    // Pairs are `name = "value"` or `name = 'value'`; anything else falls back to the full parse.
    for (let i = this.start; i < end; ) {
      while (i < end && (isSpace(b[i]) || b[i] === 0x2f)) i++;
      const nameStart = i;
      while (i < end && b[i] !== 0x3d && !isSpace(b[i]) && b[i] !== 0x2f) i++;
      const nameEnd = i;
      while (i < end && isSpace(b[i])) i++;
      if (b[i] !== 0x3d) return this.attributes[name];
      i++;
      while (i < end && isSpace(b[i])) i++;
      const quote = b[i];
      if (quote !== 0x22 && quote !== 0x27) return this.attributes[name];
      const close = b.indexOf(quote, i + 1);
      if (close < 0 || close >= end) return this.attributes[name];
      if (nameEnd - nameStart === n) {
        let same = true;
        for (let k = 0; k < n; k++) if (b[nameStart + k] !== name.charCodeAt(k)) (same = false), (k = n);
        if (same) (found = i + 1), (foundEnd = close);
      }
      i = close + 1;
    }
    return found < 0 ? undefined : decodeXmlEntities(decodeRange(b, found, foundEnd));
  }
}

/**
 * The first `byte` at or after `from`, or -1. A loop rather than `Uint8Array#indexOf`: V8 runs that
 * as a C++ builtin whose call costs more than scanning the ~20 bytes between two tags (the scanner
 * calls it twice per element: 64,000 calls on the seed's document.xml).
 */
function indexOfByte(b: Uint8Array, byte: number, from: number): number {
  const n = b.length;
  for (let i = from; i < n; i++) if (b[i] === byte) return i;
  return -1;
}

/** Slots of the scanner's tag-name table: 2^NAME_SLOT_BITS. */
const NAME_SLOT_BITS = 11;

/**
 * What a byte means inside a tag, for the scanner's per-byte loops (one table load instead of up to
 * six comparisons): NAME_END bytes end a tag name (blanks, '/', '>'); TAG_MARK bytes are what the
 * attribute loop stops at ('"', "'", '<', '>').
 */
const NAME_END = 1;
const TAG_MARK = 2;
const BYTE_CLASS = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0a, 0x0d, 0x2f, 0x3e]) BYTE_CLASS[c] |= NAME_END;
for (const c of [0x22, 0x27, 0x3c, 0x3e]) BYTE_CLASS[c] |= TAG_MARK;

function startsWithAscii(b: Uint8Array, at: number, s: string): boolean {
  if (at + s.length > b.length) return false;
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

function indexOfAscii(b: Uint8Array, s: string, from: number): number {
  const first = s.charCodeAt(0);
  for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1)) if (startsWithAscii(b, i, s)) return i;
  return -1;
}

/** Scans UTF-8 XML given in chunks; tokens and text runs are never split across events. */
export class XmlScanner {
  /**
   * Bytes of an unfinished token (a tag or text run cut by the chunk boundary) and what follows it:
   * `pending[0, pendingLength)`. The buffer grows by doubling, and the token is scanned again only
   * once the pending bytes have doubled since the last try — a token of n bytes spread over many
   * chunks costs O(n), not O(n²/chunk size) (one 16 MB attribute took 8.6 s, now linear).
   */
  private pending = new Uint8Array(0);
  private pendingLength = 0;
  private rescanAt = 0;
  /** Bytes the scanner has looked at (for tests that prove linear work). */
  bytesScanned = 0;
  /** The names (ids) of the open elements. */
  private readonly stack: number[] = [];
  private sawRoot = false;
  private first = true;
  /** No more input: a short token at the end is complete, not cut off. */
  private final = false;
  /**
   * Tag names (names repeat endlessly: w:p, w:r, w:t …): a direct-mapped table by a hash of the
   * name's bytes (slot → id); each distinct name once, as a string in `idNames` and as bytes at
   * `nameBytes[idStart[id], idStart[id + 1])`; `ids` finds a name's id when its slot held another.
   */
  private readonly slotIds = new Int32Array(1 << NAME_SLOT_BITS).fill(-1);
  private readonly idNames: string[] = [];
  private idStart = new Int32Array(64);
  private nameBytes = new Uint8Array(1024);
  private readonly ids = new Map<string, number>();
  private readonly tag = new LazyTag();
  private readonly closing: XmlEndTag = { name: '', nameId: 0 };

  constructor(
    private readonly handler: XmlHandler,
    private readonly onDoctype: () => never,
  ) {}

  write(chunk: Uint8Array): void {
    if (this.first) {
      this.first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (this.pendingLength === 0) {
      const done = this.scan(chunk);
      if (done < chunk.length) this.keep(chunk.subarray(done));
      return;
    }
    this.append(chunk);
    if (this.pendingLength >= this.rescanAt) this.scanPending();
  }

  close(): void {
    this.final = true;
    if (this.pendingLength > 0) {
      const rest = this.pending.subarray(0, this.pendingLength);
      this.pendingLength = 0;
      const done = this.scan(rest);
      if (rest.indexOf(0x3c, done) >= 0) throw new XmlSyntaxError('unexpected end of document');
    }
    if (this.stack.length > 0) throw new XmlSyntaxError(`unclosed tag <${this.idNames[this.stack[this.stack.length - 1]]}>`);
    if (!this.sawRoot) throw new XmlSyntaxError('no root element');
  }

  private append(bytes: Uint8Array): void {
    const need = this.pendingLength + bytes.length;
    if (need > this.pending.length) {
      const grown = new Uint8Array(Math.max(need, this.pending.length * 2, 4096));
      grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    this.pending.set(bytes, this.pendingLength);
    this.pendingLength = need;
  }

  /** Keeps an unfinished tail; it is tried again once the pending bytes have doubled. */
  private keep(tail: Uint8Array): void {
    this.append(tail);
    this.rescanAt = this.pendingLength * 2;
  }

  private scanPending(): void {
    const view = this.pending.subarray(0, this.pendingLength);
    const done = this.scan(view);
    this.pending.copyWithin(0, done, this.pendingLength);
    this.pendingLength -= done;
    this.rescanAt = this.pendingLength * 2;
  }

  /** The id of the name in `b[start, end)`. */
  private nameId(b: Uint8Array, start: number, end: number): number {
    const len = end - start;
    // Names are short and differ early, late or by length: four bytes make a good enough hash;
    // a name is looked for in its slot and the one beside it.
    const h = len > 0 ? Math.imul(len ^ (b[start + (len > 2 ? 2 : 0)] << 8) ^ (b[end - 1] << 16) ^ (b[start + (len >> 1)] << 24), 0x9e3779b1) : 0;
    const slot = h >>> (32 - NAME_SLOT_BITS);
    const slots = this.slotIds;
    const first = slots[slot];
    if (first >= 0 && this.sameName(b, start, end, first)) return first;
    const second = slots[slot ^ 1];
    if (second >= 0 && this.sameName(b, start, end, second)) return second;
    const name = decodeRange(b, start, end);
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.idNames.length;
      this.idNames.push(name);
      this.ids.set(name, id);
      this.storeNameBytes(id, b, start, end);
    }
    slots[first < 0 || second >= 0 ? slot : slot ^ 1] = id;
    return id;
  }

  /** Whether `b[start, end)` are the bytes of the name `id`. */
  private sameName(b: Uint8Array, start: number, end: number, id: number): boolean {
    const from = this.idStart[id];
    if (this.idStart[id + 1] - from !== end - start) return false;
    const bytes = this.nameBytes;
    for (let i = start, j = from; i < end; i++, j++) if (b[i] !== bytes[j]) return false;
    return true;
  }

  private storeNameBytes(id: number, b: Uint8Array, start: number, end: number): void {
    if (id + 2 > this.idStart.length) {
      const grown = new Int32Array(this.idStart.length * 2);
      grown.set(this.idStart);
      this.idStart = grown;
    }
    const at = this.idStart[id];
    const need = at + (end - start);
    if (need > this.nameBytes.length) {
      const grown = new Uint8Array(Math.max(need, this.nameBytes.length * 2));
      grown.set(this.nameBytes.subarray(0, at));
      this.nameBytes = grown;
    }
    this.nameBytes.set(b.subarray(start, end), at);
    this.idStart[id + 1] = need;
  }

  /** Scans as far as complete tokens go; returns where the unfinished rest begins. */
  private scan(b: Uint8Array): number {
    const h = this.handler;
    const n = b.length;
    this.bytesScanned += n;
    let pos = 0;
    for (;;) {
      const lt = indexOfByte(b, 0x3c, pos);
      if (lt < 0) return pos; // text after the last tag waits for the next chunk
      if (lt > pos && this.stack.length > 0 && h.wantsText()) h.onText(decodeXmlEntities(decodeRange(b, pos, lt)));
      if (lt + 1 >= n) return lt;
      const c = b[lt + 1];
      if (c === 0x2f) {
        // </name>
        const gt = indexOfByte(b, 0x3e, lt + 2);
        if (gt < 0) return lt;
        let e = gt;
        while (e > lt + 2 && (b[e - 1] === 0x20 || b[e - 1] === 0x09 || b[e - 1] === 0x0a || b[e - 1] === 0x0d)) e--;
        // Most end tags close what is open: compared with its name, not looked up.
        let id = this.stack.length > 0 ? this.stack[this.stack.length - 1] : -1;
        if (id < 0 || !this.sameName(b, lt + 2, e, id)) {
          const name = this.idNames[this.nameId(b, lt + 2, e)];
          if (id < 0 || this.idNames[id] !== name) throw new XmlSyntaxError(`mismatched </${name}>`);
        }
        this.stack.pop();
        this.closing.name = this.idNames[id];
        this.closing.nameId = id;
        h.close(this.closing);
        pos = gt + 1;
        continue;
      }
      if (c === 0x21) {
        // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE …
        if (!this.final && n - lt < 9) return lt;
        if (startsWithAscii(b, lt, '<!--')) {
          const end = indexOfAscii(b, '-->', lt + 4);
          if (end < 0) return lt;
          pos = end + 3;
          continue;
        }
        if (startsWithAscii(b, lt, '<![CDATA[')) {
          const end = indexOfAscii(b, ']]>', lt + 9);
          if (end < 0) return lt;
          if (this.stack.length > 0 && h.wantsText()) h.onText(decodeRange(b, lt + 9, end));
          pos = end + 3;
          continue;
        }
        this.onDoctype();
      }
      if (c === 0x3f) {
        // <? ?>
        const end = indexOfAscii(b, '?>', lt + 2);
        if (end < 0) return lt;
        pos = end + 2;
        continue;
      }
      // Start tag: name, then attributes up to the '>' outside quotes.
      let i = lt + 1;
      while (i < n && (BYTE_CLASS[b[i]] & NAME_END) === 0) i++;
      if (i >= n) return lt;
      if (i === lt + 1) throw new XmlSyntaxError('empty tag name');
      const nameEnd = i;
      for (; i < n; i++) {
        const ch = b[i];
        if ((BYTE_CLASS[ch] & TAG_MARK) === 0) continue;
        if (ch === 0x3e) break;
        if (ch === 0x22 || ch === 0x27) {
          // A quoted value: everything up to the same quote, '>' and '<' included.
          i++;
          while (i < n && b[i] !== ch) i++;
        } else if (ch === 0x3c) throw new XmlSyntaxError('< inside a tag');
      }
      if (i >= n) return lt;
      const selfClosing = b[i - 1] === 0x2f;
      const id = this.nameId(b, lt + 1, nameEnd);
      const name = this.idNames[id];
      if (this.stack.length === 0 && this.sawRoot) throw new XmlSyntaxError('second root element');
      this.sawRoot = true;
      h.open(this.tag.reset(name, id, b, nameEnd, selfClosing ? i - 1 : i, selfClosing));
      if (selfClosing) {
        this.closing.name = name;
        this.closing.nameId = id;
        h.close(this.closing);
      } else this.stack.push(id);
      pos = i + 1;
    }
  }
}
