/**
 * The language server in-process, over a connection pair: every feature through the protocol.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fileUri, inProcessClient, type TestClient } from './helpers/lsp-client.js';

const SEED = path.resolve('fixtures/seed/seed.txt');
const seedText = readFileSync(SEED, 'utf8');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jxlint-lsp-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.dispose();
});
async function client(options: Parameters<typeof inProcessClient>[0] = {}) {
  const c = await inProcessClient(options);
  clients.push(c);
  return c;
}

function open(c: TestClient, uri: string, text: string, languageId = 'jxlint-text', version = 1) {
  return c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}

describe('push diagnostics on a text export', () => {
  it('publishes the seed findings with exact cell ranges, codes, docs links and data', async () => {
    const c = await client();
    const uri = fileUri(path.join(dir, 'seed.txt'));
    const published = c.waitForPublish(uri);
    await open(c, uri, seedText);
    const p = await published;
    expect(p.version).toBe(1);
    const cost = p.diagnostics.filter((d) => d.code === 'cost-value-not-amount');
    expect(cost).toHaveLength(18);
    const lines = seedText.split('\n');
    for (const d of cost) {
      expect(d.source).toBe('jxlint');
      expect(d.severity).toBe(1);
      expect(d.codeDescription?.href).toMatch(/docs\/rules\/cost-value-not-amount\.md$/);
      const cell = lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
      expect(cell).toBe((d.data as { found: string }).found);
      expect((d.data as { fingerprint: string }).fingerprint).toMatch(/^[0-9a-f]{16}$/);
    }
    // The other cells of the row: the description that holds the amount, the 三级指标.
    const related = cost[0]!.relatedInformation!;
    const description = related.find((r) => r.message.startsWith('绩效指标描述：'))!;
    expect(description.message).toContain('800万元');
    const described = lines[description.location.range.start.line]!.slice(description.location.range.start.character, description.location.range.end.character);
    expect(described).toContain('800万元');
    expect(related.find((r) => r.message.startsWith('三级指标：'))?.message).toBe('三级指标：项目成本');
  });
});

type Diag = { code?: string | number; range: { start: { line: number; character: number }; end: { line: number; character: number } }; data?: Record<string, unknown>; message: string };

/** The seed with one cost value (the first ≥98% of a 项目成本 row) rewritten. */
function firstCostEdit(c: TestClient, uri: string, diagnostics: Diag[], replacement: string, version: number) {
  const d = diagnostics.find((x) => x.code === 'cost-value-not-amount')!;
  return c.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: d.range, text: replacement }],
  });
}

describe('re-lint while editing', () => {
  it('two quick edits give one publish, for the later version; a cost value fixed by hand loses exactly its finding', async () => {
    const c = await client();
    const uri = fileUri(path.join(dir, 'edit.txt'));
    const first = c.waitForPublish(uri);
    await open(c, uri, seedText);
    const p1 = await first;
    const d = p1.diagnostics.find((x) => x.code === 'cost-value-not-amount')!;
    const later = c.waitForPublish(uri, (p) => p.version === 3);
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: d.range, text: '≤8' }] });
    await c.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: d.range.start, end: { line: d.range.start.line, character: d.range.start.character + 2 } }, text: '≤800万元' }],
    });
    const p3 = await later;
    await c.settle(200);
    expect(c.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1, 3]);
    const before = p1.diagnostics.filter((x) => x.code === 'cost-value-not-amount');
    const after = p3.diagnostics.filter((x) => x.code === 'cost-value-not-amount');
    expect(after).toHaveLength(before.length - 1);
    expect(after.some((x) => x.range.start.line === d.range.start.line)).toBe(false);
  });

  it('on close publishes an empty list and nothing after, even with an edit pending', async () => {
    const c = await client();
    const uri = fileUri(path.join(dir, 'close.txt'));
    const first = c.waitForPublish(uri);
    await open(c, uri, seedText);
    await first;
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: seedText + '\n' }] });
    const cleared = c.waitForPublish(uri, (p) => p.diagnostics.length === 0);
    await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
    await c.settle(300);
    const mine = c.published.filter((p) => p.uri === uri);
    expect(mine[mine.length - 1]!.diagnostics).toEqual([]);
    expect(mine.filter((p) => p.version === 2)).toEqual([]);
  });

  it('a flood of 300 changes ends in one publish of the last version', async () => {
    const c = await client();
    const uri = fileUri(path.join(dir, 'flood.txt'));
    const first = c.waitForPublish(uri);
    await open(c, uri, seedText);
    await first;
    const last = c.waitForPublish(uri, (p) => p.version === 301);
    for (let v = 2; v <= 301; v++) {
      void c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: v % 2 ? seedText : seedText + '\n' }] });
    }
    await last;
    await c.settle(200);
    const versions = c.published.filter((p) => p.uri === uri).map((p) => p.version);
    expect(versions[versions.length - 1]).toBe(301);
    expect(versions.length).toBeLessThan(10);
  });

  it('plaintext documents are linted only when they look like a 绩效目标表', async () => {
    const c = await client({ pull: true });
    const seedUri = fileUri(path.join(dir, 'plain-seed.txt'));
    const otherUri = fileUri(path.join(dir, 'notes.txt'));
    await open(c, seedUri, seedText, 'plaintext');
    await open(c, otherUri, '购物清单\n牛奶\n面包\n', 'plaintext');
    const seed = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: seedUri } })) as { items: Diag[] };
    const other = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: otherUri } })) as { items: Diag[] };
    expect(seed.items.filter((d) => d.code === 'cost-value-not-amount')).toHaveLength(18);
    expect(other.items).toEqual([]);
  });
});

describe('pull diagnostics (LSP 3.17)', () => {
  it('answers textDocument/diagnostic with result ids, unchanged when nothing changed, and does not push text diagnostics', async () => {
    const c = await client({ pull: true });
    expect(c.initializeResult.capabilities.diagnosticProvider).toMatchObject({ workspaceDiagnostics: true, interFileDependencies: false });
    const uri = fileUri(path.join(dir, 'pull.txt'));
    await open(c, uri, seedText);
    const r1 = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; resultId: string; items: Diag[] };
    expect(r1.kind).toBe('full');
    expect(r1.items.filter((d) => d.code === 'cost-value-not-amount')).toHaveLength(18);
    const r2 = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: r1.resultId })) as { kind: string };
    expect(r2.kind).toBe('unchanged');
    await firstCostEdit(c, uri, r1.items, '≤800万元', 2);
    const r3 = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: r1.resultId })) as { kind: string; items: Diag[] };
    expect(r3.kind).toBe('full');
    expect(r3.items.filter((d) => d.code === 'cost-value-not-amount')).toHaveLength(17);
    await c.settle(200);
    expect(c.published.filter((p) => p.uri === uri)).toEqual([]);
  });

  it('an unknown document gets an empty report, not an error', async () => {
    const c = await client({ pull: true });
    const r = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: 'file:///nowhere/x.txt' } })) as { items: unknown[] };
    expect(r.items).toEqual([]);
  });
});

describe('hover', () => {
  it('on a flagged cell shows the rule docs, on a 指标值 cell how jxlint read it', async () => {
    const c = await client({ pull: true });
    const uri = fileUri(path.join(dir, 'hover.txt'));
    await open(c, uri, seedText);
    const r = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
    const d = r.items.find((x) => x.code === 'cost-value-not-amount')!;
    const hover = (await c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: d.range.start.line, character: d.range.start.character + 1 } })) as {
      contents: { kind: string; value: string };
    };
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toContain('**cost-value-not-amount**');
    expect(hover.contents.value).toContain('正确示例');
    expect(hover.contents.value).toMatch(/运算符 \| ≥ \|/);
    expect(hover.contents.value).toMatch(/数字 \| 98 \|/);
    expect(hover.contents.value).toMatch(/单位 \| % \|/);
    expect(hover.contents.value).toContain('percent');
    const none = await c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    expect(none).toBeNull();
    const unknown = await c.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere.txt' }, position: { line: 0, character: 0 } });
    expect(unknown).toBeNull();
  });

  it('in English when jxlint.locale is en', async () => {
    const c = await client({ pull: true, initializationOptions: { jxlint: { locale: 'en' } } });
    const uri = fileUri(path.join(dir, 'hover-en.txt'));
    await open(c, uri, seedText);
    const r = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
    const d = r.items.find((x) => x.code === 'cost-value-not-amount')!;
    expect(d.message).toMatch(/[a-z]{4,}/);
    expect(d.message).not.toMatch(/^成本/);
    const hover = (await c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as { contents: { value: string } };
    expect(hover.contents.value).toContain('Good example');
    expect(hover.contents.value).toContain('operator');
  });
});

type Action = { title: string; kind?: string; isPreferred?: boolean; edit?: { changes: Record<string, { range: Diag['range']; newText: string }[]> }; command?: { command: string; arguments: unknown[] } };

/** Applies LSP text edits to a text (edits of one document, non-overlapping). */
function applyEdits(text: string, edits: { range: Diag['range']; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('code actions', () => {
  it('offers the fix (labelled unsafe, not preferred), fix all of the rule, disable, accept and docs', async () => {
    const c = await client({ pull: true });
    const uri = fileUri(path.join(dir, 'actions.txt'));
    await open(c, uri, seedText);
    const r = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
    const d = r.items.find((x) => x.code === 'cost-value-not-amount')!;
    const actions = (await c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as Action[];
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title.startsWith('指标值改为'))!;
    expect(fix.title).toBe('指标值改为“≤800万元”（不安全）');
    expect(fix.isPreferred).toBe(false);
    expect(applyEdits(seedText, fix.edit!.changes[uri]!).split('\n')[d.range.start.line]).toContain('≤800万元');
    const all = actions.find((a) => a.title.startsWith('修复本文件中全部 cost-value-not-amount'))!;
    expect(all.title).toContain('（17 处）');
    expect(applyEdits(seedText, all.edit!.changes[uri]!).match(/≤800万元/g)?.length).toBeGreaterThanOrEqual(1);
    expect(titles).toContain('在本文件中停用规则 cost-value-not-amount');
    expect(titles).toContain('接受此问题（写入基线）');
    expect(titles).toContain('查看规则 cost-value-not-amount 的说明');
    const docs = actions.find((a) => a.title.startsWith('查看规则'))!;
    await c.connection.sendRequest('workspace/executeCommand', { command: docs.command!.command, arguments: docs.command!.arguments });
    expect(c.showDocuments).toHaveLength(1);
    expect(JSON.stringify(c.showDocuments[0])).toMatch(/cost-value-not-amount\.md/);
  });

  it('fix all safe problems under source.fixAll and source.fixAll.jxlint, applied and re-linted', async () => {
    const c = await client({ pull: true, initializationOptions: { jxlint: { preset: 'all' } } });
    const uri = fileUri(path.join(dir, 'fixall.txt'));
    await open(c, uri, seedText);
    const r = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
    const safeBefore = r.items.filter((d) => (d.data?.fix as { safety?: string } | undefined)?.safety === 'safe');
    expect(safeBefore.length).toBeGreaterThan(0);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const only of [['source.fixAll'], ['source.fixAll.jxlint']]) {
      const actions = (await c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only } })) as Action[];
      expect(actions).toHaveLength(1);
      expect(actions[0]!.kind).toBe(only[0]);
      expect(actions[0]!.title).toMatch(/^修复所有安全问题/);
    }
    const [fixAll] = (await c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } })) as Action[];
    const edits = fixAll!.edit!.changes[uri]!;
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })) });
    const after = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
    const safeAfter = after.items.filter((d) => (d.data?.fix as { safety?: string } | undefined)?.safety === 'safe');
    expect(safeAfter.length).toBeLessThan(safeBefore.length);
    const again = (await c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } })) as Action[];
    expect(again.length).toBeLessThanOrEqual(1);
  });

  it('"disable for this file" writes an override into the config; "accept" writes the baseline; both take effect at once', async () => {
    const ws = mkdtempSync(path.join(dir, 'ws-'));
    const file = path.join(ws, 'sub', 'a.txt');
    await import('node:fs').then((fs) => fs.mkdirSync(path.dirname(file), { recursive: true }));
    writeFileSync(file, seedText);
    writeFileSync(path.join(ws, 'jxlint.config.json'), JSON.stringify({ rules: { 'value-missing-unit': 'off' } }));
    const c = await client({ pull: true, rootPath: ws });
    const uri = fileUri(file);
    await open(c, uri, seedText);
    const pull = async () => ((await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] }).items;
    const before = await pull();
    expect(before.some((d) => d.code === 'value-missing-unit')).toBe(false);
    const dup = before.find((d) => d.code === 'duplicate-indicator')!;
    let actions = (await c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: dup.range, context: { diagnostics: [dup] } })) as Action[];
    const disable = actions.find((a) => a.title === '在本文件中停用规则 duplicate-indicator')!;
    await c.connection.sendRequest('workspace/executeCommand', disable.command!);
    const config = JSON.parse(readFileSync(path.join(ws, 'jxlint.config.json'), 'utf8'));
    expect(config).toEqual({ rules: { 'value-missing-unit': 'off' }, overrides: [{ files: ['sub/a.txt'], rules: { 'duplicate-indicator': 'off' } }] });
    const afterDisable = await pull();
    expect(afterDisable.some((d) => d.code === 'duplicate-indicator')).toBe(false);
    expect(afterDisable.filter((d) => d.code === 'cost-value-not-amount')).toHaveLength(18);

    const cost = afterDisable.find((d) => d.code === 'cost-value-not-amount')!;
    actions = (await c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: cost.range, context: { diagnostics: [cost] } })) as Action[];
    const accept = actions.find((a) => a.title === '接受此问题（写入基线）')!;
    await c.connection.sendRequest('workspace/executeCommand', accept.command!);
    const baseline = JSON.parse(readFileSync(path.join(ws, 'jxlint-baseline.json'), 'utf8'));
    expect(baseline.entries).toHaveLength(1);
    expect(baseline.entries[0]).toMatchObject({ ruleId: 'cost-value-not-amount', count: 1, fingerprint: cost.data!.fingerprint });
    const afterAccept = await pull();
    expect(afterAccept.filter((d) => d.code === 'cost-value-not-amount')).toHaveLength(17);
  });
});

describe('configuration', () => {
  it('a changed config applies without a restart; a broken one is one diagnostic and a message, and the last good config stays', async () => {
    const ws = mkdtempSync(path.join(dir, 'cfg-'));
    const configFile = path.join(ws, 'jxlint.config.json');
    writeFileSync(configFile, JSON.stringify({ rules: { 'cost-value-not-amount': 'off' } }));
    const c = await client({ rootPath: ws });
    const uri = fileUri(path.join(ws, 'seed.txt'));
    const first = c.waitForPublish(uri);
    await open(c, uri, seedText);
    expect((await first).diagnostics.some((d) => d.code === 'cost-value-not-amount')).toBe(false);

    writeFileSync(configFile, JSON.stringify({ rules: { 'cost-value-not-amount': 'warn' } }));
    let next = c.waitForPublish(uri, (p) => p.diagnostics.some((d) => d.code === 'cost-value-not-amount'));
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(configFile), type: 2 }] });
    const warned = (await next).diagnostics.filter((d) => d.code === 'cost-value-not-amount');
    expect(warned).toHaveLength(18);
    expect(warned.every((d) => d.severity === 2)).toBe(true);

    writeFileSync(configFile, '{ "rules": { "cost-value-not-amount": "loud" } }');
    const configDiag = c.waitForPublish(fileUri(configFile));
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(configFile), type: 2 }] });
    const broken = await configDiag;
    expect(broken.diagnostics).toHaveLength(1);
    expect(broken.diagnostics[0]!.message).toContain('cost-value-not-amount');
    expect(broken.diagnostics[0]!.range.start.line).toBe(0);
    await c.settle(300);
    expect(c.shown.map((m) => m.type + m.message).join()).toMatch(/^1.*上一次有效的配置/);
    const latest = c.published.filter((p) => p.uri === uri).pop()!;
    expect(latest.diagnostics.filter((d) => d.code === 'cost-value-not-amount')).toHaveLength(18);

    writeFileSync(configFile, JSON.stringify({}));
    const cleared = c.waitForPublish(fileUri(configFile), (p) => p.diagnostics.length === 0);
    next = c.waitForPublish(uri, (p) => p.diagnostics.some((d) => d.code === 'cost-value-not-amount' && d.severity === 1));
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(configFile), type: 2 }] });
    await cleared;
    await next;
  });

  it('.jxlintignore silences a text document', async () => {
    const ws = mkdtempSync(path.join(dir, 'ign-'));
    writeFileSync(path.join(ws, '.jxlintignore'), '归档/\n');
    const c = await client({ pull: true, rootPath: ws });
    const uri = fileUri(path.join(ws, '归档', 'old.txt'));
    await open(c, uri, seedText);
    const r = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
    expect(r.items).toEqual([]);
  });

  it('reads jxlint.preset and jxlint.locale from workspace/configuration', async () => {
    const c = await client({ pull: true, configuration: { locale: 'en', preset: 'strict' } });
    const uri = fileUri(path.join(dir, 'settings.txt'));
    await open(c, uri, seedText);
    // The settings arrive after `initialized`; the server re-lints when they do.
    await vi.waitFor(
      async () => {
        const r = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: (Diag & { severity: number })[] };
        const unit = r.items.filter((d) => d.code === 'value-missing-unit');
        expect(unit.length).toBeGreaterThan(0);
        expect(unit.every((d) => d.severity === 1)).toBe(true); // strict: warn → error
        expect(unit[0]!.message).toMatch(/unit/i);
      },
      { timeout: 10_000, interval: 100 },
    );
  });
});

describe('Word files in the workspace', () => {
  function wordWorkspace() {
    const ws = mkdtempSync(path.join(dir, 'word-'));
    copyFileSync(path.resolve('fixtures/seed/seed.docx'), path.join(ws, 'seed.docx'));
    copyFileSync(path.resolve('fixtures/seed/seed.docx'), path.join(ws, '忽略.docx'));
    writeFileSync(path.join(ws, '.jxlintignore'), '忽略.docx\n');
    return ws;
  }

  it('push clients get each file as it is linted, with 表/行/列 in the messages and work-done progress', async () => {
    const ws = wordWorkspace();
    const uri = fileUri(path.join(ws, 'seed.docx'));
    const c = await client({ rootPath: ws });
    const p = await c.waitForPublish(uri);
    const cost = p.diagnostics.filter((d) => d.code === 'cost-value-not-amount');
    expect(cost).toHaveLength(18);
    expect(cost[0]!.message).toMatch(/^表\d+ 第\d+行 第\d+列（指标值）：/);
    await c.settle(300);
    expect(c.published.some((x) => x.uri.endsWith(encodeURIComponent('忽略') + '.docx'))).toBe(false);
    const kinds = c.progress.map((x) => x.value.kind);
    expect(kinds[0]).toBe('begin');
    expect(kinds[kinds.length - 1]).toBe('end');
    // Deleted on disk: its diagnostics go.
    rmSync(path.join(ws, 'seed.docx'));
    const cleared = c.waitForPublish(uri, (x) => x.diagnostics.length === 0);
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    await cleared;
  });

  it('pull clients get workspace/diagnostic reports, unchanged ones by result id, and an answer when a file changes', async () => {
    const ws = wordWorkspace();
    const uri = fileUri(path.join(ws, 'seed.docx'));
    const c = await client({ pull: true, rootPath: ws });
    type Report = { items: { uri: string; kind: string; resultId: string; items?: Diag[]; version: null }[] };
    const r1 = (await c.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as Report;
    expect(r1.items).toHaveLength(1);
    expect(r1.items[0]).toMatchObject({ uri, kind: 'full', version: null });
    expect(r1.items[0]!.items!.filter((d) => d.code === 'cost-value-not-amount')).toHaveLength(18);
    // Nothing changed: the request stays open until something does.
    const pending = c.connection.sendRequest('workspace/diagnostic', { previousResultIds: [{ uri, value: r1.items[0]!.resultId }] }) as Promise<Report>;
    let answered = false;
    void pending.then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(answered).toBe(false);
    copyFileSync(path.resolve('fixtures/seed/seed.docx'), path.join(ws, 'second.docx'));
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(ws, 'second.docx')), type: 1 }] });
    const r2 = await pending;
    const byUri = new Map(r2.items.map((i) => [i.uri, i]));
    expect(byUri.get(uri)?.kind).toBe('unchanged');
    expect(byUri.get(fileUri(path.join(ws, 'second.docx')))?.kind).toBe('full');
    await c.settle(200);
    expect(c.published.filter((p) => p.uri.endsWith('.docx'))).toEqual([]);
  });

  it('jxlint/renderDocument returns the html report page of one file and its messages', async () => {
    const c = await client({ rootPath: path.resolve('fixtures/seed') });
    const r = (await c.connection.sendRequest('jxlint/renderDocument', { uri: fileUri(path.resolve('fixtures/seed/seed.docx')) })) as { html: string; messages: { ruleId: string; location: string }[] };
    expect(r.html).toMatch(/^<!DOCTYPE html>/i);
    expect(r.html).toContain('<table');
    expect(r.messages.filter((m) => m.ruleId === 'cost-value-not-amount')).toHaveLength(18);
    expect(r.messages[0]!.location).toBeTruthy();
    await expect(c.connection.sendRequest('jxlint/renderDocument', { uri: 'untitled:1' })).rejects.toMatchObject({ code: -32602 });
    const missing = (await c.connection.sendRequest('jxlint/renderDocument', { uri: fileUri(path.join(dir, 'missing.docx')) })) as { messages: { fatal?: boolean }[] };
    expect(missing.messages[0]!.fatal).toBe(true);
  });
});

describe('robustness and life cycle', () => {
  it('a client that goes away while Word files are being linted leaves no unhandled rejection behind', async () => {
    const ws = mkdtempSync(path.join(dir, 'gone-'));
    for (let i = 0; i < 4; i++) copyFileSync(path.resolve('fixtures/seed/seed.docx'), path.join(ws, `seed-${i}.docx`));
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const c = await inProcessClient({ rootPath: ws });
      // The workspace scan has begun: its first file is being linted when the client goes.
      await new Promise<void>((resolve) => {
        const wait = () => (c.progress.length > 0 ? resolve() : setTimeout(wait, 5));
        wait();
      });
      await c.dispose();
      // The server goes on with the other files and reports each (diagnostics, progress) to a closed connection.
      await new Promise((r) => setTimeout(r, 3000));
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    expect(rejections.map(String)).toEqual([]);
  });

  it('answers unknown methods with MethodNotFound and keeps serving', async () => {
    const c = await client({ pull: true });
    await expect(c.connection.sendRequest('jxlint/noSuchThing', {})).rejects.toMatchObject({ code: -32601 });
    await c.connection.sendNotification('jxlint/noSuchNotification', {});
    await expect(c.connection.sendRequest('workspace/executeCommand', { command: 'nope', arguments: [] })).rejects.toMatchObject({ code: -32602 });
    const r = (await c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///x.txt' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })) as unknown[];
    expect(r).toEqual([]);
  });

  it('a 10 MB text document is one information diagnostic, not a frozen server', async () => {
    const c = await client({ pull: true });
    const uri = fileUri(path.join(dir, 'big.txt'));
    const big = seedText.repeat(Math.ceil(10_000_000 / seedText.length));
    await open(c, uri, big);
    const r = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ code: 'too-large', severity: 3 });
  });

  it('text that does not parse as a table still gets an answer', async () => {
    const c = await client({ pull: true });
    const uri = fileUri(path.join(dir, 'garbled.txt'));
    await open(c, uri, '\tXX绩效目标表\n\t项目编码\n\t\u0000\u0001\uffff\n'.repeat(50));
    const r = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Diag[] };
    expect(r.kind).toBe('full');
    expect(Array.isArray(r.items)).toBe(true);
  });

  it('exits with 0 after shutdown and exit, with 1 on exit without shutdown', async () => {
    const c = await client();
    await c.connection.sendRequest('shutdown');
    await c.connection.sendNotification('exit');
    await vi.waitFor(() => expect(c.exits).toEqual([0]), { timeout: 10_000 });
    const d = await client();
    await d.connection.sendNotification('exit');
    await vi.waitFor(() => expect(d.exits).toEqual([1]), { timeout: 10_000 });
  });
});

describe('settings and registration', () => {
  it('jxlint.run onSave: edits are not linted until the document is saved', async () => {
    const c = await client({ initializationOptions: { jxlint: { run: 'onSave' } } });
    const uri = fileUri(path.join(dir, 'onsave.txt'));
    const first = c.waitForPublish(uri);
    await open(c, uri, seedText);
    const p1 = await first;
    await firstCostEdit(c, uri, p1.diagnostics as Diag[], '≤800万元', 2);
    await c.settle(300);
    expect(c.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1]);
    const saved = c.waitForPublish(uri, (p) => p.version === 2);
    await c.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    expect((await saved).diagnostics.filter((d) => d.code === 'cost-value-not-amount')).toHaveLength(17);
  });

  it('registers file watchers only with clients that allow dynamic registration', async () => {
    const ws = mkdtempSync(path.join(dir, 'reg-'));
    const plain = await client({ rootPath: ws, configuration: {} });
    const watching = await client({ rootPath: ws, watchRegistration: true });
    await plain.settle(200);
    await watching.settle(200);
    expect(plain.registrations).toEqual([]);
    expect(JSON.stringify(watching.registrations)).toContain('workspace/didChangeWatchedFiles');
    expect(JSON.stringify(watching.registrations)).toContain('jxlint.config.json');
  });
});
