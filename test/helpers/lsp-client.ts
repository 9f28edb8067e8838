/**
 * A small LSP client for the server tests: in-process over two PassThrough streams, or a child
 * process over stdio. Collects what the server sends (diagnostics, log and show messages,
 * progress) and answers the server's requests (configuration, registration, progress tokens).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { startServer } from '../../src/lsp/index.js';

export interface ClientOptions {
  /** Pull-diagnostics client (LSP 3.17) instead of a push-only one. */
  pull?: boolean;
  workDoneProgress?: boolean;
  configuration?: Record<string, unknown> | null;
  initializationOptions?: unknown;
  rootPath?: string | null;
  watchRegistration?: boolean;
  processId?: number | null;
}

export interface TestClient {
  connection: ProtocolConnection;
  published: PublishDiagnosticsParams[];
  logs: string[];
  shown: { type: number; message: string }[];
  progress: { token: unknown; value: { kind: string; message?: string; percentage?: number; title?: string } }[];
  registrations: unknown[];
  showDocuments: unknown[];
  /** Exit codes the server asked for (in-process only). */
  exits: number[];
  initializeResult: InitializeResult;
  /** Resolves with the next publish for `uri` that satisfies `match`. */
  waitForPublish(uri: string, match?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Waits until the server has been quiet about `uri` for `ms`. */
  settle(ms?: number): Promise<void>;
  dispose(): Promise<void>;
  child?: ChildProcess;
  stderr: string[];
}

export function capabilities(options: ClientOptions): ClientCapabilities {
  return {
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
      ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
    window: { workDoneProgress: options.workDoneProgress ?? true, showDocument: { support: true } },
    workspace: {
      configuration: options.configuration !== undefined && options.configuration !== null,
      didChangeWatchedFiles: { dynamicRegistration: options.watchRegistration ?? false },
      workspaceFolders: true,
      ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
  };
}

function wire(connection: ProtocolConnection, options: ClientOptions, client: Omit<TestClient, 'initializeResult' | 'dispose' | 'connection'>) {
  const waiters: { uri: string; match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  let lastActivity = Date.now();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    lastActivity = Date.now();
    client.published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.match(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => client.logs.push(p.message));
  connection.onNotification('window/showMessage', (p: { type: number; message: string }) => client.shown.push(p));
  connection.onNotification('$/progress', (p: TestClient['progress'][number]) => client.progress.push(p));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onRequest('window/showDocument', (p: unknown) => {
    client.showDocuments.push(p);
    return { success: true };
  });
  connection.onRequest('client/registerCapability', (p: unknown) => {
    client.registrations.push(p);
    return null;
  });
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
    p.items.map((i) => (i.section === 'jxlint' ? (options.configuration ?? null) : null)),
  );
  return {
    waitForPublish(uri: string, match: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 15_000) {
      return new Promise<PublishDiagnosticsParams>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no publish for ${uri} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          uri,
          match,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        });
      });
    },
    async settle(ms = 300) {
      lastActivity = Date.now();
      while (Date.now() - lastActivity < ms) await new Promise((r) => setTimeout(r, 50));
    },
  };
}

async function initialize(connection: ProtocolConnection, options: ClientOptions): Promise<InitializeResult> {
  const root = options.rootPath ?? null;
  const result = (await connection.sendRequest('initialize', {
    processId: options.processId ?? null,
    rootUri: root ? pathToFileURL(root).href : null,
    workspaceFolders: root ? [{ uri: pathToFileURL(root).href, name: 'ws' }] : null,
    capabilities: capabilities(options),
    initializationOptions: options.initializationOptions,
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});
  return result;
}

/** The server in this process, over two PassThrough streams. */
export async function inProcessClient(options: ClientOptions = {}): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const exits: number[] = [];
  startServer(toServer, toClient, { exit: (code) => exits.push(code), workerFile: null });
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const base = { published: [], logs: [], shown: [], progress: [], registrations: [], showDocuments: [], exits, stderr: [] as string[] };
  const helpers = wire(connection, options, base as unknown as TestClient);
  connection.listen();
  const initializeResult = await initialize(connection, options);
  const client: TestClient = {
    ...base,
    ...helpers,
    connection,
    initializeResult,
    async dispose() {
      connection.dispose();
      toServer.end();
    },
  };
  // keep the arrays shared with the handlers
  return Object.assign(base, client);
}

/** The server as a child process (`node <bin> lsp --stdio` or any command), over stdio. */
export async function childClient(command: string, args: string[], options: ClientOptions = {}, cwd?: string): Promise<TestClient> {
  const child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const base = { published: [], logs: [], shown: [], progress: [], registrations: [], showDocuments: [], exits: [], stderr, child };
  const helpers = wire(connection, options, base as unknown as TestClient);
  connection.listen();
  const initializeResult = await initialize(connection, { ...options, processId: options.processId ?? process.pid });
  const client: TestClient = {
    ...base,
    ...helpers,
    connection,
    initializeResult,
    async dispose() {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
  return Object.assign(base, client);
}

/** Waits for a child process to exit, with its code. */
export function exited(child: ChildProcess, timeoutMs = 10_000): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not exit')), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}
