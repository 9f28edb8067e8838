import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { level3Key } from './shared/taxonomy.js';

export const duplicateIndicator = defineRule({
  meta: {
    id: 'duplicate-indicator',
    category: 'consistency',
    defaultSeverity: 'warn',
    kind: 'exact',
    fixable: false,
    messages: {
      duplicate: {
        'zh-CN': '三级指标“{level3}”在本表出现了两次（第{first}条指标已有）；同一指标只应考核一次，请删除重复行，或换成该二级指标下真正要考核的内容',
        en: 'Level-3 "{level3}" appears twice in this table (already indicator {first}); assess each measure once — delete the duplicate or replace it with what its category should measure',
      },
    },
    docs: {
      description: '同一张表中两行的三级指标名称相同（忽略空白）。报告在后出现的行上。',
      descriptionEn: 'Two rows of one table have the same level-3 indicator name.',
      why: '重复的指标不增加信息，往往说明有一类指标没想清楚、拿别的指标凑数（如在生态效益指标下再填一次“服务对象满意度”），使该类指标实际缺失。',
      bad: table({
        indicators: withRows({
          城乡居民养老保险参保率: ['效益指标', '社会效益指标', '参保居民满意度', '参保居民的满意程度', '≥90%', '计划标准'],
        }),
      }),
      good: table(),
      basis: '财预〔2015〕88号 第三章（审核绩效目标的完整性、相关性）。',
      limits: '只比较名称完全相同的三级指标；意思相同、写法不同的指标不报告。',
    },
  },
  create(context) {
    /** 三级 name → index of its first row, per table. */
    let seen = new Map<string, number>();
    return {
      Project() {
        seen = new Map();
      },
      Indicator(indicator, _project, index) {
        const key = level3Key(indicator.level3);
        if (!key) return;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, index);
        else context.report({ node: indicator, cell: 'level3', messageId: 'duplicate', data: { level3: indicator.level3 ?? '', first: first + 1 } });
      },
    };
  },
});
