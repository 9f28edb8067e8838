/**
 * `jxlint [lint] <files | dirs | globs>…` (检查): find the files, resolve their configs, take this
 * shard, lint them on the worker pool in path order, apply the baseline, write every report from the
 * one pass, and return ESLint's exit code.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printConfig, ruleIds, stringifyBaseline, type Locale } from '../index.js';
import { configForPath, generatedAt, lintFilesToReports, parseShard, removeUnfinishedReports, RunInterrupted, streamsToStdout, type DiscoverFilesOptions } from '../node.js';
import { reportTimeZone } from '../formatters/local-time.js';
import { ruleOverrides } from './configs.js';
import { fixMode, reportIO, runFixes } from './fix-command.js';
import { pairOutputs, writesToStderr, type OutputFlag } from './outputs.js';
import { ProgressBar, progressWanted } from './progress.js';
import { stdoutColor, terminalWidth, type CliIO } from './io.js';
import { exitCode } from './report.js';
import { UsageError } from './usage.js';

export interface LintCommandOptions {
  outputFlags: OutputFlag[];
  ext?: string[];
  ignorePattern?: string[];
  /** false with --no-ignore. */
  ignore?: boolean;
  errorOnUnmatchedPattern?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  maxWarnings?: number;
  quiet?: boolean;
  locale?: Locale;
  color?: boolean;
  concurrency?: number | 'auto';
  config?: string;
  printConfig?: string;
  baseline?: string;
  updateBaseline?: boolean;
  rule?: string[];
  docxReader?: 'stream' | 'mammoth';
  maxFileSize?: number;
  maxInflatedSize?: number;
  /** `--max-worker-memory` (bytes), `--time-limit` (ms): see docs/reliability.md. */
  maxWorkerMemory?: number;
  timeLimit?: number;
  shard?: string;
  /** `--cache`, `--cache-location` (src/node/cache.ts). */
  cache?: boolean;
  cacheLocation?: string;
  progress?: boolean;
  /** `--fix`, `--unsafe-fixes`, `--fix-dry-run` (see fix-command.ts). */
  fix?: boolean;
  unsafeFixes?: boolean;
  fixDryRun?: boolean;
  /** stylish: the whole message and the cell's role; counts per rule instead of findings. */
  verbose?: boolean;
  statistics?: boolean;
  /** `--preset`: the preset every config extends; `--select` only these rules; `--ignore` these rules off. */
  preset?: 'recommended' | 'strict' | 'all';
  select?: string[];
  ignoreRules?: string[];
  /** `--split-by agency`, `--time-zone`, `--rules-docs-url` (reports; see docs/formats.md). */
  splitBy?: 'agency';
  timeZone?: string;
  rulesDocsUrl?: string;
}

function splitList(values: readonly string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The rule overrides of `--select` (every other rule off), `--ignore` (these off) and `--rule`
 * (applied last). Unknown ids are left in, so the engine names them with a did-you-mean.
 */
export function narrowRules(options: Pick<LintCommandOptions, 'select' | 'ignoreRules' | 'rule'>): Record<string, unknown> | undefined {
  const rules: Record<string, unknown> = {};
  const select = splitList(options.select);
  if (select && select.length > 0) {
    for (const id of ruleIds()) if (!select.includes(id)) rules[id] = 'off';
    // A selected id that is not a rule: let the engine's config check name it.
    for (const id of select) if (!ruleIds().includes(id)) rules[id] = 'off';
  }
  for (const id of splitList(options.ignoreRules) ?? []) rules[id] = 'off';
  Object.assign(rules, options.rule && options.rule.length > 0 ? ruleOverrides(options.rule) : {});
  return Object.keys(rules).length > 0 ? rules : undefined;
}

export async function runLint(given: string[], options: LintCommandOptions, io: CliIO): Promise<number> {
  const cwd = io.cwd;
  // `jxlint -` reads standard input, as `--stdin` does.
  if (given.includes('-')) {
    if (given.length > 1 || options.stdin) throw new UsageError('"-"（标准输入）不能与其他文件参数或 --stdin 同时使用', '"-" (standard input) cannot be combined with other inputs or --stdin');
    options = { ...options, stdin: true };
  }
  const inputs = given.filter((i) => i !== '-');
  const outputs = pairOutputs(options.outputFlags, cwd);
  if (options.updateBaseline && !options.baseline) {
    throw new UsageError('--update-baseline 需要同时用 --baseline FILE 指定基线文件', '--update-baseline needs --baseline FILE');
  }
  if (options.stdinFilename !== undefined && !options.stdin) {
    throw new UsageError('--stdin-filename 只能和 --stdin 一起用', '--stdin-filename needs --stdin');
  }
  if (options.stdin && inputs.length > 0) {
    throw new UsageError('--stdin 与文件参数不能同时使用', '--stdin cannot be combined with file arguments');
  }
  if (!options.stdin && inputs.length === 0 && options.printConfig === undefined) {
    throw new UsageError('请指定要检查的文件、目录或 glob 模式，例如 jxlint 报送材料/', 'give the files, folders or globs to lint, e.g. jxlint submissions/');
  }
  const shard = options.shard !== undefined ? parseShard(options.shard, io.env) : undefined;
  const fixing = fixMode(options);

  const selection: DiscoverFilesOptions = {
    cwd,
    config: options.config,
    rules: narrowRules(options),
    locale: options.locale,
    preset: options.preset,
    extensions: splitList(options.ext),
    ignore: options.ignore !== false,
    ignorePatterns: options.ignorePattern,
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
    shard,
  };
  if (options.printConfig !== undefined) {
    // A valid config file (feed it back with --config): `sources` is not a config key, so it goes to stderr.
    const { sources, ...config } = JSON.parse(printConfig(configForPath(options.printConfig, selection))) as Record<string, unknown>;
    io.stdout(JSON.stringify(config, null, 2));
    if (Array.isArray(sources) && sources.length > 0) io.stderr(`配置来源：${sources.join('，')}（config sources）`);
    return 0;
  }

  const stdinBytes = options.stdin ? await readStdin(io.stdin) : undefined;
  const reportTo = reportIO(io, options);
  // The progress bar, once the number of files is known (not when a report streams to the terminal).
  const progress: { bar?: ProgressBar | null } = options.progress === false || (streamsToStdout(outputs) && io.stdoutIsTTY) ? { bar: null } : {};
  const onProgress = (done: number, total: number) => {
    progress.bar ??= progressWanted(total, { stream: io.stderrStream, env: io.env, reportOnStderr: writesToStderr(outputs) }) ? new ProgressBar(io.stderrStream, total) : null;
    progress.bar?.update(done);
  };
  let outcome;
  let fixSummary: string | undefined;
  // Ctrl-C or SIGTERM: the first stops the run cleanly (no half-written report; earlier reports stay),
  // a second one exits at once (temporary files are still removed by the exit hook).
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) {
      removeUnfinishedReports();
      process.exit(2);
    }
    stop.abort(signal);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  for (const s of signals) process.on(s, onSignal);
  try {
    outcome = await lintFilesToReports(inputs, outputs, {
      ...selection,
      stdin: stdinBytes ? { bytes: stdinBytes, filePath: options.stdinFilename } : undefined,
      // With --update-baseline every finding of this run is accepted instead.
      baseline: options.baseline && !options.updateBaseline ? options.baseline : undefined,
      updateBaseline: options.updateBaseline === true,
      concurrency: options.concurrency,
      cache: options.cache === true,
      cacheLocation: options.cacheLocation,
      docxReader: options.docxReader,
      maxFileSize: options.maxFileSize,
      maxInflatedSize: options.maxInflatedSize,
      maxWorkerMemory: options.maxWorkerMemory,
      timeLimit: options.timeLimit,
      signal: stop.signal,
      quiet: options.quiet,
      color: stdoutColor(options.color, reportTo),
      stylish: { width: terminalWidth(reportTo), verbose: options.verbose, statistics: options.statistics },
      generatedAt: generatedAt(io.env),
      splitBy: options.splitBy,
      // --time-zone, else the working directory's config (or --config), else TZ, else Asia/Shanghai.
      timeZone: reportTimeZone({ option: options.timeZone, config: configForPath('.', selection).timeZone, env: io.env.TZ }),
      rulesDocsBaseUrl: options.rulesDocsUrl,
      stdout: { line: reportTo.stdout, write: reportTo.writeStdout },
      onProgress,
      runFiles: fixing
        ? async (tasks, settings, sink) => {
            fixSummary = await runFixes(tasks, settings, sink, io, options, stdinBytes);
          }
        : undefined,
    });
  } catch (error) {
    if (!(error instanceof RunInterrupted)) throw error;
    progress.bar?.clear();
    const wrote = outputs.some((o) => o.file !== null);
    io.stderr(
      `jxlint：检查被中断（${error.reason}），已检查 ${error.done}/${error.total} 个文件；${wrote ? '报告文件未写入，之前的报告保持不变' : '输出不完整'}；请重新运行（interrupted by ${error.reason} after ${error.done} of ${error.total} files; ${wrote ? 'no report file was written, earlier reports are unchanged' : 'the output is incomplete'}; run again）`,
    );
    return 2;
  } finally {
    for (const s of signals) process.off(s, onSignal);
    progress.bar?.clear();
  }

  if (options.updateBaseline && options.baseline && outcome.baseline) {
    const created = outcome.baseline;
    try {
      writeFileSync(path.resolve(cwd, options.baseline), stringifyBaseline(created));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
      throw new UsageError(`无法写入基线文件 ${options.baseline}（${code}）`, `cannot write the baseline ${options.baseline} (${code})`, false);
    }
    io.stderr(`已写入基线 ${options.baseline}：${created.entries.reduce((n, e) => n + e.count, 0)} 条已接受的问题（baseline written）`);
  }
  for (const { file } of outputs) if (file !== null) io.stderr(`已写入 ${file}（wrote ${file}）`);
  // After the reports, as Ruff ends with "N fixed, M remaining".
  if (fixSummary) io.stderr(fixSummary);
  return exitCode(outcome.totals, options.maxWarnings, io);
}
