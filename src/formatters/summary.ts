/**
 * The batch summary every report shows: files in/out, projects, counts per severity, findings per
 * rule and per 预算单位 (agency), and the files that could not be read.
 */
import type { LintResult } from '../engine/types.js';
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

export function summarize(results: LintResult[]): Summary {
  const summary: Summary = {
    files: { total: results.length, ok: 0, failed: 0, skipped: 0, withFindings: 0 },
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
  const byRule = new Map<string, number>();
  const byAgency = new Map<string | null, AgencySummary & { fileSet: Set<string> }>();
  const agencyEntry = (agency: string | null) => {
    let entry = byAgency.get(agency);
    if (!entry) {
      entry = {
        agency,
        files: 0,
        projects: 0,
        findings: 0,
        errorCount: 0,
        warningCount: 0,
        infoCount: 0,
        fileSet: new Set(),
      };
      byAgency.set(agency, entry);
    }
    return entry;
  };

  for (const result of results) {
    summary.files[result.status]++;
    summary.projects += result.projects.length;
    summary.errorCount += result.errorCount;
    summary.warningCount += result.warningCount;
    summary.infoCount += result.infoCount;
    summary.fatalErrorCount += result.fatalErrorCount;
    summary.fixableCount += result.fixableCount;

    for (const project of result.projects) {
      const entry = agencyEntry(project.agency ?? null);
      entry.projects++;
      entry.fileSet.add(result.filePath);
    }

    let fileFindings = 0;
    for (const message of result.messages) {
      if (message.fatal) continue;
      fileFindings++;
      if (message.ruleId) byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1);
      const entry = agencyEntry(agencyOf(result, message));
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

  for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))) {
    summary.findingsByRule[rule] = count;
  }
  summary.agencies = [...byAgency.values()]
    .map(({ fileSet, ...entry }) => ({ ...entry, files: fileSet.size }))
    .sort((a, b) => {
      if ((a.agency === null) !== (b.agency === null)) return a.agency === null ? 1 : -1;
      return b.findings - a.findings || compareStrings(a.agency ?? '', b.agency ?? '');
    });
  return summary;
}
