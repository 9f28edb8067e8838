/**
 * Merging results (合并结果): JSON results written by `-f json` (an array of results) or
 * `-f report-json` (`{ summary, results }`), e.g. one file per `--shard k/n`, read back and put in
 * path order, as if one run had linted every file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { countsOf, type LintResult } from '../index.js';
import { comparePaths, InputError, relativeTo } from './discover.js';

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

/** The results in one JSON file (either shape), or a one-line InputError. */
export function readResultsFile(file: string, cwd = process.cwd()): LintResult[] {
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
    throw new InputError(
      'bad-results',
      code === 'ENOENT' ? `结果文件 ${file} 不存在：请检查路径` : `无法读取结果文件 ${file}（${code}）`,
      code === 'ENOENT' ? `results file ${file} does not exist` : `cannot read ${file} (${code})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new InputError('bad-results', `${file} 不是有效的 JSON：请传入 jxlint -f json 或 -f report-json 的输出`, `${file} is not valid JSON; pass the output of jxlint -f json or -f report-json`);
  }
  const list = Array.isArray(json) ? json : (json as { results?: unknown })?.results;
  if (!Array.isArray(list) || !list.every(isResult)) {
    throw new InputError(
      'bad-results',
      `${file} 不是 jxlint 的检查结果：请传入 jxlint -f json 或 -f report-json 的输出`,
      `${file} is not jxlint results; pass the output of jxlint -f json or -f report-json`,
    );
  }
  // Counts a results file does not carry (an older or hand-made one) are counted from its messages.
  return list.map((r) => {
    const counted = countsOf(r.messages);
    return {
      ...r,
      status: r.status ?? (r.fatalErrorCount > 0 ? 'failed' : 'ok'),
      projects: r.projects ?? [],
      infoCount: r.infoCount ?? counted.infoCount,
      fatalErrorCount: r.fatalErrorCount ?? counted.fatalErrorCount,
      fixableCount: r.fixableCount ?? counted.fixableCount,
    };
  });
}

export interface MergeOptions {
  cwd?: string;
  /** Told about a file found in two inputs (its first result is kept). */
  onDuplicate?: (filePath: string) => void;
}

/**
 * Merges result files: every file once (a file found in two inputs keeps its first result), sorted
 * by path like a single run.
 */
export function mergeResultFiles(files: readonly string[], options: MergeOptions = {}): LintResult[] {
  const cwd = options.cwd ?? process.cwd();
  const byPath = new Map<string, LintResult>();
  for (const file of files) {
    for (const result of readResultsFile(file, cwd)) {
      const key = path.resolve(cwd, result.filePath);
      if (byPath.has(key)) {
        options.onDuplicate?.(result.filePath);
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
