import type { Indicator, Project } from '../src/ast/types.js';
import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { hasColumn } from './shared/indicator-grid.js';
import { populationOf, recordOf, slotOf, withRewrite } from './shared/suggestions.js';
import { contentOf } from './shared/text.js';
import { isBlank } from './shared/text.js';

/** A single evaluative word (评价词) that defines nothing. */
const EVALUATIVE = new Set(['满意', '很满意', '非常满意', '基本满意', '良好', '较好', '好', '优秀', '优良', '合格', '达标', '及时', '到位', '完成', '正常', '有效', '显著', '明显', '提高', '提升', '增加', '减少', '是', '有', '无', '高', '低']);

/**
 * A definition (口径) fitting the row: a survey of the project's population for satisfaction, the
 * formula of a rate, the year's count with its record for a count; else what to write.
 */
function definitionExample(project: Project, indicator: Indicator): { zh: string; en: string; example: string | null } {
  const name = contentOf(indicator.level3);
  const slot = slotOf(indicator);
  if (slot === 'satisfaction' || /满意/.test(name)) {
    const population = populationOf(project);
    if (!population) return { zh: '写明调查哪一人群、怎样计算满意比例', en: 'state which population is surveyed and how the share is computed', example: null };
    const example = `抽样调查${population}中表示满意和基本满意的比例`;
    return { zh: `如“${example}”`, en: `e.g. "${example}"`, example };
  }
  if (/率$/.test(name)) {
    const example = `${name}=达到要求的数量÷应完成的总数×100%（写明分子、分母各统计什么）`;
    return { zh: `如“${example}”`, en: `e.g. "${example}"`, example };
  }
  if (slot === 'quantity' && /数|量|人次$/.test(name)) {
    const example = `当年${name}（以${recordOf(project)}为准）`;
    return { zh: `如“${example}”`, en: `e.g. "${example}"`, example };
  }
  return { zh: '定量指标写出计算公式，定性指标写明评价标准', en: 'give the formula of a quantitative indicator, the grading of a qualitative one', example: null };
}

export const descriptionMissingDefinition = defineRule({
  meta: {
    id: 'description-missing-definition',
    category: 'consistency',
    defaultSeverity: 'info',
    kind: 'heuristic',
    recommended: true, // docs/rule-quality.md: precision ≥ 0.9 on the labelled corpus
    messages: {
      empty: {
        'zh-CN':
          '指标“{level3}”的绩效指标描述是空的；描述要说明指标的含义和计算口径（统计谁、怎么算），否则指标值无法核实；请补写，{example}',
        en: 'Indicator "{level3}" has an empty description; the description explains what is counted and how, without which the value cannot be checked; add it, {exampleEn}',
      },
      evaluative: {
        'zh-CN':
          '指标“{level3}”的描述只有一个评价词“{found}”，没有说明指标的含义和计算口径；请写明统计对象和计算方法，{example}',
        en: 'Indicator "{level3}" is described by the single evaluative word "{found}", which defines nothing; state what is counted and how, {exampleEn}',
      },
      restates: {
        'zh-CN':
          '指标“{level3}”的描述“{found}”只是重复了指标名称，没有说明含义和计算口径；请写明统计对象、范围和计算方法，{example}',
        en: 'Indicator "{level3}" has a description "{found}" that only repeats its name; state what is counted, the scope and the calculation, {exampleEn}',
      },
    },
    docs: {
      description: '绩效指标描述为空、只有一个评价词（满意、良好、及时、到位…），或与三级指标名称相同。表中没有描述列的模板不检查。',
      descriptionEn: 'An empty 描述, a single evaluative word (满意), or one equal to its 三级.',
      why: '指标解释（绩效指标描述）要说明指标的计算方法或统计口径，“属于定量指标的，要说明考核计算公式”。“满意”“及时”或把名称再抄一遍，评价时无法知道按什么口径核实指标值。',
      get bad() {
        return table({ indicators: withRows({ 参保居民满意度: ['满意度指标', '服务对象满意度指标', '参保居民满意度', '满意', '≥90%', '计划标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '地方填报说明（“属于定量指标的，要说明考核计算公式”，docs/sources.md 15）；公开系统的填报要素说明（指标解释=计算方法或统计口径，docs/sources.md 26）。',
      limits: '只识别空白、单个评价词和与名称相同三种情况；写了一句话但同样没有口径的描述（如“补贴及时、足额拨付到位”）看不出。',
    },
  },
  create(context) {
    return {
      Indicator(indicator, project) {
        if (!hasColumn(project, 'description') || isBlank(indicator.level3)) return;
        const description = contentOf(indicator.description);
        const messageId = isBlank(indicator.description)
          ? 'empty'
          : EVALUATIVE.has(description)
            ? 'evaluative'
            : description === contentOf(indicator.level3)
              ? 'restates'
              : null;
        if (!messageId) return;
        context.report({
          node: indicator,
          cell: 'description',
          messageId,
          ...withRewrite(definitionExample(project, indicator), { level3: indicator.level3 ?? '', found: indicator.description ?? '' }),
        });
      },
    };
  },
});
