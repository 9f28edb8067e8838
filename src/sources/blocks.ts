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
