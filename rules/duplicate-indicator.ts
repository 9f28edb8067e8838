import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import type { Indicator } from '../src/ast/types.js';
import { canonicalLevel1, canonicalLevel2, isSatisfactionIndicator, level3Key, ownersOf } from './shared/taxonomy.js';
import { squeeze } from './shared/text.js';

/** A row filed under a category that does not own it (a satisfaction 三级 under 生态效益, a 二级 under the wrong 一级). */
function isMisfiled(indicator: Indicator): boolean {
  if (squeeze(indicator.level3).includes('满意') && !isSatisfactionIndicator(indicator)) return true;
  const l1 = canonicalLevel1(indicator.level1);
  const l2 = canonicalLevel2(indicator.level2, indicator.level1);
  return l1 !== null && l2 !== null && !ownersOf(l2).includes(l1);
}

export const duplicateIndicator = defineRule({
  meta: {
    id: 'duplicate-indicator',
    category: 'consistency',
    defaultSeverity: 'warn',
    kind: 'exact',
    messages: {
      duplicate: {
        'zh-CN': '三级指标“{level3}”在本表出现了两次（第{first}条指标已有）；同一指标只应考核一次，请删除重复行，或换成该二级指标下真正要考核的内容',
        en: 'Level-3 "{level3}" appears twice in this table (already indicator {first}); assess each measure once — delete the duplicate or replace it with what its category should measure',
      },
      misfiled: {
        'zh-CN':
          '三级指标“{level3}”在本表出现了两次：第{other}条在“{otherLevel2}”下，归类正确；这一条放在“{level2}”下，是误放的重复；请删除这一条，{level2}有实际内容的另填真正的{level2}，没有的可以不设',
        en: 'Level-3 "{level3}" appears twice in this table: indicator {other} is filed correctly under "{otherLevel2}", this one under "{level2}" is a misfiled copy; delete this row, and give {level2} a real measure or leave it out',
      },
    },
    docs: {
      description: '同一张表中两行的三级指标名称相同（忽略空白）。每对只报告一次：其中一行归类错误（如生态效益指标下的“服务对象满意度”）时报告在归类错误的那一行上，否则报告在后出现的行上；另一行列为相关位置。',
      descriptionEn: 'Two rows of one table have the same level-3 indicator name.',
      why: '重复的指标不增加信息，往往说明有一类指标没想清楚、拿别的指标凑数（如在生态效益指标下再填一次“服务对象满意度”），使该类指标实际缺失。',
      get bad() {
        return table({
          indicators: withRows({
            城乡居民养老保险参保率: ['效益指标', '社会效益指标', '参保居民满意度', '参保居民的满意程度', '≥90%', '计划标准'],
          }),
        });
      },
      get good() {
        return table();
      },
      basis: '财预〔2015〕88号 第三章（审核绩效目标的完整性、相关性）。',
      limits: '只比较名称完全相同的三级指标；意思相同、写法不同的指标不报告。归类错误的行同时由 indicator-category-mismatch 报告（“移到满意度指标下”）；已有归类正确的同名行时，本规则的“删除这一条”是更合适的处理。',
    },
  },
  create(context) {
    /** 三级 name → its first row, per table. */
    let seen = new Map<string, { indicator: Indicator; index: number }>();
    return {
      Project() {
        seen = new Map();
      },
      Indicator(indicator, _project, index) {
        const key = level3Key(indicator.level3);
        if (!key) return;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, { indicator, index });
          return;
        }
        const level3 = indicator.level3 ?? '';
        // One finding per pair, on the misfiled row when exactly one of the two is misfiled.
        if (isMisfiled(first.indicator) !== isMisfiled(indicator)) {
          const [wrong, right, rightIndex] = isMisfiled(indicator) ? [indicator, first.indicator, first.index] : [first.indicator, indicator, index];
          context.report({
            node: wrong,
            cell: 'level3',
            messageId: 'misfiled',
            related: [{ node: right, cell: 'level3' }],
            data: { level3, other: rightIndex + 1, otherLevel2: right.level2 ?? '', level2: wrong.level2 ?? '' },
          });
          return;
        }
        context.report({
          node: indicator,
          cell: 'level3',
          messageId: 'duplicate',
          related: [{ node: first.indicator, cell: 'level3' }],
          data: { level3, first: first.index + 1 },
        });
      },
    };
  },
});
