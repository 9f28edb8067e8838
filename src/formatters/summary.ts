/**
 * The batch summary every report shows: files in/out, projects, counts per severity, findings per
 * rule and per 预算单位 (agency), and the files that could not be read.
 */
import type { LintMessage, LintResult } from '../engine/types.js';
import { agencyOf, compareStrings, fatalMessageOf } from './common.js';

export interface AgencySummary {
  /** 预算单位 as written; null when neither the project nor the file names one. */
  agency: string | null;
  /** Files with at least one project of this agency (or a document-level finding counted here). */
  files: number;
  projects: number;
  /** Findings (non-fatal messages) counted towards this agency. */
  findings: number;
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

export interface FailedFile {
  filePath: string;
  /** The fatal message (one line, Chinese first). */
  message: string;
}

export interface Summary {
  files: { total: number; ok: number; failed: number; skipped: number; withFindings: number };
  projects: number;
  /** Sums of the results' counts (errorCount includes fatal read failures, as in ESLint). */
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
  fixableCount: number;
  /** Non-fatal messages: errors + warnings + infos found by rules and the parser. */
  findings: number;
  /** Rule id → number of findings, most frequent first (ties by id). */
  findingsByRule: Record<string, number>;
  /** Per 预算单位, most findings first (ties by name; unknown agency last). */
  agencies: AgencySummary[];
  failedFiles: FailedFile[];
}

/** The summary of every result. */
export function summarize(results: readonly LintResult[]): Summary {
  const builder = new SummaryBuilder();
  for (const result of results) builder.add(result);
  return builder.summary();
}

/**
 * What the summary reads of a result (its status, counts, projects, and of each message the rule,
 * severity, project and — for a fatal one — the text): a batch keeps this much of every file for
 * a summary written at the end, or sends it from a worker instead of the whole result.
 */
export function summaryInput(result: LintResult): LintResult {
  const messages = result.messages.map(
    (m) =>
      ({
        ruleId: m.ruleId,
        severity: m.severity,
        projectIndex: m.projectIndex,
        projectCode: m.projectCode,
        ...(m.fatal ? { fatal: true, message: m.message } : {}),
      }) as LintMessage,
  );
  return { ...result, messages, document: undefined };
}

type AgencyEntry = AgencySummary & { fileSet: Set<string> };

/** The summary built one result at a time (a batch never holds every result). */
export class SummaryBuilder {
  private readonly totals: Summary = {
    files: { total: 0, ok: 0, failed: 0, skipped: 0, withFindings: 0 },
    projects: 0,
    errorCount: 0,
    warningCount: 0,
    infoCount: 0,
    fatalErrorCount: 0,
    fixableCount: 0,
    findings: 0,
    findingsByRule: {},
    agencies: [],
    failedFiles: [],
  };
  private readonly byRule = new Map<string, number>();
  private readonly byAgency = new Map<string | null, AgencyEntry>();

  private agencyEntry(agency: string | null): AgencyEntry {
    let entry = this.byAgency.get(agency);
    if (!entry) {
      entry = { agency, files: 0, projects: 0, findings: 0, errorCount: 0, warningCount: 0, infoCount: 0, fileSet: new Set() };
      this.byAgency.set(agency, entry);
    }
    return entry;
  }

  add(result: LintResult): void {
    const summary = this.totals;
    summary.files.total++;
    summary.files[result.status]++;
    summary.projects += result.projects.length;
    summary.errorCount += result.errorCount;
    summary.warningCount += result.warningCount;
    summary.infoCount += result.infoCount;
    summary.fatalErrorCount += result.fatalErrorCount;
    summary.fixableCount += result.fixableCount;

    for (const project of result.projects) {
      const entry = this.agencyEntry(project.agency ?? null);
      entry.projects++;
      entry.fileSet.add(result.filePath);
    }

    let fileFindings = 0;
    for (const message of result.messages) {
      if (message.fatal) continue;
      fileFindings++;
      if (message.ruleId) this.byRule.set(message.ruleId, (this.byRule.get(message.ruleId) ?? 0) + 1);
      const entry = this.agencyEntry(agencyOf(result, message));
      entry.fileSet.add(result.filePath);
      entry.findings++;
      if (message.severity === 2) entry.errorCount++;
      else if (message.severity === 1) entry.warningCount++;
      else entry.infoCount++;
    }
    summary.findings += fileFindings;
    if (fileFindings > 0) summary.files.withFindings++;

    if (result.status === 'failed') {
      const fatal = fatalMessageOf(result);
      summary.failedFiles.push({ filePath: result.filePath, message: fatal?.message ?? '' });
    }
  }

  /** The summary of the results added so far (a fresh object each time). */
  summary(): Summary {
    const findingsByRule: Record<string, number> = {};
    for (const [rule, count] of [...this.byRule].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))) {
      findingsByRule[rule] = count;
    }
    const agencies = [...this.byAgency.values()]
      .map(({ fileSet, ...entry }) => ({ ...entry, files: fileSet.size }))
      .sort((a, b) => {
        if ((a.agency === null) !== (b.agency === null)) return a.agency === null ? 1 : -1;
        return b.findings - a.findings || compareStrings(a.agency ?? '', b.agency ?? '');
      });
    const t = this.totals;
    return { ...t, files: { ...t.files }, findingsByRule, agencies, failedFiles: [...t.failedFiles] };
  }
}
