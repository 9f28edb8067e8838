#!/usr/bin/env node
/**
 * The `jxlint` binary as installed (dist/bin/main.cjs, CommonJS, built by scripts/bundle.mjs): starts the
 * command line (src/cli/main.ts, bundled as one classic script dist/bin/cli.cjs) from V8's code
 * cache (代码缓存) made at build time, so the functions a lint run needs are neither parsed nor
 * compiled at start. Node 20 has no `module.enableCompileCache`; `vm.Script` with `cachedData`
 * does the same for a classic script. A cache V8 rejects (another Node or V8 version, other V8
 * flags, a missing or stale file) is ignored: the script is then compiled as usual.
 * `jxlint --version` answers here, without loading the command line.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { toolVersion } from '../node/version.js';

/** Set by scripts/bundle.mjs: the script's file name and its cache's (named by the script's hash). */
declare const JXLINT_CLI_SCRIPT: string;
declare const JXLINT_CLI_CACHE: string;

/** The script's function: what a CommonJS module gets, the script's URL (`import.meta.url`) and `import()`. */
type BundledScript = (
  require: NodeJS.Require,
  module: { exports: unknown },
  exports: unknown,
  filename: string,
  dirname: string,
  importMetaUrl: string,
  importModule: (specifier: string) => Promise<unknown>,
) => void;

/** Compiles a bundled script with its code cache when V8 takes it, and runs it. */
export function runCachedScript(scriptFile: string, cacheFile: string): { exports: unknown } {
  const source = readFileSync(scriptFile, 'latin1');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache: compile as usual
  }
  const script = new Script(source, { filename: scriptFile, cachedData });
  const run = script.runInThisContext() as BundledScript;
  const module = { exports: {} as unknown };
  const url = pathToFileURL(scriptFile).href;
  // import() is the launcher's: a function from the code cache has lost the script's import callback.
  const importModule = (specifier: string) => import(specifier.startsWith('.') ? new URL(specifier, url).href : specifier);
  run(createRequire(scriptFile), module, module.exports, scriptFile, path.dirname(scriptFile), url, importModule);
  return module;
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(toolVersion() + '\n');
} else {
  const here = path.dirname(fileURLToPath(import.meta.url));
  runCachedScript(path.join(here, JXLINT_CLI_SCRIPT), path.join(here, JXLINT_CLI_CACHE));
}
