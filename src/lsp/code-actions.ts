/**
 * Code actions: the rules' fixes (快速修复; unsafe ones labelled and never preferred), fix all safe
 * problems (source.fixAll and source.fixAll.jxlint), fix all of one rule, disable a rule for this
 * file, accept a finding into the baseline, open a rule's docs. Edits come from the diagnostics'
 * data and the library's applyTextFixes; nothing is re-linted to build them.
 */
import { CodeActionKind, TextEdit, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyTextFixes, type LintMessage, type Locale } from '../index.js';
import { SOURCE, type DiagnosticData } from './diagnostics.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.jxlint`;

export const COMMANDS = {
  disableRule: 'jxlint.disableRuleForFile',
  acceptFinding: 'jxlint.acceptFinding',
  openRuleDocs: 'jxlint.openRuleDocs',
} as const;

const isUnsafe = (fix: { safety?: string }) => fix.safety !== 'safe';

/** One edit from the first to the last changed character (undo stays one step, the cursor stays put). */
export function minimalEdit(doc: TextDocument, before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return TextEdit.replace({ start: doc.positionAt(start), end: doc.positionAt(endBefore) }, after.slice(start, endAfter));
}

function kindMatches(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

/** The fields of a lint message applyTextFixes reads, from a diagnostic's data. */
function messageOf(data: DiagnosticData): LintMessage {
  return { ruleId: data.ruleId, line: data.line, column: data.column, found: data.found, fix: data.fix, messageId: data.messageId } as LintMessage;
}

export interface CodeActionInput {
  params: CodeActionParams;
  doc: TextDocument;
  /** The messages of the latest lint of this very version (for fix-all), or null. */
  messages: readonly LintMessage[] | null;
  locale: Locale;
}

export function codeActions({ params, doc, messages, locale }: CodeActionInput): CodeAction[] {
  const zh = locale === 'zh-CN';
  const uri = doc.uri;
  const only = params.context.only;
  const out: CodeAction[] = [];
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && d.data);
  const text = doc.getText();

  if (kindMatches(only, CodeActionKind.QuickFix)) {
    const rulesSeen = new Set<string>();
    for (const d of ours) {
      const data = d.data as DiagnosticData;
      const fix = data.fix;
      // Placed by the library against the text as it is now; a fix whose text changed is not offered.
      const edit = fix ? minimalEdit(doc, text, applyTextFixes(text, [messageOf(data)]).output) : null;
      if (fix && edit) {
        out.push({
          title: `${fix.description}${isUnsafe(fix) ? (zh ? '（不安全）' : ' (unsafe)') : ''}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: !isUnsafe(fix),
          edit: { changes: { [uri]: [edit] } },
        });
      }
      const ruleId = data.ruleId;
      if (!ruleId || rulesSeen.has(ruleId)) continue;
      rulesSeen.add(ruleId);
      const ruleFixes = messages?.filter((m) => m.ruleId === ruleId && m.fix) ?? [];
      if (ruleFixes.length > 1) {
        const outcome = applyTextFixes(text, ruleFixes);
        const edit = minimalEdit(doc, text, outcome.output);
        const unsafe = outcome.applied.some((m) => isUnsafe(m.fix!));
        if (edit) {
          out.push({
            title: zh
              ? `修复本文件中全部 ${ruleId} 问题（${outcome.applied.length} 处）${unsafe ? '（不安全）' : ''}`
              : `Fix all ${ruleId} problems in this file (${outcome.applied.length})${unsafe ? ' (unsafe)' : ''}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: ours.filter((x) => (x.data as DiagnosticData).ruleId === ruleId),
            edit: { changes: { [uri]: [edit] } },
          });
        }
      }
      out.push({
        title: zh ? `在本文件中停用规则 ${ruleId}` : `Disable ${ruleId} for this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: 'disable', command: COMMANDS.disableRule, arguments: [uri, ruleId] },
      });
      out.push({
        title: zh ? `接受此问题（写入基线）` : 'Accept this finding (add it to the baseline)',
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: 'accept', command: COMMANDS.acceptFinding, arguments: [uri, data] },
      });
      out.push({
        title: zh ? `查看规则 ${ruleId} 的说明` : `Open the docs of ${ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: 'docs', command: COMMANDS.openRuleDocs, arguments: [ruleId] },
      });
    }
  }

  // Fix all safe problems: asked for as source.fixAll (editors' "fix all on save") or our own kind.
  const exactFixAll = only?.includes(CodeActionKind.SourceFixAll) && !only.includes(FIX_ALL_KIND);
  const fixAllKind = exactFixAll ? CodeActionKind.SourceFixAll : FIX_ALL_KIND;
  if (messages && kindMatches(only, fixAllKind)) {
    const safe = messages.filter((m) => m.fix && !isUnsafe(m.fix));
    const outcome = applyTextFixes(text, safe);
    const edit = minimalEdit(doc, text, outcome.output);
    if (edit) {
      out.push({
        title: zh ? `修复所有安全问题（${outcome.applied.length} 处）` : `Fix all safe problems (${outcome.applied.length})`,
        kind: fixAllKind,
        edit: { changes: { [uri]: [edit] } },
      });
    }
  }
  return out;
}

/** Diagnostics of a document that carry a fix (for tests and the fix-all count). */
export function fixable(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => (d.data as DiagnosticData | undefined)?.fix);
}
