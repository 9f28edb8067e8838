/**
 * One finding per problem (一个问题只报一次): a rule declares in `meta.yieldsTo` the rules whose finding
 * on the same cell — or, with `scope: 'row'`, anywhere on the same indicator row or goal item — already
 * says what it would say. After the walk, a yielding rule's finding is dropped when one of those rules
 * is on, finished, and reported there. The surviving findings are untouched (message, `found`,
 * `suggestion`, fingerprint), so baselines survive. Chains resolve in order: when A gives way to B and
 * B to C, B's findings that gave way to C no longer take A's away.
 */
import type { LintMessage, Rule, YieldTo } from './types.js';

/** Where a finding sits, for comparing with other rules' findings: its row (indicator row, goal item, or project cell) and its cell. */
export interface Spot {
  row: string | number;
  cell: string | number;
}

interface YieldingOutcome {
  rule: Rule;
  messages: LintMessage[];
  failed: boolean;
}

/** A `yieldsTo` entry as rule id and scope. */
export function yieldTarget(entry: YieldTo): { rule: string; scope: 'cell' | 'row' } {
  return typeof entry === 'string' ? { rule: entry, scope: 'cell' } : entry;
}

/**
 * Drops, in place, the findings that give way to another rule's finding at the same spot.
 * `spotOf` gives each message's spot (messages without one never give way).
 */
export function dropYielded(outcomes: YieldingOutcome[], spotOf: (message: LintMessage) => Spot | undefined): void {
  const byId = new Map<string, YieldingOutcome>();
  for (const o of outcomes) if (!o.failed) byId.set(o.rule.meta.id, o);
  if (![...byId.values()].some((o) => o.rule.meta.yieldsTo?.length)) return;

  const done = new Set<string>();
  const active = new Set<string>();
  const resolve = (o: YieldingOutcome): void => {
    const id = o.rule.meta.id;
    if (done.has(id) || active.has(id)) return; // a cycle compares with the findings as they stand
    active.add(id);
    const targets = (o.rule.meta.yieldsTo ?? []).map(yieldTarget).filter((t) => byId.has(t.rule) && t.rule !== id);
    for (const t of targets) resolve(byId.get(t.rule)!);
    if (targets.length > 0) {
      const taken = targets.map((t) => {
        const spots = new Set<string | number>();
        for (const m of byId.get(t.rule)!.messages) {
          const s = spotOf(m);
          if (s) spots.add(t.scope === 'row' ? s.row : s.cell);
        }
        return { scope: t.scope, spots };
      });
      o.messages = o.messages.filter((m) => {
        const s = spotOf(m);
        return !s || !taken.some((t) => t.spots.has(t.scope === 'row' ? s.row : s.cell));
      });
    }
    active.delete(id);
    done.add(id);
  };
  for (const o of byId.values()) resolve(o);
}
