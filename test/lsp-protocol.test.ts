/**
 * The language server in-process, over a connection pair: every feature through the protocol.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
  });
});
