/** Migration 1: submissions, their projects and their findings (提交记录、项目、问题). */
const tables = (id: string) => `
CREATE TABLE submissions (
  id ${id},
  received_at TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size BIGINT NOT NULL,
  agency TEXT,
  status TEXT NOT NULL,
  error_count INTEGER NOT NULL,
  warning_count INTEGER NOT NULL,
  info_count INTEGER NOT NULL,
  stored_file TEXT
);
CREATE INDEX submissions_received_at ON submissions (received_at);
CREATE INDEX submissions_agency ON submissions (agency);
CREATE INDEX submissions_sha256 ON submissions (sha256);
CREATE TABLE submission_projects (
  submission_id BIGINT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT,
  agency TEXT,
  PRIMARY KEY (submission_id, position)
);
CREATE INDEX submission_projects_code ON submission_projects (code, submission_id);
CREATE TABLE findings (
  submission_id BIGINT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  project_code TEXT,
  fingerprint TEXT,
  rule_id TEXT,
  severity INTEGER NOT NULL,
  message TEXT NOT NULL,
  location TEXT NOT NULL,
  found TEXT,
  PRIMARY KEY (submission_id, position)
);
CREATE INDEX findings_project_code ON findings (submission_id, project_code);
`;

export default {
  version: 1,
  name: 'init',
  sqlite: tables('INTEGER PRIMARY KEY AUTOINCREMENT'),
  postgres: tables('BIGSERIAL PRIMARY KEY'),
};
