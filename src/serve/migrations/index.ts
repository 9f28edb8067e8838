/**
 * The store's schema migrations, one file each, applied in order and recorded in
 * `schema_migrations`. SQLite and PostgreSQL get the same tables (only the id column differs).
 */
import init from './001-init.js';

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const migrations: readonly Migration[] = [init];

export const MIGRATIONS_TABLE = 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';
