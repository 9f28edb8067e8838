/**
 * The compact bookkeeping of a lint (issue 15): indicator rows are numbered, not registered one by
 * one, so a report on a row must land on the same project and row from every visitor — its own
 * project's, another project's, before and after the walk, with tables without rows in between —
 * and the typed-array sort must order messages exactly as `compareMessages` does.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator, JxDocument, Origin } from '../src/ast/types.js';
import { resolveConfig } from '../src/engine/config.js';
import { defineRule } from '../src/engine/define-rule.js';
import { compareMessages, lintDocument, sortMessages } from '../src/engine/lint.js';
import type { LintMessage, Rule, RuleContext, RuleVisitors } from '../src/engine/types.js';
import { makeDocument, makeIndicator, makeProject, makeValue, PROBE_META as META } from './helpers/rule-tester.js';

function lint(document: JxDocument, visitors: (context: RuleContext<'seen'>) => RuleVisitors) {
  const rule = defineRule({ meta: { ...META, id: 'rows' }, create: visitors }) as Rule;
  const config = resolveConfig({ extends: 'all', rules: {} }, undefined, { rules: [rule], source: 'test' });
  return lintDocument(document, { config, rules: [rule] }).messages;
}

/** Tables 1, 3 and 5 have rows named `p<table>r<row>`; tables 2 and 4 have none. */
function document(): JxDocument {
  const rows = (table: number, count: number): Indicator[] =>
    Array.from({ length: count }, (_, r) => makeIndicator(`p${table}r${r}`, makeValue('≥1'), { line: table * 100 + r, column: 3 }));
  return makeDocument([
    makeProject(1, 'T-1', { indicators: rows(1, 3) }),
    makeProject(2, 'T-2', { origin: { line: 200, column: 1 } }),
    makeProject(3, 'T-3', { indicators: rows(3, 1) }),
    makeProject(4, 'T-4', { origin: { line: 400, column: 1 } }),
    makeProject(5, 'T-5', { indicators: rows(5, 2) }),
  ]);
}

describe('reports on indicator rows', () => {
  const where = (m: LintMessage) => `${m.message}: table ${m.projectIndex} row ${m.indicatorIndex} ${m.level3}`;

  it.each<[string, (d: JxDocument, context: RuleContext<'seen'>) => RuleVisitors, string[]]>([
    [
      'before and after the walk, on rows of any table',
      (d, c) => ({
        Document: () => c.report({ node: d.projects[4]!.indicators[1]!, messageId: 'seen', data: { what: 'D' } }),
        'Document:exit': () => c.report({ node: d.projects[0]!.indicators[2]!, messageId: 'seen', data: { what: 'X' } }),
      }),
      ['看到X: table 1 row 2 p1r2', '看到D: table 5 row 1 p5r1'],
    ],
    [
      'in the Indicator visitor, on its own row and on the row before it',
      (_, c) => ({
        Indicator: (row, project, i) => {
          c.report({ node: row, messageId: 'seen', data: { what: 'I' } });
          if (i > 0) c.report({ node: project.indicators[i - 1]!, messageId: 'seen', data: { what: 'B' } });
        },
      }),
      ['看到I: table 1 row 0 p1r0', '看到B: table 1 row 0 p1r0', '看到I: table 1 row 1 p1r1', '看到B: table 1 row 1 p1r1', '看到I: table 1 row 2 p1r2', '看到I: table 3 row 0 p3r0', '看到B: table 5 row 0 p5r0', '看到I: table 5 row 0 p5r0', '看到I: table 5 row 1 p5r1'],
    ],
    [
      'in Project and Project:exit, on its own last row and on the first row of table 3',
      (d, c) => ({
        Project: (p) => {
          const last = p.indicators[p.indicators.length - 1];
          if (last) c.report({ node: last, messageId: 'seen', data: { what: 'P' } });
        },
        'Project:exit': (p) => {
          if (p.index === 5) c.report({ node: d.projects[2]!.indicators[0]!, messageId: 'seen', data: { what: 'E' } });
        },
      }),
      ['看到P: table 1 row 2 p1r2', '看到E: table 3 row 0 p3r0', '看到P: table 3 row 0 p3r0', '看到P: table 5 row 1 p5r1'],
    ],
  ])('%s', (_, visitors, expected) => {
    const d = document();
    const messages = lint(d, (context) => visitors(d, context));
    expect(messages.map(where).sort()).toEqual([...expected].sort());
  });

  it('a row the document does not hold is still an error of the rule', () => {
    const d = document();
    const stray = makeIndicator('stray', makeValue('≥1'), null);
    const messages = lint(d, (c) => ({ 'Document:exit': () => c.report({ node: stray, messageId: 'seen', data: { what: 'S' } }) }));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.ruleId).toBe('rows');
    expect(messages[0]!.message).toMatch(/did not visit/);
  });
});

describe('sortMessages', () => {
  /** Origins of every kind, including a table origin without its paragraph (compared as NaN). */
  const origins: (Origin | null)[] = [
    null,
    { line: 3, column: 2 },
    { line: 3, column: 1 },
    { line: 10, column: 5 },
    { table: 1, row: 2, col: 3, paragraph: 1 },
    { table: 1, row: 2, col: 3, paragraph: 2 },
    { table: 1, row: 2, col: 3 } as Origin,
    { table: 2, row: 1, col: 1, paragraph: 1 },
    { paragraph: 4 },
    { paragraph: 1 },
    { sheet: 'A', sheetIndex: 1, row: 4, col: 2 } as Origin,
    { sheet: 'B', sheetIndex: 2, row: 1, col: 1 } as Origin,
  ];

  it.each([1, 2, 3, 4, 5])('orders like compareMessages (seed %i)', (seed) => {
    let state = seed * 7919;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const messages: LintMessage[] = Array.from({ length: 400 }, (_, i) => ({
      ruleId: next(4) === 0 ? null : `rule-${next(3)}`,
      severity: 1,
      message: `m${next(3)}`,
      messageId: `id${i}`,
      projectCode: null,
      projectName: null,
      projectIndex: next(4) === 0 ? null : next(3) + 1,
      line: null,
      column: null,
      origin: origins[next(origins.length)]!,
      location: '',
      role: null,
    }));
    const expected = [...messages].sort(compareMessages).map((m) => m.messageId);
    expect(sortMessages([...messages]).map((m) => m.messageId)).toEqual(expected);
  });
});
