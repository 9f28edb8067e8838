import type { Project } from '../src/ast/types.js';
import type { ProjectCell } from '../src/engine/types.js';
import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { isBlank } from './shared/text.js';

interface RequiredField {
  cell: ProjectCell;
  zh: string;
  en: string;
  blank: (p: Project) => boolean;
}

const FIELDS: RequiredField[] = [
  { cell: 'code', zh: '项目编码', en: 'project code', blank: (p) => isBlank(p.code) },
  { cell: 'name', zh: '项目名称', en: 'project name', blank: (p) => isBlank(p.name) },
  { cell: 'budget.total', zh: '预算数', en: 'budget total', blank: (p) => p.budget.total === null && isBlank(p.budget.totalRaw) },
  { cell: 'purpose', zh: '资金用途', en: 'use of funds', blank: (p) => isBlank(p.purpose) },
  {
    cell: 'goals',
    zh: '绩效目标',
    en: 'performance goals',
    blank: (p) => p.goals.every((g) => isBlank(g.text)) && isBlank(p.fields.goals.text),
  },
];

export const missingRequiredField = defineRule({
  meta: {
    id: 'missing-required-field',
    category: 'required',
    defaultSeverity: 'error',
    kind: 'exact',
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
      limits: '只检查是否为空，不检查内容是否合理（编码格式由启发式规则 project-code-inconsistent 检查）。',
    },
  },
  create(context) {
    return {
      Project(project) {
        for (const f of FIELDS) {
          if (f.blank(project)) context.report({ node: project, cell: f.cell, messageId: 'blank', data: { field: f.zh, fieldEn: f.en }, found: null });
        }
        if (project.indicators.length === 0) context.report({ node: project, messageId: 'noIndicators' });
      },
    };
  },
});
