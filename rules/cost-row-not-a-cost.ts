import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { canonicalLevel2, isCostIndicator } from './shared/taxonomy.js';
import { cellText } from './shared/text.js';
import { isBlank } from './shared/text.js';
import { formatWan, isAmount, projectMoneyFactor } from './shared/values.js';

/** Cost concepts (成本概念, docs/rule-catalogue.md): 成本 费用 经费 支出 金额 元 单价 标准 定额. */
const COST_CONCEPT = /成本|费用|经费|支出|金额|元|单价|价格|标准|定额|开支|造价|投资额/;

export const costRowNotACost = defineRule({
  meta: {
    id: 'cost-row-not-a-cost',
    category: 'category',
    defaultSeverity: 'error',
    kind: 'heuristic',
    recommended: true,
    messages: {
      notCost: {
        'zh-CN':
          '成本指标下的“{level3}”不是成本：名称和指标值里都没有成本概念（成本、费用、经费、支出、金额、单价、标准、定额）；成本指标考核项目花多少钱，应写总成本或单位成本的上限；请改写如“项目总成本 ≤{example}”“人均补助标准 ≤300元/人·月”，原内容如属效益请移到效益指标',
        en: '"{level3}" under the cost indicator is not a cost: neither its name nor its value has a cost concept (成本, 费用, 经费, 支出, 金额, 单价, 标准, 定额); a cost indicator states what the project may spend, so write a total or unit cost cap such as "项目总成本 ≤{example}", and move any benefit to 效益指标',
      },
    },
    docs: {
      description:
        '成本指标（旧版产出下的成本指标，或2021版的经济成本指标）的三级名称和指标值都没有成本概念（成本、费用、经费、支出、金额、元、单价、标准、定额），如“社保征缴增加，财政兜底减少”。',
      descriptionEn: 'A cost indicator with no cost concept (成本 费用 经费 支出 金额 元 单价 标准 定额) in its name or value.',
      why: '成本指标反映项目“所需成本，分单位成本和总成本”，是对花钱多少的约束。把征缴、效果之类的内容填在成本行，表里就没有任何成本约束，审核也无法与预算数比对。',
      get bad() {
        return table({ indicators: withRows({ 项目总成本: ['产出指标', '成本指标', '社保征缴增加，财政兜底减少', '加大征缴力度，减少财政补贴', '≥98%', '预算支出标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '项目支出绩效目标申报表填报说明（成本指标“…所需成本，分单位成本和总成本”）；财预〔2021〕101号 附件1（经济成本指标）；docs/taxonomy.md §3。',
      limits:
        '按三级名称和指标值中的成本词判断，描述不看；名称不含这些词但确是成本的写法（如“人均补助”配“≤300元”的值会因“元”通过，配“≤300”则会被报告）。2021版的社会成本、生态环境成本指标衡量负面影响（如噪声、占地），不要求成本词，不检查。',
    },
  },
  create(context) {
    return {
      Indicator(indicator, project) {
        if (!isCostIndicator(indicator) || isBlank(indicator.level3)) return;
        const level2 = canonicalLevel2(indicator.level2, indicator.level1);
        if (level2 === '社会成本' || level2 === '生态环境成本') return;
        if (COST_CONCEPT.test(cellText(indicator.level3)) || isAmount(indicator.value)) return;
        const budget = project.budget.total;
        context.report({
          node: indicator,
          cell: 'level3',
          messageId: 'notCost',
          data: { level3: indicator.level3 ?? '', example: budget !== null ? `${formatWan(budget * projectMoneyFactor(project))}万元` : '50万元' },
        });
      },
    };
  },
});
