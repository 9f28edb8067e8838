#!/usr/bin/env node
/** The jxlint command line: a thin shell over the library API. */
import { Command, InvalidArgumentError } from 'commander';
import { runParse } from './parse-command.js';

const VERSION = '0.1.0';

function sizeOption(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('应为字节数或带单位的大小，如 64MiB（expected a size such as 64MiB）');
  const unit = (m[2] ?? '').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * mult);
}

export async function main(argv: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(s + '\n');
  const err = (s: string) => process.stderr.write(s + '\n');
  const program = new Command('jxlint')
    .version(VERSION)
    .description('绩效目标表检查工具 — lints performance-target documents (.docx .doc .txt .html)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let exitCode = 0;
  program
    .command('parse')
    .description('解析文件并输出读取到的结构（parse files and print the AST）')
    .argument('<files...>', '要解析的文件')
    .option('-f, --format <format>', 'json | pretty', 'pretty')
    .option('--no-color', '不使用颜色')
    .option('--docx-reader <reader>', 'stream | mammoth', 'stream')
    .option('--max-file-size <size>', '单个文件大小上限', sizeOption)
    .option('--max-inflated-size <size>', '.docx 解压后大小上限', sizeOption)
    .action(async (files: string[], opts) => {
      if (opts.format !== 'json' && opts.format !== 'pretty') {
        throw new InvalidArgumentError(`--format 只能是 json 或 pretty（got "${opts.format}"）`);
      }
      const color = opts.color !== false && !process.env.NO_COLOR && process.stdout.isTTY === true;
      exitCode = await runParse(files, { ...opts, color }, out, err);
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
    if (code?.startsWith('commander.')) {
      err('用法：jxlint --help 查看帮助（run jxlint --help for usage）');
      return 2;
    }
    if (e instanceof InvalidArgumentError) {
      err(`用法错误：${e.message}`);
      return 2;
    }
    throw e;
  }
  return exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`jxlint 内部错误：${e instanceof Error ? e.message : String(e)}（internal error; please report it with the input file）\n`);
    process.exitCode = 2;
  },
);
