/**
 * ZIP safety for .docx input (压缩包安全检查): the central directory is read first, and a file whose
 * declared sizes pass a limit is refused before a single byte is inflated. The one entry a reader
 * needs is then inflated in small steps with fflate's streaming `Inflate`, and the limits are enforced
 * again on the bytes actually produced, because declared sizes can lie.
 *
 * Browser-safe: no Node-only imports.
 */
import { Inflate, inflateSync } from 'fflate';
import { SourceError } from './blocks.js';

/** Limits on what a .docx may inflate to. All sizes in bytes. */
export interface ZipLimits {
  /** Largest inflated size of the main document part (word/document.xml). Default 64 MiB. */
  maxEntrySize: number;
  /** Largest inflated size of all entries together. Default 256 MiB. */
  maxInflatedSize: number;
  /** Largest inflated:compressed ratio of one entry (checked on entries of 1 MiB or more). Default 200. */
  maxCompressionRatio: number;
}

export const MiB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntrySize: 64 * MiB,
  maxInflatedSize: 256 * MiB,
  maxCompressionRatio: 200,
};

/** Entries smaller than this are not ratio-checked: a tiny, very compressible part is harmless. */
export const RATIO_CHECK_FLOOR = 1 * MiB;

/** One entry of the ZIP central directory (中央目录). */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  /** General-purpose flags; bit 0 = encrypted. */
  flags: number;
  compressedSize: number;
  /** Declared inflated size. */
  size: number;
  localHeaderOffset: number;
}

const CORRUPT_ZH = '文件已损坏：不是完整的 .docx 压缩包（可能下载或拷贝不完整），请重新导出或用 Word 另存后再试';
const CORRUPT_EN = 'The file is damaged: not a complete .docx (ZIP) package; export it again or re-save it in Word';

export function corruptDocx(detailZh?: string, detailEn?: string): SourceError {
  return new SourceError(
    'corrupt-docx',
    detailZh ? `${CORRUPT_ZH}（${detailZh}）` : CORRUPT_ZH,
    detailEn ? `${CORRUPT_EN} (${detailEn})` : CORRUPT_EN,
  );
}

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

/** True when the bytes start like a ZIP local file header (or an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6) || (bytes[2] === 7 && bytes[3] === 8))
  );
}

/**
 * Reads the central directory. Throws `corrupt-docx` when it is missing or points outside the file
 * (a truncated download). Reads nothing but the directory.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const n = bytes.length;
  let eocd = -1;
  for (let e = n - 22; e >= 0 && n - e <= 65557; e--) {
    if (bytes[e] === 0x50 && bytes[e + 1] === 0x4b && bytes[e + 2] === 5 && bytes[e + 3] === 6) {
      eocd = e;
      break;
    }
  }
  if (eocd < 0) throw corruptDocx('找不到压缩包目录', 'no ZIP central directory');
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  // ZIP64 end-of-central-directory locator just before the EOCD.
  if (eocd >= 20 && u32(bytes, eocd - 20) === 0x07064b50) {
    const z = u64(bytes, eocd - 12);
    if (z + 56 <= n && u32(bytes, z) === 0x06064b50) {
      count = u64(bytes, z + 32);
      cdSize = u64(bytes, z + 40);
      cdOffset = u64(bytes, z + 48);
    }
  }
  if (cdOffset + cdSize > n) throw corruptDocx('压缩包目录超出文件末尾', 'the central directory runs past the end of the file');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > n || u32(bytes, p) !== 0x02014b50) throw corruptDocx('压缩包目录项无效', 'invalid central directory entry');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localHeaderOffset = u32(bytes, p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > n) throw corruptDocx('压缩包目录项无效', 'invalid central directory entry');
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 extended information extra field (0x0001).
    if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      let x = p + 46 + nameLen;
      const end = x + extraLen;
      while (x + 4 <= end) {
        const id = u16(bytes, x);
        const len = u16(bytes, x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          if (size === 0xffffffff && q + 8 <= x + 4 + len) (size = u64(bytes, q)), (q += 8);
          if (compressedSize === 0xffffffff && q + 8 <= x + 4 + len) (compressedSize = u64(bytes, q)), (q += 8);
          if (localHeaderOffset === 0xffffffff && q + 8 <= x + 4 + len) localHeaderOffset = u64(bytes, q);
          break;
        }
        x += 4 + len;
      }
    }
    entries.push({ name, method, flags, compressedSize, size, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${(bytes / (1024 * MiB)).toFixed(1)} GiB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

export function zipBomb(zh: string, en: string): SourceError {
  return new SourceError(
    'zip-bomb',
    `文件解压后过大：${zh}，疑似压缩炸弹，已拒绝读取；如确属正常文件，请调高 --max-inflated-size`,
    `The file would inflate too far: ${en}; refused as a possible zip bomb (raise --max-inflated-size if it is genuine)`,
  );
}

/**
 * Checks the declared sizes of every entry against the limits. `mainPart` is the entry whose
 * inflated size is capped by `maxEntrySize` (the main document part); other entries count toward
 * the total and the ratio check. Runs in microseconds and allocates nothing.
 */
export function checkDeclaredSizes(entries: ZipEntry[], limits: ZipLimits, mainPart: string | null): void {
  let total = 0;
  for (const e of entries) {
    if (e.name === mainPart && e.size > limits.maxEntrySize) {
      throw zipBomb(
        `${e.name} 声明解压为 ${formatSize(e.size)}，上限 ${formatSize(limits.maxEntrySize)}`,
        `${e.name} declares ${formatSize(e.size)}, limit ${formatSize(limits.maxEntrySize)}`,
      );
    }
    total += e.size;
    if (total > limits.maxInflatedSize) {
      throw zipBomb(
        `全部内容声明解压超过 ${formatSize(limits.maxInflatedSize)}`,
        `all entries together declare more than ${formatSize(limits.maxInflatedSize)}`,
      );
    }
    if (e.size >= RATIO_CHECK_FLOOR && e.size > e.compressedSize * limits.maxCompressionRatio) {
      const ratio = Math.round(e.size / Math.max(1, e.compressedSize));
      throw zipBomb(
        `${e.name} 压缩比 ${ratio}:1，上限 ${limits.maxCompressionRatio}:1`,
        `${e.name} has a compression ratio of ${ratio}:1, limit ${limits.maxCompressionRatio}:1`,
      );
    }
  }
}

/** Start of an entry's data, after its local header. */
/** The compressed data of an entry: the bytes the inflater is handed for it. */
export function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const start = dataStart(bytes, e);
  return bytes.subarray(start, start + e.compressedSize);
}

function dataStart(bytes: Uint8Array, e: ZipEntry): number {
  const o = e.localHeaderOffset;
  if (o + 30 > bytes.length || u32(bytes, o) !== 0x04034b50) throw corruptDocx(`${e.name} 的本地文件头无效`, `invalid local header of ${e.name}`);
  const start = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
  if (start + e.compressedSize > bytes.length) throw corruptDocx(`${e.name} 的数据不完整`, `${e.name} is cut off`);
  return start;
}

/**
 * A one-shot raw-deflate inflater the platform provides (平台原生解压), e.g. Node's
 * `zlib.inflateRawSync`: inflates `data` whole and returns the bytes, or `null` as soon as they would
 * pass `maxOutput` bytes (it must stop decoding there, so the work is bounded too); throws on a
 * damaged stream. Installed by the Node edge (src/node/inflate.ts); without one (the browser), the
 * entries are inflated with fflate.
 */
export interface RawInflate {
  (data: Uint8Array, maxOutput: number): Uint8Array | null;
  /**
   * The same inflater handing the output to `onChunk` in pieces (分块解压) through a buffer it reuses
   * (a piece is valid only during the call): returns the bytes produced, or null as soon as they
   * pass `maxOutput` (it must stop decoding there); throws on a damaged stream. Must not be called
   * again from inside `onChunk`.
   */
  inChunks?(data: Uint8Array, maxOutput: number, onChunk: (chunk: Uint8Array) => void): number | null;
}

let platformInflate: RawInflate | null = null;
/** An entry is being handed over from the platform's reused buffer: a nested one is inflated whole. */
let chunksInUse = false;

/** Installs (or with null removes) the platform's inflater; returns the one it replaces. */
export function setRawInflate(inflate: RawInflate | null): RawInflate | null {
  const previous = platformInflate;
  platformInflate = inflate;
  return previous;
}

/** Compressed input fed to the inflater per step: at deflate's ~1032:1 maximum, ≤ 4 MiB out per step. */
const INFLATE_STEP = 4 * 1024;

/**
 * Entries this small (compressed) are inflated in one call into a buffer of their declared size
 * plus one byte: fflate never grows a buffer it is given, so even a lying entry cannot allocate
 * more, and at deflate's ~1032:1 maximum it cannot make fflate decode more than ~130 MB either.
 * The spare byte shows whether the entry tried to inflate past its declared size.
 */
const ONE_CALL_MAX_COMPRESSED = 128 * 1024;

/**
 * Inflates one entry, handing each output chunk to `onChunk` as it is produced. Stops with
 * `zip-bomb` as soon as the output passes `maxBytes` (the entry limit or what remains of the total
 * budget) or the entry's own declared size, and with `corrupt-docx` when the stream is damaged or
 * ends short of the declared size.
 * Returns the number of bytes produced.
 */
export function inflateEntry(
  bytes: Uint8Array,
  e: ZipEntry,
  maxBytes: number,
  onChunk: (chunk: Uint8Array) => void,
): number {
  if (e.flags & 1) throw encryptedZip();
  const data = entryData(bytes, e);
  let produced = 0;
  // A part may not inflate past the limit, nor past its own declared size (declared sizes can lie).
  const cap = Math.min(maxBytes, e.size);
  const over = (): SourceError =>
    produced > maxBytes
      ? zipBomb(
          `${e.name} 实际解压超过 ${formatSize(maxBytes)}（声明 ${formatSize(e.size)}）`,
          `${e.name} inflates past ${formatSize(maxBytes)} (declared ${formatSize(e.size)})`,
        )
      : zipBomb(
          `${e.name} 实际解压超过声明的 ${formatSize(e.size)}`,
          `${e.name} inflates past its declared ${formatSize(e.size)}`,
        );
  if (e.method === 0) {
    produced = data.length;
    if (produced > cap) throw over();
    if (data.length > 0) onChunk(data);
    return data.length;
  }
  if (e.method !== 8) throw corruptDocx(`${e.name} 使用了不支持的压缩方式 ${e.method}`, `${e.name} uses unsupported compression method ${e.method}`);
  if (platformInflate?.inChunks && !chunksInUse) {
    // The reader gets the pieces as they come, but what it throws waits until the whole entry has
    // inflated within its limits: a refusal or a damaged stream is reported first, as when the
    // entry is inflated whole before the reader sees any of it.
    let readerError: { error: unknown } | null = null;
    let n: number | null;
    chunksInUse = true;
    try {
      n = platformInflate.inChunks(data, cap + 1, (chunk) => {
        if (readerError !== null) return;
        try {
          onChunk(chunk);
        } catch (error) {
          readerError = { error };
        }
      });
    } catch {
      throw corruptDocx(`${e.name} 解压失败`, `${e.name} does not inflate`);
    } finally {
      chunksInUse = false;
    }
    if (n === null || n > cap) {
      produced = cap + 1;
      throw over();
    }
    if (n !== e.size) throw corruptDocx(`${e.name} 的实际大小与声明不符`, `${e.name} is shorter than declared`);
    if (readerError !== null) throw (readerError as { error: unknown }).error;
    return n;
  }
  if (platformInflate) {
    // Bounded output: the inflater stops one byte past the cap (the limit or the declared size).
    let out: Uint8Array | null;
    try {
      out = platformInflate(data, cap + 1);
    } catch {
      throw corruptDocx(`${e.name} 解压失败`, `${e.name} does not inflate`);
    }
    if (out === null || out.length > cap) {
      produced = cap + 1;
      throw over();
    }
    if (out.length !== e.size) throw corruptDocx(`${e.name} 的实际大小与声明不符`, `${e.name} is shorter than declared`);
    if (out.length > 0) onChunk(out);
    return out.length;
  }
  // Deflate never makes data much larger, so an entry declaring less than its compressed size lies:
  // it takes the stepwise path, which stops at the declared size.
  if (e.compressedSize <= ONE_CALL_MAX_COMPRESSED && e.size <= maxBytes && e.compressedSize <= e.size + 1024) {
    let out: Uint8Array;
    try {
      out = inflateSync(data, { out: new Uint8Array(e.size + 1) });
    } catch {
      throw corruptDocx(`${e.name} 解压失败`, `${e.name} does not inflate`);
    }
    if (out.length > e.size) {
      produced = out.length;
      throw over();
    }
    if (out.length !== e.size) throw corruptDocx(`${e.name} 的实际大小与声明不符`, `${e.name} is shorter than declared`);
    if (out.length > 0) onChunk(out);
    return out.length;
  }
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > cap) throw over();
    if (chunk.length > 0) onChunk(chunk);
  });
  try {
    for (let p = 0; p < data.length; p += INFLATE_STEP) {
      const end = Math.min(data.length, p + INFLATE_STEP);
      inflater.push(data.subarray(p, end), end === data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw corruptDocx(`${e.name} 解压失败`, `${e.name} does not inflate`);
  }
  if (produced !== e.size) throw corruptDocx(`${e.name} 的实际大小与声明不符`, `${e.name} is shorter than declared`);
  return produced;
}

/** Inflates one (small) entry into one buffer, with the same limits. */
export function inflateEntryToBuffer(bytes: Uint8Array, e: ZipEntry, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const total = inflateEntry(bytes, e, maxBytes, (c) => chunks.push(c.slice()));
  return joinChunks(chunks, total);
}

/** The chunks of one inflated entry as one buffer (`total` is their summed length). */
export function joinChunks(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export function encryptedZip(): SourceError {
  return encryptedError();
}

/** The one message for every kind of password protection (Office encryption, encrypted ZIP, encrypted .doc). */
export function encryptedError(): SourceError {
  return new SourceError(
    'encrypted',
    '文件已加密，请先解除密码保护（在 Word 中打开，文件→信息→保护文档→用密码进行加密，清空密码后保存），再重新检查',
    'The file is encrypted; remove the password protection in Word (File → Info → Protect Document) and check it again',
  );
}

/** Refuses XML that declares a DOCTYPE or entities (no entity expansion, no external entities). */
export function refuseDoctype(xmlHead: string, partName: string): void {
  // Only the prolog can hold a DOCTYPE; look before the first element.
  const firstElement = xmlHead.search(/<[A-Za-z_]/);
  const prolog = firstElement < 0 ? xmlHead : xmlHead.slice(0, firstElement);
  if (/<!DOCTYPE|<!ENTITY/i.test(prolog)) throw doctypeError(partName);
}

export function doctypeError(partName: string): SourceError {
  return new SourceError(
    'xml-doctype',
    `文件内容不安全：${partName} 含有 DOCTYPE/实体声明（正常的 Word 文件不会有），已拒绝读取；请用 Word 重新另存为 .docx`,
    `Unsafe content: ${partName} declares a DOCTYPE or entities (Word never writes them); refused — re-save it as .docx in Word`,
  );
}

/** Finds the main document part through _rels/.rels (officeDocument relationship), as Word does. */
export function findMainDocumentPart(bytes: Uint8Array, entries: ZipEntry[], limits: ZipLimits): string {
  const rels = entries.find((e) => e.name === '_rels/.rels');
  if (rels && rels.size <= 4 * MiB) {
    const xml = new TextDecoder('utf-8').decode(inflateEntryToBuffer(bytes, rels, Math.min(limits.maxEntrySize, 4 * MiB)));
    refuseDoctype(xml, '_rels/.rels');
    const re = /<(?:\w+:)?Relationship\b([^>]*)>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml))) {
      const attrs = m[1];
      const type = /\bType\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? /\bType\s*=\s*'([^']*)'/.exec(attrs)?.[1] ?? '';
      if (!/\/officeDocument$/.test(type)) continue;
      let target = /\bTarget\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? /\bTarget\s*=\s*'([^']*)'/.exec(attrs)?.[1] ?? '';
      target = target.replace(/^\.?\//, '');
      if (target && entries.some((e) => e.name === target)) return target;
    }
  }
  return 'word/document.xml';
}

/** Why a ZIP is not a .docx: names the kind of file it is when that is recognisable. */
export function noDocumentXml(entries: ZipEntry[]): SourceError {
  const names = new Set(entries.map((e) => e.name));
  let kindZh = '';
  let kindEn = '';
  if (names.has('xl/workbook.xml')) (kindZh = '这是 Excel 表格（.xlsx）'), (kindEn = 'this is an Excel workbook (.xlsx)');
  else if (names.has('ppt/presentation.xml'))
    (kindZh = '这是 PowerPoint 演示文稿（.pptx）'), (kindEn = 'this is a PowerPoint presentation (.pptx)');
  else if (names.has('content.xml') && names.has('mimetype'))
    (kindZh = '这是 OpenDocument 文档（.odt/.ods）'), (kindEn = 'this is an OpenDocument file (.odt/.ods)');
  else (kindZh = '压缩包里没有 Word 正文 word/document.xml'), (kindEn = 'the ZIP holds no word/document.xml');
  return new SourceError(
    'no-document-xml',
    `文件不是有效的 Word 文档：${kindZh}；请用 Word 另存为 .docx 后再检查`,
    `The file is not a valid Word document: ${kindEn}; save it as .docx in Word and check it again`,
  );
}

/**
 * Paragraphs and table cells the mammoth reader accepts (mammoth 读取器的段落与单元格数上限).
 * mammoth builds several object trees per element: about 6 KB of heap per paragraph or cell (the
 * 200-project document, 35,000 of them, takes 230 MB), and a 30,000-row vertical merge (120,000)
 * took 730 MB of heap and 25 s inside mammoth itself. The streaming reader has no such limit.
 */
export const MAX_MAMMOTH_PARAGRAPHS_AND_CELLS = 60_000;

/** Counts start tags whose local name is `p` or `tc` (any namespace prefix) in XML bytes given in chunks. */
export class ParagraphAndCellCounter {
  count = 0;
  /** The start of a tag name cut by the chunk boundary, or null. */
  private cut: string | null = null;

  write(chunk: Uint8Array): void {
    let from = 0;
    if (this.cut !== null) {
      const end = this.nameEnd(chunk, 0, this.cut.length);
      const name = this.cut + latin1(chunk, 0, end);
      this.cut = null;
      if (end === chunk.length && name.length < 64) {
        this.cut = name;
        return;
      }
      this.countName(name);
      from = end;
    }
    for (let lt = chunk.indexOf(0x3c, from); lt >= 0; lt = chunk.indexOf(0x3c, lt + 1)) {
      const end = this.nameEnd(chunk, lt + 1, 0);
      if (end === chunk.length) {
        this.cut = latin1(chunk, lt + 1, end);
        return;
      }
      this.countName(latin1(chunk, lt + 1, end));
    }
  }

  /** Where a tag name starting at `start` ends (names longer than 64 bytes are not p or tc anyway). */
  private nameEnd(chunk: Uint8Array, start: number, already: number): number {
    let end = start;
    while (end < chunk.length && end - start + already < 64 && !isTagNameEnd(chunk[end])) end++;
    return end;
  }

  private countName(name: string): void {
    const local = name.slice(name.indexOf(':') + 1);
    if (local === 'p' || local === 'tc') this.count++;
  }
}

function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  return s;
}

function isTagNameEnd(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e || c === 0x3c;
}

/**
 * Refuses, before mammoth runs, a document with more paragraphs and cells than mammoth reads within
 * bounds. `zip` is the package the prepare step made (its entries are stored, so this is cheap).
 */
export function checkMammothSize(zip: Uint8Array, mainPart: string): void {
  const entry = readZipDirectory(zip).find((e) => e.name === mainPart);
  if (!entry) return;
  const counter = new ParagraphAndCellCounter();
  inflateEntry(zip, entry, entry.size, (chunk) => counter.write(chunk));
  if (counter.count > MAX_MAMMOTH_PARAGRAPHS_AND_CELLS) {
    const n = counter.count.toLocaleString('en-US');
    const max = MAX_MAMMOTH_PARAGRAPHS_AND_CELLS.toLocaleString('en-US');
    throw new SourceError(
      'too-large-for-mammoth',
      `文档过大，mammoth 读取器无法在内存上限内读取：${mainPart} 有 ${n} 个段落和单元格，上限 ${max}；请改用默认读取器（去掉 --docx-reader mammoth）`,
      `The document is too large for the mammoth reader: ${mainPart} has ${n} paragraphs and cells, limit ${max}; use the default reader (drop --docx-reader mammoth)`,
    );
  }
}
