/**
 * How the tests start `jxlint lsp --stdio`: the esbuild bundle (dist/bin/main.cjs, as users run it)
 * when it is built and newer than every server source, else the TypeScript sources through tsx.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function serverCommand(root = path.resolve('.')): { command: string; args: string[]; kind: 'bundle' | 'tsx' } {
  const bundle = path.join(root, 'dist/bin/main.cjs');
  const lspDir = path.join(root, 'src/lsp');
  const newest = Math.max(...readdirSync(lspDir).map((f) => statSync(path.join(lspDir, f)).mtimeMs));
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newest) return { command: process.execPath, args: [bundle, 'lsp', '--stdio'], kind: 'bundle' };
  return { command: process.execPath, args: ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'lsp', '--stdio'], kind: 'tsx' };
}
