/**
 * Hover: on a flagged cell, the rule's docs (what, why, a good example) in Markdown; on any 指标值
 * cell, how jxlint read it (operator, number, unit, kind) — the parse made visible.
 */
import type { Diagnostic, Hover, Position, Range } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import { getRule, renderExample, ruleOneLiner, valueKindName, type JxDocument, type Locale, type Value } from '../index.js';
import type { DiagnosticData } from './diagnostics.js';
import { ruleDocsHref } from './package-info.js';

function contains(range: Range, pos: Position): boolean {
  const { start, end } = range;
  if (pos.line < start.line || pos.line > end.line) return false;
  if (pos.line === start.line && pos.character < start.character) return false;
  if (pos.line === end.line && pos.character > end.character) return false;
  return true;
}

/** The rule's docs in short: what it checks, why, a good example, a link to the full page. */
export function ruleHoverMarkdown(ruleId: string, locale: Locale): string | null {
  const rule = getRule(ruleId);
  if (!rule) return null;
  const zh = locale === 'zh-CN';
  const d = rule.meta.docs;
  const lines = [
    `**${ruleId}** — ${ruleOneLiner(rule, locale)}`,
    '',
    zh ? d.description : `${d.descriptionEn}\n\n${d.description}`,
    '',
    `**${zh ? '为什么' : 'Why'}**：${d.why}`,
    '',
    `**${zh ? '正确示例' : 'Good example'}**`,
    '',
    '```text',
    renderExample(d.good),
    '```',
    '',
    `[${zh ? '规则说明' : 'Rule docs'}](${ruleDocsHref(ruleId)})`,
  ];
  return lines.join('\n');
}

/** How jxlint read a 指标值: operator, number, unit, kind (and 万元 / date parts where known). */
export function valueHoverMarkdown(value: Value, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const none = zh ? '（无）' : '(none)';
  const rows: [string, string][] = [
    [zh ? '运算符' : 'operator', value.op ?? none],
    [zh ? '数字' : 'number', value.number === null ? none : String(value.number)],
    [zh ? '单位' : 'unit', value.unit ?? none],
    [zh ? '类型' : 'kind', `${valueKindName(value.kind, locale)} (\`${value.kind}\`)`],
  ];
  if (value.wan !== undefined) rows.push([zh ? '折合万元' : 'in 万元', String(value.wan)]);
  if (value.date) {
    const { year, month, day, bound } = value.date;
    rows.push([zh ? '日期' : 'date', [year && `${year}年`, month && `${month}月`, day && `${day}日`, bound].filter(Boolean).join(' ')]);
  }
  const title = zh ? `**指标值** \`${value.raw}\` —— jxlint 的读法` : `**Target value** \`${value.raw}\` — as jxlint reads it`;
  return [title, '', zh ? '| 项 | 值 |' : '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`)].join('\n');
}

/** The 指标值 cell under a position (text documents: origins are 1-based line/column). */
export function valueAt(document: JxDocument | null, pos: Position): { value: Value; range: Range } | null {
  if (!document) return null;
  for (const project of document.projects) {
    for (const indicator of project.indicators) {
      const origin = indicator.cells.value as { line?: number; column?: number } | null | undefined;
      if (!origin || origin.line === undefined || origin.column === undefined) continue;
      if (origin.line - 1 !== pos.line) continue;
      const start = origin.column - 1;
      const end = start + Math.max(1, indicator.value.raw.length);
      if (pos.character >= start && pos.character <= end) {
        return { value: indicator.value, range: { start: { line: pos.line, character: start }, end: { line: pos.line, character: end } } };
      }
    }
  }
  return null;
}

export function hoverAt(pos: Position, diagnostics: readonly Diagnostic[], document: JxDocument | null, locale: Locale): Hover | null {
  const parts: string[] = [];
  let range: Range | undefined;
  const seen = new Set<string>();
  for (const d of diagnostics) {
    const ruleId = (d.data as DiagnosticData | undefined)?.ruleId;
    if (!ruleId || seen.has(ruleId) || !contains(d.range, pos)) continue;
    seen.add(ruleId);
    const md = ruleHoverMarkdown(ruleId, locale);
    if (md) parts.push(md);
    range ??= d.range;
  }
  const value = valueAt(document, pos);
  if (value) {
    parts.unshift(valueHoverMarkdown(value.value, locale));
    range = value.range;
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range };
}
