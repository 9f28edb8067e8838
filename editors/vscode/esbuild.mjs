// Bundles src/extension.ts with vscode-languageclient into one CommonJS file (vscode stays external),
// and writes the licences of the bundled packages beside it (dist/THIRD-PARTY-NOTICES.txt).
// `--production` minifies and drops the source map (what `vsce package` ships).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');

const result = await esbuild.build({
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'dist/extension.js',
  format: 'cjs',
  platform: 'node',
  // VS Code 1.82's extension host runs Node 18.
  target: 'node18',
  external: ['vscode'],
  minify: production,
  sourcemap: production ? false : 'linked',
  metafile: true,
  logLevel: 'warning',
});

const packageDirs = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /^(.*?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match) packageDirs.add(match[1]);
}
const notices = [...packageDirs].sort().map((dir) => {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const licenceFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  const text = licenceFile ? readFileSync(path.join(dir, licenceFile), 'utf8').trim() : `License: ${manifest.license}`;
  return `${manifest.name}@${manifest.version} (${manifest.license})\n\n${text}\n`;
});
if (!existsSync('dist')) throw new Error('dist/ missing after the bundle');
writeFileSync('dist/THIRD-PARTY-NOTICES.txt', `Packages bundled into dist/extension.js\n\n${notices.join('\n' + '-'.repeat(72) + '\n\n')}`);
