/**
 * Issue 15, the editor under faults: `jxlint lsp --stdio` as a child process fed malformed JSON-RPC —
 * bodies that are not JSON or not a message, messages with the wrong types in every handler, unknown
 * methods, frames with broken headers, huge messages — and floods of didChange with nonsense ranges.
 * After each, the process is alive, every request got an answer (a result or an error, never
 * silence), and a real edit is still linted. (Garbage on stdin and a flood of valid changes are in
 * lsp-stdio.test.ts; the 10 MB document in lsp-protocol.test.ts.)
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childClient, exited, fileUri, type TestClient } from './helpers/lsp-client.js';
import { serverCommand } from './helpers/lsp-server-command.js';

const root = path.resolve('.');
const seedText = readFileSync(path.join(root, 'fixtures/seed/seed.txt'), 'utf8');

let ws: string;
let c: TestClient;
let uri: string;
let version = 1;

/** One frame as the base protocol writes it (`Content-Length` in bytes). */
const frame = (body: string | Buffer, extraHeaders = ''): Buffer => {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n${extraHeaders}\r\n`, 'ascii'), bytes]);
};

function writeRaw(bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => c.child!.stdin!.write(bytes, (e) => (e ? reject(e) : resolve())));
}

/** The server is alive and still lints: an edit of the document is published for its version. */
async function stillServing(): Promise<void> {
  expect(c.child!.exitCode).toBeNull();
  await expect(c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })).resolves.toBeDefined();
  const v = ++version;
  const published = c.waitForPublish(uri, (p) => p.version === v, 60_000);
  await c.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: v },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: v % 2 ? '' : '' }],
  });
  expect((await published).diagnostics.length).toBeGreaterThan(0);
}

beforeAll(async () => {
  ws = mkdtempSync(path.join(tmpdir(), 'jxlint-lsp-faults-'));
  copyFileSync(path.join(root, 'fixtures/seed/seed.txt'), path.join(ws, 'seed.txt'));
  const { command, args } = serverCommand();
  c = await childClient(command, args, {}, ws);
  uri = fileUri(path.join(ws, 'seed.txt'));
  const first = c.waitForPublish(uri, undefined, 60_000);
  await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'jxlint-text', version, text: seedText } });
  await first;
}, 300_000);

afterAll(async () => {
  await c?.dispose();
  rmSync(ws, { recursive: true, force: true });
});

describe('bodies that are not JSON-RPC messages', () => {
  it.each([
    ['invalid JSON', '{"jsonrpc":"2.0","id":99,"method":'],
    ['a number', '42'],
    ['a string', '"textDocument/hover"'],
    ['null', 'null'],
    ['an empty object', '{}'],
    ['an array (a batch, which LSP does not have)', '[{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{}}]'],
    ['no jsonrpc field', '{"id":1,"method":"textDocument/hover","params":{}}'],
    ['jsonrpc 1.0', '{"jsonrpc":"1.0","id":2,"method":"textDocument/hover","params":{}}'],
    ['a method that is a number', '{"jsonrpc":"2.0","id":3,"method":42}'],
    ['an id that is an object', '{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover","params":{}}'],
    ['a response to a request never made', '{"jsonrpc":"2.0","id":123456,"result":{}}'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d])],
    ['a UTF-8 body with a lone surrogate escape', '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///x","version":1},"contentChanges":[{"text":"\\ud800"}]}}'],
    ['deeply nested JSON', `{"jsonrpc":"2.0","method":"x","params":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
  ])('%s', async (_name, body) => {
    await writeRaw(frame(body));
    await stillServing();
  }, 120_000);
});

describe('frames with broken headers', () => {
  it.each([
    ['a Content-Type of another charset', frame('{"jsonrpc":"2.0","method":"x"}', 'Content-Type: application/vscode-jsonrpc; charset=latin1\r\n')],
    ['a Content-Length that is not a number, then a frame', Buffer.concat([Buffer.from('Content-Length: abc\r\n\r\n'), frame('{"jsonrpc":"2.0","method":"x"}')])],
    ['an unknown header beside Content-Length', frame('{"jsonrpc":"2.0","method":"x"}', 'X-Anything: 1\r\n')],
    ['a header without Content-Length (no body), then a frame', Buffer.concat([Buffer.from('X-Anything: 1\r\n\r\n'), frame('{"jsonrpc":"2.0","method":"x"}')])],
    ['a header line without a colon, then a frame', Buffer.concat([Buffer.from('Content-Length 5\r\n\r\n'), frame('{"jsonrpc":"2.0","method":"x"}')])],
  ])('%s', async (_name, bytes) => {
    await writeRaw(bytes);
    await stillServing();
  }, 120_000);
});

describe('FrameGuard (src/lsp/framing.ts): frames through byte for byte, broken headers and oversized bodies out, at any chunking', () => {
  const good = (n: number) => frame(`{"jsonrpc":"2.0","method":"m${n}"}`);
  it.each([
    ['good frames', [good(1), good(2)], [good(1), good(2)], 0],
    ['a header without Content-Length between them', [good(1), Buffer.from('X-A: 1\r\n\r\n'), good(2)], [good(1), good(2)], 1],
    ['a line without a colon', [Buffer.from('Content-Length 5\r\n\r\n'), good(2)], [good(2)], 1],
    ['a length that is not a number', [Buffer.from('Content-Length: 5x\r\n\r\n'), good(2)], [good(2)], 1],
    ['an oversized body', [frame(Buffer.alloc(300, 0x61)), good(2)], [good(2)], 1],
    ['10 KB of garbage without a header end', [Buffer.alloc(10_000, 0x7a), Buffer.from('\r\n\r\n'), good(2)], [good(2)], 1],
    ['an empty body', [frame(''), good(2)], [frame(''), good(2)], 0],
  ])('%s', async (_name, input, expected, drops) => {
    const { FrameGuard } = await import('../src/lsp/framing.js');
    for (const chunkSize of [1, 7, 1 << 20]) {
      const dropped: string[] = [];
      const guard = new FrameGuard((r) => dropped.push(r), 200);
      const out: Buffer[] = [];
      guard.on('data', (d: Buffer) => out.push(d));
      const all = Buffer.concat(input);
      for (let i = 0; i < all.length; i += chunkSize) guard.write(all.subarray(i, i + chunkSize));
      guard.end();
      await new Promise((r) => guard.once('end', r));
      expect(Buffer.concat(out).toString('latin1')).toBe(Buffer.concat(expected).toString('latin1'));
      expect(dropped.length > 0).toBe(drops > 0);
    }
  });
});

describe('messages of the right shape with the wrong types: an answer or nothing, never a crash', () => {
  const requests: [string, string, unknown][] = [
    ['hover without a document', 'textDocument/hover', {}],
    ['hover with a null document', 'textDocument/hover', { textDocument: null, position: null }],
    ['hover at a negative position', 'textDocument/hover', { textDocument: { uri: '' }, position: { line: -1, character: -5 } }],
    ['code actions with a range that is a string', 'textDocument/codeAction', { textDocument: { uri: 'x' }, range: 'all', context: null }],
    ['code actions beyond the end of the seed', 'textDocument/codeAction', { textDocument: { uri: '$URI' }, range: { start: { line: 1e9, character: 1e9 }, end: { line: -1, character: 0 } }, context: { diagnostics: 'none' } }],
    ['pull diagnostics without a document', 'textDocument/diagnostic', {}],
    ['workspace diagnostics whose previous ids are a number', 'workspace/diagnostic', { previousResultIds: 5 }],
    ['an unknown command', 'workspace/executeCommand', { command: 'jxlint.nothing', arguments: 'x' }],
    ['a known command with wrong arguments', 'workspace/executeCommand', { command: 'jxlint.fixAll', arguments: [42, null, { uri: 7 }] }],
    ['renderDocument of a number', 'jxlint/renderDocument', { uri: 5 }],
    ['renderDocument of a path outside the workspace', 'jxlint/renderDocument', { uri: 'file:///etc/passwd' }],
    ['an unknown method', 'textDocument/completion', { textDocument: { uri: '$URI' }, position: { line: 0, character: 0 } }],
    ['an unknown jxlint method', 'jxlint/nothing', null],
    ['a second initialize', 'initialize', { processId: null, rootUri: null, capabilities: 'none' }],
  ];
  it.each(requests)('request: %s', async (_name, method, params) => {
    const p = JSON.parse(JSON.stringify(params ?? null).replaceAll('$URI', uri));
    const answer = await c.connection.sendRequest(method, p).then(
      (result) => ({ result }),
      (error: { code?: number }) => ({ error: error.code }),
    );
    expect(answer).toBeDefined(); // answered, one way or the other
    await stillServing();
  }, 120_000);

  const notifications: [string, string, unknown][] = [
    ['didOpen with a number for its text and uri', 'textDocument/didOpen', { textDocument: { uri: 42, languageId: 'jxlint-text', version: 1, text: 5 } }],
    ['didOpen with no text', 'textDocument/didOpen', { textDocument: { uri: 'file:///nowhere/x.txt', languageId: 'jxlint-text', version: 1 } }],
    ['didChange of a document never opened', 'textDocument/didChange', { textDocument: { uri: 'file:///never.txt', version: 2 }, contentChanges: [{ text: 'x' }] }],
    ['didChange whose changes are a string', 'textDocument/didChange', { textDocument: { uri: '$URI', version: 'v' }, contentChanges: 'everything' }],
    ['didClose of a document never opened', 'textDocument/didClose', { textDocument: { uri: 'file:///never.txt' } }],
    ['didSave without a document', 'textDocument/didSave', {}],
    ['watched files whose changes are a string', 'workspace/didChangeWatchedFiles', { changes: 'x' }],
    ['watched files with a change that is null', 'workspace/didChangeWatchedFiles', { changes: [null, { uri: 5, type: 'z' }] }],
    ['configuration whose settings are a number', 'workspace/didChangeConfiguration', { settings: 42 }],
    ['configuration with wrong types inside', 'workspace/didChangeConfiguration', { settings: { jxlint: { preset: 7, locale: ['x'], run: null, rules: 'all' } } }],
    ['a cancel of an id never used', '$/cancelRequest', { id: 'never' }],
    ['setTrace with a value that is not one', '$/setTrace', { value: 12 }],
    ['initialized again', 'initialized', 'twice'],
    ['an unknown notification', 'jxlint/nothing', { a: 1 }],
  ];
  it.each(notifications)('notification: %s', async (_name, method, params) => {
    const p = JSON.parse(JSON.stringify(params).replaceAll('$URI', uri));
    await c.connection.sendNotification(method, p);
    await stillServing();
  }, 120_000);
});

describe('floods and huge messages', () => {
  it('a flood of 2,000 didChange with nonsense ranges and versions, then one real edit: the real edit is linted', async () => {
    for (let i = 0; i < 2000; i++) {
      const n = (i * 7919) % 1000;
      const range = [
        { start: { line: n, character: n }, end: { line: 0, character: 0 } },
        { start: { line: -n, character: -1 }, end: { line: 1e9, character: 1e9 } },
        { start: { line: 0.5, character: Number.MAX_SAFE_INTEGER }, end: { line: 0.5, character: 0 } },
      ][i % 3];
      void c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i % 5 === 0 ? -i : version + i }, contentChanges: [{ range, text: i % 2 ? '≥' : '' }] });
    }
    // Whatever those made of the text, a full replacement puts the seed back and it is linted.
    version += 5000;
    const v = version;
    const published = c.waitForPublish(uri, (p) => p.version === v, 90_000);
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: seedText }] });
    expect((await published).diagnostics.length).toBeGreaterThan(0);
    await stillServing();
  }, 180_000);

  it.each([
    ['a 40 MB body that is not JSON', () => frame(Buffer.alloc(40 * 1048576, 0x61))],
    ['a 30 MB didOpen (over the lint limit)', () => frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: fileUri(path.join(ws, 'huge.txt')), languageId: 'jxlint-text', version: 1, text: '绩'.repeat(10 * 1048576) } } }))],
    ['a 20 MB string as a request id', () => frame(`{"jsonrpc":"2.0","id":"${'i'.repeat(20 * 1048576)}","method":"jxlint/nothing"}`)],
    ['a 70 MB message, over the 64 MiB limit (skipped as it streams in, never held)', () => frame(Buffer.alloc(70 * 1048576, 0x20))],
  ])('%s: the server goes on', async (_name, make) => {
    await writeRaw(make());
    await stillServing();
  }, 180_000);

  it('none of jxlint\'s handlers failed on the way: no internal error logged, nothing on stderr', () => {
    const logged = [...c.logs, ...c.shown.map((m) => m.message)].join('\n');
    expect(logged).not.toMatch(/内部错误|internal error|unhandled/i);
    // The protocol library's own handlers of didOpen/didChange/didSave say when a message is unusable; ours never fail.
    expect(logged.split('\n').filter((l) => /handler '/.test(l) && !/handler 'textDocument\/did(?:Open|Change|Save|Close)'/.test(l))).toEqual([]);
    expect(c.stderr.join('')).toBe('');
  });

  it('the dropped frames were said in the client\'s log', () => {
    expect(c.logs.filter((l) => l.startsWith('jxlint：已忽略一条格式错误或过大的消息')).length).toBeGreaterThanOrEqual(4);
  });

  it('after all of it, shutdown and exit end the process with 0', async () => {
    await c.connection.sendRequest('shutdown');
    await c.connection.sendNotification('exit');
    expect(await exited(c.child!, 20_000)).toBe(0);
  }, 60_000);
});
