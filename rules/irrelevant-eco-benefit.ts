import { defineRule } from '../src/engine/define-rule.js';
import { CLEAN_INDICATORS, table } from './shared/example-table.js';
import { canonicalLevel2 } from './shared/taxonomy.js';
import { cellText } from './shared/text.js';
import { isBlank } from './shared/text.js';

/** Ecological subjects (生态环境): what a 生态效益 row is about. */
const ECOLOGICAL =
  /生态|环境|环保|绿化|绿地|绿色|植被|森林|林木|造林|草原|湿地|水土|水质|水源|水体|河道|河流|河湖|湖泊|污水|排水|节水|用水|空气|大气|扬尘|降尘|粉尘|PM|颗粒物|排放|减排|碳|污染|废|垃圾|固废|噪声|噪音|土壤|耕地|能耗|节能|电耗|耗能|能源|资源化|循环利用|再生|低碳|无纸化|纸张|生物多样|野生|物种|无害化|病死畜禽|粪污/i;
/** Generic saving words that fit any project (资源消耗, 节约): not an ecological effect by themselves. */
const GENERIC = /资源消耗|节约|节省|降低消耗|减少浪费|厉行节约/;

export const irrelevantEcoBenefit = defineRule({
  meta: {
    id: 'irrelevant-eco-benefit',
    category: 'category',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    recommended: true,
    // Q23T 见习工资发放率 under 生态效益: process-metric-as-benefit says the row is no benefit at all.
    yieldsTo: ['process-metric-as-benefit'],
    messages: {
      generic: {
        'zh-CN':
          '生态效益指标“{level3}”是笼统的节约用语，没有说明对哪种生态环境产生什么影响；生态效益应写项目对自然生态环境的具体影响（减排、节能、绿化、水质），与生态无关的项目可以不设生态效益指标；请改写如“办公用纸减少量 ≥20%”，或删去本行',
        en: 'Ecological benefit "{level3}" is a generic saving phrase that names no effect on the environment; an ecological benefit states a concrete environmental effect (emissions, energy, greening, water quality), and a project with none may omit the row; write e.g. "paper use down ≥20%" or delete the row',
      },
      notEcological: {
        'zh-CN':
          '生态效益指标“{level3}”与生态环境无关；生态效益应写项目对自然生态环境的影响，把别的内容填在这里只是为了凑满表格；请改写为具体的生态影响（如“扬尘浓度下降 ≥10%”），项目确实没有生态影响的可以不设生态效益指标',
        en: 'Ecological benefit "{level3}" has nothing to do with the environment; the row should state an effect on the natural environment, and filling it with other content only pads the table; write a concrete ecological effect, or omit the row when the project has none',
      },
    },
    docs: {
      description:
        '生态效益指标下的三级（连同描述）是笼统的节约用语（资源消耗、节约），或与生态环境完全无关（如“见习工资发放率”）。',
      descriptionEn: 'A 生态效益 row that is generic (资源消耗, 节约) or not ecological at all.',
      why: '生态效益指标反映项目对自然生态环境带来的影响。社保补贴、培训经费这类项目通常没有生态影响，为了填满表格写上“降低资源消耗”或其他无关内容，既不能考核，也违背绩效目标与项目相关的要求（指向明确、相应匹配）。没有生态影响的项目可以不设此项。',
      get bad() {
        return table({
          indicators: [
            ...CLEAN_INDICATORS.slice(0, 6),
            ['效益指标', '生态效益指标', '资源消耗', '降低资源消耗', '≥95%', '计划标准'],
            ...CLEAN_INDICATORS.slice(6),
          ],
        });
      },
      get good() {
        return table();
      },
      basis: '财预〔2015〕88号 第七条（生态效益指标的含义）、第三章（审核相关性）；docs/taxonomy.md §3（生态效益指标：可以不设）。',
      limits:
        '按三级名称和描述中的生态词表判断（生态、环境、绿化、排放、节能、水、空气、垃圾等）；词表之外的生态内容（如特定物种名称）会被误报。含“满意”的行不检查（由 indicator-category-mismatch 报告）；三级是资金过程指标（如“见习工资发放率”）时由 process-metric-as-benefit 报告，本规则让位。',
    },
  },
  create(context) {
    return {
      Indicator(indicator) {
        if (canonicalLevel2(indicator.level2, indicator.level1) !== '生态效益' || isBlank(indicator.level3)) return;
        const name = cellText(indicator.level3);
        if (name.includes('满意')) return;
        const text = name + cellText(indicator.description);
        // 营商环境, 就医环境 … are not the natural environment.
        const ecological = ECOLOGICAL.test(text.replace(/资源消耗/g, '').replace(/(?:营商|就医|办公|学习|服务|政务|发展|社会|法治|网络|市场)环境/g, ''));
        if (ecological) return;
        context.report({ node: indicator, cell: 'level3', messageId: GENERIC.test(text) ? 'generic' : 'notEcological', data: { level3: indicator.level3 ?? '' } });
      },
    };
  },
});
