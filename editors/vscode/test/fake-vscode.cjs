// A minimal stand-in for the `vscode` module, enough for vscode-languageclient and this extension to run in
// plain Node (VS Code itself cannot be downloaded here). Records what the extension does: commands, watchers,
// custom editors, diagnostics, notifications, applied edits. Used by the host scripts (fake-host.cjs) only.
const { pathToFileURL, fileURLToPath } = require('node:url');
const path = require('node:path');

class Disposable { constructor(fn) { this._fn = fn; } dispose() { this._fn && this._fn(); this._fn = undefined; } static from(...ds) { return new Disposable(() => ds.forEach((d) => d && d.dispose && d.dispose())); } }
class EventEmitter { constructor() { this.ls = new Set(); this.event = (l, thisArg, ds) => { const f = thisArg ? l.bind(thisArg) : l; this.ls.add(f); const d = new Disposable(() => this.ls.delete(f)); if (Array.isArray(ds)) ds.push(d); return d; }; } fire(e) { for (const l of [...this.ls]) l(e); } dispose() { this.ls.clear(); } }
class Uri {
  constructor(scheme, p, query = '', fragment = '') { this.scheme = scheme; this.path = p; this.query = query; this.fragment = fragment; this.authority = ''; }
  get fsPath() { return this.path; }
  static file(p) { return new Uri('file', path.resolve(p)); }
  static parse(s) { if (s.startsWith('file:')) return Uri.file(fileURLToPath(s)); const i = s.indexOf(':'); return new Uri(s.slice(0, i), s.slice(i + 1)); }
  static joinPath(u, ...ps) { return new Uri(u.scheme, path.posix.join(u.path, ...ps)); }
  with(c) { return new Uri(c.scheme ?? this.scheme, c.path ?? this.path, c.query ?? this.query, c.fragment ?? this.fragment); }
  toString() { return this.scheme === 'file' ? pathToFileURL(this.path).href : `${this.scheme}:${this.path}`; }
  toJSON() { return { scheme: this.scheme, path: this.path }; }
}
class CancellationTokenSource { constructor() { const em = new EventEmitter(); this.token = { isCancellationRequested: false, onCancellationRequested: em.event }; this._em = em; } cancel() { if (!this.token.isCancellationRequested) { this.token.isCancellationRequested = true; this._em.fire(); } } dispose() {} }
class CancellationError extends Error {}
class CodeActionKind { constructor(v) { this.value = v; } append(p) { return new CodeActionKind(this.value ? `${this.value}.${p}` : p); } contains(o) { return this.value === o.value || o.value.startsWith(this.value + '.'); } intersects(o) { return this.contains(o) || o.contains(this); } }
for (const [k, v] of Object.entries({ Empty: '', QuickFix: 'quickfix', Refactor: 'refactor', RefactorExtract: 'refactor.extract', RefactorInline: 'refactor.inline', RefactorRewrite: 'refactor.rewrite', Source: 'source', SourceOrganizeImports: 'source.organizeImports', SourceFixAll: 'source.fixAll' })) CodeActionKind[k] = new CodeActionKind(v);
class Position { constructor(l, c) { this.line = l; this.character = c; } }
class Range { constructor(a, b, c, d) { if (typeof a === 'number') { this.start = new Position(a, b); this.end = new Position(c, d); } else { this.start = a; this.end = b; } } }
class Diagnostic { constructor(range, message, severity) { this.range = range; this.message = message; this.severity = severity; } }
class RelativePattern { constructor(base, pattern) { this.baseUri = typeof base === 'string' ? Uri.file(base) : base.uri ?? base; this.base = this.baseUri.fsPath; this.pattern = pattern; } }
class TabInputText { constructor(uri) { this.uri = uri; } } class TabInputTextDiff { } class TabInputCustom { } class TabInputNotebook { } class TabInputNotebookDiff { }
class Location { constructor(uri, range) { this.uri = uri; this.range = range; } }
class MarkdownString { constructor(v = '') { this.value = v; } appendMarkdown(v) { this.value += v; return this; } }
class CodeAction { constructor(title, kind) { this.title = title; this.kind = kind; } }
class WorkspaceEdit { constructor() { this.edits = []; } replace(u, r, t) { this.edits.push([u, r, t]); } set(u, e) { this.edits.push([u, e]); } entries() { return []; } }
class TextEdit { constructor(r, t) { this.range = r; this.newText = t; } static replace(r, t) { return new TextEdit(r, t); } }
class DiagnosticRelatedInformation { constructor(l, m) { this.location = l; this.message = m; } }
class Hover { constructor(c, r) { this.contents = c; this.range = r; } }

const state = {
  settings: { locale: 'zh-CN', preset: 'recommended', run: 'onType', baseline: '', path: '', textFilePatterns: [], trace: { server: 'off' } },
  commands: new Map(), customEditors: new Map(), watchers: [], diagnostics: new Map(), messages: [], output: [],
  configEmitter: new EventEmitter(), workspaceFolders: [], openEmitter: new EventEmitter(), codeActionProviders: [], appliedEdits: [], textDocuments: [],
};
const anyFn = () => new Disposable();
const namespace = (o) => new Proxy(o, { get: (t, k) => (k in t ? t[k] : typeof k === 'string' && /^(on|register)/.test(k) ? anyFn : undefined) });

const vscode = {
  version: '1.82.0', Disposable, EventEmitter, Uri, CancellationTokenSource, CancellationError, CodeActionKind, Position, Range, Diagnostic, RelativePattern,
  TabInputText, TabInputTextDiff, TabInputCustom, TabInputNotebook, TabInputNotebookDiff, Location, MarkdownString, CodeAction, WorkspaceEdit, TextEdit, DiagnosticRelatedInformation, Hover,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 }, ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 }, DiagnosticTag: { Unnecessary: 1, Deprecated: 2 }, CodeActionTriggerKind: { Invoke: 1, Automatic: 2 },
  env: { language: 'zh-cn', appName: 'fake', machineId: 'x', openExternal: async () => true },
  workspace: namespace({
    get workspaceFolders() { return state.workspaceFolders; }, get textDocuments() { return state.textDocuments; }, isTrusted: true, onDidOpenTextDocument: state.openEmitter.event,
    getConfiguration(section) {
      const root = section === 'jxlint' ? state.settings : section ? ({ jxlint: state.settings })[section] ?? {} : { jxlint: state.settings };
      return { get: (k, d) => k.split('.').reduce((o, p) => (o == null ? undefined : o[p]), root) ?? d, has: () => true, inspect: () => undefined, update: async () => {}, ...root };
    },
    onDidChangeConfiguration: state.configEmitter.event,
    createFileSystemWatcher(glob) { const w = { glob, c: new EventEmitter(), ch: new EventEmitter(), d: new EventEmitter(), dispose() {} }; w.onDidCreate = w.c.event; w.onDidChange = w.ch.event; w.onDidDelete = w.d.event; state.watchers.push(w); return w; },
    applyEdit: async (e) => { state.appliedEdits.push(e); return true; },
    getWorkspaceFolder: () => state.workspaceFolders[0],
    fs: {},
  }),
  window: namespace({
    createOutputChannel(name) { return { name, append: (s) => state.output.push(s), appendLine: (s) => state.output.push(s + '\n'), replace() {}, clear() {}, show() {}, hide() {}, dispose() {} }; },
    showErrorMessage: async (m) => { state.messages.push(['error', m]); return undefined; },
    showWarningMessage: async (m) => { state.messages.push(['warning', m]); return undefined; },
    showInformationMessage: async (m) => { state.messages.push(['info', m]); return undefined; },
    withProgress: async (_o, task) => task({ report() {} }, new CancellationTokenSource().token),
    activeTextEditor: undefined, visibleTextEditors: [],
    tabGroups: { all: [], activeTabGroup: { tabs: [], activeTab: undefined }, onDidChangeTabs: anyFn, onDidChangeTabGroups: anyFn },
    registerCustomEditorProvider(viewType, provider) { state.customEditors.set(viewType, provider); return new Disposable(); },
  }),
  languages: namespace({
    match: (sel, doc) => ([].concat(sel).some((f) => typeof f === 'string' ? f === doc.languageId : (!f.language || f.language === doc.languageId) && (!f.scheme || f.scheme === doc.uri.scheme)) ? 10 : 0),
    registerCodeActionsProvider(sel, provider, meta) { state.codeActionProviders.push({ sel, provider, meta }); return new Disposable(); },
    createDiagnosticCollection(name) { return { name, set: (u, ds) => { if (Array.isArray(u)) for (const [uu, dd] of u) state.diagnostics.set(uu.toString(), dd); else state.diagnostics.set(u.toString(), ds ?? []); }, delete: (u) => state.diagnostics.delete(u.toString()), clear: () => state.diagnostics.clear(), get: (u) => state.diagnostics.get(u.toString()), forEach() {}, has: (u) => state.diagnostics.has(u.toString()), dispose() {} }; },
    setTextDocumentLanguage: async (d) => d,
  }),
  commands: namespace({
    registerCommand(id, fn) { state.commands.set(id, fn); return new Disposable(() => state.commands.delete(id)); },
    executeCommand: async (id, ...args) => {
      if (id === 'vscode.executeCodeActionProvider') {
        const [uri, range, kind] = args; const doc = state.textDocuments.find((d) => d.uri.toString() === uri.toString());
        const out = [];
        for (const { provider } of state.codeActionProviders) out.push(...((await provider.provideCodeActions(doc, range, { diagnostics: [], only: new CodeActionKind(kind), triggerKind: 1 }, new CancellationTokenSource().token)) ?? []));
        return out.filter((a) => a.kind && new CodeActionKind(kind).contains(a.kind));
      }
      return state.commands.has(id) ? state.commands.get(id)(...args) : undefined;
    },
  }),
  extensions: namespace({ getExtension: () => undefined, all: [] }),
  __state: state,
};
const generic = (name) => new Proxy(class { constructor(...a) { this.args = a; } }, { get: (t, k) => (k in t ? t[k] : typeof k === 'string' && /^[A-Z]/.test(k) ? 0 : undefined) });
const cache = {};
module.exports = new Proxy(vscode, { get: (t, k) => (k in t ? t[k] : typeof k === 'string' && /^[A-Z]/.test(k) ? (cache[k] ??= generic(k)) : undefined) });
