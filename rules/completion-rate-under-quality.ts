import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { rewriteFor, withRewrite } from './shared/suggestions.js';
import { canonicalLevel2 } from './shared/taxonomy.js';
import { cellText } from './shared/text.js';

/** A completion ratio (完成率, 工作量完成率, 任务完成率). */
const COMPLETION = /完成率|完成比例|完成程度/;
/** A rate of handing out or paying (发放率, 支付率, 拨付率): how far a process got, not a standard reached. */
const PROCESS_RATE = /(?:发放|支付|拨付|下发|到位|执行)率/;
/** Words of a quality standard (质量标准): when present the row measures a standard after all. */
const STANDARD = /合格|达标|准确|优良|优秀|验收|规范|差错|投诉|质量/;

export const completionRateUnderQuality = defineRule({
  meta: {
    id: 'completion-rate-under-quality',
    category: 'category',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    recommended: true,
    messages: {
      completion: {
        'zh-CN':
          '质量指标“{level3}”是完成比例，考核的是做了多少，不是做得好不好；质量指标应写达到的标准、水平（合格率、达标率、准确率、验收合格率、优良率）；请把完成比例改成数量指标（写明完成多少件、多少次），质量指标改写，{example}',
        en: 'Quality indicator "{level3}" is a completion ratio: it measures how much was done, not how well; a 质量指标 states a standard reached (合格率, 达标率, 准确率, 验收合格率, 优良率); turn the completion into a 数量指标 with a count and write a quality standard, {exampleEn}',
      },
      processRate: {
        'zh-CN':
          '质量指标“{level3}”是发放、支付的比例，反映的是过程进度（发了多少、付了多少），不是产出达到的标准；质量指标应写达到的标准、水平（合格率、达标率、准确率）；请把发放或支付的数量写成数量指标，质量指标改写，{example}',
        en: 'Quality indicator "{level3}" is a rate of handing out or paying, which measures progress, not a standard reached; put the count under 数量指标 and write a quality standard, {exampleEn}',
      },
    },
    docs: {
      description: '质量指标下的三级是完成比例（完成率、工作量完成率、任务完成率）或发放、支付的比例（发放率、支付率、拨付率），而不是合格率、达标率、准确率、优良率这类质量标准。',
      descriptionEn: 'A 质量指标 that is a completion ratio (完成率, 工作量完成率) rather than a standard (合格率 达标率 准确率 优良率).',
      why: '质量指标反映产出“达到的标准、水平和效果”。完成率衡量的是数量（做完了多少），放在质量下就没有设定质量要求；财预〔2020〕10号 的框架里，实际完成率属于产出数量，质量达标率才是产出质量。',
      get bad() {
        return table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '实物工作量完成率', '按标准核定并发放补贴', '≥98%', '行业标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '财预〔2020〕10号 附件1（产出数量：实际完成率；产出质量：质量达标率）；预算绩效目标及指标编制方法（质量指标：合格率、达标率）；docs/taxonomy.md §3。',
      limits: '只识别名称中的“完成率/完成比例/完成程度”；名称同时写了质量标准（如“验收合格任务完成率”）时不报告。“发放率、支付率、拨付率、下发率、到位率、执行率”同样报告（名称含“准确、合格”等质量词的如“补贴发放准确率”除外）。改写示例按项目名称选取（培训项目给培训考核合格率、软件运维给系统正常运行率），没有合适示例时只说明应写什么。',
    },
  },
  create(context) {
    return {
      Indicator(indicator, project) {
        if (canonicalLevel2(indicator.level2, indicator.level1) !== '质量') return;
        const name = cellText(indicator.level3);
        if (STANDARD.test(name)) return;
        const messageId = COMPLETION.test(name) ? 'completion' : PROCESS_RATE.test(name) ? 'processRate' : null;
        if (!messageId) return;
        context.report({
          node: indicator,
          cell: 'level3',
          messageId,
          ...withRewrite(rewriteFor(project, 'quality'), { level3: indicator.level3 ?? '' }),
        });
      },
    };
  },
});
