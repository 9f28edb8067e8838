import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { stripNumbering } from './shared/goals.js';
import { normalizeWidth } from './shared/text.js';

/**
 * A quantified target (量化目标): a number with a unit or a comparison, once list numbering and years
 * ("2020年") are set aside — "参保率达到95%", "覆盖3000户", "≥90%", "12月底前".
 */
const QUANTIFIED =
  /[≥≤><]\s*\d|\d+(?:\.\d+)?\s*(?:%|万元|亿元|元|万人|人次|人|名|户|次|个|项|件|家|所|场|台|套|份|册|批|期|例|篇|辆|座|公里|平方米|㎡|亩|吨|天|日|个?工作日|个?月|周|小时|分)|\d{1,2}\s*月(?:底|末|\d{1,2}日)?前/;

/** Department text without list numbering and years (which are not targets). */
function targetText(paragraph: string): string {
  return normalizeWidth(stripNumbering(paragraph))
    .replace(/(?:19|20)\d{2}\s*(?:年度?|—|-|至)/g, '')
    .replace(/[一二三四五六七八九十]+是/g, '');
}

export const deptGoalNotQuantified = defineRule({
  meta: {
    id: 'dept-goal-not-quantified',
    category: 'goal',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    recommended: true,
    messages: {
      notQuantified: {
        'zh-CN':
          '部门整体绩效目标（{paragraphs} 段）没有一个量化目标，也没有部门整体绩效指标表；整体目标只写“全面深化改革”“提高服务水平”之类的方向，年底无法评价部门履职效果；请写出可考核的年度目标（如“城乡居民医保参保率达到95%以上”“全年为3000名困难群众办理医疗救助”），或附部门整体绩效指标表',
        en: 'The department-wide goals ({paragraphs} paragraphs) hold no quantified target and no indicator table; they state directions only, so the department\'s performance cannot be assessed at year end; write assessable annual targets (e.g. "medical insurance coverage ≥95%") or add a department indicator table',
      },
    },
    docs: {
      description: '部门整体绩效目标部分（总体绩效目标、分项绩效目标）没有任何量化目标（数字加单位、比较符号或期限；编号和年份不算），也没有部门整体绩效指标表。',
      descriptionEn: 'The 部门整体绩效目标 part has no quantified target and no indicator table.',
      why: '部门整体绩效目标反映部门年度履职要达到的产出和效果，同样要“细化量化”，并通常配有整体绩效指标表（一级、二级、三级指标和指标值）。只有方向性表述的整体目标无法用于年底的部门整体绩效评价。',
      get bad() {
        return `第一部分\n部门整体绩效目标\n1、总体绩效目标\n全面深化改革，优化支出结构，着力保障和改善民生。\n第二部分\n预算项目绩效目标\n${table()}`;
      },
      get good() {
        return `第一部分\n部门整体绩效目标\n1、总体绩效目标\n全年为12000名参保居民发放养老补贴，城乡居民养老保险参保率达到95%以上。\n第二部分\n预算项目绩效目标\n${table()}`;
      },
      basis: '财预〔2015〕88号（部门整体支出绩效目标，细化量化）；财预〔2011〕285号 第十四条；岳阳楼区整体绩效目标表（整体目标配指标表，docs/sources.md 21）。',
      limits:
        '只看有没有量化写法，不判断量化目标是否合理。文档没有部门整体部分时不检查（是否必须有该部分由各地要求决定）。部门整体指标表目前不被解析为表格，附有指标表但文字部分没有数字的文档可能被误报。',
    },
  },
  create(context) {
    return {
      Department(department) {
        if (!department.present) return;
        const paragraphs = [...department.overallGoal, ...department.itemGoals];
        if (paragraphs.length === 0 || paragraphs.some((p) => QUANTIFIED.test(targetText(p)))) return;
        context.report({ node: department, messageId: 'notQuantified', found: paragraphs[0]!.slice(0, 40), data: { paragraphs: paragraphs.length } });
      },
    };
  },
});
