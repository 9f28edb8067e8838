/** A finding as the html report numbers and places it, and its list item beside the table. */
import type { Origin } from '../../ast/types.js';
import type { Locale, LintMessage, RuleSummary } from '../../engine/types.js';
import { helpUriOf, ruleDescription, severityWord, type SeverityKey } from '../common.js';
import type { FormatOptions } from '../options.js';
import { escapeHtml, safeHref } from './escape.js';
import type { Text } from './strings.js';

export const SEVERITY_RANK: Record<SeverityKey, number> = { error: 3, warning: 2, info: 1 };

export interface Finding {
  id: string;
  number: number;
  message: LintMessage;
  sev: SeverityKey;
  /** The id of the highlighted cell, when one was found. */
  cellId: string | null;
}

export interface Context {
  locale: Locale;
  t: Text;
  options: FormatOptions;
  rules: Map<string, RuleSummary>;
}

function ruleKey(message: LintMessage): string {
  return message.ruleId ?? '';
}

export function originKey(origin: Origin | null | undefined): string | null {
  if (!origin) return null;
  if ('line' in origin) return `L${origin.line}:${origin.column}`;
  if ('table' in origin) return `T${origin.table}:${origin.row}:${origin.col}`;
  if ('sheet' in origin) return `S${origin.sheetIndex}:${origin.row}:${origin.col}`;
  return `P${origin.paragraph}`;
}

function findingHtml(finding: Finding, ctx: Context): string {
  const { message, sev } = finding;
  const rule = message.ruleId ? ctx.rules.get(message.ruleId) : undefined;
  const href = message.ruleId ? safeHref(helpUriOf(message.ruleId, rule, ctx.options.rulesDocsBaseUrl)) : null;
  const details: string[] = [];
  if (message.found) details.push(`<dt>${escapeHtml(ctx.t.found)}</dt><dd><code>${escapeHtml(message.found)}</code></dd>`);
  if (message.suggestion) details.push(`<dt>${escapeHtml(ctx.t.suggestion)}</dt><dd><code>${escapeHtml(message.suggestion)}</code></dd>`);
  if (message.basis) details.push(`<dt>${escapeHtml(ctx.t.basis)}</dt><dd>${escapeHtml(message.basis)}</dd>`);
  const ruleHtml = message.ruleId
    ? href
      ? `<a class="rule" href="${escapeHtml(href)}" title="${escapeHtml(ruleDescription(rule, ctx.locale))}" target="_blank" rel="noopener noreferrer">${escapeHtml(message.ruleId)}</a>`
      : `<span class="rule">${escapeHtml(message.ruleId)}</span>`
    : '';
  return (
    `<li class="finding sev-${sev}" id="${finding.id}" data-sev="${sev}" data-rule="${escapeHtml(ruleKey(message))}"` +
    (finding.cellId ? ` data-cell="${finding.cellId}"` : '') +
    `><div class="finding-head"><span class="fnum sev-${sev}">${finding.number}</span>` +
    `<span class="sev-word sev-${sev}">${escapeHtml(severityWord(message.severity, ctx.locale))}</span>` +
    (message.location ? `<span class="loc">${escapeHtml(message.location)}</span>` : '') +
    `</div><p class="msg">${escapeHtml(message.message)}</p>` +
    (details.length ? `<dl class="details">${details.join('')}</dl>` : '') +
    ruleHtml +
    `</li>`
  );
}

export function findingList(findings: Finding[], ctx: Context): string {
  return `<ol class="findings">${findings.map((f) => findingHtml(f, ctx)).join('')}</ol>`;
}
