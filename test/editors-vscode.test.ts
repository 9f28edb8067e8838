/**
 * The VS Code extension (editors/vscode) checked against the language server's contract without VS Code
 * (which cannot be downloaded here): the manifest's settings, language, activation events, custom editor
 * and commands; the client source's document selector, watched files and custom request; the webview's
 * Content-Security-Policy rewrite on a real HTML report; the server-executable lookup; and, under CI,
 * the .vsix that scripts/ci-editors.sh packaged. The protocol itself is proven by the server's tests.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as cheerio from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { formatResults } from '../src/formatters/index.js';
import { resolveServerCommand } from '../editors/vscode/src/server-command.js';
import { contentSecurityPolicy, messagePage, prepareReportForWebview } from '../editors/vscode/src/webview-html.js';
import { XSS_NAME, XSS_PURPOSE, sampleOptions, sampleResults } from './helpers/sample-results.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ext = join(root, 'editors/vscode');

interface SettingSchema {
  type: string;
  enum?: string[];
  default?: unknown;
  items?: { type: string };
}
interface Manifest {
  name: string;
  version: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
  contributes: {
    languages: { id: string; aliases?: string[]; extensions?: string[]; filenames?: string[]; filenamePatterns?: string[] }[];
    customEditors: { viewType: string; selector: { filenamePattern: string }[]; priority: string }[];
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, SettingSchema> };
  };
}

const manifest = JSON.parse(readFileSync(join(ext, 'package.json'), 'utf8')) as Manifest;
const lock = JSON.parse(readFileSync(join(ext, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: Record<string, string> }>;
};
const sourceFiles = readdirSync(join(ext, 'src')).filter((f) => f.endsWith('.ts'));
const source = sourceFiles.map((f) => readFileSync(join(ext, 'src', f), 'utf8')).join('\n');
const settings = manifest.contributes.configuration.properties;

/** The server's settings (section `jxlint`), as the contract lists them. */
const SERVER_SETTINGS: Record<string, { type: string; enum?: string[]; default?: unknown }> = {
  'jxlint.locale': { type: 'string', enum: ['zh-CN', 'en'], default: 'zh-CN' },
  'jxlint.preset': { type: 'string', enum: ['recommended', 'strict', 'all'] },
  'jxlint.run': { type: 'string', enum: ['onType', 'onSave'] },
  'jxlint.baseline': { type: 'string' },
};
/** Settings only the client reads. */
const CLIENT_SETTINGS: Record<string, { type: string; enum?: string[] }> = {
  'jxlint.path': { type: 'string' },
  'jxlint.textFilePatterns': { type: 'array' },
  'jxlint.trace.server': { type: 'string', enum: ['off', 'messages', 'verbose'] },
};

const COMMANDS: Record<string, string> = {
  'jxlint.restartServer': '重启服务器 / Restart server',
  'jxlint.fixAll': '修复全部安全问题 / Fix all safe problems',
  'jxlint.showOutput': '显示输出 / Show output',
  'jxlint.viewAsTable': '以表格查看 / View as table',
};

describe('editors/vscode manifest: settings', () => {
  it('declares exactly the server settings plus the client-only ones', () => {
    expect(Object.keys(settings).sort()).toEqual([...Object.keys(SERVER_SETTINGS), ...Object.keys(CLIENT_SETTINGS)].sort());
  });

  it.each(Object.entries({ ...SERVER_SETTINGS, ...CLIENT_SETTINGS }))('%s has the contract type, enum and default', (key, expected) => {
    const schema = settings[key]!;
    expect(schema.type).toBe(expected.type);
    expect(schema.enum).toEqual(expected.enum);
    if ('default' in expected) expect(schema.default).toEqual(expected.default);
    if (schema.enum) expect(schema.enum).toContain(schema.default);
    expect(JSON.stringify(schema)).toMatch(/[\u4e00-\u9fff]/); // described in Chinese
  });

  it('every enum value and default is accepted by the server settings reader (src/lsp/config.ts)', async (ctx) => {
    const modulePath = '../src/lsp/config.js';
    let readSettings: ((raw: unknown, problems?: string[]) => Record<string, unknown>) | undefined;
    try {
      readSettings = ((await import(/* @vite-ignore */ modulePath)) as { readSettings?: typeof readSettings }).readSettings;
    } catch {
      readSettings = undefined;
    }
    if (typeof readSettings !== 'function') return ctx.skip('src/lsp/config.ts exports no readSettings (server not built yet)');
    for (const key of Object.keys(SERVER_SETTINGS)) {
      const name = key.slice('jxlint.'.length);
      for (const value of settings[key]!.enum ?? []) {
        const problems: string[] = [];
        expect(readSettings({ jxlint: { [name]: value } }, problems)[name], `${key}=${value}`).toBe(value);
        expect(problems).toEqual([]);
      }
      const problems: string[] = [];
      readSettings({ jxlint: { [name]: settings[key]!.default } }, problems);
      expect(problems, `${key} default`).toEqual([]);
    }
  });

  it('sends the server settings as initializationOptions and the `jxlint` section on change', () => {
    expect(source).toMatch(/SERVER_SETTINGS = \['locale', 'preset', 'run', 'baseline'\] as const/);
    expect(source).toMatch(/initializationOptions: \(\) => serverSettings\(\)/);
    expect(source).toMatch(/configurationSection: CLIENT_ID/);
    expect(source).toMatch(/CLIENT_ID = 'jxlint'/); // also makes `jxlint.trace.server` the client's trace setting
  });
});

describe('editors/vscode manifest: language, activation, custom editor, commands', () => {
  it('registers the jxlint-text language with no automatic file association', () => {
    expect(manifest.contributes.languages).toHaveLength(1);
    const [language] = manifest.contributes.languages;
    expect(language!.id).toBe('jxlint-text');
    expect(language!.aliases?.[0]).toBe('绩效目标表（文本导出）');
    expect(language!.extensions ?? []).toEqual([]);
    expect(language!.filenames ?? []).toEqual([]);
    expect(language!.filenamePatterns ?? []).toEqual([]);
  });

  it('activates for the language, plain text, Word files in the workspace and the custom editor', () => {
    expect(manifest.activationEvents).toEqual(
      expect.arrayContaining([
        'onLanguage:jxlint-text',
        'onLanguage:plaintext',
        'workspaceContains:**/*.{docx,doc}',
        'onCustomEditor:jxlint.wordViewer',
      ]),
    );
    expect(manifest.main).toBe('./dist/extension.js');
  });

  it('offers the Word viewer as an option for *.docx and *.doc, registered under the same viewType', () => {
    expect(manifest.contributes.customEditors).toEqual([
      expect.objectContaining({
        viewType: 'jxlint.wordViewer',
        selector: [{ filenamePattern: '*.docx' }, { filenamePattern: '*.doc' }],
        priority: 'option',
      }),
    ]);
    expect(source).toMatch(/WORD_VIEWER = 'jxlint\.wordViewer'/);
    expect(source).toMatch(/registerCustomEditorProvider\(WORD_VIEWER,/);
    expect(source).toMatch(/implements vscode\.CustomReadonlyEditorProvider/);
  });

  it('declares the same commands it registers, with the contract titles', () => {
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    expect(registered).toEqual(declared);
    expect(declared).toEqual(Object.keys(COMMANDS).sort());
    for (const command of manifest.contributes.commands) {
      expect(`${command.category}: ${command.title}`).toBe(`jxlint: ${COMMANDS[command.command]}`);
    }
    const menuCommands = Object.values(manifest.contributes.menus).flat().map((m) => m.command);
    for (const command of menuCommands) expect(declared).toContain(command);
  });
});

describe('editors/vscode client source: the server contract', () => {
  it.each([
    ['starts `jxlint lsp --stdio`', /SERVER_ARGS = \['lsp', '--stdio'\] as const/],
    ['sends jxlint-text documents', /\{ scheme: 'file', language: LANGUAGE_ID \}/],
    ['sends plaintext documents (the server sniffs them)', /\{ scheme: 'file', language: 'plaintext' \}/],
    ['language id', /LANGUAGE_ID = 'jxlint-text'/],
    ['watches Word, HTML and text files', /'\*\*\/\*\.\{docx,doc,html,htm,txt\}'/],
    ['watches the config and ignore files', /'\*\*\/\{jxlint\.config\.json,\.jxlintrc\.json,\.jxlintignore\}'/],
    ['forwards the watched file events', /fileEvents: WATCHED_GLOBS\.map\(\(glob\) => vscode\.workspace\.createFileSystemWatcher\(glob\)\)/],
    ['asks for jxlint/renderDocument with { uri }', /RENDER_DOCUMENT = 'jxlint\/renderDocument'[\s\S]*sendRequest<RenderDocumentResult>\(RENDER_DOCUMENT, \{ uri: this\.uri\.toString\(\) \}/],
    ['fix all runs source.fixAll.jxlint', /CodeActionKind\.SourceFixAll\.append\('jxlint'\)[\s\S]*'vscode\.executeCodeActionProvider'/],
    ['pulls diagnostics on change and on save (jxlint.run: onSave)', /diagnosticPullOptions: \{ onChange: true, onSave: true \}/],
    ['re-renders when the Word file changes on disk', /watcher\.onDidChange\(\(\) => this\.schedule\(\)\)/],
  ])('%s', (_what, pattern) => {
    expect(source).toMatch(pattern);
  });

  it('pins a vscode-languageclient whose engines.vscode matches the extension and @types/vscode', () => {
    const client = lock.packages['node_modules/vscode-languageclient']!;
    const types = lock.packages['node_modules/@types/vscode']!;
    expect(manifest.dependencies['vscode-languageclient']).toBe(client.version);
    expect(client.engines?.vscode).toBe(manifest.engines.vscode);
    expect(`^${types.version}`).toBe(manifest.engines.vscode);
    // build tools must run on the Node 20 CI uses
    for (const name of ['@vscode/vsce', 'esbuild', 'typescript']) {
      const engine = lock.packages[`node_modules/${name}`]!.engines?.node ?? '';
      expect(engine, name).not.toMatch(/>=\s*2[2-9]/);
    }
  });

  it('keeps the bundle, the .vsix and node_modules out of git and the package lean', () => {
    const gitignore = readFileSync(join(ext, '.gitignore'), 'utf8').split('\n');
    expect(gitignore).toEqual(expect.arrayContaining(['dist/', '*.vsix', 'node_modules/']));
    const vscodeignore = readFileSync(join(ext, '.vscodeignore'), 'utf8');
    expect(vscodeignore).toMatch(/^\*\*$/m);
    expect(vscodeignore).toMatch(/^!dist\/extension\.js$/m);
    for (const file of ['LICENSE', 'README.md', 'CHANGELOG.md', 'esbuild.mjs', 'tsconfig.json']) expect(existsSync(join(ext, file)), file).toBe(true);
  });
});

describe('editors/vscode webview: the report under a webview CSP', () => {
  const policy = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'bm9uY2UtdGVzdA==' };

  it('replaces the report CSP by a nonce policy and gives every inline script the nonce', async () => {
    const report = String(await formatResults(sampleResults().results, 'html', sampleOptions()));
    const page = prepareReportForWebview(report, policy);
    const $ = cheerio.load(page);
    const metas = $('meta[http-equiv="Content-Security-Policy"]');
    expect(metas.length).toBe(1);
    expect(metas.attr('content')).toBe(contentSecurityPolicy(policy));
    expect(metas.attr('content')).toMatch(/default-src 'none'/);
    expect(metas.attr('content')).toMatch(new RegExp(`script-src 'nonce-${policy.nonce}'(;|$)`));
    expect(metas.attr('content')).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect($('head').children().first().is(metas)).toBe(true);
    expect($('script').length).toBeGreaterThan(0);
    $('script').each((_, s) => expect($(s).attr('nonce')).toBe(policy.nonce));
    expect($('style').length).toBeGreaterThan(0);
    // the nonce policy blocks inline event handlers: the report's script must attach its listeners itself
    const handlers = $('*').toArray().flatMap((el) => Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {}).filter((a) => /^on/i.test(a)));
    expect(handlers).toEqual([]);
    // untrusted document text stays escaped: no injected script gets the nonce
    expect(page).not.toContain(XSS_NAME);
    expect(page).not.toContain(XSS_PURPOSE);
    // nothing else changes
    const rest = (html: string) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/gi, '').replace(/(<script\b[^>]*?) nonce="[^"]*"/gi, '$1');
    expect(rest(page)).toBe(rest(report));
  });

  it.each([
    ['script with src keeps no nonce', '<html><head></head><body><script src="x.js"></script></body></html>', 0],
    ['an old nonce is replaced', `<html><head><meta http-equiv='content-security-policy' content="x"></head><body><script nonce="old" type="module">1</script></body></html>`, 1],
    ['a fragment is wrapped into a page', '<p>x</p><script>1</script>', 1],
  ])('%s', (_what, html, withNonce) => {
    const $ = cheerio.load(prepareReportForWebview(html, policy));
    expect($('meta[http-equiv="Content-Security-Policy"]').length).toBe(1);
    expect($(`script[nonce="${policy.nonce}"]`).length).toBe(withNonce);
    expect($('script[nonce="old"]').length).toBe(0);
  });

  it('message pages run no script and escape the message', () => {
    const page = messagePage('无法读取 <a>.docx', 'x & y', policy);
    const $ = cheerio.load(page);
    expect($('script').length).toBe(0);
    expect($('h1').text()).toBe('无法读取 <a>.docx');
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).not.toMatch(/script-src/);
  });
});

describe('editors/vscode: where the server executable comes from', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jxlint-vscode-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const withShim = join(dir, 'with-shim');
  const checkout = join(dir, 'checkout');
  const bare = join(dir, 'bare');
  mkdirSync(join(withShim, 'node_modules/.bin'), { recursive: true });
  writeFileSync(join(withShim, 'node_modules/.bin/jxlint'), '#!/bin/sh\n');
  writeFileSync(join(withShim, 'node_modules/.bin/jxlint.cmd'), '@echo off\n');
  mkdirSync(join(checkout, 'dist/bin'), { recursive: true });
  writeFileSync(join(checkout, 'package.json'), '{"name":"jxlint"}');
  writeFileSync(join(checkout, 'dist/bin/main.js'), '');
  mkdirSync(bare);

  it.each([
    ['the setting wins', { configuredPath: '/opt/jxlint/bin/jxlint', workspaceFolders: [withShim] }, '/opt/jxlint/bin/jxlint', ['lsp', '--stdio'], 'setting'],
    ['a .js setting runs with node', { configuredPath: 'dist/bin/main.js', workspaceFolders: [checkout] }, 'node', [join(checkout, 'dist/bin/main.js'), 'lsp', '--stdio'], 'setting'],
    ["the workspace's node_modules/.bin/jxlint", { workspaceFolders: [bare, withShim] }, join(withShim, 'node_modules/.bin/jxlint'), ['lsp', '--stdio'], 'workspace'],
    ['a jxlint checkout runs dist/bin/main.js', { workspaceFolders: [checkout] }, 'node', [join(checkout, 'dist/bin/main.js'), 'lsp', '--stdio'], 'checkout'],
    ['else jxlint on PATH', { workspaceFolders: [bare] }, 'jxlint', ['lsp', '--stdio'], 'path'],
    ['an untrusted workspace runs nothing of its own', { configuredPath: './evil', workspaceFolders: [withShim], workspaceTrusted: false }, 'jxlint', ['lsp', '--stdio'], 'path'],
  ] as const)('%s', (_what, input, command, args, origin) => {
    const resolved = resolveServerCommand({ configuredPath: undefined, workspaceTrusted: true, platform: 'linux', ...input });
    expect(resolved).toMatchObject({ command, args: [...args], origin, shell: false, cwd: input.workspaceFolders[0] });
  });

  it('on Windows the .cmd shim runs through a shell, quoted', () => {
    const resolved = resolveServerCommand({ configuredPath: '', workspaceFolders: [withShim], workspaceTrusted: true, platform: 'win32' });
    expect(resolved).toMatchObject({ command: `"${join(withShim, 'node_modules/.bin/jxlint.cmd')}"`, shell: true, origin: 'workspace' });
    const onPath = resolveServerCommand({ configuredPath: '', workspaceFolders: [bare], workspaceTrusted: true, platform: 'win32' });
    expect(onPath).toMatchObject({ command: 'jxlint', args: ['lsp', '--stdio'], shell: true, origin: 'path' });
  });
});

describe('editors/vscode: the packaged extension (scripts/ci-editors.sh)', () => {
  it('CI produced a .vsix with the bundle and the manifest', (ctx) => {
    if (!process.env.CI) return ctx.skip('not under CI (env CI unset): .ci/run runs scripts/ci-editors.sh before npm test');
    const vsix = join(ext, `jxlint-vscode-${manifest.version}.vsix`);
    expect(existsSync(vsix), vsix).toBe(true);
    const entries = zipEntries(readFileSync(vsix));
    expect(entries).toEqual(expect.arrayContaining(['extension/dist/extension.js', 'extension/package.json', 'extension.vsixmanifest']));
    expect(entries.filter((e) => e.includes('node_modules'))).toEqual([]);
    expect(entries.filter((e) => e.startsWith('extension/src/'))).toEqual([]);
    expect(entries).toContain('extension/dist/THIRD-PARTY-NOTICES.txt');
  });

  it('the bundle requires nothing but vscode and Node built-ins', (ctx) => {
    if (!process.env.CI) return ctx.skip('not under CI (env CI unset): the bundle is built by scripts/ci-editors.sh');
    const bundle = readFileSync(join(ext, 'dist/extension.js'), 'utf8');
    const required = new Set([...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!));
    expect(required).toContain('vscode');
    const foreign = [...required].filter((id) => id !== 'vscode' && !isBuiltin(id));
    expect(foreign).toEqual([]);
    const notices = readFileSync(join(ext, 'dist/THIRD-PARTY-NOTICES.txt'), 'utf8');
    expect(notices).toMatch(/^vscode-languageclient@9\.0\.1 \(MIT\)$/m);
  });
});

describe('editors/vscode bundle in a fake VS Code host, against the real server', () => {
  /** What host-smoke.cjs saw, as a user would. */
  interface HostSmoke {
    commands: string[]; watchers: string[]; customEditors: string[];
    docxDiagnostics: { code: string; message: string }[];
    firstPage: string; tablePage: string; stoppedPage: string;
    webviewOptions: Record<string, unknown>; rerenderedOnChange: boolean; rerenderedOnRestart: boolean;
    notifications: unknown[]; output: string;
    fixAllEdits: { uri: string; newText: string }[]; fixedText: string;
  }
  /** Why the host tests cannot run here, or null: they need CI (or JXLINT_HOST_SMOKE), the built server and the bundle. */
  function hostSkipReason(): string | null {
    if (!process.env.CI && !process.env.JXLINT_HOST_SMOKE) return 'not under CI (set CI or JXLINT_HOST_SMOKE=1 after npm run build and scripts/ci-editors.sh)';
    const serverBuilt = existsSync(join(root, 'dist/bin')) && readdirSync(join(root, 'dist/bin')).some((f) => f.endsWith('.js') && readFileSync(join(root, 'dist/bin', f), 'utf8').includes('jxlint/renderDocument'));
    if (!existsSync(join(ext, 'dist/extension.js')) || !serverBuilt) return 'dist/bin (npm run build) or editors/vscode/dist (scripts/ci-editors.sh) is missing';
    return null;
  }
  /** NODE_OPTIONS that preload one of editors/vscode/test's server patches into the language server. */
  function preloadIntoServer(file: string): string {
    return `${process.env.NODE_OPTIONS ?? ''} --require ${join(ext, 'test', file)}`.trim();
  }
  /** Runs host-smoke.cjs on a workspace with a Word file and a text export with one safe problem. */
  function runHostSmoke(ctx: { skip: (note: string) => void }, env: NodeJS.ProcessEnv = {}): { seen: HostSmoke; textExport: string; fixable: string } | undefined {
    const skip = hostSkipReason();
    if (skip) {
      ctx.skip(skip);
      return undefined;
    }
    const workspace = mkdtempSync(join(tmpdir(), 'jxlint-vscode-host-'));
    try {
      const docx = 'merged-cells.docx';
      writeFileSync(join(workspace, docx), readFileSync(join(root, 'fixtures/docx', docx)));
      // the seed text with one more safe problem: a wrong character (收益人群 for 受益人群)
      const seed = readFileSync(join(root, 'fixtures/seed/seed.txt'), 'utf8');
      const fixable = seed.replace('受益人群', '收益人群');
      expect(fixable).not.toBe(seed);
      const textExport = join(workspace, 'seed.txt');
      writeFileSync(textExport, fixable);
      const out = execFileSync(process.execPath, [join(ext, 'test/host-smoke.cjs'), join(root, 'dist/bin/main.js'), workspace, textExport], {
        encoding: 'utf8',
        timeout: 170_000,
        env: { ...process.env, ...env },
      });
      return { seen: JSON.parse(out) as HostSmoke, textExport, fixable };
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  }

  it('starts the server, lists Word findings, draws the table page and follows changes, restarts and stops', { timeout: 180_000 }, (ctx) => {
    const run = runHostSmoke(ctx);
    if (!run) return;
    const { seen, textExport, fixable } = run;
    expect(seen.commands).toEqual(expect.arrayContaining(Object.keys(COMMANDS)));
    expect(seen.watchers).toEqual(['**/*.{docx,doc,html,htm,txt}', '**/{jxlint.config.json,.jxlintrc.json,.jxlintignore}']);
    expect(seen.customEditors).toEqual(['jxlint.wordViewer']);
    expect(seen.docxDiagnostics.length).toBeGreaterThan(0);
    for (const d of seen.docxDiagnostics) {
      expect(d.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(d.message).toMatch(/[\u4e00-\u9fff]/); // jxlint.locale zh-CN, as sent
    }
    expect(seen.firstPage).toContain('正在读取 merged-cells.docx');
    const $ = cheerio.load(seen.tablePage);
    expect($('meta[http-equiv="Content-Security-Policy"]').length).toBe(1);
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toMatch(/script-src 'nonce-[^']+'(;|$)/);
    $('script').each((_, el) => expect($(el).attr('nonce')).toMatch(/.+/));
    expect($('table').length).toBeGreaterThan(0);
    expect(seen.tablePage).toContain(seen.docxDiagnostics[0]!.code);
    expect(seen.webviewOptions).toEqual({ enableScripts: true, enableCommandUris: false, localResourceRoots: [] });
    expect(seen.rerenderedOnChange).toBe(true);
    expect(seen.rerenderedOnRestart).toBe(true);
    expect(seen.stoppedPage).toContain('jxlint 语言服务器未运行');
    expect(seen.stoppedPage).not.toContain('<script');
    expect(seen.notifications, seen.output).toEqual([]);
    // jxlint: 修复全部安全问题 ran source.fixAll.jxlint and applied its edit
    expect(seen.fixAllEdits.length).toBeGreaterThan(0);
    for (const e of seen.fixAllEdits) expect(e.uri).toBe(pathToFileURL(textExport).href);
    expect(seen.fixedText).not.toContain('收益人群');
    expect(seen.fixedText).not.toBe(fixable);
    expect(seen.fixedText).toContain('受益人群满意度');
  });

  it('a server whose pipes close while the client stops it (restart, VS Code closing) raises no error notification', { timeout: 180_000 }, (ctx) => {
    // vscode-languageclient 9 forces "Connection to server got closed" when that happens (seen once in CI on a
    // loaded machine); the preload makes it happen on every stop, and the client must only log it.
    const run = runHostSmoke(ctx, { NODE_OPTIONS: preloadIntoServer('exit-on-shutdown.cjs') });
    if (!run) return;
    const { seen } = run;
    expect(seen.output).toContain('Connection to server got closed'); // the race did happen
    expect(seen.notifications, seen.output).toEqual([]);
    expect(seen.rerenderedOnRestart).toBe(true);
    expect(seen.stoppedPage).toContain('jxlint 语言服务器未运行');
  });

  it('"Restart server" while the client is restarting a crashed server: no server left running, no pop-up', { timeout: 180_000 }, (ctx) => {
    const skip = hostSkipReason();
    if (skip) return ctx.skip(skip);
    const workspace = mkdtempSync(join(tmpdir(), 'jxlint-vscode-restart-'));
    const servers = mkdtempSync(join(tmpdir(), 'jxlint-vscode-servers-'));
    try {
      // The first server exits after `initialized`; the later ones hold `initialize` back for 1.5 s.
      const out = execFileSync(process.execPath, [join(ext, 'test/host-restart-while-starting.cjs'), join(root, 'dist/bin/main.js'), workspace], {
        encoding: 'utf8',
        timeout: 170_000,
        env: {
          ...process.env,
          NODE_OPTIONS: preloadIntoServer('crash-then-slow-start.cjs'),
          JXLINT_TEST_DIR: servers,
          JXLINT_TEST_INIT_DELAY_MS: '1500',
        },
      });
      const seen = JSON.parse(out) as { serversBeforeRestart: number; serversAfterRestart: number; aliveAtEnd: number[]; notifications: unknown[]; output: string };
      expect(seen.output).toContain('Server will restart'); // the client did restart the crashed server itself
      expect(seen.serversBeforeRestart).toBe(2);
      expect(seen.serversAfterRestart).toBe(3); // the command's own server, after the second was stopped
      expect(seen.aliveAtEnd, seen.output).toEqual([]);
      expect(seen.notifications, seen.output).toEqual([]);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
      rmSync(servers, { recursive: true, force: true });
    }
  });
});

/** Names in a ZIP's central directory. */
function zipEntries(zip: Buffer): string[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThanOrEqual(0);
  const names: string[] = [];
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = zip.readUInt16LE(eocd + 10); i > 0; i--) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}
