/**
 * Looking rules up: by id, as summaries for `jxlint rules`, and as docs for `jxlint explain`.
 */
import { allRules } from '../../rules/index.js';
import { compareRules, renderRuleDoc, ruleDocsPath } from './docs.js';
import { ruleFixAvailability } from './fix.js';
import { DEFAULT_LOCALE } from './messages.js';
import type { Locale, Rule, RuleSummary } from './types.js';

let byId: Map<string, Rule> | null = null;
function index(): Map<string, Rule> {
  return (byId ??= new Map(allRules.map((r) => [r.meta.id, r])));
}

/** The rule with this id, or undefined. */
export function getRule(id: string): Rule | undefined {
  return index().get(id);
}

/** Every rule id, exact rules first, each kind sorted by id. */
export function ruleIds(): string[] {
  return sortedRules().map((r) => r.meta.id);
}

function sortedRules(): Rule[] {
  return [...allRules].sort(compareRules);
}

/** One summary per rule (`jxlint rules`); `description` is in the locale, `descriptionEn` always English. */
export function ruleSummaries(locale: Locale = DEFAULT_LOCALE): RuleSummary[] {
  return sortedRules().map((r) => {
    const fix = ruleFixAvailability(r.meta);
    return {
      id: r.meta.id,
      category: r.meta.category,
      severity: r.meta.defaultSeverity,
      fixable: fix !== undefined,
      ...(fix ? { fix } : {}),
      description: locale === 'en' ? r.meta.docs.descriptionEn : r.meta.docs.description,
      descriptionEn: r.meta.docs.descriptionEn,
      kind: r.meta.kind,
      docsUrl: ruleDocsPath(r.meta.id),
    };
  });
}

/** A rule id that does not exist (`jxlint explain nope`): one line, Chinese first. */
export class UnknownRuleError extends Error {
  readonly code = 'unknown-rule';
  constructor(readonly ruleId: string) {
    super(`没有名为 "${ruleId}" 的规则；请用 jxlint rules 查看全部规则（No rule "${ruleId}"; run jxlint rules to list them）`);
    this.name = 'UnknownRuleError';
  }
}

/** The rule's documentation as markdown (`jxlint explain <id>`). Throws `UnknownRuleError`. */
export function explainRule(id: string, locale: Locale = DEFAULT_LOCALE): string {
  const rule = getRule(id);
  if (!rule) throw new UnknownRuleError(id);
  return renderRuleDoc(rule, locale);
}
