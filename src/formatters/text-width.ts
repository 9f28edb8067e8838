/**
 * Display width of terminal text: CJK ideographs, full-width forms and most emoji take two columns,
 * combining marks and zero-width characters none, ANSI colour sequences none. Enough for aligning
 * the stylish columns; not a full implementation of Unicode's East Asian Width table.
 */

// eslint-disable-next-line no-control-regex
const ANSI_PATTERN = /\u001b\[[0-9;]*m/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI_PATTERN, '');
}

/** Ranges of code points displayed two columns wide (East Asian Wide and Fullwidth). */
const WIDE_RANGE_PAIRS: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation (、。「」)
  [0x3041, 0x33ff], // Hiragana … CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small forms
  [0xff00, 0xff60], // full-width forms (，：（）％ …)
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f], // pictographs, emoticons (approximation)
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd], // CJK extensions B–F
  [0x30000, 0x3fffd],
];

/** The same ranges flattened (start, end, start, end …): looked up without destructuring. */
const WIDE_BOUNDS = Uint32Array.from(WIDE_RANGE_PAIRS.flat());
const WIDE_RANGE_COUNT = WIDE_RANGE_PAIRS.length;

function isWide(codePoint: number): boolean {
  if (codePoint < 0x1100) return false;
  if (codePoint >= 0x4e00 && codePoint <= 0x9fff) return true; // CJK unified ideographs, the usual case
  let low = 0;
  let high = WIDE_RANGE_COUNT - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (codePoint < WIDE_BOUNDS[2 * mid]!) high = mid - 1;
    else if (codePoint > WIDE_BOUNDS[2 * mid + 1]!) low = mid + 1;
    else return true;
  }
  return false;
}

function isZeroWidth(codePoint: number): boolean {
  return (
    codePoint < 0x20 ||
    (codePoint >= 0x7f && codePoint < 0xa0) ||
    (codePoint >= 0x300 && codePoint <= 0x36f) || // combining diacritics
    (codePoint >= 0x200b && codePoint <= 0x200f) || // zero-width space, joiners, marks
    (codePoint >= 0x2028 && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x2064) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || // variation selectors
    codePoint === 0xfeff ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef)
  );
}

/** Number of terminal columns `text` occupies (ANSI colour codes ignored). */
export function displayWidth(text: string): number {
  const plain = text.includes('\u001b') ? stripAnsi(text) : text;
  let width = 0;
  for (let i = 0; i < plain.length; ) {
    const codePoint = plain.codePointAt(i)!;
    i += codePoint > 0xffff ? 2 : 1;
    if (isZeroWidth(codePoint)) continue;
    width += isWide(codePoint) ? 2 : 1;
  }
  return width;
}

/** Pads `text` with spaces on the right to `width` display columns. */
export function padEndToWidth(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

/** Pads `text` with spaces on the left to `width` display columns. */
export function padStartToWidth(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? ' '.repeat(missing) + text : text;
}

/** Characters a line may not start with (行首禁则: closing punctuation), nor end with (opening); all BMP. */
const codeUnits = (chars: string) => new Set(Array.from(chars, (c) => c.charCodeAt(0)));
const NO_LINE_START = codeUnits('，。、；：？！）】》」』”’〉〕…—%％,.;:?!)]}');
const NO_LINE_END = codeUnits('（【《「『“‘〈〔([{');

/** White space as `String.prototype.trim` sees it (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmedSpace(unit: number): boolean {
  return unit <= 0x20
    ? unit === 0x20 || (unit >= 0x09 && unit <= 0x0d)
    : unit === 0xa0 || unit === 0x1680 || (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 || unit === 0x2029 ||
        unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff;
}

/** End of `text[start, end)` without its trailing white space. */
function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && isTrimmedSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Display width of `text[start, end)`, measured in place (sliced only when the text has ANSI codes). */
function rangeWidth(text: string, start: number, end: number, hasAnsi: boolean): number {
  if (hasAnsi) return displayWidth(text.slice(start, end));
  let width = 0;
  for (let i = start; i < end; ) {
    const codePoint = text.codePointAt(i)!;
    i += codePoint > 0xffff ? 2 : 1;
    if (isZeroWidth(codePoint)) continue;
    width += isWide(codePoint) ? 2 : 1;
  }
  return width;
}

/** Numbers kept per piece in `MeasuredPieces.data`. */
const PIECE_FIELDS = 5;

/**
 * The pieces of a text (see `breakPieces`), each measured once. Pieces tile the text, so each is kept
 * as five numbers — start, end, display width, display width without its trailing white space (what a
 * line ending in it occupies), 1 when it is only white space — not as a string and an object per
 * CJK character.
 */
interface MeasuredPieces {
  text: string;
  data: number[];
}

/**
 * One pass over the text and one over the pieces: linear in the length of the text, however long a
 * word or a run of punctuation is.
 */
function measuredPieces(text: string): MeasuredPieces {
  const hasAnsi = text.includes('\u001b');
  // Groups of raw pieces, as [start, end) pairs. A raw piece is a run of narrow non-space characters
  // ending at (and keeping) a space, or one wide character. Closing punctuation joins the group
  // before it, opening punctuation the one after it (禁则): `carry` is where a group waiting for its
  // next piece began.
  const bounds: number[] = [];
  let carry = -1;
  const addRaw = (start: number, end: number) => {
    if (bounds.length > 0 && carry < 0 && NO_LINE_START.has(text.charCodeAt(start))) {
      bounds[bounds.length - 1] = end;
      return;
    }
    const contentEnd = trimmedEnd(text, start, end);
    if (contentEnd > start && NO_LINE_END.has(text.charCodeAt(contentEnd - 1)) && rangeWidth(text, start, end, hasAnsi) <= 2) {
      if (carry < 0) carry = start;
      return;
    }
    bounds.push(carry < 0 ? start : carry, end);
    carry = -1;
  };
  let wordStart = -1;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    if (cp === 0x20) {
      addRaw(wordStart < 0 ? i : wordStart, i + 1);
      wordStart = -1;
    } else if (isWide(cp)) {
      if (wordStart >= 0) addRaw(wordStart, i);
      wordStart = -1;
      addRaw(i, i + size);
    } else if (wordStart < 0) {
      wordStart = i;
    }
    i += size;
  }
  if (wordStart >= 0) addRaw(wordStart, text.length);
  if (carry >= 0) bounds.push(carry, text.length);

  const data = new Array<number>((bounds.length / 2) * PIECE_FIELDS);
  for (let g = 0, d = 0; g < bounds.length; g += 2, d += PIECE_FIELDS) {
    const start = bounds[g]!;
    const end = bounds[g + 1]!;
    const contentEnd = trimmedEnd(text, start, end);
    const trimmedWidth = rangeWidth(text, start, contentEnd, hasAnsi);
    data[d] = start;
    data[d + 1] = end;
    data[d + 2] = trimmedWidth + rangeWidth(text, contentEnd, end, hasAnsi);
    data[d + 3] = trimmedWidth;
    data[d + 4] = contentEnd === start ? 1 : 0;
  }
  return { text, data };
}

/**
 * Splits text into the pieces a line may break between: a run of narrow non-space characters
 * (a word, a number such as `≥98%`, a rule id) stays whole; a wide (CJK) character is a piece of
 * its own; a space is kept with the piece before it. Closing punctuation sticks to what precedes
 * it and opening punctuation to what follows (禁则), so no line starts with `，` or ends with `“`.
 */
export function breakPieces(text: string): string[] {
  const { data } = measuredPieces(text);
  const out: string[] = [];
  for (let d = 0; d < data.length; d += PIECE_FIELDS) out.push(text.slice(data[d], data[d + 1]));
  return out;
}

/** Cuts a piece wider than `width` into chunks of at most `width` columns (a very long word or URL). */
function hardSplit(piece: string, width: number): string[] {
  const out: string[] = [];
  let start = 0;
  let columns = 0;
  for (let i = 0; i < piece.length; ) {
    const cp = piece.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const w = isZeroWidth(cp) ? 0 : isWide(cp) ? 2 : 1;
    if (i > start && columns + w > width) {
      out.push(piece.slice(start, i));
      start = i;
      columns = 0;
    }
    columns += w;
    i += size;
  }
  if (start < piece.length) out.push(piece.slice(start));
  return out;
}

export interface WrapOptions {
  /** Columns available on the first line. */
  first: number;
  /** Columns available on each following line. */
  rest: number;
  /** Kept whole (never split, e.g. a rule id): may overflow a line narrower than itself. */
  unbreakable?: readonly string[];
}

/**
 * Wraps plain text (no ANSI codes) into lines of at most `first`, then `rest`, display columns,
 * breaking between pieces (see `breakPieces`); a piece wider than a whole line is cut, unless it is
 * one of `unbreakable`. Trailing spaces are dropped from every line. Linear in the length of the
 * text: each piece is measured once, the line's width is kept as a number, and the line being
 * filled is a range of the text (pieces are contiguous) sliced once when it is done.
 */
export function wrapToWidth(text: string, options: WrapOptions): string[] {
  const keep = options.unbreakable && options.unbreakable.length > 0 ? new Set(options.unbreakable) : undefined;
  const lines: string[] = [];
  // The current line is text[lineStart, lineEnd), or `lineText` for a cut chunk of a piece.
  let lineStart = 0;
  let lineEnd = 0;
  let currentWidth = 0;
  let currentHasText = false;
  const limit = () => Math.max(1, lines.length === 0 ? options.first : options.rest);
  const push = () => {
    lines.push(text.slice(lineStart, lineEnd).trimEnd());
    lineStart = lineEnd = 0;
    currentWidth = 0;
    currentHasText = false;
  };
  const { data } = measuredPieces(text);
  for (let d = 0; d < data.length; d += PIECE_FIELDS) {
    const start = data[d]!;
    const end = data[d + 1]!;
    const width = data[d + 2]!;
    const trimmedWidth = data[d + 3]!;
    const blank = data[d + 4] === 1;
    if (currentWidth + trimmedWidth <= limit()) {
      if (lineStart === lineEnd) lineStart = start;
      lineEnd = end;
      currentWidth += width;
      currentHasText ||= !blank;
      continue;
    }
    if (currentHasText) push();
    if (trimmedWidth <= limit() || (keep !== undefined && keep.has(text.slice(start, end).trim()))) {
      lineStart = start;
      lineEnd = end;
      currentWidth = width;
      currentHasText = !blank;
      continue;
    }
    const chunks = hardSplit(text.slice(start, end), limit());
    for (const chunk of chunks.slice(0, -1)) lines.push(chunk.trimEnd());
    const last = chunks.at(-1) ?? '';
    lineStart = end - last.length;
    lineEnd = end;
    currentWidth = displayWidth(last);
    currentHasText = last.trim().length > 0;
  }
  if (currentHasText || lines.length === 0) push();
  return lines;
}

/** `text` cut to at most `width` display columns, ending in `…` when cut. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let columns = 0;
  let end = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    columns += isZeroWidth(cp) ? 0 : isWide(cp) ? 2 : 1;
    if (columns > width - 1) break;
    end += ch.length;
  }
  return text.slice(0, end) + '…';
}
