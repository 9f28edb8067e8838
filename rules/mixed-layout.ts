import { defineRule } from '../src/engine/define-rule.js';
import { CLEAN_INDICATORS, table } from './shared/example-table.js';
import { canonicalLevel1, canonicalLevel2 } from './shared/taxonomy.js';

export const mixedLayout = defineRule({
  meta: {
    id: 'mixed-layout',
    category: 'structure',
    defaultSeverity: 'error',
    kind: 'heuristic',
    recommended: true,
    messages: {
      mixed: {
        'zh-CN':
          '第{table}张表同时使用两种版式：指标表第{v2021Row}行把成本指标作为一级，第{legacyRow}行又把“{legacyLabel}”作为产出指标下的二级；同一张表只能用一种指标体系，成本会被重复或遗漏计算；请统一为2021版式（成本指标为一级，下设经济成本指标等）或统一为旧版（成本指标在产出指标下）',
        en: 'Table {table} mixes the two layouts: row {v2021Row} has 成本指标 as a level-1 while row {legacyRow} files "{legacyLabel}" as a level-2 under 产出指标; one table must use one indicator system or costs are counted twice or missed; use the 2021+ layout (成本指标 level-1 with 经济成本指标 …) or the legacy one throughout',
      },
    },
    docs: {
      description:
        '同一张表既有一级为“成本指标”的行（2021年起的版式），又有产出指标下二级为“成本指标”的行（旧版），即混用了两种版式。',
      descriptionEn: 'One table uses both layouts: 成本指标 as a level-1 (2021+) and 成本指标 as a level-2 under 产出指标 (legacy).',
      why: '两种版式对成本的归类不同：旧版把成本作为产出的一部分，2021版把成本单列为一级并分经济、社会、生态环境成本。混用会让同一项成本被重复填报或漏填，评分时一级指标的权重也无法确定。',
      get bad() {
        return table({
          indicators: [
            ['成本指标', '经济成本指标', '项目总成本', '全年补贴支出总额', '≤800万元', '预算支出标准'],
            ...CLEAN_INDICATORS,
          ],
        });
      },
      get good() {
        return table();
      },
      basis: '财预〔2021〕101号 附件1、附件2（成本指标为一级）；财预〔2015〕88号 第七条（成本为产出下的二级）；docs/taxonomy.md §1“Sanity checks for the layout detector”。',
      limits: '按“成本指标”标签判断；成本行用了别的写法（如“投入”下的成本目标）时看不出混用。跨表混用（不同表用不同版式）不报告，那是允许的。',
    },
  },
  create(context) {
    return {
      Project(project) {
        let v2021: number | null = null;
        let legacy: number | null = null;
        project.indicators.forEach((ind, index) => {
          if (canonicalLevel1(ind.level1) === '成本') v2021 ??= index;
          else if (canonicalLevel1(ind.level1) === '产出' && canonicalLevel2(ind.level2, ind.level1) === '成本') legacy ??= index;
        });
        if (v2021 === null || legacy === null) return;
        const legacyRow = project.indicators[legacy]!;
        context.report({
          node: legacyRow,
          cell: 'level2',
          messageId: 'mixed',
          data: { table: project.index, v2021Row: v2021 + 1, legacyRow: legacy + 1, legacyLabel: legacyRow.level2 ?? '' },
        });
      },
    };
  },
});
