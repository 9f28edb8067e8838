/**
 * Support for the CLI end-to-end tests: the CLI runs as users run it, compiled (the worker pool
 * needs compiled JavaScript). `ensureBuilt()` compiles the build config (tsconfig.build.json, as
 * `npm run build` does) into a private folder when it is older than the sources — under a lock, so
 * parallel test files build once — so that another `npm run build` rewriting dist/ in the middle
 * of a test cannot break it.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SEED = path.join(ROOT, 'fixtures/seed');
const CACHE = path.join(ROOT, 'node_modules/.cache/jxlint-cli-tests');
const LOCK = path.join(CACHE, 'build.lock');
/** `{ dir, started, finished }` of the newest private build. */
const CURRENT = path.join(CACHE, 'current.json');

/**
 * The private build in use: BUILD/src/cli/main.js is the bin, as dist/src/cli/main.js is for users.
 * Each build goes to a new folder, so a rebuild never rewrites files a running test is using.
 * (Live bindings: set by `ensureBuilt`.)
 */
export let BUILD = '';
export let BIN = '';

function newestSource(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** The current build, if it is usable and not older than the sources. */
function freshBuild(): string | null {
  if (!existsSync(CURRENT)) return null;
  const { dir, started, finished } = JSON.parse(readFileSync(CURRENT, 'utf8')) as { dir: string; started: number; finished: number };
  if (!existsSync(path.join(dir, 'src/cli/main.js')) || !existsSync(path.join(dir, 'src/node/worker.js'))) return null;
  // A build finished in the last two minutes (another test file's) is good enough: the tree is
  // being edited by others while the tests run.
  if (Date.now() - finished < 120_000) return dir;
  return ['src', 'grammar', 'rules'].every((d) => newestSource(path.join(ROOT, d)) <= started) ? dir : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function use(dir: string): void {
  BUILD = dir;
  BIN = path.join(dir, 'src/cli/main.js');
}

/** Compiles a private build when the current one is older than the sources. tsc errors elsewhere in the tree do not stop it (tsc still emits). */
export async function ensureBuilt(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  const fresh = freshBuild();
  if (fresh) return use(fresh);
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is building; a lock older than 5 minutes is stale.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(500);
    }
  }
  try {
    const again = freshBuild();
    if (again) return use(again);
    const started = Date.now();
    const dir = path.join(CACHE, `build-${started}`);
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    await new Promise<void>((resolve) =>
      spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', dir], { cwd: ROOT, stdio: 'ignore' }).on('close', () => resolve()),
    );
    if (!existsSync(path.join(dir, 'src/cli/main.js'))) throw new Error(`tsc did not produce ${dir}/src/cli/main.js`);
    // The bin reads its version from package.json two folders up, as in dist/.
    cpSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
    writeFileSync(CURRENT, JSON.stringify({ dir, started, finished: Date.now() }));
    // Builds older than an hour are no longer used by any test run.
    for (const entry of readdirSync(CACHE)) {
      const full = path.join(CACHE, entry);
      if (entry.startsWith('build-') && full !== dir && started - Number(entry.slice(6)) > 3_600_000) rmSync(full, { recursive: true, force: true });
    }
    use(dir);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the compiled bin (`node …/src/cli/main.js …args`) in `cwd`, with no colour and no progress bar. */
export function runCli(
  args: string[],
  options: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined> } = {},
): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', CI: '1', FORCE_COLOR: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh temporary folder, removed by `cleanup`. */
export function tempDir(prefix = 'jxlint-cli-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Copies a seed fixture to `dir/name`. */
export function copySeed(file: string, dir: string, name = file): string {
  const target = path.join(dir, name);
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(path.join(SEED, file), target);
  return target;
}

/** Writes a file (creating folders). */
export function put(dir: string, name: string, content: string | Uint8Array): string {
  const target = path.join(dir, name);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
  return target;
}

/** A .docx that is not one: ZIP magic, then garbage. */
export function corruptDocx(): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0x50, 0x4b, 0x03, 0x04]);
  for (let i = 4; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
  return bytes;
}

export interface JsonResult {
  filePath: string;
  status: 'ok' | 'failed' | 'skipped';
  messages: { ruleId: string | null; severity: number; message: string; fatal?: boolean; projectCode: string | null }[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
}

export function parseJsonResults(text: string): JsonResult[] {
  return JSON.parse(text) as JsonResult[];
}

/** Stderr lines, without empty ones. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

/**
 * Runs the CLI with a private TMPDIR (made if missing) and watches it: gives the most chunk files of
 * worker processes (src/node/process-worker.ts, `chunk-N` in the run's temporary folder) seen there at
 * once while the run went on.
 */
export async function runCliWatchingChunkFiles(args: string[], cwd: string, tmp: string, env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string; mostChunkFiles: number }> {
  mkdirSync(tmp, { recursive: true });
  const chunkFiles = () => {
    let n = 0;
    for (const folder of readdirSync(tmp)) {
      try {
        n += readdirSync(path.join(tmp, folder)).filter((name) => name.startsWith('chunk-')).length;
      } catch {
        // removed meanwhile
      }
    }
    return n;
  };
  let most = 0;
  const poll = setInterval(() => (most = Math.max(most, chunkFiles())), 5);
  try {
    const r = await runCli(args, { cwd, env: { TMPDIR: tmp, ...env } });
    return { code: r.code, stderr: r.stderr, mostChunkFiles: most };
  } finally {
    clearInterval(poll);
  }
}
