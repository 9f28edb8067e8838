/** jxlint for VS Code: live diagnostics for 绩效目标表 text exports, Word files in the Problems panel and a table view. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { MESSAGES } from './messages';
import { CLIENT_ID, JxlintServer, LANGUAGE_ID, errorText } from './server';
import { WORD_VIEWER, WordViewerProvider } from './word-viewer';

/** The server offers "fix all safe problems" under this kind (and under plain `source.fixAll`). */
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('jxlint');

let server: JxlintServer | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('jxlint');
  server = new JxlintServer(output);
  const jx = server;
  context.subscriptions.push(
    output,
    jx,
    vscode.commands.registerCommand('jxlint.restartServer', () => jx.restart()),
    vscode.commands.registerCommand('jxlint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('jxlint.fixAll', () => fixAll(output)),
    vscode.commands.registerCommand('jxlint.viewAsTable', (uri?: vscode.Uri) => viewAsTable(uri)),
    vscode.window.registerCustomEditorProvider(WORD_VIEWER, new WordViewerProvider(jx), {
      supportsMultipleEditorsPerDocument: true,
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${CLIENT_ID}.path`)) {
        output.appendLine(MESSAGES.pathChanged);
        void jx.restart();
      }
      if (event.affectsConfiguration(`${CLIENT_ID}.textFilePatterns`)) {
        for (const document of vscode.workspace.textDocuments) void applyTextFilePatterns(document);
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void jx.restart()),
    vscode.workspace.onDidOpenTextDocument((document) => void applyTextFilePatterns(document)),
  );
  for (const document of vscode.workspace.textDocuments) void applyTextFilePatterns(document);
  await jx.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}

/** `jxlint.textFilePatterns`: opt-in globs whose plain-text files open in the jxlint-text language. */
async function applyTextFilePatterns(document: vscode.TextDocument): Promise<void> {
  if (document.languageId !== 'plaintext' || document.uri.scheme !== 'file') return;
  const patterns = vscode.workspace.getConfiguration(CLIENT_ID, document.uri).get<string[]>('textFilePatterns') ?? [];
  if (patterns.some((pattern) => vscode.languages.match({ pattern }, document) > 0)) {
    await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  }
}

/** Runs the server's `source.fixAll.jxlint` code action on the active text export. */
async function fixAll(output: vscode.OutputChannel): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const document = editor?.document;
  if (!document || (document.languageId !== LANGUAGE_ID && document.languageId !== 'plaintext')) {
    void vscode.window.showInformationMessage(MESSAGES.noLintedEditor);
    return;
  }
  const name = path.basename(document.uri.path);
  try {
    const whole = document.validateRange(new vscode.Range(0, 0, document.lineCount, 0));
    const actions =
      (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        whole,
        FIX_ALL_KIND.value,
        1,
      )) ?? [];
    const fix = actions.find((a): a is vscode.CodeAction => 'kind' in a && !!a.kind && FIX_ALL_KIND.contains(a.kind));
    if (!fix || (!fix.edit && !fix.command)) {
      void vscode.window.showInformationMessage(MESSAGES.noSafeFixes(name));
      return;
    }
    if (fix.edit) await vscode.workspace.applyEdit(fix.edit);
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  } catch (error) {
    const message = MESSAGES.fixAllFailed(name, errorText(error));
    output.appendLine(message);
    void vscode.window.showErrorMessage(message);
  }
}

/** Opens a .docx/.doc in the table view: the Explorer's selection, else the active tab, else a file picker. */
async function viewAsTable(uri?: vscode.Uri): Promise<void> {
  let target = uri instanceof vscode.Uri ? uri : activeTabUri();
  if (!target || !/\.docx?$/i.test(target.path)) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { 'Word (.docx, .doc)': ['docx', 'doc'] },
      openLabel: '以表格查看 (View as table)',
    });
    target = picked?.[0];
  }
  if (!target) {
    void vscode.window.showInformationMessage(MESSAGES.noWordFile);
    return;
  }
  await vscode.commands.executeCommand('vscode.openWith', target, WORD_VIEWER);
}

function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) return input.uri;
  return undefined;
}
