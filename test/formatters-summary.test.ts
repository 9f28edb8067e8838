import { describe, expect, it } from 'vitest';
import { formatNames, formatResults, isBinaryFormat, summarize } from '../src/formatters/index.js';
import { relativePath } from '../src/formatters/common.js';
import { displayWidth, padEndToWidth } from '../src/formatters/text-width.js';
import { FATAL_MESSAGE, FAILED_FILE, WORD_AGENCY, sampleOptions, sampleResults } from './helpers/sample-results.js';

describe('summarize', () => {
  it('accounts for every file: ok, failed and skipped', () => {
    const { results } = sampleResults();
    const summary = summarize(results);
    expect(summary.files).toEqual({ total: 6, ok: 4, failed: 1, skipped: 1, withFindings: 3 });
    expect(summary.files.ok + summary.files.failed + summary.files.skipped).toBe(results.length);
    expect(summary.failedFiles).toEqual([{ filePath: FAILED_FILE, message: FATAL_MESSAGE }]);
  });

  it('sums the per-file counts and projects', () => {
    const { results } = sampleResults();
    const summary = summarize(results);
    const sum = (key: 'errorCount' | 'warningCount' | 'infoCount' | 'fatalErrorCount') =>
      results.reduce((n, r) => n + r[key], 0);
    expect(summary.errorCount).toBe(sum('errorCount'));
    expect(summary.warningCount).toBe(sum('warningCount'));
    expect(summary.infoCount).toBe(sum('infoCount'));
    expect(summary.fatalErrorCount).toBe(1);
    expect(summary.projects).toBe(results.reduce((n, r) => n + r.projects.length, 0));
    expect(summary.findings).toBe(results.reduce((n, r) => n + r.messages.filter((m) => !m.fatal).length, 0));
  });

  it('counts findings per rule, most frequent first', () => {
    const { results } = sampleResults();
    const summary = summarize(results);
    const expected = new Map<string, number>();
    for (const m of results.flatMap((r) => r.messages)) if (m.ruleId) expected.set(m.ruleId, (expected.get(m.ruleId) ?? 0) + 1);
    expect(summary.findingsByRule).toEqual(Object.fromEntries(expected));
    const counts = Object.values(summary.findingsByRule);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(summary.findingsByRule['budget-sum-mismatch']).toBe(1);
  });

  it.each([
    // agency, findings, errors, warnings, infos, projects
    [WORD_AGENCY, 7, 3, 3, 1, 2],
    ['316007南堡开发区民政局', 2, 1, 1, 0, 1],
    ['316009南堡开发区教育局', 0, 0, 0, 0, 1],
  ])('counts findings per agency: %s', (agency, findings, errors, warnings, infos, projects) => {
    const summary = summarize(sampleResults().results);
    const entry = summary.agencies.find((a) => a.agency === agency);
    expect(entry).toMatchObject({ findings, errorCount: errors, warningCount: warnings, infoCount: infos, projects, files: 1 });
  });

  it('counts a document-level finding towards the file’s single agency', () => {
    const { text } = sampleResults();
    const summary = summarize([text]);
    expect(summary.agencies).toHaveLength(1);
    expect(summary.agencies[0].findings).toBe(text.messages.length);
  });

  it('is empty for no results', () => {
    const summary = summarize([]);
    expect(summary.files.total).toBe(0);
    expect(summary.agencies).toEqual([]);
    expect(summary.findingsByRule).toEqual({});
  });
});

describe('formatResults', () => {
  it('knows every format and which are binary', () => {
    expect([...formatNames]).toEqual(['stylish', 'compact', 'json', 'report-json', 'sarif', 'junit', 'github', 'csv', 'xlsx', 'html']);
    expect(formatNames.filter(isBinaryFormat)).toEqual(['xlsx']);
  });

  it.each(formatNames.map((name) => [name]))('renders %s as text or bytes', async (name) => {
    const out = await formatResults(sampleResults().results, name, sampleOptions());
    if (isBinaryFormat(name)) expect(out).toBeInstanceOf(Uint8Array);
    else expect(typeof out).toBe('string');
    expect(out.length).toBeGreaterThan(100);
  });

  it('rejects an unknown format with a one-line bilingual message', async () => {
    await expect(formatResults([], 'pdf' as never, sampleOptions())).rejects.toThrow(/^未知的输出格式“pdf”.*Unknown format "pdf"/);
  });
});

describe('relativePath', () => {
  it.each([
    ['/srv/audit/a/b.docx', '/srv/audit', 'a/b.docx'],
    ['/srv/audit/a/b.docx', '/srv/audit/', 'a/b.docx'],
    ['/srv/other/b.docx', '/srv/audit', '../other/b.docx'],
    ['C:\\audit\\科室\\表.docx', 'C:\\audit', '科室/表.docx'],
    ['c:\\Audit\\x.txt', 'C:\\audit', 'x.txt'],
    ['D:\\x.txt', 'C:\\audit', 'D:/x.txt'],
    ['./rel/x.txt', '/srv/audit', 'rel/x.txt'],
    ['/srv/audit/x.txt', undefined, '/srv/audit/x.txt'],
  ])('%s from %s → %s', (file, cwd, expected) => {
    expect(relativePath(file, cwd)).toBe(expected);
  });
});

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['指标值', 6],
    ['表3 第5行', 9],
    ['（指标值）', 10],
    ['≥98%', 4],
    ['\u001b[31m错误\u001b[39m', 4],
    ['e\u0301', 1],
  ])('%j is %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('pads to a display width', () => {
    expect(padEndToWidth('错误', 6)).toBe('错误  ');
    expect(padEndToWidth('error', 3)).toBe('error');
  });
});
