import type { FieldCodeResidue } from '../src/ast/types.js';
import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { safeFix } from './shared/fixes.js';

/** Word field-code residue (域代码残留) in a text export: TC / TOC / PAGEREF / MERGEFORMAT instructions. */
export const wordFieldCodeResidue = defineRule({
  meta: {
    id: 'word-field-code-residue',
    category: 'structure',
    defaultSeverity: 'info',
    kind: 'heuristic',
    recommended: true, // docs/rule-quality.md: precision ≥ 0.9 on the labelled corpus
    fix: 'safe',
    messages: {
      residue: {
        'zh-CN':
          '文档中有 {count} 处 Word 域代码残留（如“{example}”）{ordinalNote}；这是目录域（TC/TOC/PAGEREF）的隐藏文字被导出到了正文，审核人会看到乱码般的标题；请在 Word 中按 Alt+F9 隐藏域代码或删除这些 TC 域后重新导出',
        en: 'The document holds {count} pieces of Word field-code text (e.g. "{example}"){ordinalNoteEn}; hidden table-of-contents fields (TC/TOC/PAGEREF) were exported into the text, so titles read as garbage; hide field codes (Alt+F9) or delete the TC fields in Word and export again',
      },
    },
    docs: {
      description:
        '导出的文本中残留 Word 域代码（“TC … \\f C \\l 1”“TOC \\o”“PAGEREF _Toc…”“MERGEFORMAT”），以及 TC 域里的序号与可见标题序号不一致（如“1、…绩效目标表 TC 9、…”）。每个文档只报告一次，并给出残留的数量。',
      descriptionEn:
        'Word field-code text (TC, TOC, PAGEREF, MERGEFORMAT) left in the export, and TC ordinals that differ from the visible title; reported once per document with the count.',
      why: '域代码是 Word 的隐藏文字，导出为文本或复制到其他系统时会混进标题，造成标题重复、序号错乱（可见序号 1、域内序号 9、），人工审核和系统导入都可能出错。',
      get bad() {
        return table({ title: '城乡居民养老保险区财政补贴绩效目标表 TC 9、城乡居民养老保险区财政补贴绩效目标表 \\f C \\l 1' });
      },
      get good() {
        return table();
      },
      basis:
        'Microsoft Support “Field codes: TC (Table of Contents Entry) field”；ECMA-376 Part 4 TC 域（\\f 类型、\\l 级别）；docs/sources.md §4。',
      limits:
        '只识别 TC、TOC、PAGEREF、MERGEFORMAT 四类域代码的典型写法；其他域（如 SEQ、REF）或被改写过的残留不识别。序号不一致只在 TC 域内写了“N、”序号时才能比较。Word 文件本身的域不受影响，只是导出文本中的残留。',
      fix: '安全修复：从导出文本中删去全部域代码残留（连同两侧多余的空格），可见的标题和序号不变；域代码是隐藏文字，删去不改变表格内容。Word 文件不会被改写，请在 Word 中处理。',
    },
  },
  create(context) {
    // The residues of the department part and of each table in order, kept for one report per document.
    let departmentResidues: readonly FieldCodeResidue[] = [];
    const projectResidues: FieldCodeResidue[] = [];
    let ordinalMismatches = 0;
    return {
      Department(department) {
        departmentResidues = department.fieldCodes;
      },
      Project(project) {
        for (const r of project.fieldCodes) {
          projectResidues.push(r);
          if (r.tcOrdinal !== undefined && project.titleOrdinal !== null && r.tcOrdinal !== project.titleOrdinal) ordinalMismatches++;
        }
      },
      'Document:exit'(document) {
        const residues = departmentResidues.concat(projectResidues);
        if (residues.length === 0) return;
        const first = residues.find((r) => r.origin) ?? residues[0]!;
        const example = first.code.length > 40 ? `${first.code.slice(0, 40)}…` : first.code;
        const fix = residues.every((r) => r.origin)
          ? safeFix(
              `删去 ${residues.length} 处域代码残留`,
              '',
              residues.map((r) => ({ origin: r.origin, found: r.code, replacement: '', absorbSpaces: true })),
            )
          : null;
        context.report({
          node: document,
          messageId: 'residue',
          origin: first.origin,
          found: `${residues.length}`,
          ...(fix ? { fix } : {}),
          data: {
            count: residues.length,
            example,
            ordinalNote: ordinalMismatches > 0 ? `，其中 ${ordinalMismatches} 处 TC 域序号与可见标题序号不一致` : '',
            ordinalNoteEn: ordinalMismatches > 0 ? `; in ${ordinalMismatches} of them the TC ordinal differs from the visible title ordinal` : '',
          },
        });
      },
    };
  },
});
