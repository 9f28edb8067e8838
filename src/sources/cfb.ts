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
/** Streams shorter than this live in the mini stream ([MS-CFB] 2.2: always 4096). */
const MINI_STREAM_CUTOFF = 4096;
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

/**
 * Parses the header, FAT and directory, and checks the whole structure before anything reads a stream:
 * every sector chain (目录、短扇区分配表、短流容器 and each stream) stays inside the file, ends, and
 * shares no sector with another chain; the directory is a tree. word-extractor (doc.ts) follows the
 * same chains without these checks — a chain that loops back on itself grows its list until V8
 * aborts the process — so a file that fails here never reaches it. Throws `corrupt-doc`.
 * Work and memory are linear in the file size.
 */
export function readCompoundFile(bytes: Uint8Array): CompoundFile {
  if (!isOle2(bytes) || bytes.length < 512) throw corruptCompound();
  const sectorShift = u16(bytes, 30);
  const miniShift = u16(bytes, 32);
  // [MS-CFB] 2.2: sector shift 9 (v3) or 12 (v4), mini sector shift 6, mini stream cutoff 4096.
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6 || u32(bytes, 56) !== MINI_STREAM_CUTOFF) throw corruptCompound();
  const sectorSize = 1 << sectorShift;
  const miniSize = 1 << miniShift;
  const perSector = sectorSize / 4;
  const numFatSectors = u32(bytes, 44);
  const firstDirSector = u32(bytes, 48);
  const miniCutoff = u32(bytes, 56);
  const firstMiniFat = u32(bytes, 60);
  const firstDifat = u32(bytes, 68);
  const numDifat = u32(bytes, 72);
  // Sectors that start inside the file (the header is sector -1).
  const fileSectors = Math.ceil(bytes.length / sectorSize) - 1;
  if (numFatSectors === 0 || numFatSectors > fileSectors || numDifat > fileSectors) throw corruptCompound();
  const sectorOffset = (s: number): number => (s + 1) * sectorSize;
  const sectorValid = (s: number): boolean => s < fileSectors;

  // FAT sector list: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < numFatSectors; i++) fatSectors.push(u32(bytes, 76 + i * 4));
  const difatSeen = new Set<number>();
  let difat = firstDifat;
  for (let k = 0; k < numDifat && fatSectors.length < numFatSectors; k++) {
    if (!sectorValid(difat) || difatSeen.has(difat)) throw corruptCompound();
    difatSeen.add(difat);
    const o = sectorOffset(difat);
    const per = perSector - 1;
    for (let i = 0; i < per && fatSectors.length < numFatSectors; i++) fatSectors.push(u32(bytes, o + i * 4));
    difat = u32(bytes, o + per * 4);
  }
  if (fatSectors.length < numFatSectors) throw corruptCompound();
  const fat = new Uint32Array(fatSectors.length * perSector);
  fatSectors.forEach((s, i) => {
    if (!sectorValid(s)) throw corruptCompound();
    const o = sectorOffset(s);
    for (let j = 0; j < perSector; j++) {
      const at = o + j * 4;
      fat[i * perSector + j] = at + 4 <= bytes.length ? u32(bytes, at) : FREE;
    }
  });

  /**
   * A chain's sectors, checked: each below `limit`, none used before by this or another chain of the
   * same table (`used`), ended by END_OF_CHAIN (or FREE, as Word's own reader tolerates).
   */
  const fatUsed = new Uint8Array(fat.length);
  const chainOf = (start: number, table: Uint32Array, limit: number, used: Uint8Array): number[] => {
    const out: number[] = [];
    let s = start;
    while (s !== END_OF_CHAIN && s !== FREE) {
      if (s >= table.length || s >= limit || used[s] === 1) throw corruptCompound();
      used[s] = 1;
      out.push(s);
      s = table[s];
    }
    return out;
  };

  const gather = (sectors: number[], max: number): Uint8Array => {
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

  const dir = gather(chainOf(firstDirSector, fat, fileSectors, fatUsed), Number.MAX_SAFE_INTEGER);
  const slots = Math.floor(dir.length / 128);
  const all: (CompoundEntry & { left: number; right: number; child: number })[] = [];
  for (let i = 0; i < slots; i++) {
    const o = i * 128;
    const nameLen = Math.min(64, u16(dir, o + 64));
    let name = '';
    for (let c = 0; c < nameLen - 2; c += 2) name += String.fromCharCode(u16(dir, o + c));
    all.push({
      name,
      type: dir[o + 66],
      startSector: u32(dir, o + 116),
      size: u32(dir, o + 120),
      left: u32(dir, o + 68),
      right: u32(dir, o + 72),
      child: u32(dir, o + 76),
    });
  }
  if (all.length === 0 || all[0].type !== 5) throw corruptCompound();
  checkDirectoryTree(all);
  const entries: CompoundEntry[] = all.filter((e) => e.type !== 0).map(({ name, type, startSector, size }) => ({ name, type, startSector, size }));
  const root = entries[0];

  // The mini stream (短流容器) lives in the root entry's chain; the mini FAT (短扇区分配表) in its own.
  const miniStream = gather(chainOf(root.startSector, fat, fileSectors, fatUsed), root.size);
  const miniFatRaw = gather(chainOf(firstMiniFat, fat, fileSectors, fatUsed), Number.MAX_SAFE_INTEGER);
  const miniFat = new Uint32Array(miniFatRaw.length >> 2);
  for (let i = 0; i < miniFat.length; i++) miniFat[i] = u32(miniFatRaw, i * 4);
  const miniUsed = new Uint8Array(miniFat.length);
  const miniSectors = Math.ceil(miniStream.length / miniSize);
  const streamSectors = new Map<CompoundEntry, number[]>();
  for (const entry of entries) {
    if (entry.type !== 2) continue;
    const short = entry.size < miniCutoff;
    const sectors = short ? chainOf(entry.startSector, miniFat, miniSectors, miniUsed) : chainOf(entry.startSector, fat, fileSectors, fatUsed);
    if (sectors.length * (short ? miniSize : sectorSize) < entry.size) throw corruptCompound();
    streamSectors.set(entry, sectors);
  }

  const readStream = (entry: CompoundEntry, max: number): Uint8Array => {
    const want = Math.min(max, entry.size);
    if (entry === root) return miniStream.subarray(0, want);
    const sectors = streamSectors.get(entry);
    if (!sectors) throw corruptCompound();
    if (entry.size >= miniCutoff) return gather(sectors, want);
    const out = new Uint8Array(want);
    let o = 0;
    for (const s of sectors) {
      if (o >= want) break;
      const from = s * miniSize;
      const part = miniStream.subarray(from, Math.min(miniStream.length, from + Math.min(miniSize, want - o)));
      out.set(part, o);
      o += part.length;
    }
    return out.subarray(0, o);
  };
  return { entries, readStream };
}

const NO_STREAM = 0xffffffff;

/**
 * The directory is a red-black tree per storage ([MS-CFB] 2.6): from the root, every entry is reached
 * at most once through left / right / child links, and every link names an existing entry. A link
 * that loops or is shared would make a recursive walker (word-extractor's) run forever.
 */
function checkDirectoryTree(all: { type: number; left: number; right: number; child: number }[]): void {
  const seen = new Uint8Array(all.length);
  const pending = [0];
  seen[0] = 1;
  while (pending.length > 0) {
    const e = all[pending.pop()!];
    for (const link of [e.left, e.right, e.child]) {
      if (link === NO_STREAM) continue;
      if (link >= all.length || seen[link] === 1) throw corruptCompound();
      seen[link] = 1;
      pending.push(link);
    }
  }
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
