/**
 * The rule contract and the result model. Rules import only the rule types from here;
 * formatters import only the result types.
 */
import type { DepartmentPart, Goal, Indicator, JxDocument, Origin, Project } from '../ast/types.js';

export type SeverityName = 'off' | 'info' | 'warn' | 'error';
/** ESLint's numbering, extended: 2 error, 1 warning, 0 info. */
export type Severity = 0 | 1 | 2;

export type RuleCategory =
  | 'structure' // 结构与导出
  | 'category' // 指标归类
  | 'value' // 指标值
  | 'goal' // 绩效目标
  | 'budget' // 预算与支出计划
  | 'consistency' // 一致性与措辞
  | 'required'; // 必填项

export type Locale = 'zh-CN' | 'en';

export interface RuleDocs {
  /** What the rule checks (zh-CN). */
  description: string;
  /** English one-liner. */
  descriptionEn: string;
  /** Why it matters. */
  why: string;
  /** A bad example as a small text table (cell-per-line or row-per-line text) that must fire the rule. */
  bad: string;
  /** The corrected example, which must not fire the rule. */
  good: string;
  /** Option descriptions, if any. */
  options?: string;
  /** Policy basis (docs/sources.md). */
  basis: string;
  /** What a heuristic cannot know (required for `heuristic` rules). */
  limits?: string;
  /** What the rule's fixes write and which of them are safe (自动修复); for rules with `meta.fix`. */
  fix?: string;
}

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  defaultSeverity: Exclude<SeverityName, 'off'>;
  /** `exact` rules are always on in `recommended`; `heuristic` ones only when they opt in (`recommended`). */
  kind: RuleKind;
  /** Whether the rule offers any fix: `fix !== undefined`, set by `defineRule` (kept for formatters and `jxlint rules`). */
  fixable: boolean;
  /** Which fixes the rule offers (Ruff's split, see FixSafety); undefined when it offers none. */
  fix?: FixAvailability;
  /** messageId → template with {placeholders}. */
  messages: Record<string, { 'zh-CN': string; en: string }>;
  docs: RuleDocs;
  deprecated?: { replacedBy?: string };
  /**
   * Heuristic rules only: whether the `recommended` preset turns this one on (opt-in; default false).
   * Exact rules are always in `recommended`.
   */
  recommended?: boolean;
  /**
   * One finding per problem (让位): rules whose finding on the same cell (or, with `scope: 'row'`, on the
   * same indicator row or goal item) already says what this rule would say. When such a rule is on and
   * reports there, this rule's finding there is dropped; a rule that is off takes nothing away.
   */
  yieldsTo?: readonly YieldTo[];
}

/** A rule this one gives way to: on the same cell (a bare id), or anywhere on the same row. */
export type YieldTo = string | { rule: string; scope: 'cell' | 'row' };

/** One option a rule accepts (validated by the config loader, listed in the rule's docs). */
export interface RuleOptionSpec {
  type: 'number' | 'integer' | 'string' | 'boolean' | 'string[]';
  minimum?: number;
  maximum?: number;
  /** Allowed values for a string option. */
  enum?: string[];
  description: string;
  descriptionEn: string;
}

/** Layout policy (版式要求): accept the legacy layout (成本 under 产出) or require the 2021+ one. */
export type LayoutPolicy = 'accept-legacy' | 'require-2021';

/** Settings from the resolved config that rules may read. */
export interface RuleSettings {
  layout: LayoutPolicy;
  locale: Locale;
}

/** Where a report points inside a project: a project cell, an indicator cell, or a larger part. */
export type CellRole = ProjectCell | `indicator.${IndicatorCell}` | 'indicator' | 'department' | 'document';

/**
 * Whether applying a fix can change what the submission means (Ruff's split). A `safe` fix cannot
 * (。。→。, 收益人群→受益人群, field-code residue removed); an `unsafe` fix is a suggestion a person
 * must confirm (a cost value rewritten as ≤800万元 from the description).
 */
export type FixSafety = 'safe' | 'unsafe';

/** The fixes a rule offers: only safe ones, only unsafe ones, or some of each. */
export type FixAvailability = FixSafety | 'both';

/** One more place a fix changes (a fix that touches several cells, e.g. every field-code residue). */
export interface FixEdit {
  /** The cell the text is in; only text origins (line/column) can be rewritten. */
  origin: Origin | null;
  /** The text to replace, as it appears in the cell. */
  found: string;
  replacement: string;
  /** Also delete the spaces (not TABs) around `found`, keeping one where text remains on both sides. */
  absorbSpaces?: boolean;
}

export interface Fix {
  /** Human-readable description of the replacement. */
  description: string;
  /** The replacement for the report's `found` text in the cell the report points at. */
  replacement: string;
  /** Safe fixes are applied by `--fix`; unsafe ones only with `--unsafe-fixes` (default: unsafe). */
  safety?: FixSafety;
  /**
   * When present, the fix changes these places instead of the report's `found` text (all or none
   * of them are applied); `replacement` then only describes the change.
   */
  edits?: FixEdit[];
}

/** One numbered item of a project's 绩效目标 cell ("1、…"), the node of the `Goal` visitor. */
export interface GoalItem {
  /** The item as written, numbering kept. */
  text: string;
  /** The item without its numbering. */
  content: string;
  origin: Origin | null;
}

/** A cell of an indicator row a report can point at (role `indicator.<cell>`). */
export type IndicatorCell = 'level1' | 'level2' | 'level3' | 'description' | 'value' | 'basis' | 'nature' | 'unit';

/** A cell of a project table a report can point at; `table` (the default) is the table as a whole. */
export type ProjectCell =
  | 'code'
  | 'name'
  | 'agency'
  | 'title'
  | 'budget.total'
  | 'budget.fiscal'
  | 'budget.other'
  | 'purpose'
  | 'spendPlan'
  | 'goals'
  | 'table';

/**
 * What a report is about: a node of the AST and, for an indicator row or a project, the cell. The
 * engine derives the project, its index, the cell role, the origin, the 三级 and `found` from it.
 * - an indicator row (`cell` omitted: the whole row);
 * - a project (`cell` omitted: the table);
 * - a goal item (from the `Goal` visitor) or a `Goal` of the AST;
 * - the department part (部门整体绩效目标), or the document.
 */
export type ReportTarget =
  | { node: Indicator; cell?: IndicatorCell }
  | { node: Project; cell?: ProjectCell }
  | { node: GoalItem | Goal; cell?: never }
  | { node: DepartmentPart; cell?: never }
  | { node: JxDocument; cell?: never };

/** What a rule says about a node. */
export interface ReportDescriptor<MessageIds extends string = string> {
  /** A key of `meta.messages`; an unknown one is a compile error (defineRule) and a run-time error. */
  messageId: MessageIds;
  /** Values of the message's {placeholders}. */
  data?: Record<string, string | number>;
  /** The text found; default: the cell's text as written (null for a table, a spend plan, the document). */
  found?: string | null;
  /** What to write instead, when the rule can tell. */
  suggestion?: string | null;
  /** Lowers the rule's severity for this one report (e.g. info for ratio cost indicators). */
  severity?: Exclude<SeverityName, 'off'>;
  fix?: Fix;
  /** A more precise place than the cell's (e.g. one month-end cell of a spend plan); default: the cell. */
  origin?: Origin | null;
  /** Other cells the finding involves (the other row of a duplicate pair, the description holding the amount). */
  related?: ReportTarget[];
}

export type NodeReport<MessageIds extends string = string> = ReportDescriptor<MessageIds> & ReportTarget;

/**
 * The traversal contract (ESLint's visitors): the engine walks the AST once per lint and calls, in
 * document order, `Document`, `Department`, then for each table `Project`, its `Goal` items, its
 * `Indicator` rows and `Project:exit`, and last `Document:exit`. Rules that compare across nodes
 * collect in the visitors and report on exit.
 */
export interface RuleVisitors {
  Document?(document: JxDocument): void;
  /** 第一部分 部门整体绩效目标 (called even when the document has none: check `present`). */
  Department?(department: DepartmentPart, document: JxDocument): void;
  Project?(project: Project): void;
  /** One numbered item of the project's 绩效目标 (index 0-based). */
  Goal?(item: GoalItem, project: Project, index: number): void;
  /** One row of the project's indicator grid (index 0-based in `project.indicators`). */
  Indicator?(indicator: Indicator, project: Project, index: number): void;
  'Project:exit'?(project: Project): void;
  'Document:exit'?(document: JxDocument): void;
}

export interface RuleContext<MessageIds extends string = string, Options = Record<string, unknown>> {
  readonly document: JxDocument;
  /** The rule's options from config, merged over the defaults of its schema. */
  readonly options: Options;
  /** Config settings (layout policy, locale). */
  readonly settings: RuleSettings;
  /** Reports a finding on a node (see `ReportTarget`). */
  report(report: NodeReport<MessageIds>): void;
}

/** Kind of rule: `exact` (精确规则, on in `recommended`) or `heuristic` (启发式规则, opt-in). */
export type RuleKind = 'exact' | 'heuristic';

export interface Rule {
  meta: RuleMeta;
  /** Default options (from the schema's defaults when the rule is made with `defineRule`). */
  defaultOptions?: Record<string, unknown>;
  /** Option name → spec; config options are validated against it (unknown options are errors). */
  optionsSchema?: Record<string, RuleOptionSpec>;
  /** Returns the rule's visitors for one document (write rules with `defineRule`). */
  create(context: RuleContext): RuleVisitors;
}

// ---------------------------------------------------------------------------
// Results (ESLint's LintResult shape)

export interface LintMessage {
  ruleId: string | null;
  severity: Severity;
  message: string;
  messageId: string;
  projectCode: string | null;
  projectName: string | null;
  /** 1-based project index in the document, null for document-level messages. */
  projectIndex: number | null;
  /** Line/column for text files; for Word files null. */
  line: number | null;
  column: number | null;
  origin: Origin | null;
  /** The reviewer's wording of the place: `表3 第5行 第5列（指标值）` or `行 97:2`. */
  location: string;
  role: CellRole | null;
  /** 0-based index into the project's indicators when the message is about an indicator row. */
  indicatorIndex?: number | null;
  /** 三级指标 name of that indicator row (for reports and the baseline). */
  level3?: string | null;
  found?: string | null;
  suggestion?: string | null;
  /** Policy basis of the rule (依据), for reports. */
  basis?: string | null;
  fix?: Fix;
  /** Other cells the finding involves (editors show them as related information). */
  related?: RelatedCell[];
  /** Stable baseline fingerprint (rule, project code, row role, value). */
  fingerprint?: string;
  fatal?: true;
}

/** Another cell a finding involves, placed like the finding itself. */
export interface RelatedCell {
  origin: Origin | null;
  line: number | null;
  column: number | null;
  role: CellRole | null;
  /** The cell's text as written (null for a table or a spend plan). */
  text: string | null;
  /** The reviewer's wording of the place (as `LintMessage.location`). */
  location: string;
}

export interface ProjectSummary {
  index: number;
  code: string | null;
  name: string | null;
  agency: string | null;
}

export interface LintResult {
  filePath: string;
  /** 'ok' parsed and linted; 'failed' could not be read; 'skipped' ignored or filtered. */
  status: 'ok' | 'failed' | 'skipped';
  format: string | null;
  encoding: string | null;
  projects: ProjectSummary[];
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
  fixableCount: number;
  /** The parsed document, kept when a report needs to render tables (html). */
  document?: JxDocument;
}

export interface RuleSummary {
  id: string;
  category: RuleCategory;
  severity: Exclude<SeverityName, 'off'>;
  fixable: boolean;
  /** Which fixes the rule offers (undefined: none). */
  fix?: FixAvailability;
  description: string;
  descriptionEn: string;
  kind: RuleKind;
  docsUrl: string;
}
