import type { Project } from '../src/ast/types.js';
import { defineRule } from '../src/engine/define-rule.js';
import { tables } from './shared/example-table.js';
import { cellText } from './shared/text.js';

/** Segments of a 项目编码 split at its separators ("316-1201-JBN-WMEB" → 316 1201 JBN WMEB). */
function segments(code: string): string[] {
  return code.split(/[-_－—.．/\s]+/).filter((s) => s !== '');
}

/** Shape of a code: its separators and, per segment, its length and whether it is all digits ("999-9999-AAA-AAAA"). */
function shapeOf(code: string): string {
  return code.replace(/[0-9]/g, '9').replace(/[A-Za-z]/g, 'A');
}

/** Per-segment shape: length, and D for all digits or A for any letter. */
function segmentShape(code: string): string[] {
  return segments(code).map((s) => `${s.length}${/^[0-9]+$/.test(s) ? 'D' : 'A'}`);
}

/**
 * Whether a code fits the document's majority segment shape. A segment that is all digits in the
 * majority must stay all digits (a letter O for a zero is a typo); a segment with letters in the
 * majority may hold digits too (random suffixes such as 884V, 6O3O).
 */
function fitsShape(shape: string[], majority: string[]): boolean {
  if (shape.length !== majority.length) return false;
  return shape.every((s, i) => {
    const m = majority[i]!;
    if (s.slice(0, -1) !== m.slice(0, -1)) return false;
    return m.endsWith('A') || s.endsWith('D');
  });
}

/** The unit-code prefix a code starts with: its first all-digit segment. */
function leadingDigits(code: string): string | null {
  const first = segments(code)[0];
  return first && /^[0-9]+$/.test(first) ? first : null;
}

/** A table with a 项目编码: the table (reported on), its code as compared, and the code's segment shape. */
interface CodedProject {
  project: Project;
  code: string;
  shape: string[];
}

export const projectCodeInconsistent = defineRule({
  meta: {
    id: 'project-code-inconsistent',
    category: 'structure',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    recommended: true,
    messages: {
      shape: {
        'zh-CN':
          '项目编码“{found}”的格式（{shape}）与本文档其他 {others} 个项目编码（{majority}）不同；编码由预算系统生成，格式不一致多是手工录入或抄错；请按预算系统中的项目编码照抄',
        en: 'Project code "{found}" has the shape {shape}, unlike the document\'s other {others} codes ({majority}); codes come from the budget system, so a different shape usually means a typing error; copy the code from the budget system',
      },
      prefix: {
        'zh-CN':
          '项目编码“{found}”的前缀“{prefix}”与预算单位编码“{agencyCode}”不一致，而本文档其他项目的编码都以单位编码开头；项目可能填错了单位或抄错了编码；请核对预算单位和项目编码',
        en: 'Project code "{found}" starts with "{prefix}", which does not match the unit code "{agencyCode}", while the document\'s other codes all start with their unit code; check the budget unit and the code',
      },
    },
    docs: {
      description:
        '项目编码的格式与同一文档中其他项目编码不同（段数、各段长度、数字/字母），或编码前缀与预算单位编码不一致（本文档其他编码都与单位编码一致时）。不套用任何全国统一格式。',
      descriptionEn:
        "A 项目编码 whose shape differs from the document's other codes, or whose prefix disagrees with the unit code while the others agree. No fixed national pattern is assumed.",
      why: '项目编码是预算系统里项目的唯一标识，审核、批量汇总和往年对比都靠它关联。同一单位的编码通常格式一致、以单位编码开头；格式不同或前缀不符，往往是手工录入错误（字母O与数字0混用、少一位）或填错了单位。',
      get bad() {
        return tables({ code: '316-1201-JBN-WMEB' }, { code: '316-1202-JBN-B5YG', name: '城乡居民医疗保险财政补贴' }, { code: '316-12O1-JBN-Q23T', name: '企业退休人员地方补贴' });
      },
      get good() {
        return tables({ code: '316-1201-JBN-WMEB' }, { code: '316-1202-JBN-B5YG', name: '城乡居民医疗保险财政补贴' }, { code: '316-1201-JBN-GMA8', name: '企业退休人员地方补贴' });
      },
      basis: 'docs/taxonomy.md §8（项目编码没有已知的全国格式，按文档内一致性检查）；docs/sources.md §6。',
      limits:
        '格式靠文档内的多数派学习，至少要有 3 个项目编码且一种格式占多数才判断；只有一两张表、或各表编码本来就五花八门时不报告。前缀只与预算单位行开头的 6 位单位编码比较，且要求其他编码都与单位编码一致。随机后缀碰巧全是数字时不会被误报，但编码里真实的错位（如 316-1201 写成 316-121）只能看出格式不同，看不出哪里错。',
    },
  },
  create(context) {
    // Each table with a code, kept until every code of the document has been seen.
    const coded: CodedProject[] = [];
    return {
      Project(project) {
        const code = cellText(project.code);
        if (code !== '') coded.push({ project, code, shape: segmentShape(code) });
      },
      'Document:exit'() {
        if (coded.length >= 3) {
          const counts = new Map<string, number>();
          for (const p of coded) {
            const key = p.shape.join('|');
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
          // The most common exact shape; codes whose letter segments happen to be all digits still fit it.
          const [bestKey] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
          const shape = bestKey.split('|');
          const fitting = coded.filter((p) => fitsShape(p.shape, shape)).length;
          if (fitting * 2 > coded.length && fitting < coded.length) {
            const example = coded.find((p) => fitsShape(p.shape, shape))!;
            for (const { project, code, shape: own } of coded) {
              if (fitsShape(own, shape)) continue;
              context.report({
                node: project,
                cell: 'code',
                messageId: 'shape',
                data: { found: project.code ?? '', shape: shapeOf(code), others: fitting, majority: `如 ${example.code}` },
              });
            }
          }
        }
        // Prefix versus the unit code, when the other codes of the document agree with theirs.
        const withUnit = coded.filter((p) => p.project.agencyCode && leadingDigits(p.code));
        if (withUnit.length >= 2) {
          const agrees = (p: CodedProject) => p.project.agencyCode!.startsWith(leadingDigits(p.code)!);
          const disagreeing = withUnit.filter((p) => !agrees(p));
          if (disagreeing.length > 0 && disagreeing.length * 2 < withUnit.length) {
            for (const { project, code } of disagreeing) {
              context.report({
                node: project,
                cell: 'code',
                messageId: 'prefix',
                data: { found: project.code ?? '', prefix: leadingDigits(code)!, agencyCode: project.agencyCode! },
              });
            }
          }
        }
      },
    };
  },
});
