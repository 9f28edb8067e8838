/**
 * RuleTester (ESLint's shape): table-driven valid / invalid cases for one rule. Inputs are small
 * text tables (row-per-line layout, built with `table({...})`), parsed with `parseText`; only the
 * rule under test runs. Every invalid case names, per expected message, the messageId, the project
 * code and the cell (role, plus the 三级 name for indicator cells). A heuristic rule's cases also
 * declare what it reports on the seed (`seed: [findings, tables]`, test/helpers/seed.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/index.js';
import { resolveConfig } from '../../src/engine/config.js';
import { INTERNAL_ERROR_ID, lintDocument } from '../../src/engine/lint.js';
import type { Indicator, JxDocument, Origin, Project, Value } from '../../src/ast/types.js';
import type { DefinedRule } from '../../src/engine/define-rule.js';
import type { CellRole, LayoutPolicy, LintMessage, Locale, Rule, RuleKind, Severity } from '../../src/engine/types.js';
import { heuristicSeedCounts, type SeedCounts } from './seed.js';

export { CLEAN_INDICATORS, CLEAN_INDICATORS_2021, table, tables, withRows } from '../../rules/shared/example-table.js';
export type { IndicatorRow, TableSpec } from '../../rules/shared/example-table.js';

export interface ValidCase {
  name: string;
  text: string;
  /** Rule options (validated against the rule's optionsSchema). */
  options?: Record<string, unknown>;
  layout?: LayoutPolicy;
  /** Allow parse diagnostics in the input (default: the input must parse cleanly). */
  allowParseErrors?: boolean;
}

export interface ExpectedError<MessageIds extends string = string> {
  messageId: MessageIds;
  /** 项目编码 of the project reported on (null for document-level reports). */
  projectCode: string | null;
  role: CellRole;
  /** 三级指标 of the row; required for indicator cells. */
  level3?: string;
  /** How many such messages (default 1). */
  count?: number;
  severity?: Severity;
  found?: string | null;
  suggestion?: string | null;
}

export interface InvalidCase<MessageIds extends string = string> extends ValidCase {
  errors: ExpectedError<MessageIds>[];
}

/** Runs one rule on a text and returns its messages (parse diagnostics excluded). */
export function runRule(
  rule: Rule,
  text: string,
  options: { options?: Record<string, unknown>; layout?: LayoutPolicy; locale?: Locale } = {},
): { messages: LintMessage[]; parseErrors: LintMessage[]; projects: number } {
  const document = parseText(text, `${rule.meta.id}.txt`);
  const entry = options.options ? [rule.meta.defaultSeverity, options.options] : rule.meta.defaultSeverity;
  const config = resolveConfig(
    { extends: 'all', rules: { [rule.meta.id]: entry }, ...(options.layout ? { layout: options.layout } : {}) },
    undefined,
    { source: 'rule-tester', rules: [rule] },
  );
  const result = lintDocument(document, { config, rules: [rule], locale: options.locale ?? 'zh-CN' });
  return {
    messages: result.messages.filter((m) => m.ruleId === rule.meta.id),
    parseErrors: result.messages.filter((m) => m.ruleId === null && m.severity === 2),
    projects: document.projects.length,
  };
}

function describeMessage(m: LintMessage): string {
  return `${m.messageId} ${m.projectCode} ${m.role}${m.level3 ? ` [${m.level3}]` : ''} @${m.location}: ${m.message}`;
}

function checkCommon(rule: Rule, c: ValidCase, run: ReturnType<typeof runRule>): void {
  expect(run.projects, 'the input parsed into at least one project').toBeGreaterThan(0);
  if (!c.allowParseErrors) expect(run.parseErrors.map(describeMessage), 'the input parses without errors').toEqual([]);
  const internal = run.messages.filter((m) => m.messageId === INTERNAL_ERROR_ID);
  expect(internal.map((m) => m.message), `${rule.meta.id} did not throw`).toEqual([]);
}

/**
 * A heuristic rule's own test file declares its seed counts (test/rules-partb-coverage.test.ts checks
 * that every one does); an exact rule's are pinned in test/engine-seed-counts.test.ts.
 */
type SeedDeclaration<Kind extends RuleKind> = 'heuristic' extends Kind ? { seed?: SeedCounts } : { seed?: never };

/** Declares the vitest suite for a rule; an expected messageId the rule does not have is a compile error. */
export function ruleTester<MessageIds extends string, Kind extends RuleKind>(
  rule: DefinedRule<MessageIds, Kind>,
  cases: { valid: ValidCase[]; invalid: InvalidCase<NoInfer<MessageIds>>[] } & SeedDeclaration<Kind>,
): void {
  describe(rule.meta.id, () => {
    it('has at least one valid and one invalid case', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });

    const seed = cases.seed;
    if (seed) {
      it(`on the seed: ${seed[0]} findings in ${seed[1]} tables (every heuristic rule on)`, () => {
        expect(heuristicSeedCounts(rule.meta.id), `${rule.meta.id} on fixtures/seed/seed.txt [findings, tables]`).toEqual(seed);
      });
    }

    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const run = runRule(rule, c.text, c);
        checkCommon(rule, c, run);
        expect(run.messages.map(describeMessage)).toEqual([]);
      });
    }

    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        for (const e of c.errors) {
          if (e.role.startsWith('indicator') && e.level3 === undefined) {
            throw new Error(`test case "${c.name}": an expected error on ${e.role} must name its level3`);
          }
          if (!(e.messageId in rule.meta.messages)) throw new Error(`test case "${c.name}": unknown messageId ${e.messageId}`);
        }
        const run = runRule(rule, c.text, c);
        checkCommon(rule, c, run);
        const actual = run.messages;
        const expectedTotal = c.errors.reduce((n, e) => n + (e.count ?? 1), 0);
        expect(actual.map(describeMessage), 'number of messages').toHaveLength(expectedTotal);
        for (const e of c.errors) {
          const matching = actual.filter(
            (m) =>
              m.messageId === e.messageId &&
              m.projectCode === e.projectCode &&
              m.role === e.role &&
              (e.level3 === undefined || m.level3 === e.level3) &&
              (e.severity === undefined || m.severity === e.severity) &&
              (e.found === undefined || m.found === e.found) &&
              (e.suggestion === undefined || m.suggestion === e.suggestion),
          );
          expect(matching.length, `messages matching ${JSON.stringify(e)} among:\n${actual.map(describeMessage).join('\n')}`).toBe(
            e.count ?? 1,
          );
        }
        for (const m of actual) {
          expect(m.origin, `${describeMessage(m)} points at a place`).not.toBeNull();
          expect(m.message, 'every placeholder is filled (zh-CN)').not.toMatch(/\{[A-Za-z0-9_]+\}/);
        }
        const en = runRule(rule, c.text, { ...c, locale: 'en' });
        for (const m of en.messages) expect(m.message, 'every placeholder is filled (en)').not.toMatch(/\{[A-Za-z0-9_]+\}/);
      });
    }
  });
}

// ---------------------------------------------------------------------------
// Hand-built AST objects, for engine tests that must not depend on the parser.


export function makeValue(raw: string, extra: Partial<Value> = {}): Value {
  return { raw, op: null, number: null, unit: null, kind: raw ? 'text' : 'empty', ...extra };
}

export function makeIndicator(level3: string, value: Value, origin: Origin | null, extra: Partial<Indicator> = {}): Indicator {
  return {
    level1: '产出指标',
    level2: '数量指标',
    level3,
    description: null,
    value,
    basis: null,
    level1Inherited: false,
    cellCount: 6,
    origin,
    cells: { value: origin },
    ...extra,
  };
}

export function makeProject(index: number, code: string | null, extra: Partial<Project> = {}): Project {
  const field = (text: string | null) => ({ text, origin: null });
  return {
    index,
    template: 'seed-2020',
    code,
    name: `项目${index}`,
    agency: null,
    agencyCode: null,
    title: null,
    titleOrdinal: index,
    moneyUnit: '万元',
    budget: {
      total: 1,
      fiscal: 1,
      other: null,
      totalRaw: '1.00',
      fiscalRaw: '1.00',
      otherRaw: null,
      origin: { total: null, fiscal: null, other: null },
    },
    purpose: '用途',
    spendPlan: { present: true, labels: [], values: [], percentHeader: true, origin: null, cellOrigins: [] },
    goals: [{ text: '1、目标', origin: null }],
    longTermGoals: [],
    indicatorHeader: null,
    indicators: [],
    longTermIndicators: [],
    costBreakdown: [],
    layout: 'legacy',
    fieldCodes: [],
    origin: null,
    fields: { code: field(code), name: field(`项目${index}`), purpose: field('用途'), goals: field('1、目标'), agency: field(null), title: field(null) },
    ...extra,
  };
}

export function makeDocument(projects: Project[], extra: Partial<JxDocument> = {}): JxDocument {
  return {
    filePath: 'hand-built.txt',
    format: 'text',
    encoding: 'utf-8',
    layout: 'row-per-line',
    department: { present: false, overallGoal: [], itemGoals: [], safeguards: [], other: [], origin: null, fieldCodes: [] },
    projects,
    diagnostics: [],
    ...extra,
  };
}

/** The meta of a throw-away rule whose one message is 看到{what}: engine tests that probe the walk with their own visitors. */
export const PROBE_META = {
  category: 'value',
  defaultSeverity: 'warn',
  kind: 'heuristic',
  fixable: false,
  messages: { seen: { 'zh-CN': '看到{what}', en: 'saw {what}' } },
  docs: { description: 'd', descriptionEn: 'd', why: 'w', bad: 'b', good: 'g', basis: 'b', limits: 'l' },
} as const;
