/**
 * 整改 tracking (整改跟踪): what is recorded of every submission, and what a resubmission is told —
 * which findings of each project were fixed, which are new and which remain since that project's
 * previous submission, matched by baseline fingerprint (never by line numbers).
 */
import type { LintResult } from '../../index.js';

/** One finding as recorded. */
export interface RecordedFinding {
  fingerprint: string | null;
  projectCode: string | null;
  ruleId: string | null;
  severity: number;
  message: string;
  location: string;
  found: string | null;
}

export interface RecordedProject {
  code: string;
  name: string | null;
  /** 预算单位 */
  agency: string | null;
}

/** A submission about to be recorded. */
export interface NewSubmission {
  fileName: string;
  sha256: string;
  size: number;
  receivedAt: string;
  /** 预算单位 of the submission: the agency most of its projects name. */
  agency: string | null;
  status: 'ok' | 'problems' | 'unreadable';
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** Where the uploaded file was kept (--keep-files), relative to the data folder. */
  storedFile: string | null;
  projects: RecordedProject[];
  findings: RecordedFinding[];
}

/** A recorded submission without its findings (lists and history pages). */
export interface SubmissionSummary extends Omit<NewSubmission, 'findings'> {
  id: number;
}

export interface SubmissionDetail extends SubmissionSummary {
  findings: RecordedFinding[];
}

export interface ProjectChanges {
  code: string;
  previousSubmission: number;
  fixed: RecordedFinding[];
  new: RecordedFinding[];
  remaining: RecordedFinding[];
}

/** What changed since the previous submission of each project seen before (counts at the top). */
export interface Changes {
  fixed: number;
  new: number;
  remaining: number;
  projects: ProjectChanges[];
}

export interface SubmissionQuery {
  agency?: string;
  project?: string;
  /** ISO time: submissions received at or after it. */
  since?: string;
  limit: number;
  offset: number;
}

export interface SubmissionPage {
  total: number;
  limit: number;
  offset: number;
  items: SubmissionSummary[];
}

export interface ProjectHistoryEntry {
  submission: number;
  receivedAt: string;
  fileName: string;
  agency: string | null;
  name: string | null;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  findingCount: number;
}

/** A store of submissions: embedded SQLite or PostgreSQL, same schema. */
export interface SubmissionStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Records a submission and returns its id and, when a project was seen before, the changes. */
  record(submission: NewSubmission): Promise<{ id: number; changes: Changes | null }>;
  list(query: SubmissionQuery): Promise<SubmissionPage>;
  get(id: number): Promise<SubmissionDetail | null>;
  projectHistory(code: string): Promise<ProjectHistoryEntry[]>;
  /** Whether the store answers (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The findings of a result as recorded: fatal read failures are kept, but have no fingerprint. */
export function findingsOf(result: LintResult): RecordedFinding[] {
  return result.messages.map((m) => ({
    fingerprint: m.fingerprint ?? null,
    projectCode: m.projectCode,
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    location: m.location,
    found: m.found ?? null,
  }));
}

/** The projects of a result that have a code (项目编码), each code once. */
export function projectsOf(result: LintResult): RecordedProject[] {
  const seen = new Map<string, RecordedProject>();
  for (const p of result.projects) {
    const code = p.code?.trim();
    if (code && !seen.has(code)) seen.set(code, { code, name: p.name, agency: p.agency });
  }
  return [...seen.values()];
}

/** 预算单位 of a submission: the agency named by most of its projects (first in order on a tie). */
export function agencyOf(result: LintResult): string | null {
  const counts = new Map<string, number>();
  for (const p of result.projects) if (p.agency) counts.set(p.agency, (counts.get(p.agency) ?? 0) + 1);
  let best: string | null = null;
  for (const [agency, n] of counts) if (best === null || n > counts.get(best)!) best = agency;
  return best;
}

/**
 * The changes of one project: previous and current findings matched by fingerprint, each
 * fingerprint as many times as it occurs (findings without one are left out).
 */
export function diffProject(code: string, previousSubmission: number, previous: RecordedFinding[], current: RecordedFinding[]): ProjectChanges {
  const pending = new Map<string, RecordedFinding[]>();
  for (const f of previous) {
    if (!f.fingerprint) continue;
    const list = pending.get(f.fingerprint);
    if (list) list.push(f);
    else pending.set(f.fingerprint, [f]);
  }
  const remaining: RecordedFinding[] = [];
  const added: RecordedFinding[] = [];
  for (const f of current) {
    if (!f.fingerprint) continue;
    const match = pending.get(f.fingerprint);
    if (match && match.length > 0) {
      match.shift();
      remaining.push(f);
    } else added.push(f);
  }
  const fixed = [...pending.values()].flat();
  return { code, previousSubmission, fixed, new: added, remaining };
}

/** The counts at the top, over every project; null when no project was seen before. */
export function changesOf(projects: ProjectChanges[]): Changes | null {
  if (projects.length === 0) return null;
  const sum = (k: 'fixed' | 'new' | 'remaining') => projects.reduce((n, p) => n + p[k].length, 0);
  return { fixed: sum('fixed'), new: sum('new'), remaining: sum('remaining'), projects };
}
