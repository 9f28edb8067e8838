/** The embedded store: one SQLite file under `--data DIR` (better-sqlite3, WAL). */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations, MIGRATIONS_TABLE } from '../migrations/index.js';
import { rowToFinding, rowToSummary, SUMMARY_COLUMNS, type FindingRow, type SummaryRow } from './rows.js';
import {
  changesOf,
  diffProject,
  type Changes,
  type NewSubmission,
  type ProjectChanges,
  type ProjectHistoryEntry,
  type RecordedFinding,
  type RecordedProject,
  type SubmissionDetail,
  type SubmissionPage,
  type SubmissionQuery,
  type SubmissionStore,
} from './types.js';

export const SQLITE_FILE = 'jxlint.sqlite';

/** Findings inserted by one statement (9 parameters each, well under SQLite's 32766). */
const FINDING_BATCH = 50;

/** Findings by 项目编码, each list in the order given. */
function groupByProject(findings: RecordedFinding[]): Map<string | null, RecordedFinding[]> {
  const out = new Map<string | null, RecordedFinding[]>();
  for (const f of findings) {
    const list = out.get(f.projectCode);
    if (list) list.push(f);
    else out.set(f.projectCode, [f]);
  }
  return out;
}

export class SqliteStore implements SubmissionStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  /** The statements of `record`, prepared once. */
  private readonly recording: ReturnType<SqliteStore['prepareRecording']>;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    this.db = new Database(path.join(dataDir, SQLITE_FILE));
    this.db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: the database cannot be corrupted,
    // and a commit no longer waits for an fsync on the service's event loop.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.recording = this.prepareRecording();
  }

  private prepareRecording() {
    const findingColumns = '(submission_id, position, project_code, fingerprint, rule_id, severity, message, location, found)';
    return {
      previousOf: this.db.prepare('SELECT MAX(submission_id) AS id FROM submission_projects WHERE code = ?'),
      findingsOfSubmission: this.db.prepare('SELECT * FROM findings WHERE submission_id = ? ORDER BY position'),
      insertSubmission: this.db.prepare(
        `INSERT INTO submissions (received_at, file_name, sha256, size, agency, status, error_count, warning_count, info_count, stored_file)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertProject: this.db.prepare('INSERT INTO submission_projects (submission_id, position, code, name, agency) VALUES (?, ?, ?, ?, ?)'),
      insertFinding: this.db.prepare(`INSERT INTO findings ${findingColumns} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      // Findings go in FINDING_BATCH rows a statement: one statement per finding cost most of a record's CPU.
      insertFindings: this.db.prepare(`INSERT INTO findings ${findingColumns} VALUES ${Array(FINDING_BATCH).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`),
    };
  }

  private migrate(): void {
    this.db.exec(MIGRATIONS_TABLE);
    const done = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sqlite);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      })();
    }
  }

  async record(s: NewSubmission): Promise<{ id: number; changes: Changes | null }> {
    const { previousOf, findingsOfSubmission, insertSubmission, insertProject, insertFinding, insertFindings } = this.recording;
    return this.db.transaction(() => {
      const projects: ProjectChanges[] = [];
      // The findings of each previous submission, read once however many of its projects come again.
      const previousFindings = new Map<number, Map<string | null, RecordedFinding[]>>();
      const findingsOf = (submission: number, code: string) => {
        let byProject = previousFindings.get(submission);
        if (!byProject) {
          byProject = groupByProject((findingsOfSubmission.all(submission) as FindingRow[]).map(rowToFinding));
          previousFindings.set(submission, byProject);
        }
        return byProject.get(code) ?? [];
      };
      const current = groupByProject(s.findings);
      for (const p of s.projects) {
        const previous = (previousOf.get(p.code) as { id: number | null }).id;
        if (previous === null) continue;
        projects.push(diffProject(p.code, previous, findingsOf(previous, p.code), current.get(p.code) ?? []));
      }
      const info = insertSubmission.run(s.receivedAt, s.fileName, s.sha256, s.size, s.agency, s.status, s.errorCount, s.warningCount, s.infoCount, s.storedFile);
      const id = Number(info.lastInsertRowid);
      s.projects.forEach((p, i) => insertProject.run(id, i, p.code, p.name, p.agency));
      const row = (f: RecordedFinding, i: number) => [id, i, f.projectCode, f.fingerprint, f.ruleId, f.severity, f.message, f.location, f.found];
      let i = 0;
      for (; i + FINDING_BATCH <= s.findings.length; i += FINDING_BATCH) insertFindings.run(s.findings.slice(i, i + FINDING_BATCH).flatMap((f, k) => row(f, i + k)));
      for (; i < s.findings.length; i++) insertFinding.run(row(s.findings[i]!, i));
      return { id, changes: changesOf(projects) };
    })();
  }

  private projectsOf(ids: number[]): Map<number, RecordedProject[]> {
    const out = new Map<number, RecordedProject[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return out;
    const rows = this.db
      .prepare(`SELECT submission_id, code, name, agency FROM submission_projects WHERE submission_id IN (${ids.map(() => '?').join(',')}) ORDER BY submission_id, position`)
      .all(...ids) as { submission_id: number; code: string; name: string | null; agency: string | null }[];
    for (const r of rows) out.get(Number(r.submission_id))?.push({ code: r.code, name: r.name, agency: r.agency });
    return out;
  }

  async list(q: SubmissionQuery): Promise<SubmissionPage> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.agency !== undefined) {
      where.push('(s.agency = ? OR EXISTS (SELECT 1 FROM submission_projects p WHERE p.submission_id = s.id AND p.agency = ?))');
      args.push(q.agency, q.agency);
    }
    if (q.project !== undefined) {
      where.push('EXISTS (SELECT 1 FROM submission_projects p WHERE p.submission_id = s.id AND p.code = ?)');
      args.push(q.project);
    }
    if (q.since !== undefined) {
      where.push('s.received_at >= ?');
      args.push(q.since);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM submissions s ${clause}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM submissions s ${clause} ORDER BY s.id DESC LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as SummaryRow[];
    const projects = this.projectsOf(rows.map((r) => Number(r.id)));
    return { total: Number(total), limit: q.limit, offset: q.offset, items: rows.map((r) => rowToSummary(r, projects.get(Number(r.id)) ?? [])) };
  }

  async get(id: number): Promise<SubmissionDetail | null> {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM submissions s WHERE s.id = ?`).get(id) as SummaryRow | undefined;
    if (!row) return null;
    const findings = (this.db.prepare('SELECT * FROM findings WHERE submission_id = ? ORDER BY position').all(id) as FindingRow[]).map(rowToFinding);
    return { ...rowToSummary(row, this.projectsOf([id]).get(id) ?? []), findings };
  }

  async projectHistory(code: string): Promise<ProjectHistoryEntry[]> {
    const rows = this.db
      .prepare(
        `SELECT s.id, s.received_at, s.file_name, s.agency, p.name, s.error_count, s.warning_count, s.info_count,
                (SELECT COUNT(*) FROM findings f WHERE f.submission_id = s.id AND f.project_code = p.code) AS finding_count
         FROM submission_projects p JOIN submissions s ON s.id = p.submission_id
         WHERE p.code = ? ORDER BY s.id`,
      )
      .all(code) as HistoryRow[];
    return rows.map(rowToHistory);
  }

  async ping(): Promise<boolean> {
    return (this.db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

export interface HistoryRow {
  id: number | string;
  received_at: string;
  file_name: string;
  agency: string | null;
  name: string | null;
  error_count: number;
  warning_count: number;
  info_count: number;
  finding_count: number | string;
}

export function rowToHistory(r: HistoryRow): ProjectHistoryEntry {
  return {
    submission: Number(r.id),
    receivedAt: r.received_at,
    fileName: r.file_name,
    agency: r.agency,
    name: r.name,
    errorCount: r.error_count,
    warningCount: r.warning_count,
    infoCount: r.info_count,
    findingCount: Number(r.finding_count),
  };
}
