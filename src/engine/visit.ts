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
import { dropYielded, type Spot } from './yields.js';
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
  const message: LintMessage = {
    ruleId: rule.meta.id,
    severity: effectiveSeverity(configured, report.severity),
    message: renderTemplate(template[locale] ?? template['zh-CN'], report.data),
    messageId: report.messageId,
    projectCode: project?.code ?? null,
    projectName: project?.name ?? null,
    projectIndex: project?.index ?? null,
    line: text ? origin.line : null,
    column: text ? origin.column : null,
    origin,
    location: formatLocation(origin, role, locale, project?.index ?? null),
    role,
    indicatorIndex: place.indicatorIndex,
    level3: place.indicator?.level3 ?? null,
    found: (report.found !== undefined ? report.found : place.text) ?? null,
    suggestion: report.suggestion ?? null,
    basis: rule.meta.docs.basis,
  };
  if (report.fix) message.fix = report.fix;
  message.fingerprint = fingerprintOf({
    ruleId: message.ruleId,
    projectCode: message.projectCode,
    role,
    level3: message.level3 ?? null,
    found: message.found ?? null,
  });
  return message;
}

// ---------------------------------------------------------------------------
// Where a node report points

/** What the walk knows about a node a rule may report on. */
type NodeInfo =
  | { type: 'document' }
  | { type: 'department' }
  | { type: 'project'; project: Project }
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
      const at = projectCell(project, c);
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

/** Where a report sits for `meta.yieldsTo`: its row (the node, by identity) and its cell. */
function spotOf(report: NodeReport, nodeId: number, info: NodeInfo | undefined): Spot {
  const row = info?.type === 'indicator' || info?.type === 'goal' ? `n${nodeId}` : `n${nodeId}:${(report.cell as string | undefined) ?? ''}`;
  return { row, cell: `n${nodeId}:${(report.cell as string | undefined) ?? ''}` };
}

// ---------------------------------------------------------------------------
// The walk

type VisitorKey = keyof RuleVisitors;
const VISITOR_KEYS: VisitorKey[] = ['Document', 'Department', 'Project', 'Goal', 'Indicator', 'Project:exit', 'Document:exit'];

interface RuleState extends RuleOutcome {
  run: RuleRun;
}

/** Runs the rules on one document in one walk of the AST. Outcomes come back in the order of `runs`. */
export function visitRules(document: JxDocument, runs: readonly RuleRun[], settings: RuleSettings): RuleOutcome[] {
  const { locale } = settings;
  const nodes = new Map<object, NodeInfo>();
  nodes.set(document, { type: 'document' });
  nodes.set(document.department, { type: 'department' });
  // Where each message sits, for `meta.yieldsTo` (node identities numbered as reports arrive).
  const spots = new Map<LintMessage, Spot>();
  const nodeIds = new Map<object, number>();
  const nodeId = (node: object) => {
    let id = nodeIds.get(node);
    if (id === undefined) nodeIds.set(node, (id = nodeIds.size));
    return id;
  };
  const states: RuleState[] = runs.map((run) => ({ run, rule: run.rule, messages: [], failed: false }));
  const fail = (state: RuleState, error: unknown) => {
    state.failed = true;
    state.error = error;
    state.messages = [];
  };

  // Visitors by key: [rule state, visitor] pairs, for the rules that have one.
  const visitors = new Map<VisitorKey, [RuleState, (...args: never[]) => void][]>();
  for (const state of states) {
    const { rule, severity, options } = state.run;
    const context: RuleContext = {
      document,
      options,
      settings,
      report: (report) => {
        const info = nodes.get(report.node);
        const message = messageOf(rule, report, placeOf(report, info, document), severity, locale);
        if (report.related?.length) {
          message.related = report.related.map((target) =>
            relatedCellOf({ ...target, messageId: report.messageId } as NodeReport, nodes.get(target.node), document, locale),
          );
        }
        spots.set(message, spotOf(report, nodeId(report.node), info));
        state.messages.push(message);
      },
    };
    try {
      const v = rule.create(context);
      for (const key of VISITOR_KEYS) {
        const fn = v[key];
        if (!fn) continue;
        let list = visitors.get(key);
        if (!list) visitors.set(key, (list = []));
        list.push([state, fn.bind(v) as (...args: never[]) => void]);
      }
    } catch (error) {
      fail(state, error);
    }
  }

  /** Calls one visitor of every rule that has it (three arguments at most, no spreading: this is the hot loop). */
  const call = (key: VisitorKey, a: unknown, b?: unknown, c?: unknown) => {
    const list = visitors.get(key);
    if (!list) return;
    for (let r = 0; r < list.length; r++) {
      const [state, fn] = list[r]!;
      if (state.failed) continue;
      try {
        (fn as (a: unknown, b?: unknown, c?: unknown) => void)(a, b, c);
      } catch (error) {
        fail(state, error);
      }
    }
  };

  if (visitors.size > 0) {
    // Every node a rule may report on is known before the first visitor runs.
    const wantsGoals = visitors.has('Goal');
    const wantsIndicators = visitors.has('Indicator');
    const itemsOf: GoalItem[][] = [];
    for (const project of document.projects) {
      nodes.set(project, { type: 'project', project });
      const { indicators } = project;
      for (let index = 0; index < indicators.length; index++) nodes.set(indicators[index]!, { type: 'indicator', project, index });
      for (const goal of project.goals) nodes.set(goal, { type: 'goal', project });
      const items = wantsGoals ? goalItems(project.goals) : [];
      for (const item of items) nodes.set(item, { type: 'goal', project });
      itemsOf.push(items);
    }
    call('Document', document);
    call('Department', document.department, document);
    for (const [p, project] of document.projects.entries()) {
      const items = itemsOf[p]!;
      call('Project', project);
      for (let i = 0; i < items.length; i++) call('Goal', items[i]!, project, i);
      if (wantsIndicators) {
        const { indicators } = project;
        for (let i = 0; i < indicators.length; i++) call('Indicator', indicators[i]!, project, i);
      }
      call('Project:exit', project);
    }
    call('Document:exit', document);
  }
  dropYielded(states, (m) => spots.get(m));
  return states.map(({ rule, messages, failed, error }) => ({ rule, messages, failed, ...(failed ? { error } : {}) }));
}
