import { describe, expect, it } from 'vitest';
import { applyTextFixes } from '../src/engine/fix.js';
import type { LintMessage } from '../src/engine/types.js';
import { makeMessage } from './helpers/messages.js';

function msg(line: number, column: number, found: string, replacement: string): LintMessage {
  return makeMessage({ line, column, origin: { line, column }, role: 'indicator.value', found, fix: { description: 'd', replacement } });
}

describe('applyTextFixes', () => {
  const text = '产出\t数量\t≥95\t计划\n效益\t社会\t≥90\t计划\n';
  it('replaces the found text at its line and column', () => {
    const out = applyTextFixes(text, [msg(1, 7, '≥95', '≥95%'), msg(2, 7, '≥90', '≥90%')]);
    expect(out.output).toBe('产出\t数量\t≥95%\t计划\n效益\t社会\t≥90%\t计划\n');
    expect(out.applied).toHaveLength(2);
    expect(out.skipped).toEqual([]);
  });
  it('skips a fix whose text is no longer there, or that overlaps another', () => {
    const stale = msg(1, 7, '≥99', '≥99%');
    const a = msg(2, 7, '≥90', '≥90%');
    const overlap = msg(2, 7, '≥9', 'x');
    const out = applyTextFixes(text, [stale, a, overlap]);
    expect(out.output).toBe('产出\t数量\t≥95\t计划\n效益\t社会\t≥90%\t计划\n');
    expect(out.skipped).toEqual(expect.arrayContaining([stale]));
    expect(out.applied.length + out.skipped.length).toBe(3);
  });
  it('does not reach into the next line', () => {
    expect(applyTextFixes(text, [msg(1, 12, '效益', 'x')]).output).toBe(text);
  });
  it('ignores messages without a fix or a text origin', () => {
    const noFix = { ...msg(1, 7, '≥95', ''), fix: undefined };
    const word = { ...msg(1, 7, '≥95', 'x'), line: null, column: null };
    const out = applyTextFixes(text, [noFix, word]);
    expect(out.output).toBe(text);
    expect(out.skipped).toEqual([word]);
  });
});
