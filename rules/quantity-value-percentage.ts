import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import type { Indicator, Project } from '../src/ast/types.js';
import { countUnitOf } from './shared/suggestions.js';
import { countWordIn, isQuantityIndicator } from './shared/taxonomy.js';
import { cellText } from './shared/text.js';
import { rowValue, shownValue } from './shared/nature.js';
import { isPercent } from './shared/values.js';

/** The unit a count word is measured in (人数 → 人). */
const COUNT_UNIT: Record<string, string> = {
  人数: '人',
  人次: '人次',
  次数: '次',
  个数: '个',
  户数: '户',
  数量: '个',
  件数: '件',
  台数: '台',
  套数: '套',
  家数: '家',
  场次: '场',
};

/** Count words that name no unit of their own (数量, 个数): the unit comes from what is counted. */
const UNITLESS = new Set(['数量', '个数']);
/** What a row counts, read from its name and description, and the unit it is counted in. */
const COUNTED_UNIT: readonly [RegExp, string][] = [
  [/医疗机构|医药机构|医院|药店|企业|单位/, '家'],
  [/畜禽|猪|牛|羊/, '万头（只）'],
  [/学生|幼儿|教师|居民|人员/, '人'],
];
/** A count stated in the description ("每年一次" → 1次). */
const STATED_COUNT = /每(?:年|季度|季|月)([一二两三四五六七八九十]|\d+)次/;
const CHINESE_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** The example value: the count the description states, else ≥N in the unit of what is counted. */
function exampleValue(project: Project, indicator: Indicator, countWord: string): string {
  const description = cellText(indicator.description);
  const stated = STATED_COUNT.exec(description);
  if (stated) return `${CHINESE_DIGIT[stated[1]!] ?? stated[1]}次`;
  let unit = COUNT_UNIT[countWord] ?? '个';
  if (UNITLESS.has(countWord)) {
    const text = cellText(indicator.level3) + description;
    unit = COUNTED_UNIT.find(([re]) => re.test(text))?.[1] ?? countUnitOf(project) ?? unit;
  }
  return `≥N${unit}`;
}

export const quantityValuePercentage = defineRule({
  meta: {
    id: 'quantity-value-percentage',
    category: 'value',
    defaultSeverity: 'error',
    kind: 'exact',
    messages: {
      percent: {
        'zh-CN': '数量指标“{level3}”统计的是{countWord}，指标值却是百分比“{found}”；数量指标应写计划完成的实际数量和单位，如“{example}”（比例请放到质量或效益指标）',
        en: 'Quantity indicator "{level3}" counts {countWord} but its value is a percentage, "{found}"; write the planned number with its unit, e.g. "{example}" (put ratios under quality or benefit)',
      },
    },
    docs: {
      description:
        '数量指标的三级名称表示计数（人数、人次、次数、个数、户数、数量、件数、台数、套数、家数、场次），指标值却是百分比。',
      descriptionEn: 'A quantity indicator whose level-3 name is a count (人数, 次数, 数量 …) has a percentage value.',
      why: '数量指标反映“计划完成的产品或服务数量”。“享受社会保险补贴人数 ≥98%”说不清98%是相对什么而言，无法核实；应写“≥12000人”这样的绝对数。',
      get bad() {
        return table({ indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '享受社会保险补贴人数', '缴费人员和待遇领取人员', '≥98%', '计划标准'] }) });
      },
      get good() {
        return table({ indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '享受社会保险补贴人数', '缴费人员和待遇领取人员', '≥12000人', '计划标准'] }) });
      },
      basis: '项目支出绩效目标申报表填报说明（数量指标：“项目单位计划完成的产品或服务数量”）；docs/taxonomy.md §3（数量指标用人、人次、次、个等单位）。',
      limits: '只看三级名称中的计数词；“覆盖率”“完成率”等比率放在数量指标下由启发式规则处理。',
    },
  },
  create(context) {
    return {
      Indicator(indicator, project) {
        if (!isQuantityIndicator(indicator) || !isPercent(rowValue(indicator))) return;
        const countWord = countWordIn(indicator.level3);
        if (!countWord) return;
        const example = exampleValue(project, indicator, countWord);
        context.report({
          node: indicator,
          cell: 'value',
          messageId: 'percent',
          data: { level3: indicator.level3 ?? '', found: shownValue(indicator), countWord, example },
          suggestion: example,
        });
      },
    };
  },
});
