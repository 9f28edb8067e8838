/**
 * End-to-end: the batch html report (index + document pages) in headless Chromium — the index
 * paints, its charts render, its links open the document pages and lead back. Skipped locally
 * without chromium, fails in CI (`CI` set), as test/formatters-html.e2e.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, inCi, warnIfSkipped } from './helpers/chromium.js';
import { writeReports } from '../src/node.js';
import { CWD, sampleResults } from './helpers/sample-results.js';

const executablePath = chromiumPath;
warnIfSkipped('formatters-html-batch.e2e');

describe.skipIf(!executablePath && !inCi)('batch html report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  let indexUrl: string;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    if (!executablePath) throw new Error('chromium 未安装，无法运行 HTML 报告端到端测试；请 apt-get install -y chromium。chromium is not installed but CI is set.');
    dir = mkdtempSync(join(tmpdir(), 'jxlint-html-batch-e2e-'));
    const index = join(dir, '报告.html');
    await writeReports(sampleResults().results, [{ format: 'html', file: index }], { cwd: CWD, generatedAt: '2026-01-15T08:30:00.000Z' });
    indexUrl = pathToFileURL(index).href;
    browser = await chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('request', (r) => void (r.url().startsWith('file:') || requests.push(r.url())));
    await page.goto(indexUrl);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('paints the index (a first contentful paint is recorded)', async () => {
    // Headless Chromium records the paint entries once a frame is produced: wait for them.
    const paints = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const names = () => performance.getEntriesByType('paint').map((e) => e.name);
          if (names().includes('first-contentful-paint')) return resolve(names());
          new PerformanceObserver(() => names().includes('first-contentful-paint') && resolve(names())).observe({ type: 'paint', buffered: true });
          setTimeout(() => resolve(names()), 5000);
        }),
    );
    expect(paints).toContain('first-contentful-paint');
    expect(await page.locator('.cards .card').first().isVisible()).toBe(true);
  });

  it('draws the charts: one bar per rule and per agency with findings', async () => {
    const charts = page.locator('svg.chart');
    expect(await charts.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const box = await charts.nth(i).boundingBox();
      expect(box && box.width > 200 && box.height > 20).toBe(true);
      const widths = await charts.nth(i).locator('rect').evaluateAll((rects) => rects.map((r) => (r as SVGRectElement).getBBox().width));
      expect(widths.length).toBeGreaterThan(0);
      expect(widths.every((w) => w > 0)).toBe(true);
    }
    const ruleRows = await page.locator('#by-rule tbody tr').count();
    expect(await charts.nth(0).locator('g').count()).toBe(Math.min(15, ruleRows));
  });

  it('opens each document page from the file list, and leads back to the index', async () => {
    const hrefs = await page.locator('#file-list a.doc-link').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBe(sampleResults().results.filter((r) => r.status === 'ok').length);
    for (const href of hrefs) {
      await page.goto(indexUrl);
      await page.locator(`#file-list a.doc-link[href="${href.slice(href.lastIndexOf('/', href.lastIndexOf('/') - 1) + 1)}"]`).click();
      await page.waitForURL(href);
      expect(await page.locator('section.file').count()).toBe(1);
      await page.locator('a.back').click();
      await page.waitForURL(indexUrl);
      expect(await page.locator('#file-list').isVisible()).toBe(true);
    }
  });

  it('runs the filters on a document page', async () => {
    await page.goto(indexUrl);
    await page.locator('#file-list a.doc-link', { hasText: '2021年项目绩效目标.docx' }).click();
    await page.waitForLoadState('load');
    const findings = page.locator('li.finding');
    const total = await findings.count();
    expect(total).toBeGreaterThan(0);
    await page.locator('input[name=severity][value=error]').uncheck();
    await page.locator('input[name=severity][value=warning]').uncheck();
    await page.locator('input[name=severity][value=info]').uncheck();
    expect(await page.locator('li.finding:not([hidden])').count()).toBe(0);
  });

  it('loads nothing from the network and logs no errors', () => {
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
