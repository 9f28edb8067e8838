/**
 * The formatters on the real engine's output: the seed linted with the recommended rules, plus a
 * read failure. Guards the contract between src/engine and src/formatters (roles, indicator
 * indexes, locations) rather than the hand-built samples alone.
 */
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { formatResults, formatNames, summarize } from '../src/formatters/index.js';
import { ruleSummaries } from '../src/index.js';
import { CWD, engineSampleResults, sampleOptions } from './helpers/sample-results.js';

const engineResults = engineSampleResults;

const options = () => sampleOptions({ rules: ruleSummaries(), cwd: CWD });

describe('formatters on real engine results', () => {
  it('renders every format', async () => {
    const results = engineResults();
    expect(results[1].messages.length).toBeGreaterThan(50);
    for (const name of formatNames) {
      const out = await formatResults(results, name, options());
      expect(out.length).toBeGreaterThan(0);
    }
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
