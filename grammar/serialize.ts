/**
 * The canonical serialisation of a Block stream: one cell (or paragraph) a line, blank cells as ␀,
 * a cell's own line breaks as U+2029. Each line is one "unit" that remembers where it came from,
 * so a token maps straight back to its cell and origin.
 */
import type { Origin } from '../src/ast/types.js';
import { blocksOf, type BlockStream } from '../src/sources/blocks.js';
import { tokenMatcher, type IToken } from 'chevrotain';
import * as T from './lexicon.js';
import { CostHeader, GridHeader, Label, labelPattern, tableLexer } from './lexicon.js';

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

/**
 * A header label and its value in one cell ("项目名称：某项目", "实施单位：某中心"): read as the label's
 * cell and the value's cell, as when the form gives each its own cell.
 */
const INLINE_FIELD = new RegExp(
  `^((?:${['项目名称', '项目支出名称', '项目编码', '项目代码', '主管部门', '主管部门编码', '实施单位', '预算单位', '预算部门', '项目单位', '项目支出实施期', '项目实施期'].map(labelPattern).join('|')})[ \\t\\u3000]*[:：])[ \\t\\u3000]*([^\\n]*\\S)$`,
);

/** The units of a Block stream before the text-export joins and the gap drops, in reading order. */
function* rawUnits(stream: BlockStream): Generator<Unit> {
  let rowKey = 0;
  let tableKey = 0;
  for (const block of blocksOf(stream)) {
    if (block.kind === 'paragraph') {
      const text = block.text.trim();
      const inline = INLINE_FIELD.exec(text);
      if (inline) {
        yield { kind: 'paragraph', text: inline[1], origin: block.origin };
        yield { kind: 'paragraph', text: inline[2], origin: block.origin };
      } else if (text !== '') yield { kind: 'paragraph', text, origin: block.origin };
      continue;
    }
    tableKey++;
    for (const row of block.rows) {
      rowKey++;
      for (const cell of row) {
        // A horizontally merged continuation is not a cell of its own in any export.
        if (cell.mergedLeft) continue;
        const text = cell.text.trim();
        const inline = INLINE_FIELD.exec(text);
        if (inline) {
          const base = { kind: 'cell' as const, origin: cell.origin, rowKey: block.rowsKnown ? rowKey : undefined, tableKey, mergedAbove: cell.mergedAbove };
          yield { ...base, text: inline[1] };
          yield { ...base, text: inline[2] };
          continue;
        }
        yield { kind: 'cell', text, origin: cell.origin, rowKey: block.rowsKnown ? rowKey : undefined, tableKey, mergedAbove: cell.mergedAbove };
      }
    }
  }
}

/**
 * The units of a Block stream in reading order, one a serialised line, produced one at a time:
 * the passes over them look at most two units ahead, so the grammar can lex and parse one table
 * while the rest of the stream is still to come.
 */
export function serialUnits(stream: BlockStream): Iterable<Unit> {
  const raw = rawUnits(stream);
  return withoutGapsAfterFieldLabels(stream.info.format === 'text' ? withLabelFragmentsJoined(raw) : raw);
}

/** The serialised line of a unit: what the lexer reads for it. */
export function serialLine(unit: Unit): string {
  return labelUnbroken(lineOf(unit.text));
}

/** The whole serialisation at once (tests and tools; the grammar streams it through `serialUnits`). */
export function serialize(stream: BlockStream): Serialized {
  const units: Unit[] = [];
  const offsets: number[] = [];
  const lines: string[] = [];
  let offset = 0;
  for (const unit of serialUnits(stream)) {
    const line = serialLine(unit);
    units.push(unit);
    lines.push(line);
    offsets.push(offset);
    offset += line.length + 1;
  }
  return { text: lines.join('\n') + '\n', units, offsets };
}

const tokenMemo = new Map<string, IToken | null>();

/** The one token a line is, or null when it lexes as several. */
function tokenOf(line: string): IToken | null {
  let known = tokenMemo.get(line);
  if (known === undefined) {
    const { tokens } = tableLexer.tokenize(`${line}\n`);
    known = tokens.length === 1 ? tokens[0] : null;
    if (tokenMemo.size > 5000) tokenMemo.clear();
    tokenMemo.set(line, known);
  }
  return known;
}

/** Whether a line is one label of the form (项目名称, 一级指标, 成本项目 …). */
function isLabel(line: string): boolean {
  const token = tokenOf(line);
  return token !== null && [Label, GridHeader, CostHeader].some((t) => tokenMatcher(token, t));
}

/** Labels of a field holding one value (名称, 编码, 单位, 实施期, the amounts, 资金用途). */
const FIELD_LABELS = new Set([
  T.ProjectCodeLabel,
  T.ProjectNameLabel,
  T.AgencyLabel,
  T.DepartmentLabel,
  T.AgencyCodeLabel,
  T.ImplementationPeriodLabel,
  T.BudgetTotalLabel,
  T.FiscalFundsLabel,
  T.OtherFundsLabel,
  T.SuperiorFundsLabel,
  T.PurposeLabel,
]);

/**
 * Forms drawn on a fine grid leave an unmerged blank cell between a label and its value
 * ("项目支出名称 | ␀ | 某项目"): the blank is dropped when a value (not a label) follows it in the row.
 * Only where rows are known: in LibreOffice's text the blank may be the next row's merged cell.
 * Left to right over (label, gap, value) windows; after a drop the next window starts at the value.
 */
function* withoutGapsAfterFieldLabels(units: Iterable<Unit>): Generator<Unit> {
  const window: Unit[] = [];
  for (const unit of units) {
    window.push(unit);
    if (window.length < 3) continue;
    const [label, gap, value] = window;
    yield label;
    if (isGapAfterFieldLabel(label, gap, value)) window.splice(0, 2);
    else window.shift();
  }
  yield* window;
}

function isGapAfterFieldLabel(label: Unit, gap: Unit, value: Unit): boolean {
  if (gap.text !== '' || gap.mergedAbove || value.text === '' || value.mergedAbove) return false;
  if (label.rowKey === undefined || label.rowKey !== gap.rowKey || gap.rowKey !== value.rowKey) return false;
  const token = tokenOf(label.text);
  return token !== null && FIELD_LABELS.has(token.tokenType) && !isLabel(lineOf(value.text));
}

/** What a piece of a label can be: Chinese characters, brackets, a colon, spaces. */
const LABEL_PIECE = /^[\u4e00-\u9fff（）()：:%％ \u3000]{1,12}$/;

/** A label wrapped in a narrow cell ("项目支出⏎名称", "一级⏎指标") as the one label it is. */
function labelUnbroken(line: string): string {
  if (line.length > 24 || !line.includes(CELL_BREAK)) return line;
  const joined = line.split(CELL_BREAK).join('');
  return isLabel(joined) && !isLabel(line) ? joined : line;
}

/**
 * Text exports write each paragraph of a cell on a line of its own, so a wrapped label comes as
 * two units ("年度本级" "预算金额"): joined when together they are a label and one of them alone is not.
 * Left to right over pairs; a joined unit is not joined again.
 */
function* withLabelFragmentsJoined(units: Iterable<Unit>): Generator<Unit> {
  let pending: Unit | null = null;
  for (const unit of units) {
    if (pending === null) {
      pending = unit;
      continue;
    }
    const [a, b] = [pending.text, unit.text];
    if (LABEL_PIECE.test(a) && LABEL_PIECE.test(b) && !(isLabel(a) && isLabel(b)) && isLabel(a + b)) {
      yield { ...pending, text: a + b };
      pending = null;
    } else {
      yield pending;
      pending = unit;
    }
  }
  if (pending !== null) yield pending;
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
