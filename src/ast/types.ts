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

/**
 * Where a cell sits in an Excel workbook, 1-based, printed as 工作表“…” 第5行 第E列.
 * A merged range reports its top-left cell.
 */
export interface SheetOrigin {
  /** The sheet's name as Excel shows it on its tab. */
  sheet: string;
  /** 1-based position of the sheet in the workbook. */
  sheetIndex: number;
  row: number;
  col: number;
}

export type Origin = TextOrigin | TableOrigin | BodyOrigin | SheetOrigin;

export function isTextOrigin(o: Origin | null | undefined): o is TextOrigin {
  return !!o && 'line' in o;
}
export function isTableOrigin(o: Origin | null | undefined): o is TableOrigin {
  return !!o && 'table' in o;
}
export function isSheetOrigin(o: Origin | null | undefined): o is SheetOrigin {
  return !!o && 'sheet' in o;
}

/** Excel's column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** How a source file was read. */
export type SourceFormat = 'text' | 'docx' | 'doc' | 'html' | 'xlsx';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
/**
 * Text layouts (docs/taxonomy.md §9):
 * - `cell-per-line`: one cell a line opened by a TAB, a blank line after each row (Word's text export);
 * - `row-per-line`: one row a line, cells split by TAB (Word "save as text", .doc text);
 * - `cell-per-line-unmarked`: one cell a line with no markers (LibreOffice's text export).
 * Word, .doc, HTML and Excel sources report `table`.
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
  /**
   * Set when `op` is not written in the cell but taken from the row's 指标性质 column (2021+ template:
   * "≤ | 800 | 万元" → op ≤, opFrom 'nature'); a fix of the sign belongs in that column.
   */
  opFrom?: 'nature';
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
  /** Where each amount was read (its cell, or its label when the value cell is missing). */
  origin: { total: Origin | null; fiscal: Origin | null; other: Origin | null; superior?: Origin | null };
  /**
   * 上级资金 (湖南's 该项目支出上级资金) in 万元: money from a higher level of government, reported
   * beside the budget and never added into total/fiscal/other. Absent (with its raw text and
   * `origin.superior`) when the table has no such label.
   */
  superior?: number | null;
  superiorRaw?: string | null;
}

/**
 * 项目预算成本构成 (湖北): one cost item of the project budget, with its 测算依据 and the amounts
 * actually spent in prior years (前两年实际执行数), which are kept apart from the budget.
 */
export interface CostItem {
  /** 成本项目 as written. */
  item: string | null;
  /** 金额 in 万元. */
  amount: number | null;
  amountRaw: string | null;
  /** 测算（公式）依据. */
  basis: string | null;
  /** Prior-year amounts in 万元 with their column labels ("2020年实际执行数"). */
  priorYears: { label: string; amount: number | null; raw: string | null }[];
  origin: Origin | null;
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

/**
 * 模板 family of a project table, recognised by its labels (docs/templates.md):
 * - `seed-2020`: 河北/唐山 2020 (the seed): 项目编码, 预算规模及资金用途, 资金支出计划（%）, 绩效指标描述 …;
 * - `hunan`: 湖南 申报表 (湘潭 2023): 项目支出名称, 年度本级预算金额, 该项目支出上级资金, 实施期/本年度绩效目标, 指标值及单位;
 * - `core-2021`: 财预〔2021〕101号 核心绩效指标: 主管部门, 实施单位, 年度资金总额, 指标性质 | 指标值 | 度量单位;
 * - `hubei`: 湖北 (鄂州 2022): 预算金额, 项目预算成本构成, 绩效标准 | 当年预期实现值, 保障措施, 审核意见;
 * - `national-2016`: 2016 national 申报表: 资金总额：… in one cell, 长期目标 / 年度目标, 长期绩效指标 / 年度绩效指标;
 * - `unknown`: none of these is recognisable; read with the labels all templates share.
 */
export type TemplateFamily = 'seed-2020' | 'hunan' | 'core-2021' | 'hubei' | 'national-2016' | 'unknown';

/** 指标体系版式: legacy (成本 under 产出) or 2021+ (成本 as 一级). */
export type IndicatorLayout = 'legacy' | 'v2021' | 'mixed' | 'unknown';

export interface Project {
  /** 1-based position of the table in the document. */
  index: number;
  /** The template family the table's labels belong to. */
  template: TemplateFamily;
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
  /** 资金支出计划; `present: false` with no values when the template has none. */
  spendPlan: SpendPlan;
  /** The annual goal items (绩效目标 / 年度目标 / 本年度绩效目标). */
  goals: Goal[];
  /** 长期目标 / 实施期绩效目标 items; empty when the template has none. */
  longTermGoals: Goal[];
  /** 项目支出实施期 (湖南) as written, when the template has it. */
  implementationPeriod?: string | null;
  indicatorHeader: { labels: string[]; columns: IndicatorColumn[] } | null;
  /** The annual indicator rows (年度绩效指标). */
  indicators: Indicator[];
  /** The rows of a 长期绩效指标 block (2016 national template); empty otherwise. */
  longTermIndicators: Indicator[];
  /** The 项目预算成本构成 block (湖北); empty when the template has none. */
  costBreakdown: CostItem[];
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
