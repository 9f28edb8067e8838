/**
 * The jxlint command line: a thin shell over the library API. Commands: `lint` (the default),
 * `parse`, `rules`, `explain`, `merge`. Every user-caused error is one line (Chinese first, then
 * English) and exit code 2; never a stack trace.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { isTimeZone } from '../index.js';
// Command modules are loaded when their command runs, so `--help` and `parse` do not pay for the
// rules, the formatters or the pool.
import type { LintCommandOptions } from './lint-command.js';
import type { OutputFlag } from './outputs.js';
import { processIO, stdoutColor, type CliIO } from './io.js';
import { collect, commanderMessage, HELP_HINT, oneOf, parseConcurrency, parseCount, parseSize, UsageError } from './usage.js';
import { toolVersion } from './version.js';

const LOCALES = ['zh-CN', 'en'] as const;
const DOCX_READERS = ['stream', 'mammoth'] as const;

/** `-f` and `-o` in command-line order (several pairs write several reports). */
function outputOptions(command: Command, flags: OutputFlag[], formatsHelp: string): Command {
  return command
    .option('-f, --format <format>', formatsHelp, (value: string) => {
      flags.push({ kind: 'format', value });
      return value;
    })
    .option('-o, --output-file <file>', '把前一个 -f 的报告写入文件（write the report of the preceding -f to a file）', (value: string) => {
      flags.push({ kind: 'output', value });
      return value;
    });
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const program = new Command('jxlint')
    .version(toolVersion(), '-v, --version', '显示版本号（show the version）')
    .description('绩效目标表检查工具 — lints performance-target documents (.docx .doc .txt .html)')
    .helpOption('-h, --help', '显示帮助（show help）')
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s.replace(/\n$/, '')),
      // Commander's own error lines are replaced by ours (one bilingual line + the hint).
      writeErr: (s) => {
        if (!/^error:/i.test(s)) io.stderr(s.replace(/\n$/, ''));
      },
    });
  let exitCode = 0;

  // jxlint [lint] <files | dirs | globs>…
  const lintFlags: OutputFlag[] = [];
  const lint = program
    .command('lint', { isDefault: true })
    .description('检查文件、目录或 glob 匹配的文件（lint files, folders or globs; the default command）')
    .argument('[inputs...]', '文件、目录或 glob 模式（files, folders or glob patterns）');
  outputOptions(lint, lintFlags, 'stylish | json | report-json | sarif | junit | github | csv | xlsx | html（可重复，每个 -f 后可跟 -o）');
  lint
    .option('--ext <extensions>', '在目录中查找的扩展名，逗号分隔（default docx,doc,txt,htm,html）', collect)
    .option('--ignore-pattern <pattern>', '忽略的路径（gitignore 语法，可重复）', collect)
    .option('--no-ignore', '不使用 .jxlintignore、--ignore-pattern 和配置中的 ignorePatterns')
    .option('--no-error-on-unmatched-pattern', '某个参数没有匹配到文件时不报错')
    .option('--stdin', '从标准输入读取一个文件')
    .option('--stdin-filename <name>', '标准输入内容的文件名（用于查找配置和显示）')
    .option('--max-warnings <n>', '警告超过 n 条时退出码为 1', parseCount)
    .option('--quiet', '只报告错误（errors only）')
    .addOption(new Option('--locale <locale>', '消息语言 zh-CN | en').argParser(oneOf(LOCALES)))
    .option('--color', '强制使用颜色')
    .option('--no-color', '不使用颜色（也可设置 NO_COLOR）')
    .option('--concurrency <n>', '并行线程数 auto | N（1 = 不用工作线程）', parseConcurrency)
    .option('--config <file>', '使用指定的配置文件，不再向上查找 jxlint.config.json')
    .option('--print-config <file>', '打印对该文件生效的配置并退出')
    .option('--baseline <file>', '基线文件：其中已接受的问题不再报告')
    .option('--update-baseline', '把本次发现的问题写入 --baseline 文件')
    .option('--rule <id:severity>', '覆盖规则级别，如 value-missing-unit:off（可重复）', collect)
    .addOption(new Option('--docx-reader <reader>', '.docx 读取方式 stream | mammoth').argParser(oneOf(DOCX_READERS)))
    .option('--max-file-size <size>', '单个文件大小上限，如 64MiB', parseSize)
    .option('--max-inflated-size <size>', '.docx 解压后大小上限，如 256MiB', parseSize)
    .option('--shard <k/n>', '只检查第 k 份（共 n 份，按路径排序后轮流分配）')
    .option('--no-progress', '不显示进度条')
    .addOption(new Option('--split-by <key>', 'html、xlsx、csv 报告按预算单位分开写，每个单位一份（one report per agency）').argParser(oneOf(['agency'] as const)))
    .option('--time-zone <zone>', '报告中时间所用的时区（IANA 名称，默认 Asia/Shanghai）', (value: string) => {
      if (isTimeZone(value)) return value;
      throw new InvalidArgumentError(`不是有效的时区名称，例如 Asia/Shanghai（not an IANA time zone: "${value}"）`);
    })
    .option('--rules-docs-url <url>', '报告中规则说明页的链接前缀（默认：安装目录的 docs/rules/）（base URL of the rule pages linked from reports）')
    .option('--fix', '就地应用安全修复（仅文本导出；Word 文件不改写）（apply safe fixes to text exports in place）')
    .option('--unsafe-fixes', '同时应用需人工确认的修复，与 --fix 或 --fix-dry-run 一起用（also apply unsafe fixes）')
    .option('--fix-dry-run', '以统一差异格式显示修复，不写入文件（print the fixes as a unified diff; write nothing）')
    .action(async (inputs: string[], opts: Omit<LintCommandOptions, 'outputFlags'>) => {
      const { runLint } = await import('./lint-command.js');
      exitCode = await runLint(inputs, { ...opts, outputFlags: lintFlags }, io);
    });

  // jxlint parse FILE… (written by the lead; unchanged behaviour)
  program
    .command('parse')
    .description('解析文件并输出读取到的结构（parse files and print the AST）')
    .argument('<files...>', '要解析的文件')
    .addOption(new Option('-f, --format <format>', 'json | pretty').default('pretty').argParser(oneOf(['json', 'pretty'] as const)))
    .option('--no-color', '不使用颜色')
    .addOption(new Option('--docx-reader <reader>', 'stream | mammoth').default('stream').argParser(oneOf(DOCX_READERS)))
    .option('--max-file-size <size>', '单个文件大小上限', parseSize)
    .option('--max-inflated-size <size>', '.docx 解压后大小上限', parseSize)
    .action(async (files: string[], opts) => {
      const color = opts.color !== false && stdoutColor(undefined, io);
      const { runParse } = await import('./parse-command.js');
      exitCode = await runParse(files, { ...opts, color }, io.stdout, io.stderr);
    });

  // jxlint rules [--format json]
  program
    .command('rules')
    .description('列出全部规则（list every rule）')
    .addOption(new Option('-f, --format <format>', 'table | json').default('table').argParser(oneOf(['table', 'json'] as const)))
    .addOption(new Option('--locale <locale>', 'zh-CN | en').default('zh-CN').argParser(oneOf(LOCALES)))
    .option('--color', '强制使用颜色')
    .option('--no-color', '不使用颜色')
    .action(async (opts: { format: 'table' | 'json'; locale: 'zh-CN' | 'en'; color?: boolean }) => {
      const { rulesJson, rulesTable } = await import('./rules-command.js');
      io.stdout(opts.format === 'json' ? rulesJson(opts.locale) : rulesTable({ ...opts, color: stdoutColor(opts.color, io) }));
    });

  // jxlint explain <id>
  program
    .command('explain')
    .description('显示规则说明（show a rule’s docs）')
    .argument('<rule>', '规则编号')
    .addOption(new Option('--locale <locale>', 'zh-CN | en').default('zh-CN').argParser(oneOf(LOCALES)))
    .action(async (id: string, opts: { locale: 'zh-CN' | 'en' }) => {
      const { explain } = await import('./rules-command.js');
      io.stdout(explain(id, opts.locale));
    });

  // jxlint merge a.json b.json… -f FORMAT [-o FILE]
  const mergeFlags: OutputFlag[] = [];
  const merge = program
    .command('merge')
    .description('合并多个 JSON 结果（-f json 或 report-json，如各分片的结果）并输出任意格式的报告')
    .argument('<results...>', 'JSON 结果文件');
  outputOptions(merge, mergeFlags, '输出格式（可重复，每个 -f 后可跟 -o）');
  merge
    .option('--max-warnings <n>', '警告超过 n 条时退出码为 1', parseCount)
    .option('--quiet', '只报告错误')
    .addOption(new Option('--locale <locale>', '报告语言 zh-CN | en').argParser(oneOf(LOCALES)))
    .option('--color', '强制使用颜色')
    .option('--no-color', '不使用颜色')
    .action(async (files: string[], opts) => {
      const { runMerge } = await import('./merge-command.js');
      exitCode = await runMerge(files, { ...opts, outputFlags: mergeFlags }, io);
    });

  // jxlint page [-o 绩效目标表检查.html] (the upload page as one self-contained file)
  program
    .command('page')
    .description('写出单文件检查页面：浏览器打开即可在本机检查，无需安装（write the upload page as one self-contained HTML file; it lints in the browser from file://）')
    .option('-o, --output <file>', '输出文件（output file; default 绩效目标表检查.html）')
    .action(async (opts: { output?: string }) => {
      const { runPage } = await import('./page-command.js');
      exitCode = runPage(opts, io);
    });

  // jxlint lsp --stdio (the language server; loaded only for this command)
  program
    .command('lsp')
    .description('启动语言服务器，供编辑器使用（start the language server for editors; LSP over stdio）')
    .option('--stdio', '通过标准输入输出通信（communicate over stdin/stdout; the default and only transport）')
    .allowUnknownOption()
    .action(async () => {
      const { runStdio } = await import('../lsp/index.js');
      runStdio();
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    return reportError(e, io);
  }
  return exitCode;
}

/** Turns a user-caused error into one line (plus the help hint for usage errors) and exit code 2. */
export function reportError(e: unknown, io: CliIO): number {
  const code = (e as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return 0;
  if (code?.startsWith('commander.')) {
    io.stderr(commanderMessage(code, (e as Error).message));
    io.stderr(HELP_HINT);
    return 2;
  }
  if (e instanceof UsageError) {
    io.stderr(e.messageEn ? `jxlint: ${e.messageZh}（${e.messageEn}）` : `jxlint: ${e.messageZh}`);
    if (e.showHint) io.stderr(HELP_HINT);
    return 2;
  }
  // InputError (files), ConfigError (config), UnknownRuleError: already one line, Chinese first.
  const name = (e as Error | undefined)?.name;
  if (name === 'InputError' || name === 'ConfigError' || name === 'UnknownRuleError') {
    io.stderr(`jxlint: ${(e as Error).message}`);
    return 2;
  }
  io.stderr(
    `jxlint 内部错误：${e instanceof Error ? e.message.split('\n')[0] : String(e)}（internal error; please report it with the command and the input file）`,
  );
  return 2;
}
