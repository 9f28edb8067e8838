/**
 * A real LSP client: Neovim's built-in client (0.7, Debian's package) opens the seed text headless,
 * attaches `jxlint lsp --stdio` and writes the diagnostics it holds (vim.diagnostic.get()) to JSON.
 * In CI (env CI set) Neovim must be installed; elsewhere the test is skipped when it is absent.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverCommand } from './helpers/lsp-server-command.js';

function nvimPath(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v nvim'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const nvim = nvimPath();
if (!nvim && !process.env.CI) console.warn('lsp-neovim: nvim not found; skipping the Neovim client test (apt-get install neovim to run it)');

describe.skipIf(!nvim && !process.env.CI)('Neovim built-in LSP client', () => {
  it('holds the seed findings with exact cell ranges', () => {
    expect(nvim, 'nvim must be installed in CI (.ci/run installs it)').toBeTruthy();
    const ws = mkdtempSync(path.join(tmpdir(), 'jxlint-nvim-'));
    try {
      const file = path.join(ws, 'seed.txt');
      copyFileSync(path.resolve('fixtures/seed/seed.txt'), file);
      const out = path.join(ws, 'diagnostics.json');
      const { command, args } = serverCommand();
      const run = spawnSync(nvim!, ['--headless', '--clean', '-c', `luafile ${path.resolve('fixtures/lsp/nvim-diagnostics.lua')}`], {
        env: { ...process.env, JXLINT_CMD: JSON.stringify([command, ...args]), JXLINT_FILE: file, JXLINT_ROOT: ws, JXLINT_OUT: out },
        timeout: 90_000,
        encoding: 'utf8',
      });
      expect(run.error).toBeUndefined();
      const result = JSON.parse(readFileSync(out, 'utf8')) as {
        error?: string;
        diagnostics: { lnum: number; col: number; end_col: number; severity: number; source: string; code: string; message: string }[];
      };
      expect(result.error).toBeUndefined();
      const cost = result.diagnostics.filter((d) => d.code === 'cost-value-not-amount');
      expect(cost).toHaveLength(18);
      // Neovim converts UTF-16 positions to byte columns: the range covers the cell text exactly.
      const lines = readFileSync(file).toString('utf8').split('\n').map((l) => Buffer.from(l, 'utf8'));
      for (const d of cost) {
        expect(d.source).toBe('jxlint');
        expect(d.severity).toBe(1);
        expect(lines[d.lnum]!.subarray(d.col, d.end_col).toString('utf8')).toBe('≥98%');
      }
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  }, 120_000);
});
