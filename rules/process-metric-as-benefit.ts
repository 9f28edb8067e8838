import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { canonicalLevel2, categoryLabel, isBenefitIndicator, isSatisfactionIndicator } from './shared/taxonomy.js';
import { cellText } from './shared/text.js';

/**
 * Fund-process measures (过程指标, 财预〔2020〕10号 附件1 puts 资金到位率 and 预算执行率 under 过程):
 * money arriving, being paid or disbursed on time or accurately.
 */
const PROCESS_METRIC =
  /资金到位率|到位率|到账率|支付及时率|拨付及时率|及时率|支付率|拨付率|拨付|下达率|预算执行率|执行率|支出进度|准确率|发放率|兑付率|结算率|报销率/;

export const processMetricAsBenefit = defineRule({
  meta: {
    id: 'process-metric-as-benefit',
    category: 'category',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    recommended: true,
    messages: {
      process: {
        'zh-CN':
          '效益指标下的“{level3}”（{level2}）是资金过程指标（{term}），不是效益；资金到位、支付及时、准确发放反映的是管理过程，效益指标应写项目产出带来的经济、社会、生态影响；请把它移到产出的质量或时效指标，效益指标改写如“参保居民人均增收≥600元”“政策知晓率≥90%”',
        en: '"{level3}" under {level2} is a fund-process measure ({term}), not a benefit; funds arriving or being paid on time describe the process, while a benefit indicator states the economic, social or ecological effect; move it to 质量/时效指标 and write a real benefit such as "per-capita income up ≥600元"',
      },
    },
    docs: {
      description:
        '效益指标（经济效益、社会效益、生态效益、可持续影响）下的三级指标是资金过程指标：资金到位率、支付及时率、拨付、预算执行率、准确率、发放率等。',
      descriptionEn: 'A fund-process measure (资金到位率, 支付及时率, 拨付, 预算执行率, 准确率, 发放率) filed under a benefit (效益) category.',
      why: '财预〔2020〕10号 附件1 的评价框架把资金到位率、预算执行率放在“过程”，产出看数量、质量、时效、成本，效益看项目对经济、社会、生态的影响。把“资金支付及时率100%”当作经济效益，项目真正的效果就没有被设定和考核。',
      get bad() {
        return table({ indicators: withRows({ 领取待遇居民人均增收: ['效益指标', '经济效益指标', '资金支付及时率', '资金落实到位', '100%', '计划标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '财预〔2020〕10号 附件1（资金到位率、预算执行率属过程指标）；财预〔2015〕88号 第七条（效益指标的含义）；docs/taxonomy.md §3（经济效益指标的坏例）。',
      limits:
        '按三级名称中的词判断（到位率、及时率、支付率、拨付、执行率、准确率、发放率等）；“补贴精准发放率”“帮扶政策落实到位率”之类含过程词但确有效益含义的名称可能被误报，“资金使用效益”之类未用这些词的过程指标则看不出。满意度类的行不检查（由 indicator-category-mismatch 负责）。',
    },
  },
  create(context) {
    return {
      Indicator(indicator) {
        if (!isBenefitIndicator(indicator) || isSatisfactionIndicator(indicator)) return;
        const term = PROCESS_METRIC.exec(cellText(indicator.level3))?.[0];
        if (!term) return;
        const level2 = canonicalLevel2(indicator.level2, indicator.level1);
        context.report({
          node: indicator,
          cell: 'level3',
          messageId: 'process',
          data: { level3: indicator.level3 ?? '', level2: level2 ? categoryLabel(level2) : indicator.level2 ?? '效益指标', term },
        });
      },
    };
  },
});
