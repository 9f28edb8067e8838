/**
 * applyTextFixes (the browser-safe core of --fix and the editor's quick fixes): safety filter,
 * fixes that change several cells (all or none), spaces absorbed around removed residue, a fix
 * never leaving its cell (TAB) or line, and every line ending the text reader knows.
 */
import { describe, expect, it } from 'vitest';
import { applyTextFixes, fixSafety, ruleFixAvailability } from '../src/engine/fix.js';
import type { Fix, FixEdit, LintMessage } from '../src/engine/types.js';
import { makeMessage } from './helpers/messages.js';

function msg(line: number | null, column: number | null, found: string, fix: Partial<Fix> & { replacement?: string }): LintMessage {
  const origin = line !== null && column !== null ? { line, column } : null;
  return makeMessage({ line, column, origin, role: 'indicator.value', found, fix: { description: 'd', replacement: '', ...fix } });
}
const edit = (line: number, column: number, found: string, replacement: string, absorbSpaces = false): FixEdit => ({
  origin: { line, column },
  found,
  replacement,
  ...(absorbSpaces ? { absorbSpaces } : {}),
});

describe('applyTextFixes', () => {
  const rows = '产出\t数量\t≥95\t计划\n效益\t社会\t≥90\t计划\n';

  it.each([
    ['safe only', 'safe', '产出\t数量\t≥95%\t计划\n效益\t社会\t≥90\t计划\n', 1],
    ['all', 'all', '产出\t数量\t≥95%\t计划\n效益\t社会\t=90%\t计划\n', 2],
    ['default is all', undefined, '产出\t数量\t≥95%\t计划\n效益\t社会\t=90%\t计划\n', 2],
  ] as const)('safety filter: %s', (_name, safety, output, applied) => {
    const messages = [msg(1, 7, '≥95', { replacement: '≥95%', safety: 'safe' }), msg(2, 7, '≥90', { replacement: '=90%' })];
    const out = applyTextFixes(rows, messages, safety ? { safety } : {});
    expect(out.output).toBe(output);
    expect(out.applied).toHaveLength(applied);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('finds the cell on the right line with %s line ends, and keeps them', (_name, eol) => {
    const text = ['a', '\t≥95', '\t≥90', ''].join(eol);
    const out = applyTextFixes(text, [msg(3, 2, '≥90', { replacement: '≥90%' })]);
    expect(out.output).toBe(['a', '\t≥95', '\t≥90%', ''].join(eol));
  });

  it('never reaches past the next TAB into a neighbouring cell', () => {
    const out = applyTextFixes(rows, [msg(1, 1, '≥95', { replacement: 'x' })]);
    expect(out.output).toBe(rows);
    expect(out.skipped).toHaveLength(1);
  });

  it('a fix with edits changes every place or none', () => {
    const text = '1、标题 TC 9、标题 \\f C \\l 1 \n正文\n2、标题二 TC 10、标题二 \\f C \\l 1\n';
    const both = msg(1, 1, '2', {
      edits: [edit(1, 1, 'TC 9、标题 \\f C \\l 1', '', true), edit(3, 1, 'TC 10、标题二 \\f C \\l 1', '', true)],
    });
    expect(applyTextFixes(text, [both]).output).toBe('1、标题\n正文\n2、标题二\n');
    const oneGone = msg(1, 1, '2', {
      edits: [edit(1, 1, 'TC 9、标题 \\f C \\l 1', '', true), edit(3, 1, 'TC 99、不在 \\f C \\l 1', '', true)],
    });
    const out = applyTextFixes(text, [oneGone]);
    expect(out.output).toBe(text);
    expect(out.skipped).toEqual([oneGone]);
  });

  it('absorbing spaces leaves one between remaining text, none at a cell edge, and keeps TABs', () => {
    // [line, column of the cell, expected]
    const cases: [string, number, string][] = [
      ['前 TC x \\f C 后', 1, '前 后'],
      [' TC x \\f C 三、工作', 1, '三、工作'],
      ['标题 TC x \\f C   ', 1, '标题'],
      ['\t标题 TC x \\f C\t下一格', 2, '\t标题\t下一格'],
      ['前TC x \\f C后', 1, '前后'],
    ];
    for (const [line, column, expected] of cases) {
      const out = applyTextFixes(`${line}\n`, [msg(1, 1, 'n', { edits: [edit(1, column, 'TC x \\f C', '', true)] })]);
      expect(out.output, JSON.stringify(line)).toBe(`${expected}\n`);
    }
  });

  it('repeated edits of the same text on one line take successive occurrences', () => {
    const out = applyTextFixes('甲 TC a \\f C 乙 TC a \\f C 丙\n', [
      msg(1, 1, 'n', { edits: [edit(1, 1, 'TC a \\f C', '', true), edit(1, 1, 'TC a \\f C', '', true)] }),
    ]);
    expect(out.output).toBe('甲 乙 丙\n');
  });

  it('a fix overlapping one already taken (in text order) is skipped whole; a message without a place is skipped', () => {
    const a = msg(1, 7, '≥95', { replacement: '≥95%' });
    const twin = msg(1, 7, '≥95', { replacement: '≥95%' });
    const multi = msg(1, 1, 'n', { edits: [edit(1, 7, '≥9', 'x'), edit(2, 7, '≥90', '≥90%')] });
    const nowhere = msg(null, null, '≥95', { replacement: 'x' });
    const out = applyTextFixes(rows, [a, twin, multi, nowhere]);
    expect(out.output).toBe('产出\t数量\t≥95%\t计划\n效益\t社会\t≥90\t计划\n');
    expect(out.applied).toEqual([a]);
    expect(out.skipped).toEqual(expect.arrayContaining([twin, multi, nowhere]));
  });

  it('a fix without safety is unsafe; fixable alone means unsafe fixes', () => {
    expect(fixSafety({ description: 'd', replacement: 'x' })).toBe('unsafe');
    expect(fixSafety({ description: 'd', replacement: 'x', safety: 'safe' })).toBe('safe');
    expect(ruleFixAvailability({ fixable: true })).toBe('unsafe');
    expect(ruleFixAvailability({ fixable: false })).toBeUndefined();
    expect(ruleFixAvailability({ fixable: true, fix: 'both' })).toBe('both');
  });
});
