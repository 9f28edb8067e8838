/**
 * Facts the rules derive from an AST node (a row's folded value, a project's words), kept for the
 * rules of the same lint. A process-wide WeakMap was measured slower for this (issue 14): every
 * document's nodes leave entries behind that the collector has to process; a Map that starts over
 * when full costs a third as much per entry, and holds at most `limit` nodes.
 * Pure data; no rule logic.
 */
export interface NodeCache<K extends object, V> {
  get(node: K): V | undefined;
  set(node: K, value: V): void;
}

export function nodeCache<K extends object, V>(limit: number): NodeCache<K, V> {
  let entries = new Map<K, V>();
  return {
    get: (node) => entries.get(node),
    set(node, value) {
      if (entries.size >= limit) entries = new Map();
      entries.set(node, value);
    },
  };
}
