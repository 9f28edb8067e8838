/**
 * The Excel reader (.xlsx, .xlsm): a workbook → the same Block stream as the Word readers, built
 * on the .docx machinery — zip-guard.ts (ZIP limits: sizes, ratios, encrypted entries) and the
 * byte scanner of docx/xml-scan.ts — with numfmt for number formats. No DOM, no exceljs.
 *
 * - Sheets are read in the workbook's tab order (workbook.xml + its relationships).
 * - Hidden and very hidden sheets are not read (budget systems keep code lists there); a note
 *   names them. Chart and dialog sheets hold no cells; a note names them too. Empty sheets add
 *   nothing and say nothing.
 * - Each sheet becomes paragraphs and tables as layout.ts describes; cells are read as Excel
 *   displays them (display.ts); origins are `{sheet, sheetIndex, row, col}`.
 *
 * Browser-safe: no Node-only imports.
 */
import type { BlockStream, Block, ReaderNote } from '../blocks.js';
import { type ZipEntry, type ZipLimits, MiB, readZipDirectory, zipBomb } from '../zip-guard.js';
import { CellDisplay } from './display.js';
import { CellBudget, layoutSheet } from './layout.js';
import {
  InflateBudget,
  asXlsxError,
  corruptXlsx,
  encryptedWorkbook,
  findWorkbookPart,
  inflatePart,
  readSharedStrings,
  readStyles,
  readWorkbook,
  scanPart,
} from './parts.js';
import { WorksheetReader } from './sheet.js';

export { corruptXlsx, encryptedWorkbook } from './parts.js';

/** Whether a ZIP's directory is an Excel workbook's (SpreadsheetML). */
export function isWorkbookPackage(entries: readonly ZipEntry[]): boolean {
  return entries.some((e) => /^xl\/workbook\d*\.xml$/i.test(e.name));
}

function sizeText(n: number): string {
  return n >= MiB ? `${(n / MiB).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`;
}

/** Reads an .xlsx / .xlsm. Throws SourceError for anything unreadable. */
export function readXlsx(bytes: Uint8Array, limits: ZipLimits, directory?: ZipEntry[]): BlockStream {
  try {
    return readWorkbookBlocks(bytes, limits, directory ?? readZipDirectory(bytes));
  } catch (err) {
    throw asXlsxError(err);
  }
}

function readWorkbookBlocks(bytes: Uint8Array, limits: ZipLimits, list: ZipEntry[]): BlockStream {
  const entries = new Map(list.map((e) => [e.name, e]));
  // Declared sizes first, before a byte is inflated: each part, then all of them together.
  let total = 0;
  for (const e of list) {
    if (e.size > limits.maxEntrySize && /\.(xml|rels)$/i.test(e.name)) {
      throw zipBomb(`${e.name} 声明解压为 ${sizeText(e.size)}，上限 ${sizeText(limits.maxEntrySize)}`, `${e.name} declares ${sizeText(e.size)}, limit ${sizeText(limits.maxEntrySize)}`);
    }
    total += e.size;
    if (total > limits.maxInflatedSize) {
      throw zipBomb(`全部内容声明解压超过 ${sizeText(limits.maxInflatedSize)}`, `all entries together declare more than ${sizeText(limits.maxInflatedSize)}`);
    }
    if (e.size >= MiB && e.size > e.compressedSize * limits.maxCompressionRatio) {
      const ratio = Math.round(e.size / Math.max(1, e.compressedSize));
      throw zipBomb(`${e.name} 压缩比 ${ratio}:1，上限 ${limits.maxCompressionRatio}:1`, `${e.name} has a compression ratio of ${ratio}:1, limit ${limits.maxCompressionRatio}:1`);
    }
  }
  const budget = new InflateBudget(limits);
  const workbookPart = findWorkbookPart(bytes, entries, budget);
  if (workbookPart === null) throw corruptXlsx('压缩包里没有 xl/workbook.xml', 'the ZIP holds no xl/workbook.xml');
  if (entries.get(workbookPart)!.flags & 1) throw encryptedWorkbook();
  const workbook = readWorkbook(bytes, entries, workbookPart, budget);
  // Every part still needed is inflated before any is scanned (inflatePart says why).
  for (const part of [workbook.sharedStrings, workbook.styles, ...workbook.sheets.map((s) => (s.state === 'visible' && s.kind === 'worksheet' ? s.part : null))]) {
    if (part !== null) inflatePart(bytes, entries.get(part)!, budget);
  }
  const sharedStrings = readSharedStrings(bytes, entries, workbook.sharedStrings, budget);
  const display = new CellDisplay(readStyles(bytes, entries, workbook.styles, budget), workbook.date1904);

  const blocks: Block[] = [];
  const notes: ReaderNote[] = [];
  const cells = new CellBudget();
  const hidden: string[] = [];
  const notCells: string[] = [];
  const missing: string[] = [];
  let hiddenUnderMerges = 0;
  let uncalculated = 0;
  let missingStrings = 0;
  for (const sheet of workbook.sheets) {
    if (sheet.state !== 'visible') {
      hidden.push(sheet.name);
      continue;
    }
    if (sheet.kind !== 'worksheet') {
      notCells.push(sheet.name);
      continue;
    }
    if (sheet.part === null) {
      missing.push(sheet.name);
      continue;
    }
    const reader = new WorksheetReader(sharedStrings, display);
    scanPart(bytes, entries.get(sheet.part)!, budget, reader);
    const layout = layoutSheet(reader.cells, { name: sheet.name, index: sheet.index }, cells);
    blocks.push(...layout.blocks);
    hiddenUnderMerges += layout.hiddenUnderMerges;
    uncalculated += reader.cells.uncalculated;
    missingStrings += reader.cells.missingStrings;
  }

  const names = (list: string[]): { zh: string; en: string } => ({
    zh: list.map((n) => `“${n}”`).join('、'),
    en: list.map((n) => `"${n}"`).join(', '),
  });
  if (hidden.length > 0) {
    const n = names(hidden);
    notes.push({
      code: 'xlsx-hidden-sheet',
      severity: 'info',
      message: `已隐藏的工作表${n.zh}未读取；如其中有绩效目标表，请在 Excel 中取消隐藏后再检查`,
      messageEn: `Hidden sheet${hidden.length > 1 ? 's' : ''} ${n.en} not read; unhide ${hidden.length > 1 ? 'them' : 'it'} in Excel if ${hidden.length > 1 ? 'they hold' : 'it holds'} target tables`,
    });
  }
  if (notCells.length > 0) {
    const n = names(notCells);
    notes.push({
      code: 'xlsx-chart-sheet',
      severity: 'info',
      message: `图表或对话框工作表${n.zh}没有单元格，未读取`,
      messageEn: `Chart or dialog sheet${notCells.length > 1 ? 's' : ''} ${n.en} ${notCells.length > 1 ? 'have' : 'has'} no cells and ${notCells.length > 1 ? 'were' : 'was'} not read`,
    });
  }
  if (missing.length > 0) {
    const n = names(missing);
    notes.push({
      code: 'xlsx-missing-sheet',
      severity: 'warning',
      message: `工作表${n.zh}在文件中找不到内容（文件可能已损坏），未读取；请用 Excel 打开并另存后再检查`,
      messageEn: `Sheet${missing.length > 1 ? 's' : ''} ${n.en} could not be found in the file (it may be damaged) and ${missing.length > 1 ? 'were' : 'was'} not read; re-save it in Excel and check again`,
    });
  }
  if (hiddenUnderMerges > 0) {
    notes.push({
      code: 'xlsx-merged-hidden-values',
      severity: 'info',
      message: `${hiddenUnderMerges} 个单元格的值被合并单元格遮住（Excel 不显示），未读取`,
      messageEn: `${hiddenUnderMerges} cell value${hiddenUnderMerges > 1 ? 's are' : ' is'} covered by merged cells (Excel does not show ${hiddenUnderMerges > 1 ? 'them' : 'it'}) and ${hiddenUnderMerges > 1 ? 'were' : 'was'} not read`,
    });
  }
  if (uncalculated > 0) {
    notes.push({
      code: 'xlsx-uncalculated-formulas',
      severity: 'warning',
      message: `${uncalculated} 个公式单元格没有保存计算结果，按空白读取；请在 Excel 中打开、保存后再检查`,
      messageEn: `${uncalculated} formula cell${uncalculated > 1 ? 's have' : ' has'} no saved result and ${uncalculated > 1 ? 'were' : 'was'} read as blank; open and save the file in Excel, then check it again`,
    });
  }
  if (missingStrings > 0) {
    notes.push({
      code: 'xlsx-missing-strings',
      severity: 'warning',
      message: `${missingStrings} 个单元格引用的文字在文件中找不到（文件可能已损坏），按空白读取；请用 Excel 打开并另存后再检查`,
      messageEn: `${missingStrings} cell${missingStrings > 1 ? 's refer' : ' refers'} to text missing from the file (it may be damaged) and ${missingStrings > 1 ? 'were' : 'was'} read as blank; re-save it in Excel and check again`,
    });
  }
  return { info: { format: 'xlsx', encoding: null, layout: 'table' }, blocks, notes };
}
