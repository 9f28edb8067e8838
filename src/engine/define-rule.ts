/**
 * `defineRule` (定义规则): the one way to write a rule. It types the rule from its own meta, so a
 * message id that `meta.messages` does not have, or an option the schema does not declare, is a
 * compile error, and `context.options` has the types of the schema's defaults (written once, here).
 *
 *   export const noPlaceholder = defineRule({
 *     meta: { id: 'no-placeholder', kind: 'exact', messages: { placeholder: { 'zh-CN': '…', en: '…' } }, … },
 *     options: { min: { type: 'number', default: 85, description: '…', descriptionEn: '…' } },
 *     create(context) {
 *       return {
 *         Indicator(indicator) {
 *           if (…) context.report({ node: indicator, cell: 'value', messageId: 'placeholder' });
 *         },
 *       };
 *     },
 *   });
 *
 * Rules may import this file at run time (it imports nothing but types); everything else of the
 * engine they import as types only.
 */
import type { Rule, RuleContext, RuleKind, RuleMeta, RuleOptionSpec, RuleVisitors } from './types.js';

interface OptionSpecBase {
  description: string;
  descriptionEn: string;
}

/** One option of a rule with its default (config files may override it; docs list it). */
export type OptionSpec =
  | (OptionSpecBase & { type: 'number' | 'integer'; minimum?: number; maximum?: number; default: number })
  | (OptionSpecBase & { type: 'string'; enum?: readonly string[]; default: string })
  | (OptionSpecBase & { type: 'boolean'; default: boolean })
  | (OptionSpecBase & { type: 'string[]'; enum?: readonly string[]; default: readonly string[] });

/** The value type of one option: the enum's members (a list of them for `string[]`), else the type the spec names. */
type OptionValue<S> = S extends { type: 'string[]'; enum: readonly (infer E extends string)[] }
  ? readonly E[]
  : S extends { enum: readonly (infer E extends string)[] }
  ? E
  : S extends { type: 'number' | 'integer' }
    ? number
    : S extends { type: 'boolean' }
      ? boolean
      : S extends { type: 'string[]' }
        ? readonly string[]
        : string;

/** `context.options` of a rule with this schema. */
export type OptionValues<S extends Record<string, OptionSpec>> = { readonly [K in keyof S]: OptionValue<S[K]> };

/** Messages: messageId → template with {placeholders}, in both locales. */
export type RuleMessages<MessageIds extends string> = Record<MessageIds, { 'zh-CN': string; en: string }>;

/** The meta a rule writes, its messages keyed by its message ids; `fixable` follows from `fix`. */
export type RuleDefinitionMeta<MessageIds extends string, Kind extends RuleKind = RuleKind> = Omit<RuleMeta, 'messages' | 'kind' | 'fixable'> & {
  messages: RuleMessages<MessageIds>;
  kind: Kind;
};

export interface RuleDefinition<MessageIds extends string, Schema extends Record<string, OptionSpec>, Kind extends RuleKind = RuleKind> {
  meta: RuleDefinitionMeta<MessageIds, Kind>;
  /** Option name → spec with its default. */
  options?: Schema;
  /** Called once per document; returns the visitors the engine calls while it walks the AST. */
  create(context: RuleContext<MessageIds, OptionValues<Schema>>): RuleVisitors;
}

/**
 * A rule that still knows its message ids and its kind (so a RuleTester case naming a wrong message id
 * does not compile, and a heuristic rule's test must declare its seed counts).
 */
export type DefinedRule<MessageIds extends string, Kind extends RuleKind = RuleKind> = Rule & {
  meta: { messages: RuleMessages<MessageIds>; kind: Kind };
};

/** A rule from its meta, option schema and visitors (see the file comment). */
export function defineRule<
  const MessageIds extends string,
  const Schema extends Record<string, OptionSpec> = Record<never, never>,
  const Kind extends RuleKind = RuleKind,
>(definition: RuleDefinition<MessageIds, Schema, Kind>): DefinedRule<MessageIds, Kind> {
  const { meta, options, create } = definition;
  const rule: DefinedRule<MessageIds, Kind> = {
    meta: { ...meta, fixable: meta.fix !== undefined },
    create: create as Rule['create'],
  };
  if (options && Object.keys(options).length > 0) {
    const schema: Record<string, RuleOptionSpec> = {};
    const defaults: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(options) as [string, OptionSpec][]) {
      const { default: value, ...rest } = spec;
      schema[name] = { ...rest, ...('enum' in rest && rest.enum ? { enum: [...rest.enum] } : {}) } as RuleOptionSpec;
      defaults[name] = Array.isArray(value) ? [...value] : value;
    }
    rule.optionsSchema = schema;
    rule.defaultOptions = defaults;
  }
  return rule;
}
