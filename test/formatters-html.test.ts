import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../src/formatters/html/index.js';
import { formatResults } from '../src/formatters/index.js';
import { XSS_NAME, XSS_PURPOSE, sampleOptions, sampleResults } from './helpers/sample-results.js';

async function html(overrides = {}) {
  return String(await formatResults(sampleResults().results, 'html', sampleOptions(overrides)));
}

describe('html report (static)', () => {
  it('is self-contained: inline CSS and JS, no network, a CSP that forbids loading', async () => {
    const out = await html();
    const $ = cheerio.load(out);
    expect($('link').length).toBe(0);
    expect($('script[src]').length).toBe(0);
    expect($('img, iframe, object, embed').length).toBe(0);
    expect(out).not.toMatch(/@import|url\(|@font-face/);
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toMatch(/default-src 'none'/);
    // the only absolute URLs are links to the rule docs
    const hrefs = $('a[href]').map((_, a) => $(a).attr('href')).get();
    for (const href of hrefs) expect(href).toMatch(/^(#|https:\/\/github\.com\/jxlint\/jxlint\/blob\/main\/docs\/rules\/)/);
  });

  it('escapes document text and messages (XSS)', async () => {
    const out = await html();
    expect(out).not.toContain(XSS_NAME);
    expect(out).not.toContain(XSS_PURPOSE);
    expect(out).not.toContain('<b>请补上</b>');
    const $ = cheerio.load(out);
    expect($('script').length).toBe(1);
    expect($('#f6-p2 h3').text()).toContain(XSS_NAME);
    expect($('#f6-p2 table.jx').text()).toContain(XSS_PURPOSE);
    expect(escapeHtml(`<a href="x" onclick='y'>\``)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&#96;');
  });

  it('renders every finding once', async () => {
    const { results } = sampleResults();
    const $ = cheerio.load(await html());
    expect($('li.finding').length).toBe(results.reduce((n, r) => n + r.messages.filter((m) => !m.fatal).length, 0));
    expect($('.fatal').text()).toContain('不是有效的 Word 文档');
  });

  it('draws each project as its table and highlights the faulty cells', async () => {
    const $ = cheerio.load(await html());
    const project = $('#f4-p1'); // seed-rows.txt, project 1
    expect(project.find('th.title').text()).toContain('1、城乡居民养老保险区财政补贴绩效目标表');
    expect(project.find('table.jx').text()).toContain('316-1201-JBN-WMEB');
    expect(project.find('table.inner th').map((_, th) => $(th).text()).get()).toEqual(['3月底', '6月底', '10月底', '12月底']);
    // 一级 merged down like the document: 产出指标 spans its four rows
    expect(project.find('td.level1').first().attr('rowspan')).toBe('4');
    // the cost value cell (4th indicator row) is highlighted as an error and points at its finding
    const finding = project.find('li.finding[data-rule="cost-value-not-amount"]');
    const cell = $(`#${finding.attr('data-cell')}`);
    expect(cell.is('td.value')).toBe(true);
    expect(cell.hasClass('hl-error')).toBe(true);
    expect(cell.text()).toContain('≥98%');
    expect(cell.attr('data-findings')).toContain(finding.attr('id'));
    // the spend plan (warning only) is highlighted as a warning
    const spend = $(`#${project.find('li.finding[data-rule="spend-plan-incomplete"]').attr('data-cell')}`);
    expect(spend.hasClass('spend') && spend.hasClass('hl-warning')).toBe(true);
  });

  it.each([
    ['budget-sum-mismatch', 'td', '120.00'],
    ['goal-describes-input-or-payment', 'td', '大学生见习费及办公费'], // no role: matched by origin
    ['process-metric-as-benefit', 'tr', '节约经费'], // a whole indicator row
    ['missing-level1-category', 'table', '316-2102-CZJ-X<1>'], // the whole table
  ])('places a Word-origin %s finding on the right %s', async (rule, tag, text) => {
    const $ = cheerio.load(await html());
    const finding = $(`#f6 li.finding[data-rule="${rule}"]`);
    const target = $(`#${finding.attr('data-cell')}`);
    expect(target.prop('tagName')?.toLowerCase()).toBe(tag);
    expect(target.text()).toContain(text);
  });

  it('falls back to a finding list when the document is not kept', async () => {
    const $ = cheerio.load(await html());
    const file = $('#f3'); // 救助资金.doc
    expect(file.find('table.jx').length).toBe(0);
    expect(file.find('li.finding').length).toBe(2);
    expect(file.find('h3').text()).toContain('316-3301-MZJ-J9X2');
  });

  it('lists every file with its status, and the summary per rule and agency', async () => {
    const $ = cheerio.load(await html());
    const rows = $('#file-list tbody tr');
    expect(rows.length).toBe(6);
    expect(rows.filter('.status-failed').text()).toContain('无法读取');
    expect(rows.filter('.status-skipped').text()).toContain('已跳过');
    expect($('.breakdown').text()).toContain('316005南堡开发区财政局');
    expect($('#rule-filter option').map((_, o) => $(o).attr('value')).get()).toContain('cost-value-not-amount');
  });

  it('speaks English with locale en', async () => {
    const $ = cheerio.load(await html({ locale: 'en' }));
    expect($('html').attr('lang')).toBe('en');
    expect($('h1').text()).toBe('jxlint report on performance-target tables');
    expect($('.sev-toggle').text()).toContain('Errors');
  });
});
