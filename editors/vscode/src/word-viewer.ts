/**
 * A read-only custom editor for Word files: asks the server for `jxlint/renderDocument` (jxlint's HTML
 * report for that one file — the tables drawn like the form, faulty cells highlighted, messages beside
 * them) and shows it in a webview. Re-renders when the file changes on disk or the server restarts.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { MESSAGES } from './messages';
import { CLIENT_ID, ServerNotRunningError, errorText, type JxlintServer } from './server';
import { messagePage, prepareReportForWebview } from './webview-html';

export const WORD_VIEWER = 'jxlint.wordViewer';
export const RENDER_DOCUMENT = 'jxlint/renderDocument';

/** `jxlint/renderDocument` response; `messages` are the server's LintMessage objects. */
export interface RenderDocumentResult {
  html: string;
  messages: unknown[];
}

const RERENDER_DELAY_MS = 200;

export class WordViewerProvider implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly server: JxlintServer) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): void {
    const view = new WordView(document.uri, panel, this.server);
    panel.onDidDispose(() => view.dispose());
    void view.render();
  }
}

class WordView implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Only the latest render may write the page. */
  private generation = 0;
  private pending: vscode.CancellationTokenSource | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly name: string;

  constructor(
    private readonly uri: vscode.Uri,
    private readonly panel: vscode.WebviewPanel,
    private readonly server: JxlintServer,
  ) {
    this.name = path.basename(uri.path);
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [] };
    panel.webview.html = messagePage(MESSAGES.reading(this.name), '', panel.webview);

    if (uri.scheme === 'file') {
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), path.basename(uri.path)),
      );
      this.disposables.push(watcher, watcher.onDidChange(() => this.schedule()), watcher.onDidCreate(() => this.schedule()));
    }
    this.disposables.push(
      server.onDidChangeRunning(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(CLIENT_ID, uri)) this.schedule();
      }),
    );
  }

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), RERENDER_DELAY_MS);
  }

  async render(): Promise<void> {
    const generation = ++this.generation;
    this.pending?.cancel();
    const cancel = (this.pending = new vscode.CancellationTokenSource());
    const webview = this.panel.webview;
    let page: string;
    if (this.uri.scheme !== 'file') {
      page = messagePage(MESSAGES.notAFile(this.uri.toString()), '', webview);
    } else {
      try {
        const result = await this.server.sendRequest<RenderDocumentResult>(RENDER_DOCUMENT, { uri: this.uri.toString() }, cancel.token);
        if (typeof result?.html !== 'string') throw new Error('jxlint/renderDocument: no html');
        page = prepareReportForWebview(result.html, { cspSource: webview.cspSource, nonce: randomBytes(16).toString('base64') });
      } catch (error) {
        if (generation !== this.generation) return;
        page =
          error instanceof ServerNotRunningError
            ? messagePage(MESSAGES.serverNotRunning(this.name), '', webview)
            : messagePage(MESSAGES.renderFailed(this.name, errorText(error)), '', webview);
      }
    }
    if (generation === this.generation) webview.html = page;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.pending?.cancel();
    for (const d of this.disposables) d.dispose();
  }
}
