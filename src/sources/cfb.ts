/**
 * A minimal reader for OLE2 compound files (复合文档: Word 97–2003 .doc, and the container Office
 * uses for an encrypted .docx). It lists the directory and reads the start of a stream — enough to
 * tell a .doc from an encrypted .docx and to see the .doc's own encryption flag. The text of a .doc
 * is read by word-extractor (doc.ts); no package for this small job is installed.
 *
 * Browser-safe: no Node-only imports. [MS-CFB] is the reference.
 */
import { SourceError } from './blocks.js';

export const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle2(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  for (let i = 0; i < 8; i++) if (bytes[i] !== OLE2_MAGIC[i]) return false;
  return true;
}

export interface CompoundEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root. */
  type: number;
  startSector: number;
  size: number;
}

export interface CompoundFile {
  entries: CompoundEntry[];
  /** Reads up to `max` bytes from the start of a stream. */
  readStream(entry: CompoundEntry, max: number): Uint8Array;
}

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

export function corruptCompound(): SourceError {
  return new SourceError(
    'corrupt-doc',
    '文件已损坏：Word 97–2003 复合文档结构无效（可能下载或拷贝不完整），请重新导出或用 Word 另存为 .docx 后再试',
    'The file is damaged: its Word 97–2003 compound-file structure is invalid; export it again or re-save it as .docx',
  );
}

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}

/** Parses the header, FAT and directory. Throws `corrupt-doc` on structural damage. */
export function readCompoundFile(bytes: Uint8Array): CompoundFile {
  if (!isOle2(bytes) || bytes.length < 512) throw corruptCompound();
  const sectorShift = u16(bytes, 30);
  const miniShift = u16(bytes, 32);
  if (sectorShift !== 9 && sectorShift !== 12) throw corruptCompound();
  const sectorSize = 1 << sectorShift;
  const miniSize = 1 << miniShift;
  const numFatSectors = u32(bytes, 44);
  const firstDirSector = u32(bytes, 48);
  const miniCutoff = u32(bytes, 56);
  const firstMiniFat = u32(bytes, 60);
  const firstDifat = u32(bytes, 68);
  const numDifat = u32(bytes, 72);
  const maxSectors = Math.ceil(bytes.length / sectorSize);
  const sectorOffset = (s: number): number => (s + 1) * sectorSize;
  const sectorValid = (s: number): boolean => s < maxSectors && sectorOffset(s) < bytes.length;

  // FAT sector list: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < numFatSectors; i++) fatSectors.push(u32(bytes, 76 + i * 4));
  let difat = firstDifat;
  for (let k = 0; k < numDifat && difat !== END_OF_CHAIN && difat !== FREE; k++) {
    if (!sectorValid(difat)) throw corruptCompound();
    const o = sectorOffset(difat);
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per && fatSectors.length < numFatSectors; i++) fatSectors.push(u32(bytes, o + i * 4));
    difat = u32(bytes, o + per * 4);
  }
  if (fatSectors.length > maxSectors) throw corruptCompound();
  const fat = new Uint32Array(fatSectors.length * (sectorSize / 4));
  fatSectors.forEach((s, i) => {
    if (!sectorValid(s)) throw corruptCompound();
    const o = sectorOffset(s);
    for (let j = 0; j < sectorSize / 4; j++) {
      const at = o + j * 4;
      fat[i * (sectorSize / 4) + j] = at + 4 <= bytes.length ? u32(bytes, at) : FREE;
    }
  });

  const chain = (start: number, table: Uint32Array): number[] => {
    const out: number[] = [];
    let s = start;
    while (s !== END_OF_CHAIN && s !== FREE) {
      if (s >= table.length || out.length > table.length) throw corruptCompound();
      out.push(s);
      s = table[s];
    }
    return out;
  };

  const readChain = (start: number, max: number): Uint8Array => {
    const sectors = chain(start, fat);
    const out = new Uint8Array(Math.min(max, sectors.length * sectorSize));
    let o = 0;
    for (const s of sectors) {
      if (o >= out.length) break;
      const from = sectorOffset(s);
      const part = bytes.subarray(from, Math.min(bytes.length, from + Math.min(sectorSize, out.length - o)));
      out.set(part, o);
      o += part.length;
    }
    return out.subarray(0, o);
  };

  const dir = readChain(firstDirSector, 64 * 1024 * 1024);
  const entries: CompoundEntry[] = [];
  for (let o = 0; o + 128 <= dir.length; o += 128) {
    const type = dir[o + 66];
    if (type === 0) continue;
    const nameLen = Math.min(64, u16(dir, o + 64));
    let name = '';
    for (let i = 0; i < nameLen - 2; i += 2) name += String.fromCharCode(u16(dir, o + i));
    entries.push({ name, type, startSector: u32(dir, o + 116), size: u32(dir, o + 120) });
  }
  if (entries.length === 0 || entries[0].type !== 5) throw corruptCompound();
  const root = entries[0];

  let miniFat: Uint32Array | null = null;
  let miniStream: Uint8Array | null = null;
  const readStream = (entry: CompoundEntry, max: number): Uint8Array => {
    const want = Math.min(max, entry.size);
    if (entry.size >= miniCutoff || entry === root) return readChain(entry.startSector, want);
    if (!miniFat) {
      const raw = readChain(firstMiniFat, 16 * 1024 * 1024);
      miniFat = new Uint32Array(raw.length / 4);
      for (let i = 0; i < miniFat.length; i++) miniFat[i] = u32(raw, i * 4);
      miniStream = readChain(root.startSector, root.size);
    }
    const out = new Uint8Array(want);
    let o = 0;
    for (const s of chain(entry.startSector, miniFat)) {
      if (o >= want) break;
      const from = s * miniSize;
      const part = miniStream!.subarray(from, Math.min(miniStream!.length, from + Math.min(miniSize, want - o)));
      out.set(part, o);
      o += part.length;
    }
    return out.subarray(0, o);
  };
  return { entries, readStream };
}

/** What an OLE2 container holds, as far as jxlint cares. */
export type CompoundKind = 'encrypted-ooxml' | 'doc' | 'encrypted-doc' | 'other';

/** Classifies a compound file: an encrypted .docx, a .doc (encrypted or not), or something else. */
export function classifyCompound(bytes: Uint8Array): CompoundKind {
  const cf = readCompoundFile(bytes);
  const names = new Set(cf.entries.map((e) => e.name));
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) return 'encrypted-ooxml';
  const word = cf.entries.find((e) => e.name === 'WordDocument' && e.type === 2);
  if (!word) return 'other';
  // FibBase: wIdent 0xA5EC; flags at 0x0A, bit 8 fEncrypted, bit 15 fObfuscated.
  const fib = cf.readStream(word, 32);
  if (fib.length >= 12 && u16(fib, 0) === 0xa5ec) {
    const flags = u16(fib, 10);
    if (flags & 0x0100) return 'encrypted-doc';
  }
  return 'doc';
}
