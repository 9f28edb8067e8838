/**
 * Running the rules (运行规则): one document in, one `LintResult` out. The enabled rules run in one
 * walk of the AST (visit.ts); a rule that throws is one internal-error message, never a crash;
 * reports become messages in the configured locale; parse diagnostics become messages with
 * `ruleId: null`; messages are sorted deterministically and counted.
 */
import { isSheetOrigin, isTableOrigin, isTextOrigin, type JxDocument, type Origin, type ParseDiagnostic, type Project } from '../ast/types.js';
import { allRules } from '../../rules/index.js';
import { fingerprintOf } from './baseline.js';
import { countMessages } from './counts.js';
import { defaultConfig, type ResolvedConfig } from './config.js';
import { DEFAULT_LOCALE, formatLocation, SEVERITY_NUMBER } from './messages.js';
import { visitRules, type RuleRun } from './visit.js';
import type { LintMessage, LintResult, Locale, ProjectSummary, Rule, Severity } from './types.js';

export interface LintOptions {
  /** Resolved configuration (default: `recommended`). */
  config?: ResolvedConfig;
  /** Message language (default: the config's locale, else zh-CN). */
  locale?: Locale;
  /** Keep the parsed document on the result (HTML reports render tables from it). */
  keepDocument?: boolean;
  /** The rule set to choose from (default: every registered rule). Tests pass a single rule. */
  rules?: readonly Rule[];
}

let cachedDefault: ResolvedConfig | null = null;
function defaultResolved(): ResolvedConfig {
  return (cachedDefault ??= defaultConfig());
}

/** ruleId used when a rule throws. */
export const INTERNAL_ERROR_ID = 'internal-error';

function lineColumn(origin: Origin | null): { line: number | null; column: number | null } {
  return isTextOrigin(origin) ? { line: origin.line, column: origin.column } : { line: null, column: null };
}

function internalErrorMessage(rule: Rule, error: unknown, locale: Locale): LintMessage {
  const detail = error instanceof Error ? error.message : String(error);
  const zh = `规则 ${rule.meta.id} 运行出错：${detail}；其余规则照常检查，请报告此问题`;
  const en = `Rule ${rule.meta.id} failed: ${detail}; the other rules ran; please report this`;
  return documentMessage({ ruleId: rule.meta.id, message: locale === 'en' ? en : zh, messageId: INTERNAL_ERROR_ID }, locale);
}

/** An error-severity message about the whole document (no project, no cell). */
function documentMessage(fields: Pick<LintMessage, 'ruleId' | 'message' | 'messageId'>, locale: Locale): LintMessage {
  return {
    ruleId: fields.ruleId,
    severity: 2,
    message: fields.message,
    messageId: fields.messageId,
    projectCode: null,
    projectName: null,
    projectIndex: null,
    line: null,
    column: null,
    origin: null,
    location: formatLocation(null, 'document', locale),
    role: 'document',
    indicatorIndex: null,
    found: null,
    suggestion: null,
    basis: null,
  };
}

/** Parse diagnostics as messages; `projectAt` finds the project a diagnostic names. */
export function diagnosticMessages(
  diagnostics: readonly ParseDiagnostic[],
  projectAt: (index: number) => Project | null,
  locale: Locale,
): LintMessage[] {
  return diagnostics.map((d) => {
    const project = d.projectIndex !== undefined ? projectAt(d.projectIndex) : null;
    const fatal = d.code === 'read-error';
    const severity: Severity = d.code === 'parse-error' || fatal ? 2 : SEVERITY_NUMBER[d.severity === 'warning' ? 'warn' : d.severity];
    const message: LintMessage = {
      ruleId: null,
      severity,
      message: locale === 'en' ? d.messageEn : d.message,
      messageId: d.code,
      projectCode: project?.code ?? null,
      projectName: project?.name ?? null,
      projectIndex: project?.index ?? d.projectIndex ?? null,
      ...lineColumn(d.origin),
      origin: d.origin,
      location: formatLocation(d.origin, null, locale, project?.index ?? d.projectIndex ?? null),
      role: null,
      indicatorIndex: null,
      found: null,
      suggestion: null,
      basis: null,
    };
    message.fingerprint = fingerprintOf({
      ruleId: `parse:${d.code}`,
      projectCode: message.projectCode,
      role: null,
      level3: null,
      found: d.message,
    });
    if (fatal) message.fatal = true;
    return message;
  });
}

/** Sort key of an origin: text (line, column) < table (table, row, col, paragraph) < body paragraph. */
function originKey(o: Origin | null): number[] {
  if (!o) return [-1];
  if (isTextOrigin(o)) return [0, o.line, o.column];
  if (isTableOrigin(o)) return [1, o.table, o.row, o.col, o.paragraph];
  if (isSheetOrigin(o)) return [3, o.sheetIndex, o.row, o.col];
  return [2, o.paragraph];
}

function compareArrays(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -Infinity) - (b[i] ?? -Infinity);
    if (d !== 0) return d;
  }
  return 0;
}

const KEY_WIDTH = 5;

/**
 * Sorts in place by `compareMessages`, computing each message's origin key once — into flat typed
 * arrays, not an array and a wrapper object per message (the sort runs when every message of a long
 * document is alive, so its keys add to the peak). Same comparisons as `compareMessages`, NaN included.
 */
export function sortMessages(messages: LintMessage[]): LintMessage[] {
  const n = messages.length;
  const projects = new Float64Array(n);
  const keys = new Float64Array(n * KEY_WIDTH);
  const lengths = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const m = messages[i]!;
    projects[i] = m.projectIndex ?? 0;
    const key = originKey(m.origin);
    lengths[i] = key.length;
    for (let k = 0; k < key.length; k++) keys[i * KEY_WIDTH + k] = key[k] ?? -Infinity;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const sorted = Array.from(order).sort((x, y) => {
    const px = projects[x]!;
    const py = projects[y]!;
    if (px !== py) return px - py;
    const length = Math.max(lengths[x]!, lengths[y]!);
    for (let k = 0; k < length; k++) {
      const a = k < lengths[x]! ? keys[x * KEY_WIDTH + k]! : -Infinity;
      const b = k < lengths[y]! ? keys[y * KEY_WIDTH + k]! : -Infinity;
      const d = a - b;
      if (d !== 0) return d;
    }
    return tieBreak(messages[x]!, messages[y]!);
  });
  const byOrder = sorted.map((i) => messages[i]!);
  for (let i = 0; i < n; i++) messages[i] = byOrder[i]!;
  return messages;
}

function tieBreak(a: LintMessage, b: LintMessage): number {
  const ra = a.ruleId ?? '';
  const rb = b.ruleId ?? '';
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** Deterministic order: project index (document-level first), origin, rule id, message. */
export function compareMessages(a: LintMessage, b: LintMessage): number {
  const pa = a.projectIndex ?? 0;
  const pb = b.projectIndex ?? 0;
  if (pa !== pb) return pa - pb;
  const o = compareArrays(originKey(a.origin), originKey(b.origin));
  if (o !== 0) return o;
  return tieBreak(a, b);
}

/** Lints one parsed document. Never throws because of a rule. */
/** The configuration, locale and enabled rules of one lint. */
export function lintSetup(options: LintOptions): { config: ResolvedConfig; locale: Locale; runs: RuleRun[] } {
  const config = options.config ?? defaultResolved();
  const locale = options.locale ?? config.locale ?? DEFAULT_LOCALE;
  const runs: RuleRun[] = [];
  for (const rule of options.rules ?? allRules) {
    const setting = config.rules[rule.meta.id];
    const severity = setting?.severity ?? 'off';
    if (severity === 'off') continue;
    runs.push({ rule, severity, options: setting?.options ?? rule.defaultOptions ?? {} });
  }
  return { config, locale, runs };
}

export function projectSummaryOf(p: Project): ProjectSummary {
  return { index: p.index, code: p.code, name: p.name, agency: p.agency };
}

/** Lints one parsed document. Never throws because of a rule. */
export function lintDocument(document: JxDocument, options: LintOptions = {}): LintResult {
  const { config, locale, runs } = lintSetup(options);
  const messages: LintMessage[] = diagnosticMessages(
    document.diagnostics,
    (index) => document.projects.find((p) => p.index === index) ?? null,
    locale,
  );
  // A rule's messages join the result only when it finished without throwing.
  for (const outcome of visitRules(document, runs, { layout: config.layout, locale })) {
    if (outcome.failed) messages.push(internalErrorMessage(outcome.rule, outcome.error, locale));
    else for (const m of outcome.messages) messages.push(m);
  }

  sortMessages(messages);
  const result = countMessages({
    filePath: document.filePath,
    status: 'ok' as const,
    format: document.format,
    encoding: document.encoding,
    projects: document.projects.map(projectSummaryOf),
    messages,
  }) as LintResult;
  if (options.keepDocument) result.document = document;
  return result;
}

/**
 * A failure that is jxlint's fault, not the file's: one fatal `internal-error` message for that file
 * only. `batch` says the other files of the run were still checked.
 */
export function internalFailure(filePath: string, error: unknown, locale: Locale = DEFAULT_LOCALE, batch = true): LintResult {
  const detail = error instanceof Error ? error.message : String(error);
  return lintFailure(
    filePath,
    {
      code: 'internal-error',
      message: `检查该文件时 jxlint 内部出错（${detail}）：${batch ? '其他文件照常检查；' : ''}请把该文件附在问题报告中`,
      messageEn: `jxlint failed internally on this file (${detail}); ${batch ? 'the other files were checked; ' : ''}please report it with the file`,
    },
    locale,
  );
}

/** The result for a file that could not be read (status 'failed', one fatal message). */
export function lintFailure(
  filePath: string,
  error: { code: string; message: string; messageEn: string },
  locale: Locale = DEFAULT_LOCALE,
): LintResult {
  const message: LintMessage = {
    ...documentMessage({ ruleId: null, message: locale === 'en' ? error.messageEn : error.message, messageId: error.code }, locale),
    fatal: true,
  };
  return countMessages({
    filePath,
    status: 'failed' as const,
    format: null,
    encoding: null,
    projects: [],
    messages: [message],
  }) as LintResult;
}
