/**
 * Lint messages → LSP diagnostics. Text exports: the range is the cell text the message points at
 * (line/column are 1-based UTF-16 code units, as LSP counts; the end comes from the text found, else
 * the cell runs to the next TAB or the end of the line). Word/HTML files have no text positions: the
 * diagnostic sits on the first line and its message names 表/行/列.
 */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CellRole, Fix, JxDocument, LintMessage, Locale } from '../index.js';
import { ruleDocsHref } from './package-info.js';

export const SOURCE = 'jxlint';

/** What a diagnostic carries so code actions need no re-lint. */
export interface DiagnosticData {
  fingerprint: string | null;
  ruleId: string | null;
  messageId: string;
  projectCode: string | null;
  role: CellRole | null;
  level3: string | null;
  found: string | null;
  /** Where the message points (1-based), so the fix can be placed by applyTextFixes without a re-lint. */
  line: number | null;
  column: number | null;
  /** The rule's fix (one cell, or several through `fix.edits`). */
  fix?: Fix;
}

export function severityOf(m: Pick<LintMessage, 'severity'>): DiagnosticSeverity {
  return m.severity === 2 ? DiagnosticSeverity.Error : m.severity === 1 ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

/** Line text (without its end of line) of 0-based line `line`. */
export function lineText(doc: TextDocument, line: number): string {
  if (line < 0 || line >= doc.lineCount) return '';
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

/**
 * The range of the cell a text position points at. `found` is the text the message quotes: when it
 * stands at (or after) the column on that line, the range is exactly it (the span a fix replaces,
 * as applyTextFixes finds it); otherwise the cell runs to the next TAB or the end of the line.
 */
export function cellRange(doc: TextDocument, line1: number, column1: number, found: string | null | undefined): { range: Range; exact: boolean } {
  const line = Math.max(0, Math.min(line1 - 1, doc.lineCount - 1));
  const text = lineText(doc, line);
  const start = Math.max(0, Math.min(column1 - 1, text.length));
  if (found) {
    const at = text.indexOf(found, start);
    if (at >= 0) return { range: { start: { line, character: at }, end: { line, character: at + found.length } }, exact: true };
  }
  const tab = text.indexOf('\t', start);
  let end = tab >= 0 ? tab : text.length;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) end = Math.min(text.length, start + 1);
  return { range: { start: { line, character: start }, end: { line, character: end } }, exact: false };
}

function dataOf(m: LintMessage): DiagnosticData {
  const data: DiagnosticData = {
    fingerprint: m.fingerprint ?? null,
    ruleId: m.ruleId,
    messageId: m.messageId,
    projectCode: m.projectCode,
    role: m.role,
    level3: m.level3 ?? null,
    found: m.found ?? null,
    line: m.line,
    column: m.column,
  };
  if (m.fix) data.fix = m.fix;
  return data;
}

function decorate(d: Diagnostic, m: LintMessage): Diagnostic {
  d.severity = severityOf(m);
  d.source = SOURCE;
  if (m.ruleId) {
    d.code = m.ruleId;
    d.codeDescription = { href: ruleDocsHref(m.ruleId) };
  } else {
    d.code = m.messageId;
  }
  return d;
}

/** A text document's diagnostics; with the parsed document, findings on an indicator row point at its other cells. */
export function textDiagnostics(doc: TextDocument, messages: readonly LintMessage[], document: JxDocument | null = null, locale: Locale = 'zh-CN'): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of messages) {
    const range: Range =
      m.line !== null && m.column !== null
        ? cellRange(doc, m.line, m.column, m.found).range
        : { start: { line: 0, character: 0 }, end: { line: 0, character: lineText(doc, 0).length } };
    const d = decorate({ range, message: m.message, data: dataOf(m) }, m);
    // The row's own cells, then the other cells the rule names (the other row of a duplicate pair), each once.
    const related: DiagnosticRelatedInformation[] = [];
    const seen = new Set<string>();
    for (const r of [...rowCells(doc, m, document, locale), ...relatedOf(doc, m)]) {
      const key = `${r.location.range.start.line}:${r.location.range.start.character}`;
      if (!seen.has(key)) related.push(r), seen.add(key);
    }
    if (related.length > 0) d.relatedInformation = related;
    out.push(d);
  }
  return out;
}

function relatedOf(doc: TextDocument, m: LintMessage): DiagnosticRelatedInformation[] {
  const out: DiagnosticRelatedInformation[] = [];
  for (const c of m.related ?? []) {
    if (c.line === null || c.column === null) continue;
    const text = c.text ?? '';
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    out.push({
      location: { uri: doc.uri, range: cellRange(doc, c.line, c.column, text.split('\n')[0]).range },
      message: shown ? `${c.location}：${shown}` : c.location,
    });
  }
  return out;
}

const ROW_CELLS: { cell: 'level3' | 'description' | 'value'; role: CellRole; zh: string; en: string }[] = [
  { cell: 'level3', role: 'indicator.level3', zh: '三级指标', en: 'level-3 indicator' },
  { cell: 'description', role: 'indicator.description', zh: '绩效指标描述', en: 'indicator description' },
  { cell: 'value', role: 'indicator.value', zh: '指标值', en: 'target value' },
];

/**
 * The other cells of the indicator row a finding is about (its 三级指标, the description that may
 * hold the amount, the 指标值), so an editor can jump between them. Read from the AST, not from the rule.
 */
function rowCells(doc: TextDocument, m: LintMessage, document: JxDocument | null, locale: Locale): DiagnosticRelatedInformation[] {
  if (!document || m.projectIndex === null || m.indicatorIndex === null || m.indicatorIndex === undefined) return [];
  const indicator = document.projects.find((p) => p.index === m.projectIndex)?.indicators[m.indicatorIndex];
  if (!indicator) return [];
  const out: DiagnosticRelatedInformation[] = [];
  for (const c of ROW_CELLS) {
    if (c.role === m.role) continue;
    const origin = indicator.cells[c.cell] as { line?: number; column?: number } | null | undefined;
    const text = c.cell === 'value' ? indicator.value.raw : indicator[c.cell];
    if (!origin?.line || !origin.column || !text) continue;
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    out.push({
      location: { uri: doc.uri, range: cellRange(doc, origin.line, origin.column, text.split('\n')[0]).range },
      message: `${locale === 'en' ? c.en : c.zh}${locale === 'en' ? ': ' : '：'}${shown}`,
    });
  }
  return out;
}

/** A Word/HTML file's diagnostics: no text positions, so each message names 表/行/列. */
export function fileDiagnostics(messages: readonly LintMessage[], locale: Locale): Diagnostic[] {
  const range: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const sep = locale === 'en' ? ': ' : '：';
  return messages.map((m) => {
    const place = m.location;
    const d = decorate({ range, message: place ? `${place}${sep}${m.message}` : m.message }, m);
    d.data = { fingerprint: m.fingerprint ?? null, ruleId: m.ruleId, messageId: m.messageId } satisfies Partial<DiagnosticData>;
    return d;
  });
}
