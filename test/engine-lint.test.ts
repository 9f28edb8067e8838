import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/engine/config.js';
import { compareMessages, INTERNAL_ERROR_ID, lintDocument, lintFailure } from '../src/engine/lint.js';
import { formatLocation } from '../src/engine/messages.js';
import type { Rule, RuleContext } from '../src/engine/types.js';
import { makeDocument, makeIndicator, makeProject, makeValue } from './helpers/rule-tester.js';

/** A rule that does all its work in the `Document` visitor. */
function rule(id: string, run: (ctx: RuleContext) => void, severity: 'info' | 'warn' | 'error' = 'error'): Rule {
  return {
    meta: {
      id,
      category: 'value',
      defaultSeverity: severity,
      kind: 'heuristic',
      fixable: true,
      messages: {
        found: { 'zh-CN': '指标“{level3}”的值“{found}”不对；应写{want}', en: 'Indicator "{level3}" has "{found}"; write {want}' },
      },
      docs: { description: 'd', descriptionEn: 'd', why: 'w', bad: 'b', good: 'g', basis: '财预〔2021〕101号' },
    },
    create: (ctx) => ({ Document: () => run(ctx) }),
  };
}

const config = (rules: Rule[], entries: Record<string, unknown> = {}) =>
  resolveConfig({ extends: 'all', rules: entries }, undefined, { rules, source: 'test' });

function sampleDocument() {
  const p1 = makeProject(1, 'A-1', {
    indicators: [
      makeIndicator('人数', makeValue('≥98%'), { line: 20, column: 5 }),
      makeIndicator('金额', makeValue('≥1'), { line: 10, column: 5 }),
    ],
  });
  const p2 = makeProject(2, 'A-2', {
    indicators: [makeIndicator('次数', makeValue('50%'), { table: 3, row: 5, col: 5, paragraph: 1 })],
  });
  return makeDocument([p2, p1]);
}

const reportEveryValue = rule('every-value', (ctx) => {
  for (const p of ctx.document.projects) {
    p.indicators.forEach((ind) =>
      ctx.report({
        messageId: 'found',
        node: ind,
        cell: 'value',
        data: { level3: ind.level3 ?? '', found: ind.value.raw, want: '≥1200人' },
        suggestion: '≥1200人',
        fix: { description: 'replace', replacement: '≥1200人' },
      }),
    );
  }
});

describe('lintDocument', () => {
  it('turns reports into messages: severity, rendered text, project, place, indicator, fingerprint', () => {
    const result = lintDocument(sampleDocument(), { config: config([reportEveryValue]), rules: [reportEveryValue] });
    expect(result.status).toBe('ok');
    expect(result.messages).toHaveLength(3);
    const m = result.messages[0]!;
    expect(m).toMatchObject({
      ruleId: 'every-value',
      severity: 2,
      message: '指标“金额”的值“≥1”不对；应写≥1200人',
      messageId: 'found',
      projectCode: 'A-1',
      projectName: '项目1',
      projectIndex: 1,
      line: 10,
      column: 5,
      location: '行 10:5（指标值）',
      role: 'indicator.value',
      indicatorIndex: 1,
      level3: '金额',
      found: '≥1',
      suggestion: '≥1200人',
      basis: '财预〔2021〕101号',
    });
    expect(m.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(m.fix).toEqual({ description: 'replace', replacement: '≥1200人' });
    const word = result.messages[2]!;
    expect(word.location).toBe('表3 第5行 第5列（指标值）');
    expect(word.line).toBeNull();
    expect(result).toMatchObject({ errorCount: 3, warningCount: 0, infoCount: 0, fatalErrorCount: 0, fixableCount: 3 });
    expect(result.projects.map((p) => p.code)).toEqual(['A-2', 'A-1']);
    expect(result.document).toBeUndefined();
  });

  it('sorts by project index, then origin, then rule id', () => {
    const result = lintDocument(sampleDocument(), { config: config([reportEveryValue]), rules: [reportEveryValue] });
    expect(result.messages.map((m) => `${m.projectIndex}:${m.line ?? 't'}`)).toEqual(['1:10', '1:20', '2:t']);
    const shuffled = [...result.messages].reverse().sort(compareMessages);
    expect(shuffled).toEqual(result.messages);
  });

  it('renders English messages and locations', () => {
    const result = lintDocument(sampleDocument(), { config: config([reportEveryValue]), rules: [reportEveryValue], locale: 'en' });
    expect(result.messages[0]!.message).toBe('Indicator "金额" has "≥1"; write ≥1200人');
    expect(result.messages[0]!.location).toBe('line 10:5 (target value)');
    expect(result.messages[2]!.location).toBe('table 3 row 5 col 5 (target value)');
  });

  it('uses the configured severity; a per-report override can only lower it', () => {
    const r = rule('mixed', (ctx) => {
      const p = ctx.document.projects[0]!;
      ctx.report({ messageId: 'found', node: p, severity: 'info' });
      ctx.report({ messageId: 'found', node: p, severity: 'error' });
    });
    const result = lintDocument(sampleDocument(), { config: config([r], { mixed: 'warn' }), rules: [r] });
    expect(result.messages.map((m) => m.severity).sort()).toEqual([0, 1]);
    expect(result).toMatchObject({ warningCount: 1, infoCount: 1 });
  });

  it('skips rules that are off and passes options and settings', () => {
    let seen: RuleContext | null = null;
    const spy = rule('spy', (ctx) => {
      seen = ctx;
    });
    const off = rule('off-rule', () => {
      throw new Error('must not run');
    });
    const cfg = resolveConfig({ extends: 'all', layout: 'require-2021', rules: { 'off-rule': 'off' } }, undefined, { rules: [spy, off] });
    const result = lintDocument(sampleDocument(), { config: cfg, rules: [spy, off], locale: 'en' });
    expect(result.messages).toEqual([]);
    expect(seen!.settings).toEqual({ layout: 'require-2021', locale: 'en' });
    expect(seen!.options).toEqual({});
  });

  it('a rule that throws becomes one internal-error message; the other rules still run', () => {
    const boom = rule('boom', () => {
      throw new Error('kaboom');
    });
    const result = lintDocument(sampleDocument(), { config: config([boom, reportEveryValue]), rules: [boom, reportEveryValue] });
    const internal = result.messages.filter((m) => m.messageId === INTERNAL_ERROR_ID);
    expect(internal).toHaveLength(1);
    expect(internal[0]).toMatchObject({ ruleId: 'boom', severity: 2, projectIndex: null });
    expect(internal[0]!.message).toMatch(/^规则 boom 运行出错：kaboom/);
    expect(result.messages.filter((m) => m.ruleId === 'every-value')).toHaveLength(3);
  });

  it('a rule that reports then throws contributes only the internal error', () => {
    const half = rule('half', (ctx) => {
      ctx.report({ messageId: 'found', node: ctx.document.projects[0]! });
      throw new Error('late');
    });
    const result = lintDocument(sampleDocument(), { config: config([half]), rules: [half] });
    expect(result.messages.map((m) => m.messageId)).toEqual([INTERNAL_ERROR_ID]);
  });

  it('turns parse diagnostics into messages with ruleId null', () => {
    const doc = sampleDocument();
    doc.diagnostics = [
      { code: 'parse-error', severity: 'warning', message: '第2张表无法解析', messageEn: 'table 2 cannot be parsed', origin: { line: 3, column: 1 }, projectIndex: 2 },
      { code: 'no-table', severity: 'info', message: '没有表', messageEn: 'no table', origin: null },
      { code: 'format-mismatch', severity: 'warning', message: '扩展名不符', messageEn: 'extension mismatch', origin: null },
      { code: 'read-error', severity: 'error', message: '读不了', messageEn: 'unreadable', origin: null },
    ];
    const result = lintDocument(doc, { config: config([]), rules: [] });
    const byId = Object.fromEntries(result.messages.map((m) => [m.messageId, m]));
    expect(byId['parse-error']).toMatchObject({ ruleId: null, severity: 2, projectIndex: 2, projectCode: 'A-2', line: 3, location: '行 3:1' });
    expect(byId['no-table']).toMatchObject({ severity: 0, location: '文档' });
    expect(byId['format-mismatch']!.severity).toBe(1);
    expect(byId['read-error']).toMatchObject({ severity: 2, fatal: true });
    expect(byId['parse-error']!.fatal).toBeUndefined();
    expect(result).toMatchObject({ errorCount: 2, warningCount: 1, infoCount: 1, fatalErrorCount: 1 });
  });

  it('a rule may reuse its report object: each report is taken as it was when reported', () => {
    const reuse = rule('reuse', (ctx) => {
      const p = ctx.document.projects[0]!;
      const r = { messageId: 'found', node: p, data: { level3: 'a', found: '1', want: 'x' } };
      ctx.report(r);
      r.data = { level3: 'b', found: '2', want: 'y' };
      ctx.report(r);
    });
    const result = lintDocument(sampleDocument(), { config: config([reuse]), rules: [reuse] });
    expect(result.messages.map((m) => m.message).sort()).toEqual(['指标“a”的值“1”不对；应写x', '指标“b”的值“2”不对；应写y']);
  });

  it('keeps the document when asked', () => {
    const doc = sampleDocument();
    expect(lintDocument(doc, { config: config([]), rules: [], keepDocument: true }).document).toBe(doc);
  });

  it('runs the registered rules with the default config', () => {
    const doc = makeDocument([makeProject(1, 'X', { indicators: [] })]);
    const result = lintDocument(doc);
    expect(result.messages.map((m) => `${m.ruleId}/${m.messageId}`)).toEqual([
      'goal-not-quantified/notQuantified', // in recommended since issue 10: "1、目标" has no number
      'missing-required-field/noIndicators',
      'missing-spend-plan/blank',
    ]);
  });
});

describe('lintFailure', () => {
  it('is a failed result with one fatal message', () => {
    const r = lintFailure('a.docx', { code: 'read-error', message: '文件 a.docx 已加密；请解密后重试', messageEn: 'a.docx is encrypted' });
    expect(r).toMatchObject({ filePath: 'a.docx', status: 'failed', errorCount: 1, fatalErrorCount: 1, projects: [] });
    expect(r.messages[0]).toMatchObject({ ruleId: null, severity: 2, fatal: true, messageId: 'read-error', message: '文件 a.docx 已加密；请解密后重试' });
    expect(lintFailure('a.docx', { code: 'x', message: '中', messageEn: 'en' }, 'en').messages[0]!.message).toBe('en');
  });
});

describe('formatLocation', () => {
  it.each([
    [{ table: 3, row: 5, col: 5, paragraph: 1 }, 'indicator.value', 'zh-CN', null, '表3 第5行 第5列（指标值）'],
    [{ line: 97, column: 2 }, 'indicator.value', 'zh-CN', null, '行 97:2（指标值）'],
    [{ line: 97, column: 2 }, null, 'zh-CN', null, '行 97:2'],
    [{ paragraph: 12 }, 'department', 'zh-CN', null, '段落 12（部门整体绩效目标）'],
    [null, 'code', 'zh-CN', 4, '项目 4（项目编码）'],
    [null, 'document', 'en', null, 'document'],
    [{ line: 1, column: 1 }, 'goals', 'en', null, 'line 1:1 (performance goals)'],
  ] as const)('%o %s %s', (origin, role, locale, project, expected) => {
    expect(formatLocation(origin, role, locale, project)).toBe(expected);
  });
});
