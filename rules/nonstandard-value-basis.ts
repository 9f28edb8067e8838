import type { Indicator } from '../src/ast/types.js';
import { defineRule } from '../src/engine/define-rule.js';
import { CLEAN_INDICATORS, table } from './shared/example-table.js';
import { hasColumn } from './shared/indicator-grid.js';
import { isCostIndicator } from './shared/taxonomy.js';
import { cellText } from './shared/text.js';
import { isBlank } from './shared/text.js';
import { isAcceptedBasis } from './shared/value-basis.js';

export const nonstandardValueBasis = defineRule({
  meta: {
    id: 'nonstandard-value-basis',
    category: 'value',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    recommended: true,
    messages: {
      nonstandard: {
        'zh-CN':
          '第{table}张表有 {rows} 行的指标值确定依据是“{found}”，它既不是计划标准、行业标准、历史标准、其他标准（成本指标可用预算支出标准），也没有写出具体文件名称或文号；依据说不清，指标值是否合理就无从审核；请改为标准名称，或写明文件，如“计划标准”“《XX省城乡居民基本养老保险实施办法》”',
        en: 'Table {table} gives "{found}" as the basis of {rows} rows; it is neither 计划标准, 行业标准, 历史标准, 其他标准 (预算支出标准 for costs) nor a named document or document number, so nobody can check whether the values are reasonable; use a standard name or cite the document, e.g. "计划标准" or "《…实施办法》"',
      },
    },
    docs: {
      description:
        '指标值确定依据既不是计划标准、行业标准、历史标准、其他标准（成本指标还可用预算支出标准），也没有写出具体文件（《…》或〔YYYY〕N号文号），如“省市区相关文件”“单位工作需要”。同一张表里相同的依据合并为一条报告。',
      descriptionEn:
        'An 指标值确定依据 that is neither 计划标准, 行业标准, 历史标准, 其他标准 (预算支出标准 for costs) nor a named document (《…》, 〔YYYY〕N号); one report per table and basis.',
      why: '绩效标准是设定指标值的依据：计划标准（计划、预算、定额）、行业标准、历史标准或财政部门认可的其他标准。“省市区相关文件”“单位工作需要”说不出是哪个标准、哪份文件，审核时无法核实指标值是否合理。',
      get bad() {
        return table({ indicators: CLEAN_INDICATORS.map((r) => [...r.slice(0, 5), '单位工作需要']) });
      },
      get good() {
        return table();
      },
      basis: '财预〔2015〕88号 第八条（绩效标准：历史标准、行业标准、计划标准、财政部门认可的其他标准）；项目支出绩效目标申报表填报说明；预算支出标准用于成本指标（docs/sources.md 26）；docs/taxonomy.md §7。',
      limits:
        '只检查依据是否为标准名称或引用了具体文件，不核实文件是否存在、标准是否合适；“参照行业标准”“计划标准及历史数据”等包含标准名称的写法都接受。依据为空的行不报告；表中没有依据列的模板不检查。',
    },
  },
  create(context) {
    return {
      Project(project) {
        if (!hasColumn(project, 'basis')) return;
        // One report per distinct wording, on its first row.
        const groups = new Map<string, Indicator[]>();
        for (const ind of project.indicators) {
          if (isBlank(ind.basis) || isAcceptedBasis(ind.basis, isCostIndicator(ind))) continue;
          const key = cellText(ind.basis);
          const rows = groups.get(key);
          if (rows) rows.push(ind);
          else groups.set(key, [ind]);
        }
        for (const [first, ...rest] of groups.values()) {
          const basis = first!.basis ?? '';
          context.report({ node: first!, cell: 'basis', messageId: 'nonstandard', found: basis, data: { table: project.index, rows: rest.length + 1, found: basis } });
        }
      },
    };
  },
});
