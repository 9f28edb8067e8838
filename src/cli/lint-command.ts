/**
 * `jxlint [lint] <files | dirs | globs>…` (检查): find the files, resolve their configs, take this
 * shard, lint them on the worker pool in path order, apply the baseline, write every report from the
 * one pass, and return ESLint's exit code.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { acceptAll, BaselineFilter, BaselineRecorder, parseBaseline, printConfig, stringifyBaseline, type Baseline, type LintResult, type Locale } from '../index.js';
import { discoverFiles, IgnoreMatcher, loadIgnoreFile, parseShard, selectShard, type InputFile } from '../node/discover.js';
import { autoConcurrency, lintFiles, type LintFileTask, type LintRunSettings } from '../node/lint-files.js';
import { lintOneFile } from '../node/worker.js';
import { RunConfigs, ruleOverrides } from './configs.js';
import { fixMode, reportIO, runFixes } from './fix-command.js';
import { configForFile } from '../index.js';
import { pairOutputs, writesToStderr, type OutputFlag } from './outputs.js';
import { ProgressBar, progressWanted } from './progress.js';
import type { CliIO } from './io.js';
import { RunReporter } from './report.js';
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
  shard?: string;
  progress?: boolean;
  /** `--fix`, `--unsafe-fixes`, `--fix-dry-run` (see fix-command.ts). */
  fix?: boolean;
  unsafeFixes?: boolean;
  fixDryRun?: boolean;
}

function splitList(values: readonly string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function loadBaseline(file: string, cwd: string): Baseline {
  const target = path.resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(target, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
    if (code === 'ENOENT') {
      throw new UsageError(`基线文件 ${file} 不存在：先用 --baseline ${file} --update-baseline 生成`, `baseline ${file} does not exist; create it with --update-baseline`, false);
    }
    throw new UsageError(`无法读取基线文件 ${file}（${code}）`, `cannot read the baseline ${file} (${code})`, false);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError(`基线文件 ${file} 不是有效的 JSON：请用 --update-baseline 重新生成`, `baseline ${file} is not valid JSON; regenerate it with --update-baseline`, false);
  }
  try {
    return parseBaseline(json, file);
  } catch (e) {
    throw new UsageError((e as Error).message, '', false);
  }
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}

export async function runLint(inputs: string[], options: LintCommandOptions, io: CliIO): Promise<number> {
  const cwd = io.cwd;
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
  const shard = options.shard !== undefined ? parseShard(options.shard) : null;
  const fixing = fixMode(options);

  const overrides: Record<string, unknown> = {};
  if (options.rule && options.rule.length > 0) overrides.rules = ruleOverrides(options.rule);
  if (options.locale) overrides.locale = options.locale;
  const configs = new RunConfigs(cwd, Object.keys(overrides).length > 0 ? overrides : undefined, options.config);
  if (options.config !== undefined && !existsSync(path.resolve(cwd, options.config))) {
    throw new UsageError(`配置文件 ${options.config} 不存在：请检查 --config 的路径`, `config ${options.config} does not exist; check --config`, false);
  }

  if (options.printConfig !== undefined) {
    const target = path.resolve(cwd, options.printConfig);
    let isDirectory = false;
    try {
      isDirectory = statSync(target).isDirectory();
    } catch {
      isDirectory = false;
    }
    const index = configs.indexFor(target, isDirectory);
    io.stdout(printConfig(configForFile(configs.configs[index]!, target)).replace(/\n$/, ''));
    return 0;
  }

  const baseline = options.baseline && !options.updateBaseline ? loadBaseline(options.baseline, cwd) : null;
  const useIgnore = options.ignore !== false;

  // The files, in path order; configs resolved (and checked) before anything is linted.
  let files: InputFile[];
  let stdinBytes: Uint8Array | undefined;
  if (options.stdin) {
    const name = options.stdinFilename ? path.resolve(cwd, options.stdinFilename) : '<stdin>';
    stdinBytes = await readStdin(io.stdin);
    files = [{ path: name, relativePath: options.stdinFilename ?? '<stdin>', explicit: true, ignored: false }];
    if (useIgnore && options.stdinFilename) {
      // The same ignore rules as a file of that name (so an editor piping an ignored file sees nothing).
      const matcher = new IgnoreMatcher(cwd).add(loadIgnoreFile(cwd)).add(options.ignorePattern ?? []);
      files[0]!.ignored = matcher.ignores(name);
    }
  } else {
    files = await discoverFiles(inputs, {
      cwd,
      extensions: splitList(options.ext),
      ignorePatterns: options.ignorePattern,
      useIgnore,
      errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
    });
  }
  const tasks: LintFileTask[] = [];
  const unnamedStdin = stdinBytes !== undefined && !options.stdinFilename;
  for (const file of files) {
    const configIndex = unnamedStdin ? configs.indexFor(cwd, true) : configs.indexFor(file.path);
    let skipped = file.ignored;
    if (useIgnore && !skipped && !unnamedStdin && configs.ignores(configIndex, file.path)) {
      if (!file.explicit) continue; // found by searching a folder: leave it out, as .jxlintignore does
      skipped = true;
    }
    tasks.push({ filePath: file.path, configIndex, ...(skipped ? { skipped: true } : {}) });
  }
  const shardTasks = selectShard(tasks, shard);

  const settings: LintRunSettings = {
    configs: configs.configs,
    locale: options.locale,
    keepDocument: outputs.some((o) => o.format === 'html'),
    docxReader: options.docxReader,
    maxFileSize: options.maxFileSize,
    maxInflatedSize: options.maxInflatedSize,
  };

  // The baseline: accepted findings are hidden; with --update-baseline every finding of this run is
  // accepted (and only one entry per fingerprint is kept to write the file at the end).
  const recorder = new BaselineRecorder();
  let transform: ((r: LintResult) => LintResult) | undefined;
  if (options.updateBaseline) {
    transform = (r) => {
      recorder.add(r);
      return acceptAll(r);
    };
  } else if (baseline) {
    const filter = new BaselineFilter(baseline);
    transform = (r) => filter.apply(r);
  }
  const reporter = new RunReporter(
    { outputs, locale: options.locale ?? configs.locale(), color: options.color, quiet: options.quiet, maxWarnings: options.maxWarnings },
    reportIO(io, options),
    transform,
  );
  await reporter.open();
  // Workers render the file-by-file reports themselves when they can (no baseline to apply first).
  settings.render = reporter.renderSettings();

  let fixSummary: string | undefined;
  if (fixing) {
    fixSummary = await runFixes(shardTasks, settings, reporter, io, options, stdinBytes);
  } else if (stdinBytes) {
    const task = shardTasks[0];
    if (task) await reporter.add(await lintOneFile(task, settings, task.skipped ? undefined : stdinBytes));
  } else {
    const concurrency = options.concurrency === undefined || options.concurrency === 'auto' ? autoConcurrency(shardTasks.length) : options.concurrency;
    const showProgress =
      options.progress !== false &&
      !(reporter.streamsToStdout() && io.stdoutIsTTY) &&
      progressWanted(shardTasks.length, { stream: io.stderrStream, env: io.env, reportOnStderr: writesToStderr(outputs) });
    const bar = showProgress ? new ProgressBar(io.stderrStream, shardTasks.length) : null;
    try {
      for await (const result of lintFiles(shardTasks, settings, { concurrency, onFileDone: bar ? (done) => bar.update(done) : undefined })) {
        await reporter.add(result);
      }
    } finally {
      bar?.clear();
    }
  }

  if (options.updateBaseline && options.baseline) {
    const created = recorder.baseline();
    try {
      writeFileSync(path.resolve(cwd, options.baseline), stringifyBaseline(created));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
      throw new UsageError(`无法写入基线文件 ${options.baseline}（${code}）`, `cannot write the baseline ${options.baseline} (${code})`, false);
    }
    io.stderr(`已写入基线 ${options.baseline}：${created.entries.reduce((n, e) => n + e.count, 0)} 条已接受的问题（baseline written）`);
  }
  const code = await reporter.finish();
  // After the reports, as Ruff ends with "N fixed, M remaining".
  if (fixSummary) io.stderr(fixSummary);
  return code;
}
