/**
 * Where the jxlint language server comes from: `jxlint.path` if set, else the workspace's
 * node_modules/.bin/jxlint (or dist/bin/main.js in a checkout of jxlint itself), else `jxlint` on PATH.
 * The server is always started as `jxlint lsp --stdio`.
 *
 * No `vscode` import, so the resolution can be tested without VS Code.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface ServerCommandInput {
  /** `jxlint.path`; relative paths are resolved against the first workspace folder. */
  configuredPath: string | undefined;
  /** Workspace folder paths, first one first. */
  workspaceFolders: readonly string[];
  /** Untrusted workspaces do not get to pick the executable (their node_modules is not run). */
  workspaceTrusted: boolean;
  platform: NodeJS.Platform;
}

export interface ServerCommand {
  command: string;
  args: string[];
  /** `.cmd` shims on Windows need a shell. */
  shell: boolean;
  /** Working directory: the first workspace folder, if any. */
  cwd: string | undefined;
  /** Where the executable came from, for the output channel. */
  origin: 'setting' | 'workspace' | 'checkout' | 'path';
}

export const SERVER_ARGS = ['lsp', '--stdio'] as const;

export function resolveServerCommand(input: ServerCommandInput): ServerCommand {
  const cwd = input.workspaceFolders[0];
  const configured = input.configuredPath?.trim();
  if (configured && input.workspaceTrusted) {
    const absolute = path.isAbsolute(configured) || !cwd ? configured : path.resolve(cwd, configured);
    return commandFor(absolute, 'setting', input.platform, cwd);
  }
  if (input.workspaceTrusted) {
    for (const folder of input.workspaceFolders) {
      const shim = path.join(folder, 'node_modules', '.bin', input.platform === 'win32' ? 'jxlint.cmd' : 'jxlint');
      if (existsSync(shim)) return commandFor(shim, 'workspace', input.platform, cwd);
      const checkoutBin = path.join(folder, 'dist', 'bin', 'main.js');
      if (isJxlintCheckout(folder) && existsSync(checkoutBin)) return commandFor(checkoutBin, 'checkout', input.platform, cwd);
    }
  }
  return commandFor('jxlint', 'path', input.platform, cwd);
}

function commandFor(executable: string, origin: ServerCommand['origin'], platform: NodeJS.Platform, cwd: string | undefined): ServerCommand {
  if (/\.[cm]?js$/i.test(executable)) {
    return { command: 'node', args: [executable, ...SERVER_ARGS], shell: false, cwd, origin };
  }
  // On Windows, npm installs jxlint as a .cmd shim, which only a shell can start (also when found on PATH).
  const shell = platform === 'win32' && (origin === 'path' || /\.(cmd|bat)$/i.test(executable));
  return { command: shell && origin !== 'path' ? `"${executable}"` : executable, args: [...SERVER_ARGS], shell, cwd, origin };
}

function isJxlintCheckout(folder: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: unknown };
    return manifest.name === 'jxlint';
  } catch {
    return false;
  }
}
