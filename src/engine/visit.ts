/**
 * Walking the AST (遍历): one walk per lint calls every enabled rule's visitors in document order —
 * `Document`, `Department`, then per table `Project`, its `Goal` items, its `Indicator` rows,
 * `Project:exit`, and last `Document:exit` — and turns each node report into a message, deriving
 * the project, the cell role, the origin, the 三级 and `found` from the node. A rule that throws
 * stops being called; its reports are dropped and the caller reports one internal error instead.
 */
import { isTextOrigin, type Indicator, type JxDocument, type Origin, type Project } from '../ast/types.js';
import { goalItems } from '../../rules/shared/goals.js';
import { fingerprintOf } from './baseline.js';
import { formatLocation, renderTemplate, SEVERITY_NUMBER } from './messages.js';
import { dropYielded, yieldTarget, type Spot } from './yields.js';
import type {
  CellRole,
  GoalItem,
  IndicatorCell,
  LintMessage,
  Locale,
  NodeReport,
  ProjectCell,
  RelatedCell,
  ReportDescriptor,
  Rule,
  RuleContext,
  RuleSettings,
  RuleVisitors,
  Severity,
  SeverityName,
} from './types.js';

type ReportSeverity = Exclude<SeverityName, 'off'>;

/** One enabled rule for one lint. */
export interface RuleRun {
  rule: Rule;
  severity: ReportSeverity;
  options: Record<string, unknown>;
}

/** What one rule gave: its messages, or the error it threw (then its messages are dropped). */
export interface RuleOutcome {
  rule: Rule;
  messages: LintMessage[];
  failed: boolean;
  error?: unknown;
}

/** Where a report points, worked out from its node and cell (before the report's own overrides). */
interface Place {
  project: Project | null;
  role: CellRole;
  origin: Origin | null;
  /** The cell's text as written (the default `found`). */
  text: string | null;
  indicator: Indicator | null;
  indicatorIndex: number | null;
}

const severityRank: Record<ReportSeverity, number> = { info: 0, warn: 1, error: 2 };

/** A report's severity: the configured one, lowered (never raised) by a per-report override. */
function effectiveSeverity(configured: ReportSeverity, override: ReportDescriptor['severity']): Severity {
  if (!override) return SEVERITY_NUMBER[configured];
  return SEVERITY_NUMBER[severityRank[override] < severityRank[configured] ? override : configured];
}

/** The message of a report at its place, in the locale; an unknown message id is an error of the rule. */
function messageOf(rule: Rule, report: NodeReport, place: Place, configured: ReportSeverity, locale: Locale): LintMessage {
  const template = Object.hasOwn(rule.meta.messages, report.messageId) ? rule.meta.messages[report.messageId] : undefined;
  if (!template) throw new Error(`unknown messageId "${report.messageId}" (meta.messages has ${Object.keys(rule.meta.messages).join(', ')})`);
  const { project, role } = place;
  const origin = report.origin ?? place.origin;
  const text = isTextOrigin(origin);
  const ruleId = rule.meta.id;
  const projectCode = project?.code ?? null;
  const level3 = place.indicator?.level3 ?? null;
  const found = (report.found !== undefined ? report.found : place.text) ?? null;
  const severity = effectiveSeverity(configured, report.severity);
  const message = renderTemplate(template[locale] ?? template['zh-CN'], report.data);
  const projectIndex = project?.index ?? null;
  const location = formatLocation(origin, role, locale, projectIndex);
  const fingerprint = fingerprintOf({ ruleId, projectCode, role, level3, found });
  // Every field in one literal, in the order the JSON report writes them: a field added afterwards
  // would cost each message a second, out-of-object property store (a long document has 100,000s).
  if (report.fix) {
    return {
      ruleId, severity, message, messageId: report.messageId, projectCode, projectName: project?.name ?? null, projectIndex,
      line: text ? origin.line : null, column: text ? origin.column : null, origin, location, role,
      indicatorIndex: place.indicatorIndex, level3, found, suggestion: report.suggestion ?? null, basis: rule.meta.docs.basis,
      fix: report.fix, fingerprint,
    };
  }
  return {
    ruleId, severity, message, messageId: report.messageId, projectCode, projectName: project?.name ?? null, projectIndex,
    line: text ? origin.line : null, column: text ? origin.column : null, origin, location, role,
    indicatorIndex: place.indicatorIndex, level3, found, suggestion: report.suggestion ?? null, basis: rule.meta.docs.basis,
    fingerprint,
  };
}

// ---------------------------------------------------------------------------
// Where a node report points

/** What the walk knows about a node a rule may report on. */
type NodeInfo =
  | { type: 'document' }
  | { type: 'department' }
  | { type: 'project'; project: Project; tableOrigin?: Origin | null }
  | { type: 'indicator'; project: Project; index: number }
  | { type: 'goal'; project: Project };

/** The text and origin of a project cell. */
function projectCell(project: Project, cell: ProjectCell): { text: string | null; origin: Origin | null | undefined } {
  const f = project.fields;
  switch (cell) {
    case 'code':
      return { text: project.code, origin: f.code.origin };
    case 'name':
      return { text: project.name, origin: f.name.origin };
    case 'agency':
      return { text: project.agency, origin: f.agency.origin };
    case 'title':
      return { text: project.title, origin: f.title.origin };
    case 'budget.total':
      return { text: project.budget.totalRaw, origin: project.budget.origin.total };
    case 'budget.fiscal':
      return { text: project.budget.fiscalRaw, origin: project.budget.origin.fiscal };
    case 'budget.other':
      return { text: project.budget.otherRaw, origin: project.budget.origin.other };
    case 'purpose':
      return { text: project.purpose, origin: f.purpose.origin };
    case 'spendPlan':
      return { text: null, origin: project.spendPlan.origin };
    case 'goals':
      return { text: f.goals.text, origin: f.goals.origin };
    case 'table':
      return { text: null, origin: project.indicators[0]?.origin };
  }
}

/** The text of an indicator cell as written. */
function indicatorText(ind: Indicator, cell: IndicatorCell): string | null {
  switch (cell) {
    case 'value':
      return ind.value.raw;
    case 'nature':
      return ind.nature ?? null;
    case 'unit':
      return ind.unitColumn ?? null;
    default:
      return ind[cell];
  }
}

const INDICATOR_ROLES: Record<IndicatorCell, CellRole> = {
  level1: 'indicator.level1',
  level2: 'indicator.level2',
  level3: 'indicator.level3',
  description: 'indicator.description',
  value: 'indicator.value',
  basis: 'indicator.basis',
  nature: 'indicator.nature',
  unit: 'indicator.unit',
};

function placeOf(report: NodeReport, info: NodeInfo | undefined, document: JxDocument): Place {
  if (!info) throw new Error(`report on a node the walk did not visit (messageId "${report.messageId}")`);
  const cell = report.cell as string | undefined;
  switch (info.type) {
    case 'document':
      return { project: null, role: 'document', origin: null, text: null, indicator: null, indicatorIndex: null };
    case 'department':
      return { project: null, role: 'department', origin: document.department.origin, text: null, indicator: null, indicatorIndex: null };
    case 'project': {
      const { project } = info;
      const c = (cell ?? 'table') as ProjectCell;
      // A table whose rows were let go (streamed walk) keeps the origin of its first row.
      const at = c === 'table' && info.tableOrigin !== undefined ? { text: null, origin: info.tableOrigin } : projectCell(project, c);
      return { project, role: c, origin: at.origin ?? project.origin ?? null, text: at.text, indicator: null, indicatorIndex: null };
    }
    case 'indicator': {
      const { project, index } = info;
      const ind = project.indicators[index]!;
      const c = cell as IndicatorCell | undefined;
      return {
        project,
        role: c ? INDICATOR_ROLES[c] : 'indicator',
        origin: (c ? ind.cells[c] : null) ?? ind.origin ?? project.origin ?? null,
        text: c ? indicatorText(ind, c) : null,
        indicator: ind,
        indicatorIndex: index,
      };
    }
    case 'goal': {
      const { project } = info;
      const item = report.node as GoalItem;
      const origin = item.origin ?? project.fields.goals.origin ?? project.origin ?? null;
      return { project, role: 'goals', origin, text: item.text, indicator: null, indicatorIndex: null };
    }
  }
}

/** Another cell a report names (`report({ related })`), placed like a report. */
function relatedCellOf(target: NodeReport, info: NodeInfo | undefined, document: JxDocument, locale: Locale): RelatedCell {
  const place = placeOf(target, info, document);
  const origin = place.origin;
  return {
    origin,
    line: isTextOrigin(origin) ? origin.line : null,
    column: isTextOrigin(origin) ? origin.column : null,
    role: place.role,
    text: place.text ?? (place.indicator?.level3 ?? null),
    location: formatLocation(place.origin, place.role, locale, place.project?.index ?? null),
  };
}

/** The cells a report can name, numbered for spot keys ('' is the node itself); 31 stands for a whole row. */
const CELL_CODES = new Map<string, number>(
  ['', 'code', 'name', 'agency', 'title', 'budget.total', 'budget.fiscal', 'budget.other', 'purpose', 'spendPlan', 'goals', 'table',
    ...Object.keys(INDICATOR_ROLES)].map((cell, i) => [cell, i]),
);
const WHOLE_ROW = 31;

/**
 * Where a report sits for `meta.yieldsTo`: its cell as one number (node number × 32 + cell), from
 * which `spotAt` gives the row (the node, by identity) — no object or string per message. A cell name
 * outside CELL_CODES gets a Spot of its own.
 */
function spotKey(report: NodeReport, nodeId: number, info: NodeInfo | undefined): number | Spot {
  const name = (report.cell as string | undefined) ?? '';
  const code = CELL_CODES.get(name);
  if (code !== undefined) return nodeId * 32 + code;
  const cell = `n${nodeId}:${name}`;
  return { row: isRowNode(info) ? nodeId * 32 + WHOLE_ROW : cell, cell };
}

function isRowNode(info: NodeInfo | undefined): boolean {
  return info?.type === 'indicator' || info?.type === 'goal';
}

function spotAt(key: number | Spot | undefined, nodes: NodeTable): Spot | undefined {
  if (key === undefined || typeof key !== 'number') return key;
  const nodeId = Math.floor(key / 32);
  return { row: nodes.isRow(nodeId) ? nodeId * 32 + WHOLE_ROW : key, cell: key };
}

// ---------------------------------------------------------------------------
// The nodes of one walk

const DOCUMENT = 0;
const DEPARTMENT = 1;
const PROJECT = 2;
const INDICATOR = 3;
const GOAL = 4;

/** What a streamed walk lets go of a project once the project is done: its rows and its grid header. */
const LET_GO = ['indicators', 'goals', 'longTermGoals', 'longTermIndicators', 'costBreakdown', 'indicatorHeader'] as const;

/**
 * Put where a project's rows were: any read of it throws, so a rule that reads an earlier table's rows
 * fails (and the file is linted the whole way) instead of reading nothing. One object for every project,
 * assigned like any value, so the project keeps its shape (a getter per project would turn each one
 * into a dictionary of properties, about 1.5 KB each).
 */
const ROWS_GONE: never = new Proxy([], {
  get(): never {
    throw new Error('the rows of an earlier table were let go (project-at-a-time lint): keep what you compare while the table is walked');
  },
  has(): never {
    throw new Error('the rows of an earlier table were let go (project-at-a-time lint)');
  },
}) as never;

/**
 * Every node a rule may report on, by identity: a number per node and, in parallel arrays, its kind,
 * its project (position in the walk) and its row — no object per node. Indicator rows, most of
 * the nodes of a long document (hundreds of thousands), are not registered at all: row k of project
 * p is node −(first[p] + k + 1), found by the walk's position, or by a map of the rows of the project
 * the walk is in, or — only when a rule reports on a row of another project — of every row.
 */
class NodeTable {
  private readonly ids = new Map<object, number>();
  private readonly kinds: number[] = [];
  private readonly owners: number[] = [];
  private readonly rows: number[] = [];
  /** The projects registered, by position. */
  private readonly projects: Project[] = [];
  /** Number of the first indicator row of each project, in document order. */
  private readonly firstRow: number[] = [];
  /** The goal nodes of each project (forgotten when its rows are let go). */
  private readonly goalNodes: object[][] = [];
  /** The origin of the first row of each project whose rows were let go. */
  private readonly tableOrigins = new Map<number, Origin | null>();
  private rowCount = 0;
  /** The project and row the walk is at (−1: outside the projects). */
  private atProject = -1;
  private atRow = -1;
  private projectRows: Map<object, number> | null = null;
  private allRows: Map<object, number> | null = null;

  /** Registers a project, its goals and goal items, and numbers its rows; returns its position. */
  addProject(project: Project, items: readonly GoalItem[]): number {
    const p = this.projects.length;
    this.projects.push(project);
    this.firstRow.push(this.rowCount);
    this.rowCount += project.indicators.length;
    this.add(project, PROJECT, p);
    const goals: object[] = [];
    for (const goal of project.goals) goals.push(goal);
    for (const item of items) goals.push(item);
    for (const goal of goals) this.add(goal, GOAL, p);
    this.goalNodes.push(goals);
    this.allRows = null;
    return p;
  }

  /**
   * Lets go of the rows of project `p` (streamed walk): its goal nodes are forgotten and its row lists
   * throw when read, so a rule that reads them later fails (and the file is linted the whole way)
   * instead of reading nothing. The project itself stays, for reports on its cells.
   */
  letGo(p: number): void {
    const project = this.projects[p]!;
    this.tableOrigins.set(p, project.indicators[0]?.origin ?? null);
    for (const goal of this.goalNodes[p]!) this.ids.delete(goal);
    this.goalNodes[p] = [];
    const rows = project as unknown as Record<(typeof LET_GO)[number], unknown>;
    for (const key of LET_GO) rows[key] = ROWS_GONE;
    if (this.projectRows && this.atProject === p) this.projectRows = null;
  }

  /** Where the walk is: project `p` (−1 outside the projects), row `row` of it (−1: none). */
  at(p: number, row = -1): void {
    if (p !== this.atProject) this.projectRows = null;
    this.atProject = p;
    this.atRow = row;
  }

  private rowsOf(from: number, to: number): Map<object, number> {
    const map = new Map<object, number>();
    for (let p = from; p < to; p++) {
      const indicators = this.projects[p]!.indicators;
      for (let k = 0; k < indicators.length; k++) map.set(indicators[k]!, -(this.firstRow[p]! + k + 1));
    }
    return map;
  }

  /** Registers a node; a node registered twice takes its last registration. */
  add(node: object, kind: number, owner = -1, row = -1): void {
    let id = this.ids.get(node);
    if (id === undefined) this.ids.set(node, (id = this.kinds.length));
    this.kinds[id] = kind;
    this.owners[id] = owner;
    this.rows[id] = row;
  }

  idOf(node: object): number | undefined {
    const id = this.ids.get(node);
    if (id !== undefined || this.firstRow.length === 0) return id;
    const p = this.atProject;
    if (p >= 0) {
      const indicators = this.projects[p]!.indicators;
      if (this.atRow >= 0 && indicators[this.atRow] === node) return -(this.firstRow[p]! + this.atRow + 1);
      const own = (this.projectRows ??= this.rowsOf(p, p + 1)).get(node);
      if (own !== undefined) return own;
    }
    return (this.allRows ??= this.rowsOf(0, this.projects.length)).get(node);
  }

  /** Whether node `id` is a row (an indicator row or a goal item). */
  isRow(id: number): boolean {
    return id < 0 || this.kinds[id] === GOAL;
  }

  infoAt(id: number | undefined): NodeInfo | undefined {
    if (id === undefined) return undefined;
    if (id < 0) {
      // Row k of the project whose first row is the last one at or before k.
      const k = -id - 1;
      let lo = 0;
      let hi = this.firstRow.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.firstRow[mid]! <= k) lo = mid;
        else hi = mid - 1;
      }
      return { type: 'indicator', project: this.projects[lo]!, index: k - this.firstRow[lo]! };
    }
    switch (this.kinds[id]) {
      case DOCUMENT:
        return { type: 'document' };
      case DEPARTMENT:
        return { type: 'department' };
      case PROJECT: {
        const p = this.owners[id]!;
        const tableOrigin = this.tableOrigins.get(p);
        return tableOrigin === undefined ? { type: 'project', project: this.projects[p]! } : { type: 'project', project: this.projects[p]!, tableOrigin };
      }
      case INDICATOR:
        return { type: 'indicator', project: this.projects[this.owners[id]!]!, index: this.rows[id]! };
      default:
        return { type: 'goal', project: this.projects[this.owners[id]!]! };
    }
  }
}

// ---------------------------------------------------------------------------
// The walk

type VisitorKey = keyof RuleVisitors;
const VISITOR_KEYS: VisitorKey[] = ['Document', 'Department', 'Project', 'Goal', 'Indicator', 'Project:exit', 'Document:exit'];

interface RuleState extends RuleOutcome {
  run: RuleRun;
  /** Streamed walk: messages kept back when their project was handed out (document-level, or late). */
  held: LintMessage[];
}

/**
 * One walk of the rules over a document (遍历): `begin` (Document, Department), `project` for each
 * table in order, `end` (Document:exit).
 *
 * The whole way (`visitRules`), every project is registered before the first visitor runs and the
 * outcomes are read at the end. Streamed (`streamed: true`, the project-at-a-time lint), each project is
 * registered when it arrives, `flush` hands out its messages once it is walked and lets its rows go,
 * and the document given to the rules has no project list; a rule that needs one fails, and so does
 * anything that cannot be exact a project at a time (see `incomplete`).
 */
export class RuleWalk {
  private readonly nodes = new NodeTable();
  /** Where each message sits, for `meta.yieldsTo`: kept only for the rules that give way or are given way to. */
  private readonly spots = new Map<LintMessage, number | Spot>();
  private readonly yieldingRules = new Set<string>();
  private readonly states: RuleState[];
  private readonly visitors = new Map<VisitorKey, [RuleState, (...args: never[]) => void][]>();
  private readonly itemsOf: GoalItem[][] = [];
  private readonly wantsGoals: boolean;
  private readonly wantsIndicators: boolean;
  private walked = 0;
  /** Why a streamed walk cannot give the whole walk's messages (set once). */
  private why: string | null = null;

  constructor(
    private readonly document: JxDocument,
    runs: readonly RuleRun[],
    settings: RuleSettings,
    private readonly streamed = false,
  ) {
    const { locale } = settings;
    const { nodes, spots } = this;
    for (const { rule } of runs) {
      for (const entry of rule.meta.yieldsTo ?? []) {
        this.yieldingRules.add(rule.meta.id);
        this.yieldingRules.add(yieldTarget(entry).rule);
      }
    }
    this.states = runs.map((run) => ({ run, rule: run.rule, messages: [], failed: false, held: [] }));
    nodes.add(document, DOCUMENT);
    nodes.add(document.department, DEPARTMENT);
    for (const state of this.states) {
      const { rule, severity, options } = state.run;
      const keepsSpots = this.yieldingRules.has(rule.meta.id);
      const context: RuleContext = {
        document,
        options,
        settings,
        report: (report) => {
          const id = nodes.idOf(report.node);
          const info = nodes.infoAt(id);
          const message = messageOf(rule, report, placeOf(report, info, document), severity, locale);
          if (report.related?.length) {
            message.related = report.related.map((target) =>
              relatedCellOf({ ...target, messageId: report.messageId } as NodeReport, nodes.infoAt(nodes.idOf(target.node)), document, locale),
            );
          }
          if (keepsSpots) spots.set(message, spotKey(report, id!, info));
          state.messages.push(message);
        },
      };
      try {
        const v = rule.create(context);
        for (const key of VISITOR_KEYS) {
          const fn = v[key];
          if (!fn) continue;
          let list = this.visitors.get(key);
          if (!list) this.visitors.set(key, (list = []));
          list.push([state, fn.bind(v) as (...args: never[]) => void]);
        }
      } catch (error) {
        this.fail(state, error);
      }
    }
    this.wantsGoals = this.visitors.has('Goal');
    this.wantsIndicators = this.visitors.has('Indicator');
  }

  private fail(state: RuleState, error: unknown): void {
    state.failed = true;
    state.error = error;
    state.messages = [];
    state.held = [];
    this.why ??= `rule ${state.rule.meta.id} failed: ${error instanceof Error ? error.message : String(error)}`;
  }

  /** Calls one visitor of every rule that has it (three arguments at most, no spreading: this is the hot loop). */
  private call(key: VisitorKey, a: unknown, b?: unknown, c?: unknown): void {
    const list = this.visitors.get(key);
    if (!list) return;
    for (let r = 0; r < list.length; r++) {
      const [state, fn] = list[r]!;
      if (state.failed) continue;
      try {
        (fn as (a: unknown, b?: unknown, c?: unknown) => void)(a, b, c);
      } catch (error) {
        this.fail(state, error);
      }
    }
  }

  private register(project: Project): void {
    const items = this.wantsGoals ? goalItems(project.goals) : [];
    this.nodes.addProject(project, items);
    if (!this.streamed) this.itemsOf.push(items);
    else this.itemsOf[0] = items;
  }

  /** The `Document` and `Department` visitors (the whole way: after every project is registered). */
  begin(): void {
    if (this.visitors.size === 0) return;
    // Every node a rule may report on is known before the first visitor runs.
    if (!this.streamed) for (const project of this.document.projects) this.register(project);
    this.call('Document', this.document);
    this.call('Department', this.document.department, this.document);
  }

  /** One table's visitors: `Project`, its goal items, its indicator rows, `Project:exit`. */
  project(project: Project): void {
    if (this.visitors.size === 0) return;
    const p = this.walked++;
    if (this.streamed) this.register(project);
    const items = this.itemsOf[this.streamed ? 0 : p]!;
    const { nodes } = this;
    nodes.at(p);
    this.call('Project', project);
    for (let i = 0; i < items.length; i++) this.call('Goal', items[i]!, project, i);
    if (this.wantsIndicators) {
      const { indicators } = project;
      for (let i = 0; i < indicators.length; i++) {
        nodes.at(p, i);
        this.call('Indicator', indicators[i]!, project, i);
      }
      nodes.at(p);
    }
    this.call('Project:exit', project);
  }

  /**
   * Streamed: the messages of the project just walked (rule by rule, in report order, after
   * `yieldsTo`), taken out of the walk; the messages it gave about anything else are held for `end`.
   * Then its rows are let go.
   */
  flush(project: Project): LintMessage[] {
    if (this.visitors.size === 0) return [];
    const own: { rule: Rule; messages: LintMessage[]; failed: boolean }[] = [];
    const { spots } = this;
    for (const state of this.states) {
      const mine: LintMessage[] = [];
      for (const m of state.messages) {
        if (m.projectIndex === project.index) mine.push(m);
        else {
          state.held.push(m);
          if (m.projectIndex !== null && this.yieldingRules.has(state.rule.meta.id)) {
            this.why ??= `rule ${state.rule.meta.id} reported on table ${m.projectIndex} after it was handed out, and takes part in yieldsTo`;
          }
        }
      }
      state.messages = [];
      own.push({ rule: state.rule, messages: mine, failed: state.failed });
    }
    const mineBefore = spots.size > 0 ? own.flatMap((o) => o.messages) : [];
    dropYielded(own, (m) => spotAt(spots.get(m), this.nodes));
    for (const m of mineBefore) spots.delete(m);
    const out: LintMessage[] = [];
    for (const o of own) for (const m of o.messages) out.push(m);
    this.nodes.letGo(this.walked - 1);
    return out;
  }

  /** The `Document:exit` visitors. */
  end(): void {
    if (this.visitors.size === 0) return;
    this.nodes.at(-1);
    this.call('Document:exit', this.document);
  }

  /** The whole way: every rule's outcome, after `yieldsTo`, in the order of the runs. */
  outcomes(): RuleOutcome[] {
    const { states } = this;
    dropYielded(states, (m) => spotAt(this.spots.get(m), this.nodes));
    return states.map(({ rule, messages, failed, error }) => ({ rule, messages, failed, ...(failed ? { error } : {}) }));
  }

  /**
   * Streamed, after `end`: the messages not handed out with their project — document-level ones and
   * those about tables already handed out — after `yieldsTo` among them.
   */
  remaining(): LintMessage[] {
    const outcomes = this.states.map((state) => {
      const messages = [...state.held, ...state.messages];
      if (this.yieldingRules.has(state.rule.meta.id) && messages.some((m) => m.projectIndex !== null)) {
        this.why ??= `rule ${state.rule.meta.id} reported on an earlier table at the end, and takes part in yieldsTo`;
      }
      return { rule: state.rule, messages, failed: state.failed };
    });
    dropYielded(outcomes, (m) => spotAt(this.spots.get(m), this.nodes));
    return outcomes.flatMap((o) => o.messages);
  }

  /** Streamed: why the walk cannot give the whole walk's messages (a rule failed, or needed what was let go), or null. */
  get incomplete(): string | null {
    return this.why;
  }
}

/**
 * The last walk of a document up to this many tables stays alive until the next walk (上一次遍历保留).
 * V8's optimised code refers weakly to the shapes (maps) of the objects it has met and lives only
 * while a function using it does; once a file's AST and the rules' visitor closures die, the next
 * full collection throws that code away and the next file compiles it again. Keeping one walk (its
 * document, visitors and messages) keeps those shapes and that code: over 900 seed-sized .docx on one
 * thread, 1,091–1,206 TurboFan compiles became 697–739 and the process's CPU fell 7–17 % (four
 * interleaved pairs). A batch or an editor re-linting one file gains; the cost is one small
 * document's memory. Larger documents are not kept: their own walk keeps the code warm.
 */
const KEPT_WALK_MAX_PROJECTS = 256;
const kept: { walk: RuleWalk | null } = { walk: null };

/** Runs the rules on one document in one walk of the AST. Outcomes come back in the order of `runs`. */
export function visitRules(document: JxDocument, runs: readonly RuleRun[], settings: RuleSettings): RuleOutcome[] {
  const walk = new RuleWalk(document, runs, settings);
  if (document.projects.length <= KEPT_WALK_MAX_PROJECTS) kept.walk = walk;
  walk.begin();
  for (const project of document.projects) walk.project(project);
  walk.end();
  return walk.outcomes();
}
