/**
 * Starting the language server: a connection over any pair of streams (stdio for `jxlint lsp
 * --stdio`, PassThrough pairs in tests), with our own watchdog so that `exit` and the death of the
 * parent process (processId from initialize) end the process, and tests can observe it instead.
 */
import { format } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import type { Connection, InitializeParams } from 'vscode-languageserver';
// The transport-neutral connection (the /node one installs its own exit watchdog on process.exit).
import { createConnection, type WatchDog } from 'vscode-languageserver/lib/common/server.js';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';
import { FrameGuard } from './framing.js';
import { JxlintServer, type ServerOptions } from './server.js';

export { JxlintServer, LANGUAGE_ID, RENDER_DOCUMENT_METHOD, DEBOUNCE_MS, MAX_TEXT_LENGTH, looksLikeTargetTable } from './server.js';
export type { RenderDocumentParams, RenderDocumentResult, ServerOptions } from './server.js';

export interface ConnectionOptions extends ServerOptions {
  /** Called with the exit code on `exit`, when the parent dies, or when the input ends. */
  exit: (code: number) => void;
  /** How often the parent process is checked (ms). */
  parentCheckMs?: number;
}

/** A server on a pair of streams. */
export function startServer(input: Readable, output: Writable, options: ConnectionOptions): { connection: Connection; server: JxlintServer } {
  let parentTimer: NodeJS.Timeout | null = null;
  let exited = false;
  const exit = (code: number) => {
    if (exited) return;
    exited = true;
    if (parentTimer) clearInterval(parentTimer);
    options.exit(code);
  };
  const watchDog: WatchDog = {
    shutdownReceived: false,
    initialize(params: InitializeParams) {
      const pid = params.processId;
      if (typeof pid !== 'number' || pid <= 0) return;
      parentTimer = setInterval(() => {
        try {
          process.kill(pid, 0);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EPERM') exit(watchDog.shutdownReceived ? 0 : 1);
        }
      }, options.parentCheckMs ?? 3000);
      parentTimer.unref();
    },
    exit,
  };
  // Broken frame headers and oversized messages are dropped before the JSON-RPC reader (framing.ts).
  let warn: (message: string) => void = () => undefined;
  const frames = input.pipe(new FrameGuard((reason) => warn(`jxlint：已忽略一条格式错误或过大的消息（${reason}）`)));
  const connection = createConnection(
    (logger) => createProtocolConnection(new StreamMessageReader(frames), new StreamMessageWriter(output), logger),
    watchDog,
  );
  warn = (message) => connection.console.warn(message);
  const server = new JxlintServer(connection, options);
  input.on('end', () => exit(watchDog.shutdownReceived ? 0 : 1));
  input.on('close', () => exit(watchDog.shutdownReceived ? 0 : 1));
  connection.listen();
  return { connection, server };
}

/** `jxlint lsp --stdio`: the server on stdin/stdout. Console output goes to the client's log. */
export function runStdio(options: ServerOptions = {}): void {
  const { connection } = startServer(process.stdin, process.stdout, { ...options, exit: (code) => process.exit(code) });
  const toClient = (...args: unknown[]) => connection.console.log(format(...args));
  console.log = toClient;
  console.info = toClient;
  console.warn = toClient;
  console.debug = toClient;
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  process.on('uncaughtException', (e) => {
    try {
      connection.console.error(`jxlint 内部错误（internal error）：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    } catch {
      // the connection is gone
    }
  });
  process.on('unhandledRejection', (e) => {
    try {
      connection.console.error(`jxlint 内部错误（unhandled rejection）：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    } catch {
      // the connection is gone
    }
  });
}
