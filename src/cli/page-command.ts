/**
 * `jxlint page [-o 绩效目标表检查.html]` (单文件检查页面): writes the upload page as one
 * self-contained HTML file — the lint core runs in the page's own worker — that department staff open
 * from file:// with nothing installed and no server. The page is the one `npm run build` writes to
 * dist/browser/index.html (scripts/bundle-browser.mjs), which `jxlint serve` also serves at GET /.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIO } from './io.js';
import { UsageError } from './usage.js';

export const DEFAULT_PAGE_FILE = '绩效目标表检查.html';

/** Where the built page is, seen from this module: the dist/bin bundle, dist/src/cli, or src/cli. */
const PAGE_CANDIDATES = ['../browser/index.html', '../../browser/index.html', '../../dist/browser/index.html'];

/** The built page has its scripts filled in (src/browser/index.html, the template, has placeholders). */
function isBuiltPage(html: string): boolean {
  return html.includes('id="jxlint-worker"') && !html.includes('/*WORKER_SCRIPT*/');
}

export function readBuiltPage(): string {
  for (const candidate of PAGE_CANDIDATES) {
    try {
      const html = readFileSync(new URL(candidate, import.meta.url), 'utf8');
      if (isBuiltPage(html)) return html;
    } catch {
      // try the next place
    }
  }
  throw new UsageError(
    '找不到检查页面 dist/browser/index.html：请先运行 npm run build（或重新安装 jxlint）',
    'the page dist/browser/index.html is missing: run npm run build (or reinstall jxlint)',
    false,
  );
}

export function runPage(options: { output?: string }, io: CliIO): number {
  const page = readBuiltPage();
  const target = resolve(io.cwd, options.output ?? DEFAULT_PAGE_FILE);
  try {
    writeFileSync(target, page);
  } catch (e) {
    throw new UsageError(
      `无法写入 ${target}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}；请检查目录是否存在、是否有写权限`,
      `cannot write ${target}; check that the folder exists and is writable`,
      false,
    );
  }
  io.stderr(`已写出检查页面 ${target}，用浏览器打开即可检查 .docx/.xlsx/.txt/.html（wrote the page; open it in a browser to check .docx/.xlsx/.txt/.html）`);
  return 0;
}
