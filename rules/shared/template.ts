/**
 * 模板 (template families, docs/templates.md): which header fields and blocks a project table's own
 * form has, so a rule never calls "missing" what the form does not ask for (湖南 has no 项目编码 and no
 * 资金支出计划; the 2021+ core table, 湖北 and the 2016 申报表 have no spend plan …).
 * Pure functions; no rule logic.
 */
import type { Project, TemplateFamily } from '../../src/ast/types.js';

/** A header field a table may be required to fill (the names `requiredFields` accepts). */
export type HeaderField = 'code' | 'name' | 'agency' | 'budget.total' | 'budget.fiscal' | 'purpose' | 'goals' | 'longTermGoals' | 'implementationPeriod';

export const HEADER_FIELDS: readonly HeaderField[] = [
  'code',
  'name',
  'agency',
  'budget.total',
  'budget.fiscal',
  'purpose',
  'goals',
  'longTermGoals',
  'implementationPeriod',
];

/**
 * How a family treats a field: `required` (the form always has it), `ifPresent` (an optional row:
 * required when the table has its label, e.g. the 2021+ table's optional 项目编码 row); fields not
 * listed are not on the form.
 */
type FieldPolicy = 'required' | 'ifPresent';

const TEMPLATE_FIELDS: Record<TemplateFamily, Partial<Record<HeaderField, FieldPolicy>>> = {
  // The seed (河北/唐山 2020): 项目编码 | 项目名称, 预算数 …, 资金用途, 绩效目标.
  'seed-2020': { code: 'required', name: 'required', 'budget.total': 'required', purpose: 'required', goals: 'required' },
  // 湖南: 项目支出名称, 年度本级预算金额, 本年度绩效目标; no 项目编码, no 资金用途.
  hunan: { name: 'required', 'budget.total': 'required', goals: 'required' },
  // 财预〔2021〕101号: 项目名称, 年度资金总额, 年度绩效目标; 项目编码 only in some prints.
  'core-2021': { code: 'ifPresent', name: 'required', 'budget.total': 'required', goals: 'required' },
  // 湖北 (鄂州 2022): 项目名称 | 项目编码, 预算金额, 年度绩效目标.
  hubei: { code: 'required', name: 'required', 'budget.total': 'required', goals: 'required' },
  // 2016 national 申报表: 项目名称, 资金总额：…, 年度目标 (主管部门编码 is the department's, not a 项目编码).
  'national-2016': { name: 'required', 'budget.total': 'required', goals: 'required' },
  // Not recognised: the fields of the seed, as before templates were told apart.
  unknown: { code: 'required', name: 'required', 'budget.total': 'required', purpose: 'required', goals: 'required' },
};

/** The family of a table; an AST written before families existed counts as `unknown`. */
export function templateOf(project: Project): TemplateFamily {
  return project.template ?? 'unknown';
}

/** A recognised family (not `unknown`). */
export function isKnownTemplate(project: Project): boolean {
  return templateOf(project) !== 'unknown';
}

/** Whether the table has the label of a field at all (its cell was read, blank or not). */
function hasFieldRow(project: Project, field: HeaderField): boolean {
  switch (field) {
    case 'code':
      return project.fields.code.origin !== null || project.code !== null;
    case 'purpose':
      return project.fields.purpose.origin !== null || project.purpose !== null;
    case 'agency':
      return project.fields.agency.origin !== null || project.agency !== null;
    default:
      return true;
  }
}

/** Whether the table's own form asks for the field (docs/templates.md). */
export function templateRequires(project: Project, field: HeaderField): boolean {
  const policy = TEMPLATE_FIELDS[templateOf(project)][field];
  if (policy === 'required') return true;
  return policy === 'ifPresent' && hasFieldRow(project, field);
}

/**
 * Whether the table's form has a 资金支出计划 block. The recognised families other than the seed's
 * (湖南, 2021+ core, 湖北, 2016) have none. The seed's form has one, but its labels also head tables of
 * the 2021+ indicator layout printed without the block (fixtures/labels county-sample-2022); so for the
 * seed's family, and for a table whose family is not recognised, the guess made before families were
 * told apart stands: the legacy indicator layout (the seed's own) or another table of the file with a plan.
 */
export function templateHasSpendPlan(project: Project, anyTableHasPlan: boolean): boolean {
  const family = templateOf(project);
  if (family !== 'seed-2020' && family !== 'unknown') return false;
  return anyTableHasPlan || project.layout === 'legacy';
}
