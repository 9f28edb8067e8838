import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { canonicalLevel2 } from './shared/taxonomy.js';
import { cellText } from './shared/text.js';

/** A completion ratio (完成率, 工作量完成率, 任务完成率). */
const COMPLETION = /完成率|完成比例|完成程度/;
/** Words of a quality standard (质量标准): when present the row measures a standard after all. */
const STANDARD = /合格|达标|准确|优良|优秀|验收|规范|差错|投诉|质量/;

export const completionRateUnderQuality = defineRule({
  meta: {
    id: 'completion-rate-under-quality',
    category: 'category',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    fixable: false,
    recommended: true,
    messages: {
      completion: {
        'zh-CN':
          '质量指标“{level3}”是完成比例，考核的是做了多少，不是做得好不好；质量指标应写达到的标准、水平（合格率、达标率、准确率、验收合格率、优良率）；请把完成比例改成数量指标（写明完成多少件、多少次），质量指标改写如“审计报告验收合格率 ≥95%”',
        en: 'Quality indicator "{level3}" is a completion ratio: it measures how much was done, not how well; a 质量指标 states a standard reached (合格率, 达标率, 准确率, 验收合格率, 优良率); turn the completion into a 数量指标 with a count and write a quality standard such as "audit reports accepted ≥95%"',
      },
    },
    docs: {
      description: '质量指标下的三级是完成比例（完成率、工作量完成率、任务完成率），而不是合格率、达标率、准确率、优良率这类质量标准。',
      descriptionEn: 'A 质量指标 that is a completion ratio (完成率, 工作量完成率) rather than a standard (合格率 达标率 准确率 优良率).',
      why: '质量指标反映产出“达到的标准、水平和效果”。完成率衡量的是数量（做完了多少），放在质量下就没有设定质量要求；财预〔2020〕10号 的框架里，实际完成率属于产出数量，质量达标率才是产出质量。',
      bad: table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '实物工作量完成率', '按标准核定并发放补贴', '≥98%', '行业标准'] }) }),
      good: table(),
      basis: '财预〔2020〕10号 附件1（产出数量：实际完成率；产出质量：质量达标率）；预算绩效目标及指标编制方法（质量指标：合格率、达标率）；docs/taxonomy.md §3。',
      limits: '只识别名称中的“完成率/完成比例/完成程度”；名称同时写了质量标准（如“验收合格任务完成率”）时不报告。其他以数量充质量的写法（如“支付率”“发放率”）不在本规则范围。',
    },
  },
  create(context) {
    return {
      Indicator(indicator) {
        if (canonicalLevel2(indicator.level2, indicator.level1) !== '质量') return;
        const name = cellText(indicator.level3);
        if (!COMPLETION.test(name) || STANDARD.test(name)) return;
        context.report({ node: indicator, cell: 'level3', messageId: 'completion', data: { level3: indicator.level3 ?? '' } });
      },
    };
  },
});
