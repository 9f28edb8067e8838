/** Table rows → API objects (shared by the SQLite and PostgreSQL stores). */
import type { RecordedFinding, RecordedProject, SubmissionSummary } from './types.js';

export const SUMMARY_COLUMNS = 's.id, s.received_at, s.file_name, s.sha256, s.size, s.agency, s.status, s.error_count, s.warning_count, s.info_count, s.stored_file';

export interface SummaryRow {
  id: number | string;
  received_at: string;
  file_name: string;
  sha256: string;
  size: number | string;
  agency: string | null;
  status: string;
  error_count: number;
  warning_count: number;
  info_count: number;
  stored_file: string | null;
}

export interface FindingRow {
  project_code: string | null;
  fingerprint: string | null;
  rule_id: string | null;
  severity: number;
  message: string;
  location: string;
  found: string | null;
}

export function rowToFinding(r: FindingRow): RecordedFinding {
  return {
    fingerprint: r.fingerprint,
    projectCode: r.project_code,
    ruleId: r.rule_id,
    severity: r.severity,
    message: r.message,
    location: r.location,
    found: r.found,
  };
}

export function rowToSummary(r: SummaryRow, projects: RecordedProject[]): SubmissionSummary {
  return {
    id: Number(r.id),
    fileName: r.file_name,
    sha256: r.sha256,
    size: Number(r.size),
    receivedAt: r.received_at,
    agency: r.agency,
    status: r.status as SubmissionSummary['status'],
    errorCount: r.error_count,
    warningCount: r.warning_count,
    infoCount: r.info_count,
    storedFile: r.stored_file,
    projects,
  };
}
