/**
 * Small workbooks written part by part (SpreadsheetML as Excel writes it), for the .xlsx reader's
 * tests: each test states the exact XML of the cells it is about.
 */
import { strToU8, zipSync } from 'fflate';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetSpec {
  name: string;
  /** The children of `sheetData` (rows), or a whole worksheet part when it starts with `<?xml` or `<`. */
  rows?: string;
  /** `A1:G1`-style merged ranges. */
  merges?: string[];
  /** A complete worksheet part, written as is. */
  xml?: string;
  state?: 'hidden' | 'veryHidden';
  /** The part's file name under xl/worksheets/ (default sheetN.xml by position). */
  file?: string;
  /** The relationship type's last segment (default worksheet). */
  kind?: string;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** Shared strings: plain strings, or raw `<si>` contents when they start with `<`. */
  sharedStrings?: string[];
  /** numFmts: id → code. */
  numFmts?: Record<number, string>;
  /** cellXfs: the numFmtId of each style (style 0 first). */
  cellXfs?: number[];
  date1904?: boolean;
  /** Extra or replacement parts (name → text or bytes); a null value leaves the part out. */
  parts?: Record<string, string | Uint8Array | null>;
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function worksheetXml(rows: string, merges: string[] = []): string {
  const mergeCells = merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>${rows}</sheetData>${mergeCells}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** The parts of a workbook as a name → content map (zipped by `buildWorkbook`). */
export function workbookParts(spec: WorkbookSpec): Record<string, string | Uint8Array> {
  const parts: Record<string, string | Uint8Array> = {};
  const files = spec.sheets.map((s, i) => s.file ?? `sheet${i + 1}.xml`);
  parts['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${files.map((f) => `<Override PartName="/xl/worksheets/${f}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`;
  parts['_rels/.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr${spec.date1904 ? ' date1904="1"' : ''}/><sheets>` +
    spec.sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('') +
    `</sheets></workbook>`;
  const n = spec.sheets.length;
  parts['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL_NS}">` +
    spec.sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/${s.kind ?? 'worksheet'}" Target="worksheets/${files[i]}"/>`).join('') +
    `<Relationship Id="rId${n + 1}" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId${n + 2}" Type="${REL_TYPE}/styles" Target="styles.xml"/></Relationships>`;
  const sst = spec.sharedStrings ?? [];
  parts['xl/sharedStrings.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${MAIN_NS}" count="${sst.length}" uniqueCount="${sst.length}">` +
    sst.map((s) => `<si>${s.startsWith('<') ? s : `<t xml:space="preserve">${xmlEscape(s)}</t>`}</si>`).join('') +
    `</sst>`;
  const numFmts = Object.entries(spec.numFmts ?? {});
  const xfs = spec.cellXfs ?? [0];
  parts['xl/styles.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${MAIN_NS}">` +
    (numFmts.length > 0 ? `<numFmts count="${numFmts.length}">${numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`).join('')}</numFmts>` : '') +
    `<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('')}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  spec.sheets.forEach((s, i) => {
    parts[`xl/worksheets/${files[i]}`] = s.xml ?? worksheetXml(s.rows ?? '', s.merges);
  });
  for (const [name, content] of Object.entries(spec.parts ?? {})) {
    if (content === null) delete parts[name];
    else parts[name] = content;
  }
  return parts;
}

/** A workbook zipped with deflate, as Excel writes it. */
export function buildWorkbook(spec: WorkbookSpec): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(workbookParts(spec))) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files, { level: 6 });
}

/** A row of cell XML. */
export function row(r: number, cells: string): string {
  return `<row r="${r}">${cells}</row>`;
}

/** An inline-string cell (`t="inlineStr"`). */
export function inlineCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(text)}</t></is></c>`;
}
