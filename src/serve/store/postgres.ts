/**
 * The shared store for bureaus that run several instances: PostgreSQL (`--database postgres://…`)
 * through `pg`, the same tables and migrations as SQLite. Submissions of the same project are
 * serialised with a transaction-scoped advisory lock per 项目编码, so two instances never compute
 * the changes against the same previous submission at once.
 */
import pg from 'pg';
import { migrations, MIGRATIONS_TABLE } from '../migrations/index.js';
import { rowToFinding, rowToSummary, SUMMARY_COLUMNS, type FindingRow, type SummaryRow } from './rows.js';
import { rowToHistory, type HistoryRow } from './sqlite.js';
import {
  changesOf,
  diffProject,
  type Changes,
  type NewSubmission,
  type ProjectChanges,
  type ProjectHistoryEntry,
  type RecordedProject,
  type SubmissionDetail,
  type SubmissionPage,
  type SubmissionQuery,
  type SubmissionStore,
} from './types.js';

export class PostgresStore implements SubmissionStore {
  readonly kind = 'postgres' as const;
  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 10_000 });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => undefined);
    const store = new PostgresStore(pool);
    await store.migrate();
    return store;
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await work(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  private async migrate(): Promise<void> {
    await this.transaction(async (c) => {
      // One instance migrates at a time.
      await c.query("SELECT pg_advisory_xact_lock(hashtext('jxlint:migrations'))");
      await c.query(MIGRATIONS_TABLE);
      const done = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await c.query(m.postgres);
        await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
      }
    });
  }

  async record(s: NewSubmission): Promise<{ id: number; changes: Changes | null }> {
    return this.transaction(async (c) => {
      const codes = [...new Set(s.projects.map((p) => p.code))].sort();
      for (const code of codes) await c.query("SELECT pg_advisory_xact_lock(hashtext('jxlint:project:' || $1))", [code]);
      const projects: ProjectChanges[] = [];
      for (const p of s.projects) {
        const previous = (await c.query<{ id: string | null }>('SELECT MAX(submission_id) AS id FROM submission_projects WHERE code = $1', [p.code])).rows[0]?.id;
        if (previous === null || previous === undefined) continue;
        const before = (await c.query<FindingRow>('SELECT * FROM findings WHERE submission_id = $1 AND project_code = $2 ORDER BY position', [previous, p.code])).rows.map(rowToFinding);
        projects.push(diffProject(p.code, Number(previous), before, s.findings.filter((f) => f.projectCode === p.code)));
      }
      const inserted = await c.query<{ id: string }>(
        `INSERT INTO submissions (received_at, file_name, sha256, size, agency, status, error_count, warning_count, info_count, stored_file)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [s.receivedAt, s.fileName, s.sha256, s.size, s.agency, s.status, s.errorCount, s.warningCount, s.infoCount, s.storedFile],
      );
      const id = Number(inserted.rows[0]!.id);
      if (s.projects.length > 0) {
        await c.query(
          'INSERT INTO submission_projects (submission_id, position, code, name, agency) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])',
          [id, s.projects.map((_, i) => i), s.projects.map((p) => p.code), s.projects.map((p) => p.name), s.projects.map((p) => p.agency)],
        );
      }
      if (s.findings.length > 0) {
        const f = s.findings;
        await c.query(
          `INSERT INTO findings (submission_id, position, project_code, fingerprint, rule_id, severity, message, location, found)
           SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[])`,
          [
            id,
            f.map((_, i) => i),
            f.map((x) => x.projectCode),
            f.map((x) => x.fingerprint),
            f.map((x) => x.ruleId),
            f.map((x) => x.severity),
            f.map((x) => x.message),
            f.map((x) => x.location),
            f.map((x) => x.found),
          ],
        );
      }
      return { id, changes: changesOf(projects) };
    });
  }

  private async projectsOf(ids: number[]): Promise<Map<number, RecordedProject[]>> {
    const out = new Map<number, RecordedProject[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return out;
    const { rows } = await this.pool.query<{ submission_id: string; code: string; name: string | null; agency: string | null }>(
      'SELECT submission_id, code, name, agency FROM submission_projects WHERE submission_id = ANY($1::bigint[]) ORDER BY submission_id, position',
      [ids],
    );
    for (const r of rows) out.get(Number(r.submission_id))?.push({ code: r.code, name: r.name, agency: r.agency });
    return out;
  }

  async list(q: SubmissionQuery): Promise<SubmissionPage> {
    const where: string[] = [];
    const args: unknown[] = [];
    const arg = (v: unknown) => {
      args.push(v);
      return `$${args.length}`;
    };
    if (q.agency !== undefined) {
      const a = arg(q.agency);
      where.push(`(s.agency = ${a} OR EXISTS (SELECT 1 FROM submission_projects p WHERE p.submission_id = s.id AND p.agency = ${a}))`);
    }
    if (q.project !== undefined) where.push(`EXISTS (SELECT 1 FROM submission_projects p WHERE p.submission_id = s.id AND p.code = ${arg(q.project)})`);
    if (q.since !== undefined) where.push(`s.received_at >= ${arg(q.since)}`);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = (await this.pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM submissions s ${clause}`, args)).rows[0]!.n;
    const page = [...args, q.limit, q.offset];
    const { rows } = await this.pool.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM submissions s ${clause} ORDER BY s.id DESC LIMIT $${args.length + 1} OFFSET $${args.length + 2}`, page);
    const projects = await this.projectsOf(rows.map((r) => Number(r.id)));
    return { total: Number(total), limit: q.limit, offset: q.offset, items: rows.map((r) => rowToSummary(r, projects.get(Number(r.id)) ?? [])) };
  }

  async get(id: number): Promise<SubmissionDetail | null> {
    const row = (await this.pool.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM submissions s WHERE s.id = $1`, [id])).rows[0];
    if (!row) return null;
    const findings = (await this.pool.query<FindingRow>('SELECT * FROM findings WHERE submission_id = $1 ORDER BY position', [id])).rows.map(rowToFinding);
    return { ...rowToSummary(row, (await this.projectsOf([id])).get(id) ?? []), findings };
  }

  async projectHistory(code: string): Promise<ProjectHistoryEntry[]> {
    const { rows } = await this.pool.query<HistoryRow>(
      `SELECT s.id, s.received_at, s.file_name, s.agency, p.name, s.error_count, s.warning_count, s.info_count,
              (SELECT COUNT(*) FROM findings f WHERE f.submission_id = s.id AND f.project_code = p.code) AS finding_count
       FROM submission_projects p JOIN submissions s ON s.id = p.submission_id
       WHERE p.code = $1 ORDER BY s.id`,
      [code],
    );
    return rows.map(rowToHistory);
  }

  async ping(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
