/** The options every formatter receives (see index.ts). */
import type { Locale, RuleSummary } from '../engine/types.js';

export const formatNames = ['stylish', 'compact', 'json', 'report-json', 'sarif', 'junit', 'github', 'csv', 'xlsx', 'html'] as const;
export type FormatName = (typeof formatNames)[number];

export interface FormatOptions {
  /** Every rule known to the run (SARIF rule descriptors, report legends, doc links). */
  rules: RuleSummary[];
  locale: Locale;
  /** ANSI colours (stylish only). */
  color: boolean;
  /** Paths are shown relative to this directory (forward slashes). */
  cwd?: string;
  toolVersion: string;
  /** Base URL of the rule docs; `<base><id>.md` is a rule's page. */
  rulesDocsBaseUrl?: string;
  /** ISO time stamp written into reports; injectable so output is deterministic in tests. */
  generatedAt?: string;
  /** IANA time zone of the times shown in xlsx and html (default Asia/Shanghai). */
  timeZone?: string;
}
