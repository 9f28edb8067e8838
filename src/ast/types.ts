/**
 * The jxlint AST: plain, JSON-serialisable data describing one 绩效目标表 document.
 * Every node carries the origin of the cell or paragraph it came from.
 * This file imports nothing; every other layer may import it.
 */

/** Where a piece of text sits in a plain-text file, 1-based, as an editor shows it. */
export interface TextOrigin {
  line: number;
  column: number;
}

/** Where a cell sits in a Word (or HTML) table, 1-based, the way a reviewer counts: 表3 第5行 第5列. */
export interface TableOrigin {
  table: number;
  row: number;
  col: number;
  /** Paragraph index inside the cell (1-based). */
  paragraph: number;
}

/** A paragraph of a Word/HTML document body, outside any table (1-based). */
export interface BodyOrigin {
  paragraph: number;
}

export type Origin = TextOrigin | TableOrigin | BodyOrigin;

export function isTextOrigin(o: Origin | null | undefined): o is TextOrigin {
  return !!o && 'line' in o;
}
export function isTableOrigin(o: Origin | null | undefined): o is TableOrigin {
  return !!o && 'table' in o;
}

/** How a source file was read. */
export type SourceFormat = 'text' | 'docx' | 'doc' | 'html';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
/**
 * Text layouts (docs/taxonomy.md §9):
 * - `cell-per-line`: one cell a line opened by a TAB, a blank line after each row (Word's text export);
 * - `row-per-line`: one row a line, cells split by TAB (Word "save as text", .doc text);
 * - `cell-per-line-unmarked`: one cell a line with no markers (LibreOffice's text export).
 * Word, .doc and HTML sources report `table`.
 */
export type SourceLayout = 'cell-per-line' | 'row-per-line' | 'cell-per-line-unmarked' | 'table';

/** Comparison operator of a value (指标性质), normalised to its full-width mathematical sign. */
export type Operator = '≥' | '≤' | '>' | '<' | '=';

export type ValueKind = 'percent' | 'amount' | 'count' | 'date' | 'duration' | 'text' | 'empty';

/** A parsed 指标值 or spend-plan cell. */
export interface Value {
  /** The cell as written (trimmed). */
  raw: string;
  op: Operator | null;
  /** The number as written (full-width digits normalised); for dates the year if given, else the month. */
  number: number | null;
  /** Unit as written but normalised (％ → %, 万 stays 万): %, 元, 万元, 万, 亿元, 人, 次, 个, 天, 工作日 … */
  unit: string | null;
  kind: ValueKind;
  /** For amounts: the amount converted to 万元. */
  wan?: number;
  /** For dates: the parts that were given. */
  date?: { year?: number; month?: number; day?: number; bound?: 'before' | 'end' | 'exact' };
}

export interface ParseDiagnostic {
  /** `parse-error`, `read-error`, `no-table`, `format-mismatch`, … */
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  messageEn: string;
  origin: Origin | null;
  /** Index of the project the problem belongs to, if any. */
  projectIndex?: number;
}

/** Word field-code residue such as `TC 9、… \f C \l 1` (域代码残留). */
export interface FieldCodeResidue {
  code: string;
  origin: Origin | null;
  /** For TC fields: the ordinal inside the field (`9、` in `TC 9、…`). */
  tcOrdinal?: number;
}

/** A text cell with its origin; `text` is null when the cell is blank. */
export interface Field {
  text: string | null;
  origin: Origin | null;
}

/** 预算规模: amounts in 万元 as written; blank cells are null. */
export interface Budget {
  total: number | null; // 预算数 / 年度资金总额
  fiscal: number | null; // 其中：财政资金 / 财政拨款
  other: number | null; // 其他资金
  totalRaw: string | null;
  fiscalRaw: string | null;
  otherRaw: string | null;
  origin: { total: Origin | null; fiscal: Origin | null; other: Origin | null };
}

/** 资金支出计划: cumulative month-end percentages (3月底, 6月底, 10月底, 12月底 in the seed). */
export interface SpendPlan {
  present: boolean;
  /** Month-end column labels as written. */
  labels: string[];
  values: Value[];
  /** Whether the label says （%）, so a bare number is a percent. */
  percentHeader: boolean;
  origin: Origin | null;
  cellOrigins: (Origin | null)[];
}

export interface Goal {
  /** As written, numbering kept ("1、完成率"). */
  text: string;
  origin: Origin | null;
}

/** Role of a column of the indicator grid (表头). */
export type IndicatorColumn =
  | 'level1'
  | 'level2'
  | 'level3'
  | 'description'
  | 'nature' // 指标性质
  | 'value'
  | 'unit' // 度量单位 / 计量单位
  | 'basis'
  | 'weight'
  | 'other';

export interface Indicator {
  /** 一级指标 as written (merged cells carried down). */
  level1: string | null;
  /** 二级指标 as written. */
  level2: string | null;
  /** 三级指标. */
  level3: string | null;
  /** 绩效指标描述 / 指标解释. */
  description: string | null;
  value: Value;
  /** 指标值确定依据 / 指标值设定依据. */
  basis: string | null;
  /** 指标性质, when the template has that column. */
  nature?: string | null;
  /** 度量单位, when the template has that column. */
  unitColumn?: string | null;
  /** Whether 一级 was blank and carried down from the row above. */
  level1Inherited: boolean;
  /** Number of cells the row had in the source. */
  cellCount: number;
  origin: Origin | null;
  cells: Partial<Record<IndicatorColumn, Origin | null>>;
}

/** 指标体系版式: legacy (成本 under 产出) or 2021+ (成本 as 一级). */
export type IndicatorLayout = 'legacy' | 'v2021' | 'mixed' | 'unknown';

export interface Project {
  /** 1-based position of the table in the document. */
  index: number;
  /** 项目编码 as written. */
  code: string | null;
  /** 项目名称 as written. */
  name: string | null;
  /** 预算单位 ("316004南堡开发区社会事业保险局"). */
  agency: string | null;
  agencyCode: string | null;
  /** Table title with field-code residue removed ("城乡居民养老保险区财政补贴绩效目标表"). */
  title: string | null;
  /** The ordinal in the title ("1、"). */
  titleOrdinal: number | null;
  /** The table's money unit (单位：万元). */
  moneyUnit: string | null;
  budget: Budget;
  /** 资金用途. */
  purpose: string | null;
  spendPlan: SpendPlan;
  goals: Goal[];
  indicatorHeader: { labels: string[]; columns: IndicatorColumn[] } | null;
  indicators: Indicator[];
  layout: IndicatorLayout;
  fieldCodes: FieldCodeResidue[];
  origin: Origin | null;
  fields: {
    code: Field;
    name: Field;
    purpose: Field;
    goals: Field;
    agency: Field;
    title: Field;
  };
}

/** 第一部分 部门整体绩效目标. */
export interface DepartmentPart {
  present: boolean;
  /** 总体绩效目标 paragraphs. */
  overallGoal: string[];
  /** 分项绩效目标 paragraphs. */
  itemGoals: string[];
  /** 工作保障措施 paragraphs. */
  safeguards: string[];
  /** Other paragraphs before the project part. */
  other: string[];
  origin: Origin | null;
  fieldCodes: FieldCodeResidue[];
}

export interface JxDocument {
  filePath: string;
  format: SourceFormat;
  encoding: TextEncoding | null;
  layout: SourceLayout;
  department: DepartmentPart;
  projects: Project[];
  diagnostics: ParseDiagnostic[];
}
