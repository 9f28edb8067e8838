/**
 * The `jxlint parse --format json` view of a document: the AST reduced to what a reader of the
 * table needs (amounts in 万元, blank cells null, spend plan as four numbers).
 */
import type { JxDocument, Origin, Project, Value } from './types.js';

export interface ParsedValueJson {
  raw: string;
  op: Value['op'];
  number: number | null;
  unit: string | null;
  kind: Value['kind'];
}

export interface ParsedProjectJson {
  index: number;
  /** The template family the table's labels belong to (docs/templates.md). */
  template: Project['template'];
  code: string | null;
  name: string | null;
  agency: string | null;
  title: string | null;
  budget: { total: number | null; fiscal: number | null; other: number | null };
  purpose: string | null;
  spendPlan: (number | null)[];
  goals: string[];
  layout: Project['layout'];
  indicators: {
    level1: string | null;
    level2: string | null;
    level3: string | null;
    description: string | null;
    value: ParsedValueJson;
    basis: string | null;
    origin: Origin | null;
  }[];
  origin: Origin | null;
}

export interface ParsedDocumentJson {
  filePath: string;
  format: JxDocument['format'];
  encoding: JxDocument['encoding'];
  layout: JxDocument['layout'];
  department: JxDocument['department'];
  projects: ParsedProjectJson[];
  diagnostics: JxDocument['diagnostics'];
}

/** A spend-plan cell as a percentage: the number when the cell is a percent, else null. */
function spendPlanNumber(v: Value): number | null {
  return v.kind === 'percent' ? v.number : null;
}

export function toParseJson(doc: JxDocument): ParsedDocumentJson {
  return {
    filePath: doc.filePath,
    format: doc.format,
    encoding: doc.encoding,
    layout: doc.layout,
    department: doc.department,
    projects: doc.projects.map((p) => ({
      index: p.index,
      template: p.template,
      code: p.code,
      name: p.name,
      agency: p.agency,
      title: p.title,
      budget: { total: p.budget.total, fiscal: p.budget.fiscal, other: p.budget.other },
      purpose: p.purpose,
      spendPlan: p.spendPlan.values.map(spendPlanNumber),
      goals: p.goals.map((g) => g.text),
      layout: p.layout,
      indicators: p.indicators.map((i) => ({
        level1: i.level1,
        level2: i.level2,
        level3: i.level3,
        description: i.description,
        value: { raw: i.value.raw, op: i.value.op, number: i.value.number, unit: i.value.unit, kind: i.value.kind },
        basis: i.basis,
        origin: i.origin,
      })),
      origin: p.origin,
    })),
    diagnostics: doc.diagnostics,
  };
}

/** Deep copy with every `origin`-like key removed: for comparing documents read from different formats. */
export function withoutOrigins<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, v) => (key === 'origin' || key === 'origins' || key === 'cellOrigins' || key === 'cells' || key === 'filePath' ? undefined : v)),
  ) as T;
}
