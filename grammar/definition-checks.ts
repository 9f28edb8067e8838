/**
 * Whether to run chevrotain's definition checks (token patterns, grammar ambiguities) when the
 * lexers and parsers are built. They cost tens of milliseconds at start-up, which a CLI run cannot
 * spare, so — as chevrotain advises for production — they run only under the test runner (vitest
 * sets VITEST), where a broken definition fails loudly. Read through globalThis so that the core
 * stays free of Node imports.
 */
export const CHECK_GRAMMAR_DEFINITIONS =
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.['VITEST'] !== undefined;
