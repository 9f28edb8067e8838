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
  type FindingRow,
  type SeverityKey,
} from './common.js';
import { localTime } from './local-time.js';
import type { FormatOptions } from './options.js';
import { summarize } from './summary.js';
import { displayWidth } from './text-width.js';

type ExcelModule = typeof import('exceljs');
type Row = import('exceljs').Row;
type WorksheetOptions = import('exceljs').AddWorksheetOptions;

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

function styleHeader(row: Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AA7B8' } } };
  });
}

/**
 * Print setup of every sheet: A4 landscape, one page wide (as many pages tall as needed), narrow
 * margins, the header row repeated on each printed page, page numbers in the footer. Given when
 * the sheet is added: the streaming writer writes it at the top of the sheet.
 */
function printSetup(headerRow: number | null, footer: string): Pick<WorksheetOptions, 'pageSetup' | 'headerFooter'> {
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(headerRow ? { printTitlesRow: `${headerRow}:${headerRow}` } : {}),
    },
    headerFooter: { oddFooter: `&C${footer}`, differentFirst: false, differentOddEven: false },
  };
}

/** Column widths from the longest value of each column (display width), clamped. */
class ColumnWidths {
  private readonly widths: number[];
  constructor(private readonly maxWidths: number[]) {
    this.widths = maxWidths.map(() => 6);
  }
  measure(values: readonly unknown[]): void {
    values.forEach((value, i) => {
      if (value == null || i >= this.widths.length) return;
      for (const line of String(value).split('\n')) this.widths[i] = Math.max(this.widths[i]!, displayWidth(line));
    });
  }
  columns(): { width: number }[] {
    return this.widths.map((w, i) => ({ width: Math.min(w + 2, this.maxWidths[i] ?? 40) }));
  }
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

/**
 * The workbook, written with exceljs's streaming writer: each row is serialised as it is added, so
 * a batch of 1,000 files (a quarter of a million findings) does not hold a spreadsheet model in
 * memory. The summary is known first (it needs only the counts), so its sheet is written first.
 */
export async function formatXlsx(results: LintResult[], options: FormatOptions): Promise<Uint8Array> {
  const imported = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  const ExcelJS = imported.default ?? imported;
  const { locale } = options;
  const labels = LABELS[locale];
  const summary = summarize(results);
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  const rules = rulesById(options.rules);

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: false });
  workbook.creator = 'jxlint';
  workbook.lastModifiedBy = 'jxlint';
  workbook.created = new Date(generatedAt);
  workbook.modified = new Date(generatedAt);

  // 汇总
  const summaryRows: unknown[][] = [];
  const summaryStyles: { row: number; kind: 'section' | 'header' | 'rule' }[] = [];
  const section = (title: string) => {
    summaryStyles.push({ row: summaryRows.length, kind: 'section' });
    summaryRows.push([title]);
  };
  const header = (values: unknown[]) => {
    summaryStyles.push({ row: summaryRows.length, kind: 'header' });
    summaryRows.push(values);
  };
  section(labels.totals);
  summaryRows.push([labels.tool, `jxlint ${options.toolVersion}`]);
  summaryRows.push([labels.generated, localTime(generatedAt, options.timeZone)]);
  summaryRows.push([labels.filesTotal, summary.files.total]);
  summaryRows.push([labels.filesOk, summary.files.ok]);
  summaryRows.push([labels.filesFailed, summary.files.failed]);
  summaryRows.push([labels.filesSkipped, summary.files.skipped]);
  summaryRows.push([labels.projects, summary.projects]);
  summaryRows.push([labels.errors, summary.errorCount]);
  summaryRows.push([labels.warnings, summary.warningCount]);
  summaryRows.push([labels.infos, summary.infoCount]);
  summaryRows.push([]);
  section(labels.byRule);
  header([labels.rule, labels.count, labels.description]);
  for (const [id, count] of Object.entries(summary.findingsByRule)) {
    summaryStyles.push({ row: summaryRows.length, kind: 'rule' });
    summaryRows.push([{ text: id, hyperlink: helpUriOf(id, rules.get(id), options.rulesDocsBaseUrl) }, count, ruleDescription(rules.get(id), locale)]);
  }
  summaryRows.push([]);
  section(labels.byAgency);
  header([labels.agency, labels.count, labels.errors, labels.warnings, labels.infos, labels.files, labels.projects]);
  for (const agency of summary.agencies) {
    summaryRows.push([
      agency.agency ?? WORDS[locale].unknownAgency,
      agency.findings,
      agency.errorCount,
      agency.warningCount,
      agency.infoCount,
      agency.files,
      agency.projects,
    ]);
  }
  const summaryWidths = new ColumnWidths([40, 24, 60, 10, 10, 10, 10]);
  for (const values of summaryRows) summaryWidths.measure(values.map((v) => (v && typeof v === 'object' && 'text' in v ? v.text : v)));
  const sheet = workbook.addWorksheet(SHEETS[locale].summary, printSetup(null, labels.footer));
  sheet.columns = summaryWidths.columns();
  const styleOf = new Map(summaryStyles.map((s) => [s.row, s.kind]));
  summaryRows.forEach((values, i) => {
    const row = sheet.addRow(values);
    const kind = styleOf.get(i);
    if (kind === 'section') row.font = { bold: true, size: 12 };
    else if (kind === 'header') styleHeader(row);
    else if (kind === 'rule') {
      row.getCell(1).font = { color: { argb: 'FF1565C0' }, underline: true };
      row.getCell(3).alignment = { vertical: 'top', wrapText: true };
    }
    row.commit();
  });
  sheet.commit();

  // 问题清单: the finding columns, the rule's title beside its id, and 处理意见 for the reviewer.
  const headers = findingHeaders(locale);
  const ruleColumn = FINDING_COLUMNS.indexOf('rule');
  headers.splice(ruleColumn + 1, 0, labels.ruleTitle);
  headers.push(labels.reviewerNote);
  const severityColumn = FINDING_COLUMNS.indexOf('severity') + 2;
  const foundColumn = FINDING_COLUMNS.indexOf('found');
  const findingValues = (row: FindingRow): string[] => {
    const values = FINDING_COLUMNS.map((column, i) => (i === foundColumn ? readableValue(row.found, row.rule, locale) : row[column]));
    values.splice(ruleColumn + 1, 0, ruleTitle(ruleDescription(rules.get(row.rule), locale)));
    values.push('');
    return values;
  };
  //                                 file agency code name location rule title severity message found suggestion basis 处理意见
  const findingWidths = new ColumnWidths([40, 26, 20, 26, 24, 26, 30, 8, 60, 24, 24, 30, 24]);
  findingWidths.measure(headers);
  for (const result of results) for (const row of findingRows([result], locale, options.cwd)) findingWidths.measure(findingValues(row));
  const findings = workbook.addWorksheet(SHEETS[locale].findings, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    ...printSetup(1, labels.footer),
  });
  findings.columns = findingWidths.columns().map((c, i) => (i === headers.length - 1 ? { width: 24 } : c));
  findings.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const findingHeader = findings.addRow(headers);
  styleHeader(findingHeader);
  findingHeader.commit();
  for (const result of results) {
    for (const row of findingRows([result], locale, options.cwd)) {
      const added = findings.addRow(findingValues(row));
      added.getCell(severityColumn).font = { color: { argb: SEVERITY_COLOURS[row.severityKey] }, bold: row.severityKey === 'error' };
      added.alignment = { vertical: 'top', wrapText: true };
      added.commit();
    }
  }
  findings.commit();

  // 文件
  const fileHeaders = [labels.file, labels.status, labels.format, labels.encoding, labels.projects, labels.errors, labels.warnings, labels.infos, labels.note];
  const fileValues = (result: LintResult): unknown[] => [
    relativePath(result.filePath, options.cwd),
    WORDS[locale].status[result.status],
    result.format ?? '',
    result.encoding ?? '',
    result.projects.length,
    result.errorCount,
    result.warningCount,
    result.infoCount,
    fatalMessageOf(result)?.message ?? '',
  ];
  const fileWidths = new ColumnWidths([60, 12, 10, 12, 10, 10, 10, 10, 80]);
  fileWidths.measure(fileHeaders);
  for (const result of results) fileWidths.measure(fileValues(result));
  const files = workbook.addWorksheet(SHEETS[locale].files, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    ...printSetup(1, labels.footer),
  });
  files.columns = fileWidths.columns();
  files.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: fileHeaders.length } };
  const fileHeader = files.addRow(fileHeaders);
  styleHeader(fileHeader);
  fileHeader.commit();
  for (const result of results) {
    const row = files.addRow(fileValues(result));
    if (result.status === 'failed') row.getCell(2).font = { color: { argb: SEVERITY_COLOURS.error }, bold: true };
    row.commit();
  }
  files.commit();

  await workbook.commit();
  const written = (workbook as unknown as { stream: { toBuffer(): Uint8Array } }).stream.toBuffer();
  return new Uint8Array(written.buffer, written.byteOffset, written.byteLength);
}
