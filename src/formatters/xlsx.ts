/**
 * `xlsx`: an Excel workbook for auditors (exceljs, loaded lazily so the CLI starts fast), ready to
 * print: every sheet landscape on A4, fitted to the page width, the header row repeated on each
 * page, page numbers in the footer.
 * - 汇总 (first): totals, findings per rule (with its Chinese title) and per 预算单位 (agency);
 * - 问题清单: one row per finding (fatal read failures included) — the rule's title beside its id,
 *   values written for people (the spend plan as `3月底 —；…；12月底 100%`), and an empty 处理意见
 *   column for the reviewer; frozen header, autofilter, widths fitted to the content (CJK double);
 * - 文件: every input file with its status (ok / failed / skipped), counts and the fatal message.
 * Times are local (`options.timeZone`, Asia/Shanghai by default).
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
import { localTime } from './local-time.js';
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
    ruleTitle: '规则说明',
    reviewerNote: '处理意见',
    footer: '第 &P 页，共 &N 页',
    monthEnds: ['3月底', '6月底', '10月底', '12月底'],
    listSep: '；',
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
    ruleTitle: 'Rule title',
    reviewerNote: 'Reviewer note',
    footer: 'Page &P of &N',
    monthEnds: ['end of Mar', 'end of Jun', 'end of Oct', 'end of Dec'],
    listSep: '; ',
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

/**
 * Print setup of every sheet: A4 landscape, one page wide (as many pages tall as needed), narrow
 * margins, the header row(s) repeated on each printed page, page numbers in the footer.
 */
function setUpPrinting(sheet: Worksheet, headerRow: number | null, footer: string): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(headerRow ? { printTitlesRow: `${headerRow}:${headerRow}` } : {}),
  };
  sheet.headerFooter = { oddFooter: `&C${footer}` };
}

/** A rule's title: the first sentence of its description. */
function ruleTitle(description: string): string {
  return description.split(/(?<=[。.])\s*/)[0] ?? description;
}

/**
 * A value as people read it: the spend plan's four month-end cells (`|||100%`) become
 * `3月底 —；6月底 —；10月底 —；12月底 100%`; other values are shown as found.
 */
export function readableValue(found: string, rule: string, locale: Locale): string {
  const parts = found.split('|');
  if (!rule.startsWith('spend-plan') || parts.length !== 4) return found;
  const labels = LABELS[locale];
  return parts.map((value, i) => `${labels.monthEnds[i]} ${value.trim() || '—'}`).join(labels.listSep);
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

  const rules = rulesById(options.rules);
  // 汇总 first: it is what a reader looks at first; filled once the finding list is written.
  const sheet = workbook.addWorksheet(SHEETS[locale].summary);

  // 问题清单: the finding columns, the rule's title beside its id, and 处理意见 for the reviewer.
  const findings = workbook.addWorksheet(SHEETS[locale].findings, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  const headers = findingHeaders(locale);
  const ruleColumn = FINDING_COLUMNS.indexOf('rule');
  headers.splice(ruleColumn + 1, 0, labels.ruleTitle);
  headers.push(labels.reviewerNote);
  findings.addRow(headers);
  styleHeader(findings, 1);
  const severityColumn = FINDING_COLUMNS.indexOf('severity') + 2;
  const foundColumn = FINDING_COLUMNS.indexOf('found');
  for (const row of findingRows(results, locale, options.cwd)) {
    const values = FINDING_COLUMNS.map((column, i) => (i === foundColumn ? readableValue(row.found, row.rule, locale) : row[column]));
    values.splice(ruleColumn + 1, 0, ruleTitle(ruleDescription(rules.get(row.rule), locale)));
    values.push('');
    const added = findings.addRow(values);
    added.getCell(severityColumn).font = { color: { argb: SEVERITY_COLOURS[row.severityKey] }, bold: row.severityKey === 'error' };
    added.alignment = { vertical: 'top', wrapText: true };
  }
  findings.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  //                file agency code name location rule title severity message found suggestion basis 处理意见
  fitColumns(findings, [40, 26, 20, 26, 24, 26, 30, 8, 60, 24, 24, 30, 24]);
  findings.getColumn(headers.length).width = 24;
  setUpPrinting(findings, 1, labels.footer);

  // 汇总
  const section = (title: string) => {
    const row = sheet.addRow([title]);
    row.font = { bold: true, size: 12 };
  };
  section(labels.totals);
  sheet.addRow([labels.tool, `jxlint ${options.toolVersion}`]);
  sheet.addRow([labels.generated, localTime(generatedAt, options.timeZone)]);
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
  for (const [id, count] of Object.entries(summary.findingsByRule)) {
    const row = sheet.addRow([id, count, ruleDescription(rules.get(id), locale)]);
    const helpUri = helpUriOf(id, rules.get(id), options.rulesDocsBaseUrl);
    row.getCell(1).value = { text: id, hyperlink: helpUri };
    row.getCell(1).font = { color: { argb: 'FF1565C0' }, underline: true };
    row.getCell(3).alignment = { vertical: 'top', wrapText: true };
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
  setUpPrinting(sheet, null, labels.footer);

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
  setUpPrinting(files, 1, labels.footer);

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}
