import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { isPlaceholderGoalContent } from './shared/goals.js';
import { hasNumber } from './shared/text.js';
import { hasStatedDeadline } from './shared/time-words.js';

export const goalNotQuantified = defineRule({
  meta: {
    id: 'goal-not-quantified',
    category: 'goal',
    defaultSeverity: 'info',
    kind: 'heuristic',
    recommended: true, // docs/rule-quality.md: precision ≥ 0.9 on the labelled corpus
    // A goal that is only a payment or only the project's name is reported there, with the fitting remedy.
    yieldsTo: ['goal-describes-input-or-payment', 'goal-restates-project-name', 'placeholder-goal'],
    messages: {
      notQuantified: {
        'zh-CN':
          '绩效目标“{found}”没有任何数字、数量或时间；目标要细化量化，才能设置对应指标并在年底评价是否达成；请写明做多少、做到什么程度、何时完成，如“为12000名参保居民按季度发放补贴，年底前发放完毕，准确率≥98%”',
        en: 'Goal "{found}" has no number, quantity or date; a goal must be specific and quantified so indicators can follow it and it can be assessed at year end; state how much, to what level and by when',
      },
    },
    docs: {
      description: '绩效目标的某一项既没有数字，也没有数量（“两次”“十个”）或时间（年底前、每季度）。占位写法（完成率、无、略）由 placeholder-goal 报告，这里跳过。',
      descriptionEn: 'A goal item with no number, quantity or date.',
      why: '绩效目标应“细化量化”，能量化的尽量量化。“确保基金安全运行”“维护网络正常运行”无法判断做到什么程度算达成，也无法与指标值对应。',
      get bad() {
        return table({ goals: ['1、确保基金安全运行'] });
      },
      get good() {
        return table();
      },
      basis: '财预〔2015〕88号（绩效目标细化量化）；财预〔2011〕285号 第十四条（“尽量进行定量表述。不能以量化形式表述的，可以采用定性的分级分档形式表述”）。',
      limits:
        '只看目标中有没有数字、带量词的中文数字或时间写法；有数字但数字与绩效无关（如只写了年份“2020年”）也算已量化。定性但分级分档的目标（如“达到省级示范标准”）也会被提示，可酌情忽略。同一项目标已被 goal-describes-input-or-payment 或 goal-restates-project-name 报告时本规则让位。',
    },
  },
  create(context) {
    return {
      Goal(item) {
        if (isPlaceholderGoalContent(item.content)) return;
        if (hasNumber(item.content) || hasStatedDeadline(item.content)) return;
        context.report({ node: item, messageId: 'notQuantified', data: { found: item.text } });
      },
    };
  },
});
