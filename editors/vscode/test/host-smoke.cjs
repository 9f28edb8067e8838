// Runs the bundled extension (dist/extension.js) in plain Node against a fake VS Code host (fake-vscode.cjs)
// and a real jxlint language server, and prints what a user would see as one JSON object on stdout.
// Usage: node test/host-smoke.cjs <jxlint executable or .js> <workspace dir with a .docx> <text export with safe fixes>
const path = require('node:path');
const fs = require('node:fs');
const { fake, host, sleep, until } = require('./fake-host.cjs');

const [serverPath, workspace, textExport] = process.argv.slice(2);

(async () => {
  const seen = {};
  host.settings.path = serverPath;
  host.settings.preset = 'all'; // the safe-fix rules (common-typo, punctuation …) are not all in recommended
  host.workspaceFolders = [{ uri: fake.Uri.file(workspace), name: 'ws', index: 0 }];
  const docx = path.join(workspace, fs.readdirSync(workspace).find((f) => f.endsWith('.docx')));
  const extension = require(path.join(__dirname, '..', 'dist', 'extension.js'));
  const context = { subscriptions: [], extensionPath: path.join(__dirname, '..'), extensionUri: fake.Uri.file(path.join(__dirname, '..')) };
  await extension.activate(context);
  seen.commands = [...host.commands.keys()].sort();
  seen.watchers = host.watchers.filter((w) => typeof w.glob === 'string').map((w) => w.glob);
  seen.customEditors = [...host.customEditors.keys()];

  const docxUri = fake.Uri.file(docx).toString();
  const diagnostics = await until('workspace diagnostics for the .docx', () => (host.diagnostics.get(docxUri)?.length ? host.diagnostics.get(docxUri) : null));
  seen.docxDiagnostics = diagnostics.map((d) => ({ code: typeof d.code === 'object' ? d.code.value : d.code, message: d.message }));

  const viewer = host.customEditors.get('jxlint.wordViewer');
  const pages = [];
  const disposed = new fake.EventEmitter();
  const panel = {
    webview: { options: {}, cspSource: 'https://file+.vscode-resource.vscode-cdn.net', set html(h) { pages.push(h); }, get html() { return pages.at(-1); } },
    onDidDispose: disposed.event,
  };
  viewer.resolveCustomEditor(viewer.openCustomDocument(fake.Uri.file(docx)), panel);
  await until('the table page', () => pages.some((p) => p.includes("'nonce-")));
  seen.firstPage = pages[0];
  seen.tablePage = pages.at(-1);
  seen.webviewOptions = panel.webview.options;

  const fileWatcher = host.watchers.find((w) => typeof w.glob !== 'string' && w.glob.pattern === path.basename(docx));
  let count = pages.length;
  fileWatcher.ch.fire(fake.Uri.file(docx));
  await until('a new page after the file changed', () => pages.length > count && pages.at(-1).includes("'nonce-"));
  seen.rerenderedOnChange = true;

  // "Fix all safe problems" on a text export opened in the jxlint-text language.
  const text = fs.readFileSync(textExport, 'utf8');
  const lines = text.split('\n');
  const document = {
    uri: fake.Uri.file(path.join(workspace, 'seed.txt')), fileName: path.join(workspace, 'seed.txt'), languageId: 'jxlint-text',
    version: 1, isClosed: false, isDirty: false, isUntitled: false, eol: 1, lineCount: lines.length,
    getText: () => text, validateRange: (r) => r, lineAt: (i) => ({ text: lines[i] }),
  };
  host.textDocuments.push(document);
  host.openEmitter.fire(document);
  fake.window.activeTextEditor = { document };
  for (let tries = 0; host.appliedEdits.length === 0 && tries < 60; tries++) {
    host.messages.length = 0;
    await host.commands.get('jxlint.fixAll')();
    if (host.appliedEdits.length === 0) await sleep(500);
  }
  const edits = host.appliedEdits.flatMap((e) => e.edits.flatMap(([uri, list]) => [].concat(list).map((edit) => ({ uri: uri.toString(), range: edit.range, newText: edit.newText }))));
  seen.fixAllEdits = edits.map((e) => ({ uri: e.uri, newText: e.newText }));
  const offset = (p) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  seen.fixedText = edits
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);

  count = pages.length;
  await host.commands.get('jxlint.restartServer')();
  await until('a new page after the restart', () => pages.length > count && pages.at(-1).includes("'nonce-"));
  seen.rerenderedOnRestart = true;

  await extension.deactivate();
  await until('the not-running page', () => pages.at(-1).includes('未运行'), 10_000);
  seen.stoppedPage = pages.at(-1);
  seen.notifications = host.messages;
  seen.output = host.output.join('').slice(-6000);
  disposed.fire();
  for (const d of context.subscriptions) d.dispose?.();
  process.stdout.write(JSON.stringify(seen));
  setTimeout(() => process.exit(0), 200);
})().catch((error) => {
  process.stderr.write(`host-smoke: ${error.stack}\n${host.output.join('').slice(-3000)}\n`);
  process.exit(1);
});
