/**
 * Plain-text exports → Block stream.
 *
 * Encodings are sniffed from the bytes (BOM, then strict UTF-8, then GB18030); the layout from the
 * shape of the lines (docs/taxonomy.md §9):
 *   cell-per-line          "\t<cell>" lines, a blank line after each row (Word's text export)
 *   row-per-line           "<cell>\t<cell>\t…\t" lines (Word "save as text", .doc text)
 *   cell-per-line-unmarked one cell a line, no markers (LibreOffice's text export)
 * Every cell keeps its 1-based line and column as the user sees them in the file.
 */
import type { Origin, SourceLayout, TextEncoding } from '../ast/types.js';
import { type Block, type BlockStream, type Cell, lazyBlockStream, SourceError, type TableBlock } from './blocks.js';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Decodes text bytes; throws SourceError for empty or binary input. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) {
    throw new SourceError('empty-file', '文件为空：没有可读取的内容，请确认导出是否完整', 'The file is empty; check that the export is complete');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (looksBinary(bytes)) {
    throw new SourceError(
      'binary-file',
      '文件不是可识别的文本、Word 或网页格式（含二进制数据），请另存为 .docx 或文本后重试',
      'The file is binary data in no recognised format; save it as .docx or text and retry',
    );
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** NUL bytes or many C0 control bytes in the first 8 KiB mean this is not a text export. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return controls > n * 0.02;
}

/** Reads a text export from bytes. */
export function readText(bytes: Uint8Array, options: { chunkBytes?: number } = {}): BlockStream {
  if (bytes.length > DECODE_WHOLE_UP_TO) return readTextInChunks(bytes, options.chunkBytes ?? DECODE_CHUNK);
  const { text, encoding } = decodeText(bytes);
  const stream = readTextString(text);
  stream.info.encoding = encoding;
  return stream;
}

/** Larger text files are decoded a chunk at a time as their lines are read, never as one string. */
export const DECODE_WHOLE_UP_TO = 8 * 1024 * 1024;
const DECODE_CHUNK = 1024 * 1024;

/** The decoder's label and where the text starts, for an encoding sniffed by `sniffEncoding`. */
const DECODER_LABEL: Record<TextEncoding, { label: string; skip: number }> = {
  'utf-8': { label: 'utf-8', skip: 0 },
  'utf-8-bom': { label: 'utf-8', skip: 3 },
  'utf-16le': { label: 'utf-16le', skip: 2 },
  'utf-16be': { label: 'utf-16be', skip: 2 },
  gb18030: { label: 'gb18030', skip: 0 },
};

/**
 * The encoding `decodeText` would find, without building the text: the BOM, else whether the bytes
 * are strict UTF-8 (checked a chunk at a time), else GB18030. Throws the same errors for empty or binary input.
 */
export function sniffEncoding(bytes: Uint8Array, chunkBytes = DECODE_CHUNK): TextEncoding {
  if (bytes.length === 0) return decodeText(bytes).encoding; // throws empty-file
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (looksBinary(bytes)) return decodeText(bytes.subarray(0, 8192)).encoding; // throws binary-file
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let at = 0; at < bytes.length; at += chunkBytes) {
      const end = Math.min(bytes.length, at + chunkBytes);
      strict.decode(bytes.subarray(at, end), { stream: end < bytes.length });
    }
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/**
 * Where the chunk from `at` ends: after its last LF or CR byte (with the LF of a CR LF), or — when it
 * has none — after the first one beyond it. In UTF-8 and GB18030 these bytes are never part of a
 * multi-byte character, so each chunk decodes on its own (Node's streaming GB18030 decoder throws on
 * some damaged input a whole decode accepts).
 */
function chunkEnd(bytes: Uint8Array, at: number, chunkBytes: number): number {
  const limit = Math.min(bytes.length, at + chunkBytes);
  if (limit >= bytes.length) return bytes.length;
  for (let i = limit - 1; i >= at; i--) {
    const b = bytes[i];
    if (b === 0x0a) return i + 1;
    if (b === 0x0d) return bytes[i + 1] === 0x0a ? i + 2 : i + 1;
  }
  for (let i = limit; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) return i + 1;
    if (b === 0x0d) return bytes[i + 1] === 0x0a ? i + 2 : i + 1;
  }
  return bytes.length;
}

/**
 * The lines of encoded text as `linesOf(decodeText(bytes).text)` gives them, decoded a chunk at a
 * time: a line split between chunks is joined, and so is a CR LF pair split between them.
 */
export function* linesOfBytes(bytes: Uint8Array, encoding: TextEncoding, chunkBytes = DECODE_CHUNK): Generator<string> {
  const { label, skip } = DECODER_LABEL[encoding];
  const wide = encoding === 'utf-16le' || encoding === 'utf-16be';
  // The first chunk drops a byte-order mark as a whole decode does; later chunks keep any.
  const firstDecoder = new TextDecoder(label);
  const laterDecoder = wide ? firstDecoder : new TextDecoder(label, { ignoreBOM: true });
  const lineEnd = /\r\n|\r|\n/g;
  let carry = '';
  let first = true;
  for (let at = skip; at < bytes.length || first; ) {
    // UTF-16 is decoded as one stream cut anywhere; the others a line-ended chunk at a time.
    const end = wide ? Math.min(bytes.length, at + chunkBytes) : chunkEnd(bytes, at, chunkBytes);
    const last = end >= bytes.length;
    const decoded = wide
      ? firstDecoder.decode(bytes.subarray(at, end), { stream: !last })
      : (first ? firstDecoder : laterDecoder).decode(bytes.subarray(at, end));
    let text = carry + decoded;
    if (first) {
      // As readTextString: one more byte-order mark after the decoder's own is dropped.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    // A CR at the end of a chunk may be the first half of CR LF: it waits for the next chunk.
    const cut = !last && text.endsWith('\r') ? text.length - 1 : text.length;
    let start = 0;
    lineEnd.lastIndex = 0;
    for (let m = lineEnd.exec(text); m !== null && m.index < cut; m = lineEnd.exec(text)) {
      yield text.slice(start, m.index);
      start = m.index + m[0].length;
    }
    carry = text.slice(start);
    if (last) break;
    at = end;
  }
  yield carry;
}

/** `readText` for a large file: the same stream, its lines decoded a chunk at a time as the grammar reads them. */
export function readTextInChunks(bytes: Uint8Array, chunkBytes: number): BlockStream {
  const encoding = sniffEncoding(bytes, chunkBytes);
  const lines: Iterable<string> = { [Symbol.iterator]: () => linesOfBytes(bytes, encoding, chunkBytes) };
  const layout = detectLayout(lines);
  return lazyBlockStream({ format: 'text', encoding, layout }, () => readBlocks(lines, layout, false));
}

export interface ReadTextOptions {
  /** Force a layout instead of detecting it. */
  layout?: Exclude<SourceLayout, 'table'>;
  /**
   * Give cells table origins ({table,row,col,paragraph}) instead of line/column — for text that
   * came out of a Word file (.doc via word-extractor), where line numbers mean nothing to the user.
   */
  tableOrigins?: boolean;
}

/** Reads already-decoded text. */
export function readTextString(input: string, options: ReadTextOptions = {}): BlockStream {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // The lines are read where they lie, never all at once: a 100 MB export has millions of them.
  const lines: Iterable<string> = { [Symbol.iterator]: () => linesOf(text) };
  const layout = options.layout ?? detectLayout(lines);
  const tableOrigins = options.tableOrigins === true;
  // The blocks are made as the grammar reads them (blocksOf), one table at a time; reading
  // `stream.blocks` makes them all, as any reader's stream has them.
  return lazyBlockStream(
    { format: 'text', encoding: 'utf-8', layout: tableOrigins ? 'row-per-line' : layout },
    () => readBlocks(lines, layout, tableOrigins),
  );
}

/** The blocks of a text in reading order, each given out when it is complete. */
function* readBlocks(lines: Iterable<string>, layout: Exclude<SourceLayout, 'table'>, tableOrigins: boolean): Generator<Block> {
  const builder = new BlockBuilder(tableOrigins);
  const read = layout === 'cell-per-line' ? cellPerLine(builder) : layout === 'row-per-line' ? rowPerLine(builder) : unmarked(builder);
  let lineNo = 0;
  for (const line of lines) {
    read(line, ++lineNo);
    if (builder.hasComplete()) yield* builder.takeComplete();
  }
  if (layout === 'cell-per-line-unmarked') builder.unmarked();
  yield* builder.finish();
}

/** The lines of a text, as `text.split(/\r\n|\r|\n/)` gives them, one at a time. */
function* linesOf(text: string): Generator<string> {
  const lineEnd = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = lineEnd.exec(text); m !== null; m = lineEnd.exec(text)) {
    yield text.slice(start, m.index);
    start = m.index + m[0].length;
  }
  yield text.slice(start);
}

/** Picks the layout whose markers dominate the file. */
export function detectLayout(lines: Iterable<string>): Exclude<SourceLayout, 'table'> {
  let tabLed = 0;
  let tabSeparated = 0;
  for (const line of lines) {
    const inner = line.indexOf('\t', line.startsWith('\t') ? 1 : 0);
    if (inner > 0 && inner < line.length - 1) tabSeparated++;
    else if (inner > 0 && line.startsWith('\t') === false) tabSeparated++;
    else if (line.startsWith('\t')) tabLed++;
  }
  if (tabSeparated === 0 && tabLed === 0) return 'cell-per-line-unmarked';
  return tabSeparated > tabLed ? 'row-per-line' : 'cell-per-line';
}

/**
 * A copy of a cell's text that does not hold the decoded file. A substring of 13 characters or more
 * is a view into the string it was cut from (V8's sliced string), so one 指标 name or 项目编码 left in
 * the AST kept the whole decoded text alive — about the file's size again — as long as the document
 * lived. A JSON round trip is the portable way to get a flat copy (measured: concatenating and
 * slicing again, `normalize`, `join` all give back a view).
 */
function ownText(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** Collects blocks, numbering tables and rows for table origins. */
class BlockBuilder {
  /** Blocks complete and not yet given out (a table is complete when a paragraph or the end follows it). */
  private complete: Block[] = [];
  private table: TableBlock | null = null;
  private row: Cell[] | null = null;
  private tableCount = 0;
  private paragraphCount = 0;
  /** One string for each short cell text seen before (指标 names, 计划标准, ≥95% recur in every table). */
  private readonly texts = new Map<string, string>();

  constructor(private readonly tableOrigins: boolean) {}

  paragraph(text: string, line: number, column: number): void {
    this.closeTable();
    this.paragraphCount++;
    const origin: Origin = this.tableOrigins ? { paragraph: this.paragraphCount } : { line, column };
    this.complete.push({ kind: 'paragraph', text: ownText(text), origin });
  }

  cell(text: string, line: number, column: number): Cell {
    if (!this.table) {
      this.tableCount++;
      this.table = { kind: 'table', rows: [], rowsKnown: true, origin: { line, column } };
      if (this.tableOrigins) this.table.origin = { table: this.tableCount, row: 1, col: 1, paragraph: 1 };
    }
    if (!this.row) {
      this.row = [];
      this.table.rows.push(this.row);
    }
    const origin: Origin = this.tableOrigins
      ? { table: this.tableCount, row: this.table.rows.length, col: this.row.length + 1, paragraph: 1 }
      : { line, column };
    const cell: Cell = { text: this.shared(text), origin };
    this.row.push(cell);
    return cell;
  }

  /** The string already held for this cell text, when it is short; each copy would cost its own bytes. */
  private shared(text: string): string {
    if (text.length > 40) return ownText(text);
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    if (this.texts.size >= 100_000) this.texts.clear();
    const own = ownText(text);
    this.texts.set(own, own);
    return own;
  }

  /** The last cell of the row being written, which an unfinished line continues. */
  currentLastCell(): Cell | null {
    return this.row && this.row.length > 0 ? this.row[this.row.length - 1] : null;
  }

  endRow(): void {
    this.trimRow();
    this.row = null;
  }

  /**
   * The finished row as an array of its own length: a row grown by push keeps room for 17 cells,
   * and a 100 MB export has millions of rows of a few cells.
   */
  private trimRow(): void {
    if (!this.table || !this.row) return;
    this.table.rows[this.table.rows.length - 1] = this.row.slice();
  }

  /** Cells with no row structure at all (LibreOffice export). */
  unmarked(): void {
    if (this.table) this.table.rowsKnown = false;
  }

  closeTable(): void {
    this.trimRow();
    if (this.table) {
      this.table.rows = this.table.rows.slice();
      this.complete.push(this.table);
    }
    this.row = null;
    this.table = null;
  }

  hasComplete(): boolean {
    return this.complete.length > 0;
  }

  /** The blocks completed since the last call. */
  takeComplete(): Block[] {
    const blocks = this.complete;
    this.complete = [];
    return blocks;
  }

  finish(): Block[] {
    this.closeTable();
    return this.takeComplete();
  }
}

/** One line of a cell-per-line export ("\t<cell>" lines, a blank line after each row). */
function cellPerLine(b: BlockBuilder): (line: string, lineNo: number) => void {
  let lastCell: Cell | null = null; // the cell a following unmarked line continues
  return (line, lineNo) => {
    if (line.startsWith('\t')) {
      lastCell = b.cell(line.slice(1).trim(), lineNo, 2);
    } else if (line.trim() === '') {
      b.endRow();
      lastCell = null;
    } else if (lastCell) {
      lastCell.text += '\n' + ownText(line.trimEnd());
    } else {
      b.paragraph(line.trim(), lineNo, firstNonSpace(line));
    }
  };
}

/** One line of a row-per-line export ("<cell>\t<cell>\t…\t"). */
function rowPerLine(b: BlockBuilder): (line: string, lineNo: number) => void {
  let open: Cell | null = null; // last cell of a row that continues on the next line
  return (line, lineNo) => {
    if (!open && !line.includes('\t')) {
      if (line.trim() !== '') b.paragraph(line.trim(), lineNo, firstNonSpace(line));
      return;
    }
    const parts = line.split('\t');
    const complete = line.endsWith('\t');
    if (complete) parts.pop();
    let column = 1;
    parts.forEach((part, k) => {
      if (k === 0 && open) open.text += '\n' + ownText(part.trimEnd());
      else b.cell(part.trim(), lineNo, column + leadingSpaces(part));
      column += part.length + 1;
    });
    if (complete) {
      b.endRow();
      open = null;
    } else {
      open = b.currentLastCell();
    }
  };
}

/** One line of an unmarked export (one cell a line, LibreOffice). */
function unmarked(b: BlockBuilder): (line: string, lineNo: number) => void {
  // Trailing empty lines at end of file are not cells: empty lines wait until a cell follows them.
  let emptyRun: number[] = [];
  return (line, lineNo) => {
    if (line.trim() === '') {
      emptyRun.push(lineNo);
      return;
    }
    for (const n of emptyRun) b.cell('', n, 1);
    emptyRun = [];
    b.cell(line.trim(), lineNo, firstNonSpace(line));
  };
}

function firstNonSpace(line: string): number {
  const m = /\S/.exec(line);
  return m ? m.index + 1 : 1;
}

function leadingSpaces(s: string): number {
  const m = /^\s*/.exec(s);
  return m ? m[0].length : 0;
}
