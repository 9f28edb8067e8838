/**
 * One worksheet part (工作表) → its displayed cells and merged ranges, scanned as a stream: the
 * XML is never held as a tree, and only cells with something to show are kept.
 *
 * SpreadsheetML as Excel, WPS, LibreOffice and the budget systems' exporters write it: `sheetData`
 * holds `row`s of `c`ells (`r` = A1 reference, `s` = style, `t` = type) with a value `v`, a formula
 * `f` (its cached result is `v`) or an inline string `is`; `mergeCells` lists the merged ranges.
 * Elements are matched by local name, so a prefixed (`x:row`) or strict-namespace sheet reads the
 * same. A row or cell without `r` follows the one before it, as Excel reads it.
 *
 * Browser-safe: no Node-only imports.
 */
import type { XmlHandler, XmlTag } from '../docx/xml-scan.js';
import type { CellDisplay } from './display.js';
import { StringItemText, cellText, localName } from './parts.js';

/** A merged range (合并单元格), 1-based and inclusive. */
export interface MergeRange {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Excel's grid limits. */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

export interface SheetCells {
  /** row → col → displayed text (only cells that display something). */
  rows: Map<number, Map<number, string>>;
  merges: MergeRange[];
  /** Formula cells with no cached value (the file was saved without calculating). */
  uncalculated: number;
  /** String cells pointing past the shared-string table (damaged files). */
  missingStrings: number;
}

/** `AB12` (or `$AB$12`) → {row 12, col 28}; null when it is not a cell reference. One pass, no regex: it runs once per cell. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 0x24) i++;
  let col = 0;
  const colStart = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  if (i === colStart || i - colStart > 3) return null;
  if (ref.charCodeAt(i) === 0x24) i++;
  let row = 0;
  const rowStart = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    row = row * 10 + (c - 0x30);
  }
  if (i !== n || i === rowStart || i - rowStart > 7) return null;
  if (row < 1 || row > MAX_ROW || col < 1 || col > MAX_COL) return null;
  return { row, col };
}

/** `A1:G1` → range; a single cell `A1` is a 1×1 range. */
export function parseRange(ref: string): MergeRange | null {
  const [a, b] = ref.split(':');
  const p = parseCellRef(a ?? '');
  const q = b === undefined ? p : parseCellRef(b);
  if (!p || !q) return null;
  return { r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
}

/** One attribute, without parsing the tag's others when the tokenizer can (xml-scan's `attribute`). */
function attributeOf(tag: XmlTag, name: string): string | undefined {
  return tag.attribute ? tag.attribute(name) : tag.attributes[name];
}

type Where = 'outside' | 'sheetData' | 'row' | 'c' | 'v' | 'f' | 'is' | 'mergeCells' | 'other';

export class WorksheetReader implements XmlHandler {
  readonly cells: SheetCells = { rows: new Map(), merges: [], uncalculated: 0, missingStrings: 0 };

  /** Where the scanner is, by element; `other` for anything not read (its subtree included). */
  private readonly path: Where[] = [];
  private row = 0;
  private col = 0;
  private currentRow: Map<number, string> | null = null;
  private cellType = 'n';
  private cellStyle = 0;
  private hasFormula = false;
  private value = '';
  private hasValue = false;
  private readonly inline = new StringItemText();
  private inlineSeen = false;

  /** Local names by tag name (a sheet repeats a handful of names a million times). */
  private readonly locals = new Map<string, string>();

  constructor(
    private readonly sharedStrings: readonly string[],
    private readonly display: CellDisplay,
  ) {}

  private local(name: string): string {
    let l = this.locals.get(name);
    if (l === undefined) this.locals.set(name, (l = localName(name)));
    return l;
  }

  private get where(): Where {
    return this.path.length === 0 ? 'outside' : this.path[this.path.length - 1];
  }

  open(tag: XmlTag): void {
    const local = this.local(tag.name);
    const at = this.where;
    let next: Where = 'other';
    if (this.path.length <= 1) {
      // The root (worksheet) and its direct children.
      if (this.path.length === 0) next = 'outside';
      else if (local === 'sheetData') next = 'sheetData';
      else if (local === 'mergeCells') next = 'mergeCells';
    } else if (at === 'sheetData' && local === 'row') {
      next = 'row';
      this.startRow(tag);
    } else if (at === 'row' && local === 'c') {
      next = 'c';
      this.startCell(tag);
    } else if (at === 'c') {
      if (local === 'v') (next = 'v'), (this.value = ''), (this.hasValue = true);
      else if (local === 'f') (next = 'f'), (this.hasFormula = true);
      else if (local === 'is') (next = 'is'), (this.inlineSeen = true);
    } else if (at === 'is') {
      next = 'is';
      this.inline.open(local);
    } else if (at === 'mergeCells' && local === 'mergeCell') {
      const r = parseRange(tag.attributes.ref ?? '');
      if (r && (r.r1 > r.r0 || r.c1 > r.c0)) this.cells.merges.push(r);
    }
    this.path.push(next);
  }

  close(tag: { name: string }): void {
    const at = this.path.pop();
    if (at === 'c') this.endCell();
    else if (at === 'row') this.currentRow = null;
    else if (at === 'is' && this.where === 'is') this.inline.close(this.local(tag.name));
  }

  wantsText(): boolean {
    const at = this.where;
    return at === 'v' || (at === 'is' && this.inline.wantsText);
  }

  onText(text: string): void {
    const at = this.where;
    if (at === 'v') this.value += text;
    else if (at === 'is') this.inline.text(text);
  }

  private startRow(tag: XmlTag): void {
    const r = Number(attributeOf(tag, 'r'));
    this.row = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r : this.row + 1;
    this.col = 0;
    this.currentRow = null;
  }

  private startCell(tag: XmlTag): void {
    const r = attributeOf(tag, 'r');
    const ref = r !== undefined ? parseCellRef(r.trim()) : null;
    if (ref) {
      if (ref.row !== this.row) (this.row = ref.row), (this.currentRow = null);
      this.col = ref.col;
    } else this.col++;
    this.cellType = attributeOf(tag, 't') ?? 'n';
    const s = Number(attributeOf(tag, 's') ?? 0);
    this.cellStyle = Number.isInteger(s) && s >= 0 ? s : 0;
    this.hasFormula = false;
    this.value = '';
    this.hasValue = false;
    this.inlineSeen = false;
  }

  private endCell(): void {
    const raw = this.value;
    let text: string;
    if (this.inlineSeen) text = this.display.text(this.inline.take(), this.cellStyle);
    else switch (this.cellType) {
      case 's': {
        const i = Number(raw);
        const s = Number.isInteger(i) && i >= 0 ? this.sharedStrings[i] : undefined;
        if (s === undefined) {
          if (raw.trim() !== '') this.cells.missingStrings++;
          text = '';
        } else text = this.display.text(s, this.cellStyle);
        break;
      }
      case 'inlineStr':
        text = cellText(raw);
        break;
      case 'str':
        text = this.display.text(cellText(raw), this.cellStyle);
        break;
      case 'b':
        text = raw === '' ? '' : this.display.boolean(raw);
        break;
      case 'e':
        text = raw.trim();
        break;
      case 'd':
        text = raw === '' ? '' : this.display.date(raw, this.cellStyle);
        break;
      default:
        text = raw === '' ? '' : this.display.number(raw, this.cellStyle);
    }
    if (this.hasFormula && !this.hasValue && !this.inlineSeen) this.cells.uncalculated++;
    if (text === '') return;
    if (this.currentRow === null) {
      let row = this.cells.rows.get(this.row);
      if (!row) this.cells.rows.set(this.row, (row = new Map()));
      this.currentRow = row;
    }
    this.currentRow.set(this.col, text);
  }
}
