/**
 * The language server as users start it: a child process (`jxlint lsp --stdio`, the esbuild bundle
 * when it is built and current, else the TypeScript sources through tsx), driven over stdio by a
 * real JSON-RPC client.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childClient, exited, fileUri, type TestClient } from './helpers/lsp-client.js';
import { serverCommand } from './helpers/lsp-server-command.js';

const root = path.resolve('.');

const seedText = readFileSync(path.join(root, 'fixtures/seed/seed.txt'), 'utf8');
type Diag = { code?: string | number; range: { start: { line: number; character: number }; end: { line: number; character: number } }; data?: Record<string, unknown>; message: string };
type Action = { title: string; kind?: string; edit?: { changes: Record<string, { range: Diag['range']; newText: string }[]> } };

let ws: string;
beforeAll(() => {
  ws = mkdtempSync(path.join(tmpdir(), 'jxlint-lsp-stdio-'));
  copyFileSync(path.join(root, 'fixtures/seed/seed.docx'), path.join(ws, 'seed.docx'));
});
afterAll(() => rmSync(ws, { recursive: true, force: true }));

describe(`jxlint lsp --stdio (${serverCommand().kind})`, () => {
  it('lints, re-lints, answers pull, hover and code actions, reports the .docx, and exits cleanly', async () => {
    const { command, args } = serverCommand();
    const c: TestClient = await childClient(command, args, { rootPath: ws, initializationOptions: { jxlint: { preset: 'all' } } }, ws);
    try {
      const uri = fileUri(path.join(ws, 'seed.txt'));
      const docxUri = fileUri(path.join(ws, 'seed.docx'));
      const docx = c.waitForPublish(docxUri, undefined, 40_000);
      const first = c.waitForPublish(uri, undefined, 40_000);
      await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'jxlint-text', version: 1, text: seedText } });
      const p1 = await first;
      const cost1 = p1.diagnostics.filter((d) => d.code === 'cost-value-not-amount');
      expect(cost1).toHaveLength(18);

      // One cost value rewritten by hand: exactly that finding goes.
      const target = cost1[0]!;
      const second = c.waitForPublish(uri, (p) => p.version === 2);
      await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: target.range, text: '≤800万元' }] });
      const cost2 = (await second).diagnostics.filter((d) => d.code === 'cost-value-not-amount');
      const key = (d: Diag) => `${d.range.start.line}:${d.range.start.character}`;
      expect(cost2.map(key)).toEqual(cost1.slice(1).map(key));

      // Pull, from the same server.
      const pulled = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
      expect(pulled.items.filter((d) => d.code === 'cost-value-not-amount')).toHaveLength(17);

      // Hover on the next flagged cost value.
      const next = cost2[0]!;
      const hover = (await c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: next.range.start })) as { contents: { value: string } };
      expect(hover.contents.value).toContain('cost-value-not-amount');
      expect(hover.contents.value).toContain('jxlint 的读法');

      // A quick fix applied, then fix-all; each re-linted.
      const actions = (await c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: next.range, context: { diagnostics: [next] } })) as Action[];
      const quick = actions.find((a) => a.title.startsWith('指标值改为'))!;
      const third = c.waitForPublish(uri, (p) => p.version === 3);
      await c.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 3 },
        contentChanges: quick.edit!.changes[uri]!.map((e) => ({ range: e.range, text: e.newText })),
      });
      const p3 = await third;
      expect(p3.diagnostics.filter((d) => d.code === 'cost-value-not-amount')).toHaveLength(16);
      const safe3 = p3.diagnostics.filter((d) => (d.data?.fix as { safety?: string } | undefined)?.safety === 'safe');
      expect(safe3.length).toBeGreaterThan(0);
      const [fixAll] = (await c.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as Action[];
      const fourth = c.waitForPublish(uri, (p) => p.version === 4);
      await c.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 4 },
        contentChanges: fixAll!.edit!.changes[uri]!.map((e) => ({ range: e.range, text: e.newText })),
      });
      const safe4 = (await fourth).diagnostics.filter((d) => (d.data?.fix as { safety?: string } | undefined)?.safety === 'safe');
      expect(safe4.length).toBeLessThan(safe3.length);

      // The Word file of the workspace, named by 表/行/列.
      const word = await docx;
      expect(word.diagnostics.filter((d) => d.code === 'cost-value-not-amount')).toHaveLength(18);
      expect(word.diagnostics[0]!.message).toMatch(/^(表\d+|段落|文档|项目)/);

      await c.connection.sendRequest('shutdown');
      await c.connection.sendNotification('exit');
      expect(await exited(c.child!)).toBe(0);
    } finally {
      await c.dispose();
    }
  }, 90_000);

  it('survives garbage on stdin and a flood of changes, then answers', async () => {
    const { command, args } = serverCommand();
    const c = await childClient(command, args, {}, ws);
    try {
      const uri = fileUri(path.join(ws, 'flood.txt'));
      const first = c.waitForPublish(uri, undefined, 40_000);
      await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'jxlint-text', version: 1, text: seedText } });
      await first;
      // Malformed JSON with a valid header, then a request with a wrong shape.
      const garbage = '{"jsonrpc":"2.0","id":99,"method":';
      c.child!.stdin!.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
      await expect(c.connection.sendRequest('textDocument/hover', { nonsense: true })).rejects.toMatchObject({ code: -32602 });
      await expect(c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })).resolves.toBeNull();
      const last = c.waitForPublish(uri, (p) => p.version === 1001, 60_000);
      for (let v = 2; v <= 1001; v++) {
        void c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: v % 2 ? 1 : 0 } }, text: v % 2 ? '' : ' ' }] });
      }
      const p = await last;
      expect(p.diagnostics.length).toBeGreaterThan(0);
      expect(c.published.filter((x) => x.uri === uri).length).toBeLessThan(60);
      expect(c.child!.exitCode).toBeNull();
    } finally {
      await c.dispose();
    }
  }, 90_000);

  it('exits when its parent process dies', async () => {
    const parent = spawn('sleep', ['60']);
    const { command, args } = serverCommand();
    const c = await childClient(command, args, { processId: parent.pid! }, ws);
    try {
      parent.kill();
      expect(await exited(c.child!, 20_000)).toBe(1);
    } finally {
      await c.dispose();
    }
  }, 40_000);
});
