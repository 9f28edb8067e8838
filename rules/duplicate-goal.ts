import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { contentOf } from './shared/text.js';

export const duplicateGoal = defineRule({
  meta: {
    id: 'duplicate-goal',
    category: 'goal',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    recommended: true,
    // "1、完成率 2、完成率": the placeholder is the problem; placeholder-goal says so on the same item.
    yieldsTo: ['placeholder-goal'],
    messages: {
      duplicate: {
        'zh-CN':
          '绩效目标第{n}项“{found}”与第{first}项重复；重复的目标不增加任何内容，多是复制模板后没有改写；请删去重复项，或改写为项目要达成的另一项具体产出或效果',
        en: 'Goal item {n} "{found}" repeats item {first}; a repeated goal adds nothing and usually means a template was not filled in; delete it or write another concrete output or outcome',
      },
    },
    docs: {
      description: '同一项目的绩效目标中，有两项内容相同（去掉编号和标点后比较），如“1、完成率 2、完成率”。',
      descriptionEn: 'The same item twice in one goal list (1、完成率 2、完成率).',
      why: '绩效目标的各项应分别说明项目的不同产出和效果；同一句话写两遍，说明目标是照模板凑的，审核时会被认为目标不完整。',
      get bad() {
        return table({ goals: ['1、为12000名参保居民按季度发放缴费补贴和待遇补贴', '2、为12000名参保居民按季度发放缴费补贴和待遇补贴'] });
      },
      get good() {
        return table({ goals: ['1、为12000名参保居民按季度发放缴费补贴和待遇补贴', '2、补贴发放准确率达到98%以上，年底前发放完毕'] });
      },
      basis: '财预〔2015〕88号（绩效目标应指向明确、细化量化）；财预〔2011〕285号 第十四条。',
      limits: '只识别去掉编号、空格和标点后完全相同的两项；意思相同、措辞不同的目标看不出。重复项本身是占位写法（“2、完成率”）时由 placeholder-goal 报告，本规则让位。',
    },
  },
  create(context) {
    /** Goal content → its 1-based item number, per table. */
    let seen = new Map<string, number>();
    return {
      Project() {
        seen = new Map();
      },
      Goal(item, _project, index) {
        const key = contentOf(item.content);
        if (key === '') return;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, index + 1);
        else context.report({ node: item, messageId: 'duplicate', data: { n: index + 1, first, found: item.text } });
      },
    };
  },
});
