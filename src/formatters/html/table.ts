/**
 * One project drawn as the 绩效目标表 it came from, with the cells findings point at highlighted and
 * numbered (matched by `role` + `indicatorIndex`, falling back to the origin).
 */
import type { Indicator, IndicatorColumn, Origin, Project } from '../../ast/types.js';
import type { LintMessage } from '../../engine/types.js';
import type { SeverityKey } from '../common.js';
import { escapeHtml } from './escape.js';
import { originKey, SEVERITY_RANK, type Context, type Finding } from './findings.js';

/** Renders one project's table; `cellFor` turns a cell key into attributes and marks. */
export class TableBuilder {
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
export function indicatorColumns(project: Project): IndicatorColumn[] {
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
