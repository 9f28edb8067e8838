/**
 * Where a report points: the origin of an indicator cell or a project field, with fallbacks to the
 * row and the table, so every report has the most precise place the AST knows.
 */
import type { Indicator, IndicatorColumn, Origin, Project } from '../../src/ast/types.js';
import type { CellRole, LegacyRuleContext, Report } from '../../src/engine/types.js';

const ROLE_COLUMN: Partial<Record<CellRole, IndicatorColumn>> = {
  'indicator.level1': 'level1',
  'indicator.level2': 'level2',
  'indicator.level3': 'level3',
  'indicator.description': 'description',
  'indicator.value': 'value',
  'indicator.basis': 'basis',
  'indicator.nature': 'nature',
  'indicator.unit': 'unit',
};

/** Origin of one cell of an indicator row (falls back to the row). */
export function indicatorCellOrigin(ind: Indicator, role: CellRole): Origin | null {
  const column = ROLE_COLUMN[role];
  return (column ? ind.cells[column] : null) ?? ind.origin ?? null;
}

type IndicatorReport = Omit<Report, 'project' | 'origin' | 'indicatorIndex' | 'role'> & {
  role: CellRole;
  origin?: Origin | null;
};

/** Reports on one cell of an indicator row (the caller's object is copied, so it may be reused). */
export function reportIndicator(
  context: LegacyRuleContext,
  project: Project,
  index: number,
  report: IndicatorReport,
): void {
  const ind = project.indicators[index]!;
  context.report({
    ...report,
    project,
    indicatorIndex: index,
    origin: report.origin ?? indicatorCellOrigin(ind, report.role),
  });
}

/** The origin of a project-level report: the cell if known, else the table. */
export function projectOrigin(project: Project, ...candidates: (Origin | null | undefined)[]): Origin | null {
  for (const c of candidates) if (c) return c;
  return project.origin ?? null;
}
