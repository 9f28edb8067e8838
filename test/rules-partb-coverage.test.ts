/**
 * Heuristic acceptance (issue 4): every heuristic rule fires on the seed or on the fixture written to
 * show it (fixtures/partb/<id>.txt), and stays silent on fixtures/clean/clean.txt — seed projects
 * corrected by hand (two legacy tables and one in the 2021+ layout), on which every exact rule is
 * silent too. The seed counts are pinned, each in its rule's test file (`seed: [findings, tables]`,
 * test/helpers/seed.ts), so a change to a heuristic is a visible, reviewed change.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exactRules, heuristicRules } from '../rules/index.js';
import type { Rule } from '../src/engine/types.js';
import { parseText } from '../src/index.js';
import { declaredSeedCounts, heuristicSeedCounts, lintWith, partbFixture, readRepoFile as read } from './helpers/seed.js';

const root = new URL('../', import.meta.url);

describe('heuristic rules on the seed and their fixtures', () => {
  it('the pinned seed counts cover exactly the heuristic rules', () => {
    const undeclared = heuristicRules.map((r) => r.meta.id).filter((id) => declaredSeedCounts(id) === null);
    expect(undeclared, 'test/rules/<id>.test.ts declares seed: [findings, tables]').toEqual([]);
    const exactDeclaring = exactRules.map((r) => r.meta.id).filter((id) => declaredSeedCounts(id) !== null);
    expect(exactDeclaring, 'exact rules are pinned in test/engine-seed-counts.test.ts').toEqual([]);
  });

  it.each(heuristicRules.map((r) => [r.meta.id, r] as [string, Rule]))('%s fires on the seed or on its fixture', (id, rule) => {
    const [findings, tables] = heuristicSeedCounts(id);
    expect([findings, tables], `${id} on the seed [findings, tables]`).toEqual(declaredSeedCounts(id));
    const fixture = partbFixture(id);
    if (findings === 0) expect(existsSync(new URL(fixture, root)), `${fixture} shows the rule`).toBe(true);
    if (existsSync(new URL(fixture, root))) {
      const messages = lintWith(read(fixture), `${id}.txt`, [rule]).filter((m) => m.ruleId === id);
      expect(messages.length, `${id} fires on ${fixture}`).toBeGreaterThan(0);
    }
  });

  it('the seed facts docs/rule-catalogue.md names are found', () => {
    const messages = lintWith(read('fixtures/seed/seed.txt'), 'seed.txt', heuristicRules, 'accept-legacy');
    const of = (id: string) => messages.filter((m) => m.ruleId === id);
    expect(of('uniform-values-template')[0]!.message).toContain('162 个定量指标值中有 136 个');
    expect(of('word-field-code-residue')[0]!.message).toContain('20 处');
    expect(of('nonstandard-value-basis').map((m) => m.found)).toEqual(expect.arrayContaining(['省市区相关文件', '单位工作需要']));
    expect(of('slogan-indicator').map((m) => m.level3)).toContain('努力构建和谐社会关系');
    expect(of('process-metric-as-benefit').map((m) => m.level3)).toContain('资金支付及时率');
    expect(of('cost-row-not-a-cost').map((m) => m.level3)).toEqual(['社保征缴增加，财政兜底减少']);
    expect(of('irrelevant-eco-benefit').map((m) => m.level3)).toContain('资源消耗');
    expect(of('non-time-metric-under-timeliness').map((m) => m.level3)).toContain('完成单位工作任务');
    expect(of('inconsistent-money-unit').map((m) => m.found)).toEqual(['350万']);
    expect(of('completion-rate-under-quality').map((m) => m.level3)).toContain('实物工作量完成率');
  });

  it('layout-detected reports every legacy table of the seed when the 2021+ layout is required', () => {
    const messages = lintWith(read('fixtures/seed/seed.txt'), 'seed.txt', heuristicRules.filter((r) => r.meta.id === 'layout-detected'), 'require-2021');
    expect(messages.filter((m) => m.ruleId === 'layout-detected')).toHaveLength(18);
  });
});

describe('fixtures/clean/clean.txt is clean', () => {
  const text = read('fixtures/clean/clean.txt');
  const document = parseText(text, 'clean.txt');

  it('parses into the corrected tables, one of them in the 2021+ layout', () => {
    expect(document.diagnostics).toEqual([]);
    expect(document.projects.map((p) => p.layout)).toEqual(['legacy', 'legacy', 'v2021']);
    expect(document.department.present).toBe(true);
  });

  it.each(heuristicRules.map((r) => [r.meta.id, r] as [string, Rule]))('%s is silent', (id, rule) => {
    const messages = lintWith(text, 'clean.txt', [rule]).filter((m) => m.ruleId === id);
    expect(messages.map((m) => `${m.location}: ${m.message}`)).toEqual([]);
  });

  it('every exact rule is silent too', () => {
    const messages = lintWith(text, 'clean.txt', exactRules);
    expect(messages.map((m) => `${m.ruleId} ${m.location}: ${m.message}`)).toEqual([]);
  });
});
