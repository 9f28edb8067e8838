import type { Indicator, Origin } from '../src/ast/types.js';
import { defineRule } from '../src/engine/define-rule.js';
import { CLEAN_INDICATORS, table, tables } from './shared/example-table.js';
import { isQuantitativeValue } from './shared/indicator-grid.js';
import { normalizedRaw } from './shared/values.js';

interface Tally {
  total: number;
  matched: number;
  values: string[];
  origin: Origin | null;
}

/**
 * The quantitative values counted so far: how many, and per distinct value (normalised) its count
 * and the cell of its first row — no rows kept.
 */
class ValueCounts {
  total = 0;
  private readonly counts = new Map<string, { n: number; origin: Origin | null }>();

  add(ind: Indicator): void {
    if (!isQuantitativeValue(ind)) return;
    this.total++;
    const key = normalizedRaw(ind.value);
    const c = this.counts.get(key);
    if (c) c.n++;
    else this.counts.set(key, { n: 1, origin: ind.cells.value ?? ind.origin ?? null });
  }

  /** How many quantitative values are the one or two most common strings (ties: the first seen). */
  tally(): Tally {
    const top = [...this.counts.entries()].sort((a, b) => b[1].n - a[1].n).slice(0, 2);
    return {
      total: this.total,
      matched: top.reduce((s, [, c]) => s + c.n, 0),
      values: top.map(([v]) => v),
      origin: top[0]?.[1].origin ?? null,
    };
  }
}

const TEMPLATE_ROWS = CLEAN_INDICATORS.map((r) =>
  r[1] === '时效指标' || r[1] === '成本指标' ? r : [r[0], r[1], r[2], r[3], r[1] === '满意度指标' || r[1] === '社会效益指标' || r[1] === '可持续影响指标' ? '≥95%' : '≥98%', r[5]],
);

export const uniformValuesTemplate = defineRule({
  meta: {
    id: 'uniform-values-template',
    category: 'value',
    defaultSeverity: 'info',
    kind: 'heuristic',
    recommended: true, // docs/rule-quality.md: precision ≥ 0.9 on the labelled corpus
    messages: {
      document: {
        'zh-CN':
          '本文档 {total} 个定量指标值中有 {matched} 个（{percent}%）是“{values}”；不同项目的数量、质量、时效、效益目标几乎都一样，说明指标值是套模板填的，没有按项目实际测算；请逐项按计划、历史或行业标准填写，数量写具体人数、次数，时效写日期，成本写金额',
        en: '{matched} of the document\'s {total} quantitative values ({percent}%) are "{valuesEn}"; nearly identical targets across different projects mean the values were copied from a template rather than set per project; set each from plans, history or industry standards, with counts, dates and amounts',
      },
      table: {
        'zh-CN':
          '第{table}张表 {total} 个定量指标值中有 {matched} 个（{percent}%）是“{values}”；数量、质量、时效、效益目标几乎一样，说明是套模板填的；请逐项按计划、历史或行业标准填写，数量写具体人数、次数，时效写日期，成本写金额',
        en: '{matched} of table {table}\'s {total} quantitative values ({percent}%) are "{valuesEn}"; nearly identical targets mean the values were copied from a template; set each from plans, history or industry standards, with counts, dates and amounts',
      },
    },
    docs: {
      description:
        '至少75%的定量指标值是同一两个写法（如“≥98%”“≥95%”）。默认按整个文档统计、报告一次（种子文件：162个值中136个是≥98%或≥95%）；选项 scope 为 "table" 时逐表统计。',
      descriptionEn: 'At least 75% of the quantitative values are the same one or two strings (seed: 136 of 162 are ≥98% or ≥95%); reported once per document, or per table with scope "table".',
      why: '绩效指标值应当“细化量化、合理可行”，按计划标准、历史数据或行业标准逐项测算。人数、准确率、及时率、幸福指数都填“≥98%”或“≥95%”，说明是套模板，目标既不可考核，也不能反映项目差异。',
      get bad() {
        return tables({ indicators: TEMPLATE_ROWS }, { indicators: TEMPLATE_ROWS, code: '316-1202-JBN-B5YG', name: '城乡居民医疗保险财政补贴' });
      },
      get good() {
        return table();
      },
      options:
        '`threshold`（0–1，默认 0.75）：最常见的两个写法占定量指标值的比例达到多少才报告；`minValues`（默认 8）：定量指标值少于此数不判断；`scope`（"document" | "table"，默认 "document"）：按文档还是逐表统计。',
      basis: '财预〔2015〕88号（绩效目标细化量化、合理可行）；绩效评价报告编制实务（“不能设定过低的产出和效益目标”，docs/sources.md 16）。',
      limits:
        '只看写法是否相同，不知道这些值本身是否合理：几张确属同类的补贴表指标值相近时也会被提示；反过来，值各不相同但都不合理的情况看不出。含数字的值都算定量值（日期、金额也算）。',
    },
  },
  options: {
    threshold: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: 0.75,
      description: '最常见的两个写法所占比例的下限',
      descriptionEn: 'Share of the two most common strings that triggers the report',
    },
    minValues: { type: 'integer', minimum: 1, default: 8, description: '参与统计的最少定量指标值个数', descriptionEn: 'Fewest quantitative values to judge' },
    scope: { type: 'string', enum: ['document', 'table'], default: 'document', description: '按文档或逐表统计', descriptionEn: 'Count per document or per table' },
  },
  create(context) {
    const { threshold, minValues, scope } = context.options;
    let values = new ValueCounts();
    /** The report's fields when the one or two most common values make up the threshold share of the rows. */
    const judge = (table: number) => {
      const t = values.tally();
      if (t.total < minValues || t.matched < threshold * t.total) return null;
      return {
        origin: t.origin,
        found: t.values.join(' / '),
        data: {
          total: t.total,
          matched: t.matched,
          percent: Math.round((t.matched / t.total) * 100),
          values: t.values.join('”或“'),
          valuesEn: t.values.join('" or "'),
          table,
        },
      };
    };
    return {
      Project() {
        if (scope === 'table') values = new ValueCounts();
      },
      Indicator(indicator) {
        values.add(indicator);
      },
      'Project:exit'(project) {
        const uniform = scope === 'table' ? judge(project.index) : null;
        if (uniform) context.report({ node: project, messageId: 'table', ...uniform });
      },
      'Document:exit'(document) {
        const uniform = scope === 'document' ? judge(0) : null;
        if (uniform) context.report({ node: document, messageId: 'document', ...uniform });
      },
    };
  },
});
