import type { Origin, Project } from '../src/ast/types.js';
import type { ReportTarget } from '../src/engine/types.js';
import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { safeFix, unsafeFix } from './shared/fixes.js';

/** One text cell of a project, where a typo can be reported: its text, the report's target, and the cell's own origin. */
interface TextCell {
  text: string;
  target: ReportTarget;
  /** The cell's own origin, null when only the table's is known (a fix needs the cell's). */
  origin: Origin | null;
}

function projectCells(project: Project): TextCell[] {
  const cells: TextCell[] = [];
  const add = (text: string | null | undefined, target: ReportTarget, origin: Origin | null | undefined) => {
    if (text && text.trim() !== '') cells.push({ text, target, origin: origin ?? null });
  };
  add(project.name, { node: project, cell: 'name' }, project.fields.name.origin);
  add(project.purpose, { node: project, cell: 'purpose' }, project.fields.purpose.origin);
  for (const goal of project.goals) add(goal.text, { node: goal }, goal.origin ?? project.fields.goals.origin);
  for (const ind of project.indicators) {
    add(ind.level3, { node: ind, cell: 'level3' }, ind.cells.level3 ?? ind.origin);
    add(ind.description, { node: ind, cell: 'description' }, ind.cells.description ?? ind.origin);
    add(ind.basis, { node: ind, cell: 'basis' }, ind.cells.basis ?? ind.origin);
  }
  return cells;
}

/** Known wrong words (别字) and their correction, each with the word every match contains (a cheap pre-test). */
const WRONG_WORDS: [RegExp, string, string][] = [
  [/收益(人群|群体|对象|群众|人员|人数|户)/g, '受益$1', '收益'],
];
/** A stray character after 指数 at the end of a cell or clause (居民幸福指数系). */
const STRAY_AFTER_INDEX = /指数(?![值化级型法表增提上下达])([\u4e00-\u9fa5])(?=$|[，,。；;、\s])/;
/**
 * Doubled words (重复字词): a doubled function character (的的, not 目的的) or a doubled 3–4 character word.
 * Doubled two-character words are left alone: "供款单位单位缴纳" is two words that meet.
 */
const DOUBLED = /(?<!目)(的|了|和|及|与|并)\1|([\u4e00-\u9fa5]{3,4})\2/;

/** Variant pairs that must not be mixed in one project: 帐/账, 记实/计实. */
const VARIANT_PAIRS: { aText: string; bText: string; preferred: string }[] = [
  { aText: '帐', bText: '账', preferred: '账' },
  { aText: '记实', bText: '计实', preferred: '记实' },
];

export const commonTypo = defineRule({
  meta: {
    id: 'common-typo',
    category: 'consistency',
    defaultSeverity: 'info',
    kind: 'heuristic',
    recommended: true, // docs/rule-quality.md: precision ≥ 0.9 on the labelled corpus
    fix: 'both',
    messages: {
      wrongWord: {
        'zh-CN': '“{found}”疑为别字，应为“{suggestion}”；别字会让审核人误解指标含义（收益是收入，受益是得到好处）；请改为“{suggestion}”',
        en: '"{found}" looks like a wrong character for "{suggestion}"; wrong characters change the meaning (收益 is income, 受益 is benefiting); write "{suggestion}"',
      },
      strayCharacter: {
        'zh-CN': '“{found}”的“指数”后多了一个字“{extra}”，疑为录入错误；请改为“{suggestion}”',
        en: '"{found}" has a stray character "{extra}" after 指数, probably a typing error; write "{suggestion}"',
      },
      doubled: {
        'zh-CN': '“{found}”中“{word}”重复了一遍，疑为录入错误；请删去重复的字词',
        en: '"{found}" repeats "{word}", probably a typing error; delete the repetition',
      },
      mixedVariants: {
        'zh-CN':
          '本项目中“{aText}”和“{bText}”混用（如“{aExample}”与“{bExample}”）；同一术语写法不一，读者会以为是两件事；请统一写作“{preferred}”',
        en: 'This project mixes "{aText}" and "{bText}" (e.g. "{aExample}" and "{bExample}"); one term written two ways reads as two things; write "{preferred}" throughout',
      },
    },
    docs: {
      description:
        '常见录入错误：收益人群→受益人群（别字）；同一项目中“帐/账”“记实/计实”混用；字词重复（“的的”“补贴补贴”）；“指数”后多一个字（“居民幸福指数系”）。',
      descriptionEn: 'Common typos: 收益人群 → 受益人群; 帐/账 or 记实/计实 mixed in one project; doubled words; a stray character after 指数.',
      why: '绩效目标表是对外公开、供审核评价的正式文件。别字和写法不一会改变意思（收益≠受益）、让同一术语看起来像两件事，也说明表格没有经过校对。',
      get bad() {
        return table({ indicators: withRows({ 参保居民满意度: ['满意度指标', '服务对象满意度指标', '参保居民满意度', '抽样调查收益人群对补贴发放的满意程度', '≥90%', '计划标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '无专门的政策条文：绩效目标表是要公开、供审核评价的正式文件（财预〔2015〕88号 规范填报、审核）。“账”用于财务账目、“帐”用于帐幕，见《通用规范汉字表》（未在 docs/sources.md 中核实）；“虚账记实”是职业年金的通行术语。',
      limits:
        '只认列出的几种错误，不是通用的错别字检查。“帐/账”“记实/计实”只在同一项目里两种写法都出现时才报告；单独使用“帐”不报告。重复字词只查“的的”“了了”等虚词和三四个字的词重复；两个字的词重复不报告，因为常是两个词相接（“供款单位单位缴纳”）。',
      fix: '安全修复：别字改正（收益人群→受益人群）、删去“指数”后多出的字、删去重复的字词。不安全修复（需人工确认）：“帐/账”“记实/计实”混用时把本项目所有单元格统一为推荐写法——“帐”在“帐篷”等词里是对的。部门整体目标部分的段落无法精确定位，不提供修复。',
    },
  },
  create(context) {
    /** What is wrong in a text; texts repeat across tables, so each distinct text is scanned once. */
    type Finding = { messageId: 'wrongWord' | 'strayCharacter' | 'doubled'; found: string; data: Record<string, string>; replacement: string };
    const scanned = new Map<string, Finding[]>();
    const scan = (text: string): Finding[] => {
      const cached = scanned.get(text);
      if (cached) return cached;
      const findings: Finding[] = [];
      for (const [pattern, replacement, word] of WRONG_WORDS) {
        if (!text.includes(word)) continue;
        for (const m of text.matchAll(pattern)) {
          const fixed = m[0].replace(new RegExp(pattern.source), replacement);
          findings.push({ messageId: 'wrongWord', found: m[0], data: { suggestion: fixed }, replacement: fixed });
        }
      }
      const stray = text.includes('指数') ? STRAY_AFTER_INDEX.exec(text) : null;
      if (stray) findings.push({ messageId: 'strayCharacter', found: stray[0], data: { extra: stray[1]!, suggestion: '指数' }, replacement: '指数' });
      const doubled = DOUBLED.exec(text);
      if (doubled) {
        const word = doubled[1] ?? doubled[2]!;
        findings.push({ messageId: 'doubled', found: doubled[0], data: { word }, replacement: word });
      }
      scanned.set(text, findings);
      return findings;
    };
    /** Reports the typos of one text; a fix only where the cell's own origin is known (not department paragraphs). */
    const checkText = (text: string, target: ReportTarget, fixable: boolean) => {
      for (const f of scan(text)) {
        context.report({
          ...target,
          messageId: f.messageId,
          found: f.found,
          suggestion: f.replacement,
          ...(fixable ? { fix: safeFix(`“${f.found}”改为“${f.replacement}”`, f.replacement) } : {}),
          data: { found: f.found, ...f.data },
        });
      }
    };
    return {
      Department(department) {
        for (const text of [...department.overallGoal, ...department.itemGoals, ...department.safeguards]) checkText(text, { node: department }, false);
      },
      Project(project) {
        const cells = projectCells(project);
        for (const cell of cells) checkText(cell.text, cell.target, cell.origin !== null);
        for (const pair of VARIANT_PAIRS) {
          const aCell = cells.find((c) => c.text.includes(pair.aText));
          const bCell = aCell && cells.find((c) => c.text.includes(pair.bText));
          if (!aCell || !bCell) continue;
          const minority = pair.preferred === pair.aText ? bCell : aCell;
          const minorityText = pair.preferred === pair.aText ? pair.bText : pair.aText;
          // Every cell that uses the other spelling; unsafe, since 帐 is right in 帐篷 (a tent).
          const toUnify = cells.filter((c) => c.text.includes(minorityText));
          const edits = toUnify.every((c) => c.origin)
            ? toUnify.map((c) => ({ origin: c.origin, found: c.text, replacement: c.text.split(minorityText).join(pair.preferred) }))
            : null;
          const word = (cell: TextCell, spelling: string) => {
            const i = cell.text.indexOf(spelling);
            return cell.text.slice(Math.max(0, i - 2), i + 4);
          };
          context.report({
            ...minority.target,
            messageId: 'mixedVariants',
            found: minorityText,
            suggestion: pair.preferred,
            ...(edits ? { fix: unsafeFix(`“${minorityText}”统一改为“${pair.preferred}”（${edits.length} 个单元格）`, pair.preferred, edits) } : {}),
            data: { aText: pair.aText, bText: pair.bText, aExample: word(aCell, pair.aText), bExample: word(bCell, pair.bText), preferred: pair.preferred },
          });
        }
      },
    };
  },
});
