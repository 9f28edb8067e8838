/**
 * Every output format names an Excel cell the way a reviewer finds it: 工作表“…” 第10行 第E列
 * (sheet "…" row 10 col E), `'1、项目'!E10` where a place is written compactly, and in SARIF a
 * logical location of kind `element` beside the reviewer's wording.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JxDocument, SheetOrigin } from '../src/ast/types.js';
import { sheetCellReference } from '../src/formatters/common.js';
import { formatResults, formatNames } from '../src/formatters/index.js';
import { lint, parse, ruleSummaries, type LintMessage, type LintResult } from '../src/index.js';
import { fileDiagnostics } from '../src/lsp/diagnostics.js';
import { isWordFile } from '../src/lsp/word-files.js';
import { sampleOptions } from './helpers/sample-results.js';

const root = join(import.meta.dirname, '..');
const PATH = 'fixtures/xlsx/seed-per-sheet.xlsx';
const SHEET = '1、城乡居民养老保险区财政补贴';
const ORIGIN: SheetOrigin = { sheet: SHEET, sheetIndex: 2, row: 10, col: 5 };
const ZH = `工作表“${SHEET}” 第10行 第E列`;
const RULE = 'quantity-value-percentage';

describe('sheet cell references', () => {
  it.each<[string, SheetOrigin, string]>([
    ['a plain Chinese name', { sheet: '绩效目标表', sheetIndex: 1, row: 5, col: 5 }, '绩效目标表!E5'],
    ['a name starting with a digit', ORIGIN, `'${SHEET}'!E10`],
    ['a name with a space', { sheet: 'Sheet 1', sheetIndex: 1, row: 1, col: 27 }, "'Sheet 1'!AA1"],
    ['a quote doubled', { sheet: "O'Brien", sheetIndex: 1, row: 2, col: 1 }, "'O''Brien'!A2"],
    ['a name that looks like a cell', { sheet: 'AB12', sheetIndex: 1, row: 2, col: 1 }, "'AB12'!A2"],
  ])('%s', (_, origin, expected) => {
    expect(sheetCellReference(origin)).toBe(expected);
  });
});

describe('formats name sheet cells', () => {
  let results: LintResult[];
  let finding: LintMessage;
  let document: JxDocument;
  const options = (locale: 'zh-CN' | 'en' = 'zh-CN') => sampleOptions({ rules: ruleSummaries(), cwd: root, locale });

  beforeAll(async () => {
    document = await parse(new Uint8Array(readFileSync(join(root, PATH))), { filePath: join(root, PATH) });
    results = [lint(document)];
    finding = results[0].messages.find((m) => m.ruleId === RULE && m.projectIndex === 1)!;
  });

  it('the engine gives the finding its sheet origin and the reviewer’s wording', () => {
    expect(finding.origin).toEqual(ORIGIN);
    expect(finding.location).toBe(`${ZH}（指标值）`);
    expect(finding.line).toBeNull();
  });

  it('en wording', () => {
    const en = lint(document, { locale: 'en' });
    const m = en.messages.find((x) => x.ruleId === RULE && x.projectIndex === 1)!;
    expect(m.location).toBe(`sheet "${SHEET}" row 10 col E (target value)`);
  });

  const text: Record<Exclude<(typeof formatNames)[number], 'xlsx'>, (out: string) => void> = {
    stylish: (out) => expect(out).toContain(ZH),
    compact: (out) => expect(out).toContain(`${PATH}:'${SHEET}'!E10: 错误 ${RULE} `),
    json: (out) => expect((JSON.parse(out) as LintResult[])[0].messages).toContainEqual(expect.objectContaining({ ruleId: RULE, origin: ORIGIN, location: `${ZH}（指标值）` })),
    'report-json': (out) => expect(JSON.parse(out).results[0].messages).toContainEqual(expect.objectContaining({ ruleId: RULE, origin: ORIGIN })),
    sarif: (out) => {
      const result = JSON.parse(out).runs[0].results.find((r: { ruleId: string; properties?: { projectIndex?: number } }) => r.ruleId === RULE && r.properties?.projectIndex === 1);
      const [location] = result.locations;
      expect(location.physicalLocation.region).toBeUndefined();
      expect(location.message.text).toBe(`${ZH}（指标值）`);
      expect(location.logicalLocations).toContainEqual({ name: 'E10', fullyQualifiedName: `'${SHEET}'!E10`, kind: 'element' });
      expect(result.properties.origin).toEqual(ORIGIN);
    },
    junit: (out) => expect(out).toContain(`${ZH}（指标值）：`),
    github: (out) => expect(out).toMatch(new RegExp(`::error file=${PATH.replace(/\./g, '\\.')},title=${RULE}::\\[项目 [^\\]]+\\] ${ZH}（指标值）：`)),
    csv: (out) => expect(out).toContain(`,${ZH}（指标值）,${RULE},`),
    html: (out) => expect(out).toContain(ZH),
  };

  it.each(Object.entries(text))('%s', async (name, check) => {
    const out = await formatResults(results, name as never, options());
    check(String(out));
  });

  it('LSP: workbooks are workspace files, their diagnostics name the sheet cell', () => {
    expect(['预算.xlsx', 'a/B.XLSM', 'x.docx'].map(isWordFile)).toEqual([true, true, true]);
    expect(isWordFile('x.xls')).toBe(false);
    const diagnostics = fileDiagnostics(results[0].messages, 'zh-CN');
    expect(diagnostics.some((d) => d.message.startsWith(`${ZH}（指标值）：`) && d.code === RULE)).toBe(true);
  });

  it('xlsx: the 问题清单 row names the sheet cell', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await formatResults(results, 'xlsx', options())) as unknown as ArrayBuffer);
    const rows = book.getWorksheet('问题清单')!.getSheetValues().slice(2) as unknown[][];
    expect(rows.some((r) => r.includes(`${ZH}（指标值）`) && r.includes(RULE))).toBe(true);
  });
});
