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
import type { Field, Indicator, IndicatorColumn, JxDocument, Origin, Project } from '../ast/types.js';
import type { Locale, LintMessage, LintResult, RuleSummary } from '../engine/types.js';
import {
  WORDS,
  fileAgency,
  helpUriOf,
  projectOf,
  relativePath,
  ruleDescription,
  rulesById,
  severityKey,
  severityWord,
  type SeverityKey,
} from './common.js';
import type { FormatOptions } from './options.js';
import { summarize, type Summary } from './summary.js';

/** Above this many projects in one report, projects without findings are listed but not drawn. */
const MAX_CLEAN_TABLES = 300;

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(
    /[&<>"'`]/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[ch]!,
  );
}

/** Only http(s) links and relative paths survive; anything else (javascript:, data:) is dropped. */
function safeHref(uri: string): string | null {
  if (/^https?:\/\//i.test(uri)) return uri;
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) return null;
  return uri;
}

const TEXT = {
  'zh-CN': {
    title: 'jxlint 绩效目标表检查报告',
    generated: '生成时间',
    files: '文件',
    checked: '已检查',
    failed: '无法读取',
    skipped: '已跳过',
    projects: '项目',
    errors: '错误',
    warnings: '警告',
    infos: '提示',
    byRule: '按规则统计',
    byAgency: '按预算单位统计',
    rule: '规则',
    count: '问题数',
    agency: '预算单位',
    severity: '严重程度',
    allRules: '全部规则',
    noRule: '（解析与读取）',
    onlyMatching: '只显示有匹配问题的项目',
    showing: (shown: number, total: number) => `显示 ${shown} / ${total} 个问题`,
    fileList: '文件列表',
    status: '状态',
    noFindings: '未发现问题',
    documentLevel: '文档级问题',
    found: '原值',
    suggestion: '建议',
    basis: '依据',
    unit: (unit: string) => `单位：${unit}`,
    code: '项目编码',
    name: '项目名称',
    budgetTotal: '预算数',
    budgetFiscal: '其中：财政资金',
    budgetOther: '其他资金',
    purpose: '资金用途',
    spendPlan: '资金支出计划（%）',
    goals: '绩效目标',
    blank: '（空）',
    missing: '（缺）',
    noTable: '未能还原此项目的表格，问题如下：',
    cannotRead: '无法读取',
    cleanProjects: (n: number) => `另有 ${n} 个项目未发现问题`,
    columns: {
      level1: '一级指标',
      level2: '二级指标',
      level3: '三级指标',
      description: '绩效指标描述',
      nature: '指标性质',
      value: '指标值',
      unit: '度量单位',
      basis: '指标值确定依据',
      weight: '权重',
      other: '',
    } as Record<IndicatorColumn, string>,
  },
  en: {
    title: 'jxlint report on performance-target tables',
    generated: 'Generated',
    files: 'Files',
    checked: 'checked',
    failed: 'unreadable',
    skipped: 'skipped',
    projects: 'Projects',
    errors: 'Errors',
    warnings: 'Warnings',
    infos: 'Infos',
    byRule: 'Findings per rule',
    byAgency: 'Findings per agency',
    rule: 'Rule',
    count: 'Findings',
    agency: 'Agency',
    severity: 'Severity',
    allRules: 'All rules',
    noRule: '(reading and parsing)',
    onlyMatching: 'Only projects with matching findings',
    showing: (shown: number, total: number) => `Showing ${shown} of ${total} findings`,
    fileList: 'Files',
    status: 'Status',
    noFindings: 'No problems found',
    documentLevel: 'Document-level findings',
    found: 'Found',
    suggestion: 'Suggestion',
    basis: 'Basis',
    unit: (unit: string) => `Unit: ${unit}`,
    code: 'Project code',
    name: 'Project name',
    budgetTotal: 'Budget',
    budgetFiscal: 'of which fiscal funds',
    budgetOther: 'Other funds',
    purpose: 'Purpose',
    spendPlan: 'Spend plan (%)',
    goals: 'Performance goals',
    blank: '(blank)',
    missing: '(missing)',
    noTable: 'The table of this project could not be drawn; its findings:',
    cannotRead: 'Cannot be read',
    cleanProjects: (n: number) => `${n} more projects without findings`,
    columns: {
      level1: 'Level 1',
      level2: 'Level 2',
      level3: 'Level 3',
      description: 'Description',
      nature: 'Nature',
      value: 'Target value',
      unit: 'Unit',
      basis: 'Basis',
      weight: 'Weight',
      other: '',
    } as Record<IndicatorColumn, string>,
  },
};
type Text = (typeof TEXT)['zh-CN'];

const SEVERITY_RANK: Record<SeverityKey, number> = { error: 3, warning: 2, info: 1 };

interface Finding {
  id: string;
  number: number;
  message: LintMessage;
  sev: SeverityKey;
  /** The id of the highlighted cell, when one was found. */
  cellId: string | null;
}

interface Context {
  locale: Locale;
  t: Text;
  options: FormatOptions;
  rules: Map<string, RuleSummary>;
}

function ruleKey(message: LintMessage): string {
  return message.ruleId ?? '';
}

function originKey(origin: Origin | null | undefined): string | null {
  if (!origin) return null;
  if ('line' in origin) return `L${origin.line}:${origin.column}`;
  if ('table' in origin) return `T${origin.table}:${origin.row}:${origin.col}`;
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

function findingList(findings: Finding[], ctx: Context): string {
  return `<ol class="findings">${findings.map((f) => findingHtml(f, ctx)).join('')}</ol>`;
}

/** Renders one project's table; `cellFor` turns a cell key into attributes and marks. */
class TableBuilder {
  private cellCounter = 0;
  /** cell key (role[:indicatorIndex]) → element id */
  readonly keys = new Map<string, string>();
  /** origin key → cell key */
  readonly origins = new Map<string, string>();
  /** element id → findings */
  readonly findingsByCell = new Map<string, Finding[]>();

  constructor(
    private readonly prefix: string,
    private readonly project: Project,
    private readonly ctx: Context,
  ) {}

  /** Registers a cell for a key (and its origins) and returns its element id. */
  register(key: string, ...origins: (Origin | null | undefined)[]): string {
    let id = this.keys.get(key);
    if (!id) {
      id = `${this.prefix}-c${++this.cellCounter}`;
      this.keys.set(key, id);
    }
    for (const origin of origins) {
      const ok = originKey(origin);
      if (ok && !this.origins.has(ok)) this.origins.set(ok, key);
    }
    return id;
  }

  alias(key: string, target: string): void {
    const id = this.keys.get(target);
    if (id) this.keys.set(key, id);
  }

  /** Finds the element a message points at. */
  locate(message: LintMessage): string | null {
    const role = message.role;
    if (role && role !== 'document' && role !== 'department') {
      const index = message.indicatorIndex;
      if (role.startsWith('indicator')) {
        if (index != null) {
          const exact = this.keys.get(`${role}:${index}`);
          if (exact) return exact;
          const row = this.keys.get(`indicator:${index}`);
          if (row) return row;
        }
      } else {
        const id = this.keys.get(role);
        if (id) return id;
      }
    }
    const ok = originKey(message.origin);
    const key = ok ? this.origins.get(ok) : undefined;
    return key ? (this.keys.get(key) ?? null) : null;
  }

  /** Pre-registers every cell so findings can be assigned before the HTML is written. */
  prepare(columns: IndicatorColumn[]): void {
    const p = this.project;
    this.register('table', p.origin);
    this.register('title', p.fields.title.origin);
    this.register('agency', p.fields.agency.origin);
    this.register('code', p.fields.code.origin);
    this.register('name', p.fields.name.origin);
    this.register('budget.total', p.budget.origin.total);
    this.register('budget.fiscal', p.budget.origin.fiscal);
    this.register('budget.other', p.budget.origin.other);
    this.register('purpose', p.fields.purpose.origin);
    this.register('spendPlan', p.spendPlan.origin, ...p.spendPlan.cellOrigins);
    this.register('goals', p.fields.goals.origin, ...p.goals.map((g) => g.origin));
    let groupStart = 0;
    p.indicators.forEach((indicator, i) => {
      if (!indicator.level1Inherited || i === 0) groupStart = i;
      this.register(`indicator:${i}`, indicator.origin);
      for (const column of columns) {
        const key = `indicator.${column}:${i}`;
        if (column === 'level1' && i !== groupStart) {
          this.alias(key, `indicator.level1:${groupStart}`);
          continue;
        }
        this.register(key, indicator.cells[column]);
      }
    });
  }

  assign(finding: Finding): void {
    const id = this.locate(finding.message);
    finding.cellId = id;
    if (!id) return;
    const list = this.findingsByCell.get(id) ?? [];
    list.push(finding);
    this.findingsByCell.set(id, list);
  }

  /** The id, highlight classes, finding list and numbered markers of a cell. */
  private decorate(key: string): { id: string | null; classes: string[]; findings: string | null; marks: string } {
    const id = this.keys.get(key) ?? null;
    const findings = id ? (this.findingsByCell.get(id) ?? []) : [];
    if (!id || findings.length === 0) return { id, classes: [], findings: null, marks: '' };
    const worst = findings.reduce((a, f) => (SEVERITY_RANK[f.sev] > SEVERITY_RANK[a] ? f.sev : a), 'info' as SeverityKey);
    const marks = findings
      .map((f) => `<a class="mark sev-${f.sev}" href="#${f.id}" data-finding="${f.id}">${f.number}</a>`)
      .join('');
    return {
      id,
      classes: ['hl', `hl-${worst}`],
      findings: findings.map((f) => f.id).join(' '),
      marks: `<span class="marks">${marks}</span>`,
    };
  }

  private attributes(
    key: string | null,
    own: { classes?: string[]; colspan?: number; rowspan?: number },
  ): { attrs: string; marks: string } {
    const decoration = key ? this.decorate(key) : { id: null, classes: [], findings: null, marks: '' };
    const classes = [...(own.classes ?? []), ...decoration.classes];
    let attrs = '';
    if (decoration.id) attrs += ` id="${decoration.id}"`;
    if (classes.length) attrs += ` class="${classes.join(' ')}"`;
    if (own.colspan && own.colspan > 1) attrs += ` colspan="${own.colspan}"`;
    if (own.rowspan && own.rowspan > 1) attrs += ` rowspan="${own.rowspan}"`;
    if (decoration.findings) attrs += ` data-findings="${decoration.findings}"`;
    return { attrs, marks: decoration.marks };
  }

  private cell(
    tag: 'td' | 'th',
    key: string | null,
    content: string,
    own: { classes?: string[]; colspan?: number; rowspan?: number } = {},
  ): string {
    const { attrs, marks } = this.attributes(key, own);
    return `<${tag}${attrs}>${content}${marks}</${tag}>`;
  }

  private text(value: string | null | undefined, missingWord = this.ctx.t.blank): string {
    if (value == null || value.trim() === '') return `<span class="blank">${escapeHtml(missingWord)}</span>`;
    return escapeHtml(value).replace(/\n/g, '<br>');
  }

  render(columns: IndicatorColumn[]): string {
    const { t } = this.ctx;
    const p = this.project;
    const n = Math.max(6, columns.length);
    const rows: string[] = [];
    const th = (label: string) => `<th>${escapeHtml(label)}</th>`;

    const title = `${p.titleOrdinal != null ? `${p.titleOrdinal}、` : ''}${p.title ?? ''}`;
    rows.push(`<tr>${this.cell('th', 'title', this.text(title || null), { colspan: n, classes: ['title'] })}</tr>`);
    rows.push(
      `<tr>${this.cell('td', 'agency', this.text(p.agency ?? p.fields.agency.text), { colspan: n - 2, classes: ['agency'] })}` +
        `<td colspan="2" class="unit">${escapeHtml(t.unit(p.moneyUnit ?? '万元'))}</td></tr>`,
    );
    const codeSpan = Math.floor((n - 2) / 2);
    rows.push(
      `<tr>${th(t.code)}${this.cell('td', 'code', this.text(p.fields.code.text ?? p.code), { colspan: codeSpan })}` +
        `${th(t.name)}${this.cell('td', 'name', this.text(p.fields.name.text ?? p.name), { colspan: n - 2 - codeSpan })}</tr>`,
    );
    const amount = (raw: string | null, value: number | null) => this.text(raw ?? (value != null ? value.toFixed(2) : null));
    rows.push(
      `<tr>${th(t.budgetTotal)}${this.cell('td', 'budget.total', amount(p.budget.totalRaw, p.budget.total), { classes: ['amount'] })}` +
        `${th(t.budgetFiscal)}${this.cell('td', 'budget.fiscal', amount(p.budget.fiscalRaw, p.budget.fiscal), { classes: ['amount'] })}` +
        `${th(t.budgetOther)}${this.cell('td', 'budget.other', amount(p.budget.otherRaw, p.budget.other), { colspan: n - 5, classes: ['amount'] })}</tr>`,
    );
    rows.push(`<tr>${th(t.purpose)}${this.cell('td', 'purpose', this.text(p.purpose ?? p.fields.purpose.text), { colspan: n - 1 })}</tr>`);
    let spend: string;
    if (p.spendPlan.present) {
      const labels = p.spendPlan.labels.length ? p.spendPlan.labels : p.spendPlan.values.map(() => '');
      spend =
        `<table class="inner"><tr>${labels.map((l) => `<th>${escapeHtml(l)}</th>`).join('')}</tr>` +
        `<tr>${labels.map((_, i) => `<td>${this.text(p.spendPlan.values[i]?.raw ?? null)}</td>`).join('')}</tr></table>`;
    } else {
      spend = `<span class="blank">${escapeHtml(t.missing)}</span>`;
    }
    rows.push(`<tr>${th(t.spendPlan)}${this.cell('td', 'spendPlan', spend, { colspan: n - 1, classes: ['spend'] })}</tr>`);
    const goals = p.goals.length ? p.goals.map((g) => `<div>${escapeHtml(g.text)}</div>`).join('') : this.text(p.fields.goals.text);
    rows.push(`<tr>${th(t.goals)}${this.cell('td', 'goals', goals, { colspan: n - 1 })}</tr>`);

    // The indicator grid: the last column absorbs the spare width when there are fewer than n.
    const spare = n - columns.length + 1;
    const header = p.indicatorHeader;
    rows.push(
      `<tr class="ind-head">${columns
        .map((column, c) => {
          const i = header ? header.columns.indexOf(column) : -1;
          const label = (i >= 0 ? header!.labels[i] : '') || t.columns[column];
          return `<th${c === columns.length - 1 && spare > 1 ? ` colspan="${spare}"` : ''}>${escapeHtml(label)}</th>`;
        })
        .join('')}</tr>`,
    );
    const groupSizes = new Map<number, number>(); // first row of a 一级 group → rows in it
    let groupStart = 0;
    p.indicators.forEach((indicator, i) => {
      if (!indicator.level1Inherited || i === 0) groupStart = i;
      groupSizes.set(groupStart, (groupSizes.get(groupStart) ?? 0) + 1);
    });
    p.indicators.forEach((indicator, i) => {
      const row = this.attributes(`indicator:${i}`, { classes: ['ind'] });
      const cells: string[] = [];
      columns.forEach((column, c) => {
        const colspan = c === columns.length - 1 ? spare : 1;
        const isLast = c === columns.length - 1;
        const marks = isLast ? row.marks : '';
        if (column === 'level1') {
          if (!groupSizes.has(i)) return; // covered by the rowspan above
          cells.push(
            this.cell('td', `indicator.level1:${i}`, this.text(indicator.level1) + marks, {
              rowspan: groupSizes.get(i),
              colspan,
              classes: ['level1'],
            }),
          );
          return;
        }
        cells.push(
          this.cell('td', `indicator.${column}:${i}`, this.text(indicatorText(indicator, column)) + marks, {
            colspan,
            classes: column === 'value' ? ['value'] : [],
          }),
        );
      });
      rows.push(`<tr${row.attrs.replace('class="ind hl', 'class="ind row-hl hl')}>${cells.join('')}</tr>`);
    });

    const table = this.attributes('table', { classes: ['jx'] });
    const attrs = table.attrs.replace(/class="jx hl hl-(\w+)"/, 'class="jx table-hl-$1"');
    return `<div class="sheet">${table.marks ? `<div class="table-marks">${table.marks}</div>` : ''}<table${attrs}>${rows.join('')}</table></div>`;
  }
}

function indicatorText(indicator: Indicator, column: IndicatorColumn): string | null {
  switch (column) {
    case 'level1':
      return indicator.level1;
    case 'level2':
      return indicator.level2;
    case 'level3':
      return indicator.level3;
    case 'description':
      return indicator.description;
    case 'value':
      return indicator.value.raw;
    case 'basis':
      return indicator.basis;
    case 'nature':
      return indicator.nature ?? null;
    case 'unit':
      return indicator.unitColumn ?? null;
    default:
      return null;
  }
}

/** The indicator grid columns to draw: the template's, restricted to what the AST carries. */
function indicatorColumns(project: Project): IndicatorColumn[] {
  const drawable: IndicatorColumn[] = ['level1', 'level2', 'level3', 'description', 'nature', 'value', 'unit', 'basis'];
  const fromHeader = project.indicatorHeader?.columns.filter((c, i, all) => drawable.includes(c) && all.indexOf(c) === i);
  if (fromHeader && fromHeader.includes('level3') && fromHeader.includes('value')) return fromHeader;
  const columns: IndicatorColumn[] = ['level1', 'level2', 'level3', 'description'];
  if (project.indicators.some((i) => i.nature != null)) columns.push('nature');
  columns.push('value');
  if (project.indicators.some((i) => i.unitColumn != null)) columns.push('unit');
  columns.push('basis');
  return columns;
}

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

function renderFile(result: LintResult, fileIndex: number, drawCleanTables: boolean, ctx: Context): string {
  const { t } = ctx;
  const prefix = `f${fileIndex + 1}`;
  const path = relativePath(result.filePath, ctx.options.cwd);
  const statusWord = WORDS[ctx.locale].status[result.status];
  const parts: string[] = [];
  parts.push(
    `<section class="file status-${result.status}" id="${prefix}"><h2><span class="path">${escapeHtml(path)}</span>` +
      `<span class="badge status-${result.status}">${escapeHtml(statusWord)}</span>` +
      (result.format ? `<span class="format">${escapeHtml(result.format)}${result.encoding ? ` · ${escapeHtml(result.encoding)}` : ''}</span>` : '') +
      `</h2>`,
  );

  for (const fatal of result.messages.filter((m) => m.fatal)) {
    parts.push(`<div class="fatal"><strong>${escapeHtml(t.cannotRead)}</strong> ${escapeHtml(fatal.message)}</div>`);
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
    parts.push(`<div class="doc-level project" data-project><h3>${escapeHtml(t.documentLevel)}</h3>${findingList(findings, ctx)}</div>`);
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
      parts.push(
        `<details class="project" id="${scope}" data-project${open}><summary><h3>${projectHeading(project.code, project.name, project.index, ctx)}</h3>` +
          `<span class="counts">${messages.length ? countsBadges(findings, ctx) : `<span class="ok">✔ ${escapeHtml(t.noFindings)}</span>`}</span></summary>` +
          `<div class="project-body">${builder.render(columns)}<div class="side">${messages.length ? findingList(findings, ctx) : ''}</div></div></details>`,
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
    parts.push(
      `<details class="project no-table" id="${scope}" data-project open><summary><h3>${projectHeading(
        first.projectCode ?? summary?.code ?? null,
        first.projectName ?? summary?.name ?? null,
        index,
        ctx,
      )}</h3><span class="counts">${countsBadges(findings, ctx)}</span></summary>` +
        (document ? `<p class="note">${escapeHtml(t.noTable)}</p>` : '') +
        `${findingList(findings, ctx)}</details>`,
    );
  }
  if (cleanHidden > 0) parts.push(`<p class="note ok">✔ ${escapeHtml(t.cleanProjects(cleanHidden))}</p>`);
  if (result.status === 'ok' && nonFatal.length === 0 && !document) {
    parts.push(`<p class="note ok">✔ ${escapeHtml(t.noFindings)}</p>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

function renderSummary(summary: Summary, results: LintResult[], ctx: Context): string {
  const { t } = ctx;
  const card = (value: number, label: string, cls = '') =>
    `<div class="card ${cls}"><div class="value">${value}</div><div class="label">${escapeHtml(label)}</div></div>`;
  const cards = [
    card(summary.files.total, t.files),
    card(summary.files.ok, t.checked),
    card(summary.files.failed, t.failed, summary.files.failed ? 'bad' : ''),
    card(summary.files.skipped, t.skipped),
    card(summary.projects, t.projects),
    card(summary.errorCount, t.errors, 'sev-error'),
    card(summary.warningCount, t.warnings, 'sev-warning'),
    card(summary.infoCount, t.infos, 'sev-info'),
  ].join('');

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
    `<section class="summary"><div class="cards">${cards}</div>` +
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

const STYLE = `
:root{--err:#c62828;--err-bg:#fdecea;--warn:#a15c00;--warn-bg:#fff3dc;--info:#1565c0;--info-bg:#e7f0fb;--line:#c9d1dc;--head:#f3f5f8;--ink:#1f2933;--muted:#6b7785;}
*{box-sizing:border-box}
body{margin:0;font:14px/1.6 -apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;color:var(--ink);background:#f6f7f9}
header.top{background:#243447;color:#fff;padding:18px 28px}
header.top h1{margin:0;font-size:20px;font-weight:600}
header.top .meta{margin:4px 0 0;color:#c5d0dc;font-size:13px}
main,.summary{max-width:1400px;margin:0 auto;padding:0 28px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:20px 0}
.card{background:#fff;border:1px solid #e1e6ec;border-radius:8px;padding:10px 16px;min-width:104px}
.card .value{font-size:24px;font-weight:600}
.card .label{color:var(--muted);font-size:12px}
.card.sev-error .value,.card.bad .value{color:var(--err)}.card.sev-warning .value{color:var(--warn)}.card.sev-info .value{color:var(--info)}
.breakdown{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}
.panel{background:#fff;border:1px solid #e1e6ec;border-radius:8px;padding:12px 16px;margin-bottom:16px}
.panel h2{font-size:15px;margin:0 0 8px}
table.list{border-collapse:collapse;width:100%}
table.list th,table.list td{text-align:left;padding:4px 8px;border-bottom:1px solid #edf0f3;vertical-align:top}
table.list th{color:var(--muted);font-weight:500;font-size:12px}
.num{text-align:right!important;font-variant-numeric:tabular-nums}
.desc{color:var(--muted);font-size:12px}
td.sev-error{color:var(--err)}td.sev-warning{color:var(--warn)}td.sev-info{color:var(--info)}
a{color:#1b5fae;text-decoration:none}a:hover{text-decoration:underline}
.badge{display:inline-block;font-size:12px;padding:0 8px;border-radius:10px;background:#e3f4e6;color:#23733a;margin-left:8px;font-weight:500;vertical-align:middle}
.badge.status-failed{background:var(--err-bg);color:var(--err)}.badge.status-skipped{background:#eceff3;color:var(--muted)}
nav.filters{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;align-items:center;gap:14px;background:#fff;border-bottom:1px solid #dde3ea;padding:10px 28px;box-shadow:0 1px 4px rgba(0,0,0,.04)}
.filter-label{color:var(--muted);font-size:12px;margin-right:4px}
.sev-toggle{padding:1px 10px;border-radius:12px;cursor:pointer}
.sev-toggle.sev-error{background:var(--err-bg);color:var(--err)}.sev-toggle.sev-warning{background:var(--warn-bg);color:var(--warn)}.sev-toggle.sev-info{background:var(--info-bg);color:var(--info)}
select{font:inherit;padding:2px 6px;max-width:320px}
#shown-count{margin-left:auto;color:var(--muted);font-size:13px}
section.file{margin:24px 0;background:#fff;border:1px solid #e1e6ec;border-radius:8px;padding:4px 20px 16px}
section.file h2{font-size:16px;margin:12px 0;word-break:break-all}
section.file h2 .format{color:var(--muted);font-weight:400;font-size:12px;margin-left:8px}
.fatal{background:var(--err-bg);color:var(--err);border-left:4px solid var(--err);padding:8px 12px;border-radius:4px;margin:8px 0}
details.project,div.doc-level{border-top:1px solid #edf0f3;padding:6px 0}
details.project>summary{cursor:pointer;display:flex;align-items:center;gap:12px;list-style:none;padding:4px 0}
details.project>summary::-webkit-details-marker{display:none}
details.project>summary::before{content:"▸";color:var(--muted)}details.project[open]>summary::before{content:"▾"}
details.project h3,div.doc-level h3{font-size:15px;margin:0;font-weight:600}
div.doc-level h3{margin:4px 0 8px}
.p-word{color:var(--muted);font-weight:400}.p-code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:13px;background:#eef2f6;border-radius:4px;padding:0 6px}
.counts{display:flex;gap:6px}
.count{font-size:12px;padding:0 8px;border-radius:10px}
.count.sev-error{background:var(--err-bg);color:var(--err)}.count.sev-warning{background:var(--warn-bg);color:var(--warn)}.count.sev-info{background:var(--info-bg);color:var(--info)}
.ok{color:#23733a}.note{color:var(--muted)}
.project-body{display:grid;grid-template-columns:minmax(0,3fr) minmax(300px,2fr);gap:20px;align-items:start;margin-top:8px}
@media (max-width:1000px){.project-body{grid-template-columns:1fr}}
.sheet{overflow:auto;padding:6px}
@media (min-width:1001px){.project-body>.sheet{position:sticky;top:56px;max-height:calc(100vh - 64px)}}
.table-marks{margin-bottom:4px}
table.jx{border-collapse:collapse;width:100%;font-size:13px;background:#fff}
table.jx th,table.jx td{border:1px solid var(--line);padding:4px 6px;vertical-align:middle;position:relative}
table.jx th{background:var(--head);font-weight:500;white-space:nowrap}
table.jx th.title{background:#fff;font-size:15px;font-weight:600;text-align:center;border:none;padding:6px 0 8px}
table.jx td.agency{border-left:none;border-top:none}table.jx td.unit{text-align:right;border-right:none;border-top:none;color:var(--muted)}
table.jx tr.ind-head th{text-align:center}
table.jx td.level1{background:#fafbfc;font-weight:500}
table.jx td.value{white-space:nowrap;font-variant-numeric:tabular-nums}
table.jx .blank{color:#a3adb8;font-size:12px}
table.inner{border-collapse:collapse;width:100%}table.inner th,table.inner td{border:1px solid #e3e8ee;text-align:center;padding:2px 6px}
table.jx.table-hl-error{outline:3px solid var(--err);outline-offset:2px}table.jx.table-hl-warning{outline:3px solid #e0a030;outline-offset:2px}table.jx.table-hl-info{outline:3px solid #6fa3dd;outline-offset:2px}
.hl-error{background:var(--err-bg)!important;box-shadow:inset 0 0 0 2px var(--err)}
.hl-warning{background:var(--warn-bg)!important;box-shadow:inset 0 0 0 2px #e0a030}
.hl-info{background:var(--info-bg)!important;box-shadow:inset 0 0 0 2px #6fa3dd}
tr.row-hl>td{background:inherit}
tr.row-hl.hl-error>td:not([rowspan]){background:var(--err-bg)}tr.row-hl.hl-warning>td:not([rowspan]){background:var(--warn-bg)}tr.row-hl.hl-info>td:not([rowspan]){background:var(--info-bg)}
tr.row-hl{box-shadow:none!important;background:none!important}
.focus{outline:3px solid #243447!important;outline-offset:-1px}
.marks{display:inline-flex;gap:2px;margin-left:4px;vertical-align:super}
.mark,.fnum{display:inline-block;min-width:18px;height:18px;line-height:18px;border-radius:9px;font-size:11px;font-weight:600;text-align:center;color:#fff;padding:0 4px;text-decoration:none!important}
.mark.sev-error,.fnum.sev-error{background:var(--err)}.mark.sev-warning,.fnum.sev-warning{background:#d08a1a}.mark.sev-info,.fnum.sev-info{background:var(--info)}
ol.findings{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
li.finding{border:1px solid #e5e9ee;border-left:4px solid var(--line);border-radius:6px;padding:6px 10px;background:#fff}
li.finding.sev-error{border-left-color:var(--err)}li.finding.sev-warning{border-left-color:#e0a030}li.finding.sev-info{border-left-color:#6fa3dd}
li.finding:target,li.finding.focus{box-shadow:0 0 0 2px #243447}
.finding-head{display:flex;align-items:center;gap:8px;font-size:12px}
.sev-word.sev-error{color:var(--err);font-weight:600}.sev-word.sev-warning{color:var(--warn);font-weight:600}.sev-word.sev-info{color:var(--info);font-weight:600}
.loc{color:var(--muted)}
.msg{margin:2px 0 4px}
dl.details{display:grid;grid-template-columns:auto 1fr;gap:0 8px;margin:0 0 4px;font-size:12px}
dl.details dt{color:var(--muted)}dl.details dd{margin:0}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;background:#f1f3f6;border-radius:3px;padding:0 4px}
.rule{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:12px}
[hidden]{display:none!important}
@media print{nav.filters{display:none}details.project{page-break-inside:avoid}.project-body>.sheet{position:static;max-height:none}}
`;

/** Filters: severity checkboxes and rule select hide findings, their markers and highlights. */
const SCRIPT = `
(function(){
  'use strict';
  var rank={error:3,warning:2,info:1};
  var findings=Array.prototype.slice.call(document.querySelectorAll('li.finding'));
  var cells=Array.prototype.slice.call(document.querySelectorAll('[data-findings]'));
  var marks=Array.prototype.slice.call(document.querySelectorAll('a.mark'));
  var projects=Array.prototype.slice.call(document.querySelectorAll('[data-project]'));
  var boxes=Array.prototype.slice.call(document.querySelectorAll('input[name=severity]'));
  var ruleSelect=document.getElementById('rule-filter');
  var onlyMatching=document.getElementById('only-matching');
  var counter=document.getElementById('shown-count');
  function apply(){
    var sev={};boxes.forEach(function(b){sev[b.value]=b.checked;});
    var rule=ruleSelect?ruleSelect.value:'*';
    var visible={};var shown=0;
    findings.forEach(function(li){
      var ok=!!sev[li.dataset.sev]&&(rule==='*'||li.dataset.rule===rule);
      li.hidden=!ok;if(ok){visible[li.id]=li.dataset.sev;shown++;}
    });
    marks.forEach(function(a){a.hidden=!visible[a.dataset.finding];});
    cells.forEach(function(el){
      var worst='';
      el.dataset.findings.split(' ').forEach(function(id){var s=visible[id];if(s&&(!worst||rank[s]>rank[worst]))worst=s;});
      el.classList.remove('hl-error','hl-warning','hl-info','hl');
      if(el.tagName==='TABLE'){el.classList.remove('table-hl-error','table-hl-warning','table-hl-info');if(worst)el.classList.add('table-hl-'+worst);}
      else if(worst){el.classList.add('hl','hl-'+worst);}
    });
    projects.forEach(function(p){
      var any=p.querySelector('li.finding:not([hidden])');
      p.hidden=!!(onlyMatching&&onlyMatching.checked&&!any);
    });
    if(counter){counter.textContent=counter.dataset.template.replace('{shown}',String(shown));}
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  if(ruleSelect)ruleSelect.addEventListener('change',apply);
  if(onlyMatching)onlyMatching.addEventListener('change',apply);
  findings.forEach(function(li){
    var cell=li.dataset.cell?document.getElementById(li.dataset.cell):null;
    if(!cell)return;
    li.addEventListener('mouseenter',function(){cell.classList.add('focus');});
    li.addEventListener('mouseleave',function(){cell.classList.remove('focus');});
    li.addEventListener('click',function(e){if(e.target.tagName==='A')return;cell.scrollIntoView({block:'center',behavior:'smooth'});});
  });
  apply();
})();
`;

export function formatHtml(results: LintResult[], options: FormatOptions): string {
  const locale = options.locale;
  const t = TEXT[locale];
  const ctx: Context = { locale, t, options, rules: rulesById(options.rules) };
  const summary = summarize(results);
  const totalProjects = results.reduce((n, r) => n + (r.document?.projects.length ?? 0), 0);
  const drawCleanTables = totalProjects <= MAX_CLEAN_TABLES;
  const generatedAt = options.generatedAt ?? new Date().toISOString();

  return [
    '<!DOCTYPE html>',
    `<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="jxlint ${escapeHtml(options.toolVersion)}">`,
    `<title>${escapeHtml(t.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header class="top"><h1>${escapeHtml(t.title)}</h1><p class="meta">${escapeHtml(t.generated)} ${escapeHtml(generatedAt)} · jxlint ${escapeHtml(options.toolVersion)}</p></header>`,
    renderFilters(results, summary, ctx),
    renderSummary(summary, results, ctx),
    '<main>',
    ...results.map((result, i) => renderFile(result, i, drawCleanTables, ctx)),
    '</main>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
