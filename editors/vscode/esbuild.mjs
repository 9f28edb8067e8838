// Bundles src/extension.ts with vscode-languageclient into one CommonJS file (vscode stays external).
// `--production` minifies and drops the source map (what `vsce package` ships).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');

await esbuild.build({
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
  legalComments: 'linked',
  logLevel: 'warning',
});
