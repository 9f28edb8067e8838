/**
 * Helpers shared by the formatters: wording in both locales, paths relative to the working
 * directory (pure string work, no node:path, so the formatters also run in a browser), and the
 * flat finding rows the csv and xlsx reports share.
 */
import { columnLetters, type SheetOrigin } from '../ast/types.js';
import type { Locale, LintMessage, LintResult, ProjectSummary, RuleSummary, Severity } from '../engine/types.js';

export type SeverityKey = 'error' | 'warning' | 'info';

export function severityKey(severity: Severity): SeverityKey {
  return severity === 2 ? 'error' : severity === 1 ? 'warning' : 'info';
}

const SEVERITY_WORDS: Record<Locale, Record<SeverityKey, string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/** 错误 / 警告 / 提示, or error / warning / info. */
export function severityWord(severity: Severity, locale: Locale): string {
  return SEVERITY_WORDS[locale][severityKey(severity)];
}

/** Column headers of the finding list (csv, xlsx 问题清单). */
export const FINDING_COLUMNS = [
  'file',
  'agency',
  'projectCode',
  'projectName',
  'location',
  'rule',
  'severity',
  'message',
  'found',
  'suggestion',
  'basis',
] as const;
export type FindingColumn = (typeof FINDING_COLUMNS)[number];

const FINDING_HEADERS: Record<Locale, Record<FindingColumn, string>> = {
  'zh-CN': {
    file: '文件',
    agency: '预算单位',
    projectCode: '项目编码',
    projectName: '项目名称',
    location: '位置',
    rule: '规则',
    severity: '严重程度',
    message: '问题说明',
    found: '原值',
    suggestion: '建议',
    basis: '依据',
  },
  en: {
    file: 'File',
    agency: 'Agency',
    projectCode: 'Project code',
    projectName: 'Project name',
    location: 'Location',
    rule: 'Rule',
    severity: 'Severity',
    message: 'Message',
    found: 'Value found',
    suggestion: 'Suggestion',
    basis: 'Basis',
  },
};

export function findingHeaders(locale: Locale): string[] {
  return FINDING_COLUMNS.map((column) => FINDING_HEADERS[locale][column]);
}

/** Words used by more than one report. */
export const WORDS = {
  'zh-CN': {
    readError: '读取失败',
    unknownAgency: '（未注明预算单位）',
    document: '文档',
    project: '项目',
    status: { ok: '已检查', failed: '无法读取', skipped: '已跳过' },
  },
  en: {
    readError: 'read failure',
    unknownAgency: '(agency not given)',
    document: 'Document',
    project: 'Project',
    status: { ok: 'checked', failed: 'unreadable', skipped: 'skipped' },
  },
} as const;

function toForwardSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}

function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path) || path.startsWith('//');
}

/** Removes `.` segments and folds `x/..`; keeps leading `..`. */
function normaliseSegments(path: string): string[] {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(segment);
  }
  return out;
}

/**
 * `filePath` relative to `cwd`, with forward slashes. Paths outside `cwd` come out as `../x`;
 * a path on another drive, or when `cwd` is not given, is returned as given (forward slashes).
 */
export function relativePath(filePath: string, cwd?: string): string {
  const file = toForwardSlashes(filePath);
  if (!cwd || !isAbsolutePath(file)) return file.replace(/^\.\//, '');
  const base = toForwardSlashes(cwd);
  const driveOf = (p: string) => (/^[A-Za-z]:/.test(p) ? p.slice(0, 2).toUpperCase() : '');
  if (driveOf(file) !== driveOf(base)) return file;
  const windows = driveOf(file) !== '';
  const fileSegments = normaliseSegments(windows ? file.slice(2) : file);
  const baseSegments = normaliseSegments(windows ? base.slice(2) : base);
  const same = (a: string, b: string) => (windows ? a.toLowerCase() === b.toLowerCase() : a === b);
  let common = 0;
  while (
    common < fileSegments.length &&
    common < baseSegments.length &&
    same(fileSegments[common], baseSegments[common])
  ) {
    common++;
  }
  const up = baseSegments.slice(common).map(() => '..');
  return [...up, ...fileSegments.slice(common)].join('/') || '.';
}

/** Absolute `file:` URI of a directory, ending in `/` (SARIF originalUriBaseIds). */
export function directoryFileUri(directory: string): string {
  const uri = pathToUriReference(directory);
  return uri.endsWith('/') ? uri : uri + '/';
}

/** Percent-encodes each segment of a forward-slash path, for use as a URI reference. */
export function pathToUriReference(path: string): string {
  const forward = toForwardSlashes(path);
  if (isAbsolutePath(forward)) {
    const withRoot = /^[A-Za-z]:\//.test(forward) ? '/' + forward : forward;
    return (
      'file://' +
      withRoot
        .split('/')
        .map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
        .join('/')
    );
  }
  return forward.split('/').map(encodeURIComponent).join('/');
}

/** The project a message is about, looked up by its 1-based index. */
export function projectOf(result: LintResult, message: LintMessage): ProjectSummary | null {
  if (message.projectIndex == null) return null;
  return result.projects.find((p) => p.index === message.projectIndex) ?? null;
}

/**
 * The 预算单位 a message counts towards: its project's agency; for a document-level message, the
 * file's agency when all of its projects name the same one; otherwise null.
 */
export function agencyOf(result: LintResult, message: LintMessage): string | null {
  const project = projectOf(result, message);
  if (project) return project.agency ?? null;
  return fileAgency(result);
}

/** The one agency all projects of a file name, or null. */
export function fileAgency(result: LintResult): string | null {
  const agencies = new Set(result.projects.map((p) => p.agency).filter((a): a is string => !!a));
  return agencies.size === 1 ? [...agencies][0] : null;
}

/** The message that made a file fail (its first fatal message). */
export function fatalMessageOf(result: LintResult): LintMessage | null {
  return result.messages.find((m) => m.fatal) ?? null;
}

/**
 * A sheet cell as Excel writes it in a formula: `绩效目标表!E5`, or `'1、项目'!E5` when the sheet's name
 * needs quotes (anything but letters, digits, _ and ., or a leading digit; a ' inside is doubled).
 */
export function sheetCellReference(origin: SheetOrigin): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(origin.sheet) && !/^[A-Za-z]{1,3}\d+$/.test(origin.sheet);
  const sheet = plain ? origin.sheet : `'${origin.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${columnLetters(origin.col)}${origin.row}`;
}

/** Collapses line breaks and runs of whitespace so a message fits one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

export type FindingRow = Record<FindingColumn, string> & { severityKey: SeverityKey };

/** One row per message, fatal messages included (their rule column says 读取失败). */
export function findingRows(results: LintResult[], locale: Locale, cwd?: string): FindingRow[] {
  const rows: FindingRow[] = [];
  for (const result of results) {
    const file = relativePath(result.filePath, cwd);
    for (const message of result.messages) {
      const project = projectOf(result, message);
      rows.push({
        file,
        agency: agencyOf(result, message) ?? '',
        projectCode: message.projectCode ?? project?.code ?? '',
        projectName: message.projectName ?? project?.name ?? '',
        location: message.location ?? '',
        rule: message.fatal ? WORDS[locale].readError : ruleLabelOf(message),
        severity: severityWord(message.severity, locale),
        severityKey: severityKey(message.severity),
        message: message.message,
        found: message.found ?? '',
        suggestion: message.suggestion ?? '',
        basis: message.basis ?? '',
      });
    }
  }
  return rows;
}

/** Rule summaries by id. */
export function rulesById(rules: RuleSummary[]): Map<string, RuleSummary> {
  return new Map(rules.map((rule) => [rule.id, rule]));
}

/** The rule's one-line description in the locale. */
export function ruleDescription(rule: RuleSummary | undefined, locale: Locale): string {
  if (!rule) return '';
  return locale === 'en' ? rule.descriptionEn || rule.description : rule.description || rule.descriptionEn;
}

/** Code-unit order: deterministic on every machine, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where rule docs live when neither the caller nor the rule says otherwise (SARIF wants an absolute URI). */
export const DEFAULT_RULES_DOCS_BASE_URL = 'https://github.com/jxlint/jxlint/blob/main/docs/rules/';

function isAbsoluteHttpUri(uri: string | undefined): uri is string {
  return !!uri && /^https?:\/\/[^\s]+$/i.test(uri);
}

/** The rule's documentation page: `rulesDocsBaseUrl`, else the rule's own absolute docsUrl, else GitHub. */
export function helpUriOf(id: string, rule: RuleSummary | undefined, rulesDocsBaseUrl?: string): string {
  if (rulesDocsBaseUrl) {
    return (rulesDocsBaseUrl.endsWith('/') ? rulesDocsBaseUrl : rulesDocsBaseUrl + '/') + encodeURIComponent(id) + '.md';
  }
  if (isAbsoluteHttpUri(rule?.docsUrl)) return rule!.docsUrl;
  return DEFAULT_RULES_DOCS_BASE_URL + encodeURIComponent(id) + '.md';
}


/**
 * The rule a message is filed under in reports that need one (SARIF, JUnit, GitHub, CSV):
 * its rule id, or `parse:<code>` for a parser diagnostic (no rule id; the engine's fingerprint
 * uses the same prefix).
 */
export function ruleLabelOf(message: LintMessage): string {
  return message.ruleId ?? `parse:${message.messageId || 'error'}`;
}
