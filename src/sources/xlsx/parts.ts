/**
 * The package of an Excel workbook (工作簿): which parts hold what, read under the same zip-guard
 * limits as a .docx. Every part is inflated once and fed to the byte scanner of docx/xml-scan.ts;
 * nothing is decoded that the reader does not keep.
 *
 * - workbook.xml (found through _rels/.rels): the sheets in tab order, their names and visibility,
 *   and the date system (date1904);
 * - workbook.xml.rels: where each sheet, the shared strings and the styles live;
 * - sharedStrings.xml (共享字符串): plain and rich-text strings, phonetic runs (rPh) left out;
 * - styles.xml: the number format (数字格式) of each cell style (cellXfs).
 *
 * Every part is inflated whole (under the limits) before it is scanned, and all the parts a workbook
 * needs are inflated before any is scanned (see `inflatePart`).
 *
 * Browser-safe: no Node-only imports.
 */
import { SourceError } from '../blocks.js';
import { type XmlHandler, type XmlTag, XmlScanner } from '../docx/xml-scan.js';
import { type ZipEntry, type ZipLimits, MiB, inflateEntryToBuffer } from '../zip-guard.js';

// ---------------------------------------------------------------------------
// Errors, worded for Excel

const CORRUPT_ZH = '文件已损坏：不是完整的 .xlsx 工作簿（可能下载或拷贝不完整），请重新导出或用 Excel 另存后再试';
const CORRUPT_EN = 'The file is damaged: not a complete .xlsx workbook; export it again or re-save it in Excel';

export function corruptXlsx(detailZh?: string, detailEn?: string): SourceError {
  return new SourceError(
    'corrupt-xlsx',
    detailZh ? `${CORRUPT_ZH}（${detailZh}）` : CORRUPT_ZH,
    detailEn ? `${CORRUPT_EN} (${detailEn})` : CORRUPT_EN,
  );
}

/**
 * zip-guard words damage and passwords for Word (`corrupt-docx`, `encrypted`); inside a workbook they
 * are reported for Excel, keeping zip-guard's detail. Other errors (zip bombs) pass unchanged.
 */
export function asXlsxError(err: unknown): unknown {
  if (err instanceof SourceError && err.code === 'encrypted') return encryptedWorkbook();
  if (!(err instanceof SourceError) || err.code !== 'corrupt-docx') return err;
  const zh = /（([^（）]*)）$/.exec(err.message)?.[1];
  const en = /\(([^()]*)\)$/.exec(err.messageEn)?.[1];
  return corruptXlsx(zh, en);
}

/** The password message for a workbook: the steps are Excel's. */
export function encryptedWorkbook(): SourceError {
  return new SourceError(
    'encrypted',
    '文件已加密，请先解除密码保护（在 Excel 中打开，文件→信息→保护工作簿→用密码进行加密，清空密码后保存），再重新检查',
    'The file is encrypted; remove the password protection in Excel (File → Info → Protect Workbook) and check it again',
  );
}

function doctypeRefused(partName: string): SourceError {
  return new SourceError(
    'xml-doctype',
    `文件内容不安全：${partName} 含有 DOCTYPE/实体声明（正常的 Excel 文件不会有），已拒绝读取；请用 Excel 重新另存为 .xlsx`,
    `Unsafe content: ${partName} declares a DOCTYPE or entities (Excel never writes them); refused — re-save it as .xlsx in Excel`,
  );
}

// ---------------------------------------------------------------------------
// Reading parts

/**
 * What the inflated parts of one workbook may add up to (the zip-guard budget, shared by all parts),
 * and the parts inflated ahead of scanning (see `inflatePart`).
 */
export class InflateBudget {
  private used = 0;
  readonly inflated = new Map<string, Uint8Array>();
  constructor(readonly limits: ZipLimits) {}

  /** The most one part may inflate to now. */
  next(): number {
    return Math.max(0, Math.min(this.limits.maxEntrySize, this.limits.maxInflatedSize - this.used));
  }

  spend(n: number): void {
    this.used += n;
  }
}

/** Local name of a possibly prefixed tag or attribute name (`x:row` → `row`). */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * Inflates one part under the limits and keeps it until it is scanned. The reader inflates every
 * part it will need before scanning any: in the browser each entry is inflated asynchronously and
 * the reader runs again from the start when it meets one not inflated yet (src/browser/inflate.ts),
 * so asking for all of them first keeps those runs short.
 */
export function inflatePart(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const known = budget.inflated.get(entry.name);
  if (known) return known;
  let xml: Uint8Array;
  try {
    xml = inflateEntryToBuffer(bytes, entry, budget.next());
  } catch (err) {
    throw asXlsxError(err);
  }
  budget.spend(xml.length);
  budget.inflated.set(entry.name, xml);
  return xml;
}

/**
 * Feeds one part to `handler` through the byte scanner (inflating it if it was not inflated ahead).
 * A DOCTYPE is refused; a UTF-16 part (rare) is decoded first; XML that does not parse is `corrupt-xlsx`.
 */
export function scanPart(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, handler: XmlHandler): void {
  let xml = inflatePart(bytes, entry, budget);
  budget.inflated.delete(entry.name);
  const isUtf16 = (xml[0] === 0xff && xml[1] === 0xfe) || (xml[0] === 0xfe && xml[1] === 0xff);
  const head = new TextDecoder(isUtf16 ? (xml[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8').decode(xml.subarray(0, 4096));
  const firstElement = head.search(/<[A-Za-z_]/);
  if (/<!DOCTYPE|<!ENTITY/i.test(firstElement < 0 ? head : head.slice(0, firstElement))) throw doctypeRefused(entry.name);
  if (isUtf16) xml = new TextEncoder().encode(new TextDecoder(xml[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(xml));
  const scanner = new XmlScanner(handler, () => {
    throw doctypeRefused(entry.name);
  });
  try {
    scanner.write(xml);
    scanner.close();
  } catch (err) {
    if (err instanceof SourceError) throw asXlsxError(err);
    throw corruptXlsx(`${entry.name} 不是有效的 XML`, `${entry.name} is not well-formed XML`);
  }
}

/** Collects the start tags (name → attributes) of a small part, optionally with the text of some elements. */
class TagCollector implements XmlHandler {
  readonly tags: { name: string; attributes: Record<string, string> }[] = [];
  constructor(private readonly wanted: ReadonlySet<string>) {}
  open(tag: XmlTag): void {
    if (this.wanted.has(localName(tag.name))) this.tags.push({ name: localName(tag.name), attributes: { ...tag.attributes } });
  }
  close(): void {}
  onText(): void {}
  wantsText(): boolean {
    return false;
  }
}

function collectTags(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, wanted: string[]): TagCollector['tags'] {
  if (entry.size > 16 * MiB) throw corruptXlsx(`${entry.name} 过大`, `${entry.name} is too large`);
  const c = new TagCollector(new Set(wanted));
  scanPart(bytes, entry, budget, c);
  return c.tags;
}

// ---------------------------------------------------------------------------
// Relationships

export interface Relationship {
  id: string;
  /** The last segment of the type URI (`worksheet`, `sharedStrings`, `styles`, `officeDocument` …). */
  type: string;
  /** The target part's name in the ZIP, resolved against the source part's folder. */
  target: string;
  external: boolean;
}

/** `xl/` + `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; `/xl/…` is from the package root. */
export function resolveTarget(baseFolder: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : baseFolder + target;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The relationships of `partName` (from its `_rels/<name>.rels`), or [] when it has none. */
export function readRelationships(bytes: Uint8Array, entries: Map<string, ZipEntry>, partName: string, budget: InflateBudget): Relationship[] {
  const slash = partName.lastIndexOf('/');
  const folder = partName.slice(0, slash + 1);
  const relsName = `${folder}_rels/${partName.slice(slash + 1)}.rels`;
  const entry = entries.get(relsName);
  if (!entry) return [];
  return collectTags(bytes, entry, budget, ['Relationship']).map(({ attributes: a }) => {
    const type = a.Type ?? '';
    const external = a.TargetMode === 'External';
    let target = a.Target ?? '';
    try {
      target = decodeURIComponent(target);
    } catch {
      // a stray % stays as written
    }
    return { id: a.Id ?? '', type: type.slice(type.lastIndexOf('/') + 1), target: external ? target : resolveTarget(folder, target), external };
  });
}

// ---------------------------------------------------------------------------
// workbook.xml

export interface SheetRef {
  /** The name on the tab. */
  name: string;
  /** 1-based position among all sheets, hidden ones included (Excel's own count). */
  index: number;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The worksheet part, or null when the relationship is missing or not a worksheet. */
  part: string | null;
  /** The relationship type (`worksheet`, `chartsheet`, `dialogsheet`, `xlMacrosheet` …). */
  kind: string;
}

export interface WorkbookInfo {
  sheets: SheetRef[];
  /** The 1904 date system (Excel for Mac's old default): serial 0 is 1904-01-01. */
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

const RELATIONSHIP_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
]);

/** The workbook part, through _rels/.rels (officeDocument relationship) as Excel finds it. */
export function findWorkbookPart(bytes: Uint8Array, entries: Map<string, ZipEntry>, budget: InflateBudget): string | null {
  for (const rel of readRelationships(bytes, entries, '', budget)) {
    if (rel.type === 'officeDocument' && !rel.external && entries.has(rel.target)) return rel.target;
  }
  return entries.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
}

export function readWorkbook(bytes: Uint8Array, entries: Map<string, ZipEntry>, workbookPart: string, budget: InflateBudget): WorkbookInfo {
  const tags = collectTags(bytes, entries.get(workbookPart)!, budget, ['workbook', 'workbookPr', 'sheet']);
  const rels = readRelationships(bytes, entries, workbookPart, budget);
  const byId = new Map(rels.map((r) => [r.id, r]));
  // The prefix bound to the relationships namespace (r:id), from the root's declarations.
  const rootAttrs = tags.find((t) => t.name === 'workbook')?.attributes ?? {};
  const relPrefixes = Object.entries(rootAttrs)
    .filter(([k, v]) => k.startsWith('xmlns:') && RELATIONSHIP_NAMESPACES.has(v))
    .map(([k]) => k.slice(6));
  const relIdOf = (a: Record<string, string>): string | undefined => {
    for (const p of relPrefixes) if (a[`${p}:id`] !== undefined) return a[`${p}:id`];
    for (const [k, v] of Object.entries(a)) if (k.endsWith(':id')) return v;
    return undefined;
  };
  const pr = tags.find((t) => t.name === 'workbookPr')?.attributes ?? {};
  const date1904 = pr.date1904 === '1' || pr.date1904 === 'true';
  const sheets: SheetRef[] = [];
  for (const t of tags) {
    if (t.name !== 'sheet') continue;
    const rel = byId.get(relIdOf(t.attributes) ?? '');
    const state = t.attributes.state === 'hidden' || t.attributes.state === 'veryHidden' ? t.attributes.state : 'visible';
    const part = rel && !rel.external && entries.has(rel.target) ? rel.target : null;
    sheets.push({ name: t.attributes.name ?? `Sheet${sheets.length + 1}`, index: sheets.length + 1, state, part, kind: rel?.type ?? 'worksheet' });
  }
  const relOf = (type: string, fallback: string): string | null => {
    const r = rels.find((x) => x.type === type && !x.external && entries.has(x.target));
    return r ? r.target : entries.has(fallback) ? fallback : null;
  };
  return { sheets, date1904, sharedStrings: relOf('sharedStrings', 'xl/sharedStrings.xml'), styles: relOf('styles', 'xl/styles.xml') };
}

// ---------------------------------------------------------------------------
// Strings

/** ST_Xstring escapes Excel writes for characters XML cannot hold (`_x000D_` → CR, `_x005F_` → `_`). */
export function unescapeXstring(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Line ends inside a cell become "\n", as in the other readers. */
export function cellText(s: string): string {
  const t = unescapeXstring(s);
  return t.indexOf('\r') < 0 ? t : t.replace(/\r\n?/g, '\n');
}

/**
 * Collects the text of string items (`si` in sharedStrings.xml, `is` in a cell): plain `t`, or the
 * `t` of every rich-text run `r`; phonetic guides (`rPh`) are not what the cell shows.
 */
export class StringItemText {
  private inT = false;
  private phonetic = 0;
  private parts: string[] = [];

  /** Call on every start tag inside the item. */
  open(local: string): void {
    if (local === 'rPh') this.phonetic++;
    else if (local === 't' && this.phonetic === 0) this.inT = true;
  }
  close(local: string): void {
    if (local === 'rPh') this.phonetic--;
    else if (local === 't') this.inT = false;
  }
  get wantsText(): boolean {
    return this.inT;
  }
  text(s: string): void {
    if (this.inT) this.parts.push(s);
  }
  take(): string {
    const s = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    this.inT = false;
    this.phonetic = 0;
    return cellText(s ?? '');
  }
}

class SharedStringsReader implements XmlHandler {
  readonly strings: string[] = [];
  private inItem = false;
  private readonly item = new StringItemText();

  open(tag: XmlTag): void {
    const local = localName(tag.name);
    if (!this.inItem) {
      if (local === 'si') this.inItem = true;
      return;
    }
    this.item.open(local);
  }
  close(tag: { name: string }): void {
    if (!this.inItem) return;
    const local = localName(tag.name);
    // `si` never nests: its close ends the item.
    if (local === 'si') {
      this.inItem = false;
      this.strings.push(this.item.take());
    } else this.item.close(local);
  }
  wantsText(): boolean {
    return this.inItem && this.item.wantsText;
  }
  onText(text: string): void {
    this.item.text(text);
  }
}

export function readSharedStrings(bytes: Uint8Array, entries: Map<string, ZipEntry>, part: string | null, budget: InflateBudget): string[] {
  const entry = part ? entries.get(part) : undefined;
  if (!entry) return [];
  const reader = new SharedStringsReader();
  scanPart(bytes, entry, budget, reader);
  return reader.strings;
}

// ---------------------------------------------------------------------------
// styles.xml

export interface Styles {
  /** numFmtId of each cell style (cellXfs index → id). */
  xfNumFmt: number[];
  /** Custom number formats by id (numFmts). */
  custom: Map<number, string>;
}

export function readStyles(bytes: Uint8Array, entries: Map<string, ZipEntry>, part: string | null, budget: InflateBudget): Styles {
  const styles: Styles = { xfNumFmt: [], custom: new Map() };
  const entry = part ? entries.get(part) : undefined;
  if (!entry) return styles;
  const reader = new (class implements XmlHandler {
    private inCellXfs = 0;
    private depth = 0;
    open(tag: XmlTag): void {
      this.depth++;
      const local = localName(tag.name);
      if (local === 'numFmt') {
        const id = Number(tag.attributes.numFmtId);
        const code = tag.attributes.formatCode;
        if (Number.isInteger(id) && code !== undefined) styles.custom.set(id, code);
      } else if (local === 'cellXfs') this.inCellXfs = this.depth;
      else if (local === 'xf' && this.inCellXfs > 0 && this.depth === this.inCellXfs + 1) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        styles.xfNumFmt.push(Number.isInteger(id) ? id : 0);
      }
    }
    close(tag: { name: string }): void {
      if (localName(tag.name) === 'cellXfs' && this.depth === this.inCellXfs) this.inCellXfs = 0;
      this.depth--;
    }
    onText(): void {}
    wantsText(): boolean {
      return false;
    }
  })();
  if (entry.size > 16 * MiB) throw corruptXlsx(`${entry.name} 过大`, `${entry.name} is too large`);
  scanPart(bytes, entry, budget, reader);
  return styles;
}
