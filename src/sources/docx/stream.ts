/**
 * The streaming .docx reader (流式读取, the default): inflates only the main document part with
 * fflate (under the zip-guard limits) and feeds its bytes to a SAX tokenizer — the byte scanner of
 * xml-scan.ts (the differential tests plug saxes in instead: test/helpers/saxes-sink.ts) —
 * building the Block stream directly from WordprocessingML as Word writes it: no DOM, no HTML.
 *
 * It reads what mammoth (the reference reader, mammoth.ts) reads and nothing else, so the two
 * give identical Block streams; the differential tests prove it on every fixture and on generated
 * documents:
 * - content: w:t, w:tab → "\t", w:br / w:cr → "\n" (page and column breaks too), w:noBreakHyphen,
 *   w:softHyphen, w:sym (dingbat fonts mapped to Unicode), check boxes → ☑/☐;
 * - transparent wrappers: runs, hyperlinks, w:ins, w:moveTo, w:smartTag, w:customXml, w:sdt content,
 *   w:fldSimple (its result), w:dir, w:bdo, mc:AlternateContent (its Fallback);
 * - not content: w:del, w:moveFrom, w:delText, proofErr, bookmarks, field codes (fldChar/instrText
 *   between begin and separate — except a TC field's instruction, see model.ts), drawings,
 *   footnote/endnote/comment references, anything unknown;
 * - a paragraph whose mark is deleted (tracked change) joins the next paragraph;
 * - a tracked-deleted table row is skipped;
 * - text boxes (VML w:pict) are read as paragraphs following the paragraph that anchors them;
 * - a w14 check-box content control: its first text becomes ☑/☐ (the whole content when it has none);
 * - an automatically numbered paragraph starts with its label (numbering.ts).
 *
 * Browser-safe: no Node-only imports.
 */
import { hex as dingbatHex } from 'dingbat-to-unicode';
import type { BlockStream } from '../blocks.js';
import { SourceError } from '../blocks.js';
import {
  CHECKBOX_CHECKED,
  CHECKBOX_UNCHECKED,
  DocxBlockBuilder,
  WordGrid,
  type GridRow,
  type WordCellDraft,
  flattenNestedTable,
  isTcInstruction,
  tcFieldText,
} from './model.js';
import {
  type ZipEntry,
  type ZipLimits,
  checkDeclaredSizes,
  corruptDocx,
  doctypeError,
  encryptedError,
  findMainDocumentPart,
  inflateEntry,
  inflateEntryToBuffer,
  MiB,
  noDocumentXml,
  readZipDirectory,
  refuseDoctype,
} from '../zip-guard.js';
import { type XmlEndTag, type XmlHandler, type XmlTag, XmlScanner } from './xml-scan.js';
import { DocxNumbering, numberingParts } from './numbering.js';

const NS: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
};

/**
 * The elements the reader tells apart, as small integers (元素编码): the handler dispatches on
 * these instead of comparing a tag's name with some forty strings.
 */
const OTHER = 0;
const TRANSPARENT = 1;
const P = 2;
const PPR = 3;
const T = 4;
const INSTR_TEXT = 5;
const TAB = 6;
const BR = 7;
const CR = 8;
const NO_BREAK_HYPHEN = 9;
const SOFT_HYPHEN = 10;
const SYM = 11;
const FLD_CHAR = 12;
const FLD_SIMPLE = 13;
const SDT = 14;
const SDT_PR = 15;
const TBL = 16;
const TR = 17;
const TR_PR = 18;
const TC = 19;
const TC_PR = 20;
const PICT = 21;
const TEXT_BOX_PART = 22;
const RPR = 23;
const P_STYLE = 24;
const NUM_PR = 25;
const NUM_ID = 26;
const ILVL = 27;
const DEL = 28;
const GRID_BEFORE = 29;
const GRID_AFTER = 30;
const GRID_SPAN = 31;
const V_MERGE = 32;
const W14_CHECKBOX = 33;
const W14_CHECKED = 34;
const FF_DATA = 35;
const CHECK_BOX = 36;
const CHECKED = 37;
const DEFAULT = 38;

/** Canonical element names (see `canon`) → codes; every other element is OTHER. */
const ELEMENT_CODES = new Map<string, number>([
  ...['w:document', 'w:body', 'w:r', 'w:hyperlink', 'w:smartTag', 'w:customXml', 'w:ins', 'w:moveTo', 'w:dir', 'w:bdo', 'w:sdtContent', 'mc:AlternateContent', 'mc:Fallback'].map(
    (n): [string, number] => [n, TRANSPARENT],
  ),
  ...['v:shape', 'v:textbox', 'v:group', 'v:rect', 'v:roundrect', 'w:txbxContent'].map((n): [string, number] => [n, TEXT_BOX_PART]),
  ['w:p', P],
  ['w:pPr', PPR],
  ['w:t', T],
  ['w:instrText', INSTR_TEXT],
  ['w:tab', TAB],
  ['w:br', BR],
  ['w:cr', CR],
  ['w:noBreakHyphen', NO_BREAK_HYPHEN],
  ['w:softHyphen', SOFT_HYPHEN],
  ['w:sym', SYM],
  ['w:fldChar', FLD_CHAR],
  ['w:fldSimple', FLD_SIMPLE],
  ['w:sdt', SDT],
  ['w:sdtPr', SDT_PR],
  ['w:tbl', TBL],
  ['w:tr', TR],
  ['w:trPr', TR_PR],
  ['w:tc', TC],
  ['w:tcPr', TC_PR],
  ['w:pict', PICT],
  ['w:rPr', RPR],
  ['w:pStyle', P_STYLE],
  ['w:numPr', NUM_PR],
  ['w:numId', NUM_ID],
  ['w:ilvl', ILVL],
  ['w:del', DEL],
  ['w:gridBefore', GRID_BEFORE],
  ['w:gridAfter', GRID_AFTER],
  ['w:gridSpan', GRID_SPAN],
  ['w:vMerge', V_MERGE],
  ['w14:checkbox', W14_CHECKBOX],
  ['w14:checked', W14_CHECKED],
  ['w:ffData', FF_DATA],
  ['w:checkBox', CHECK_BOX],
  ['w:checked', CHECKED],
  ['w:default', DEFAULT],
]);

/**
 * A stack that keeps its storage: an array popped to empty lets V8 shrink its backing store, so the
 * paragraph stack, going 0 → 1 → 0 for every paragraph, allocated a new one each time.
 */
class Stack<T> {
  private readonly items: (T | undefined)[] = [];
  size = 0;

  push(item: T): void {
    this.items[this.size++] = item;
  }

  pop(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.items[--this.size];
    this.items[this.size] = undefined;
    return item;
  }

  top(): T | undefined {
    return this.size === 0 ? undefined : this.items[this.size - 1];
  }
}

/** Where finished paragraphs and tables go. */
interface Container {
  paragraph(text: string, extras: ExtraItem[] | null): void;
  table(rows: GridRow[]): void;
}
type ExtraItem = { kind: 'p'; text: string; extras: ExtraItem[] | null } | { kind: 't'; rows: GridRow[] };

function replay(into: Container, items: ExtraItem[] | null): void {
  if (!items) return;
  for (const it of items) {
    if (it.kind === 'p') into.paragraph(it.text, it.extras);
    else into.table(it.rows);
  }
}

class BodyContainer implements Container {
  constructor(private readonly b: DocxBlockBuilder) {}
  paragraph(text: string, extras: ExtraItem[] | null): void {
    this.b.paragraph(text);
    replay(this, extras);
  }
  table(rows: GridRow[]): void {
    this.b.table(rows);
  }
}

/**
 * A table cell (w:tc) being read, which is also the cell handed to the grid: its paragraphs joined by
 * "\n", and the span and vertical merge its w:tcPr gives. One object per cell, where a state object,
 * a container, its array of paragraphs and the draft for the grid were four.
 */
class CellContainer implements Container, WordCellDraft {
  text = '';
  span = 1;
  vMergeContinue = false;
  private paragraphs = 0;
  /** Set when the cell ends: its text is final (anything sent here later was never part of it). */
  private ended = false;

  paragraph(text: string, extras: ExtraItem[] | null): void {
    this.add(text);
    replay(this, extras);
  }

  table(rows: GridRow[]): void {
    for (const line of flattenNestedTable(rows)) this.add(line);
  }

  end(): this {
    this.ended = true;
    return this;
  }

  private add(line: string): void {
    if (this.ended) return;
    this.text = this.paragraphs++ === 0 ? line : `${this.text}\n${line}`;
  }
}

/** Collects the content of a text box until its anchoring paragraph ends. */
class ExtraContainer implements Container {
  constructor(readonly items: ExtraItem[]) {}
  paragraph(text: string, extras: ExtraItem[] | null): void {
    this.items.push({ kind: 'p', text, extras });
  }
  table(rows: GridRow[]): void {
    this.items.push({ kind: 't', rows });
  }
}

interface ParagraphState {
  parts: string[];
  /** Numbering of the paragraph (w:pStyle, w:numPr) as read from its w:pPr. */
  style?: string;
  numId?: string;
  ilvl?: number;
  /** Text-box content anchored in the paragraph, emitted after it (allocated when needed). */
  extras: ExtraItem[] | null;
  markDeleted: boolean;
}

interface FieldState {
  instr: string;
  /** The instruction as it came, one piece per w:instrText (a TC field's pieces become text one by one). */
  pieces: string[];
  /** Between begin and separate: the field's code. */
  code: boolean;
  /** mammoth's field type, decided at separate or end from the instruction collected since the last begin. */
  type: 'unknown' | 'checkbox' | 'hyperlink' | null;
  checked: boolean;
}

interface TableState {
  grid: WordGrid;
  row: { cells: WordCellDraft[]; gridBefore: number; gridAfter: number; deleted: boolean } | null;
  cell: CellContainer | null;
}

interface SdtState {
  checkbox: boolean;
  checked: boolean;
  replaced: boolean;
  /** Where the content control began: its paragraph and how many parts that paragraph had. */
  paragraph: ParagraphState | undefined;
  start: number;
  /** Text-box depth at the control: text inside a text box opened later is not the control's text. */
  picts: number;
}

/** What the parser is inside of, for the few property elements whose children matter. */
type PropContext = 'pPr' | 'pPrRPr' | 'numPr' | 'trPr' | 'tcPr' | 'sdtPr' | 'w14checkbox' | 'fldChar' | 'ffData' | 'ffCheckBox' | null;

class WordprocessingReader implements XmlHandler {
  readonly builder = new DocxBlockBuilder();

  constructor(private readonly numbering: DocxNumbering | null) {}

  private readonly containers: Container[] = [new BodyContainer(this.builder)];
  private readonly paras = new Stack<ParagraphState>();
  private carry: { parts: string[]; extras: ExtraItem[] | null } | null = null;
  private readonly tables: TableState[] = [];
  private readonly fields: FieldState[] = [];
  private currentInstr = '';
  private readonly sdts: SdtState[] = [];
  /** Depth of the pict elements being read (text boxes). */
  private readonly picts: number[] = [];

  private depth = 0;
  private skipDepth = -1;
  private capture: 't' | 'instr' | null = null;
  private captured = '';
  private prop: PropContext = null;
  private propDepth = 0;

  private readonly prefixToCanon = new Map<string, string>();
  private readonly nameCache = new Map<string, string>();
  /** Element codes by the tokenizer's name id (`XmlTag.nameId`), filled as names come. */
  private codeById: number[] = [];
  private wAttr = 'w:';
  private w14Attr = 'w14:';
  /** Qualified attribute names (`w:val` …) by local name, for the document's prefix. */
  private readonly wAttrNames = new Map<string, string>();

  /** The element code of a tag. */
  private code(tag: XmlTag | XmlEndTag): number {
    const id = tag.nameId;
    if (id !== undefined) {
      const known = this.codeById[id];
      if (known !== undefined) return known;
    }
    const c = ELEMENT_CODES.get(this.canon(tag.name)) ?? OTHER;
    if (id !== undefined) this.codeById[id] = c;
    return c;
  }

  /** Canonical `prefix:local` for a raw tag name (w, mc, v, w14; others keep a `?` prefix). */
  private canon(raw: string): string {
    let c = this.nameCache.get(raw);
    if (c === undefined) {
      const i = raw.indexOf(':');
      const prefix = i < 0 ? '' : raw.slice(0, i);
      const local = i < 0 ? raw : raw.slice(i + 1);
      c = `${this.prefixToCanon.get(prefix) ?? '?'}:${local}`;
      this.nameCache.set(raw, c);
    }
    return c;
  }

  private learnNamespaces(attrs: Record<string, string>): void {
    for (const [k, v] of Object.entries(attrs)) {
      if (!k.startsWith('xmlns')) continue;
      const prefix = k === 'xmlns' ? '' : k.slice(6);
      const canon = NS[v];
      if (!canon) continue;
      this.prefixToCanon.set(prefix, canon);
      if (canon === 'w') this.wAttr = prefix ? `${prefix}:` : '';
      if (canon === 'w14') this.w14Attr = prefix ? `${prefix}:` : '';
    }
    this.nameCache.clear();
    this.codeById = [];
    this.wAttrNames.clear();
  }

  private attr(tag: XmlTag, local: string): string | undefined {
    let name = this.wAttrNames.get(local);
    if (name === undefined) this.wAttrNames.set(local, (name = this.wAttr + local));
    return tag.attribute ? tag.attribute(name) : tag.attributes[name];
  }

  private skip(): void {
    this.skipDepth = this.depth;
  }

  private get inFieldCode(): boolean {
    const fields = this.fields;
    for (let i = 0; i < fields.length; i++) if (fields[i].code) return true;
    return false;
  }

  private emit(text: string): void {
    const p = this.paras.top();
    if (p && !this.inFieldCode) p.parts.push(text);
  }

  private get container(): Container {
    return this.containers[this.containers.length - 1];
  }

  open(tag: XmlTag): void {
    this.depth++;
    if (this.skipDepth >= 0) return;
    if (this.depth === 1) this.learnNamespaces(tag.attributes);
    const code = this.code(tag);

    if (this.prop !== null) {
      this.openProperty(code, tag);
      return;
    }
    switch (code) {
      case TRANSPARENT:
        return;
      case P:
        this.startParagraph();
        return;
      case PPR:
        this.enterProperty('pPr');
        return;
      case T:
        if (this.inFieldCode) return this.skip();
        this.capture = 't';
        this.captured = '';
        return;
      case INSTR_TEXT:
        this.capture = 'instr';
        this.captured = '';
        return;
      case TAB:
        this.emit('\t');
        return this.skip();
      case BR: {
        const type = this.attr(tag, 'type');
        if (type === undefined || type === 'textWrapping' || type === 'page' || type === 'column') this.emit('\n');
        return this.skip();
      }
      case CR:
        this.emit('\n');
        return this.skip();
      case NO_BREAK_HYPHEN:
        this.text('\u2011');
        return this.skip();
      case SOFT_HYPHEN:
        this.text('\u00AD');
        return this.skip();
      case SYM:
        this.symbol(tag);
        return this.skip();
      case FLD_CHAR:
        this.fieldChar(tag);
        return;
      case FLD_SIMPLE: {
        const instr = this.attr(tag, 'instr') ?? '';
        if (isTcInstruction(instr)) this.text(tcFieldText(instr));
        return;
      }
      case SDT:
        {
          const paragraph = this.paras.top();
          this.sdts.push({
            checkbox: false,
            checked: false,
            replaced: false,
            paragraph,
            start: paragraph ? paragraph.parts.length : 0,
            picts: this.picts.length,
          });
        }
        return;
      case SDT_PR:
        this.enterProperty('sdtPr');
        return;
      case TBL:
        this.tables.push({ grid: new WordGrid(), row: null, cell: null });
        return;
      case TR: {
        const t = this.tables[this.tables.length - 1];
        if (!t) return this.skip();
        t.row = { cells: [], gridBefore: 0, gridAfter: 0, deleted: false };
        return;
      }
      case TR_PR:
        this.enterProperty('trPr');
        return;
      case TC: {
        const t = this.tables[this.tables.length - 1];
        if (!t || !t.row) return this.skip();
        // gridBefore columns: the reference reader fills them with a placeholder cell whose
        // paragraph swallows text carried from a deleted paragraph mark; drop it here too.
        if (t.row.gridBefore > 0 && t.row.cells.length === 0) this.carry = null;
        t.cell = new CellContainer();
        this.containers.push(t.cell);
        return;
      }
      case TC_PR:
        this.enterProperty('tcPr');
        return;
      case PICT: {
        const p = this.paras.top();
        if (!p) return this.skip();
        this.picts.push(this.depth);
        this.containers.push(new ExtraContainer((p.extras ??= [])));
        return;
      }
      case TEXT_BOX_PART:
        if (this.picts.length === 0) return this.skip();
        return;
      default:
        // Unknown, property-only or not-content elements (w:del, w:moveFrom, w:rPr, w:drawing,
        // mc:Choice, bookmarks, proofErr, footnote references, w:sectPr …).
        return this.skip();
    }
  }

  private enterProperty(ctx: PropContext): void {
    this.prop = ctx;
    this.propDepth = this.depth;
  }

  /** Inside a property element: read the few children that matter, skip the rest. */
  private openProperty(code: number, tag: XmlTag): void {
    switch (this.prop) {
      case 'pPr': {
        if (code === RPR) return this.nested('pPrRPr');
        const p = this.paras.top();
        // The style and the numbering properties only matter to a document with numbering.
        if (p && code === P_STYLE) {
          if (this.numbering) p.style = this.attr(tag, 'val');
        } else if (code === NUM_PR) return this.nested('numPr');
        return this.skip();
      }
      case 'numPr': {
        const p = this.numbering ? this.paras.top() : undefined;
        if (p && code === NUM_ID) p.numId = this.attr(tag, 'val');
        else if (p && code === ILVL) p.ilvl = Number(this.attr(tag, 'val') ?? 0);
        return this.skip();
      }
      case 'pPrRPr':
        if (code === DEL) {
          const p = this.paras.top();
          if (p) p.markDeleted = true;
        }
        return this.skip();
      case 'trPr': {
        const row = this.tables[this.tables.length - 1]?.row;
        if (row) {
          if (code === GRID_BEFORE) row.gridBefore = toInt(this.attr(tag, 'val'));
          else if (code === GRID_AFTER) row.gridAfter = toInt(this.attr(tag, 'val'));
          else if (code === DEL) row.deleted = true;
        }
        return this.skip();
      }
      case 'tcPr': {
        const cell = this.tables[this.tables.length - 1]?.cell;
        if (cell) {
          if (code === GRID_SPAN) cell.span = Math.max(1, toInt(this.attr(tag, 'val')) || 1);
          else if (code === V_MERGE) {
            const val = this.attr(tag, 'val');
            cell.vMergeContinue = val === 'continue' || !val;
          }
        }
        return this.skip();
      }
      case 'sdtPr':
        if (code === W14_CHECKBOX) {
          const sdt = this.sdts[this.sdts.length - 1];
          if (sdt) sdt.checkbox = true;
          return this.nested('w14checkbox');
        }
        return this.skip();
      case 'w14checkbox':
        if (code === W14_CHECKED) {
          const sdt = this.sdts[this.sdts.length - 1];
          const val = tag.attribute ? tag.attribute(this.w14Attr + 'val') : tag.attributes[this.w14Attr + 'val'];
          if (sdt) sdt.checked = val === '1' || val === 'true' || val === 'on';
        }
        return this.skip();
      case 'fldChar':
        if (code === FF_DATA) return this.nested('ffData');
        return this.skip();
      case 'ffData':
        if (code === CHECK_BOX) return this.nested('ffCheckBox');
        return this.skip();
      case 'ffCheckBox': {
        const f = this.fields[this.fields.length - 1];
        if (f && code === CHECKED) (f.checked = readBoolean(this.attr(tag, 'val'))), (this.checkedSeen = true);
        else if (f && code === DEFAULT && !this.checkedSeen) f.checked = readBoolean(this.attr(tag, 'val'));
        return this.skip();
      }
      default:
        return this.skip();
    }
  }
  /** The property contexts `nested` entered from, and their depths. */
  private readonly outerProps = new Stack<PropContext>();
  private readonly outerPropDepths = new Stack<number>();

  /** Enters a property context one level down, remembering the outer one. */
  private nested(ctx: PropContext): void {
    this.outerProps.push(this.prop);
    this.outerPropDepths.push(this.propDepth);
    this.prop = ctx;
    this.propDepth = this.depth;
  }
  private checkedSeen = false;

  close(tag: XmlEndTag): void {
    if (this.skipDepth >= 0) {
      if (this.depth === this.skipDepth) this.skipDepth = -1;
      this.depth--;
      return;
    }
    if (this.prop !== null && this.depth === this.propDepth) {
      if (this.prop === 'pPr' && this.numbering) this.numberParagraph();
      if (this.outerProps.size > 0) {
        this.prop = this.outerProps.pop() as PropContext;
        this.propDepth = this.outerPropDepths.pop() as number;
      } else this.prop = null;
      this.depth--;
      return;
    }
    switch (this.code(tag)) {
      case T:
        if (this.capture === 't') this.text(this.captured);
        this.capture = null;
        break;
      case INSTR_TEXT:
        if (this.capture === 'instr') {
          this.currentInstr += this.captured;
          const top = this.fields[this.fields.length - 1];
          if (top && top.code) {
            top.instr += this.captured;
            top.pieces.push(this.captured);
          }
        }
        this.capture = null;
        break;
      case P:
        this.endParagraph();
        break;
      case SDT: {
        // A check box with no text in it: mammoth replaces its whole content by the check box.
        const sdt = this.sdts.pop();
        const paragraph = this.paras.top();
        if (sdt && sdt.checkbox && !sdt.replaced && paragraph && paragraph === sdt.paragraph && !this.inFieldCode) {
          paragraph.parts.length = sdt.start;
          paragraph.parts.push(sdt.checked ? CHECKBOX_CHECKED : CHECKBOX_UNCHECKED);
        }
        break;
      }
      case TC: {
        const t = this.tables[this.tables.length - 1];
        if (t && t.cell && t.row) {
          this.containers.pop();
          t.row.cells.push(t.cell.end());
        }
        if (t) t.cell = null;
        break;
      }
      case TR: {
        const t = this.tables[this.tables.length - 1];
        if (t && t.row && t.row.gridAfter > 0) this.carry = null; // as for gridBefore, at the row's end
        if (t && t.row && !t.row.deleted) t.grid.addRow(t.row.cells, t.row.gridBefore, t.row.gridAfter);
        if (t) t.row = null;
        break;
      }
      case TBL: {
        const t = this.tables.pop();
        if (t) this.container.table(t.grid.rows);
        break;
      }
      case PICT:
        if (this.picts[this.picts.length - 1] === this.depth) {
          this.picts.pop();
          this.containers.pop();
        }
        break;
      default:
        break;
    }
    this.depth--;
  }

  wantsText(): boolean {
    return this.capture !== null && this.skipDepth < 0;
  }

  onText(t: string): void {
    if (this.capture !== null && this.skipDepth < 0) this.captured += t;
  }

  /** A complete w:t: a w14 check box replaces the first non-empty text of its content control. */
  /**
   * Text (w:t, symbols, special hyphens, a TC instruction): inside a w14 check-box content control
   * the first non-empty text becomes the check box — the innermost check box still waiting for
   * one takes it, as mammoth does.
   */
  private text(s: string): void {
    if (s.length > 0 && !this.inFieldCode) {
      for (let i = this.sdts.length - 1; i >= 0; i--) {
        const sdt = this.sdts[i];
        if (sdt.picts !== this.picts.length) break;
        if (sdt.checkbox && !sdt.replaced) {
          sdt.replaced = true;
          this.emit(sdt.checked ? CHECKBOX_CHECKED : CHECKBOX_UNCHECKED);
          return;
        }
      }
    }
    this.emit(s);
  }

  private symbol(tag: XmlTag): void {
    const font = this.attr(tag, 'font') ?? '';
    const char = this.attr(tag, 'char') ?? '';
    let u = dingbatHex(font, char);
    if (!u && /^F0..$/i.test(char)) u = dingbatHex(font, char.slice(2));
    if (u) this.text(u.string);
  }

  private fieldChar(tag: XmlTag): void {
    const type = this.attr(tag, 'fldCharType');
    if (type === 'begin') {
      this.fields.push({ instr: '', pieces: [], code: true, type: null, checked: false });
      this.currentInstr = '';
      this.checkedSeen = false;
      this.enterProperty('fldChar'); // ffData of a check box
      return;
    }
    const f = this.fields[this.fields.length - 1];
    if (type === 'separate') {
      if (!f) return this.skip();
      this.endFieldCode(f);
      f.type = fieldType(this.currentInstr);
    } else if (type === 'end') {
      if (!f) return this.skip();
      if (f.code) this.endFieldCode(f);
      if (f.type === null) f.type = fieldType(this.currentInstr);
      this.fields.pop();
      if (f.type === 'checkbox') this.emit(f.checked ? CHECKBOX_CHECKED : CHECKBOX_UNCHECKED);
    }
    this.skip();
  }

  /** The code of a field ends: a TC field's instruction becomes text (unless it sits in another field's code). */
  private endFieldCode(f: FieldState): void {
    f.code = false;
    if (isTcInstruction(f.instr)) for (const piece of f.pieces) this.text(tcFieldText(piece));
  }

  /** At the end of w:pPr: an automatically numbered paragraph starts with its label. */
  private numberParagraph(): void {
    const p = this.paras.top();
    if (!p || !this.numbering) return;
    const label = this.numbering.next(p.numId, p.ilvl, p.style);
    if (label !== null) p.parts.push(label);
  }

  private startParagraph(): void {
    const p: ParagraphState = { parts: [], extras: null, markDeleted: false };
    if (this.carry) {
      p.parts.push(...this.carry.parts);
      if (this.carry.extras) p.extras = this.carry.extras.slice();
      this.carry = null;
    }
    this.paras.push(p);
  }

  private endParagraph(): void {
    const p = this.paras.pop();
    if (!p) return;
    if (p.markDeleted) {
      this.carry = { parts: p.parts, extras: p.extras };
      return;
    }
    this.container.paragraph(p.parts.join(''), p.extras);
  }
}

function toInt(v: string | undefined): number {
  const n = v === undefined ? NaN : parseInt(v, 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 0;
}

/** OOXML on/off value: absent or anything but 0/false/off is on. */
function readBoolean(v: string | undefined): boolean {
  return v === undefined || !(v === '0' || v === 'false' || v === 'off');
}

/** The field types mammoth distinguishes (only check boxes change the text). */
function fieldType(instr: string): 'unknown' | 'checkbox' | 'hyperlink' {
  if (/^\s*HYPERLINK\s+/.test(instr)) return 'hyperlink';
  if (/\s*FORMCHECKBOX\s*/.test(instr)) return 'checkbox';
  return 'unknown';
}

/** What the streaming reader feeds the main part's bytes to. */
export interface XmlSink {
  write(chunk: Uint8Array): void;
  close(): void;
}

/**
 * Makes the XML tokenizer under the streaming reader from the reader (its handler) and what to do
 * on a DOCTYPE. Production uses the byte scanner of xml-scan.ts; the differential tests pass one on
 * saxes (test/helpers/saxes-sink.ts) to hold the scanner to a reference XML parser.
 */
export type XmlSinkFactory = (handler: XmlHandler, refuseDoctype: () => never) => XmlSink;

/** The built-in byte scanner (xml-scan.ts). */
export const scannerSink: XmlSinkFactory = (handler, refuseDoctype) => new XmlScanner(handler, refuseDoctype);

/** numbering.xml and styles.xml (small parts, read whole), or null when the document has no numbering. */
function readNumbering(bytes: Uint8Array, entries: ZipEntry[], mainPart: string, limits: ZipLimits): DocxNumbering | null {
  const part = (name: string): string | null => {
    const e = entries.find((x) => x.name === name);
    if (!e || e.size > 16 * MiB) return null;
    const xml = new TextDecoder('utf-8').decode(inflateEntryToBuffer(bytes, e, Math.min(16 * MiB, limits.maxInflatedSize)));
    refuseDoctype(xml, name);
    return xml;
  };
  if (!entries.some((e) => /numbering[^/]*\.xml$/i.test(e.name))) return null;
  const slash = mainPart.lastIndexOf('/');
  const rels = part(`${mainPart.slice(0, slash + 1)}_rels/${mainPart.slice(slash + 1)}.rels`);
  const paths = numberingParts(mainPart, rels);
  const numberingXml = part(paths.numbering);
  if (!numberingXml) return null;
  const numbering = new DocxNumbering(numberingXml, part(paths.styles));
  return numbering.empty ? null : numbering;
}

/** Reads a .docx with the streaming reader. Throws SourceError for anything unreadable. */
export function readDocxStream(bytes: Uint8Array, limits: ZipLimits, makeSink: XmlSinkFactory = scannerSink): BlockStream {
  const entries = readZipDirectory(bytes);
  if (entries.length === 0) throw noDocumentXml(entries);
  const mainPart = findMainDocumentPart(bytes, entries, limits);
  const entry = entries.find((e) => e.name === mainPart);
  if (!entry) throw noDocumentXml(entries);
  checkDeclaredSizes(entries, limits, mainPart);
  if (entry.flags & 1) throw encryptedError();

  const reader = new WordprocessingReader(readNumbering(bytes, entries, mainPart, limits));
  const sink = makeSink(reader, () => {
    throw doctypeError(mainPart);
  });
  let headChecked = false;
  let utf16: Uint8Array[] | null = null;
  try {
    inflateEntry(bytes, entry, Math.min(limits.maxEntrySize, limits.maxInflatedSize), (chunk) => {
      if (!headChecked) {
        headChecked = true;
        // The prolog (where a DOCTYPE would be) is in the first chunk.
        const isUtf16 = (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
        const head = new TextDecoder(isUtf16 ? (chunk[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8').decode(chunk.subarray(0, 4096));
        refuseDoctype(head, mainPart);
        if (isUtf16) utf16 = [];
      }
      if (utf16) utf16.push(chunk.slice());
      else sink.write(chunk);
    });
    if (utf16) {
      // Rare: a UTF-16 part is decoded whole and fed as UTF-8.
      const parts: Uint8Array[] = utf16;
      const all = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
      let o = 0;
      for (const c of parts) all.set(c, (o += c.length) - c.length);
      const le = all[0] === 0xff;
      sink.write(new TextEncoder().encode(new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(all)));
    }
    sink.close();
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw corruptDocx(`${mainPart} 不是有效的 XML`, `${mainPart} is not well-formed XML`);
  }
  return reader.builder.finish('docx');
}
