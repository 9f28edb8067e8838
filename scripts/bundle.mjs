/**
 * Bundles the command line into dist/bin/ with esbuild, for a fast start (启动):
 *
 * - dist/bin/cli-HASH.cjs: the command line (src/cli/main.ts) as ONE classic script (CommonJS
 *   wrapped in a function), and dist/bin/cli-HASH.cache, V8's code cache of it, made here by a
 *   representative run (`lint fixtures/seed/seed.txt`): the cache then holds the functions that
 *   run needed, compiled, so a start neither parses nor compiles them.
 * - dist/bin/main.cjs (the bin, src/cli/launcher.ts, CommonJS; dist/bin/main.js requires it for runs
 *   of `node dist/bin/main.js`): compiles the script with that cache through
 *   `vm.Script` (a cache V8 rejects is ignored) and answers `--version` without it.
 * - dist/bin/process-worker.js (the worker processes of `lint`, resolved as `./process-worker.js`
 *   beside the script), worker.js (the LSP server's worker threads), serve.js and lsp.js (`jxlint serve`, `jxlint lsp`, imported by the script when their
 *   command runs): ES modules with shared chunks, outside the script and its cache.
 *
 * Heavy libraries that only some runs need (exceljs, mammoth, cheerio, word-extractor, piscina)
 * stay external and load lazily. `JXLINT_BIN_OUT` builds elsewhere than dist/bin (benchmarks).
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const outdir = process.env.JXLINT_BIN_OUT ?? 'dist/bin';
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // iconv-lite (only `--fix` writes GB18030 back) is 0.5 MB of tables bundled but loads its encodings lazily
  // from node_modules: kept external, the lint path does not compile it at every start.
  // better-sqlite3 and pg (jxlint serve's stores) load native bindings through __filename: never bundled.
  external: ['exceljs', 'mammoth', 'cheerio', 'word-extractor', 'piscina', 'playwright-core', 'iconv-lite', 'better-sqlite3', 'pg'],
  // Less to compile at every start; identifiers are kept for readable internal-error reports.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

/**
 * fflate builds its Huffman tables when its module is evaluated (≈ 10 ms of a start); the command line
 * needs it only for a .docx inflated in JavaScript or a .docx written by `--fix`. Bundled behind this
 * module, fflate is evaluated at its first call. Only the names jxlint imports are forwarded: a new
 * import of another name fails the build ("No matching export") rather than slip through eagerly.
 */
const lazyFflate = {
  name: 'lazy-fflate',
  setup(b) {
    b.onResolve({ filter: /^fflate$/ }, (args) => (args.namespace === 'lazy-fflate' ? undefined : { path: 'fflate', namespace: 'lazy-fflate' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-fflate' }, () => ({
      resolveDir: process.cwd(),
      loader: 'js',
      contents: `let loaded;
const fflate = () => (loaded ??= require('fflate'));
export function inflateSync(...args) { return fflate().inflateSync(...args); }
export function zipSync(...args) { return fflate().zipSync(...args); }
export function Inflate(...args) { return new (fflate().Inflate)(...args); }
`,
    }));
  },
};

/**
 * Modules that a lint of one file rarely touches load at their first use: Node's crypto (`--cache`),
 * zlib (a .docx) and child_process (commander's external subcommands), and iconv-lite (`--fix` of a
 * GB18030 file). Each stands for an object whose properties (the module's own, listed here at build
 * time) load the real module when read.
 */
const LAZY_MODULES = ['node:crypto', 'node:zlib', 'node:child_process', 'iconv-lite'];
const buildRequire = createRequire(import.meta.url);
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    const names = LAZY_MODULES.flatMap((m) => [m, m.replace(/^node:/, '')]);
    b.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) =>
      args.namespace === 'lazy-module' ? undefined : { path: LAZY_MODULES.find((m) => m.endsWith(args.path)), namespace: 'lazy-module' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => {
      const keys = Object.keys(buildRequire(args.path)).filter((k) => k !== 'default');
      return {
        loader: 'js',
        resolveDir: process.cwd(),
        contents: `let loaded;
const real = () => (loaded ??= require(${JSON.stringify(args.path)}));
for (const key of ${JSON.stringify(keys)}) Object.defineProperty(exports, key, { enumerable: true, get: () => real()[key] });
`,
      };
    });
  },
};

/**
 * fdir (tinyglobby's crawler) requires its own picomatch from node_modules when its module is
 * evaluated, for a glob API tinyglobby does not use (it passes its own matchers): a second picomatch
 * read and compiled at every start. Deferred to fdir's first glob without a glob function; when a
 * newer fdir reads differently it is bundled as it is.
 */
const lazyFdirPicomatch = {
  name: 'lazy-fdir-picomatch',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const eager = /try \{\s*__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);\s*\} catch \{\}/;
      if (!eager.test(source) || !source.includes('this.globFunction || pm')) return undefined;
      return {
        loader: 'js',
        contents: source
          .replace(eager, '')
          .replace('this.globFunction || pm', 'this.globFunction || (pm ??= (() => { try { return __require("picomatch"); } catch { return null; } })())'),
      };
    });
  },
};

/**
 * chevrotain's lexer fills a 65,536-entry table one element at a time in a loop that runs cold at
 * every start (≈ 20 ms): the same table, as 257 `fill`s of a Uint16Array (its values are ≤ 512).
 * When a newer chevrotain reads differently it is bundled as it is.
 */
const fastCharCodeMap = {
  name: 'fast-char-code-map',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]chevrotain[\\/]lib[\\/]src[\\/]scan[\\/]lexer\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const loop = /charCodeToOptimizedIdxMap = new Array\(65536\);\s*for \(let i = 0; i < 65536; i\+\+\) \{\s*charCodeToOptimizedIdxMap\[i\] = i > 255 \? 255 \+ ~~\(i \/ 255\) : i;\s*\}/;
      if (!loop.test(source)) return undefined;
      return {
        loader: 'js',
        contents: source.replace(
          loop,
          'const map = new Uint16Array(65536); for (let i = 0; i < 256; i++) map[i] = i; ' +
            'for (let k = 1; 255 * k < 65536; k++) map.fill(255 + k, Math.max(256, 255 * k), Math.min(65536, 255 * (k + 1))); ' +
            'charCodeToOptimizedIdxMap = map;',
        ),
      };
    });
  },
};

// The ES modules: worker processes and threads, `jxlint serve`, `jxlint lsp`.
await build({
  ...common,
  plugins: [lazyFflate, fastCharCodeMap],
  entryPoints: { worker: 'src/node/worker.ts', 'process-worker': 'src/node/process-worker.ts', serve: 'src/serve/index.ts', lsp: 'src/lsp/index.ts' },
  outdir,
  splitting: true,
  format: 'esm',
  // CommonJS dependencies (commander, iconv-lite …) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __jxlintRequire } from 'node:module'; const require = __jxlintRequire(import.meta.url);" },
});

/** `import('../serve/index.js')` in program.ts loads dist/bin/serve.js at run time (likewise lsp). */
const commandModules = {
  name: 'command-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/(serve|lsp)\/index\.js$/ }, (args) =>
      args.kind === 'dynamic-import' && args.importer.endsWith(path.join('src', 'cli', 'program.ts'))
        ? { path: `./${args.path.split('/')[1]}.js`, external: true }
        : undefined,
    );
  },
};

/**
 * numfmt (the .xlsx number formats) is required from dist/bin/numfmt.cjs, built below, not from
 * node_modules: numfmt 4.0.1's package sends require() to dist/index.cjs, a file it does not ship
 * (its CommonJS build is dist/index.js), so `require('numfmt')` fails where `import` works.
 */
const numfmtBeside = {
  name: 'numfmt-beside',
  setup(b) {
    b.onResolve({ filter: /^numfmt$/ }, () => ({ path: './numfmt.cjs', external: true }));
  },
};
await build({
  ...common,
  stdin: { contents: "export * from 'numfmt';", resolveDir: process.cwd(), loader: 'js' },
  outfile: path.join(outdir, 'numfmt.cjs'),
  format: 'cjs',
});

// The command line as one classic script: the launcher passes what a CommonJS module has, and the
// script's own URL for `import.meta.url` (./worker.js, package.json are found from it).
const cli = await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  write: false,
  outfile: path.join(outdir, 'cli.cjs'),
  format: 'cjs',
  // The .xlsx number formats and the HTML parser (with its entity tables) are a sixth of the script
  // and serve only .xlsx and .html inputs: required when those are read (numfmt from beside the
  // script, the HTML parser from node_modules).
  external: [...common.external, 'htmlparser2', 'entities'],
  define: { 'import.meta.url': '__jxlintImportMetaUrl' },
  banner: { js: '(function (require, module, exports, __filename, __dirname, __jxlintImportMetaUrl, __jxlintImport) {' },
  footer: { js: '})' },
  plugins: [commandModules, numfmtBeside, lazyFflate, lazyModules, lazyFdirPicomatch, fastCharCodeMap],
});
let script = cli.outputFiles[0].text.replace(/^#!.*\n/, '');
// A function that V8 takes from the code cache loses the script's dynamic-import callback (Node 20:
// `import()` then fails with "A dynamic import callback was not specified"), so the script's few
// `import("…")` (exceljs, piscina, ./serve.js, ./lsp.js) go through the launcher's own import().
script = script.replace(/(?<![\w$.])import\((?=")/g, '__jxlintImport(');
const leftImport = /(?<![\w$.])import\s*\(/.exec(script);
if (leftImport) throw new Error(`bundle.mjs: an import() the launcher cannot serve: …${script.slice(leftImport.index - 60, leftImport.index + 40)}…`);
// esbuild leaves regular-expression literals in UTF-8; escaped, the script is ASCII and the launcher
// reads it as a one-byte string (no UTF-8 decoding of 1.5 MB at each start).
script = script.replace(/[^\x00-\x7f]/gu, (ch) => {
  if (ch.length > 1) throw new Error(`bundle.mjs: a character beyond the BMP (${ch}) in the command-line script`);
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
});
const hash = createHash('sha256').update(script).digest('hex').slice(0, 12);
const scriptName = `cli-${hash}.cjs`;
const cacheName = `cli-${hash}.cache`;
writeFileSync(path.join(outdir, scriptName), script);

// The bin as CommonJS (main.cjs): Node starts a CommonJS main module without its ES module loader,
// ~11 ms less at every start here (`node empty.cjs` 115 ms, `node empty.mjs` 127 ms, medians of 21).
// main.js, the ES module door that scripts, tests and the VS Code extension run in a checkout, only
// requires it.
await build({
  ...common,
  entryPoints: { main: 'src/cli/launcher.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  banner: { js: "const __jxlintLauncherUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: {
    JXLINT_CLI_SCRIPT: JSON.stringify(scriptName),
    JXLINT_CLI_CACHE: JSON.stringify(cacheName),
    'import.meta.url': '__jxlintLauncherUrl',
  },
});
writeFileSync(
  path.join(outdir, 'main.js'),
  "#!/usr/bin/env node\n// The ES module door to the bin (main.cjs, what `jxlint` runs): for `node dist/bin/main.js` in a checkout.\nimport { createRequire } from 'node:module';\ncreateRequire(import.meta.url)('./main.cjs');\n",
  { mode: 0o755 },
);

// The code cache, from a run that lints the seed text export (the functions it compiled are in it).
const seed = 'fixtures/seed/seed.txt';
if (existsSync(seed)) {
  const made = spawnSync(process.execPath, ['scripts/code-cache.mjs', path.join(outdir, scriptName), path.join(outdir, cacheName), 'lint', seed], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  // jxlint exits 1 for the seed's findings; anything else means the script itself is broken.
  if (made.status !== 0 && made.status !== 1) throw new Error(`bundle.mjs: the command-line script failed its representative run (${made.error?.message ?? `exit ${made.status}`})`);
  if (!existsSync(path.join(outdir, cacheName))) console.warn('bundle.mjs: no code cache written; jxlint starts without it');
} else {
  console.warn(`bundle.mjs: ${seed} is missing; no code cache (jxlint starts without it)`);
}
// The cache must be one V8 takes for this script, or it only costs a read.
if (existsSync(path.join(outdir, cacheName))) {
  const check = spawnSync(process.execPath, ['scripts/code-cache.mjs', '--check', path.join(outdir, scriptName), path.join(outdir, cacheName)], { encoding: 'utf8' });
  if (check.stdout.trim() !== 'accepted') console.warn(`bundle.mjs: V8 does not take the code cache (${check.stdout.trim() || check.stderr.trim()})`);
}
