/**
 * Builds the upload page (上传检查页面) into dist/browser/ with esbuild:
 * - jxlint-worker.js: the lint core for the browser (readers for .docx/.txt/.html, grammar, rules,
 *   engine, formatters) as one classic-worker script; .doc, the mammoth reader and xlsx (Node-only
 *   or heavy) are replaced by src/browser/node-only-stub.ts;
 * - index.html: the page as ONE self-contained file — style, page script and the worker's source
 *   inline (the worker starts from a Blob URL), so it works from file:// with no server. The service
 *   serves it at GET /, `jxlint page -o FILE` copies it.
 * - csp.json: the sha256 sources of the page's inline scripts (its own, and the html report's, which
 *   runs in the report frame under the page's policy), for a server's Content-Security-Policy.
 * Prints the gzipped size of the core and writes it to dist/browser/size.json (≤ 500 kB gzipped,
 * checked by test/browser-bundle.test.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// `--out DIR` builds elsewhere (the tests build their own copy); default dist/browser.
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 ? resolve(process.argv[outFlag + 1]) : join(root, 'dist/browser');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const stub = join(root, 'src/browser/node-only-stub.ts');
const NODE_ONLY = [/[\\/]src[\\/]sources[\\/]doc\.js$/, /[\\/]src[\\/]sources[\\/]docx[\\/]mammoth\.js$/, /[\\/]src[\\/]formatters[\\/]xlsx\.js$/];

/** Resolves the Node-only modules to the stub (they are loaded with import() only for .doc, mammoth, xlsx). */
const nodeOnlyStub = {
  name: 'jxlint-node-only-stub',
  setup(b) {
    b.onResolve({ filter: /(?:doc|mammoth|xlsx)\.js$/ }, (args) => {
      const full = resolve(args.resolveDir, args.path);
      return NODE_ONLY.some((re) => re.test(full)) ? { path: stub } : undefined;
    });
  },
};

const common = {
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: ['chrome103', 'firefox113', 'safari16.4'],
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
  define: { JXLINT_VERSION: JSON.stringify(version) },
};

const worker = await build({ ...common, entryPoints: [join(root, 'src/browser/worker.ts')], plugins: [nodeOnlyStub], metafile: true });
const workerJs = worker.outputFiles[0].text;
const page = await build({ ...common, entryPoints: [join(root, 'src/browser/page.ts')] });
const pageJs = page.outputFiles[0].text;

/**
 * An inline script may not contain `</script`, nor `<!--` or `<script` (they switch the HTML parser into
 * the script's "escaped" states, where `</script>` no longer ends it). They only occur inside string,
 * template and regular-expression literals, where `\x3C` means the same `<`.
 */
const inline = (js) => js.replace(/(?<!\\)<(?=!--|\/?script)/gi, '\\x3C');

/** A CSP source for an inline script: 'sha256-…' of its exact text. */
const hashOf = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
// The html report's own inline script runs in the page's report frame, which inherits the page's CSP.
const reportModule = await build({
  stdin: { contents: "export { REPORT_SCRIPT } from './src/formatters/html/script.generated.ts';", resolveDir: root, loader: 'ts' },
  bundle: true,
  write: false,
  format: 'esm',
  logLevel: 'warning',
});
const { REPORT_SCRIPT } = await import(`data:text/javascript;base64,${Buffer.from(reportModule.outputFiles[0].text).toString('base64')}`);
const pageScript = inline(pageJs);
/** The scripts the page may run (its own and the report's), for its CSP and for the service's (csp.json). */
const scriptHashes = [hashOf(pageScript), hashOf(REPORT_SCRIPT)];

const template = readFileSync(join(root, 'src/browser/index.html'), 'utf8');
const html = template
  .replaceAll('/*JXLINT_VERSION*/', version)
  .replace("'/*SCRIPT_HASHES*/'", scriptHashes.join(' '))
  .replace('/*PAGE_STYLE*/', () => readFileSync(join(root, 'src/browser/page.css'), 'utf8'))
  .replace('/*WORKER_SCRIPT*/', () => inline(workerJs))
  .replace('/*PAGE_SCRIPT*/', () => pageScript);

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'jxlint-worker.js'), workerJs);
writeFileSync(join(out, 'index.html'), html);
const size = {
  workerBytes: Buffer.byteLength(workerJs),
  workerGzipBytes: gzipSync(workerJs, { level: 9 }).length,
  pageBytes: Buffer.byteLength(html),
  pageGzipBytes: gzipSync(html, { level: 9 }).length,
};
writeFileSync(join(out, 'size.json'), JSON.stringify(size, null, 2) + '\n');
writeFileSync(join(out, 'csp.json'), JSON.stringify({ scriptSrc: scriptHashes, workerSrc: ['blob:'] }, null, 2) + '\n');
if (process.argv.includes('--meta')) writeFileSync(join(out, 'meta.json'), JSON.stringify(worker.metafile));
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
console.error(`browser: core ${kB(size.workerBytes)} (${kB(size.workerGzipBytes)} gzipped), page ${kB(size.pageBytes)} (${kB(size.pageGzipBytes)} gzipped) → ${relative(root, join(out, "index.html"))}`);
