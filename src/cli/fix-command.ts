/**
 * `jxlint --fix | --fix-dry-run [--unsafe-fixes]` (自动修复): each file is fixed in-process through the
 * Node API's `fixFile` (lint → fix → lint until nothing more applies), its remaining problems go to
 * the run's reports, and the summary line it returns (printed on stderr after the reports) says how
 * many fixes were applied. Text exports are
 * rewritten in their own encoding; Word, .doc and HTML files never are.
 *
 * With `--stdin` nothing can be rewritten in place, so (as Ruff does with `-`) stdout carries the
 * fixed text in the input's own bytes (`--fix`) or the unified diff (`--fix-dry-run`), and the
 * report goes to stderr unless it is written to a file with -o.
 */
import path from 'node:path';
import { configForFile, fixSafety, type LintResult } from '../index.js';
import type { LintFileTask, LintRunSettings } from '../node.js';
import type { CliIO } from './io.js';
import { UsageError } from './usage.js';

export interface FixFlags {
  fix?: boolean;
  unsafeFixes?: boolean;
  fixDryRun?: boolean;
  stdin?: boolean;
}

/** Whether the run fixes (or previews fixes); checks the flags go together. */
export function fixMode(flags: FixFlags): boolean {
  if (flags.unsafeFixes && !flags.fix && !flags.fixDryRun) {
    throw new UsageError('--unsafe-fixes 需要和 --fix 或 --fix-dry-run 一起用', '--unsafe-fixes needs --fix or --fix-dry-run');
  }
  return flags.fix === true || flags.fixDryRun === true;
}

/** The IO the report uses: with `--stdin` and fixing, stdout belongs to the fixed text or the diff. */
export function reportIO(io: CliIO, flags: FixFlags): CliIO {
  if (!flags.stdin || !fixMode(flags)) return io;
  const err = io.stderrStream;
  return { ...io, stdout: io.stderr, writeStdout: (chunk) => void err.write(chunk), stdoutIsTTY: err.isTTY === true, stdoutColumns: err.isTTY ? err.columns : undefined };
}

interface Reporter {
  add(result: LintResult): Promise<void>;
}

/**
 * Fixes every task's file, feeding the results (problems left after fixing) to the reporter in
 * order. Returns the summary line for stderr (the caller prints it after the reports).
 */
export async function runFixes(
  tasks: readonly LintFileTask[],
  settings: LintRunSettings,
  reporter: Reporter,
  io: CliIO,
  flags: FixFlags,
  stdinBytes?: Uint8Array,
): Promise<string> {
  const { fixBytes, fixFile } = await import('../node.js');
  const dryRun = flags.fixDryRun === true;
  const unsafe = flags.unsafeFixes === true;
  let fixes = 0;
  let files = 0;
  for (const task of tasks) {
    const runConfig = settings.configs[task.configIndex];
    const config = runConfig && configForFile(runConfig, task.filePath);
    if (task.skipped) {
      const { skippedResult } = await import('../node.js');
      if (stdinBytes && !dryRun) io.writeStdout(stdinBytes);
      await reporter.add(skippedResult(task.filePath));
      continue;
    }
    const label = path.relative(io.cwd, task.filePath).split(path.sep).join('/') || task.filePath;
    const options = {
      config,
      locale: settings.locale,
      unsafe,
      write: !dryRun && !stdinBytes,
      diff: dryRun,
      diffLabel: stdinBytes ? label || '<stdin>' : label,
      keepDocument: settings.keepDocument,
      docxReader: settings.docxReader,
      maxFileSize: settings.maxFileSize,
      maxInflatedSize: settings.maxInflatedSize,
    };
    const outcome = stdinBytes ? await fixBytes(stdinBytes, task.filePath, options) : await fixFile(task.filePath, options);
    if (outcome.status === 'fixed') {
      fixes += outcome.fixCount;
      files++;
    }
    if (dryRun && outcome.diff) io.writeStdout(outcome.diff);
    if (stdinBytes && !dryRun) io.writeStdout(outcome.output ?? stdinBytes);
    // Said once per Word/HTML file that has any fix to offer (a folder of clean .docx stays quiet).
    const offered = outcome.result.messages.filter((m) => m.fix).length;
    if (outcome.status === 'not-text' && offered > 0) {
      const safe = outcome.result.messages.filter((m) => m.fix && fixSafety(m.fix) === 'safe').length;
      io.stderr(
        `jxlint: ${label}：Word/网页文件不会被改写，其中 ${offered} 处有修复建议（${safe} 处安全），请在原文件中修改（${outcome.result.format ?? 'Word'} files are never rewritten; ${offered} fixes offered, ${safe} safe: make them in the original）`,
      );
    } else if (outcome.status === 'not-lossless') {
      io.stderr(
        `jxlint: ${label}：文件中有无法按原编码还原的字节，为免改动修复以外的内容，未改写（bytes that do not round-trip through the file's encoding; not rewritten）`,
      );
    }
    await reporter.add(outcome.result);
  }
  const unsafeNote = unsafe ? '（含需确认的修复）' : '';
  return dryRun
    ? `jxlint --fix-dry-run：可修复 ${fixes} 处${unsafeNote}，涉及 ${files} 个文件，未写入任何文件（${fixes} fixes in ${files} file(s); nothing written）`
    : stdinBytes
      ? `jxlint --fix：修复了 ${fixes} 处${unsafeNote}，修复后的文本已输出到标准输出（${fixes} fixes applied; the fixed text is on stdout）`
      : `jxlint --fix：修复了 ${fixes} 处${unsafeNote}，改写了 ${files} 个文件（${fixes} fixes applied, ${files} file(s) rewritten）`;
}
