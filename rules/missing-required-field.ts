import type { Origin, Project } from '../src/ast/types.js';
import type { CellRole, Rule } from '../src/engine/types.js';
import { projectOrigin } from './shared/cells.js';
import { table } from './shared/example-table.js';
import { isBlank } from './shared/text.js';

interface RequiredField {
  role: CellRole;
  zh: string;
  en: string;
  blank: (p: Project) => boolean;
  origin: (p: Project) => Origin | null;
}

/** 项目编码, 项目名称, 预算数, 资金用途, 绩效目标 (docs/rule-catalogue.md). */
const FIELDS: RequiredField[] = [
  { role: 'code', zh: '项目编码', en: 'project code', blank: (p) => isBlank(p.code), origin: (p) => p.fields.code.origin },
  { role: 'name', zh: '项目名称', en: 'project name', blank: (p) => isBlank(p.name), origin: (p) => p.fields.name.origin },
  {
    role: 'budget.total',
    zh: '预算数',
    en: 'budget total',
    blank: (p) => p.budget.total === null && isBlank(p.budget.totalRaw),
    origin: (p) => p.budget.origin.total,
  },
  { role: 'purpose', zh: '资金用途', en: 'use of funds', blank: (p) => isBlank(p.purpose), origin: (p) => p.fields.purpose.origin },
  {
    role: 'goals',
    zh: '绩效目标',
    en: 'performance goals',
    blank: (p) => p.goals.every((g) => isBlank(g.text)) && isBlank(p.fields.goals.text),
    origin: (p) => p.fields.goals.origin,
  },
];

export const missingRequiredField: Rule = {
  meta: {
    id: 'missing-required-field',
    category: 'required',
    defaultSeverity: 'error',
    part: 'A',
    fixable: false,
    messages: {
      blank: {
        'zh-CN': '“{field}”为空；{field}是绩效目标表的必填项，表名里写了也要在该栏填写，请补上',
        en: 'The {fieldEn} cell is blank; it is a required field of the table (even when the title names it) — fill it in',
      },
      noIndicators: {
        'zh-CN': '绩效目标表没有任何指标行；请按一级、二级、三级指标填写绩效指标及指标值',
        en: 'The table has no indicator rows; add the indicators with their levels and target values',
      },
    },
    docs: {
      description: '项目编码、项目名称、预算数、资金用途或绩效目标单元格为空（即使表名中写了项目名称），或表中没有任何指标行。',
      descriptionEn: 'The project code, name, budget total, use of funds or goals cell is blank, or the table has no indicator row.',
      why: '这些栏目是审核“完整性”的基本要求：没有编码无法与预算系统对应，没有预算数无法比对成本，没有资金用途和绩效目标就无法判断指标是否相关。',
      bad: table({ code: '', purpose: '' }),
      good: table(),
      basis: '财预〔2015〕88号 第三章（绩效目标审核：完整性）；docs/taxonomy.md §8（表头字段）。',
      limits: '只检查是否为空，不检查内容是否合理（编码格式由 Part B 的 project-code-inconsistent 检查）。',
    },
  },
  check(context) {
    for (const project of context.document.projects) {
      for (const f of FIELDS) {
        if (!f.blank(project)) continue;
        context.report({
          messageId: 'blank',
          project,
          role: f.role,
          origin: projectOrigin(project, f.origin(project)),
          data: { field: f.zh, fieldEn: f.en },
          found: null,
        });
      }
      if (project.indicators.length === 0) {
        context.report({ messageId: 'noIndicators', project, role: 'table', origin: projectOrigin(project), found: null });
      }
    }
  },
};
