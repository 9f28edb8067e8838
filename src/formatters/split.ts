/**
 * Reports per 预算单位 (`--split-by agency`): each file's result cut into one part per agency, so
 * each department gets a report with only its own projects and findings.
 */
import type { LintResult } from '../engine/types.js';
import { agencyOf, fileAgency } from './common.js';

/** The part of a batch a report per agency gets: null is the part of no named agency. */
export interface AgencyPart {
  agency: string | null;
  result: LintResult;
}

/**
 * The result cut by agency: each project goes to its 预算单位, each finding to the agency it counts
 * towards (as in the summary), a file without findings to every agency of its projects, a file
 * that could not be read (or names no agency) to the null part. Counts are redone per part.
 */
export function splitByAgency(result: LintResult): AgencyPart[] {
  const agencies = new Set<string | null>();
  for (const project of result.projects) agencies.add(project.agency ?? null);
  for (const message of result.messages) agencies.add(message.fatal ? fileAgency(result) : agencyOf(result, message));
  if (agencies.size === 0) agencies.add(fileAgency(result));
  if (agencies.size === 1) return [{ agency: [...agencies][0]!, result }];
  return [...agencies].map((agency) => {
    const projects = result.projects.filter((p) => (p.agency ?? null) === agency);
    const messages = result.messages.filter((m) => (m.fatal ? fileAgency(result) : agencyOf(result, m)) === agency);
    const projectIndexes = new Set(projects.map((p) => p.index));
    const document = result.document
      ? { ...result.document, projects: result.document.projects.filter((p) => projectIndexes.has(p.index)) }
      : undefined;
    const count = (severity: number) => messages.filter((m) => m.severity === severity).length;
    return {
      agency,
      result: {
        ...result,
        projects,
        messages,
        ...(document ? { document } : {}),
        errorCount: count(2),
        warningCount: count(1),
        infoCount: count(0),
        fatalErrorCount: messages.filter((m) => m.fatal).length,
        fixableCount: messages.filter((m) => m.fix).length,
      },
    };
  });
}

/** A name for an agency's report file: the agency with characters no file system takes replaced. */
export function agencyFileStem(agency: string | null, unknown: string): string {
  const name = (agency ?? unknown).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  return [...name].slice(0, 80).join('') || '_';
}
