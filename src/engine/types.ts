/**
 * The rule contract and the result model. Rules import only the rule types from here;
 * formatters import only the result types.
 */
import type { JxDocument, Origin, Project } from '../ast/types.js';

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
  /** Policy basis (SOURCES.md). */
  basis: string;
  /** What a heuristic cannot know (Part B). */
  limits?: string;
}

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  defaultSeverity: Exclude<SeverityName, 'off'>;
  /** Part A rules are exact and on in `recommended`; Part B are heuristics. */
  part: 'A' | 'B';
  fixable: boolean;
  /** messageId → template with {placeholders}. */
  messages: Record<string, { 'zh-CN': string; en: string }>;
  docs: RuleDocs;
  deprecated?: { replacedBy?: string };
}

/** Where a report points inside a project. */
export type CellRole =
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
  | 'indicator.level1'
  | 'indicator.level2'
  | 'indicator.level3'
  | 'indicator.description'
  | 'indicator.value'
  | 'indicator.basis'
  | 'indicator.nature'
  | 'indicator.unit'
  | 'indicator'
  | 'table'
  | 'department'
  | 'document';

export interface Fix {
  /** Human-readable description of the replacement. */
  description: string;
  /** The replacement text for the cell the report points at. */
  replacement: string;
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  /** Project the finding is about; omit for document-level findings. */
  project?: Project | null;
  role: CellRole;
  origin: Origin | null;
  /** Index of the indicator row (0-based in project.indicators) when role is indicator.*. */
  indicatorIndex?: number;
  /** The value found, as written. */
  found?: string | null;
  /** What to write instead, when the rule can tell. */
  suggestion?: string | null;
  /** Overrides the rule's severity for this one report (e.g. info for ratio cost indicators). */
  severity?: Exclude<SeverityName, 'off'>;
  fix?: Fix;
}

export interface RuleContext {
  readonly document: JxDocument;
  /** The rule's options from config (merged over its defaults). */
  readonly options: Record<string, unknown>;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Default options. */
  defaultOptions?: Record<string, unknown>;
  check(context: RuleContext): void;
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
  found?: string | null;
  suggestion?: string | null;
  fix?: Fix;
  /** Stable baseline fingerprint (rule, project code, row role, value). */
  fingerprint?: string;
  fatal?: true;
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
  description: string;
  descriptionEn: string;
  part: 'A' | 'B';
  docsUrl: string;
}
