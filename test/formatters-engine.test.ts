/**
 * The formatters on the real engine's output: the seed linted with the recommended rules, plus a
 * read failure. Guards the contract between src/engine and src/formatters (roles, indicator
 * indexes, locations) rather than the hand-built samples alone.
 */
import * as cheerio from 'cheerio';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatResults, formatNames, summarize } from '../src/formatters/index.js';
import { ruleSummaries, type JsonReport, type LintResult } from '../src/index.js';
import { CWD, engineSampleResults, sampleOptions } from './helpers/sample-results.js';

const engineResults = engineSampleResults;

const options = () => sampleOptions({ rules: ruleSummaries(), cwd: CWD });

describe('formatters on real engine results', () => {
  /**
   * What each format says about the seed's 18 cost-value-not-amount findings (the lines they are on)
   * and whether it names the file that could not be read.
   */
  const RULE = 'cost-value-not-amount';
  const FAILED = 'submissions/损坏/残缺的文件.docx';
  const lineOf = (location: string): number => Number(/行 (\d+):/.exec(location)?.[1] ?? NaN);
  type Readout = { lines: number[]; namesFailedFile: boolean };
  const readers: Record<(typeof formatNames)[number], (out: string | Uint8Array) => Promise<Readout> | Readout> = {
    stylish: (out) => {
      const text = String(out);
      // A finding wrapped at the width continues on lines indented deeper than its first line.
      const findings = text.split('\n').reduce<string[]>((all, l) => (/^ {5,}\S/.test(l) && all.length > 0 ? [...all.slice(0, -1), `${all.at(-1)} ${l.trim()}`] : [...all, l]), []);
      return { lines: findings.filter((l) => l.trimEnd().endsWith(` ${RULE}`)).map(lineOf), namesFailedFile: text.includes(FAILED) };
    },
    compact: (out) => {
      const text = String(out);
      const lines = text.split('\n').filter((l) => l.includes(` ${RULE} `)).map((l) => Number(/^[^:]+:(\d+):\d+: /.exec(l)?.[1]));
      return { lines, namesFailedFile: text.includes(`${FAILED}:文档: 错误 fatal `) };
    },
    json: (out) => {
      const results = JSON.parse(String(out)) as LintResult[];
      return {
        lines: results.flatMap((r) => r.messages).filter((m) => m.ruleId === RULE).map((m) => m.line!),
        namesFailedFile: results.some((r) => r.filePath.endsWith(FAILED) && r.status === 'failed'),
      };
    },
    'report-json': (out) => {
      const report = JSON.parse(String(out)) as JsonReport;
      expect(report.summary.findingsByRule[RULE]).toBe(18);
      return {
        lines: report.results.flatMap((r) => r.messages).filter((m) => m.ruleId === RULE).map((m) => m.line!),
        namesFailedFile: report.results.some((r) => r.filePath.endsWith(FAILED) && r.status === 'failed'),
      };
    },
    sarif: (out) => {
      const run = JSON.parse(String(out)).runs[0];
      return {
        lines: run.results.filter((r: { ruleId: string }) => r.ruleId === RULE).map((r: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => r.locations[0]!.physicalLocation.region.startLine),
        namesFailedFile: String(out).includes(FAILED),
      };
    },
    junit: (out) => {
      const $ = cheerio.load(String(out), { xml: true });
      return { lines: $(`failure[type="${RULE}"]`).map((_, f) => lineOf($(f).attr('message') ?? '')).get(), namesFailedFile: $(`testsuite[name="${FAILED}"] error`).length === 1 };
    },
    github: (out) => {
      const text = String(out);
      const lines = text.split('\n').filter((l) => l.includes(`title=${RULE}::`)).map((l) => Number(/,line=(\d+),/.exec(l)?.[1]));
      return { lines, namesFailedFile: text.includes(`::error file=${FAILED},`) };
    },
    csv: (out) => {
      const rows = String(out).split('\r\n').filter((l) => l.includes(`,${RULE},`));
      return { lines: rows.map(lineOf), namesFailedFile: String(out).includes(`\r\n${FAILED},`) };
    },
    xlsx: async (out) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(out as Uint8Array) as never);
      const rows = workbook.getWorksheet('问题清单')!.getSheetValues().slice(2) as unknown[][];
      return { lines: rows.filter((r) => r[6] === RULE).map((r) => lineOf(String(r[5]))), namesFailedFile: rows.some((r) => r[1] === FAILED) };
    },
    html: (out) => {
      const $ = cheerio.load(String(out));
      return { lines: $(`li.finding[data-rule="${RULE}"] .loc`).map((_, el) => lineOf($(el).text())).get(), namesFailedFile: $('section.file .path').text().includes(FAILED) };
    },
  };

  it.each(formatNames)('%s carries every cost-value-not-amount finding at its line, and the failed file', async (name) => {
    const results = engineResults();
    const expected = results[1].messages.filter((m) => m.ruleId === RULE).map((m) => m.line);
    expect(expected).toHaveLength(18);
    const readout = await readers[name](await formatResults(results, name, options()));
    expect([...readout.lines].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a! - b!));
    expect(readout.namesFailedFile).toBe(true);
  });

  it('places every cell-level finding on a cell of the html table', async () => {
    const results = engineResults();
    const $ = cheerio.load(String(await formatResults(results, 'html', options())));
    const seed = results[1];
    const cellLevel = seed.messages.filter((m) => m.role && m.role !== 'document' && m.role !== 'department' && m.projectIndex != null);
    expect(cellLevel.length).toBeGreaterThan(0);
    const findings = $('#f2 li.finding');
    expect(findings.length).toBe(seed.messages.length);
    // match each list item back to its message (same location and rule), then require a cell
    const unmatched: string[] = [];
    const unplaced: string[] = [];
    findings.each((_, li) => {
      const location = $(li).find('.loc').text();
      const rule = $(li).attr('data-rule') || null;
      const message = seed.messages.find((x) => x.location === location && x.ruleId === rule);
      if (!message) unmatched.push(`${rule} ${location}`);
      else if (cellLevel.includes(message) && !$(li).attr('data-cell')) unplaced.push(`${rule} ${location}`);
    });
    expect(unmatched).toEqual([]);
    expect(unplaced).toEqual([]);
    expect($('#f2 li.finding[data-cell]').length).toBeGreaterThanOrEqual(cellLevel.length);
    // an indicator-value finding lands on the value cell of its row
    const cost = seed.messages.find((m) => m.ruleId === 'cost-value-not-amount' && m.role === 'indicator.value')!;
    const li = $(`#f2-p${cost.projectIndex} li.finding[data-rule="cost-value-not-amount"]`).first();
    const cell = $(`#${li.attr('data-cell')}`);
    expect(cell.hasClass('value')).toBe(true);
    expect(cell.text()).toContain(cost.found ?? '');
  });

  it('summarises the engine counts', () => {
    const results = engineResults();
    const summary = summarize(results);
    expect(summary.files).toMatchObject({ total: 2, ok: 1, failed: 1 });
    expect(summary.errorCount).toBe(results[0].errorCount + results[1].errorCount);
    expect(Object.values(summary.findingsByRule).reduce((a, b) => a + b, 0)).toBe(results[1].messages.filter((m) => m.ruleId).length);
  });
});
