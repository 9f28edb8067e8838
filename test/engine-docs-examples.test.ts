/**
 * Docs examples are executed: each rule's `bad` example fires the rule, its `good` example does not.
 * Covers every registered rule, so Part B rules are included as they are added.
 */
import { describe, expect, it } from 'vitest';
import { allRules } from '../rules/index.js';
import type { Rule } from '../src/engine/types.js';
import { runRule } from './helpers/rule-tester.js';

describe.each(allRules.map((r) => [r.meta.id, r] as [string, Rule]))('%s docs examples', (_id, rule) => {
  it('the bad example fires the rule', () => {
    expect(rule.meta.docs.bad.trim(), 'the bad example is written').not.toBe('');
    const run = runRule(rule, rule.meta.docs.bad);
    // It is read as the rule sees it: a project table, unless the rule reports on the document as a whole.
    const documentLevel = run.messages.length > 0 && run.messages.every((m) => m.projectIndex === null);
    if (!documentLevel) expect(run.projects, 'the bad example parses into at least one project').toBeGreaterThan(0);
    expect(run.messages.filter((m) => m.messageId === 'internal-error')).toEqual([]);
    expect(run.messages.length, 'messages on the bad example').toBeGreaterThan(0);
    if (rule.meta.fixable) expect(run.messages.some((m) => m.fix), 'a fixable rule offers a fix on its bad example').toBe(true);
  });

  it('the good example does not fire the rule', () => {
    const run = runRule(rule, rule.meta.docs.good);
    expect(run.parseErrors.map((m) => m.message), 'the good example parses cleanly').toEqual([]);
    expect(run.messages.map((m) => `${m.messageId}: ${m.message}`)).toEqual([]);
  });
});
