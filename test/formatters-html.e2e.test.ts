/**
 * End-to-end: the html report in headless Chromium (Debian's `chromium`, driven by playwright-core).
 * Without chromium the test is skipped locally and fails in CI (`CI` set), where .ci/run installs it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, chromiumSkipReason, inCi, warnIfSkipped } from './helpers/chromium.js';
import { formatResults } from '../src/formatters/index.js';
import { sampleOptions, sampleResults } from './helpers/sample-results.js';

const executablePath = chromiumPath;
const skipReason = chromiumSkipReason;
warnIfSkipped('formatters-html.e2e');

describe.skipIf(!executablePath && !inCi)(executablePath || inCi ? 'html report in Chromium' : `html report in Chromium — ${skipReason}`, () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    if (!executablePath) {
      throw new Error('chromium 未安装，无法运行 HTML 报告端到端测试；请 apt-get install -y chromium。chromium is not installed but CI is set: install it with apt-get install -y chromium.');
    }
    dir = mkdtempSync(join(tmpdir(), 'jxlint-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, String(await formatResults(sampleResults().results, 'html', sampleOptions())));
    browser = await chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('request', (r) => void (r.url().startsWith('file:') || requests.push(r.url())));
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const visibleFindings = () => page.locator('li.finding:visible');

  it('loads without script errors, network requests or executed payloads', async () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('renders the findings', async () => {
    const { results } = sampleResults();
    const total = results.reduce((n, r) => n + r.messages.filter((m) => !m.fatal).length, 0);
    expect(await visibleFindings().count()).toBe(total);
    await expect(page.locator('#shown-count').textContent()).resolves.toBe(`显示 ${total} / ${total} 个问题`);
    await expect(page.locator('#f4-p1 li.finding[data-rule="cost-value-not-amount"] .msg').textContent()).resolves.toContain('不是金额');
  });

  it('highlights a faulty cell', async () => {
    const id = await page.locator('#f4-p1 li.finding[data-rule="cost-value-not-amount"]').getAttribute('data-cell');
    const cell = page.locator(`#${id}`);
    await expect(cell.getAttribute('class')).resolves.toContain('hl-error');
    const background = await cell.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(253, 236, 234)');
    expect(await cell.locator('a.mark:visible').count()).toBe(1);
    await page.locator('#f4-p1').screenshot({ path: join(tmpdir(), 'jxlint-html-project.png') });
  });

  it('hides findings and highlights of an unchecked severity', async () => {
    const costCell = page.locator(`#${await page.locator('#f4-p1 li.finding[data-rule="cost-value-not-amount"]').getAttribute('data-cell')}`);
    const errorCount = await page.locator('li.finding[data-sev="error"]').count();
    const total = await page.locator('li.finding').count();
    await page.locator('input[name=severity][value=error]').uncheck();
    expect(await page.locator('li.finding[data-sev="error"]:visible').count()).toBe(0);
    expect(await visibleFindings().count()).toBe(total - errorCount);
    await expect(costCell.getAttribute('class')).resolves.not.toContain('hl-error');
    expect(await costCell.locator('a.mark:visible').count()).toBe(0);
    // a whole-table error outline goes too
    await expect(page.locator('#f6-p2 table.jx').getAttribute('class')).resolves.not.toContain('table-hl-error');
    await expect(page.locator('#shown-count').textContent()).resolves.toBe(`显示 ${total - errorCount} / ${total} 个问题`);
    await page.locator('input[name=severity][value=error]').check();
    await expect(costCell.getAttribute('class')).resolves.toContain('hl-error');
  });

  it('shows only the selected rule', async () => {
    await page.locator('#rule-filter').selectOption('spend-plan-incomplete');
    const visible = await visibleFindings().evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.rule));
    expect(visible.length).toBeGreaterThan(0);
    expect(new Set(visible)).toEqual(new Set(['spend-plan-incomplete']));
    const costCell = page.locator(`#${await page.locator('#f4-p1 li.finding[data-rule="cost-value-not-amount"]').getAttribute('data-cell')}`);
    await expect(costCell.getAttribute('class')).resolves.not.toMatch(/hl-/);
    const spendCell = page.locator(`#${await page.locator('#f4-p1 li.finding[data-rule="spend-plan-incomplete"]').getAttribute('data-cell')}`);
    await expect(spendCell.getAttribute('class')).resolves.toContain('hl-warning');
    // hide projects with nothing left to show
    await page.locator('#only-matching').check();
    expect(await page.locator('#f6-p1').isVisible()).toBe(false);
    expect(await page.locator('#f4-p1').isVisible()).toBe(true);
    await page.locator('#only-matching').uncheck();
    await page.locator('#rule-filter').selectOption('*');
    await page.screenshot({ path: join(tmpdir(), 'jxlint-html-top.png') });
  });
});
