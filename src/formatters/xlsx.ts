/**
 * `xlsx`: an Excel workbook for auditors (exceljs, loaded lazily so the CLI starts fast).
 * - 问题清单: one row per finding (fatal read failures included) with frozen header, autofilter
 *   and column widths fitted to the content (CJK counted double);
 * - 汇总: totals, findings per rule and per 预算单位 (agency);
 * - 文件: every input file with its status (ok / failed / skipped), counts and the fatal message.
 */
import type { Locale, LintResult } from '../engine/types.js';
import {
  FINDING_COLUMNS,
  WORDS,
  fatalMessageOf,
  helpUriOf,
  findingHeaders,
  findingRows,
  relativePath,
  ruleDescription,
  rulesById,
  type SeverityKey,
} from './common.js';
import type { FormatOptions } from './options.js';
import { summarize } from './summary.js';
import { displayWidth } from './text-width.js';

type ExcelModule = typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;

const SHEETS: Record<Locale, { findings: string; summary: string; files: string }> = {
  'zh-CN': { findings: '问题清单', summary: '汇总', files: '文件' },
  en: { findings: 'Findings', summary: 'Summary', files: 'Files' },
};

const LABELS = {
  'zh-CN': {
    totals: '总体情况',
    filesTotal: '文件总数',
    filesOk: '已检查',
    filesFailed: '无法读取',
    filesSkipped: '已跳过',
    projects: '项目数',
    errors: '错误',
    warnings: '警告',
    infos: '提示',
    byRule: '按规则统计',
    rule: '规则',
    description: '说明',
    count: '问题数',
    byAgency: '按预算单位统计',
    agency: '预算单位',
    files: '文件数',
    generated: '生成时间',
    tool: '工具',
    file: '文件',
    status: '状态',
    format: '格式',
    encoding: '编码',
    note: '说明',
  },
  en: {
    totals: 'Totals',
    filesTotal: 'Files',
    filesOk: 'Checked',
    filesFailed: 'Unreadable',
    filesSkipped: 'Skipped',
    projects: 'Projects',
    errors: 'Errors',
    warnings: 'Warnings',
    infos: 'Infos',
    byRule: 'Findings per rule',
    rule: 'Rule',
    description: 'Description',
    count: 'Findings',
    byAgency: 'Findings per agency',
    agency: 'Agency',
    files: 'Files',
    generated: 'Generated',
    tool: 'Tool',
    file: 'File',
    status: 'Status',
    format: 'Format',
    encoding: 'Encoding',
    note: 'Note',
  },
} as const;

const SEVERITY_COLOURS: Record<SeverityKey, string> = { error: 'FFC62828', warning: 'FFB26A00', info: 'FF1565C0' };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } } as const;

function styleHeader(sheet: Worksheet, rowNumber: number): void {
  const row = sheet.getRow(rowNumber);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AA7B8' } } };
  });
}

/** Column widths from the longest value (display width), clamped. */
function fitColumns(sheet: Worksheet, maxWidths: number[]): void {
  sheet.columns.forEach((column, i) => {
    let width = 6;
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      const text = cell.text ?? '';
      for (const line of text.split('\n')) width = Math.max(width, displayWidth(line));
    });
    column.width = Math.min(width + 2, maxWidths[i] ?? 40);
  });
}

export async function formatXlsx(results: LintResult[], options: FormatOptions): Promise<Uint8Array> {
  const imported = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  const ExcelJS = imported.default ?? imported;
  const { locale } = options;
  const labels = LABELS[locale];
  const summary = summarize(results);
  const generatedAt = options.generatedAt ?? new Date().toISOString();

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jxlint';
  workbook.lastModifiedBy = 'jxlint';
  workbook.created = new Date(generatedAt);
  workbook.modified = new Date(generatedAt);

  // 问题清单
  const findings = workbook.addWorksheet(SHEETS[locale].findings, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  findings.addRow(findingHeaders(locale));
  styleHeader(findings, 1);
  const severityColumn = FINDING_COLUMNS.indexOf('severity') + 1;
  for (const row of findingRows(results, locale, options.cwd)) {
    const added = findings.addRow(FINDING_COLUMNS.map((column) => row[column]));
    added.getCell(severityColumn).font = { color: { argb: SEVERITY_COLOURS[row.severityKey] }, bold: row.severityKey === 'error' };
    added.alignment = { vertical: 'top', wrapText: true };
  }
  findings.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FINDING_COLUMNS.length } };
  //                file agency code name location rule severity message found suggestion basis
  fitColumns(findings, [48, 30, 22, 30, 28, 30, 10, 70, 18, 24, 30]);

  // 汇总
  const sheet = workbook.addWorksheet(SHEETS[locale].summary);
  const section = (title: string) => {
    const row = sheet.addRow([title]);
    row.font = { bold: true, size: 12 };
  };
  section(labels.totals);
  sheet.addRow([labels.tool, `jxlint ${options.toolVersion}`]);
  sheet.addRow([labels.generated, generatedAt]);
  sheet.addRow([labels.filesTotal, summary.files.total]);
  sheet.addRow([labels.filesOk, summary.files.ok]);
  sheet.addRow([labels.filesFailed, summary.files.failed]);
  sheet.addRow([labels.filesSkipped, summary.files.skipped]);
  sheet.addRow([labels.projects, summary.projects]);
  sheet.addRow([labels.errors, summary.errorCount]);
  sheet.addRow([labels.warnings, summary.warningCount]);
  sheet.addRow([labels.infos, summary.infoCount]);
  sheet.addRow([]);

  section(labels.byRule);
  sheet.addRow([labels.rule, labels.count, labels.description]);
  styleHeader(sheet, sheet.rowCount);
  const rules = rulesById(options.rules);
  for (const [id, count] of Object.entries(summary.findingsByRule)) {
    const row = sheet.addRow([id, count, ruleDescription(rules.get(id), locale)]);
    const helpUri = helpUriOf(id, rules.get(id), options.rulesDocsBaseUrl);
    row.getCell(1).value = { text: id, hyperlink: helpUri };
    row.getCell(1).font = { color: { argb: 'FF1565C0' }, underline: true };
  }
  sheet.addRow([]);

  section(labels.byAgency);
  sheet.addRow([labels.agency, labels.count, labels.errors, labels.warnings, labels.infos, labels.files, labels.projects]);
  styleHeader(sheet, sheet.rowCount);
  for (const agency of summary.agencies) {
    sheet.addRow([
      agency.agency ?? WORDS[locale].unknownAgency,
      agency.findings,
      agency.errorCount,
      agency.warningCount,
      agency.infoCount,
      agency.files,
      agency.projects,
    ]);
  }
  fitColumns(sheet, [40, 24, 60, 10, 10, 10, 10]);

  // 文件
  const files = workbook.addWorksheet(SHEETS[locale].files, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  files.addRow([
    labels.file,
    labels.status,
    labels.format,
    labels.encoding,
    labels.projects,
    labels.errors,
    labels.warnings,
    labels.infos,
    labels.note,
  ]);
  styleHeader(files, 1);
  for (const result of results) {
    const fatal = fatalMessageOf(result);
    const row = files.addRow([
      relativePath(result.filePath, options.cwd),
      WORDS[locale].status[result.status],
      result.format ?? '',
      result.encoding ?? '',
      result.projects.length,
      result.errorCount,
      result.warningCount,
      result.infoCount,
      fatal?.message ?? '',
    ]);
    if (result.status === 'failed') row.getCell(2).font = { color: { argb: SEVERITY_COLOURS.error }, bold: true };
  }
  files.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 9 } };
  fitColumns(files, [60, 12, 10, 12, 10, 10, 10, 10, 80]);

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}
