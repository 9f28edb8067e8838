/**
 * The canonical serialisation of a Block stream: one cell (or paragraph) a line, blank cells as ␀,
 * a cell's own line breaks as U+2029. Each line is one "unit" that remembers where it came from,
 * so a token maps straight back to its cell and origin.
 */
import type { Origin } from '../src/ast/types.js';
import type { BlockStream } from '../src/sources/blocks.js';

export const BLANK = '\u2400';
export const CELL_BREAK = '\u2029';
const SPECIAL = /[\n\r\u2400\u2029]/;

export interface Unit {
  kind: 'paragraph' | 'cell';
  /** The text as the source gave it (cell paragraphs joined by "\n"), trimmed. */
  text: string;
  origin: Origin;
  /** Document-wide row number; undefined when the source does not know its rows. */
  rowKey?: number;
  /** Document-wide table number (1-based) for cells. */
  tableKey?: number;
  mergedAbove?: boolean;
}

export interface Serialized {
  text: string;
  units: Unit[];
  /** Offset of each unit's line in `text`, ascending. */
  offsets: number[];
}

/** The serialised line of a (trimmed) unit text. */
function lineOf(text: string): string {
  if (text === '') return BLANK;
  if (!SPECIAL.test(text)) return text;
  const clean = text.replace(/[\u2400\u2029]/g, ' ').trim();
  if (clean === '') return BLANK;
  return clean.replace(/\s*\n\s*/g, CELL_BREAK);
}

export function serialize(stream: BlockStream): Serialized {
  const units: Unit[] = [];
  let rowKey = 0;
  let tableKey = 0;
  for (const block of stream.blocks) {
    if (block.kind === 'paragraph') {
      const text = block.text.trim();
      if (text !== '') units.push({ kind: 'paragraph', text, origin: block.origin });
      continue;
    }
    tableKey++;
    for (const row of block.rows) {
      rowKey++;
      for (const cell of row) {
        // A horizontally merged continuation is not a cell of its own in any export.
        if (cell.mergedLeft) continue;
        units.push({
          kind: 'cell',
          text: cell.text.trim(),
          origin: cell.origin,
          rowKey: block.rowsKnown ? rowKey : undefined,
          tableKey,
          mergedAbove: cell.mergedAbove,
        });
      }
    }
  }
  const offsets: number[] = [];
  let offset = 0;
  const lines = units.map((u) => {
    const line = lineOf(u.text);
    offsets.push(offset);
    offset += line.length + 1;
    return line;
  });
  return { text: lines.join('\n') + '\n', units, offsets };
}

/** The unit a token starting at `offset` came from. */
export function unitAt(s: Serialized, offset: number): Unit {
  let lo = 0;
  let hi = s.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s.offsets[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return s.units[lo];
}
