/**
 * CST → AST (chevrotain's recommended split: the parser only recognises, this visitor builds).
 * Cells come back to their source units through token offsets, so every node keeps its origin.
 * The CST is typed by grammar/cst.ts (generated from the grammar). With error recovery on, a
 * node may lack children its rule requires, so every child list is read as possibly absent.
 */
import type { CstNode, IToken } from 'chevrotain';
import type {
  Budget,
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
  Value,
} from '../src/ast/types.js';
import type {
  BudgetFieldCstChildren,
  CodeFieldCstChildren,
  GoalsCstNode,
  GridCellCstNode,
  IndicatorGridCstChildren,
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

/** The cells of the grid body (`gridCell` nodes, in source order). */
function gridCells(v: AstVisitor, nodes: GridCellCstNode[] | undefined): CellRef[] {
  const out: CellRef[] = [];
  for (const node of nodes ?? []) {
    for (const list of Object.values(node.children)) {
      const token = list?.[0];
      if (token && !Number.isNaN(token.startOffset)) out.push(v.cell(token));
    }
  }
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

  indicatorGrid(children: IndicatorGridCstChildren, projectIndex: number): Grid {
    return buildGrid(this, children, projectIndex);
  }
}

let sharedVisitor: AstVisitor | null = null;

/** Builds one project from the CST of its table. */
export function visitProjectTable(cst: ProjectTableCstNode, index: number, ctx: BuildContext): Project {
  sharedVisitor ??= new AstVisitor();
  sharedVisitor.ctx = ctx;
  const project = sharedVisitor.visit(cst, index) as Project;
  const start = cst.location?.startOffset;
  project.origin = start !== undefined && !Number.isNaN(start) ? unitAt(ctx.serialized, start).origin : null;
  return project;
}

function buildProject(v: AstVisitor, children: ProjectTableCstChildren, index: number): Project {
  const fieldCodes: FieldCodeResidue[] = [];

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
    if (c.token.tokenType === T.AgencyLine && agency.text === null) agency = { text: c.text, origin: c.origin };
    else if (c.token.tokenType === T.MoneyUnit && moneyUnit === null) moneyUnit = /(万元|千元|亿元|元)/.exec(c.text ?? '')?.[1] ?? null;
  }
  const agencyFieldNode = children.agencyField?.[0];
  if (agency.text === null && agencyFieldNode) agency = v.field(agencyFieldNode);
  const agencyMatch = agency.text ? /^(\d{6})\s*(.+)$/.exec(agency.text) : null;

  const code: Field = children.codeField ? v.visit(children.codeField[0]) : { text: null, origin: null };
  const name = v.field(children.nameField?.[0]);

  const budget = buildBudget(v, children, moneyUnit);
  const purpose = buildPurpose(v, children);
  const spendPlan: SpendPlan = children.spendPlan
    ? v.visit(children.spendPlan[0])
    : { present: false, labels: [], values: [], percentHeader: false, origin: null, cellOrigins: [] };
  const { goals, field: goalsField } = buildGoals(v, children.goals);
  const grid: Grid = children.indicatorGrid ? v.visit(children.indicatorGrid[0], index) : { header: null, indicators: [] };

  return {
    index,
    template: 'unknown',
    code: code.text,
    name: name.text,
    agency: agency.text,
    agencyCode: agencyMatch ? agencyMatch[1] : null,
    title,
    titleOrdinal,
    moneyUnit,
    budget,
    purpose: purpose.text,
    spendPlan,
    goals,
    indicatorHeader: grid.header,
    longTermGoals: [],
    indicators: grid.indicators,
    longTermIndicators: [],
    costBreakdown: [],
    layout: detectIndicatorLayout(grid.indicators),
    fieldCodes,
    origin: null, // set by visitProjectTable from the CST's location
    fields: { code, name, purpose, goals: goalsField, agency, title: titleField },
  };
}

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
  const fieldNodes = [...(children.budgetField ?? []), ...(children.budgetBlock ?? []).flatMap((b) => b.children.budgetField ?? [])];
  for (const node of fieldNodes) {
    const { key, field, labelOrigin } = v.visit(node) as ReturnType<AstVisitor['budgetField']>;
    if (!key || budget.origin[key] !== null) continue;
    budget[key] = parseAmount(field.text, moneyUnit ?? '万元');
    budget[`${key}Raw`] = field.text;
    budget.origin[key] = field.origin ?? labelOrigin;
  }
  return budget;
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

function buildGoals(v: AstVisitor, nodes: GoalsCstNode[] | undefined): { goals: Goal[]; field: Field } {
  const goals: Goal[] = [];
  let field: Field = { text: null, origin: null };
  for (const node of nodes ?? []) {
    const c = node.children;
    const cells = v.valueCells(c.valueCell);
    if (field.origin === null) field = { text: null, origin: cells[0]?.origin ?? v.cell(c.GoalsLabel[0]).origin };
    for (const cell of cells) {
      if (cell.text === null) continue;
      if (field.text === null) field = { text: cell.text, origin: cell.origin };
      else field.text += '\n' + cell.text;
      for (const line of cell.text.split('\n')) {
        const text = line.trim();
        if (text !== '') goals.push({ text, origin: cell.origin });
      }
    }
  }
  return { goals, field };
}

interface Grid {
  header: Project['indicatorHeader'];
  indicators: Indicator[];
}

function buildGrid(v: AstVisitor, c: IndicatorGridCstChildren, projectIndex: number): Grid {
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
  const columns: IndicatorColumn[] = headerTokens.map((t) => T.headerRole.get(t.tokenType) ?? 'other');
  const width = columns.length;
  // A merged label column left of the grid (绩效指标) gives every body row one leading cell.
  const leadingLabelColumn = (c.IndicatorsLabel?.length ?? 0) > 0;
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

  // Rows: by the source's row structure when it has one, else by the header's width.
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
    for (let i = 0; i < body.length; i += width) rows.push(body.slice(i, i + width));
    const last = rows[rows.length - 1];
    if (last && last.length < width && last.some((x) => x.text !== null)) {
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
  for (let row of rows) {
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
    const cells: Indicator['cells'] = {};
    for (const [role, cell] of Object.entries(byRole)) cells[role as IndicatorColumn] = cell?.origin ?? null;
    const indicator: Indicator = {
      level1,
      level2,
      level3: text('level3'),
      description: text('description'),
      value: parseValue(text('value'), { unitColumn: unitColumn ?? null }),
      basis: text('basis'),
      level1Inherited,
      cellCount: row.length,
      origin: row[0].origin,
      cells,
    };
    if (columns.includes('nature')) indicator.nature = text('nature');
    if (unitColumn !== undefined) indicator.unitColumn = unitColumn;
    indicators.push(indicator);
  }
  return { header: { labels, columns }, indicators };
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
