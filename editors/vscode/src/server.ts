/** The language client: starts `jxlint lsp --stdio`, forwards settings and file events, restarts on demand. */
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  State,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { MESSAGES } from './messages';
import { resolveServerCommand, type ServerCommand } from './server-command';

export const CLIENT_ID = 'jxlint';
export const LANGUAGE_ID = 'jxlint-text';
/** Settings the server reads (initializationOptions and workspace/configuration, section `jxlint`). */
export const SERVER_SETTINGS = ['locale', 'preset', 'run', 'baseline'] as const;

/** Word/HTML/text files and the config files: the server lints the first as workspace diagnostics and re-reads the rest. */
export const WATCHED_GLOBS = ['**/*.{docx,doc,html,htm,txt}', '**/{jxlint.config.json,.jxlintrc.json,.jxlintignore}'] as const;

/** How long a stop waits for a client that is still starting. */
const START_WAIT_MS = 10_000;

export class JxlintServer implements vscode.Disposable {
  private client: JxlintLanguageClient | undefined;
  /** Start/stop run one after another, never interleaved. */
  private queue: Promise<void> = Promise.resolve();
  private readonly stateEmitter = new vscode.EventEmitter<boolean>();
  /** Fires `true` when the server is up, `false` when it went away. */
  readonly onDidChangeRunning = this.stateEmitter.event;

  constructor(private readonly output: vscode.OutputChannel) {}

  get running(): boolean {
    return this.client?.state === State.Running;
  }

  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.doStop();
      await this.doStart();
    });
  }

  async sendRequest<R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R> {
    await this.queue;
    const client = this.client;
    if (!client || client.state !== State.Running) throw new ServerNotRunningError();
    return client.sendRequest<R>(method, params, token);
  }

  dispose(): void {
    void this.stop();
    this.stateEmitter.dispose();
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async doStart(): Promise<void> {
    const command = currentServerCommand();
    const missing = missingExecutable(command);
    if (missing) {
      this.output.appendLine(missing);
      void notifyError(missing, this.output);
      return;
    }
    this.output.appendLine(`jxlint: ${command.command} ${command.args.join(' ')} (${command.origin}, cwd ${command.cwd ?? '-'})`);

    const serverOptions: ServerOptions = {
      command: command.command,
      args: command.args,
      options: { cwd: command.cwd, shell: command.shell, env: process.env },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: LANGUAGE_ID },
        { scheme: 'untitled', language: LANGUAGE_ID },
        // The server sniffs plain-text documents and lints those that are a 绩效目标表.
        { scheme: 'file', language: 'plaintext' },
        { scheme: 'untitled', language: 'plaintext' },
      ],
      synchronize: {
        configurationSection: CLIENT_ID,
        fileEvents: WATCHED_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
      },
      initializationOptions: () => serverSettings(),
      // Pull diagnostics after saves too: with `jxlint.run: onSave` the server lints only then.
      diagnosticPullOptions: { onChange: true, onSave: true },
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
    };

    const client = new JxlintLanguageClient(CLIENT_ID, 'jxlint', serverOptions, clientOptions);
    client.onDidChangeState((event) => {
      if (event.newState === State.Running) this.stateEmitter.fire(true);
      else if (event.oldState === State.Running) this.stateEmitter.fire(false);
    });
    this.client = client;
    try {
      await client.start();
    } catch (error) {
      const message = MESSAGES.startFailed(errorText(error));
      this.output.appendLine(message);
      void notifyError(message, this.output);
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    client.stopRequested = true;
    try {
      // After a crash the client restarts its server by itself; a client still starting cannot be stopped.
      if (client.state === State.Starting) await Promise.race([client.start().catch(() => undefined), delay(START_WAIT_MS)]);
      if (client.isRunning()) await client.stop(5_000);
      await client.dispose();
    } catch (error) {
      this.output.appendLine(`jxlint: stop: ${errorText(error)}`);
    }
  }
}

/**
 * A client that does not pop up an error while we stop it ourselves. vscode-languageclient 9 reports
 * "Connection to server got closed. Server will not be restarted." as a forced notification when the
 * server's pipes close while the client is still in its stopping state, without asking the error
 * handler (microsoft/vscode-languageserver-node#1782): on a restart or when VS Code closes, that is
 * the stop the user asked for, not a fault. The message still goes to the output channel.
 */
class JxlintLanguageClient extends LanguageClient {
  /** Set once we begin to stop this client; it is never started again. */
  stopRequested = false;

  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, this.stopRequested ? false : showNotification);
  }
}

export class ServerNotRunningError extends Error {
  constructor() {
    super('jxlint language server is not running');
  }
}

/** The `jxlint` settings the server understands, as initializationOptions. */
export function serverSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(CLIENT_ID);
  return Object.fromEntries(SERVER_SETTINGS.map((key) => [key, config.get(key)]));
}

export function currentServerCommand(): ServerCommand {
  return resolveServerCommand({
    configuredPath: vscode.workspace.getConfiguration(CLIENT_ID).get<string>('path'),
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    workspaceTrusted: vscode.workspace.isTrusted,
    platform: process.platform,
  });
}

function missingExecutable(command: ServerCommand): string | undefined {
  if (command.origin === 'path') return onPath(command.command) ? undefined : MESSAGES.notFoundOnPath;
  const file = command.command === 'node' ? command.args[0]! : command.command.replace(/^"|"$/g, '');
  return existsSync(file) ? undefined : MESSAGES.configuredPathMissing(file);
}

function onPath(name: string): boolean {
  const extensions = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of extensions) {
      try {
        if (statSync(path.join(dir, name + ext)).isFile()) return true;
      } catch {
        // not in this directory
      }
    }
  }
  return false;
}

async function notifyError(message: string, output: vscode.OutputChannel): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, MESSAGES.showOutput);
  if (choice === MESSAGES.showOutput) output.show(true);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0]!;
  return String(error);
}
