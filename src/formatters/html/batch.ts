/**
 * The html report of a batch (批量报告): an index page — totals, two charts, findings per rule and
 * per 预算单位, every file with a link — and one page per document, each written as its result
 * arrives. Only a small row per file is kept, so memory does not grow with the documents and the
 * index opens at once whatever the size of the batch. Pure string work: the Node edge
 * (src/node/reports.ts) writes the files.
 */
import type { LintResult } from '../../engine/types.js';
import { WORDS, fatalMessageOf, fileAgency, helpUriOf, relativePath, ruleDescription, type SeverityKey } from '../common.js';
import type { FormatOptions } from '../options.js';
import { SummaryBuilder, summaryInput, type Summary } from '../summary.js';
import { barChart, CHART_STYLE, type Bar } from './chart.js';
import { escapeHtml, safeHref } from './escape.js';
import type { Context } from './findings.js';
import { contextOf, documentPageChunks, pageOpening, summaryCards } from './page.js';
import { STYLE } from './style.js';

/** What the index keeps of one file. */
export interface IndexEntry {
  path: string;
  /** The document page, relative to the index; null when the file has none (unreadable, skipped). */
  href: string | null;
  status: LintResult['status'];
  agency: string | null;
  projects: number;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** Why an unreadable file could not be read. */
  fatal: string | null;
}

/** Bars drawn per chart; the tables below list everything. */
const CHART_BARS = 15;

/** A file name that is safe on every file system and still tells which document it is. */
export function documentPageName(filePath: string, fileIndex: number): string {
  const base = filePath.replace(/\\/g, '/').split('/').pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '');
  const safe = [...stem.replace(/[^\p{L}\p{N}._-]+/gu, '_')].slice(0, 60).join('') || 'document';
  return `${String(fileIndex + 1).padStart(4, '0')}-${safe}.html`;
}

/** Percent-encodes each segment of a relative path for an href. */
export function hrefOf(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

export interface DocumentPage {
  /** File name inside the pages folder. */
  name: string;
  /**
   * The page as text chunks to write in order (its head, then one chunk per project; joined they
   * are `documentPage`'s text). Iterable more than once; `fs.promises.writeFile` takes it as it is,
   * so a page is rendered while it is written and never held as one large string.
   */
  html: Iterable<string>;
}

/**
 * Builds a batch report one result at a time: `add` returns the document page to write (or null),
 * rendered chunk by chunk as it is written; `index` the index page at the end.
 */
export class HtmlBatchReport {
  private readonly summary = new SummaryBuilder();
  private readonly entries: IndexEntry[] = [];
  private readonly ctx: Context;

  /**
   * @param pagesDir the folder of the document pages, relative to the index (`报告.files`)
   * @param indexFromPage the index, relative to a document page (`../报告.html`)
   */
  constructor(
    private readonly options: FormatOptions,
    private readonly pagesDir: string,
    private readonly indexFromPage: string,
  ) {
    this.ctx = contextOf(options);
  }

  get fileCount(): number {
    return this.entries.length;
  }

  add(result: LintResult): DocumentPage | null {
    const fileIndex = this.entries.length;
    this.summary.add(summaryInput(result));
    const fatal = fatalMessageOf(result);
    const options = this.options;
    const indexHref = hrefOf(this.indexFromPage);
    const page: DocumentPage | null =
      result.status === 'ok'
        ? { name: documentPageName(result.filePath, fileIndex), html: { [Symbol.iterator]: () => documentPageChunks(result, fileIndex, options, indexHref) } }
        : null;
    this.entries.push({
      path: relativePath(result.filePath, this.options.cwd),
      href: page ? hrefOf(`${this.pagesDir}/${page.name}`) : null,
      status: result.status,
      agency: fileAgency(result),
      projects: result.projects.length,
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      infoCount: result.infoCount,
      fatal: result.status === 'failed' ? (fatal?.message ?? '') : null,
    });
    return page;
  }

  index(): string {
    return indexPage(this.summary.summary(), this.entries, this.ctx);
  }
}

function legend(ctx: Context): string {
  const item = (sev: SeverityKey, label: string) => `<span><i class="sev-${sev}" style="background:var(--${sev === 'error' ? 'err' : sev === 'warning' ? 'warn' : 'info'})"></i>${escapeHtml(label)}</span>`;
  return `<div class="legend">${item('error', ctx.t.errors)}${item('warning', ctx.t.warnings)}${item('info', ctx.t.infos)}</div>`;
}

function charts(summary: Summary, ctx: Context): string {
  const { t } = ctx;
  const ruleEntries = Object.entries(summary.findingsByRule);
  const ruleBars: Bar[] = ruleEntries.slice(0, CHART_BARS).map(([id, count]) => {
    const description = ruleDescription(ctx.rules.get(id), ctx.locale);
    return { label: id, title: description ? `${id}：${description}` : id, segments: [{ value: count, cls: 'bar' }] };
  });
  const agencyBars: Bar[] = summary.agencies
    .filter((a) => a.findings > 0)
    .slice(0, CHART_BARS)
    .map((a) => ({
      label: a.agency ?? WORDS[ctx.locale].unknownAgency,
      segments: [
        { value: a.errorCount, cls: 'sev-error' },
        { value: a.warningCount, cls: 'sev-warning' },
        { value: a.infoCount, cls: 'sev-info' },
      ],
    }));
  const more = (n: number) => (n > CHART_BARS ? `<p class="desc">${escapeHtml(t.chartMore(n - CHART_BARS))}</p>` : '');
  const agencyCount = summary.agencies.filter((a) => a.findings > 0).length;
  return (
    `<div class="breakdown charts">` +
    `<div class="panel"><h2>${escapeHtml(t.chartByRule)}</h2>${ruleBars.length ? barChart(ruleBars, t.chartByRule) : `<p class="ok">✔ ${escapeHtml(t.noFindings)}</p>`}${more(ruleEntries.length)}</div>` +
    `<div class="panel"><h2>${escapeHtml(t.chartByAgency)}</h2>${legend(ctx)}${agencyBars.length ? barChart(agencyBars, t.chartByAgency) : `<p class="ok">✔ ${escapeHtml(t.noFindings)}</p>`}${more(agencyCount)}</div>` +
    `</div>`
  );
}

function tables(summary: Summary, ctx: Context): string {
  const { t } = ctx;
  const ruleRows = Object.entries(summary.findingsByRule)
    .map(([id, count]) => {
      const rule = ctx.rules.get(id);
      const href = safeHref(helpUriOf(id, rule, ctx.options.rulesDocsBaseUrl));
      const name = href ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(id)}</a>` : escapeHtml(id);
      return `<tr><td class="rule-id">${name}<div class="desc">${escapeHtml(ruleDescription(rule, ctx.locale))}</div></td><td class="num">${count}</td></tr>`;
    })
    .join('');
  const agencyRows = summary.agencies
    .map(
      (a) =>
        `<tr><td>${escapeHtml(a.agency ?? WORDS[ctx.locale].unknownAgency)}</td><td class="num">${a.files}</td><td class="num">${a.projects}</td>` +
        `<td class="num">${a.findings}</td><td class="num sev-error">${a.errorCount || ''}</td>` +
        `<td class="num sev-warning">${a.warningCount || ''}</td><td class="num sev-info">${a.infoCount || ''}</td></tr>`,
    )
    .join('');
  return (
    `<div class="breakdown">` +
    `<div class="panel"><h2>${escapeHtml(t.byRule)}</h2><table class="list" id="by-rule"><thead><tr><th>${escapeHtml(t.rule)}</th><th class="num">${escapeHtml(t.count)}</th></tr></thead><tbody>${ruleRows}</tbody></table></div>` +
    `<div class="panel"><h2>${escapeHtml(t.byAgency)}</h2><table class="list" id="by-agency"><thead><tr><th>${escapeHtml(t.agency)}</th><th class="num">${escapeHtml(t.files)}</th><th class="num">${escapeHtml(t.projects)}</th><th class="num">${escapeHtml(t.count)}</th><th class="num">${escapeHtml(t.errors)}</th><th class="num">${escapeHtml(t.warnings)}</th><th class="num">${escapeHtml(t.infos)}</th></tr></thead><tbody>${agencyRows}</tbody></table></div>` +
    `</div>`
  );
}

function fileList(entries: readonly IndexEntry[], ctx: Context): string {
  const { t } = ctx;
  const rows = entries
    .map((e) => {
      const name = e.href ? `<a class="doc-link" href="${escapeHtml(e.href)}">${escapeHtml(e.path)}</a>` : escapeHtml(e.path);
      return (
        `<tr class="status-${e.status}"><td>${name}${e.agency ? `<div class="desc">${escapeHtml(e.agency)}</div>` : ''}` +
        (e.fatal ? `<div class="fatal-line">${escapeHtml(e.fatal)}</div>` : '') +
        `</td><td><span class="badge status-${e.status}">${escapeHtml(WORDS[ctx.locale].status[e.status])}</span></td>` +
        `<td class="num">${e.projects}</td><td class="num sev-error">${e.errorCount || ''}</td>` +
        `<td class="num sev-warning">${e.warningCount || ''}</td><td class="num sev-info">${e.infoCount || ''}</td></tr>`
      );
    })
    .join('\n');
  return (
    `<div class="panel files-panel"><h2>${escapeHtml(t.fileList)}</h2><p class="desc">${escapeHtml(t.filesNote)}</p>` +
    `<table class="list" id="file-list"><thead><tr><th>${escapeHtml(t.files)}</th><th>${escapeHtml(t.status)}</th><th class="num">${escapeHtml(t.projects)}</th><th class="num">${escapeHtml(t.errors)}</th><th class="num">${escapeHtml(t.warnings)}</th><th class="num">${escapeHtml(t.infos)}</th></tr></thead><tbody>\n${rows}\n</tbody></table></div>`
  );
}

const INDEX_STYLE = `${STYLE}${CHART_STYLE}
.fatal-line{color:var(--err);font-size:12px}
#file-list tbody tr{content-visibility:auto;contain-intrinsic-size:auto 36px}
`;

/** The index page: no script, nothing loaded; the document pages are plain links. */
export function indexPage(summary: Summary, entries: readonly IndexEntry[], ctx: Context): string {
  return [
    pageOpening(ctx.t.title, ctx, { script: false, style: INDEX_STYLE }),
    `<section class="summary">`,
    summaryCards(summary, ctx),
    charts(summary, ctx),
    tables(summary, ctx),
    fileList(entries, ctx),
    `</section>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
