/**
 * V8's code cache of the bundled command line (scripts/bundle.mjs, src/cli/launcher.ts).
 *
 *   node scripts/code-cache.mjs SCRIPT CACHE ARGS…   runs `jxlint ARGS…` from SCRIPT (compiled as the
 *       launcher compiles it) and, at exit, writes the code cache of every function that ran to CACHE
 *   node scripts/code-cache.mjs --check SCRIPT CACHE   prints `accepted` or `rejected`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

const args = process.argv.slice(2);
const check = args[0] === '--check';
if (check) args.shift();
const [scriptFile, cacheFile, ...cliArgs] = args.map((a, i) => (i < 2 ? path.resolve(a) : a));
const source = readFileSync(scriptFile, 'latin1');
const cachedData = check ? readFileSync(cacheFile) : undefined;
const script = new Script(source, { filename: scriptFile, cachedData });
if (check) {
  process.stdout.write(script.cachedDataRejected ? 'rejected\n' : 'accepted\n');
} else {
  process.argv = [process.argv[0], scriptFile, ...cliArgs];
  process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
  const module = { exports: {} };
  script.runInThisContext()(createRequire(scriptFile), module, module.exports, scriptFile, path.dirname(scriptFile), pathToFileURL(scriptFile).href, (specifier) => import(specifier.startsWith('.') ? pathToFileURL(path.resolve(path.dirname(scriptFile), specifier)).href : specifier));
}
