/**
 * The html report of a batch (index + one page per document) and `--split-by agency`, written
 * through the Node API's writeReports as the CLI writes them.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitByAgency, summarize } from '../src/index.js';
import { writeReports } from '../src/node.js';
import { documentPage, documentPageName, HtmlBatchReport } from '../src/formatters/html/index.js';
import { CWD, DOC_FILE, FAILED_FILE, TEXT_FILE, WORD_AGENCY, WORD_FILE, sampleOptions, sampleResults } from './helpers/sample-results.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jxlint-html-batch-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = { cwd: CWD, generatedAt: '2026-01-15T08:30:00.000Z', rulesDocsBaseUrl: 'https://docs.example.org/jxlint/rules/' };

describe('html report of a batch', () => {
  it.each([
    ['a file name', '报告.html', '报告.html', '报告.files', '../%E6%8A%A5%E5%91%8A.html'],
    ['a folder', 'out/', 'out/index.html', 'out/files', '../index.html'],
  ])('-o %s: an index and one page per readable document', async (_, output, index, pages, backHref) => {
    const { results } = sampleResults();
    await writeReports(results, [{ format: 'html', file: path.join(dir, output) }], options);
    const indexHtml = readFileSync(path.join(dir, index), 'utf8');
    const $ = cheerio.load(indexHtml);
    // The index loads nothing and runs nothing.
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toContain("script-src 'none'");
    expect($('script')).toHaveLength(0);
    expect($('link[rel=stylesheet], img[src^=http]')).toHaveLength(0);
    // One page per readable file, linked from the file list; unreadable and skipped files have none.
    const readable = results.filter((r) => r.status === 'ok');
    const written = readdirSync(path.join(dir, pages)).sort();
    expect(written).toEqual(readable.map((r) => documentPageName(r.filePath, results.indexOf(r))).sort());
    const links = $('#file-list a.doc-link').map((_, a) => $(a).attr('href')).get();
    expect(links).toHaveLength(readable.length);
    for (const href of links) expect(existsSync(path.join(dir, path.dirname(index), decodeURIComponent(href)))).toBe(true);
    expect($('#file-list tbody tr')).toHaveLength(results.length);
    expect($('#file-list .fatal-line').text()).toContain('Word');
    // The summary: per rule (every rule with findings), per agency, and the charts.
    const summary = summarize(results);
    expect($('#by-rule tbody tr')).toHaveLength(Object.keys(summary.findingsByRule).length);
    expect($('#by-agency tbody tr')).toHaveLength(summary.agencies.length);
    expect($('svg.chart')).toHaveLength(2);
    expect($('svg.chart rect').length).toBeGreaterThan(0);
    // A document page: its tables and findings, a link back to the index.
    const wordPage = cheerio.load(readFileSync(path.join(dir, pages, documentPageName(WORD_FILE, results.findIndex((r) => r.filePath === WORD_FILE))), 'utf8'));
    expect(wordPage('a.back').attr('href')).toBe(backHref);
    expect(wordPage('table.jx').length).toBeGreaterThan(0);
    expect(wordPage('li.finding')).toHaveLength(results.find((r) => r.filePath === WORD_FILE)!.messages.length);
  });

  it('gives each document page as chunks — its head, then a project at a time — that join to the page', () => {
    const report = new HtmlBatchReport(sampleOptions(), 'r.files', '../r.html');
    for (const [index, result] of sampleResults().results.entries()) {
      const page = report.add(result);
      if (result.status !== 'ok') {
        expect(page).toBeNull();
        continue;
      }
      const chunks = [...page!.html];
      const whole = documentPage(result, index, sampleOptions(), '../r.html');
      expect(chunks.join('')).toBe(whole);
      expect([...page!.html].join('')).toBe(whole); // iterable again (a retried write)
      // Never one string: the head, a chunk per drawn project (and per listed one), the tail.
      const projects = result.document?.projects.length ?? 0;
      expect(chunks.length).toBeGreaterThanOrEqual(3 + projects);
      expect(chunks.filter((c) => c.includes('<details class="project')).every((c) => c.split('<details class="project').length === 2)).toBe(true);
    }
  });

  it('a run of one file stays one self-contained page', async () => {
    const { text } = sampleResults();
    const file = path.join(dir, 'one/report.html');
    await writeReports([text], [{ format: 'html', file }], options);
    expect(readdirSync(path.join(dir, 'one'))).toEqual(['report.html']);
    const $ = cheerio.load(readFileSync(file, 'utf8'));
    expect($('script')).toHaveLength(1);
    expect($('table.jx').length).toBeGreaterThan(0);
  });

  it('removes the pages of an earlier, larger run from the pages folder', async () => {
    const { results } = sampleResults();
    const file = path.join(dir, 'again/report.html');
    await writeReports(results, [{ format: 'html', file }], options);
    await writeReports(results.filter((r) => r.filePath !== TEXT_FILE), [{ format: 'html', file }], options);
    const pages = readdirSync(path.join(dir, 'again/report.files'));
    expect(pages.some((p) => p.includes('seed-rows'))).toBe(false);
    expect(pages.length).toBe(results.filter((r) => r.status === 'ok').length - 1);
  });

  it('shows the time in the time zone asked for', async () => {
    const { results } = sampleResults();
    const file = path.join(dir, 'tz/report.html');
    await writeReports(results, [{ format: 'html', file }], { ...options, timeZone: 'UTC' });
    expect(readFileSync(file, 'utf8')).toContain('2026-01-15 08:30:00 (UTC)');
    await writeReports(results, [{ format: 'html', file }], options);
    expect(readFileSync(file, 'utf8')).toContain('2026-01-15 16:30:00 (Asia/Shanghai)');
  });
});

describe('--split-by agency', () => {
  const agencies = () => summarize(sampleResults().results).agencies.map((a) => a.agency);

  it('cuts a result into one part per agency, counts redone', () => {
    const { text, word, failed } = sampleResults();
    const mixed = { ...word, projects: [...word.projects, ...text.projects], messages: [...word.messages, ...text.messages] };
    mixed.errorCount = word.errorCount + text.errorCount;
    const parts = splitByAgency(mixed);
    // Each project's agency, and null for the document-level findings of a file with two agencies.
    expect(parts.map((p) => p.agency)).toEqual(expect.arrayContaining([...new Set([...text.projects, ...word.projects].map((p) => p.agency))]));
    const unnamed = parts.find((p) => p.agency === null);
    expect(unnamed?.result.messages.every((m) => m.projectIndex == null)).toBe(true);
    for (const part of parts.filter((p) => p.agency !== null)) {
      expect(part.result.messages.length).toBeGreaterThan(0);
      expect(part.result.errorCount).toBe(part.result.messages.filter((m) => m.severity === 2).length);
      expect(part.result.projects.every((p) => p.agency === part.agency)).toBe(true);
    }
    expect(parts.reduce((n, p) => n + p.result.messages.length, 0)).toBe(mixed.messages.length);
    expect(splitByAgency(failed)).toEqual([{ agency: null, result: failed }]);
  });

  it('writes one csv, xlsx and html report per agency, each with only its findings', async () => {
    const { results } = sampleResults();
    await writeReports(
      results,
      [
        { format: 'csv', file: path.join(dir, 'split-csv/') },
        { format: 'xlsx', file: path.join(dir, 'split-xlsx/问题.xlsx') },
        { format: 'html', file: path.join(dir, 'split-html/') },
        { format: 'json', file: path.join(dir, 'split-json/all.json') },
      ],
      { ...options, splitBy: 'agency' },
    );
    // Unreadable and skipped files name no agency: they go to 未注明预算单位.
    const stems = [...agencies().map((a) => a ?? '未注明预算单位'), '未注明预算单位'];
    expect(readdirSync(path.join(dir, 'split-csv')).sort()).toEqual(stems.map((s) => `${s}.csv`).sort());
    expect(readdirSync(path.join(dir, 'split-xlsx')).sort()).toEqual(stems.map((s) => `问题-${s}.xlsx`).sort());
    expect(readdirSync(path.join(dir, 'split-html')).filter((f) => f.endsWith('.html')).sort()).toEqual(stems.map((s) => `${s}.html`).sort());
    // json is not split.
    expect(readdirSync(path.join(dir, 'split-json'))).toEqual(['all.json']);

    const summary = summarize(results);
    for (const agency of [...summary.agencies, { agency: null, findings: 0 }]) {
      const stem = agency.agency ?? '未注明预算单位';
      const csvRows = readFileSync(path.join(dir, 'split-csv', `${stem}.csv`), 'utf8').trim().split('\r\n').slice(1);
      const failedRows = agency.agency === null ? summary.failedFiles.length : 0;
      expect(csvRows).toHaveLength(agency.findings + failedRows);
      if (agency.agency) expect(csvRows.every((row) => row.includes(agency.agency!))).toBe(true);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path.join(dir, 'split-xlsx', `问题-${stem}.xlsx`));
      expect(book.getWorksheet('问题清单')!.rowCount).toBe(1 + agency.findings + failedRows);
    }
    const word = readFileSync(path.join(dir, 'split-html', `${WORD_AGENCY}.html`), 'utf8');
    expect(word).toContain('2021年项目绩效目标.docx');
    expect(word).not.toContain('seed-rows.txt');
    expect(readFileSync(path.join(dir, 'split-csv', '未注明预算单位.csv'), 'utf8')).toContain(path.basename(FAILED_FILE));
    expect(readFileSync(path.join(dir, 'split-csv', '316007南堡开发区民政局.csv'), 'utf8')).toContain(path.basename(DOC_FILE));
  });

  it('needs -o for a split report', async () => {
    await expect(writeReports(sampleResults().results, [{ format: 'csv' }], { ...options, splitBy: 'agency' })).rejects.toThrow(/--split-by/);
  });
});
