/**
 * The language server through the real stdio process (`node dist/bin/main.cjs lsp --stdio`):
 * - publish latency after a one-character edit of the seed text, median of 100 edits, counted from
 *   the end of the debounce (edit sent → diagnostics received, minus DEBOUNCE_MS);
 * - server RSS over 1,000 edits (sampled from /proc);
 * - server RSS (worker threads included) while it lints a folder of 500 .docx in the background,
 *   and how fast it answers hover on an open text export meanwhile.
 * Run alone: `node dist/bench/lsp.js`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { DEBOUNCE_MS } from '../src/lsp/server.js';
import { type BenchRow, printRows, repoRoot } from './util.js';

interface Server {
  child: ChildProcess;
  connection: ProtocolConnection;
  next(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  progressDone: Promise<void>;
  stop(): Promise<void>;
}

async function startServer(root: string, workspace: string | null): Promise<Server> {
  const child = spawn(process.execPath, [path.join(root, 'dist/bin/main.cjs'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    for (const w of [...waiters]) {
      if (w.uri === p.uri && (w.version === undefined || w.version === p.version)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  let progressEnd!: () => void;
  const progressDone = new Promise<void>((r) => (progressEnd = r));
  connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
    if (p.value.kind === 'end') progressEnd();
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const uri = workspace ? pathToFileURL(workspace).href : null;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: uri ? [{ uri, name: 'bench' }] : null,
    capabilities: { window: { workDoneProgress: true } },
  });
  await connection.sendNotification('initialized', {});
  return {
    child,
    connection,
    progressDone,
    next: (u, version) => new Promise((resolve) => waiters.push({ uri: u, version, resolve })),
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise((r) => child.once('exit', r));
      connection.dispose();
    },
  };
}

/** Resident set size of a process in MiB (Linux /proc). */
function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchLsp(): Promise<BenchRow[]> {
  const root = repoRoot();
  const seed = readFileSync(path.join(root, 'fixtures/seed/seed.txt'), 'utf8');
  const rows: BenchRow[] = [];
  const work = mkdtempSync(path.join(tmpdir(), 'jxlint-bench-lsp-'));
  try {
    // 1. Edit latency and memory over edits.
    const server = await startServer(root, null);
    const uri = pathToFileURL(path.join(work, 'seed.txt')).href;
    const pid = server.child.pid!;
    let version = 1;
    let first = server.next(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'jxlint-text', version, text: seed } });
    await first;
    // A character typed and removed at the end of the first line, alternately.
    const edit = (v: number) => ({
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: v % 2 ? 1 : 0 } }, text: v % 2 ? '' : ' ' }],
    });
    for (let i = 0; i < 20; i++) {
      first = server.next(uri, ++version);
      await server.connection.sendNotification('textDocument/didChange', edit(version));
      await first;
    }
    const latencies: number[] = [];
    for (let i = 0; i < 100; i++) {
      const published = server.next(uri, ++version);
      const t0 = performance.now();
      await server.connection.sendNotification('textDocument/didChange', edit(version));
      await published;
      latencies.push(performance.now() - t0 - DEBOUNCE_MS);
    }
    rows.push({ name: `publish after a 1-character edit, from the end of the ${DEBOUNCE_MS} ms debounce (median of 100)`, value: median(latencies), unit: 'ms', target: '< 50 ms', ok: median(latencies) < 50 });
    const rssStart = rssMiB(pid);
    let rssMax = rssStart;
    for (let burst = 0; burst < 100; burst++) {
      for (let i = 0; i < 9; i++) void server.connection.sendNotification('textDocument/didChange', edit(++version));
      const published = server.next(uri, ++version);
      await server.connection.sendNotification('textDocument/didChange', edit(version));
      await published;
      rssMax = Math.max(rssMax, rssMiB(pid));
    }
    const rssEnd = rssMiB(pid);
    rows.push({ name: 'server RSS after the first 120 edits', value: rssStart, unit: 'MiB' });
    rows.push({ name: 'server RSS, peak over 1,000 more edits', value: rssMax, unit: 'MiB', target: '< 150 MiB', ok: rssMax < 150 });
    rows.push({ name: 'server RSS after them (growth shows here)', value: rssEnd, unit: 'MiB' });
    await server.stop();

    // 2. A folder of 500 .docx linted in the background, a text export answered meanwhile.
    const folder = path.join(work, 'folder');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    for (let i = 0; i < 500; i++) copyFileSync(path.join(root, 'fixtures/seed/seed.docx'), path.join(folder, `报表-${String(i).padStart(3, '0')}.docx`));
    const t0 = performance.now();
    const busy = await startServer(root, folder);
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(busy.child.pid!))), 100);
    const textUri = pathToFileURL(path.join(work, 'open.txt')).href;
    await new Promise((r) => setTimeout(r, 1000));
    const opened = busy.next(textUri, 1);
    const t1 = performance.now();
    await busy.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: textUri, languageId: 'jxlint-text', version: 1, text: seed } });
    const d = (await opened).diagnostics.find((x) => x.code === 'cost-value-not-amount')!;
    const openMs = performance.now() - t1;
    const hovers: number[] = [];
    for (let i = 0; i < 20; i++) {
      const h0 = performance.now();
      await busy.connection.sendRequest('textDocument/hover', { textDocument: { uri: textUri }, position: d.range.start });
      hovers.push(performance.now() - h0);
      await new Promise((r) => setTimeout(r, 50));
    }
    await busy.progressDone;
    const scanS = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    rows.push({ name: 'folder of 500 .docx: background lint time', value: scanS, unit: 's' });
    rows.push({ name: 'folder of 500 .docx: server peak RSS (workers included)', value: peak, unit: 'MiB', target: '< 300 MiB', ok: peak < 300 });
    rows.push({ name: 'during that scan: open the seed text → diagnostics', value: openMs, unit: 'ms' });
    rows.push({ name: 'during that scan: hover, median of 20', value: median(hovers), unit: 'ms' });
    await busy.stop();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  printRows('Language server (jxlint lsp --stdio)', await benchLsp());
}
