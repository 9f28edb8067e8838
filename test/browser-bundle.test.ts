/**
 * The browser build (scripts/bundle-browser.mjs): the lint core stays within 500 kB gzipped, the
 * page is one self-contained file (no external assets, the worker inline, a CSP), the Node-only
 * readers and exceljs are left out, and `jxlint page -o FILE` writes the built page.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/program.js';
import { REPORT_SCRIPT } from '../src/formatters/html/script.generated.js';
import type { CliIO } from '../src/cli/io.js';

let dir: string;
let html: string;
let worker: string;
let size: { workerBytes: number; workerGzipBytes: number; pageBytes: number; pageGzipBytes: number };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jxlint-browser-'));
  // The size line goes to stderr, so that `npm pack --json` (which runs the build) keeps a clean stdout.
  const run = spawnSync(process.execPath, ['scripts/bundle-browser.mjs', '--out', join(dir, 'build')], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout).toBe('');
  const printed = run.stderr;
  expect(printed).toMatch(/core [\d.]+ kB \([\d.]+ kB gzipped\)/);
  html = readFileSync(join(dir, 'build', 'index.html'), 'utf8');
  worker = readFileSync(join(dir, 'build', 'jxlint-worker.js'), 'utf8');
  size = JSON.parse(readFileSync(join(dir, 'build', 'size.json'), 'utf8')) as typeof size;
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('browser bundle', () => {
  it('keeps the core within 500 kB gzipped', () => {
    console.log(`browser core: ${size.workerBytes} B, ${size.workerGzipBytes} B gzipped; page ${size.pageGzipBytes} B gzipped`);
    expect(size.workerGzipBytes).toBeGreaterThan(50_000);
    expect(size.workerGzipBytes).toBeLessThanOrEqual(500_000);
  });

  it('leaves out the Node-only readers and exceljs', () => {
    expect(worker).not.toMatch(/word-extractor|exceljs|ExcelJS|mammoth\.convertToHtml|node:buffer|require\("fs"\)/);
    // The stub that stands in for them says what to do instead.
    expect(worker).toContain('发送到服务器检查');
  });

  it('is one self-contained page: no external assets, a CSP, the worker inline', () => {
    expect(html).not.toMatch(/<(?:script|img|iframe|link)\b[^>]*\b(?:src|href)=/i);
    expect(html).not.toMatch(/\/\*(?:WORKER_SCRIPT|PAGE_SCRIPT|PAGE_STYLE|JXLINT_VERSION)\*\//);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*worker-src blob:/);
    expect(html).toContain('<script type="text/js-worker" id="jxlint-worker">');
    // Exactly the two script blocks: nothing inside closes them early or opens an HTML comment.
    expect(html.match(/<\/script>/gi)).toHaveLength(2);
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html).not.toContain('<!--');
  });

  it('allows exactly its own inline script and the report\'s, by hash (csp.json gives them to the service)', () => {
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    const pageScript = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    const expected = [sha(pageScript), sha(REPORT_SCRIPT)];
    const csp = JSON.parse(readFileSync(join(dir, 'build', 'csp.json'), 'utf8')) as { scriptSrc: string[] };
    expect(csp.scriptSrc).toEqual(expected);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1];
    expect(policy).toContain(`script-src ${expected.join(' ')} blob:;`);
    expect(policy).not.toContain("script-src 'unsafe-inline'");
  });

  it('`jxlint page -o FILE` writes the built page', async () => {
    const lines: string[] = [];
    const io = { stdout: (s: string) => lines.push(s), stderr: (s: string) => lines.push(s), writeStdout: () => undefined, cwd: dir, env: {}, stdoutIsTTY: false } as unknown as CliIO;
    const code = await main(['page', '-o', '绩效目标表检查.html'], io);
    expect(code).toBe(0);
    const written = readFileSync(join(dir, '绩效目标表检查.html'), 'utf8');
    expect(written).toContain('<script type="text/js-worker" id="jxlint-worker">');
    expect(written).not.toContain('/*WORKER_SCRIPT*/');
    expect(lines.join('\n')).toMatch(/^已写出检查页面 .*绩效目标表检查\.html/);
  });

  it('`jxlint page` into a missing folder fails with one line', async () => {
    const lines: string[] = [];
    const io = { stdout: (s: string) => lines.push(s), stderr: (s: string) => lines.push(s), writeStdout: () => undefined, cwd: dir, env: {}, stdoutIsTTY: false } as unknown as CliIO;
    expect(await main(['page', '-o', 'no/such/dir/x.html'], io)).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^jxlint: 无法写入 .*（cannot write .*）$/);
  });
});
