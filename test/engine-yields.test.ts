/**
 * One finding per problem (meta.yieldsTo) and related cells (report({ related })): the engine drops a
 * yielding rule's finding where a rule it gives way to reports, only when that rule is on, and
 * places the cells a finding names.
 */
import { describe, expect, it } from 'vitest';
import { lint, parseText, resolveConfig } from '../src/index.js';
import type { LintMessage, Rule } from '../src/index.js';
import { dropYielded, type Spot } from '../src/engine/yields.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { textDiagnostics } from '../src/lsp/diagnostics.js';
import { CLEAN_INDICATORS, table, withRows } from './helpers/rule-tester.js';

const run = (text: string, rules: Record<string, 'off' | 'info' | 'warn' | 'error'> = {}) =>
  lint(parseText(text, 'yields.txt'), { config: resolveConfig({ extends: 'all', rules }) }).messages.filter((m) => m.ruleId !== null);
const ids = (messages: LintMessage[], level3?: string) =>
  messages.filter((m) => level3 === undefined || m.level3 === level3).map((m) => m.ruleId).sort();

const COST = table({ indicators: withRows({ 项目总成本: ['产出指标', '成本指标', '项目成本', '总成本350万', '≥98%', '预算支出标准'] }) });

describe('meta.yieldsTo on the corpus patterns', () => {
  const cases: { name: string; text: string; off?: string[]; row?: string; present: string[]; absent: string[] }[] = [
    { name: 'cost: the amount in the description is part of cost-value-not-amount', text: COST, row: '项目成本', present: ['cost-value-not-amount'], absent: ['cost-amount-in-description'] },
    { name: 'cost: with cost-value-not-amount off, cost-amount-in-description reports', text: COST, off: ['cost-value-not-amount'], row: '项目成本', present: ['cost-amount-in-description'], absent: ['cost-value-not-amount'] },
    { name: 'goals: "2、完成率" is a placeholder, not a duplicate', text: table({ goals: ['1、完成率', '2、完成率'] }), present: ['placeholder-goal'], absent: ['duplicate-goal'] },
    {
      name: 'goals: a payment goal is not reported again as unquantified',
      text: table({ goals: ['1、及时支付外出培训费用'] }),
      present: ['goal-describes-input-or-payment'],
      absent: ['goal-not-quantified'],
    },
    {
      name: 'row: 力求 in the description of a slogan row',
      text: table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '节约经费，认真完成工作', '力求节约，做好工作', '≥98%', '行业标准'] }) }),
      row: '节约经费，认真完成工作',
      present: ['slogan-indicator'],
      absent: ['hedging-language'],
    },
    {
      name: 'row: with slogan-indicator off, hedging-language reports',
      text: table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '节约经费，认真完成工作', '力求节约，做好工作', '≥98%', '行业标准'] }) }),
      off: ['slogan-indicator'],
      row: '节约经费，认真完成工作',
      present: ['hedging-language'],
      absent: ['slogan-indicator'],
    },
    {
      name: 'cell: 见习工资发放率 under 生态效益 is a process metric',
      text: table({ indicators: [...CLEAN_INDICATORS, ['效益指标', '生态效益指标', '见习工资发放率', '见习工资按时发放', '≥98%', '计划标准']] }),
      row: '见习工资发放率',
      present: ['process-metric-as-benefit'],
      absent: ['irrelevant-eco-benefit'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = ids(run(c.text, Object.fromEntries((c.off ?? []).map((id) => [id, 'off' as const]))), c.row);
      for (const id of c.present) expect(got).toContain(id);
      for (const id of c.absent) expect(got).not.toContain(id);
    });
  }

  it('the surviving finding keeps its found, suggestion and fingerprint', () => {
    const alone = run(COST, { 'cost-amount-in-description': 'off' }).find((m) => m.ruleId === 'cost-value-not-amount')!;
    const both = run(COST).find((m) => m.ruleId === 'cost-value-not-amount')!;
    expect([both.found, both.suggestion, both.fingerprint]).toEqual([alone.found, alone.suggestion, alone.fingerprint]);
    expect(both.suggestion).toBe('≤350万元');
    expect(both.message).toContain('已写在绩效指标描述里');
  });
});

describe('dropYielded', () => {
  const rule = (id: string, yieldsTo?: Rule['meta']['yieldsTo']) => ({ meta: { id, ...(yieldsTo ? { yieldsTo } : {}) } }) as unknown as Rule;
  const msg = (ruleId: string, spot: Spot) => ({ message: { ruleId } as LintMessage, spot });
  it('resolves a chain in order and ignores failed rules', () => {
    const a = msg('a', { row: 'r1', cell: 'r1:value' });
    const b = msg('b', { row: 'r1', cell: 'r1:value' });
    const c = msg('c', { row: 'r1', cell: 'r1:level3' });
    const spots = new Map([a, b, c].map((x) => [x.message, x.spot]));
    const outcomes = [
      { rule: rule('a', ['b']), messages: [a.message], failed: false },
      { rule: rule('b', [{ rule: 'c', scope: 'row' }]), messages: [b.message], failed: false },
      { rule: rule('c'), messages: [c.message], failed: false },
    ];
    dropYielded(outcomes, (m) => spots.get(m));
    // b gives way to c on the row; then a no longer gives way to b.
    expect(outcomes.map((o) => o.messages.length)).toEqual([1, 0, 1]);

    const failed = [
      { rule: rule('b', [{ rule: 'c', scope: 'row' }]), messages: [b.message], failed: false },
      { rule: rule('c'), messages: [c.message], failed: true },
    ];
    dropYielded(failed, (m) => spots.get(m));
    expect(failed[0]!.messages.length).toBe(1);
  });
});

describe('related cells', () => {
  it('a cost finding names the description that holds the amount', () => {
    const m = run(COST).find((x) => x.ruleId === 'cost-value-not-amount')!;
    expect(m.related).toHaveLength(1);
    expect(m.related![0]).toMatchObject({ role: 'indicator.description', text: '总成本350万' });
    expect(m.related![0]!.line).toBe(m.line);
  });

  it('duplicate-indicator reports the misfiled row and names the correctly filed one', () => {
    const indicators = [
      ...CLEAN_INDICATORS.slice(0, -1),
      ['效益指标', '生态效益指标', '服务对象满意度', '受益人群满意度', '≥95%', '计划标准'],
      ['满意度指标', '服务对象满意度指标', '服务对象满意度', '满意', '≥95%', '计划标准'],
    ];
    const [m, ...rest] = run(table({ indicators })).filter((x) => x.ruleId === 'duplicate-indicator');
    expect(rest).toEqual([]);
    expect(m!.indicatorIndex).toBe(7); // the 生态效益 row, not the 满意度 row after it
    expect(m!.message).toContain('误放');
    expect(m!.related).toEqual([expect.objectContaining({ role: 'indicator.level3', text: '服务对象满意度', line: m!.line! + 1 })]);

    // The language server shows the other row as related information, after the row's own cells.
    const text = table({ indicators });
    const [d] = textDiagnostics(TextDocument.create('file:///t.txt', 'plaintext', 1, text), [m!]);
    const other = d!.relatedInformation!.find((r) => r.location.range.start.line === m!.line!);
    expect(other?.message).toContain('服务对象满意度');
  });
});
