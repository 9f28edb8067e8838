import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatResults, summarize } from '../src/formatters/index.js';
import { readableValue } from '../src/formatters/xlsx.js';
import { FATAL_MESSAGE, WORD_AGENCY, sampleOptions, sampleResults } from './helpers/sample-results.js';

async function readBack(locale: 'zh-CN' | 'en' = 'zh-CN', timeZone?: string): Promise<ExcelJS.Workbook> {
  const bytes = await formatResults(sampleResults().results, 'xlsx', sampleOptions({ locale, ...(timeZone ? { timeZone } : {}) }));
  expect(bytes).toBeInstanceOf(Uint8Array);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes as Uint8Array) as unknown as ExcelJS.Buffer);
  return workbook;
}

function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v && typeof v === 'object' && 'text' in v ? (v as { text: string }).text : v)));
  });
  return rows;
}

describe('xlsx', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await readBack();
  });

  it('has the three sheets, the summary first', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '问题清单', '文件']);
  });

  it.each([
    ['汇总', undefined],
    ['问题清单', '1:1'],
    ['文件', '1:1'],
  ])('%s prints landscape on A4, one page wide, header row %s repeated, page numbers', (name, titles) => {
    const sheet = workbook.getWorksheet(name)!;
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe(titles);
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
  });

  it('问题清单: header, frozen first row, autofilter, fitted widths, one row per message', () => {
    const sheet = workbook.getWorksheet('问题清单')!;
    const rows = rowsOf(sheet);
    expect(rows[0]).toEqual(['文件', '预算单位', '项目编码', '项目名称', '位置', '规则', '规则说明', '严重程度', '问题说明', '原值', '建议', '依据', '处理意见']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const { results } = sampleResults();
    expect(rows).toHaveLength(1 + results.reduce((n, r) => n + r.messages.length, 0));
    const widths = sheet.columns.map((c) => c.width ?? 0);
    expect(widths.every((w) => w >= 8 && w <= 72)).toBe(true);
    expect(widths[8]).toBeGreaterThan(widths[7]); // 问题说明 wider than 严重程度
    const row = rows.find((r) => r[4] === '表2 第3行 第3列（预算数）')!;
    expect(row[6]).toBe('预算数不等于财政资金与其他资金之和'); // the rule's Chinese title beside its id
    expect(row.slice(0, 6).concat(row[7])).toEqual([
      'submissions/财政局/2021年项目绩效目标.docx',
      WORD_AGENCY,
      '316-2101-CZJ-A001',
      '财政信息化运维经费',
      '表2 第3行 第3列（预算数）',
      'budget-sum-mismatch',
      '错误',
    ]);
    expect(row.slice(9, 11)).toEqual(['120.00', '110.00']);
    // 处理意见: the last column, empty for the reviewer on every finding.
    expect(rows.slice(1).every((r) => r[12] === undefined || r[12] === '')).toBe(true);
  });

  it('keeps formula-like text as text', () => {
    const sheet = workbook.getWorksheet('问题清单')!;
    const cell = rowsOf(sheet).find((r) => r[9] === '=SUM(A1:A9)');
    expect(cell).toBeDefined();
    let formulas = 0;
    sheet.eachRow((row) => row.eachCell((c) => void (c.type === ExcelJS.ValueType.Formula && formulas++)));
    expect(formulas).toBe(0);
  });

  it('汇总: totals, findings per rule and per agency', () => {
    const sheet = workbook.getWorksheet('汇总')!;
    const rows = rowsOf(sheet);
    const summary = summarize(sampleResults().results);
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(value('文件总数')).toBe(6);
    expect(value('无法读取')).toBe(1);
    expect(value('已跳过')).toBe(1);
    expect(value('项目数')).toBe(summary.projects);
    expect(value('错误')).toBe(summary.errorCount);
    for (const [rule, count] of Object.entries(summary.findingsByRule)) expect(value(rule)).toBe(count);
    expect(rows.find((r) => r[0] === WORD_AGENCY)).toEqual([WORD_AGENCY, 7, 3, 3, 1, 1, 2]);
    const link = sheet.getCell(`A${rows.findIndex((r) => r[0] === 'budget-sum-mismatch') + 1}`).value as { hyperlink: string };
    expect(link.hyperlink).toBe('https://github.com/jxlint/jxlint/blob/main/docs/rules/budget-sum-mismatch.md');
  });

  it('文件: every file with its status, counts and fatal message', () => {
    const sheet = workbook.getWorksheet('文件')!;
    const rows = rowsOf(sheet);
    const { results } = sampleResults();
    expect(rows).toHaveLength(results.length + 1);
    expect(rows[0]).toEqual(['文件', '状态', '格式', '编码', '项目数', '错误', '警告', '提示', '说明']);
    const statuses = Object.fromEntries(rows.slice(1).map((r) => [r[0], r[1]]));
    expect(statuses).toMatchObject({
      'submissions/损坏/残缺的文件.docx': '无法读取',
      'submissions/说明.txt': '已跳过',
      'submissions/教育局/clean.txt': '已检查',
    });
    expect(rows.find((r) => r[0] === 'submissions/损坏/残缺的文件.docx')![8]).toBe(FATAL_MESSAGE);
  });

  it.each([
    [undefined, '2026-01-15 16:30:00 (Asia/Shanghai)'],
    ['Asia/Urumqi', '2026-01-15 14:30:00 (Asia/Urumqi)'],
    ['UTC', '2026-01-15 08:30:00 (UTC)'],
  ])('writes the generation time in local time (time zone %s)', async (timeZone, expected) => {
    const book = timeZone ? await readBack('zh-CN', timeZone) : workbook;
    const rows = rowsOf(book.getWorksheet('汇总')!);
    expect(rows.find((r) => r[0] === '生成时间')?.[1]).toBe(expected);
  });

  it.each([
    ['|||100%', 'spend-plan-incomplete', 'zh-CN', '3月底 —；6月底 —；10月底 —；12月底 100%'],
    ['20%||60%|', 'spend-plan-incomplete', 'zh-CN', '3月底 20%；6月底 —；10月底 60%；12月底 —'],
    ['|||100%', 'spend-plan-incomplete', 'en', 'end of Mar —; end of Jun —; end of Oct —; end of Dec 100%'],
    ['≥98%', 'cost-value-not-amount', 'zh-CN', '≥98%'],
    ['a|b', 'duplicate-indicator', 'zh-CN', 'a|b'],
  ] as const)('shows %s (%s, %s) as %s', (found, rule, locale, expected) => {
    expect(readableValue(found, rule, locale)).toBe(expected);
  });

  it('uses English sheet names and headers with locale en', async () => {
    const english = await readBack('en');
    expect(english.worksheets.map((s) => s.name)).toEqual(['Summary', 'Findings', 'Files']);
    expect(rowsOf(english.getWorksheet('Findings')!)[0][0]).toBe('File');
  });
});
