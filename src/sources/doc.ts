/**
 * Legacy Word 97–2003 .doc (Node-only edge file, imported dynamically by readSource):
 * word-extractor reads the body text, which is the row-per-line layout (one table row a line, cells
 * split by TAB); text.ts reads that layout and gives the cells table origins.
 *
 * One fix on top of word-extractor 1.0.x: it finds table-row ends through the paragraph property
 * sprmPFTtp (0x2417), but a row with many cell properties stores its paragraph properties in the
 * Data stream instead (sprmPHugePapx, 0x6646), which word-extractor does not follow — that row's
 * end then reads as a TAB and the row is joined to the next one (the seed's 预算规模 row and its
 * 资金用途 row), so every later row of the table gets the wrong row number. `PatchedWordExtractor`
 * follows sprmPHugePapx ([MS-DOC] 2.6.2, PrcData) and marks those row ends too.
 *
 * A second fix: word-extractor removes every field's code, so a real TC field would leave no
 * residue, unlike the .docx readers and Word's text export. `keepTcFields` turns a TC field's
 * instruction into text first (the same way the .docx readers do, see docx/model.ts).
 *
 * Known limit of word-extractor: list numbers are not in the text.
 */
import { Buffer } from 'node:buffer';
import BufferReader from 'word-extractor/lib/buffer-reader.js';
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import type { BlockStream } from './blocks.js';
import { SourceError } from './blocks.js';
import { readCompoundFile } from './cfb.js';
import { isTcInstruction } from './docx/model.js';
import { readTextString } from './text.js';

/** A piece of word-extractor's piece table (its internal shape in 1.0.x). */
interface Piece {
  startFilePos: number;
  endFilePos: number;
  size: number;
  bpc: number;
  text: string;
}

const SPRM_P_F_TTP = 0x2417;
const SPRM_P_HUGE_PAPX = 0x6646;

/** Walks the sprms of a grpprl ([MS-DOC] 2.2.5.1: the operand size follows from spra). */
function sprms(buf: Buffer, offset: number, visit: (sprm: number, operandAt: number) => void): void {
  while (offset + 1 < buf.length) {
    const sprm = buf.readUInt16LE(offset);
    offset += 2;
    visit(sprm, offset);
    const spra = (sprm >> 13) & 0x07;
    if (spra === 0 || spra === 1) offset += 1;
    else if (spra === 2 || spra === 4 || spra === 5) offset += 2;
    else if (spra === 3) offset += 4;
    else if (spra === 7) offset += 3;
    else if (spra === 6) offset += (offset < buf.length ? buf.readUInt8(offset) : 0) + 1;
    else return;
  }
}

/** Overwrites the characters at file positions [start, end) with `ch`, as word-extractor does for row ends. */
function markRange(pieces: Piece[], start: number, end: number, ch: string): void {
  for (const piece of pieces) {
    const pieceStart = piece.startFilePos;
    const pieceEnd = pieceStart + piece.size;
    if (end <= pieceStart || start >= pieceEnd) continue;
    const s = Math.max(start, pieceStart);
    const e = Math.min(end, pieceEnd);
    const from = (s - pieceStart) / piece.bpc;
    const to = (e - pieceStart) / piece.bpc;
    piece.text = piece.text.slice(0, from) + ''.padStart(to - from, ch) + piece.text.slice(to);
  }
}

/**
 * In word-extractor's piece text a field is \x13 code [\x14 result] \x15. A TC field (no result)
 * keeps its code as text: the field marks and the ASCII quotes become \x00, which word-extractor
 * drops at the end — the text keeps its length, so the piece table's offsets still hold.
 */
export function keepTcFields(pieceText: string): string {
  if (pieceText.indexOf('\x13') < 0) return pieceText;
  return pieceText.replace(/\x13([^\x13\x14\x15]*)\x15/g, (field, instr: string) =>
    isTcInstruction(instr) ? `\x00${instr.replace(/"/g, '\x00')}\x00` : field,
  );
}

class PatchedWordExtractor extends WordOleExtractor {
  constructor(private readonly dataStream: Buffer | null) {
    super();
  }

  buildDocument(): unknown {
    for (const piece of (this as unknown as { _pieces: Piece[] })._pieces) piece.text = keepTcFields(piece.text);
    return super.buildDocument();
  }

  writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void {
    super.writeParagraphProperties(buffer, tableBuffer);
    const data = this.dataStream;
    if (!data) return;
    const pieces = (this as unknown as { _pieces: Piece[] })._pieces;
    // The PAPX FKPs, found as word-extractor finds them (FibRgFcLcb97.fcPlcfBtePapx / lcbPlcfBtePapx).
    const fc = buffer.readUInt32LE(0x0102);
    const lcb = buffer.readUInt32LE(0x0106);
    const count = (lcb - 4) / 8;
    if (!Number.isInteger(count) || count <= 0 || fc + lcb > tableBuffer.length) return;
    const plc = tableBuffer.subarray(fc, fc + lcb);
    for (let i = 0; i < count; i++) {
      const pn = plc.readUInt32LE((count + 1) * 4 + i * 4);
      const fkp = buffer.subarray(pn * 512, (pn + 1) * 512);
      if (fkp.length < 512) continue;
      const crun = fkp.readUInt8(511);
      for (let j = 0; j < crun; j++) {
        const rgfc = fkp.readUInt32LE(j * 4);
        const rgfcNext = fkp.readUInt32LE((j + 1) * 4);
        const bx = fkp.readUInt8((crun + 1) * 4 + j * 13) * 2;
        if (bx === 0) continue;
        const cb = fkp.readUInt8(bx);
        const grpprl = cb !== 0 ? fkp.subarray(bx + 1, bx + 1 + 2 * cb - 1) : fkp.subarray(bx + 2, bx + 2 + 2 * fkp.readUInt8(bx + 1));
        sprms(grpprl, 2, (sprm, at) => {
          if (sprm !== SPRM_P_HUGE_PAPX || at + 4 > grpprl.length) return;
          const prc = grpprl.readUInt32LE(at);
          if (prc + 2 > data.length) return;
          const size = data.readUInt16LE(prc);
          const huge = data.subarray(prc + 2, prc + 2 + size);
          let ttp = false;
          sprms(huge, 0, (s) => {
            if (s === SPRM_P_F_TTP) ttp = true;
          });
          if (ttp) markRange(pieces, rgfc, rgfcNext, '\n');
        });
      }
    }
  }
}

function corruptDoc(): SourceError {
  return new SourceError(
    'corrupt-doc',
    '文件已损坏：无法读取这个 Word 97–2003 (.doc) 文档，请用 Word 打开后另存为 .docx 再检查',
    'The Word 97–2003 (.doc) file cannot be read; open it in Word, save it as .docx and check it again',
  );
}

export async function readDoc(bytes: Uint8Array): Promise<BlockStream> {
  let body: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Checked first: word-extractor follows the same sector chains without guarding against loops.
    const cf = readCompoundFile(bytes);
    const entry = cf.entries.find((e) => e.name === 'Data' && e.type === 2);
    const dataStream = entry ? Buffer.from(cf.readStream(entry, entry.size)) : null;
    const document = await new PatchedWordExtractor(dataStream).extract(new BufferReader(buffer));
    // filterUnicode: false keeps curly quotes and dashes as written (the .docx readers keep them too).
    body = document.getBody({ filterUnicode: false });
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw corruptDoc();
  }
  const stream = readTextString(body, { layout: 'row-per-line', tableOrigins: true });
  stream.info.format = 'doc';
  stream.info.encoding = null;
  stream.info.layout = 'table';
  return stream;
}
