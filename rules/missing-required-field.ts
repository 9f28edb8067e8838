import type { Project } from '../src/ast/types.js';
import type { ProjectCell } from '../src/engine/types.js';
import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { HEADER_FIELDS, type HeaderField, templateRequires } from './shared/template.js';
import { isBlank } from './shared/text.js';

interface RequiredField {
  /** The cell a report points at; `table` for a field with no cell role of its own. */
  cell: ProjectCell;
  zh: string;
  en: string;
  blank: (p: Project) => boolean;
}

const noGoals = (goals: Project['goals']) => goals.every((g) => isBlank(g.text));

/** The header fields in report order (docs/templates.md). */
const FIELDS: Record<HeaderField, RequiredField> = {
  code: { cell: 'code', zh: '项目编码', en: 'project code', blank: (p) => isBlank(p.code) },
  name: { cell: 'name', zh: '项目名称', en: 'project name', blank: (p) => isBlank(p.name) },
  agency: { cell: 'agency', zh: '预算单位', en: 'budget unit', blank: (p) => isBlank(p.agency) },
  'budget.total': { cell: 'budget.total', zh: '预算数', en: 'budget total', blank: (p) => p.budget.total === null && isBlank(p.budget.totalRaw) },
  'budget.fiscal': { cell: 'budget.fiscal', zh: '财政资金', en: 'fiscal funds', blank: (p) => p.budget.fiscal === null && isBlank(p.budget.fiscalRaw) },
  purpose: { cell: 'purpose', zh: '资金用途', en: 'use of funds', blank: (p) => isBlank(p.purpose) },
  goals: { cell: 'goals', zh: '绩效目标', en: 'performance goals', blank: (p) => noGoals(p.goals) && isBlank(p.fields.goals.text) },
  longTermGoals: { cell: 'table', zh: '长期（实施期）绩效目标', en: 'long-term (implementation-period) goals', blank: (p) => noGoals(p.longTermGoals ?? []) },
  implementationPeriod: { cell: 'table', zh: '项目实施期', en: 'implementation period', blank: (p) => isBlank(p.implementationPeriod) },
};

export const missingRequiredField = defineRule({
  meta: {
    id: 'missing-required-field',
    category: 'required',
    defaultSeverity: 'error',
    kind: 'exact',
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
      description:
        '表的模板要求填写的表头字段为空（即使表名中写了项目名称），或表中没有任何指标行。各模板要求的字段（docs/templates.md）：样例文件的模板（河北/唐山 2020）和识别不出模板的表——项目编码、项目名称、预算数、资金用途、绩效目标；湖南申报表、2016年申报表——项目（支出）名称、预算金额、（本）年度绩效目标；2021版核心绩效指标表——同上，表中有项目编码栏时还有项目编码；湖北表——同上加项目编码。模板没有的栏目（如湖南表的项目编码、各新模板的资金用途）不算缺失，除非配置 requiredFields 列出。',
      descriptionEn:
        "A header field the table's template asks for is blank, or the table has no indicator row. Fields the template does not have (湖南 has no 项目编码, the newer forms no 资金用途) are not missing unless the option requiredFields lists them.",
      why: '这些栏目是审核“完整性”的基本要求：没有编码无法与预算系统对应，没有预算数无法比对成本，没有资金用途和绩效目标就无法判断指标是否相关。',
      get bad() {
        return table({ code: '', purpose: '' });
      },
      get good() {
        return table();
      },
      basis: '财预〔2015〕88号 第三章（绩效目标审核：完整性）；docs/taxonomy.md §8（表头字段）。',
      options:
        'requiredFields（字符串数组，默认 []）：在模板本身要求的字段之外，每张表都必须填写的字段，可选 "code"（项目编码）、"name"（项目名称）、"agency"（预算单位）、"budget.total"（预算数）、"budget.fiscal"（财政资金）、"purpose"（资金用途）、"goals"（年度绩效目标）、"longTermGoals"（长期/实施期绩效目标）、"implementationPeriod"（项目实施期），如 `"missing-required-field": ["error", { "requiredFields": ["code", "purpose"] }]` 要求湖南表也填项目编码和资金用途。',
      limits: '只检查是否为空，不检查内容是否合理（编码格式由启发式规则 project-code-inconsistent 检查）。模板按表头标签识别，识别不出时按样例文件的模板要求。',
    },
  },
  options: {
    requiredFields: {
      type: 'string[]',
      enum: HEADER_FIELDS,
      default: [],
      description: '模板要求之外，每张表都必须填写的表头字段（code、name、agency、budget.total、budget.fiscal、purpose、goals、longTermGoals、implementationPeriod）',
      descriptionEn: "Header fields every table must fill besides those its template asks for (code, name, agency, budget.total, budget.fiscal, purpose, goals, longTermGoals, implementationPeriod)",
    },
  },
  create(context) {
    const extra = new Set<HeaderField>(context.options.requiredFields);
    return {
      Project(project) {
        for (const name of HEADER_FIELDS) {
          const f = FIELDS[name];
          if (!extra.has(name) && !templateRequires(project, name)) continue;
          if (f.blank(project)) context.report({ node: project, cell: f.cell, messageId: 'blank', data: { field: f.zh, fieldEn: f.en }, found: null });
        }
        if (project.indicators.length === 0) context.report({ node: project, messageId: 'noIndicators' });
      },
    };
  },
});
