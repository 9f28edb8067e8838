/**
 * Satisfaction indicators (满意度指标): the population (调查对象) a satisfaction 三级 names.
 * Pure functions; no rule logic.
 */
import { cellText, stripTrailingPunctuation } from './text.js';

/**
 * Generic satisfaction subjects that name no population (服务对象, 受益对象 …): what remains of a
 * satisfaction 三级 once 满意度 / 满意率 is removed.
 */
const GENERIC_POPULATIONS = new Set(['', '服务对象', '受益对象', '受益人群', '收益人群', '受益群体', '服务群体', '对象', '群众', '服务', '项目', '总体', '综合', '社会']);

/** The population a satisfaction 三级 names ("参保居民满意度" → "参保居民"); null when it names none. */
export function satisfactionPopulation(level3: string | null | undefined): string | null {
  const s = stripTrailingPunctuation(cellText(level3))
    .replace(/^具体指标[:：]?/, '') // the 2016 申报表 heads its satisfaction 三级 with 具体指标
    .replace(/(?:的)?(?:满意度|满意率|满意程度|满意情况|满意)(?:调查|测评)?(?:指标)?$/, '')
    .replace(/的$/, '');
  return GENERIC_POPULATIONS.has(s) ? null : s;
}
