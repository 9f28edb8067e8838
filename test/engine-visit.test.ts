/**
 * The rule contract: defineRule (options from the schema's defaults), the order the engine calls
 * visitors in, where a node report points (project, role, origin, 三级, found), and what happens to
 * a report that names an unknown message or a node the walk does not know.
 */
import { describe, expect, it } from 'vitest';
import type { JxDocument } from '../src/ast/types.js';
import { resolveConfig } from '../src/engine/config.js';
import { defineRule } from '../src/engine/define-rule.js';
import { INTERNAL_ERROR_ID, lintDocument } from '../src/engine/lint.js';
import type { NodeReport, Rule, RuleContext, RuleVisitors } from '../src/engine/types.js';
import { makeDocument, makeIndicator, makeProject, makeValue, PROBE_META as META } from './helpers/rule-tester.js';

/** A rule whose visitors come from `visitors(context)`. */
function probe(id: string, visitors: (context: RuleContext<'seen'>) => RuleVisitors): Rule {
  return defineRule({ meta: { ...META, id }, create: visitors });
}

function lint(document: JxDocument, rules: Rule[], entries: Record<string, unknown> = {}) {
  const config = resolveConfig({ extends: 'all', rules: entries }, undefined, { rules, source: 'test' });
  return lintDocument(document, { config, rules });
}

/** Two tables: the first with a goal cell of two items and two indicator rows, the second empty. */
function sample(): JxDocument {
  const p1 = makeProject(1, 'A-1', {
    origin: { line: 1, column: 1 },
    goals: [{ text: '1、发放补贴\n2、完成率', origin: { line: 5, column: 2 } }],
    indicators: [
      makeIndicator('人数', makeValue('≥98%'), { line: 10, column: 5 }, { cells: { level3: { line: 10, column: 3 }, value: { line: 10, column: 5 } } }),
      makeIndicator('金额', makeValue('≥1'), { line: 11, column: 5 }),
    ],
  });
  const p2 = makeProject(2, 'A-2', { origin: { line: 20, column: 1 } });
  return makeDocument([p1, p2]);
}

describe('defineRule', () => {
  it('turns the option schema into defaults and a spec, and passes the merged options', () => {
    let seen: unknown = null;
    const rule = defineRule({
      meta: { ...META, id: 'with-options', docs: { ...META.docs, options: '`min`, `scope`' } },
      options: {
        min: { type: 'number', minimum: 0, default: 85, description: '下限', descriptionEn: 'floor' },
        scope: { type: 'string', enum: ['document', 'table'], default: 'document', description: '范围', descriptionEn: 'scope' },
      },
      create(context) {
        seen = context.options;
        return {};
      },
    });
    expect(rule.defaultOptions).toEqual({ min: 85, scope: 'document' });
    expect(rule.optionsSchema).toEqual({
      min: { type: 'number', minimum: 0, description: '下限', descriptionEn: 'floor' },
      scope: { type: 'string', enum: ['document', 'table'], description: '范围', descriptionEn: 'scope' },
    });
    lint(sample(), [rule], { 'with-options': ['warn', { scope: 'table' }] });
    expect(seen).toEqual({ min: 85, scope: 'table' });
  });

  it('a rule without options has no schema', () => {
    const rule = probe('no-options', () => ({}));
    expect(rule.optionsSchema).toBeUndefined();
    expect(rule.defaultOptions).toBeUndefined();
  });
});

describe('the walk', () => {
  it('calls the visitors in document order, once per lint for every rule', () => {
    const calls: string[][] = [[], []];
    const recorder = (n: number) =>
      probe(`order-${n}`, () => ({
        Document: () => calls[n]!.push('Document'),
        Department: (d) => calls[n]!.push(`Department ${d.present}`),
        Project: (p) => calls[n]!.push(`Project ${p.index}`),
        Goal: (item, p, i) => calls[n]!.push(`Goal ${p.index}.${i} ${item.content}`),
        Indicator: (ind, p, i) => calls[n]!.push(`Indicator ${p.index}.${i} ${ind.level3}`),
        'Project:exit': (p) => calls[n]!.push(`Project:exit ${p.index}`),
        'Document:exit': () => calls[n]!.push('Document:exit'),
      }));
    lint(sample(), [recorder(0), recorder(1)]);
    const expected = [
      'Document',
      'Department false',
      'Project 1',
      'Goal 1.0 发放补贴',
      'Goal 1.1 完成率',
      'Indicator 1.0 人数',
      'Indicator 1.1 金额',
      'Project:exit 1',
      'Project 2',
      'Goal 2.0 目标',
      'Project:exit 2',
      'Document:exit',
    ];
    expect(calls[0]).toEqual(expected);
    expect(calls[1]).toEqual(expected);
  });

  it('does not call a rule that is off', () => {
    let called = false;
    const rule = probe('off-rule', () => ({ Project: () => void (called = true) }));
    lint(sample(), [rule], { 'off-rule': 'off' });
    expect(called).toBe(false);
  });
});

describe('node reports', () => {
  const place = (report: (doc: JxDocument) => NodeReport<'seen'>) => {
    const doc = sample();
    const rule = probe('place', (context) => ({ 'Document:exit': () => context.report(report(doc)) }));
    const messages = lint(doc, [rule]).messages;
    expect(messages.map((m) => m.message)).not.toContainEqual(expect.stringMatching(/运行出错/));
    expect(messages).toHaveLength(1);
    return messages[0]!;
  };
  const data = { what: 'x' };

  it.each([
    ['an indicator cell', (d: JxDocument) => ({ node: d.projects[0]!.indicators[0]!, cell: 'value' as const }), { role: 'indicator.value', projectIndex: 1, indicatorIndex: 0, level3: '人数', found: '≥98%', line: 10, column: 5 }],
    ['an indicator cell without its own origin (the row’s)', (d: JxDocument) => ({ node: d.projects[0]!.indicators[1]!, cell: 'level3' as const }), { role: 'indicator.level3', indicatorIndex: 1, level3: '金额', found: '金额', line: 11, column: 5 }],
    ['an indicator row', (d: JxDocument) => ({ node: d.projects[0]!.indicators[1]! }), { role: 'indicator', indicatorIndex: 1, level3: '金额', found: null, line: 11 }],
    ['a project cell', (d: JxDocument) => ({ node: d.projects[1]!, cell: 'code' as const }), { role: 'code', projectIndex: 2, projectCode: 'A-2', found: 'A-2', line: 20, indicatorIndex: null, level3: null }],
    ['a table (the first indicator row’s origin)', (d: JxDocument) => ({ node: d.projects[0]! }), { role: 'table', projectIndex: 1, found: null, line: 10, column: 5 }],
    ['a table without rows (the table’s origin)', (d: JxDocument) => ({ node: d.projects[1]! }), { role: 'table', projectIndex: 2, line: 20, column: 1 }],
    ['a goal of the AST', (d: JxDocument) => ({ node: d.projects[0]!.goals[0]! }), { role: 'goals', projectIndex: 1, found: '1、发放补贴\n2、完成率', line: 5 }],
    ['the department part', (d: JxDocument) => ({ node: d.department }), { role: 'department', projectIndex: null, found: null }],
    ['the document', (d: JxDocument) => ({ node: d }), { role: 'document', projectIndex: null, origin: null, location: '文档' }],
  ])('on %s', (_name, target, expected) => {
    const m = place((d) => ({ ...target(d), messageId: 'seen', data }));
    expect(m).toMatchObject({ ruleId: 'place', message: '看到x', ...expected });
    expect(m.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('found and origin can be given; suggestion, fix and a lower severity pass through', () => {
    const m = place((d) => ({
      node: d.projects[0]!,
      cell: 'spendPlan',
      messageId: 'seen',
      data,
      origin: { line: 7, column: 3 },
      found: '50',
      suggestion: '50%',
      fix: { description: '补上“%”', replacement: '50%', safety: 'safe' },
      severity: 'info',
    }));
    expect(m).toMatchObject({ role: 'spendPlan', line: 7, column: 3, found: '50', suggestion: '50%', severity: 0, fix: { replacement: '50%' } });
  });

  it('a goal item from the Goal visitor points at its cell and is found as written', () => {
    const rule = probe('goal-items', (context) => ({ Goal: (item) => context.report({ node: item, messageId: 'seen', data }) }));
    const messages = lint(sample(), [rule]).messages;
    expect(messages.map((m) => [m.projectIndex, m.role, m.found, m.line])).toEqual([
      [1, 'goals', '1、发放补贴', 5],
      [1, 'goals', '2、完成率', 5],
      [2, 'goals', '1、目标', 20],
    ]);
  });

  it.each([
    ['an unknown messageId', (context: RuleContext<'seen'>, d: JxDocument) => context.report({ node: d, messageId: 'nope' as 'seen' }), /unknown messageId "nope"/],
    ['a node the walk does not know', (context: RuleContext<'seen'>) => context.report({ node: { text: '1、copy', content: 'copy', origin: null }, messageId: 'seen' }), /did not visit/],
  ])('%s is an internal error of the rule, and its other reports are dropped', (_name, bad, pattern) => {
    const rule = probe('bad-report', (context) => ({
      Project: (p) => context.report({ node: p, messageId: 'seen', data }),
      'Document:exit': (d) => bad(context, d),
    }));
    const other = probe('other', (context) => ({ Document: (d) => context.report({ node: d, messageId: 'seen', data }) }));
    const result = lint(sample(), [rule, other]);
    const own = result.messages.filter((m) => m.ruleId === 'bad-report');
    expect(own.map((m) => m.messageId)).toEqual([INTERNAL_ERROR_ID]);
    expect(own[0]!.message).toMatch(pattern);
    expect(result.messages.filter((m) => m.ruleId === 'other')).toHaveLength(1);
  });

  it('a rule that throws in a visitor is not called again', () => {
    let calls = 0;
    const rule = probe('throws', () => ({
      Indicator: () => {
        calls++;
        throw new Error('boom');
      },
    }));
    const result = lint(sample(), [rule]);
    expect(calls).toBe(1);
    expect(result.messages.map((m) => m.messageId)).toEqual([INTERNAL_ERROR_ID]);
  });
});
