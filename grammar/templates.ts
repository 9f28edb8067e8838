/**
 * Template families (docs/templates.md): which form a project table was filled in on, recognised
 * from its labels alone — never from the file name or the table's shape. Each label a family
 * prints and the others do not counts for it; the family with the most weight wins.
 */
import type { IToken } from 'chevrotain';
import type { IndicatorColumn, TemplateFamily } from '../src/ast/types.js';
import * as T from './lexicon.js';

type Family = Exclude<TemplateFamily, 'unknown'>;

/** Characters or a prefix that `normaliseLabel` would change; most labels have none. */
const LABEL_NEEDS_NORMALISING = /[\s\u3000:：()]|^其中/;

/** A label as compared here: no spaces, colons or 其中 prefix; brackets full-width. */
export function normaliseLabel(text: string): string {
  if (!LABEL_NEEDS_NORMALISING.test(text)) return text;
  return text
    .replace(/[\s\u3000]/g, '')
    .replace(/[:：]$/, '')
    .replace(/^其中[:：]?/, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

/** Label → the families that print it, with how strongly it marks them. */
const SIGNS: Record<string, [Family, number][]> = {
  // seed-2020 (河北/唐山 2020)
  预算规模及资金用途: [['seed-2020', 3]],
  '资金支出计划（%）': [['seed-2020', 3]],
  '资金支出计划（％）': [['seed-2020', 3]],
  资金支出计划: [['seed-2020', 3]],
  绩效指标描述: [['seed-2020', 2]],
  指标值确定依据: [['seed-2020', 2]],
  预算数: [['seed-2020', 1]],
  财政资金: [['seed-2020', 1]],
  资金用途: [['seed-2020', 1]],
  // hunan (湘潭 2023)
  项目支出名称: [['hunan', 3]],
  年度本级预算金额: [['hunan', 3]],
  该项目支出上级资金: [['hunan', 3]],
  上级资金: [['hunan', 2]],
  项目支出实施期: [['hunan', 3]],
  实施期绩效目标: [['hunan', 2]],
  本年度绩效目标: [['hunan', 2]],
  指标值及单位: [['hunan', 3]],
  预算部门: [['hunan', 1]],
  绩效标准: [
    ['hunan', 1],
    ['hubei', 1],
  ],
  // core-2021 (财预〔2021〕101号)
  指标性质: [['core-2021', 3]],
  度量单位: [['core-2021', 3]],
  计量单位: [['core-2021', 2]],
  指标值设定依据及数据来源: [['core-2021', 2]],
  指标值设定依据: [['core-2021', 1]],
  年度资金总额: [['core-2021', 2]],
  '项目资金（万元）': [
    ['core-2021', 1],
    ['national-2016', 1],
  ],
  实施单位: [
    ['core-2021', 1],
    ['hubei', 1],
  ],
  年度绩效目标: [
    ['core-2021', 1],
    ['hubei', 1],
  ],
  // hubei (鄂州 2022)
  预算金额: [['hubei', 3]],
  项目预算成本构成: [['hubei', 3]],
  当年预期实现值: [['hubei', 3]],
  保障绩效目标实现措施: [['hubei', 2]],
  主管部门审核意见: [['hubei', 2]],
  // national-2016
  主管部门编码: [['national-2016', 3]],
  长期目标: [['national-2016', 3]],
  年度目标: [['national-2016', 3]],
  长期绩效指标: [['national-2016', 3]],
  年度绩效指标: [['national-2016', 2]],
  指标内容: [['national-2016', 2]],
};

/** When two families weigh the same, the earlier one wins. */
const ORDER: Family[] = ['seed-2020', 'hunan', 'core-2021', 'hubei', 'national-2016'];

/** The template family of a table from its tokens (the labels it prints). */
export function detectTemplate(tokens: readonly IToken[], cellText: (t: IToken) => string): TemplateFamily {
  const score = new Map<Family, number>();
  const add = (family: Family, weight: number) => score.set(family, (score.get(family) ?? 0) + weight);
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === T.InlineBudgetAmount) add('national-2016', 3);
    else if (type === T.AgencyLine) add('seed-2020', 1);
    else if (type === T.Blank || type === T.Text) continue;
    else for (const [family, weight] of SIGNS[normaliseLabel(cellText(token))] ?? []) add(family, weight);
  }
  let best: TemplateFamily = 'unknown';
  let bestScore = 0;
  for (const family of ORDER) {
    const s = score.get(family) ?? 0;
    if (s > bestScore) {
      best = family;
      bestScore = s;
    }
  }
  return best;
}

/**
 * A grid column's role once the family is known: 绩效标准 is the basis in 湖南 (计划标准 …) but the
 * description (指标解释) in 湖北, where 当年预期实现值 is the value.
 */
export function columnRole(role: IndicatorColumn, label: string, family: TemplateFamily, labels: readonly string[]): IndicatorColumn {
  if (role === 'basis' && normaliseLabel(label) === '绩效标准') {
    const hubeiHeader = labels.some((l) => normaliseLabel(l) === '当年预期实现值');
    if (family === 'hubei' || (family === 'unknown' && hubeiHeader)) return 'description';
  }
  return role;
}
