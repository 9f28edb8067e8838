/**
 * CST → AST (chevrotain's recommended split: the parser only recognises, this visitor builds).
 * Cells come back to their source units through token offsets, so every node keeps its origin.
 * The CST is typed by grammar/cst.ts (generated from the grammar). With error recovery on, a
 * node may lack children its rule requires, so every child list is read as possibly absent.
 */
import type { CstNode, IToken } from 'chevrotain';
import type {
  Budget,
  CostItem,
  DepartmentPart,
  Field,
  FieldCodeResidue,
  Goal,
  Indicator,
  IndicatorColumn,
  IndicatorLayout,
  Origin,
  ParseDiagnostic,
  Project,
  SpendPlan,
  TemplateFamily,
  Value,
} from '../src/ast/types.js';
import type {
  AgencyFieldCstNode,
  BudgetFieldCstChildren,
  CodeFieldCstChildren,
  CostBreakdownCstNode,
  GoalsCstNode,
  IndicatorGridCstChildren,
  LongTermGoalsCstNode,
  ProjectTableCstChildren,
  ProjectTableCstNode,
  SpendPlanCstChildren,
  TableCstVisitor,
  ValueCellCstNode,
} from './cst.js';
import { stripFieldCodes } from './field-codes.js';
import * as T from './lexicon.js';
import { tableParser } from './parser.js';
import { type Serialized, type Unit, unitAt } from './serialize.js';
import { columnRole, detectTemplate, normaliseLabel } from './templates.js';
import { parseAmount, parseValue } from './value.js';

export interface BuildContext {
  serialized: Serialized;
  diagnostics: ParseDiagnostic[];
}

/** A cell as the AST sees it: text (null when blank) and where it came from. */
interface CellRef {
  text: string | null;
  origin: Origin;
  unit: Unit;
  token: IToken;
}

/** A labelled field's children: the label token and its value cell. */
interface FieldChildren {
  valueCell?: ValueCellCstNode[];
}

function isToken(x: CstNode | IToken): x is IToken {
  return (x as IToken).tokenType !== undefined;
}

/** The cells of the grid body (the `gridCell` tokens, in source order; recovery's inserted tokens have no offset). */
function gridCells(v: AstVisitor, tokens: IToken[] | undefined): CellRef[] {
  const out: CellRef[] = [];
  for (const token of tokens ?? []) if (!Number.isNaN(token.startOffset)) out.push(v.cell(token));
  return out;
}

/** All tokens under a CST node (or nodes), in source order. */
function tokensIn(nodes: (CstNode | IToken)[] | undefined): IToken[] {
  const out: IToken[] = [];
  const walk = (n: CstNode | IToken) => {
    if (isToken(n)) {
      if (!Number.isNaN(n.startOffset) && n.tokenType) out.push(n);
      return;
    }
    for (const list of Object.values(n.children)) for (const c of list) walk(c);
  };
  for (const n of nodes ?? []) walk(n);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

const BaseVisitor = tableParser.getBaseCstVisitorConstructorWithDefaults();

class AstVisitor extends BaseVisitor implements Partial<TableCstVisitor<unknown, unknown>> {
  ctx!: BuildContext;
  /** The table's tokens in source order when its parse took every one of them into the CST, else null. */
  tableTokens: readonly IToken[] | null = null;

  constructor() {
    super();
    this.validateVisitor();
  }

  cell(token: IToken): CellRef {
    const unit = unitAt(this.ctx.serialized, token.startOffset);
    const blank = token.tokenType === T.Blank || unit.text === '';
    return { text: blank ? null : unit.text, origin: unit.origin, unit, token };
  }

  cells(nodes: (CstNode | IToken)[] | undefined): CellRef[] {
    return tokensIn(nodes).map((t) => this.cell(t));
  }

  /** The cells of a list of `valueCell` nodes (already in source order). */
  valueCells(nodes: ValueCellCstNode[] | undefined): CellRef[] {
    const out: CellRef[] = [];
    for (const node of nodes ?? []) {
      const token = node.children.AnyText?.[0] ?? node.children.Blank?.[0];
      if (token && !Number.isNaN(token.startOffset)) out.push(this.cell(token));
    }
    return out;
  }

  /** The value cell following a label, or a blank field when the table ends first. */
  field(node: { children: FieldChildren } | undefined): Field {
    return node ? this.fieldOf(node.children) : { text: null, origin: null };
  }

  fieldOf(children: FieldChildren): Field {
    const c = this.valueCells(children.valueCell)[0];
    return c ? { text: c.text, origin: c.origin } : { text: null, origin: null };
  }

  // CST visitor methods, one per grammar rule that carries meaning (named as in parser.ts).

  /** 项目编码 <code> */
  codeField(children: CodeFieldCstChildren): Field {
    return this.fieldOf(children);
  }

  projectTable(children: ProjectTableCstChildren, index: number): Project {
    return buildProject(this, children, index);
  }

  budgetField(children: BudgetFieldCstChildren): { key: 'total' | 'fiscal' | 'other' | null; field: Field; labelOrigin: Origin | null } {
    const label = (children.BudgetTotalLabel ?? children.FiscalFundsLabel ?? children.OtherFundsLabel)?.[0];
    const key = children.BudgetTotalLabel ? 'total' : children.FiscalFundsLabel ? 'fiscal' : children.OtherFundsLabel ? 'other' : null;
    return { key, field: this.fieldOf(children), labelOrigin: label ? this.cell(label).origin : null };
  }

  spendPlan(children: SpendPlanCstChildren): SpendPlan {
    return buildSpendPlan(this, children);
  }

  indicatorGrid(children: IndicatorGridCstChildren, param: { projectIndex: number; family: TemplateFamily }): Grid {
    return buildGrid(this, children, param.projectIndex, param.family);
  }
}

let sharedVisitor: AstVisitor | null = null;

/**
 * The AST of one project table from its CST. `tokens`: the tokens the table was parsed from, when the
 * parse reported no error — it then consumed every one of them, so they are the CST's tokens in
 * source order, and the whole-table walk for them is not needed.
 */
export function visitProjectTable(cst: ProjectTableCstNode, index: number, ctx: BuildContext, tokens: readonly IToken[] | null = null): Project {
  sharedVisitor ??= new AstVisitor();
  sharedVisitor.ctx = ctx;
  sharedVisitor.tableTokens = tokens;
  let project: Project;
  try {
    project = sharedVisitor.visit(cst, index) as Project;
  } finally {
    sharedVisitor.tableTokens = null;
  }
  const start = cst.location?.startOffset;
  project.origin = start !== undefined && !Number.isNaN(start) ? unitAt(ctx.serialized, start).origin : null;
  return project;
}

/** Every token of a project table, in source order. */
function allTokens(children: ProjectTableCstChildren): IToken[] {
  return tokensIn(Object.values(children).flat() as (CstNode | IToken)[]);
}

/** "单位：万元" (or 金额单位：元 …) closing a header line, after white space: group 1 is the unit. */
const MONEY_UNIT_AT_END = /(?:^|\s)(?:金额)?单位[:：]\s*(万元|千元|亿元|元)$/;

/** Four blank month cells: what a table without a 资金支出计划 holds ("spendPlan is four nulls"). */
export function absentSpendPlan(): SpendPlan {
  return {
    present: false,
    labels: [],
    values: [0, 1, 2, 3].map(() => parseValue(null)),
    percentHeader: false,
    origin: null,
    cellOrigins: [null, null, null, null],
  };
}

function buildProject(v: AstVisitor, children: ProjectTableCstChildren, index: number): Project {
  const fieldCodes: FieldCodeResidue[] = [];
  const tokens = v.tableTokens ?? allTokens(children);
  const template = detectTemplate(tokens, (t) => v.cell(t).text ?? '');

  // Title: "1、…绩效目标表 TC 9、… \f C \l 1"
  let title: string | null = null;
  let titleOrdinal: number | null = null;
  let titleField: Field = { text: null, origin: null };
  const titleToken = children.Title?.[0];
  if (titleToken) {
    const c = v.cell(titleToken);
    const stripped = stripFieldCodes(c.text ?? '', c.origin);
    fieldCodes.push(...stripped.residues);
    const m = /^(\d+)\s*[、.．]\s*/.exec(stripped.text);
    titleOrdinal = m ? Number(m[1]) : null;
    title = m ? stripped.text.slice(m[0].length) : stripped.text;
    titleField = { text: title, origin: c.origin };
  }

  // Header cells outside labelled fields: 预算单位 line and 单位：万元.
  let agency: Field = { text: null, origin: null };
  let moneyUnit: string | null = null;
  for (const c of v.cells(children.stray)) {
    if (c.token.tokenType === T.AgencyLine && agency.text === null) {
      // "205001县教育局　　　　单位：万元": the agency and the money unit on one line.
      const unitAtEnd = c.text ? MONEY_UNIT_AT_END.exec(c.text) : null;
      agency = { text: unitAtEnd ? c.text!.slice(0, unitAtEnd.index).trimEnd() : c.text, origin: c.origin };
      if (unitAtEnd && moneyUnit === null) moneyUnit = unitAtEnd[1]!;
    } else if (c.token.tokenType === T.MoneyUnit && moneyUnit === null) moneyUnit = /(万元|千元|亿元|元)/.exec(c.text ?? '')?.[1] ?? null;
    // "填报单位：…    单位：元": the money unit at the end of a header line.
    else if (moneyUnit === null) moneyUnit = MONEY_UNIT_AT_END.exec(c.text ?? '')?.[1] ?? null;
  }
  const labelled = labelledAgency(v, children.agencyField);
  if (agency.text === null && labelled.agency) agency = labelled.agency;
  const agencyMatch = agency.text ? /^(\d{6})\s*(.+)$/.exec(agency.text) : null;

  const code: Field = children.codeField ? v.visit(children.codeField[0]) : { text: null, origin: null };
  const name = v.field(children.nameField?.[0]);

  const budget = buildBudget(v, children, moneyUnit);
  const purpose = buildPurpose(v, children);
  const spendPlan: SpendPlan = children.spendPlan ? v.visit(children.spendPlan[0]) : absentSpendPlan();
  const { goals, field: goalsField } = buildGoals(v, children.goals);
  const { goals: longTermGoals } = buildGoals(v, children.longTermGoals);
  const period = children.periodField?.[0] ? v.field(children.periodField[0]) : null;

  // Indicator blocks: the annual grid(s) and a 长期绩效指标 block.
  let annual: Grid | null = null;
  const longTerm: Indicator[] = [];
  for (const node of children.indicatorGrid ?? []) {
    const grid: Grid = v.visit(node, { projectIndex: index, family: template });
    if (node.children.LongTermIndicatorsLabel) longTerm.push(...grid.indicators);
    else if (annual === null) annual = grid;
    else annual.indicators.push(...grid.indicators);
  }
  annual ??= { header: null, indicators: [] };

  const project: Project = {
    index,
    template,
    code: code.text,
    name: name.text,
    agency: agency.text,
    agencyCode: agencyMatch ? agencyMatch[1] : labelled.code,
    title,
    titleOrdinal,
    moneyUnit,
    budget,
    purpose: purpose.text,
    spendPlan,
    goals,
    longTermGoals,
    indicatorHeader: annual.header,
    indicators: annual.indicators,
    longTermIndicators: longTerm,
    costBreakdown: (children.costBreakdown ?? []).flatMap((node) => buildCostBreakdown(v, node, moneyUnit)),
    layout: detectIndicatorLayout(annual.indicators),
    fieldCodes,
    origin: null, // set by visitProjectTable from the CST's location
    fields: { code, name, purpose, goals: goalsField, agency, title: titleField },
  };
  if (period) project.implementationPeriod = period.text;
  return project;
}

/**
 * The agency from labelled fields: 预算单位 / 预算部门 first, then 实施单位, then 主管部门; and the
 * 主管部门编码 (2016 template).
 */
function labelledAgency(v: AstVisitor, nodes: AgencyFieldCstNode[] | undefined): { agency: Field | null; code: string | null } {
  let agency: Field | null = null;
  let rank = Infinity;
  let code: string | null = null;
  for (const node of nodes ?? []) {
    const c = node.children;
    const value = v.fieldOf(c);
    if (c.AgencyCodeLabel) {
      code ??= value.text;
      continue;
    }
    const label = normaliseLabel(v.cell((c.AgencyLabel ?? c.DepartmentLabel)![0]).text ?? '');
    const r = c.DepartmentLabel ? 2 : label === '实施单位' ? 1 : 0;
    if (r < rank && value.text !== null) {
      agency = value;
      rank = r;
    }
  }
  return { agency, code };
}

type BudgetKey = 'total' | 'fiscal' | 'other' | 'superior';

/** One cell of the budget part, as the budget reader sees it. */
type BudgetItem =
  | { kind: 'label'; key: BudgetKey | 'sum'; cell: CellRef }
  | { kind: 'section'; cell: CellRef }
  | { kind: 'inline'; key: BudgetKey; raw: string; cell: CellRef }
  | { kind: 'value'; cell: CellRef }
  | { kind: 'break' };

const INLINE_KEYS: [RegExp, BudgetKey][] = [
  [/^(?:年度资金总额|资金总额|预算金额|预算数)$/, 'total'],
  [/^(?:财政拨款|财政资金)$/, 'fiscal'],
  [/^其他资金$/, 'other'],
  [/^上级资金$/, 'superior'],
];

function budgetItem(c: CellRef): BudgetItem {
  const type = c.token.tokenType;
  if (type === T.BudgetTotalLabel) return { kind: 'label', key: 'total', cell: c };
  if (type === T.BudgetSumLabel) return { kind: 'label', key: 'sum', cell: c };
  if (type === T.FiscalFundsLabel) return { kind: 'label', key: 'fiscal', cell: c };
  if (type === T.OtherFundsLabel) return { kind: 'label', key: 'other', cell: c };
  if (type === T.SuperiorFundsLabel) return { kind: 'label', key: 'superior', cell: c };
  if (type === T.BudgetSectionLabel) return { kind: 'section', cell: c };
  if (type === T.InlineBudgetAmount) {
    const m = /^(.*?)[:：]\s*(.*)$/.exec((c.text ?? '').replace(/^其[\s\u3000]*中[\s\u3000]*[:：]?[\s\u3000]*/, ''));
    const label = normaliseLabel(m?.[1] ?? '');
    const key = INLINE_KEYS.find(([re]) => re.test(label))?.[1];
    if (m && key) return { kind: 'inline', key, raw: m[2].trim(), cell: c };
    return { kind: 'value', cell: c };
  }
  if (type === T.Blank || type === T.Text || type === T.MonthEndLabel) return { kind: 'value', cell: c };
  return { kind: 'break' };
}

/**
 * 预算规模: the amounts, whichever labels the template uses and however they are arranged —
 * label | value pairs (in one row or one pair a row), a row of labels over a row of values
 * (年度资金总额 | 其中：财政拨款 | 其他资金 over 100 | 80 | 20, with a merged section cell on the left),
 * or label and amount in one cell ("资金总额：2.00"). Read from the table's cells in order, so
 * every layout, with or without known row ends, reads the same.
 */
function buildBudget(v: AstVisitor, children: ProjectTableCstChildren, moneyUnit: string | null): Budget {
  const budget: Budget = {
    total: null,
    fiscal: null,
    other: null,
    totalRaw: null,
    fiscalRaw: null,
    otherRaw: null,
    origin: { total: null, fiscal: null, other: null },
  };
  const tokens = tokensIn([
    ...(children.Title ?? []),
    ...(children.codeField ?? []),
    ...(children.nameField ?? []),
    ...(children.agencyField ?? []),
    ...(children.periodField ?? []),
    ...(children.budgetBlock ?? []),
    ...(children.budgetField ?? []),
    ...(children.purposeField ?? []),
    ...(children.stray ?? []),
  ]);
  const items = tokens.map((t) => budgetItem(v.cell(t)));
  let unit = moneyUnit ?? '万元';
  /** Which cell each amount came from; a blank one gives way to a later filled one. */
  const filled = new Set<BudgetKey>();
  const assign = (label: BudgetKey | 'sum', raw: string | null, origin: Origin | null) => {
    const key: BudgetKey = label === 'sum' ? 'total' : label;
    const blank = raw === null || raw.trim() === '';
    if (filled.has(key)) return;
    if (key === 'superior') {
      if (budget.origin.superior !== undefined && blank) return;
      budget.superior = parseAmount(raw, unit);
      budget.superiorRaw = blank ? null : raw;
      budget.origin.superior = origin;
    } else {
      if (budget.origin[key] !== null && blank) return;
      budget[key] = parseAmount(raw, unit);
      budget[`${key}Raw`] = blank ? null : raw;
      budget.origin[key] = origin;
    }
    if (!blank) filled.add(key);
  };

  let labels: Extract<BudgetItem, { kind: 'label' }>[] = [];
  let sectionBefore = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'break') {
      labels = [];
      sectionBefore = false;
    } else if (item.kind === 'section') {
      if (/[（(]元[)）]/.test(item.cell.text ?? '')) unit = '元';
      labels = [];
      sectionBefore = true;
    } else if (item.kind === 'inline') {
      assign(item.key, item.raw, item.cell.origin);
      labels = [];
    } else if (item.kind === 'label') {
      // 预算金额（元）: the label gives the unit of its amount.
      const labelUnit = /[（(](万元|元)[)）]\s*[:：]?$/.exec(item.cell.text ?? '')?.[1];
      if (labelUnit) unit = labelUnit;
      labels.push(item);
    } else {
      const values: CellRef[] = [];
      while (i < items.length && items[i].kind === 'value') values.push((items[i++] as { cell: CellRef }).cell);
      i--;
      if (labels.length > 0) pairBudgetCells(labels, values, sectionBefore, assign);
      labels = [];
      sectionBefore = false;
    }
  }
  // Labels with no value at all still say where the amount belongs.
  for (const item of items) {
    if (item.kind !== 'label') continue;
    const key: BudgetKey = item.key === 'sum' ? 'total' : item.key;
    if (key === 'superior' ? budget.origin.superior === undefined : budget.origin[key] === null) assign(item.key, null, item.cell.origin);
  }
  return budget;
}

/** Pairs a run of budget labels with the value cells that follow it. */
function pairBudgetCells(
  labels: { key: BudgetKey | 'sum'; cell: CellRef }[],
  values: CellRef[],
  sectionBefore: boolean,
  assign: (key: BudgetKey | 'sum', raw: string | null, origin: Origin | null) => void,
): void {
  const last = labels[labels.length - 1];
  const rowsKnown = values.every((c) => c.unit.rowKey !== undefined) && last.cell.unit.rowKey !== undefined;
  // label | value: the value is the next cell (in the same row when rows are known).
  if (labels.length === 1 || (rowsKnown && values[0].unit.rowKey === last.cell.unit.rowKey)) {
    assign(last.key, values[0].text, values[0].origin);
    return;
  }
  // A row of labels over a row of values.
  let row = values;
  if (rowsKnown) {
    const next = values[0].unit.rowKey;
    row = values.filter((c) => c.unit.rowKey === next);
    while (row.length > labels.length && row[0].text === null) row = row.slice(1);
  } else {
    if (sectionBefore && row.length > labels.length && row[0].text === null) row = row.slice(1);
    row = row.slice(0, labels.length);
  }
  labels.forEach((l, k) => {
    const cell = row[k];
    if (cell) assign(l.key, cell.text, cell.origin);
  });
}

/** 项目预算成本构成 (湖北): its header row, then one row per cost item; the 合计 row is not an item. */
function buildCostBreakdown(v: AstVisitor, node: CostBreakdownCstNode, moneyUnit: string | null): CostItem[] {
  const cells = v.valueCells(node.children.valueCell);
  let k = 0;
  while (k < cells.length && cells[k].text === null && cells[k + 1]?.token.tokenType === T.CostHeader) k++;
  const header: CellRef[] = [];
  while (k < cells.length && cells[k].token.tokenType === T.CostHeader) header.push(cells[k++]);
  const body = cells.slice(k);
  const labels = header.length > 0 ? header.map((c) => normaliseLabel(c.text ?? '')) : ['成本项目', '金额', '测算依据'];
  const width = labels.length;

  const rows: CellRef[][] = [];
  const rowsKnown = body.length > 0 && body.every((c) => c.unit.rowKey !== undefined);
  if (rowsKnown) {
    for (const cell of body) {
      const last = rows[rows.length - 1];
      if (last && last[0].unit.rowKey === cell.unit.rowKey) last.push(cell);
      else rows.push([cell]);
    }
  } else {
    // The block's label column is merged down the rows: each row opens with its blank cell. A cell
    // of several paragraphs (one line each in LibreOffice's text) is joined back into its 测算依据.
    const lead = body[0]?.text === null ? 1 : 0;
    const step = width + lead;
    const amountAt = labels.findIndex((l) => /^金额/.test(l));
    const basisAt = labels.findIndex((l) => /测算/.test(l));
    const itemAt = Math.max(0, labels.findIndex((l) => /成本项目/.test(l)));
    /** A row opens at `i`: the label column's blank, a named item, an amount (or a blank one). */
    const opensRow = (i: number) => {
      if (i >= body.length) return true;
      if (lead === 1 && body[i].text !== null) return false;
      const item = body[i + lead + itemAt]?.text;
      if (!item || parseAmount(item) !== null) return false;
      const amount = amountAt < 0 ? undefined : body[i + lead + amountAt];
      return amount === undefined || amount.text === null || parseAmount(amount.text) !== null;
    };
    let i = 0;
    while (i + step <= body.length) {
      let extra = 0;
      if (!opensRow(i + step) && basisAt >= 0) extra = [1, 2, 3].find((k) => i + step + k <= body.length && opensRow(i + step + k) && opensRow(i + 2 * step + k)) ?? 0;
      let row = body.slice(i, i + step + extra);
      if (extra > 0) {
        const at = lead + basisAt;
        const joined: CellRef = { ...row[at], text: row.slice(at, at + extra + 1).map((c) => c.text ?? '').join('\n') };
        row = [...row.slice(0, at), joined, ...row.slice(at + extra + 1)];
      }
      rows.push(row);
      i += step + extra;
    }
  }

  const items: CostItem[] = [];
  for (let row of rows) {
    if (row.length === width + 1 && row[0].text === null) row = row.slice(1);
    if (row.every((c) => c.text === null)) continue;
    const item: CostItem = { item: null, amount: null, amountRaw: null, basis: null, priorYears: [], origin: row[0].origin };
    labels.forEach((l, i) => {
      const cell = row[i];
      const text = cell?.text ?? null;
      if (/实际执行数/.test(l)) item.priorYears.push({ label: header[i]?.text ?? l, amount: parseAmount(text, moneyUnit ?? '万元'), raw: text });
      else if (/^金额/.test(l)) {
        item.amount = parseAmount(text, moneyUnit ?? '万元');
        item.amountRaw = text;
      } else if (/测算/.test(l)) item.basis = text;
      else if (/成本项目/.test(l)) {
        item.item = text;
        if (cell) item.origin = cell.origin;
      }
    });
    if (/^(?:合计|小计|总计)$/.test((item.item ?? '').replace(/\s/g, ''))) continue;
    items.push(item);
  }
  return items;
}

function buildPurpose(v: AstVisitor, children: ProjectTableCstChildren): Field {
  const labelled = children.purposeField?.[0];
  if (labelled) return v.field(labelled);
  for (const block of children.budgetBlock ?? []) {
    const row = block.children.purposeRow?.[0];
    if (!row) continue;
    const cells = v.cells([row]);
    const text = cells.find((c) => c.token.tokenType !== T.Blank);
    if (text) return { text: text.text, origin: text.origin };
    const last = cells[cells.length - 1];
    return { text: null, origin: last?.origin ?? null };
  }
  return { text: null, origin: null };
}

function buildSpendPlan(v: AstVisitor, c: SpendPlanCstChildren): SpendPlan {
  const label = v.cell(c.SpendPlanLabel[0]);
  const months = (c.MonthEndLabel ?? []).map((t) => v.cell(t));
  const percentHeader = /[%％]/.test(label.text ?? '');
  let cells = v.valueCells(c.valueCell);
  // With known rows, the values are the row after the month labels.
  const monthRow = months[months.length - 1]?.unit.rowKey;
  if (monthRow !== undefined) {
    const nextRow = cells.find((x) => x.unit.rowKey !== undefined && x.unit.rowKey > monthRow)?.unit.rowKey;
    cells = cells.filter((x) => x.unit.rowKey === nextRow);
  }
  // The value row opens with the merged label cell(s): drop leading blanks beyond the month count.
  while (cells.length > months.length && cells[0].text === null) cells = cells.slice(1);
  cells = cells.slice(0, months.length);
  const values: Value[] = [];
  const cellOrigins: (Origin | null)[] = [];
  for (let i = 0; i < months.length; i++) {
    const cell = cells[i];
    values.push(parseValue(cell?.text ?? null, { percentHeader }));
    cellOrigins.push(cell?.origin ?? null);
  }
  return { present: true, labels: months.map((m) => m.text ?? ''), values, percentHeader, origin: label.origin, cellOrigins };
}

function buildGoals(v: AstVisitor, nodes: (GoalsCstNode | LongTermGoalsCstNode)[] | undefined): { goals: Goal[]; field: Field } {
  const goals: Goal[] = [];
  let field: Field = { text: null, origin: null };
  for (const node of nodes ?? []) {
    const c = node.children;
    const cells = v.valueCells(c.valueCell);
    const label = 'GoalsLabel' in c ? c.GoalsLabel : c.LongTermGoalsLabel;
    if (field.origin === null) field = { text: null, origin: cells[0]?.origin ?? v.cell(label[0]).origin };
    for (const cell of cells) {
      if (cell.text === null) continue;
      if (field.text === null) field = { text: cell.text, origin: cell.origin };
      else field.text += '\n' + cell.text;
      for (const line of cell.text.split('\n')) {
        for (const item of goalItems(line)) goals.push({ text: item, origin: cell.origin });
      }
    }
  }
  return { goals, field };
}

/** Where the next numbered item of a goals line starts: "…；2、…" (not "2.5万人"). */
const NEXT_GOAL_ITEM = /(?<=[；;。])\s*(?=(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．](?!\d))/;

/** The goal items of one line: numbered items written in one paragraph ("1、…；2、…", "①…②…") are split. */
export function goalItems(line: string): string[] {
  const text = line.trim();
  if (text === '') return [];
  if (/^[①-⑳]/.test(text)) {
    return text
      .split(/(?=[①-⑳])/)
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }
  if (!/^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．](?!\d)/.test(text)) return [text];
  return text
    .split(NEXT_GOAL_ITEM)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

interface Grid {
  header: Project['indicatorHeader'];
  indicators: Indicator[];
}

function buildGrid(v: AstVisitor, c: IndicatorGridCstChildren, projectIndex: number, family: TemplateFamily): Grid {
  let headerTokens = tokensIn([
    ...(c.Level1Header ?? []),
    ...(c.Level2Header ?? []),
    ...(c.Level3Header ?? []),
    ...(c.SecondaryHeader ?? []),
  ]);
  let body = gridCells(v, c.gridCell);
  // Where the source knows its rows, the header is the row of 一级指标: header-like cells after
  // it (a 备注 in the first body row) belong to the body.
  const headerRow = headerTokens.length ? v.cell(headerTokens[0]).unit.rowKey : undefined;
  if (headerRow !== undefined) {
    const spill = headerTokens.filter((t) => v.cell(t).unit.rowKey !== headerRow);
    if (spill.length > 0) {
      headerTokens = headerTokens.filter((t) => v.cell(t).unit.rowKey === headerRow);
      body = [...spill.map((t) => v.cell(t)), ...body];
    }
  }
  const labels = headerTokens.map((t) => v.cell(t).text ?? '');
  const columns: IndicatorColumn[] = headerTokens.map((t, i) => columnRole(T.headerRole.get(t.tokenType) ?? 'other', labels[i], family, labels));
  const width = columns.length;
  // A merged label column left of the grid (绩效指标 / 年度绩效指标) gives every body row one leading
  // cell; a label in a row of its own above the header does not.
  const blockLabel = (c.IndicatorsLabel ?? c.AnnualIndicatorsLabel ?? c.LongTermIndicatorsLabel)?.[0];
  const labelRow = blockLabel ? v.cell(blockLabel).unit.rowKey : undefined;
  const leadingLabelColumn = blockLabel !== undefined && (labelRow === undefined || headerRow === undefined || labelRow === headerRow);
  // Rows of another Word table (an appended 附表) are not indicator rows.
  const gridTable = headerTokens.length ? v.cell(headerTokens[0]).unit.tableKey : undefined;
  const outside = body.filter((x) => x.unit.rowKey !== undefined && x.unit.tableKey !== gridTable);
  if (gridTable !== undefined && outside.length > 0) {
    body = body.filter((x) => !outside.includes(x));
    const first = outside[0];
    v.ctx.diagnostics.push({
      code: 'table-after-grid',
      severity: 'info',
      message: `第${projectIndex}张表的指标表之后还有另一张表格（${outside.length} 个单元格），未作为绩效指标读取`,
      messageEn: `Table ${projectIndex}: another table follows the indicator grid (${outside.length} cells); it was not read as indicators`,
      origin: first.origin,
      projectIndex,
    });
  }

  /** Blank cells a text export dropped at the end of the file (they belong to the last row). */
  let trailingBlanks = 0;
  // Rows: by the source's row structure when it has one, else by the header's width (plus the
  // label column's blank cell when the cells say the rows carry one).
  const rows: CellRef[][] = [];
  if (body.length > 0 && body.every((x) => x.unit.rowKey !== undefined)) {
    let key: number | undefined;
    for (const cell of body) {
      if (cell.unit.rowKey !== key) {
        rows.push([]);
        key = cell.unit.rowKey;
      }
      rows[rows.length - 1].push(cell);
    }
  } else {
    const step = leadingLabelColumn ? unmarkedRowWidth(body, columns) : width;
    rows.push(...unmarkedRows(body, columns, step));
    const last = rows[rows.length - 1];
    // A text export drops the blank cells that end the file; a last row that has its 指标值 is whole.
    const valueAt = columns.indexOf('value') + (step - width);
    const wholeEnough = last !== undefined && valueAt >= step - width && last.length > valueAt && last[valueAt].text !== null;
    if (wholeEnough) trailingBlanks = step - last.length;
    if (last && last.length < step && last.some((x) => x.text !== null) && !wholeEnough) {
      v.ctx.diagnostics.push({
        code: 'parse-error',
        severity: 'error',
        message: `第${projectIndex}张表不完整：指标表最后一行只有 ${last.length} 个单元格（表头有 ${width} 列），表格可能被截断`,
        messageEn: `Table ${projectIndex} is incomplete: the last indicator row has ${last.length} cells but the header has ${width}; the table may be truncated`,
        origin: last[0].origin,
        projectIndex,
      });
    }
  }

  const indicators: Indicator[] = [];
  let previousLevel1: string | null = null;
  let previousLevel2: string | null = null;
  for (const [r, sourceRow] of rows.entries()) {
    let row = sourceRow;
    if (row.every((x) => x.text === null)) continue;
    if (leadingLabelColumn && row.length === width + 1 && row[0].text === null) row = row.slice(1);
    const byRole: Partial<Record<IndicatorColumn, CellRef>> = {};
    row.forEach((cell, i) => {
      const role = columns[i];
      if (role && byRole[role] === undefined) byRole[role] = cell;
    });
    const text = (role: IndicatorColumn) => byRole[role]?.text ?? null;
    let level1 = text('level1');
    const level1Inherited = level1 === null && previousLevel1 !== null;
    if (level1Inherited) level1 = previousLevel1;
    let level2 = text('level2');
    if (level2 === null && level1Inherited && text('level3') !== null) level2 = previousLevel2;
    previousLevel1 = level1;
    previousLevel2 = level2;
    const unitColumn = columns.includes('unit') ? text('unit') : undefined;
    const nature = columns.includes('nature') ? text('nature') : undefined;
    const cells = cellOrigins(byRole);
    const indicator: Indicator = {
      level1,
      level2,
      level3: text('level3'),
      description: text('description'),
      value: parseValue(text('value'), { unitColumn: unitColumn ?? null, nature: nature ?? null }),
      basis: text('basis'),
      level1Inherited,
      cellCount: row.length + (r === rows.length - 1 ? trailingBlanks : 0),
      origin: row[0].origin,
      cells,
    };
    if (nature !== undefined) indicator.nature = nature;
    if (unitColumn !== undefined) indicator.unitColumn = unitColumn;
    indicators.push(indicator);
  }
  return { header: { labels, columns }, indicators };
}

/** The columns of most templates, in their usual order. */
const USUAL_COLUMNS: readonly IndicatorColumn[] = ['level1', 'level2', 'level3', 'description', 'value', 'basis'];

/**
 * The origins of a row's cells, keyed by column in the row's order. Rows with the usual six columns
 * in the usual order get one object literal: an object grown key by key keeps its fifth and sixth
 * keys in a second store (about 24 bytes more a row, and a long export has hundreds of thousands).
 */
function cellOrigins(byRole: Partial<Record<IndicatorColumn, CellRef>>): Indicator['cells'] {
  const roles = Object.keys(byRole);
  if (roles.length === USUAL_COLUMNS.length && roles.every((role, i) => role === USUAL_COLUMNS[i])) {
    return {
      level1: byRole.level1?.origin ?? null,
      level2: byRole.level2?.origin ?? null,
      level3: byRole.level3?.origin ?? null,
      description: byRole.description?.origin ?? null,
      value: byRole.value?.origin ?? null,
      basis: byRole.basis?.origin ?? null,
    };
  }
  const cells: Indicator['cells'] = {};
  for (const [role, cell] of Object.entries(byRole)) cells[role as IndicatorColumn] = cell?.origin ?? null;
  return cells;
}

/** Category names (一级 and 二级, docs/taxonomy.md §1, §4) as they are compared here: no 指标 suffix. */
const CATEGORY =
  /^(?:产出|效益|满意度|成本|投入|数量|质量|时效|进度|经济效益|社会效益|生态效益|环境效益|生态文明效益|可持续影响|服务对象满意度|社会公众或服务对象满意度|经济成本|社会成本|生态环境成本|具体)(?:指标|目标)?$/;
const isCategory = (cell: CellRef | undefined) => !!cell?.text && CATEGORY.test(cell.text.replace(/\s/g, ''));

/** Free-text columns, in the order a cell of several paragraphs is most likely found in them. */
const MULTILINE_COLUMNS: IndicatorColumn[] = ['description', 'basis', 'level3', 'other', 'value'];

/**
 * The rows of a grid whose row ends are unknown (LibreOffice's unmarked text), cut every `step`
 * cells. That export writes each paragraph of a cell on its own line, so a cell of two paragraphs
 * pushes the rows after it by one: where the next cut would not open a row (blank or category cells
 * in the category columns) but a cut one to three cells later would, the extra lines are joined to
 * the free-text cell of the row they most likely belong to.
 */
function unmarkedRows(body: CellRef[], columns: IndicatorColumn[], step: number, stats = { joined: 0 }): CellRef[][] {
  const offset = step - columns.length;
  const l1 = columns.indexOf('level1');
  const l2 = columns.indexOf('level2');
  const l3 = columns.indexOf('level3');
  const categoryCell = (c: CellRef | undefined) => c !== undefined && (c.text === null || isCategory(c));
  /** Whether a row can open at `i`: the label column's blank, then category cells (or blanks). */
  const opensRow = (i: number, strict: boolean) => {
    if (i >= body.length || body.slice(i).every((c) => c.text === null)) return true;
    if (offset === 1 && body[i].text !== null) return false;
    if (l1 >= 0 && !categoryCell(body[i + offset + l1])) return false;
    if (l2 >= 0 && !categoryCell(body[i + offset + l2])) return false;
    if (strict && l3 >= 0) {
      const c = body[i + offset + l3];
      if (!c || c.text === null || isCategory(c)) return false;
    }
    return true;
  };
  const rows: CellRef[][] = [];
  let i = 0;
  while (i < body.length) {
    let extra = 0;
    if (i + step < body.length && !opensRow(i + step, false)) {
      for (let k = 1; k <= 3; k++) {
        if (i + step + k <= body.length && opensRow(i + step + k, true) && opensRow(i + 2 * step + k, false)) {
          extra = k;
          break;
        }
      }
    }
    const cells = body.slice(i, i + step + extra);
    if (extra > 0) stats.joined++;
    rows.push(extra === 0 ? cells : joinParagraphs(cells, columns, offset, extra));
    i += step + extra;
  }
  return rows;
}

/** A row of `step + extra` lines back to `step` cells: `extra` lines joined to one free-text cell. */
function joinParagraphs(cells: CellRef[], columns: IndicatorColumn[], offset: number, extra: number): CellRef[] {
  const valueIndex = columns.indexOf('value');
  let best: CellRef[] | null = null;
  let bestScore = -Infinity;
  for (const [rank, role] of MULTILINE_COLUMNS.entries()) {
    const j = columns.indexOf(role);
    if (j < 0) continue;
    const at = offset + j;
    const parts = cells.slice(at, at + extra + 1);
    if (parts.some((c) => c.text === null)) continue;
    const joined: CellRef = { ...parts[0], text: parts.map((c) => c.text).join('\n') };
    const row = [...cells.slice(0, at), joined, ...cells.slice(at + extra + 1)];
    const value = valueIndex >= 0 ? row[offset + valueIndex] : undefined;
    const kind = value ? parseValue(value.text).kind : 'empty';
    const score = (kind !== 'text' && kind !== 'empty' ? 10 : 0) - rank;
    if (score > bestScore) {
      best = row;
      bestScore = score;
    }
  }
  return best ?? cells.slice(0, cells.length - extra);
}

/**
 * Row width of a grid whose row ends are unknown (LibreOffice's unmarked text) and whose header
 * has a label on its left: the rows carry that label column's blank cell or they do not. The
 * width whose rows put blanks or category names in the category columns, and a named indicator
 * (not blank, not a category) in the 三级 column, wins.
 */
function unmarkedRowWidth(body: CellRef[], columns: IndicatorColumn[]): number {
  const width = columns.length;
  const l1 = columns.indexOf('level1');
  const l2 = columns.indexOf('level2');
  const l3 = columns.indexOf('level3');
  const score = (step: number) => {
    const offset = step - width;
    let points = 0;
    const stats = { joined: 0 };
    const rows = unmarkedRows(body, columns, step, stats);
    for (const row of rows) {
      const at = (k: number) => (k >= 0 ? row[offset + k] : undefined);
      if (offset === 1 && row[0].text === null) points++;
      if (l1 >= 0 && (at(l1)?.text === null || isCategory(at(l1)))) points++;
      if (l2 >= 0 && (at(l2)?.text === null || isCategory(at(l2)))) points++;
      if (l3 >= 0 && at(l3)?.text != null && !isCategory(at(l3))) points += 2;
    }
    const perRow = offset + (l1 >= 0 ? 1 : 0) + (l2 >= 0 ? 1 : 0) + (l3 >= 0 ? 2 : 0);
    const complete = rows.length === 0 || rows[rows.length - 1].length === step;
    // A cell of several paragraphs is the exception: a width that needs them often is the wrong one.
    const joins = rows.length === 0 ? 0 : stats.joined / rows.length;
    return (rows.length === 0 ? 0 : points / (rows.length * Math.max(perRow, 1))) - (complete ? 0 : 0.25) - joins;
  };
  return score(width + 1) > score(width) ? width + 1 : width;
}

const stripSuffix = (s: string | null) => (s ?? '').replace(/\s/g, '').replace(/指标$/, '');

/** 成本指标 as 一级 → 2021+; 成本指标 as 二级 under 产出 → legacy (docs/taxonomy.md §1). */
export function detectIndicatorLayout(indicators: Indicator[]): IndicatorLayout {
  let v2021 = false;
  let legacy = false;
  for (const i of indicators) {
    const l1 = stripSuffix(i.level1);
    const l2 = stripSuffix(i.level2);
    if (l1 === '成本') v2021 = true;
    else if (l2 === '成本' || l2 === '产出成本' || l2 === '成本目标') legacy = true;
  }
  if (v2021 && legacy) return 'mixed';
  if (v2021) return 'v2021';
  if (legacy) return 'legacy';
  return 'unknown';
}

const SECTION_HEADINGS: [RegExp, 'overallGoal' | 'itemGoals' | 'safeguards'][] = [
  [/^(?:[0-9一二三四五六七八九十]+\s*[、.．]\s*)?(?:部门)?(?:年度)?总体(?:绩效)?目标[:：]?$/, 'overallGoal'],
  [/^(?:[0-9一二三四五六七八九十]+\s*[、.．]\s*)?分项(?:绩效)?目标[:：]?$/, 'itemGoals'],
  [/^(?:[0-9一二三四五六七八九十]+\s*[、.．]\s*)?(?:工作)?保障措施[:：]?$/, 'safeguards'],
];
const PART_HEADINGS = /^(?:第[一二三四1-4]部分|部门整体绩效目标|预算项目绩效目标|项目支出绩效目标)$/;

/** 第一部分 部门整体绩效目标: paragraphs sorted under their headings. */
export function buildDepartment(tokens: IToken[], ctx: BuildContext): DepartmentPart {
  const part: DepartmentPart = {
    present: false,
    overallGoal: [],
    itemGoals: [],
    safeguards: [],
    other: [],
    origin: null,
    fieldCodes: [],
  };
  let section: 'overallGoal' | 'itemGoals' | 'safeguards' | 'other' = 'other';
  for (const token of tokens) {
    if (token.tokenType === T.Blank) continue;
    const unit = unitAt(ctx.serialized, token.startOffset);
    part.origin ??= unit.origin;
    const stripped = stripFieldCodes(unit.text, unit.origin);
    part.fieldCodes.push(...stripped.residues);
    const text = stripped.text;
    if (text === '') continue;
    if (PART_HEADINGS.test(text)) {
      if (/部门整体/.test(text) || text === '第一部分') part.present = true;
      continue;
    }
    const heading = SECTION_HEADINGS.find(([re]) => re.test(text.replace(/\s/g, '')));
    if (heading) {
      section = heading[1];
      part.present = true;
      continue;
    }
    part[section].push(text);
  }
  return part;
}
