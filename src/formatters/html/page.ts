/**
 * `html`: one self-contained page an auditor can open or mail — no network, no external fonts,
 * inline CSS and JS under a Content-Security-Policy that forbids loading anything.
 *
 * Sections: summary (files, projects, counts; findings per rule and per 预算单位), filters
 * (severity checkboxes, rule select), the list of files, then per file its projects, each drawn
 * as the 绩效目标表 it came from (from `result.document`) with the faulty cells highlighted and the
 * findings beside it. Messages are matched to cells by `role` + `indicatorIndex`, falling back to
 * the origin. Without a document the findings are listed per project.
 *
 * Everything from the input is escaped: documents are untrusted.
 */
import type { JxDocument } from '../../ast/types.js';
import type { LintMessage, LintResult } from '../../engine/types.js';
import { WORDS, fileAgency, helpUriOf, projectOf, relativePath, ruleDescription, rulesById, severityKey, severityWord, type SeverityKey } from '../common.js';
import type { FormatOptions } from '../options.js';
import { localTime } from '../local-time.js';
import { summarize, type Summary } from '../summary.js';
import { escapeHtml, safeHref } from './escape.js';
import { findingList, type Context, type Finding } from './findings.js';
import { REPORT_SCRIPT } from './script.generated.js';
import { TEXT } from './strings.js';
import { STYLE } from './style.js';
import { indicatorColumns, TableBuilder } from './table.js';

/** Above this many projects in one report, projects without findings are listed but not drawn. */
const MAX_CLEAN_TABLES = 300;

function projectHeading(code: string | null, name: string | null, index: number, ctx: Context): string {
  const label = code ?? `#${index}`;
  return `<span class="p-word">${escapeHtml(WORDS[ctx.locale].project)}</span> <span class="p-code">${escapeHtml(label)}</span> <span class="p-name">${escapeHtml(name ?? '')}</span>`;
}

function countsBadges(findings: Finding[], ctx: Context): string {
  const counts: Record<SeverityKey, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.sev]++;
  return (['error', 'warning', 'info'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `<span class="count sev-${k}">${counts[k]} ${escapeHtml(severityWord(k === 'error' ? 2 : k === 'warning' ? 1 : 0, ctx.locale))}</span>`)
    .join('');
}

/**
 * The section of one file, part by part (its heading, then one part per project): joined with
 * newlines they are the section. A page is written part by part, so it is never one large string.
 */
function* fileParts(result: LintResult, fileIndex: number, drawCleanTables: boolean, ctx: Context): Generator<string> {
  const { t } = ctx;
  const prefix = `f${fileIndex + 1}`;
  const path = relativePath(result.filePath, ctx.options.cwd);
  const statusWord = WORDS[ctx.locale].status[result.status];
  yield (
    `<section class="file status-${result.status}" id="${prefix}"><h2><span class="path">${escapeHtml(path)}</span>` +
      `<span class="badge status-${result.status}">${escapeHtml(statusWord)}</span>` +
      (result.format ? `<span class="format">${escapeHtml(result.format)}${result.encoding ? ` · ${escapeHtml(result.encoding)}` : ''}</span>` : '') +
      `</h2>`
  );

  for (const fatal of result.messages.filter((m) => m.fatal)) {
    yield `<div class="fatal"><strong>${escapeHtml(t.cannotRead)}</strong> ${escapeHtml(fatal.message)}</div>`;
  }

  let counter = 0;
  const makeFinding = (message: LintMessage, scope: string): Finding => ({
    id: `${scope}-m${++counter}`,
    number: counter,
    message,
    sev: severityKey(message.severity),
    cellId: null,
  });

  const nonFatal = result.messages.filter((m) => !m.fatal);
  const documentMessages = nonFatal.filter((m) => m.projectIndex == null);
  const byProject = new Map<number, LintMessage[]>();
  for (const message of nonFatal) {
    if (message.projectIndex == null) continue;
    const list = byProject.get(message.projectIndex) ?? [];
    list.push(message);
    byProject.set(message.projectIndex, list);
  }

  if (documentMessages.length > 0) {
    const findings = documentMessages.map((m) => makeFinding(m, `${prefix}-d`));
    yield `<div class="doc-level project" data-project><h3>${escapeHtml(t.documentLevel)}</h3>${findingList(findings, ctx)}</div>`;
  }

  const document: JxDocument | undefined = result.document;
  const drawn = new Set<number>();
  let cleanHidden = 0;
  if (document) {
    for (const project of document.projects) {
      const messages = byProject.get(project.index) ?? [];
      drawn.add(project.index);
      if (messages.length === 0 && !drawCleanTables) {
        cleanHidden++;
        continue;
      }
      const scope = `${prefix}-p${project.index}`;
      const builder = new TableBuilder(scope, project, ctx);
      const columns = indicatorColumns(project);
      builder.prepare(columns);
      counter = 0;
      const findings = messages.map((m) => makeFinding(m, scope));
      for (const finding of findings) builder.assign(finding);
      const open = messages.length > 0 ? ' open' : '';
      yield (
        `<details class="project" id="${scope}" data-project${open}><summary><h3>${projectHeading(project.code, project.name, project.index, ctx)}</h3>` +
          `<span class="counts">${messages.length ? countsBadges(findings, ctx) : `<span class="ok">✔ ${escapeHtml(t.noFindings)}</span>`}</span></summary>` +
          `<div class="project-body">${builder.render(columns)}<div class="side">${messages.length ? findingList(findings, ctx) : ''}</div></div></details>`
      );
    }
  }
  for (const [index, messages] of [...byProject].sort((a, b) => a[0] - b[0])) {
    if (drawn.has(index)) continue;
    const scope = `${prefix}-p${index}`;
    counter = 0;
    const findings = messages.map((m) => makeFinding(m, scope));
    const first = messages[0];
    const summary = projectOf(result, first);
    yield (
      `<details class="project no-table" id="${scope}" data-project open><summary><h3>${projectHeading(
        first.projectCode ?? summary?.code ?? null,
        first.projectName ?? summary?.name ?? null,
        index,
        ctx,
      )}</h3><span class="counts">${countsBadges(findings, ctx)}</span></summary>` +
        (document ? `<p class="note">${escapeHtml(t.noTable)}</p>` : '') +
        `${findingList(findings, ctx)}</details>`
    );
  }
  if (cleanHidden > 0) yield `<p class="note ok">✔ ${escapeHtml(t.cleanProjects(cleanHidden))}</p>`;
  if (result.status === 'ok' && nonFatal.length === 0 && !document) {
    yield `<p class="note ok">✔ ${escapeHtml(t.noFindings)}</p>`;
  }
  yield '</section>';
}

function renderFile(result: LintResult, fileIndex: number, drawCleanTables: boolean, ctx: Context): string {
  return [...fileParts(result, fileIndex, drawCleanTables, ctx)].join('\n');
}

/** The count cards of a report's summary: files, projects and findings by severity. */
export function summaryCards(summary: Summary, ctx: Context): string {
  const { t } = ctx;
  const card = (value: number, label: string, cls = '') =>
    `<div class="card ${cls}"><div class="value">${value}</div><div class="label">${escapeHtml(label)}</div></div>`;
  return `<div class="cards">${[
    card(summary.files.total, t.files),
    card(summary.files.ok, t.checked),
    card(summary.files.failed, t.failed, summary.files.failed ? 'bad' : ''),
    card(summary.files.skipped, t.skipped),
    card(summary.projects, t.projects),
    card(summary.errorCount, t.errors, 'sev-error'),
    card(summary.warningCount, t.warnings, 'sev-warning'),
    card(summary.infoCount, t.infos, 'sev-info'),
  ].join('')}</div>`;
}

function renderSummary(summary: Summary, results: LintResult[], ctx: Context): string {
  const { t } = ctx;

  const ruleRows = Object.entries(summary.findingsByRule)
    .map(([id, count]) => {
      const rule = ctx.rules.get(id);
      const href = safeHref(helpUriOf(id, rule, ctx.options.rulesDocsBaseUrl));
      const name = href
        ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(id)}</a>`
        : escapeHtml(id);
      return `<tr><td class="rule-id">${name}<div class="desc">${escapeHtml(ruleDescription(rule, ctx.locale))}</div></td><td class="num">${count}</td></tr>`;
    })
    .join('');
  const agencyRows = summary.agencies
    .map(
      (a) =>
        `<tr><td>${escapeHtml(a.agency ?? WORDS[ctx.locale].unknownAgency)}</td><td class="num">${a.projects}</td>` +
        `<td class="num">${a.findings}</td><td class="num sev-error">${a.errorCount || ''}</td>` +
        `<td class="num sev-warning">${a.warningCount || ''}</td><td class="num sev-info">${a.infoCount || ''}</td></tr>`,
    )
    .join('');

  const fileRows = results
    .map((r, i) => {
      const agency = fileAgency(r);
      return (
        `<tr class="status-${r.status}"><td><a href="#f${i + 1}">${escapeHtml(relativePath(r.filePath, ctx.options.cwd))}</a>` +
        (agency ? `<div class="desc">${escapeHtml(agency)}</div>` : '') +
        `</td><td><span class="badge status-${r.status}">${escapeHtml(WORDS[ctx.locale].status[r.status])}</span></td>` +
        `<td class="num">${r.projects.length}</td><td class="num sev-error">${r.errorCount || ''}</td>` +
        `<td class="num sev-warning">${r.warningCount || ''}</td><td class="num sev-info">${r.infoCount || ''}</td></tr>`
      );
    })
    .join('');

  return (
    `<section class="summary">${summaryCards(summary, ctx)}` +
    `<div class="breakdown">` +
    `<div class="panel"><h2>${escapeHtml(t.byRule)}</h2><table class="list"><thead><tr><th>${escapeHtml(t.rule)}</th><th class="num">${escapeHtml(t.count)}</th></tr></thead><tbody>${ruleRows}</tbody></table></div>` +
    `<div class="panel"><h2>${escapeHtml(t.byAgency)}</h2><table class="list"><thead><tr><th>${escapeHtml(t.agency)}</th><th class="num">${escapeHtml(t.projects)}</th><th class="num">${escapeHtml(t.count)}</th><th class="num">${escapeHtml(t.errors)}</th><th class="num">${escapeHtml(t.warnings)}</th><th class="num">${escapeHtml(t.infos)}</th></tr></thead><tbody>${agencyRows}</tbody></table></div>` +
    `</div>` +
    `<div class="panel files-panel"><h2>${escapeHtml(t.fileList)}</h2><table class="list" id="file-list"><thead><tr><th>${escapeHtml(t.files)}</th><th>${escapeHtml(t.status)}</th><th class="num">${escapeHtml(t.projects)}</th><th class="num">${escapeHtml(t.errors)}</th><th class="num">${escapeHtml(t.warnings)}</th><th class="num">${escapeHtml(t.infos)}</th></tr></thead><tbody>${fileRows}</tbody></table></div>` +
    `</section>`
  );
}

function renderFilters(results: LintResult[], summary: Summary, ctx: Context): string {
  const { t } = ctx;
  const total = results.reduce((n, r) => n + r.messages.filter((m) => !m.fatal).length, 0);
  const hasUnruled = results.some((r) => r.messages.some((m) => !m.fatal && !m.ruleId));
  const options = [
    `<option value="*">${escapeHtml(t.allRules)}</option>`,
    ...Object.entries(summary.findingsByRule).map(
      ([id, count]) => `<option value="${escapeHtml(id)}">${escapeHtml(id)} (${count})</option>`,
    ),
    ...(hasUnruled ? [`<option value="">${escapeHtml(t.noRule)}</option>`] : []),
  ].join('');
  const box = (sev: SeverityKey, label: string) =>
    `<label class="sev-toggle sev-${sev}"><input type="checkbox" name="severity" value="${sev}" checked> ${escapeHtml(label)}</label>`;
  return (
    `<nav class="filters" aria-label="filters"><span class="filter-label">${escapeHtml(t.severity)}</span>` +
    box('error', t.errors) +
    box('warning', t.warnings) +
    box('info', t.infos) +
    `<label class="rule-select"><span class="filter-label">${escapeHtml(t.rule)}</span><select id="rule-filter">${options}</select></label>` +
    `<label><input type="checkbox" id="only-matching"> ${escapeHtml(t.onlyMatching)}</label>` +
    `<span id="shown-count" data-total="${total}" data-template="${escapeHtml(t.showing(0, total).replace(/\b0\b/, '{shown}'))}">${escapeHtml(t.showing(total, total))}</span>` +
    `</nav>`
  );
}

/** The CSP of every page: nothing is loaded; the document pages run their inline script, the index none. */
export function contentSecurityPolicy(script: boolean): string {
  return `default-src 'none'; style-src 'unsafe-inline'; script-src ${script ? "'unsafe-inline'" : "'none'"}; img-src data:; base-uri 'none'; form-action 'none'`;
}

/** `<head>` … `<body>` of a report page, with its header bar. */
export function pageOpening(title: string, ctx: Context, opts: { script: boolean; style?: string; nav?: string }): string {
  const { t, options, locale } = ctx;
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(opts.script)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="jxlint ${escapeHtml(options.toolVersion)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${opts.style ?? STYLE}</style>`,
    '</head>',
    '<body>',
    `<header class="top">${opts.nav ?? ''}<h1>${escapeHtml(t.title)}</h1><p class="meta">${escapeHtml(t.generated)} ${escapeHtml(localTime(generatedAt, options.timeZone))} · jxlint ${escapeHtml(options.toolVersion)}</p></header>`,
  ].join('\n');
}

export function contextOf(options: FormatOptions): Context {
  return { locale: options.locale, t: TEXT[options.locale], options, rules: rulesById(options.rules) };
}

/** One self-contained page with every result (a run of one file, or html written to stdout). */
export function formatHtml(results: LintResult[], options: FormatOptions): string {
  const ctx = contextOf(options);
  const summary = summarize(results);
  const totalProjects = results.reduce((n, r) => n + (r.document?.projects.length ?? 0), 0);
  const drawCleanTables = totalProjects <= MAX_CLEAN_TABLES;

  return [
    pageOpening(ctx.t.title, ctx, { script: true }),
    renderFilters(results, summary, ctx),
    renderSummary(summary, results, ctx),
    '<main>',
    ...results.map((result, i) => renderFile(result, i, drawCleanTables, ctx)),
    '</main>',
    `<script>${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The page of one document in a batch report (报告.files/0001-….html): its projects drawn as tables
 * with the findings beside them, the filters, and a link back to the index.
 */
export function documentPage(result: LintResult, fileIndex: number, options: FormatOptions, indexHref: string): string {
  return [...documentPageChunks(result, fileIndex, options, indexHref)].join('');
}

/**
 * The same page as `documentPage`, in chunks to write one after another (its head, then a chunk per
 * project): a batch writes each page without ever holding it as one string, so a large document
 * does not put a megabyte-sized string on the heap.
 */
export function* documentPageChunks(result: LintResult, fileIndex: number, options: FormatOptions, indexHref: string): Generator<string> {
  const ctx = contextOf(options);
  const summary = summarize([result]);
  const path = relativePath(result.filePath, options.cwd);
  const back = `<a class="back" href="${escapeHtml(indexHref)}">← ${escapeHtml(ctx.t.backToIndex)}</a>`;
  yield [pageOpening(`${path} — ${ctx.t.title}`, ctx, { script: true, nav: back }), renderFilters([result], summary, ctx), '<main>', ''].join('\n');
  let first = true;
  for (const part of fileParts(result, fileIndex, true, ctx)) {
    yield first ? part : `\n${part}`;
    first = false;
  }
  yield ['', '</main>', `<script>${REPORT_SCRIPT}</script>`, '</body>', '</html>', ''].join('\n');
}
