import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { contentOf } from './shared/text.js';

/** Words that add nothing to a restated name (项目, 工作, 绩效目标). */
function core(text: string): string {
  return contentOf(text).replace(/项目|工作|绩效目标|的/g, '');
}

export const goalRestatesProjectName = defineRule({
  meta: {
    id: 'goal-restates-project-name',
    category: 'goal',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    recommended: true,
    messages: {
      restates: {
        'zh-CN':
          '绩效目标“{found}”只是重复了项目名称“{name}”，没有说明项目要做成什么；绩效目标应写本年度预期的产出和效果（为多少人、做多少事、达到什么水平、何时完成）；请改写如“为N名…按月足额发放…，年底前完成”',
        en: 'Goal "{found}" only repeats the project name "{name}" and says nothing about what the project will achieve; a goal states this year\'s expected outputs and effects (for how many people, how much, to what level, by when)',
      },
    },
    docs: {
      description: '绩效目标的某一项（去掉编号、标点和“项目”“工作”等虚词后）与项目名称相同。',
      descriptionEn: 'A goal item that is only the project name.',
      why: '绩效目标是“预算资金计划在一定期限内达到的产出和效果”。把项目名称抄一遍作为目标，等于没有目标，后面的指标也无从对应。',
      get bad() {
        return table({ goals: ['1、城乡居民养老保险区财政补贴'] });
      },
      get good() {
        return table();
      },
      basis: '财预〔2015〕88号 第二条、第六条（绩效目标的含义与内容）；财预〔2011〕285号 第十四条（指向明确、具体细化）。',
      limits: '只识别与项目名称相同（忽略编号、标点和“项目”“工作”“的”）的目标项；在名称前后加了几个字（如“保障…顺利实施”）的变体看不出，可由 goal-not-quantified 提示。',
    },
  },
  create(context) {
    return {
      Goal(item, project) {
        const name = core(project.name ?? '');
        if (name.length >= 2 && core(item.content) === name) {
          context.report({ node: item, messageId: 'restates', data: { found: item.text, name: project.name ?? '' } });
        }
      },
    };
  },
});
