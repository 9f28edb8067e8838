/**
 * Bundles the command line and its worker into dist/bin/ with esbuild, so that `jxlint` starts
 * fast: chevrotain's many small lodash-es modules become one file. Heavy libraries that only some
 * runs need (exceljs, mammoth, cheerio, word-extractor, piscina) stay external and load lazily.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bin', { recursive: true, force: true });

await build({
  entryPoints: { main: 'src/cli/main.ts', worker: 'src/node/worker.ts' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // iconv-lite (only `--fix` writes GB18030 back) is 0.5 MB of tables bundled but loads its encodings lazily
  // from node_modules: kept external, the lint path does not compile it at every start.
  // better-sqlite3 and pg (jxlint serve's stores) load native bindings through __filename: never bundled.
  external: ['exceljs', 'mammoth', 'cheerio', 'word-extractor', 'piscina', 'playwright-core', 'iconv-lite', 'better-sqlite3', 'pg'],
  // CommonJS dependencies (commander, iconv-lite …) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __jxlintRequire } from 'node:module'; const require = __jxlintRequire(import.meta.url);" },
  // Less to compile at every start; identifiers are kept for readable internal-error reports.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
