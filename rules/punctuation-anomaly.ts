import type { Project } from '../src/ast/types.js';
import type { ReportTarget } from '../src/engine/types.js';
import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { safeFix } from './shared/fixes.js';

interface Anomaly {
  messageId: 'doubled' | 'asciiPeriod' | 'spaceAfterComma';
  pattern: RegExp;
  /** A character every match contains: a text without it is not searched. */
  needs?: string;
  /** What to write instead of the match. */
  replace: (m: RegExpExecArray) => string;
}

/** The anomalies docs/rule-catalogue.md names: 。。 (and other doubled Chinese marks), an ASCII "." ending a Chinese sentence, a space after 、. */
const ANOMALIES: Anomaly[] = [
  { messageId: 'doubled', pattern: /([。，；：！？、])\1+/, replace: (m) => m[1]! },
  { messageId: 'asciiPeriod', pattern: /([\u4e00-\u9fa5])\.(?=\s*$|\s*[\u4e00-\u9fa5“（])/, needs: '.', replace: (m) => `${m[1]}。` },
  { messageId: 'spaceAfterComma', pattern: /(?<!^\s*[0-9０-９一二三四五六七八九十]+)、[ \u3000]+/, needs: '、', replace: () => '、' },
];

export const punctuationAnomaly = defineRule({
  meta: {
    id: 'punctuation-anomaly',
    category: 'consistency',
    defaultSeverity: 'info',
    kind: 'heuristic',
    recommended: true, // docs/rule-quality.md: precision ≥ 0.9 on the labelled corpus
    fix: 'safe',
    messages: {
      doubled: {
        'zh-CN': '{where}中“{found}”标点重复；请只保留一个“{suggestion}”',
        en: '{whereEn} has the doubled mark "{found}"; keep a single "{suggestion}"',
      },
      asciiPeriod: {
        'zh-CN': '{where}中的中文句子以英文句点“.”结尾（“{found}”）；中文公文应使用中文句号；请改为“{suggestion}”',
        en: '{whereEn} ends a Chinese sentence with an ASCII "." ("{found}"); Chinese documents use the full-width 。; write "{suggestion}"',
      },
      spaceAfterComma: {
        'zh-CN': '{where}中顿号“、”后面多了空格；全角标点后不加空格；请删去空格',
        en: '{whereEn} has a space after the enumeration comma 、; full-width marks take no space after them; delete it',
      },
    },
    docs: {
      description: '标点异常：中文标点重复（“。。”“，，”）、中文句子以英文句点“.”结尾、顿号“、”后多了空格（编号“1、 ”除外）。检查部门整体目标和各项目的文字单元格。',
      descriptionEn: 'Punctuation anomalies: 。。 and other doubled marks, an ASCII "." ending a Chinese sentence, a space after 、 (not after a list number).',
      why: '绩效目标表是公开的正式文件，标点错误显得不严谨；英文句点和多余空格还常是从别处复制粘贴留下的痕迹，提示内容可能未经核对。',
      get bad() {
        return table({ purpose: '城乡居民养老缴费补贴及待遇补贴。。' });
      },
      get good() {
        return table();
      },
      basis: 'GB/T 15834-2011《标点符号用法》（未在 docs/sources.md 中核实）；GB/T 9704-2012《党政机关公文格式》（docs/sources.md 6）。',
      limits: '只认三种情况；全角/半角逗号混用、引号不配对等不检查。数字后的“.”（如“1.”“12.5”）不算英文句点。部门整体目标的报告指向该部分开头，无法定位到具体段落。',
      fix: '安全修复：重复的标点只留一个（“。。”→“。”），中文句末的“.”改为“。”，删去顿号后的空格；都不改变文字。部门整体目标部分的段落无法精确定位，不提供修复。',
    },
  },
  create(context) {
    /** Reports the anomalies of one text; a fix only where the cell's own origin is known (not department paragraphs). */
    /** `where` is worked out only for a finding: most cells have none. */
    type Where = { zh: string; en: string };
    const checkText = (text: string | null | undefined, target: ReportTarget, whereOf: Where | (() => Where), fixable: boolean) => {
      if (!text) return;
      for (const a of ANOMALIES) {
        if (a.needs !== undefined && !text.includes(a.needs)) continue;
        const m = a.pattern.exec(text);
        if (!m) continue;
        const where = typeof whereOf === 'function' ? whereOf() : whereOf;
        const suggestion = a.replace(m);
        context.report({
          ...target,
          messageId: a.messageId,
          found: m[0],
          suggestion,
          ...(fixable ? { fix: safeFix(`“${m[0]}”改为“${suggestion}”`, suggestion) } : {}),
          data: { where: where.zh, whereEn: where.en, found: m[0], suggestion },
        });
      }
    };
    return {
      Department(department) {
        for (const text of [...department.overallGoal, ...department.itemGoals, ...department.safeguards, ...department.other]) {
          checkText(text, { node: department }, { zh: '部门整体绩效目标', en: 'The department part' }, false);
        }
      },
      Project(project) {
        const f = project.fields;
        checkText(project.name, { node: project, cell: 'name' }, { zh: '项目名称', en: 'The project name' }, f.name.origin !== null);
        checkText(project.purpose, { node: project, cell: 'purpose' }, { zh: '资金用途', en: 'The purpose' }, f.purpose.origin !== null);
        for (const goal of project.goals) checkText(goal.text, { node: goal }, { zh: '绩效目标', en: 'The goal' }, (goal.origin ?? f.goals.origin) !== null);
      },
      Indicator(indicator) {
        const where = () => ({ zh: `指标“${indicator.level3 ?? ''}”`, en: `Indicator "${indicator.level3 ?? ''}"` });
        const fixable = (cell: 'level3' | 'description' | 'basis') => (indicator.cells[cell] ?? indicator.origin ?? null) !== null;
        checkText(indicator.level3, { node: indicator, cell: 'level3' }, where, fixable('level3'));
        checkText(indicator.description, { node: indicator, cell: 'description' }, where, fixable('description'));
        checkText(indicator.basis, { node: indicator, cell: 'basis' }, where, fixable('basis'));
      },
    };
  },
});
