/**
 * The upload page AS SERVED by `jxlint serve` (a real service on a free port, recording into SQLite,
 * serving this test's own page build), driven in headless Chromium (Debian's `chromium` +
 * playwright-core): under the service's Content-Security-Policy header the page, its lint worker and
 * the report frame run with no violation and no console error; the seed .docx and a text export are
 * linted in the browser with their findings drawn; the HTML, SARIF, JSON and xlsx reports download;
 * with "发送到服务器检查" a submission is recorded ONCE (the xlsx is rendered from the results, the
 * files are not posted again), a corrected resubmission shows its 整改 line and its per-project 整改 view
 * (fixed findings struck through, new and remaining ones, the history of a project by keyboard), and a garbage file gets
 * one clear line. Skipped without chromium locally; fails under CI.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTextFixes, lint, lintFailure, parseText, resolveConfig, tryParse, type LintResult } from '../src/node.js';
import type { FileResult } from '../src/serve/index.js';
import { CHROMIUM_ARGS, chromiumPath, chromiumSkipReason, inCi, warnIfSkipped } from './helpers/chromium.js';
import { root } from './serve-support.js';

warnIfSkipped('serve-page.e2e');

const SEED = join(root, 'fixtures/seed/seed.docx');
const SEED_TXT = join(root, 'fixtures/seed/seed.txt');
const GARBAGE = join(root, 'fixtures/bad/garbage.docx');
const SEED_XLSX = join(root, 'fixtures/xlsx/seed-stacked.xlsx');

async function nodeResult(file: string): Promise<LintResult> {
  const name = basename(file);
  const parsed = await tryParse(new Uint8Array(readFileSync(file)), { filePath: name });
  if (parsed.error) return lintFailure(name, parsed.error);
  return lint(parsed.document);
}

/** The seed text with the safe fixes applied (a department's corrected resubmission). */
function correctedSeedText(): string {
  const text = readFileSync(SEED_TXT, 'utf8');
  const result = lint(parseText(text, 'seed.txt'), { config: resolveConfig() });
  return applyTextFixes(text, result.messages, { safety: 'safe' }).output;
}

/** Starts the service (sources through tsx) and resolves with its address once it listens. */
function startService(pageDir: string, data: string): Promise<{ child: ChildProcess; address: string; stderr: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/serve-page-main.ts'), JSON.stringify({ pageDir, data, store: true })], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /"event":"listening","address":"([^"]+)"/.exec(stderr);
      if (m) resolve({ child, address: m[1]!, stderr: () => stderr });
    });
    child.once('exit', (code) => reject(new Error(`jxlint serve exited (${code}) before listening: ${stderr}`)));
  });
}

describe.skipIf(!chromiumPath && !inCi)(chromiumPath || inCi ? 'the upload page served by jxlint serve, in Chromium' : `the served upload page — ${chromiumSkipReason}`, () => {
  let dir: string;
  let service: { child: ChildProcess; address: string; stderr: () => string };
  let browser: Browser;
  let page: Page;
  let cspHeader = '';
  /** Console errors, page errors, CSP violations (every frame) and failed requests. */
  const problems: string[] = [];
  /** API requests the page made: method, path, content type. */
  const apiCalls: { method: string; path: string; contentType: string; body: string }[] = [];

  const api = async <T>(path: string): Promise<T> => (await fetch(`${service.address}${path}`)).json() as Promise<T>;
  const submissionsTotal = async () => (await api<{ total: number }>('/api/submissions')).total;
  const frame = () => page.frameLocator('#report');
  const upload = async (...files: string[]) => {
    await page.evaluate(() => (document.body.dataset.state = 'waiting'));
    await page.setInputFiles('#file-input', files);
    await page.waitForFunction(() => document.body.dataset.state === 'done' || document.body.dataset.state === 'error', undefined, { timeout: 120_000 });
  };
  const download = async (button: string): Promise<{ name: string; bytes: Buffer }> => {
    const [d] = (await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(button)])) as [Download, void];
    return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
  };

  beforeAll(async () => {
    if (!chromiumPath) throw new Error('chromium 未安装，无法运行服务页面端到端测试；请 apt-get install -y chromium。chromium is not installed but CI is set: install it with apt-get install -y chromium.');
    dir = mkdtempSync(join(tmpdir(), 'jxlint-served-page-'));
    // This test's own page build of the current sources (dist/ may be older or in use).
    execFileSync(process.execPath, [join(root, 'scripts/bundle-browser.mjs'), '--out', join(dir, 'build')], { stdio: 'pipe' });
    service = await startService(join(dir, 'build'), join(dir, 'data'));
    browser = await chromium.launch({ executablePath: chromiumPath!, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    // Every frame (the page, the report's srcdoc frame) reports its CSP violations.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${location.href}`));
    });
    page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) {
        apiCalls.push({ method: r.method(), path: url.pathname + url.search, contentType: r.headers()['content-type'] ?? '', body: r.postDataBuffer()?.toString('latin1') ?? '' });
      }
    });
    const response = await page.goto(`${service.address}/`);
    cspHeader = response?.headers()['content-security-policy'] ?? '';
    await page.waitForFunction(() => document.body.dataset.state === 'idle');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (service) {
      const exited = new Promise((resolve) => service.child.once('exit', resolve));
      service.child.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is served with the service’s CSP header: the page script and the report script by hash, workers from blob:', () => {
    expect(cspHeader).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+'){2}/);
    expect(cspHeader).toContain("worker-src 'self' blob:");
    expect(cspHeader).not.toContain('upgrade-insecure-requests'); // the page calls its own http:// origin
    expect(cspHeader).not.toContain("'unsafe-inline' 'self'");
  });

  it('says which formats it takes', async () => {
    const accept = (await page.getAttribute('#file-input', 'accept'))!.split(',');
    expect(accept).toEqual(expect.arrayContaining(['.docx', '.xlsx', '.xlsm', '.txt', '.html', '.doc']));
    expect(await page.textContent('#formats')).toMatch(/Word（\.docx）、Excel（\.xlsx）、文本（\.txt）和网页（\.html）.*Word 97–2003（\.doc）/);
  });

  it('lints the seed .docx in the browser: 18 projects drawn as the form, the cost findings, the filters work', async () => {
    await upload(SEED);
    expect(await page.textContent('#status')).toContain('18 个项目');
    expect(await page.locator('#errors').isHidden()).toBe(true);
    await expect(frame().locator('details.project').count()).resolves.toBe(18);
    const cost = frame().locator('li.finding[data-rule="cost-value-not-amount"]');
    await expect(cost.count()).resolves.toBe(18);
    const cellId = await cost.first().getAttribute('data-cell');
    await expect(frame().locator(`[id="${cellId}"]`).getAttribute('class')).resolves.toMatch(/\bhl-error\b/);
    // The report's own script (allowed by its hash) runs the rule filter.
    const visible = frame().locator('li.finding:visible');
    await frame().locator('#rule-filter').selectOption('cost-value-not-amount');
    await expect(visible.count()).resolves.toBe(18);
    await frame().locator('#rule-filter').selectOption('*');
    await expect(visible.count()).resolves.toBe((await nodeResult(SEED)).messages.length);
    expect(apiCalls).toEqual([]); // linted in the browser: nothing was sent
  }, 180_000);

  it('lints a text export in the browser, with the same findings as Node', async () => {
    await upload(SEED_TXT);
    const node = await nodeResult(SEED_TXT);
    expect(await page.textContent('#status')).toContain(`${node.projects.length} 个项目`);
    await expect(frame().locator('li.finding').count()).resolves.toBe(node.messages.length);
    expect(apiCalls).toEqual([]);
  }, 180_000);

  it('lints an Excel workbook (.xlsx) in the browser: the seed\'s 18 projects and cost findings', async () => {
    await upload(SEED_XLSX);
    const node = await nodeResult(SEED_XLSX);
    expect(node.projects).toHaveLength(18);
    expect(await page.textContent('#status')).toContain('18 个项目');
    expect(await page.locator('#errors').isHidden()).toBe(true);
    await expect(frame().locator('li.finding').count()).resolves.toBe(node.messages.length);
    await expect(frame().locator('li.finding[data-rule="cost-value-not-amount"]').count()).resolves.toBe(18);
    expect(apiCalls).toEqual([]);
  }, 180_000);

  it('downloads HTML, SARIF and JSON from the browser, and the xlsx rendered by the service from the findings (no file sent, nothing recorded)', async () => {
    await upload(SEED_TXT);
    const node = await nodeResult(SEED_TXT);
    const html = await download('#download-html');
    expect(html.name).toMatch(/\.html$/);
    expect(html.bytes.toString('utf8').match(/class="finding/g)?.length).toBeGreaterThanOrEqual(node.messages.length);
    const sarif = await download('#download-sarif');
    expect((JSON.parse(sarif.bytes.toString('utf8')) as { runs: { results: unknown[] }[] }).runs[0]!.results).toHaveLength(node.messages.length);
    const json = await download('#download-json');
    expect((JSON.parse(json.bytes.toString('utf8')) as LintResult[])[0]!.messages).toHaveLength(node.messages.length);

    const xlsx = await download('#download-xlsx');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet('问题清单')!.actualRowCount - 1).toBe(node.messages.length);
    expect(apiCalls.map((c) => `${c.method} ${c.path} ${c.contentType}`)).toEqual(['POST /api/report?format=xlsx application/json']);
    const posted = JSON.parse(apiCalls[0]!.body) as Record<string, unknown>[];
    expect(posted.map((r) => [r.filePath, 'document' in r])).toEqual([['seed.txt', false]]); // the findings, not the document
    expect(await submissionsTotal()).toBe(0);
  }, 180_000);

  let first: FileResult;
  let second: FileResult;
  it('发送到服务器检查: the seed .docx is linted by the service and recorded once, the xlsx download records nothing more', async () => {
    apiCalls.length = 0;
    await page.check('#use-server');
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/lint'));
    await upload(SEED);
    first = ((await (await answered).json()) as FileResult[])[0]!;
    expect(first.submissionId).toBeGreaterThan(0);
    expect(await page.textContent('#status')).toContain('18 个项目');
    await expect(frame().locator('li.finding[data-rule="cost-value-not-amount"]').count()).resolves.toBe(18);
    expect(await page.locator('#changes').isHidden()).toBe(true); // first submission: no history
    expect(await page.locator('#rectification').isHidden()).toBe(true);

    const xlsx = await download('#download-xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet('问题清单')!.actualRowCount - 1).toBe(first.messages.length);
    expect(apiCalls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/lint', 'POST /api/report?format=xlsx']);
    // One submission, stored once.
    const list = await api<{ total: number; items: { id: number; fileName: string }[] }>('/api/submissions');
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: first.submissionId, fileName: 'seed.docx' });
  }, 180_000);

  it('a corrected resubmission: the page shows what was fixed since the last submission', async () => {
    const corrected = join(dir, 'seed-整改.txt');
    writeFileSync(corrected, correctedSeedText());
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/lint'));
    await upload(corrected);
    second = ((await (await answered).json()) as FileResult[])[0]!;
    const changes = second.changes!;
    expect(changes.fixed).toBeGreaterThan(0);
    expect(changes.projects.every((p) => p.previousSubmission === first.submissionId)).toBe(true);
    expect(await page.textContent('#changes')).toBe(`自上次提交以来：已修复 ${changes.fixed} 处，新增 ${changes.new} 处，仍有 ${changes.remaining} 处`);
    expect(await submissionsTotal()).toBe(2);
  }, 180_000);

  it('the 整改 view: per project, the fixed findings struck through and marked 已整改, the new and the remaining ones, with rule, cell and message', async () => {
    const view = page.locator('#rectification');
    expect(await view.isVisible()).toBe(true);
    const projects = view.locator('details.rect-project');
    expect(await projects.count()).toBe(second.changes!.projects.length);
    expect(second.changes!.projects.length).toBe(18);
    // Every project of the answer, in its order, with its counts in the summary and one row per finding.
    const shown = await projects.evaluateAll((nodes) =>
      nodes.map((d) => {
        const rows = (kind: string) => d.querySelectorAll(`tr.rect-finding.${kind}`).length;
        return { code: (d as HTMLElement).dataset.code, fixed: rows('fixed'), new: rows('new'), remaining: rows('remaining'), summary: d.querySelector('summary')!.textContent };
      }),
    );
    expect(shown).toEqual(
      second.changes!.projects.map((p) => ({
        code: p.code,
        fixed: p.fixed.length,
        new: p.new.length,
        remaining: p.remaining.length,
        summary: expect.stringContaining(`已整改 ${p.fixed.length} 处，新增 ${p.new.length} 处，仍有 ${p.remaining.length} 处`),
      })),
    );
    // The fixed ones: rule, cell and message struck through, the row says 已整改.
    const withFixes = second.changes!.projects.find((p) => p.fixed.length > 0)!;
    const block = view.locator(`details.rect-project[data-code="${withFixes.code}"]`);
    expect(await block.getAttribute('open')).not.toBeNull(); // a project with fixes is unfolded
    const fixedRows = await block.locator('tr.rect-finding.fixed').evaluateAll((rows) =>
      rows.map((r) => ({ kind: r.querySelector('.kind')!.textContent, rule: r.querySelector('.rule del')?.textContent, cell: r.querySelector('.cell del')?.textContent, message: r.querySelector('.message del')?.textContent })),
    );
    expect(fixedRows).toEqual(withFixes.fixed.map((f) => ({ kind: '已整改', rule: f.ruleId, cell: f.location, message: f.message })));
    const struck = await block.locator('tr.rect-finding.fixed .message del').first().evaluate((d) => getComputedStyle(d).textDecorationLine);
    expect(struck).toContain('line-through');
    // Remaining and new ones are not struck through.
    expect(await view.locator('tr.rect-finding.remaining del, tr.rect-finding.new del').count()).toBe(0);
    expect(await view.locator('tr.rect-finding.fixed').count()).toBe(second.changes!.fixed);
    expect(await view.locator('tr.rect-finding.new').count()).toBe(second.changes!.new);
    expect(await view.locator('tr.rect-finding.remaining').count()).toBe(second.changes!.remaining);
  });

  it('the 整改 view by keyboard: a project unfolds with Enter, and its history (earlier submissions) opens from its button', async () => {
    const unchanged = second.changes!.projects.find((p) => p.fixed.length + p.new.length === 0);
    if (unchanged) {
      const summary = page.locator(`details.rect-project[data-code="${unchanged.code}"] > summary`);
      await summary.focus();
      await page.keyboard.press('Enter');
      expect(await page.locator(`details.rect-project[data-code="${unchanged.code}"]`).getAttribute('open')).not.toBeNull();
    }
    const withFixes = second.changes!.projects.find((p) => p.fixed.length > 0)!;
    const block = page.locator(`details.rect-project[data-code="${withFixes.code}"]`);
    const button = block.locator('button.rect-history-button');
    await button.focus();
    const answered = page.waitForResponse((r) => r.url().endsWith(`/api/projects/${encodeURIComponent(withFixes.code)}/history`));
    await page.keyboard.press('Enter');
    expect((await answered).status()).toBe(200);
    const rows = block.locator('tr.rect-history-entry');
    await rows.nth(1).waitFor();
    expect(await rows.evaluateAll((r) => r.map((x) => [Number((x as HTMLElement).dataset.submission), x.lastElementChild!.textContent]))).toEqual([
      [first.submissionId, '上次'],
      [second.submissionId, '本次'],
    ]);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await rows.count()).toBe(0);
  });

  it('a garbage file sent to the service: one clear line, recorded as unreadable', async () => {
    await upload(GARBAGE);
    const lines = await page.locator('#errors li').allTextContents();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^无法读取 garbage\.docx：文件不是可识别的/);
    expect(lines[0]).not.toMatch(/\bat \w|Error:/);
    const list = await api<{ total: number; items: { status: string }[] }>('/api/submissions');
    expect([list.total, list.items[0]!.status]).toEqual([3, 'unreadable']);
    expect(await page.locator('#rectification').isHidden()).toBe(true);
  }, 180_000);

  it('an Excel workbook sent to the service: read, recorded, compared with the projects\' earlier submissions', async () => {
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/lint'));
    await upload(SEED_XLSX);
    const result = ((await (await answered).json()) as FileResult[])[0]!;
    expect([result.status, result.format, result.projects.length]).toEqual(['problems', 'xlsx', 18]);
    expect(await page.textContent('#status')).toContain('18 个项目');
    expect(result.changes!.projects).toHaveLength(18);
    expect(await page.textContent('#changes')).toBe(`自上次提交以来：已修复 ${result.changes!.fixed} 处，新增 ${result.changes!.new} 处，仍有 ${result.changes!.remaining} 处`);
    expect(await page.locator('#rectification details.rect-project').count()).toBe(18);
    expect(await page.locator('#rectification tr.rect-finding.fixed').count()).toBe(result.changes!.fixed);
    expect(await submissionsTotal()).toBe(4);
    await page.uncheck('#use-server');
  }, 180_000);

  it('nothing was blocked by the CSP, and no script error or failed request on the way', () => {
    // Chromium logs the service's 422 for the garbage file (no file could be read) as a failed load.
    const expected = /Failed to load resource: the server responded with a status of 422/;
    expect(problems.filter((p) => expected.test(p))).toHaveLength(1);
    expect(problems.filter((p) => !expected.test(p))).toEqual([]);
  });
});
