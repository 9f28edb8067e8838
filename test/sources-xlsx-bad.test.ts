/**
 * Workbooks jxlint cannot or will not read: each is refused with one line, Chinese first then
 * English, saying what to do — or read with a note when only part of it is unreadable.
 * The inputs are made here (raw ZIPs and compound files from scripts/docx-fixtures/bad.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../src/sources/blocks.js';
import { readSource } from '../src/sources/index.js';
import { compoundFile, rawZip } from '../scripts/docx-fixtures/bad.js';
import { buildWorkbook, inlineCell, row, workbookParts, worksheetXml } from './helpers/xlsx-build.js';

const root = join(import.meta.dirname, '..');
const seedXlsx = new Uint8Array(readFileSync(join(root, 'fixtures/xlsx/seed-stacked.xlsx')));

async function refusal(bytes: Uint8Array, name: string, options: object = {}): Promise<SourceError> {
  try {
    await readSource(bytes, { filePath: name, ...options });
  } catch (err) {
    if (err instanceof SourceError) return err;
    throw err;
  }
  throw new Error('read without error');
}

/** A workbook whose parts are stored as given, with each part's declared size and flags overridable. */
function storedWorkbook(parts: Record<string, string | Uint8Array>, override: Record<string, { declaredSize?: number; flags?: number; deflate?: boolean }> = {}): Uint8Array {
  return rawZip(
    Object.entries(parts).map(([name, content]) => {
      const data = typeof content === 'string' ? strToU8(content) : content;
      const o = override[name] ?? {};
      return { name, data: o.deflate ? deflateSync(data) : data, declaredSize: o.declaredSize ?? data.length, method: o.deflate ? (8 as const) : (0 as const), flags: o.flags };
    }),
  );
}

const oneSheet = { sheets: [{ name: 'S', rows: row(1, inlineCell('A1', '项目编码') + inlineCell('B1', 'X')) }] };
const noise = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff);

describe('refused with one line saying what to do', () => {
  const cases: [string, () => Uint8Array, string, string, RegExp][] = [
    ['an Excel 97–2003 workbook (Workbook stream)', () => compoundFile([{ name: 'Workbook', data: noise(4096) }]), '预算.xls', 'xls-not-supported', /^文件是 Excel 97–2003 工作簿（\.xls），暂不支持；请在 Excel 或 WPS 中另存为 \.xlsx 后再检查$/],
    ['another compound file (a .ppt) is still not a Word document', () => compoundFile([{ name: 'PowerPoint Document', data: noise(4096) }]), '预算.doc', 'not-a-word-document', /^文件不是 Word 文档：这是其他 Office 复合文档（如 PowerPoint 97–2003 的 \.ppt）/],
    ['an Excel 5 workbook (Book stream)', () => compoundFile([{ name: 'Book', data: noise(4096) }]), '预算.xls', 'xls-not-supported', /另存为 \.xlsx/],
    ['an .xls named .docx (content decides)', () => compoundFile([{ name: 'Workbook', data: noise(4096) }]), '预算.docx', 'xls-not-supported', /Excel 97–2003/],
    ['a WPS .et (a compound file with a Workbook stream)', () => compoundFile([{ name: 'Workbook', data: noise(4096) }]), '预算.et', 'et-not-supported', /^文件是 WPS 表格（\.et）格式，暂不支持；请在 WPS 表格中另存为 \.xlsx/],
    ['an encrypted .xlsx', () => compoundFile([{ name: 'EncryptionInfo', data: noise(200) }, { name: 'EncryptedPackage', data: noise(5000) }]), '预算.xlsx', 'encrypted', /^文件已加密，请先解除密码保护（在 Excel 中打开/],
    ['an encrypted .xlsm', () => compoundFile([{ name: 'EncryptionInfo', data: noise(200) }, { name: 'EncryptedPackage', data: noise(5000) }]), '预算.xlsm', 'encrypted', /在 Excel 中打开/],
    ['an encrypted package named .docx keeps the Word steps', () => compoundFile([{ name: 'EncryptionInfo', data: noise(200) }, { name: 'EncryptedPackage', data: noise(5000) }]), '预算.docx', 'encrypted', /在 Word 中打开/],
    ['a ZIP-encrypted sheet', () => storedWorkbook(workbookParts(oneSheet), { 'xl/worksheets/sheet1.xml': { flags: 1 } }), '预算.xlsx', 'encrypted', /在 Excel 中打开/],
    ['a truncated .xlsx', () => seedXlsx.slice(0, seedXlsx.length - 2000), '预算.xlsx', 'corrupt-xlsx', /^文件已损坏：不是完整的 \.xlsx 工作簿.*（找不到压缩包目录）$/],
    ['a ZIP named .xlsx holding no workbook', () => storedWorkbook({ 'readme.txt': 'x' }), '预算.xlsx', 'corrupt-xlsx', /没有 xl\/workbook\.xml/],
    ['a sheet that is not XML', () => buildWorkbook({ ...oneSheet, parts: { 'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row></sheetData>' } }), '预算.xlsx', 'corrupt-xlsx', /xl\/worksheets\/sheet1\.xml 不是有效的 XML/],
    ['a cut-off sheet part', () => storedWorkbook(workbookParts(oneSheet), { 'xl/worksheets/sheet1.xml': { declaredSize: 100_000, deflate: true } }), '预算.xlsx', 'corrupt-xlsx', /的实际大小与声明不符/],
    ['a DOCTYPE in a sheet', () => buildWorkbook({ ...oneSheet, parts: { 'xl/worksheets/sheet1.xml': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + worksheetXml('').replace(/^<\?xml[^>]*>\n/, '') } }), '预算.xlsx', 'xml-doctype', /^文件内容不安全：xl\/worksheets\/sheet1\.xml 含有 DOCTYPE.*请用 Excel 重新另存为 \.xlsx$/],
    ['a DOCTYPE in the shared strings', () => buildWorkbook({ ...oneSheet, parts: { 'xl/sharedStrings.xml': '<?xml version="1.0"?><!DOCTYPE sst><sst/>' } }), '预算.xlsx', 'xml-doctype', /sharedStrings\.xml/],
    ['a sheet declaring more than the entry limit', () => storedWorkbook(workbookParts(oneSheet), { 'xl/worksheets/sheet1.xml': { declaredSize: 65 * 1024 * 1024 } }), '预算.xlsx', 'zip-bomb', /^文件解压后过大：xl\/worksheets\/sheet1\.xml 声明解压为 65\.0 MiB，上限 64\.0 MiB/],
    ['a sheet inflating past its declared size', () => storedWorkbook(workbookParts(oneSheet), { 'xl/worksheets/sheet1.xml': { declaredSize: 10 } }), '预算.xlsx', 'zip-bomb', /实际解压超过声明的/],
    ['parts adding up past the total limit', () => buildWorkbook(oneSheet), '预算.xlsx', 'zip-bomb', /全部内容声明解压超过/],
    ['a binary workbook (.xlsb)', () => storedWorkbook({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': noise(64) }), '预算.xlsb', 'xlsb-not-supported', /^文件是 Excel 二进制工作簿（\.xlsb），暂不支持；请在 Excel 中另存为 \.xlsx 后再检查$/],
    ['an Excel 2003 XML spreadsheet', () => strToU8('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), '预算.xls', 'excel-xml-not-supported', /^文件是 Excel 2003 XML 表格，暂不支持；请在 Excel 中另存为 \.xlsx/],
    ['a sheet spreading past the cell limit (a stray cell in column XFD)', () => buildWorkbook({ sheets: [{ name: '宽表', rows: Array.from({ length: 130 }, (_, i) => row(i + 1, inlineCell(`A${i + 1}`, 'a') + inlineCell(`XFD${i + 1}`, 'z'))).join('') }] }), '预算.xlsx', 'workbook-too-large', /^工作簿过大：工作表“宽表”展开后超过 2,000,000 个单元格/],
    ['a merge over a million rows', () => buildWorkbook({ sheets: [{ name: 'S', rows: row(1, inlineCell('A1', '标题') + inlineCell('B1', 'x')) + row(3, inlineCell('A3', 'y')), merges: ['A1:A1048576', 'B3:C1048576'] }] }), '预算.xlsx', 'workbook-too-large', /工作簿过大/],
  ];

  it.each(cases)('%s', async (_, make, name, code, message) => {
    const err = await refusal(make(), name, _.startsWith('parts adding up') ? { maxInflatedSize: 2000 } : {});
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    // One line, Chinese first, with the English in its own field.
    expect(err.message).not.toMatch(/\n/);
    expect(err.message).toMatch(/^[\u4e00-\u9fff]/);
    expect(err.messageEn).toMatch(/^[A-Z]/);
    expect(err.messageEn).not.toMatch(/\n/);
  });
});

describe('read with a note when part of a workbook is unreadable', () => {
  it.each([
    [
      'a formula saved without its result',
      buildWorkbook({ sheets: [{ name: 'S', rows: row(1, inlineCell('A1', '预算数') + '<c r="B1"><f>SUM(C1:D1)</f></c>' + inlineCell('C1', 'x')) }] }),
      'xlsx-uncalculated-formulas',
      'warning',
      '1 个公式单元格没有保存计算结果，按空白读取；请在 Excel 中打开、保存后再检查',
    ],
    [
      'a string index past the shared strings',
      buildWorkbook({ sheets: [{ name: 'S', rows: row(1, inlineCell('A1', '预算数') + '<c r="B1" t="s"><v>7</v></c>') }] }),
      'xlsx-missing-strings',
      'warning',
      '1 个单元格引用的文字在文件中找不到（文件可能已损坏），按空白读取；请用 Excel 打开并另存后再检查',
    ],
    [
      'a sheet whose part is missing',
      buildWorkbook({ ...oneSheet, sheets: [...oneSheet.sheets, { name: '丢失', rows: '' }], parts: { 'xl/worksheets/sheet2.xml': null } }),
      'xlsx-missing-sheet',
      'warning',
      '工作表“丢失”在文件中找不到内容（文件可能已损坏），未读取；请用 Excel 打开并另存后再检查',
    ],
  ])('%s', async (_, bytes, code, severity, message) => {
    const stream = await readSource(bytes, { filePath: '预算.xlsx' });
    expect(stream.blocks.length).toBeGreaterThan(0);
    expect(stream.notes).toEqual([expect.objectContaining({ code, severity, message })]);
  });
});
