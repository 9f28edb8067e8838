/**
 * The Block stream: what every source reader (text, .docx, .doc, HTML) produces and the grammar reads.
 * A document is a sequence of paragraphs and tables; every cell knows where it came from.
 */
import type { Origin, SourceFormat, SourceLayout, TextEncoding } from '../ast/types.js';

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  origin: Origin;
}

export interface Cell {
  /** Cell paragraphs joined by "\n" (empty paragraphs kept). Blank cell → "". */
  text: string;
  origin: Origin;
  /** The cell continues a vertical merge from the cell above (Word vMerge continue / HTML rowspan). */
  mergedAbove?: boolean;
  /** The cell continues a horizontal merge from the cell on its left (Word gridSpan / HTML colspan). */
  mergedLeft?: boolean;
}

export interface TableBlock {
  kind: 'table';
  /**
   * Rows of cells. When the source does not know where rows end (LibreOffice's unmarked
   * text export), `rowsKnown` is false and all cells are in one row in reading order.
   */
  rows: Cell[][];
  rowsKnown: boolean;
  origin: Origin;
}

export type Block = ParagraphBlock | TableBlock;

/** Facts a reader learned besides the blocks. */
export interface SourceInfo {
  format: SourceFormat;
  encoding: TextEncoding | null;
  layout: SourceLayout;
}

export interface ReaderNote {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  messageEn: string;
}

export interface BlockStream {
  info: SourceInfo;
  blocks: Block[];
  /** Things the reader wants reported (format mismatch, recovered damage …). */
  notes: ReaderNote[];
}

/** Where a stream made on demand keeps the maker of its blocks (not an own enumerable key: not data). */
const BLOCK_SOURCE = Symbol('jxlint.blockSource');

interface LazyBlockStream extends BlockStream {
  [BLOCK_SOURCE]?: { produce: () => Iterable<Block>; made: boolean };
}

/**
 * A Block stream whose blocks are made on demand: `blocksOf` gives them one at a time without
 * keeping them (the grammar reads a 100 MB export table by table), while reading `stream.blocks`
 * makes the whole array once and keeps it, so the stream looks and serialises like any other.
 */
export function lazyBlockStream(info: SourceInfo, produce: () => Iterable<Block>): BlockStream {
  const source = { produce, made: false };
  let blocks: Block[] | null = null;
  const stream = { info } as LazyBlockStream;
  Object.defineProperty(stream, 'blocks', {
    enumerable: true,
    configurable: true,
    get: () => {
      source.made = true;
      return (blocks ??= [...produce()]);
    },
    set: (value: Block[]) => {
      source.made = true;
      blocks = value;
    },
  });
  stream.notes = [];
  Object.defineProperty(stream, BLOCK_SOURCE, { value: source });
  return stream;
}

/** The blocks of a stream in order: made one at a time when the stream makes them on demand. */
export function blocksOf(stream: BlockStream): Iterable<Block> {
  const source = (stream as LazyBlockStream)[BLOCK_SOURCE];
  return source && !source.made ? source.produce() : stream.blocks;
}

/** Largest input file read by default (单个文件大小上限), in bytes; `maxFileSize` / `--max-file-size` change it. */
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

/** A problem that stops a file from being read at all; `message` is one line, Chinese first. */
export class SourceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}
