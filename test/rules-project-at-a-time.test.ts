/**
 * The rules' contract for a project-at-a-time lint (issue 15, Scale): no rule reads the document's
 * list of projects, and no rule reads a project's rows (indicators, goals, long-term goals and
 * indicators, cost breakdown) after that project's `Project:exit` — the streamed lint lets each
 * project's rows go there. A static check over rules/, and a lint of every rule with a probe that
 * makes those reads throw: the messages must be the ones of a lint without the probe.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse, parseText } from '../src/index.js';
import type { JxDocument, Project } from '../src/ast/types.js';
import { resolveConfig } from '../src/engine/config.js';
import { defineRule } from '../src/engine/define-rule.js';
import { INTERNAL_ERROR_ID, lintDocument } from '../src/engine/lint.js';
import type { LintMessage, Rule, RuleContext, RuleVisitors } from '../src/engine/types.js';
import { allRules } from '../rules/index.js';
import { fuzzOptions } from './fuzz-support.js';
import { CLEAN_INDICATORS_2021, PROBE_META, tables } from './helpers/rule-tester.js';

const ROOT = join(import.meta.dirname, '..');
const RULES_DIR = join(ROOT, 'rules');
const ENGINE_DIR = join(ROOT, 'src', 'engine');

// ---------------------------------------------------------------------------
// Static: no `.projects` in the rules' code

/** The source without its comments (the TypeScript scanner tells comments from strings and regexes). */
function withoutComments(source: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, source);
  let out = '';
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) out += ' ';
    else out += scanner.getTokenText();
  }
  return out;
}

/** A read of a document's list of projects: `x.projects`, `x?.projects`, `x['projects']`, `{ projects } = x`. */
const READS_PROJECTS = /\??\.\s*projects\b|\[\s*['"`]projects['"`]\s*\]|\{[^{}]*\bprojects\b[^{}]*\}\s*=[^=>]/;

function readsProjects(source: string): string[] {
  return withoutComments(source)
    .split('\n')
    .filter((line) => READS_PROJECTS.test(line))
    .map((line) => line.trim());
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe('no rule reads document.projects (static)', () => {
  it.each<[string, string, boolean]>([
    ['a property read', 'const anyPlan = context.document.projects.some((p) => p.spendPlan.present);', true],
    ['an optional read', 'for (const p of document?.projects ?? []) count(p);', true],
    ['an element read', "const list = document['projects'];", true],
    ['a destructuring', 'const { department, projects } = document;', true],
    ['a comment', '// Words of the last projects linted: document.projects is not read here', false],
    ['a block comment', '/* { projects } = document; document.projects */ const x = 1;', false],
    ['a message text', "const en = 'different projects do not have identical outputs';", false],
    ['another field', 'const n = project.indicators.length + summary.projectsCount;', false],
  ])('the check sees %s', (_, line, flagged) => {
    expect(readsProjects(line).length > 0).toBe(flagged);
  });

  it('finds no read in rules/ (shared helpers included)', () => {
    const files = sourcesUnder(RULES_DIR);
    expect(files.length).toBeGreaterThan(50);
    const reads = files.flatMap((file) => readsProjects(readFileSync(file, 'utf8')).map((line) => `${relative(ROOT, file)}: ${line}`));
    expect(reads).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Behaviour: every rule with a probe that lets each project's rows go at its Project:exit

/** The fields of a project that the streamed lint drops after its `Project:exit`. */
const ROW_FIELDS = ['indicators', 'goals', 'longTermGoals', 'longTermIndicators', 'costBreakdown'] as const;

/** The stack frame of whoever read the guarded field; call it from the getter itself. */
function callerFrame(): string {
  // [0] "Error", [1] this function, [2] the getter, [3] the reader.
  return (new Error().stack ?? '').split('\n')[3] ?? '';
}

/** The file of a stack frame ("    at fn (/path/file.ts:1:2)"). */
function fileOf(frame: string): string {
  return /\(?((?:file:\/\/)?\/[^():]+):\d+:\d+\)?\s*$/.exec(frame)?.[1]?.replace(/^file:\/\//, '') ?? frame;
}

/** The file of whoever read the guarded field; call it from the getter itself. */
function callerFile(): string {
  // [0] "Error", [1] this function, [2] the getter, [3] the reader.
  return fileOf((new Error().stack ?? '').split('\n')[3] ?? '');
}

const fromRules = (file: string) => file.startsWith(`${RULES_DIR}/`);
const fromEngine = (file: string) => file.startsWith(`${ENGINE_DIR}/`);

/** Every read of a guarded field, for the report of a failing case. */
interface Guard {
  violations: string[];
}

/** `document.projects` throws when read from a rule's code; the engine still walks it. */
function guardProjects(document: JxDocument, guard: Guard): void {
  const projects = document.projects;
  Object.defineProperty(document, 'projects', {
    configurable: true,
    enumerable: true,
    get() {
      const file = callerFile();
      if (fromRules(file)) {
        guard.violations.push(`document.projects read by ${relative(ROOT, file)}`);
        throw new Error(`document.projects read by ${relative(ROOT, file)}`);
      }
      return projects;
    },
  });
}

/**
 * The probe, last in the rule list so every other rule's `Project:exit` has run: it drops the
 * project's rows the way the streamed lint does. A later read throws, except the engine's own look-up
 * of the first row's origin for a report on a whole table (`projectCell` in src/engine/visit.ts, role
 * 'table'; the streamed lint keeps that origin), which gets the first row only.
 */
function dropRowsProbe(guard: Guard): Rule {
  return defineRule({
    meta: { ...PROBE_META, id: 'zz-drop-rows-probe' },
    create: (): RuleVisitors => ({
      'Project:exit'(project: Project) {
        for (const field of ROW_FIELDS) {
          const rows = project[field] as readonly unknown[];
          const first = rows[0];
          Object.defineProperty(project, field, {
            configurable: true,
            enumerable: true,
            get() {
              const frame = callerFrame();
              const file = fileOf(frame);
              if (field === 'indicators' && fromEngine(file) && /\bprojectCell\b/.test(frame)) return first === undefined ? [] : [first];
              guard.violations.push(`table ${project.index}: ${field} read after its Project:exit by ${relative(ROOT, file)}`);
              throw new Error(`table ${project.index}: ${field} read after its Project:exit`);
            },
          });
        }
      },
    }),
  }) as Rule;
}

/** The six rules that used to need every project, with options that reach their other paths. */
const CONFIGS: [string, Record<string, unknown>][] = [
  ['every rule', {}],
  [
    'every rule, other options',
    {
      'uniform-values-template': ['info', { scope: 'table', minValues: 3, threshold: 0.5 }],
      'boilerplate-indicators-across-projects': ['info', { minShared: 3 }],
      'missing-spend-plan': ['error', { requireSpendPlan: true }],
    },
  ],
];

const CROSS_PROJECT_RULES = [
  'missing-spend-plan',
  'project-code-inconsistent',
  'spend-plan-format',
  'word-field-code-residue',
  'uniform-values-template',
  'boilerplate-indicators-across-projects',
];

function lintWith(document: JxDocument, ruleOptions: Record<string, unknown>, probe: Rule | null): LintMessage[] {
  const rules = probe ? [...allRules, probe] : allRules;
  const config = resolveConfig({ extends: 'all', rules: ruleOptions }, undefined, { rules, source: 'test' });
  return lintDocument(document, { config, rules }).messages.filter((m) => m.ruleId !== PROBE_ID);
}
const PROBE_ID = 'zz-drop-rows-probe';

/** The messages of a lint with the probe and the guard, next to those of a lint without them. */
function bothWays(load: () => JxDocument, ruleOptions: Record<string, unknown>) {
  const plain = lintWith(load(), ruleOptions, null);
  const guard: Guard = { violations: [] };
  const guarded = load();
  guardProjects(guarded, guard);
  const probed = lintWith(guarded, ruleOptions, dropRowsProbe(guard));
  return { plain, probed, violations: guard.violations };
}

function expectSame(load: () => JxDocument, ruleOptions: Record<string, unknown>): LintMessage[] {
  const { plain, probed, violations } = bothWays(load, ruleOptions);
  expect(violations).toEqual([]);
  expect(probed.filter((m) => m.messageId === INTERNAL_ERROR_ID).map((m) => m.message)).toEqual([]);
  expect(plain.filter((m) => m.messageId === INTERNAL_ERROR_ID).map((m) => m.message)).toEqual([]);
  expect(probed).toEqual(plain);
  return plain;
}

const seedText = readFileSync(join(ROOT, 'fixtures/seed/seed.txt'), 'utf8');
const seedLines = seedText.split('\n');
const tableStarts = seedLines.flatMap((line, i) => (/^\d+、[^\t]*绩效目标表/.test(line) ? [i] : []));

/** The seed with each table's lines (from its title to the next) passed through `edit`. */
function perTable(edit: (lines: string[], table: number) => string[]): string {
  const out = seedLines.slice(0, tableStarts[0]);
  tableStarts.forEach((start, k) => out.push(...edit(seedLines.slice(start, tableStarts[k + 1] ?? seedLines.length), k)));
  return out.join('\n');
}

/** The twelve lines of a seed table's spend plan (label, four month labels, blank, four cells …). */
function withoutSpendPlan(lines: string[]): string[] {
  const at = lines.findIndex((l) => l.includes('资金支出计划'));
  return at < 0 ? lines : [...lines.slice(0, at), ...lines.slice(at + 12)];
}

function withPlanCells(lines: string[], cells: string[]): string[] {
  const at = lines.findIndex((l) => l.includes('资金支出计划'));
  if (at < 0) return lines;
  const out = lines.slice();
  cells.forEach((cell, i) => (out[at + 7 + i] = `\t${cell}`));
  return out;
}

function withCode(lines: string[], code: (old: string) => string): string[] {
  const at = lines.findIndex((l) => l === '\t项目编码');
  if (at < 0) return lines;
  const out = lines.slice();
  out[at + 1] = `\t${code(out[at + 1]!.slice(1))}`;
  return out;
}

const TEXTS: [string, string][] = [
  ['seed.txt', seedText],
  ['the seed three times', `${seedText}\n${seedText}\n${seedText}`],
  ['every third table without its spend plan', perTable((lines, k) => (k % 3 === 0 ? withoutSpendPlan(lines) : lines))],
  [
    'spend-plan cells mixing % and bare numbers',
    perTable((lines, k) =>
      withPlanCells(lines, k % 2 ? ['25%', '50', '75%', '100'] : k % 3 ? ['25', '50', '75', '100'] : ['', '', '', '100']),
    ),
  ],
  ['most plans with %, some bare only', perTable((lines, k) => lines.map((l) => (l === '\t100%' && k % 4 === 1 ? '\t100' : l)))],
  [
    'inconsistent project codes',
    perTable((lines, k) =>
      withCode(lines, (code) => (k % 5 === 1 ? code.replace('0', 'O') : k % 7 === 2 ? `999-${code.slice(4)}` : k === 3 ? 'ABC' : code)),
    ),
  ],
  ['TC ordinals that differ from the titles', seedText.replace(/TC (\d+)、/g, (_, d: string) => `TC ${Number(d) % 3 === 0 ? 1 : d}、`)],
  ['no field-code residue', seedText.replace(/ TC [^\n]*?\\l \d+/g, '')],
  [
    '2021 layout: a table without a plan before one with a plan',
    tables(
      { spendPlan: null, indicators: CLEAN_INDICATORS_2021 },
      { code: '316-1202-JBN-B5YG', name: '医疗补贴', indicators: CLEAN_INDICATORS_2021 },
      { code: '316-1203-JBN-C6ZH', name: '就业补贴', spendPlan: null, indicators: CLEAN_INDICATORS_2021 },
    ),
  ],
  [
    'a bare-number plan before plans with %',
    tables(
      { spendPlan: ['25', '50', '75', '100'] },
      { code: '316-1202-JBN-B5YG', name: '医疗补贴', spendPlan: ['25%', '50%', '75%', '100%'] },
      { code: '316-1203-JBN-C6ZH', name: '就业补贴', spendPlan: ['', '', '', '100%'] },
    ),
  ],
];

describe('every rule, with each project’s rows dropped at its Project:exit, gives the same messages', () => {
  const seen = new Map<string, number>();
  const count = (messages: LintMessage[]) => {
    for (const m of messages) if (m.ruleId && CROSS_PROJECT_RULES.includes(m.ruleId)) seen.set(m.ruleId, (seen.get(m.ruleId) ?? 0) + 1);
  };

  for (const [configName, ruleOptions] of CONFIGS) {
    it.each(TEXTS)(`%s (${configName})`, (name, text) => {
      count(expectSame(() => parseText(text, `${name}.txt`), ruleOptions));
    });
  }

  it.each(CONFIGS)('seed.docx (%s)', async (_, ruleOptions) => {
    const bytes = readFileSync(join(ROOT, 'fixtures/seed/seed.docx'));
    // Parsed once per lint: the probe changes the document it walks.
    const documents = [await parse(bytes, { filePath: 'seed.docx' }), await parse(bytes, { filePath: 'seed.docx' })];
    const messages = expectSame(() => documents.shift()!, ruleOptions);
    expect(messages.length).toBeGreaterThan(50);
    count(messages);
  });

  it('200 seeded mutations of seed.txt (lines deleted, duplicated, swapped, replaced)', () => {
    const edit = fc.record({
      op: fc.constantFrom('delete', 'duplicate', 'swap', 'cell'),
      at: fc.nat({ max: 100_000 }),
      other: fc.nat({ max: 100_000 }),
      text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('100', '100%', '316-1201-JBN-WMEB', '≥95%', '计划标准', 'TC 3、x \\f C \\l 1')),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 30 }), fc.constantFrom(...CONFIGS), (edits, [, ruleOptions]) => {
        const lines = seedLines.slice();
        for (const e of edits) {
          const i = e.at % lines.length;
          if (e.op === 'delete') lines.splice(i, 1);
          else if (e.op === 'duplicate') lines.splice(i, 0, lines[i]!);
          else if (e.op === 'swap') {
            const j = e.other % lines.length;
            [lines[i], lines[j]] = [lines[j]!, lines[i]!];
          } else lines[i] = `\t${e.text}`;
        }
        const text = lines.join('\n');
        count(expectSame(() => parseText(text, 'mutated.txt'), ruleOptions));
      }),
      fuzzOptions(200),
    );
  });

  it('the corpus above reaches every one of the six rules', () => {
    expect(CROSS_PROJECT_RULES.filter((id) => !seen.has(id))).toEqual([]);
  });
});

describe('the probe catches a rule that breaks the contract', () => {
  const bad = (id: string, visitors: (context: RuleContext<'seen'>) => RuleVisitors): Rule =>
    defineRule({ meta: { ...PROBE_META, id }, create: visitors }) as Rule;
  const kept: Project[] = [];

  it.each<[string, Rule, RegExp]>([
    [
      'document.projects in Document',
      bad('reads-projects', (c) => ({
        Document: (d) => c.report({ node: d, messageId: 'seen', data: { what: `${d.projects.length}` } }),
      })),
      /document\.projects read by test\//,
    ],
    [
      'an earlier table’s rows at Document:exit',
      bad('reads-late-rows', (c) => ({
        Project: (p) => void kept.push(p),
        'Document:exit': () => c.report({ node: kept[0]!, messageId: 'seen', data: { what: `${kept[0]!.indicators.length}` } }),
      })),
      /table 1: indicators read after its Project:exit/,
    ],
    [
      'a report on an earlier table’s indicator row',
      bad('reports-late-row', (c) => {
        let row: object | null = null;
        return {
          Indicator: (ind) => void (row ??= ind),
          'Document:exit': () => c.report({ node: row as never, messageId: 'seen', data: { what: 'row' } }),
        };
      }),
      /report on a node the walk did not visit|read after its Project:exit/,
    ],
  ])('%s', (_, rule, expected) => {
    // The probe's guard counts only reads from rules/: a test rule is caught by what the probe drops.
    const guard: Guard = { violations: [] };
    const document = parseText(seedText, 'seed.txt');
    const projects = document.projects;
    Object.defineProperty(document, 'projects', {
      configurable: true,
      get() {
        const file = callerFile();
        if (fromEngine(file) || file.includes('/src/')) return projects;
        guard.violations.push(`document.projects read by ${relative(ROOT, file)}`);
        throw new Error(`document.projects read by ${relative(ROOT, file)}`);
      },
    });
    const probe = dropRowsProbe(guard);
    const rules = [rule, probe];
    const config = resolveConfig({ extends: 'all', rules: {} }, undefined, { rules, source: 'test' });
    const messages = lintDocument(document, { config, rules }).messages;
    const internal = messages.filter((m) => m.messageId === INTERNAL_ERROR_ID && m.ruleId === rule.meta.id);
    expect(internal).toHaveLength(1);
    expect([...guard.violations, internal[0]!.message].join('\n')).toMatch(expected);
  });
});
