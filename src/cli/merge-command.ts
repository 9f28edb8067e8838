/**
 * `jxlint merge a.json b.json… -f FORMAT [-o FILE]` (合并结果): reads JSON results written by
 * `-f json` (an array of results) or `-f report-json` (`{ summary, results }`), e.g. one per
 * `--shard k/n`, and writes any report from them, as if one run had linted every file.
 */
import type { Locale } from '../index.js';
import { configForPath, generatedAt, mergeResultFiles, writeReports } from '../node.js';
import { reportTimeZone } from '../formatters/local-time.js';
import { stdoutColor, terminalWidth, type CliIO } from './io.js';
import { pairOutputs, type OutputFlag } from './outputs.js';
import { exitCode } from './report.js';

export interface MergeCommandOptions {
  outputFlags: OutputFlag[];
  locale?: Locale;
  color?: boolean;
  quiet?: boolean;
  maxWarnings?: number;
  verbose?: boolean;
  statistics?: boolean;
  /** `--split-by agency`, `--time-zone`, `--rules-docs-url`: as for lint (docs/formats.md). */
  splitBy?: 'agency';
  timeZone?: string;
  rulesDocsUrl?: string;
}

export async function runMerge(files: string[], options: MergeCommandOptions, io: CliIO): Promise<number> {
  const outputs = pairOutputs(options.outputFlags, io.cwd);
  const results = mergeResultFiles(files, {
    cwd: io.cwd,
    onDuplicate: (file) => io.stderr(`${file} 在多个结果文件中出现，只保留第一次的结果（duplicate result for ${file}; kept the first）`),
  });
  const totals = await writeReports(results, outputs, {
    cwd: io.cwd,
    locale: options.locale ?? 'zh-CN',
    color: stdoutColor(options.color, io),
    quiet: options.quiet,
    stylish: { width: terminalWidth(io), verbose: options.verbose, statistics: options.statistics },
    generatedAt: generatedAt(io.env),
    splitBy: options.splitBy,
    // --time-zone, else the working directory's config, else TZ, else Asia/Shanghai.
    timeZone: reportTimeZone({ option: options.timeZone, config: configForPath('.', { cwd: io.cwd }).timeZone, env: io.env.TZ }),
    rulesDocsBaseUrl: options.rulesDocsUrl,
    stdout: { line: io.stdout, write: io.writeStdout },
  });
  for (const { file } of outputs) if (file !== null) io.stderr(`已写入 ${file}（wrote ${file}）`);
  return exitCode(totals, options.maxWarnings, io);
}
