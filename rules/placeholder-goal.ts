import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { placeholderKind } from './shared/goals.js';
import { squeeze, stripTrailingPunctuation } from './shared/text.js';

export const placeholderGoal = defineRule({
  meta: {
    id: 'placeholder-goal',
    category: 'goal',
    defaultSeverity: 'error',
    kind: 'exact',
    messages: {
      empty: {
        'zh-CN': '绩效目标“{found}”只有编号没有内容；请写明本年度要完成的产出和达到的效果，如“为12000名参保居民按季度足额发放补贴”',
        en: 'Goal "{found}" is a number with no content; state what the project will deliver this year and to what level',
      },
      placeholder: {
        'zh-CN': '绩效目标“{found}”是占位写法，没有实际内容；请写明本年度要完成的产出和达到的效果，如“为12000名参保居民按季度足额发放补贴”',
        en: 'Goal "{found}" is a placeholder with no content; state what the project will deliver this year and to what level',
      },
      metricName: {
        'zh-CN': '绩效目标“{found}”只是一个指标名称，没说要做什么、做到多少；请写成完整目标，如“{content}达到100%，年底前完成”',
        en: 'Goal "{found}" is only the name of a metric, with no target; write the goal with its level, e.g. "{content} reaches 100% by year end"',
      },
    },
    docs: {
      description:
        '绩效目标的每一项去掉编号（1、 1. （1） (1)）后，不能是空的占位内容：完成率、完成、无、略、详见附件、同上、/、-、xx，也不能只是一个指标名称（以“率”结尾且不含数字）。',
      descriptionEn: 'A goal item must say something: not a placeholder (完成率, 无, 略, 同上 …) and not a bare metric name ending in 率.',
      why: '绩效目标是项目一年要达成的产出和效果，是设置指标、事后评价的依据。“1、完成率”“1、稽核率”没有对象、没有程度，审核时无法判断项目要做成什么，也无法与指标对应。',
      get bad() {
        return table({ goals: ['1、完成率', '2、完成率'] });
      },
      get good() {
        return table({ goals: ['1、为12000名参保居民按季度足额发放缴费补贴和待遇补贴，补贴准确率达到98%以上'] });
      },
      basis: '财预〔2015〕88号（绩效目标应指向明确、细化量化）；财预〔2011〕285号 第十四条（绩效目标应具体细化，“尽量进行定量表述”）。',
      limits: '只识别明确的占位写法和单独的“…率”；内容空泛但不属于这些形式的目标由启发式规则（goal-not-quantified 等）提示。',
    },
  },
  create(context) {
    return {
      Goal(item) {
        const kind = placeholderKind(item.content);
        const messageId = kind === 'empty' && squeeze(item.text) === '' ? null : kind;
        if (!messageId) return;
        const content = stripTrailingPunctuation(squeeze(item.content));
        context.report({ node: item, messageId, data: { found: item.text, content } });
      },
    };
  },
});
