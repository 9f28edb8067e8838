/**
 * The jxlint language server (`jxlint lsp --stdio`): a thin shell over the library API. Text exports
 * are linted as they are edited (debounced, keyed by document version, never a stale result); Word
 * and HTML files of the workspace are linted in the background and reported as workspace
 * diagnostics; hover, code actions, config reload and the `jxlint/renderDocument` request for the
 * VS Code extension's Word viewer.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ShowMessageNotification,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressServerReporter,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CONFIG_FILE_NAMES,
  getRule,
  lint,
  parseText,
  stringifyBaseline,
  parseBaseline,
  type JxDocument,
  type LintMessage,
  type LintResult,
} from '../index.js';
import { codeActions, COMMANDS, FIX_ALL_KIND } from './code-actions.js';
import { baselineWith, DEFAULT_BASELINE_NAME, fileExists, readSettings, WorkspaceConfig } from './config.js';
import { SOURCE, textDiagnostics, type DiagnosticData } from './diagnostics.js';
import { hoverAt } from './hover.js';
import { packageInfo, ruleDocsHref } from './package-info.js';
import type { FileReport, WordFiles } from './word-files.js';

/** Language id the VS Code extension registers for text exports. */
export const LANGUAGE_ID = 'jxlint-text';
/** Re-lint delay after an edit (ms). */
export const DEBOUNCE_MS = 30;
/** Text documents longer than this (UTF-16 code units) are not linted while editing. */
export const MAX_TEXT_LENGTH = 1_000_000;

export const RENDER_DOCUMENT_METHOD = 'jxlint/renderDocument';

export interface RenderDocumentParams {
  uri: string;
}
export interface RenderDocumentResult {
  html: string;
  messages: LintMessage[];
}

export interface ServerOptions {
  /** The compiled worker that lints Word files off the main thread (null: in-process). */
  workerFile?: string | URL | null;
}

/** A cheap check that a plain-text document is a 绩效目标表 export. */
export function looksLikeTargetTable(text: string): boolean {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  return /项目编码|绩效目标表|项目名称|预算项目|绩效指标/.test(head);
}

interface TextLint {
  version: number;
  generation: number;
  resultId: string;
  diagnostics: Diagnostic[];
  /** Messages of this version (fix-all edits), null when nothing was linted (ignored, too large). */
  messages: LintMessage[] | null;
  document: JxDocument | null;
}

interface TextState {
  uri: string;
  timer: NodeJS.Timeout | null;
  latest: TextLint | null;
  /** The lint whose diagnostics were pushed last. */
  publishedResultId: string | null;
  /** Whether anything but an empty list was ever pushed (a document that is no 绩效目标表 gets nothing). */
  everPublished: boolean;
  /** The version last saved (`jxlint.run: onSave`). */
  savedVersion: number | null;
}

function uriToPath(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

export class JxlintServer {
  readonly documents = new TextDocuments(TextDocument);
  private readonly states = new Map<string, TextState>();
  private config!: WorkspaceConfig;
  private words: WordFiles | null = null;
  private wordsLoading: Promise<WordFiles> | null = null;
  private pullText = false;
  private workDoneSupport = false;
  private configurationSupport = false;
  private showDocumentSupport = false;
  private refreshSupport = false;
  private watchRegistration = false;
  private configRegistration = false;
  private shutdown = false;
  private resultSeq = 0;
  private progress: WorkDoneProgressServerReporter | null = null;
  private progressPending: Promise<WorkDoneProgressServerReporter | null> | null = null;
  private readonly workspaceWaiters = new Set<() => void>();
  private readonly configProblemUris = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly options: ServerOptions = {},
  ) {
    this.wire();
  }

  private log(message: string): void {
    this.notify(() => this.connection.console.log(message));
  }

  /** window/showMessage (a notification: nothing waits for the user). */
  private showMessage(type: MessageType, message: string): void {
    this.notify(() => this.connection.sendNotification(ShowMessageNotification.type, { type, message }));
  }

  /**
   * Sends a notification and does not wait for it. A client that has gone without shutdown (its
   * stream closed while a Word file was still being linted) makes the send fail with "Connection is
   * closed"; that is dropped here rather than left as an unhandled rejection.
   */
  private notify(send: () => Promise<unknown> | void): void {
    try {
      send()?.catch(() => undefined);
    } catch {
      // the connection is closed or disposed
    }
  }

  private get locale() {
    return this.config?.locale ?? 'zh-CN';
  }

  private wire(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => void this.initialized());
    c.onShutdown(async () => {
      this.shutdown = true;
      for (const s of this.states.values()) if (s.timer) clearTimeout(s.timer);
      await this.words?.dispose();
      this.progress?.done();
    });
    // Fired on open (lint at once) and on every change (debounced).
    this.documents.onDidChangeContent((e) => {
      const state = this.states.get(e.document.uri);
      if (this.config?.clientSettings.run === 'onSave' && state?.latest) return;
      this.schedule(e.document.uri, state ? DEBOUNCE_MS : 0);
    });
    this.documents.onDidSave((e) => {
      this.schedule(e.document.uri, 0);
      const state = this.states.get(e.document.uri);
      if (state) state.savedVersion = e.document.version;
    });
    this.documents.onDidClose((e) => this.close(e.document.uri));
    this.documents.listen(c);

    c.languages.diagnostics.on((params) => this.pullDocument(documentUri(params), params.previousResultId));
    c.languages.diagnostics.onWorkspace((params, token, _workDone, resultProgress) =>
      this.pullWorkspace(new Map((Array.isArray(params?.previousResultIds) ? params.previousResultIds : []).filter((p) => typeof p?.uri === 'string').map((p) => [p.uri, p.value])), token, resultProgress),
    );
    c.onHover((params) => {
      const doc = this.documents.get(documentUri(params));
      if (!doc) return null;
      const latest = this.current(doc);
      return hoverAt(params.position, latest?.diagnostics ?? [], latest?.document ?? null, this.localeFor(doc.uri));
    });
    c.onCodeAction((params) => {
      const doc = this.documents.get(documentUri(params));
      if (!doc) return [];
      const latest = this.current(doc);
      return codeActions({ params, doc, messages: latest?.messages ?? null, locale: this.localeFor(doc.uri) });
    });
    c.onExecuteCommand((params) => this.executeCommand(params.command, params.arguments ?? []));
    c.onDidChangeConfiguration((params) => void this.reloadSettings(params.settings));
    c.onDidChangeWatchedFiles((params) => {
      // Only well-formed changes (a client may send anything).
      const changes = (Array.isArray(params?.changes) ? params.changes : []).filter((ch) => typeof ch?.uri === 'string');
      const touchesConfig = changes.some((ch) => {
        const p = uriToPath(ch.uri);
        const base = p ? path.basename(p) : '';
        return (CONFIG_FILE_NAMES as readonly string[]).includes(base) || base === '.jxlintignore' || (p !== null && p === this.config.baselineFile());
      });
      if (touchesConfig) {
        this.reloadConfig();
        return;
      }
      for (const ch of changes) {
        const p = uriToPath(ch.uri);
        if (!p || !this.isWord(p)) continue;
        void this.wordFiles().then((w) => (ch.type === FileChangeType.Deleted ? w.remove(p) : w.changed(p)));
      }
    });
    c.onRequest(RENDER_DOCUMENT_METHOD, (params: RenderDocumentParams) => this.renderDocument(params));
  }

  private isWord(p: string): boolean {
    return /\.(docx|doc|html?|xlsx|xlsm)$/i.test(p);
  }

  // -------------------------------------------------------------------------
  // Life cycle

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities;
    this.pullText = !!caps.textDocument?.diagnostic;
    this.workDoneSupport = !!caps.window?.workDoneProgress;
    this.configurationSupport = !!caps.workspace?.configuration;
    this.showDocumentSupport = !!caps.window?.showDocument?.support;
    this.refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
    this.watchRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.configRegistration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    const roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (roots.length === 0 && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) roots.push(p);
    }
    if (roots.length === 0 && params.rootPath) roots.push(params.rootPath);
    this.config = new WorkspaceConfig(roots, (file, error) => this.configProblem(file, error));
    const problems: string[] = [];
    this.config.setSettings(readSettings(params.initializationOptions, problems));
    for (const p of problems) this.log(p);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        diagnosticProvider: { identifier: 'jxlint', interFileDependencies: false, workspaceDiagnostics: true },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'jxlint', version: packageInfo().version },
    };
  }

  private async initialized(): Promise<void> {
    // Dynamic registration only where the client offers it (Neovim 0.7 warns otherwise).
    if (this.configurationSupport && this.configRegistration) {
      try {
        await this.connection.client.register(DidChangeConfigurationNotification.type, undefined);
      } catch {
        // optional: clients also send the notification unasked
      }
    }
    if (this.configurationSupport) await this.reloadSettings(undefined);
    if (this.watchRegistration) {
      try {
        await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: '**/*.{docx,doc,html,htm,xlsx,xlsm}' },
            { globPattern: '**/{jxlint.config.json,.jxlintrc.json,.jxlintignore}' },
            { globPattern: `**/${DEFAULT_BASELINE_NAME}` },
          ],
        });
      } catch (e) {
        this.log(`jxlint: 无法注册文件监视（${(e as Error).message}）（could not register file watchers）`);
      }
    }
    if (this.config.workspaceRoots.length > 0) void this.wordFiles().then((w) => w.scanWorkspace());
    // Build the parser and run the rules once on a small table while the editor is idle, so the
    // first document opened does not pay for it.
    setTimeout(() => {
      try {
        const sample = getRule('cost-value-not-amount')?.meta.docs.bad;
        if (sample && this.states.size === 0) lint(parseText(sample, 'warm-up.txt'));
      } catch {
        // only a warm-up
      }
    }, 0).unref();
  }

  /** The Word-file linter, loaded on first use (text-only sessions never load it). */
  private wordFiles(): Promise<WordFiles> {
    if (this.words) return Promise.resolve(this.words);
    this.wordsLoading ??= import('./word-files.js').then(({ WordFiles }) => {
      this.words = new WordFiles(
        this.config,
        {
          onReport: (report, removed) => this.wordReport(report, removed),
          onProgress: (event) => this.wordProgress(event),
          log: (m) => this.log(m),
        },
        this.options.workerFile,
        this.pullText,
      );
      return this.words;
    });
    return this.wordsLoading;
  }

  private wordReport(report: FileReport, removed: boolean): void {
    if (this.shutdown) return;
    if (!this.pullText || removed) this.notify(() => this.connection.sendDiagnostics({ uri: report.uri, diagnostics: report.diagnostics }));
    for (const wake of [...this.workspaceWaiters]) wake();
  }

  private wordProgress(event: { kind: 'begin'; total: number } | { kind: 'report'; done: number; total: number } | { kind: 'end'; done: number }): void {
    if (!this.workDoneSupport || this.shutdown) return;
    const zh = this.locale === 'zh-CN';
    if (event.kind === 'begin') {
      this.progressPending = this.connection.window
        .createWorkDoneProgress()
        .then((p) => {
          p.begin(zh ? 'jxlint：检查 Word 文件' : 'jxlint: checking Word files', 0, `0/${event.total}`, false);
          this.progress = p;
          return p;
        })
        .catch(() => null);
    } else if (event.kind === 'report') {
      const { done, total } = event;
      this.notify(() => this.progressPending?.then((p) => p?.report(Math.floor((done / Math.max(1, total)) * 100), `${done}/${total}`)));
    } else {
      const pending = this.progressPending;
      this.progressPending = null;
      this.notify(() =>
        pending?.then((p) => {
          if (this.progress === p) this.progress = null;
          p?.done();
        }),
      );
    }
  }

  // -------------------------------------------------------------------------
  // Settings and config

  private async reloadSettings(pushed: unknown): Promise<void> {
    let raw: unknown = pushed;
    if (this.configurationSupport) {
      try {
        raw = { jxlint: await this.connection.workspace.getConfiguration('jxlint') };
      } catch {
        raw = pushed;
      }
    }
    if (raw === undefined || raw === null) return;
    const problems: string[] = [];
    const next = readSettings(raw, problems);
    for (const p of problems) this.log(p);
    const prev = this.config.clientSettings;
    if (JSON.stringify(prev) === JSON.stringify(next)) return;
    this.config.setSettings(next);
    this.relintAll();
  }

  private reloadConfig(): void {
    this.config.invalidate();
    this.relintAll();
  }

  private relintAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
    if (this.pullText && this.refreshSupport) this.notify(() => this.connection.languages.diagnostics.refresh());
    if (this.words) void this.words.reset();
  }

  private configProblem(file: string, error: Error | null): void {
    const uri = pathToFileURL(file).href;
    if (!error) {
      this.configProblemUris.delete(uri);
      this.notify(() => this.connection.sendDiagnostics({ uri, diagnostics: [] }));
      return;
    }
    this.configProblemUris.add(uri);
    const key = (error as { key?: string }).key ?? '';
    const range = keyRange(file, key);
    this.notify(() =>
      this.connection.sendDiagnostics({
        uri,
        diagnostics: [{ range, severity: DiagnosticSeverity.Error, source: SOURCE, code: 'config-error', message: error.message }],
      }),
    );
    const zh = this.locale === 'zh-CN';
    this.showMessage(MessageType.Error, `${error.message}${zh ? '；jxlint 继续使用上一次有效的配置' : '; jxlint keeps using the last valid configuration'}`);
  }

  // -------------------------------------------------------------------------
  // Text documents

  private localeFor(uri: string) {
    const p = uriToPath(uri);
    return p ? this.config.localeFor(p) : this.config.locale;
  }

  private schedule(uri: string, delay: number): void {
    if (this.shutdown) return;
    let state = this.states.get(uri);
    if (!state) {
      state = { uri, timer: null, latest: null, publishedResultId: null, everPublished: false, savedVersion: null };
      this.states.set(uri, state);
    }
    if (state.timer) clearTimeout(state.timer);
    const s = state;
    s.timer = setTimeout(() => {
      s.timer = null;
      this.lintAndPublish(s);
    }, delay);
  }

  /** The latest lint of the document's current version (linting now when there is none). */
  private current(doc: TextDocument): TextLint | null {
    const state = this.states.get(doc.uri);
    if (!state) return null;
    if (state.latest && state.latest.version === doc.version && state.latest.generation === this.config.generation) return state.latest;
    return this.lintNow(state, doc);
  }

  private lintAndPublish(state: TextState): void {
    if (this.states.get(state.uri) !== state || this.shutdown) return;
    const doc = this.documents.get(state.uri);
    if (!doc) return;
    const result = this.current(doc);
    if (!result) return;
    // A newer version arrived meanwhile: its own timer publishes it.
    if (this.states.get(state.uri) !== state || this.documents.get(state.uri)?.version !== result.version) return;
    if (!this.pullText && state.publishedResultId !== result.resultId) {
      state.publishedResultId = result.resultId;
      if (result.diagnostics.length === 0 && !state.everPublished) return;
      state.everPublished = true;
      this.notify(() => this.connection.sendDiagnostics({ uri: state.uri, version: result.version, diagnostics: result.diagnostics }));
    }
  }

  private lintNow(state: TextState, doc: TextDocument): TextLint {
    const version = doc.version;
    const generation = this.config.generation;
    const done = (diagnostics: Diagnostic[], messages: LintMessage[] | null, document: JxDocument | null): TextLint => {
      const latest = { version, generation, resultId: `${++this.resultSeq}`, diagnostics, messages, document };
      state.latest = latest;
      return latest;
    };
    // A client that opened a document with a uri or a text that is not a string (a broken message): nothing to lint.
    if (typeof doc.uri !== 'string' || typeof doc.getText() !== 'string') return done([], null, null);
    const zh = this.localeFor(doc.uri) === 'zh-CN';
    const text = doc.getText();
    const filePath = uriToPath(doc.uri) ?? path.join(this.config.workspaceRoots[0] ?? process.cwd(), path.basename(doc.uri));
    // An .html opened as text is read as a web page by the workspace scan, not as a text export.
    if (this.isWord(filePath) || (doc.languageId !== LANGUAGE_ID && !looksLikeTargetTable(text))) return done([], null, null);
    if (this.config.ignores(filePath)) return done([], null, null);
    if (text.length > MAX_TEXT_LENGTH) {
      const size = (text.length / 1_000_000).toFixed(1);
      return done(
        [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            severity: DiagnosticSeverity.Information,
            source: SOURCE,
            code: 'too-large',
            message: zh
              ? `文档过大（${size} 百万字符），编辑时不检查；请在终端运行 jxlint 检查该文件`
              : `Document too large (${size} million characters) to check while editing; run jxlint on it in a terminal`,
          },
        ],
        null,
        null,
      );
    }
    try {
      const config = this.config.configFor(filePath);
      const document = parseText(text, filePath);
      const locale = this.config.localeFor(filePath);
      const result: LintResult = this.config.applyBaseline(lint(document, { config, locale }));
      return done(textDiagnostics(doc, result.messages, document, locale), result.messages, document);
    } catch (e) {
      const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
      this.log(`jxlint: 检查 ${doc.uri} 时内部出错（${detail}）（internal error while linting）`);
      return done(
        [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            severity: DiagnosticSeverity.Error,
            source: SOURCE,
            code: 'internal-error',
            message: zh ? `jxlint 内部错误：${detail}；请报告此问题并附上文件` : `jxlint internal error: ${detail}; please report it with the file`,
          },
        ],
        null,
        null,
      );
    }
  }

  private close(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(uri);
    if (!this.shutdown) this.notify(() => this.connection.sendDiagnostics({ uri, diagnostics: [] }));
  }

  private pullDocument(uri: string, previousResultId: string | undefined): DocumentDiagnosticReport {
    const doc = this.documents.get(uri);
    if (!doc) {
      const report = this.words?.report(uri);
      return { kind: DocumentDiagnosticReportKind.Full, items: report?.diagnostics ?? [] };
    }
    const state = this.states.get(uri);
    // onSave: between saves the client keeps the diagnostics of the last saved version.
    const keep = this.config.clientSettings.run === 'onSave' && state?.latest && state.savedVersion !== doc.version ? state.latest : null;
    const latest = keep ?? this.current(doc);
    if (!latest) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (previousResultId && previousResultId === latest.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: latest.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: latest.resultId, items: latest.diagnostics };
  }

  // -------------------------------------------------------------------------
  // Workspace diagnostics (Word and HTML files)

  private async pullWorkspace(
    previous: Map<string, string>,
    token: { isCancellationRequested: boolean; onCancellationRequested(listener: () => void): unknown },
    resultProgress: { report(value: { items: WorkspaceDocumentDiagnosticReport[] }): void } | undefined,
  ): Promise<{ items: WorkspaceDocumentDiagnosticReport[] }> {
    if (this.config.workspaceRoots.length === 0) return { items: [] };
    const words = await this.wordFiles();
    const waitForChange = () =>
      new Promise<void>((resolve) => {
        const wake = () => {
          this.workspaceWaiters.delete(wake);
          resolve();
        };
        this.workspaceWaiters.add(wake);
        token.onCancellationRequested(wake);
      });
    // Long poll: while every report is one the client already has, answer when something changes.
    for (;;) {
      if (!words.idle) await Promise.race([words.whenIdle(), waitForChange()]);
      if (!words.idle && resultProgress) {
        // Stream what is ready while the rest is linted.
        const ready = this.workspaceItems(words, previous, true);
        if (ready.length > 0) resultProgress.report({ items: ready });
        for (const item of ready) if (item.resultId) previous.set(item.uri, item.resultId);
        continue;
      }
      if (!words.idle) continue;
      const items = this.workspaceItems(words, previous, false);
      const changed = items.some((i) => i.kind === DocumentDiagnosticReportKind.Full);
      if (changed || previous.size === 0 || token.isCancellationRequested || this.shutdown) {
        if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: true });
        if (resultProgress) {
          resultProgress.report({ items });
          return { items: [] };
        }
        return { items };
      }
      await waitForChange();
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: true });
    }
  }

  private workspaceItems(words: WordFiles, previous: Map<string, string>, changedOnly: boolean): WorkspaceDocumentDiagnosticReport[] {
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const seen = new Set<string>();
    for (const r of words.allReports()) {
      seen.add(r.uri);
      if (previous.get(r.uri) === r.resultId) {
        if (!changedOnly) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri: r.uri, version: null, resultId: r.resultId });
      } else {
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri: r.uri, version: null, resultId: r.resultId, items: r.diagnostics });
      }
    }
    // Files the client knows that are gone: an empty report clears them.
    for (const uri of previous.keys()) {
      if (!seen.has(uri) && !this.documents.get(uri) && previous.get(uri) !== 'gone') {
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: 'gone', items: [] });
      }
    }
    return items;
  }

  // -------------------------------------------------------------------------
  // Commands

  private async executeCommand(command: string, args: unknown[]): Promise<unknown> {
    try {
      switch (command) {
        case COMMANDS.disableRule:
          return this.disableRule(String(args[0]), String(args[1]));
        case COMMANDS.acceptFinding:
          return this.acceptFinding(String(args[0]), args[1] as DiagnosticData);
        case COMMANDS.openRuleDocs:
          return await this.openRuleDocs(String(args[0]));
        default:
          throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${command}`);
      }
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      const message = (e as Error).message;
      this.showMessage(MessageType.Error, message);
      throw new ResponseError(ErrorCodes.InternalError, message);
    }
  }

  /** Writes `overrides: [{ files: [this file], rules: { id: "off" } }]` into the nearest config file. */
  private disableRule(uri: string, ruleId: string): { configFile: string } {
    const filePath = uriToPath(uri);
    if (!filePath) throw new ResponseError(ErrorCodes.InvalidParams, `not a file URI: ${uri}`);
    const root = this.config.workspaceRoots.find((r) => !path.relative(r, filePath).startsWith('..')) ?? path.dirname(filePath);
    const configFile = this.config.configFileFor(filePath) ?? path.join(root, CONFIG_FILE_NAMES[0]);
    let json: Record<string, unknown> = {};
    if (fileExists(configFile)) {
      try {
        json = JSON.parse(readFileSync(configFile, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
      } catch {
        throw new Error(`配置文件 ${configFile} 不是有效的 JSON，无法写入；请先修正（config ${configFile} is not valid JSON; fix it first）`);
      }
    }
    const rel = path.relative(path.dirname(configFile), filePath).split(path.sep).join('/');
    const overrides = (Array.isArray(json.overrides) ? json.overrides : []) as { files?: unknown; rules?: Record<string, unknown> }[];
    let entry = overrides.find((o) => Array.isArray(o.files) && o.files.length === 1 && o.files[0] === rel);
    if (!entry) {
      entry = { files: [rel], rules: {} };
      overrides.push(entry);
    }
    entry.rules = { ...(entry.rules ?? {}), [ruleId]: 'off' };
    json.overrides = overrides;
    writeFileSync(configFile, JSON.stringify(json, null, 2) + '\n');
    this.reloadConfig();
    return { configFile };
  }

  /** Adds the finding to the baseline file. */
  private acceptFinding(uri: string, data: DiagnosticData): { baselineFile: string } {
    if (!data?.fingerprint) throw new ResponseError(ErrorCodes.InvalidParams, 'the finding has no fingerprint');
    const filePath = uriToPath(uri);
    const file = this.config.baselineFile() ?? path.join(filePath ? path.dirname(filePath) : process.cwd(), DEFAULT_BASELINE_NAME);
    let existing = null;
    if (fileExists(file)) {
      try {
        existing = parseBaseline(JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')), file);
      } catch (e) {
        throw new Error(e instanceof SyntaxError ? `基线文件 ${file} 不是有效的 JSON，无法写入（baseline ${file} is not valid JSON）` : (e as Error).message);
      }
    }
    const baseline = baselineWith(existing, {
      fingerprint: data.fingerprint,
      ruleId: data.ruleId,
      projectCode: data.projectCode,
      role: data.role,
      found: data.found,
      level3: data.level3,
    });
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, stringifyBaseline(baseline));
    this.reloadConfig();
    return { baselineFile: file };
  }

  private async openRuleDocs(ruleId: string): Promise<{ uri: string }> {
    const uri = ruleDocsHref(ruleId);
    if (this.showDocumentSupport) {
      await this.connection.window.showDocument({ uri, external: !uri.startsWith('file:') });
    } else {
      this.showMessage(MessageType.Info, `${ruleId}: ${uri}`);
    }
    return { uri };
  }

  // -------------------------------------------------------------------------
  // jxlint/renderDocument: the HTML report page of one file, for the VS Code Word viewer

  private async renderDocument(params: RenderDocumentParams): Promise<RenderDocumentResult> {
    const filePath = typeof params?.uri === 'string' ? uriToPath(params.uri) : null;
    if (!filePath) throw new ResponseError(ErrorCodes.InvalidParams, `jxlint/renderDocument: 需要 file: URI（expects a file: URI），得到 ${JSON.stringify(params?.uri)}`);
    const { renderFile } = await import('./render.js');
    return renderFile(filePath, this.config);
  }
}

/** The document a request is about; a request without one is answered with InvalidParams. */
function documentUri(params: { textDocument?: { uri?: unknown } } | null | undefined): string {
  const uri = params?.textDocument?.uri;
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri 缺失（missing textDocument.uri）');
  return uri;
}

/** A range for a config key (`rules.foo` → the line of `"foo"`), else the first line. */
function keyRange(file: string, key: string) {
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  const last = key.split('.').pop()?.replace(/\[\d+\]/g, '');
  if (!last) return zero;
  try {
    const lines = readFileSync(file, 'utf8').split('\n');
    const i = lines.findIndex((l) => l.includes(`"${last}"`));
    if (i < 0) return zero;
    const c = lines[i]!.indexOf(`"${last}"`);
    return { start: { line: i, character: c }, end: { line: i, character: c + last.length + 2 } };
  } catch {
    return zero;
  }
}
