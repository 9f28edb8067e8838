/**
 * `jxlint merge a.json b.json… -f FORMAT [-o FILE]` (合并结果): reads JSON results written by
 * `-f json` (an array of results) or `-f report-json` (`{ summary, results }`), e.g. one per
 * `--shard k/n`, and writes any report from them, as if one run had linted every file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LintResult, Locale } from '../index.js';
import { comparePaths, relativeTo } from '../node/discover.js';
import { pairOutputs, type OutputFlag } from './outputs.js';
import type { CliIO } from './io.js';
import { RunReporter } from './report.js';
import { UsageError } from './usage.js';

export interface MergeCommandOptions {
  outputFlags: OutputFlag[];
  locale?: Locale;
  color?: boolean;
  quiet?: boolean;
  maxWarnings?: number;
}

function isResult(value: unknown): value is LintResult {
  const r = value as LintResult;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.filePath === 'string' &&
    Array.isArray(r.messages) &&
    typeof r.errorCount === 'number' &&
    typeof r.warningCount === 'number'
  );
}

/** The results in one JSON file (either shape), or a one-line UsageError. */
export function readResultsFile(file: string, cwd: string): LintResult[] {
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
    throw new UsageError(
      code === 'ENOENT' ? `结果文件 ${file} 不存在：请检查路径` : `无法读取结果文件 ${file}（${code}）`,
      code === 'ENOENT' ? `results file ${file} does not exist` : `cannot read ${file} (${code})`,
      false,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError(`${file} 不是有效的 JSON：请传入 jxlint -f json 或 -f report-json 的输出`, `${file} is not valid JSON; pass the output of jxlint -f json or -f report-json`, false);
  }
  const list = Array.isArray(json) ? json : (json as { results?: unknown })?.results;
  if (!Array.isArray(list) || !list.every(isResult)) {
    throw new UsageError(
      `${file} 不是 jxlint 的检查结果：请传入 jxlint -f json 或 -f report-json 的输出`,
      `${file} is not jxlint results; pass the output of jxlint -f json or -f report-json`,
      false,
    );
  }
  return list.map((r) => ({
    ...r,
    status: r.status ?? (r.fatalErrorCount > 0 ? 'failed' : 'ok'),
    projects: r.projects ?? [],
    infoCount: r.infoCount ?? 0,
    fatalErrorCount: r.fatalErrorCount ?? 0,
    fixableCount: r.fixableCount ?? 0,
  }));
}

/**
 * Merges the result files: every file once (a file found in two inputs keeps its first result,
 * with a warning on stderr), sorted by path like a single run.
 */
export function mergeResults(files: readonly string[], cwd: string, warn: (line: string) => void): LintResult[] {
  const byPath = new Map<string, LintResult>();
  for (const file of files) {
    for (const result of readResultsFile(file, cwd)) {
      const key = path.resolve(cwd, result.filePath);
      if (byPath.has(key)) {
        warn(`${result.filePath} 在多个结果文件中出现，只保留第一次的结果（duplicate result for ${result.filePath}; kept the first）`);
        continue;
      }
      byPath.set(key, result);
    }
  }
  return [...byPath.entries()]
    .map(([key, result]) => ({ key: relativeTo(cwd, key), result }))
    .sort((a, b) => comparePaths(a.key, b.key))
    .map((e) => e.result);
}

export async function runMerge(files: string[], options: MergeCommandOptions, io: CliIO): Promise<number> {
  const outputs = pairOutputs(options.outputFlags, io.cwd);
  const results = mergeResults(files, io.cwd, io.stderr);
  const reporter = new RunReporter(
    { outputs, locale: options.locale ?? 'zh-CN', color: options.color, quiet: options.quiet, maxWarnings: options.maxWarnings },
    io,
  );
  await reporter.open();
  for (const result of results) await reporter.add(result);
  return reporter.finish();
}
