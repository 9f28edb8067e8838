/**
 * The jxlint command line: a thin shell over the library API. Commands: `lint` (the default),
 * `parse`, `rules`, `explain`, `merge`. Every user-caused error is one line (Chinese first, then
 * English) and exit code 2; never a stack trace.
 */
import { Command, Help, InvalidArgumentError, Option } from 'commander';
// Command modules are loaded when their command runs, so `--help` and `parse` do not pay for the
// rules, the formatters or the pool.
import type { LintCommandOptions } from './lint-command.js';
import type { OutputFlag } from './outputs.js';
import { processIO, stdoutColor, type CliIO } from './io.js';
import { collect, commanderMessage, HELP_HINT, oneOf, parseConcurrency, parseCount, parseSize, UsageError } from './usage.js';
import { toolVersion } from '../node/version.js';

const LOCALES = ['zh-CN', 'en'] as const;
const DOCX_READERS = ['stream', 'mammoth'] as const;
const PRESETS = ['recommended', 'strict', 'all'] as const;

/** `--time-zone`: an IANA name the runtime knows. */
function parseTimeZone(value: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value;
  } catch {
    // not a zone the runtime knows
  }
  throw new InvalidArgumentError(`不是有效的时区名称，例如 Asia/Shanghai（not an IANA time zone: "${value}"）`);
}
const TIME_ZONE_HELP = "报告中时间所用的时区，IANA 名称；默认：配置的 timeZone、环境变量 TZ 或 Asia/Shanghai（time zone of report times, an IANA name; default: the config's timeZone, TZ, or Asia/Shanghai）";

/**
 * The report options `lint` and `merge` share: `-f` and `-o` in command-line order (several pairs
 * write several reports), what the terminal report shows, the exit code's warning limit, language,
 * colour, splitting by 预算单位, time zone and the rule-page links.
 */
function reportOptions(command: Command, flags: OutputFlag[], formatsHelp: string): Command {
  return command
    .option('-f, --format <format>', formatsHelp, (value: string) => {
      flags.push({ kind: 'format', value });
      return value;
    })
    .option('-o, --output-file <file>', '把前一个 -f 的报告写入文件（write the report of the preceding -f to a file）', (value: string) => {
      flags.push({ kind: 'output', value });
      return value;
    })
    .option('--verbose', '终端报告显示完整说明和单元格名称（stylish: the whole message and the cell’s role）')
    .option('--statistics', '终端报告只列出每条规则的问题数（stylish: counts per rule instead of the findings）')
    .option('--max-warnings <n>', '警告超过 n 条时退出码为 1（exit 1 when there are more than n warnings）', parseCount)
    .option('--quiet', '只报告错误（errors only）')
    .addOption(new Option('--locale <locale>', '消息和报告的语言 zh-CN | en（language of messages and reports）').argParser(oneOf(LOCALES)))
    .option('--color', '强制使用颜色（force colour）')
    .option('--no-color', '不使用颜色（也可设置 NO_COLOR）')
    .addOption(new Option('--split-by <key>', 'html、xlsx、csv 报告按预算单位分开写，每个单位一份（one report per agency）').argParser(oneOf(['agency'] as const)))
    .option('--time-zone <zone>', TIME_ZONE_HELP, parseTimeZone)
    .option('--rules-docs-url <url>', '报告中规则说明页的链接前缀（默认：安装目录的 docs/rules/）（base URL of the rule pages linked from reports）');
}

/** The locale the command line asks for (`--locale en` or `--locale=en`), for the help text. */
function helpLocale(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--locale');
  if (at >= 0) return argv[at + 1];
  return argv.find((a) => a.startsWith('--locale='))?.slice('--locale='.length);
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const program = new Command('jxlint')
    .version(toolVersion(), '-v, --version', '显示版本号（show the version）')
    .description('绩效目标表检查工具 — lints performance-target documents (.docx .doc .txt .html)')
    .helpOption('-h, --help', '显示帮助（show help）')
    // A mistyped option or command gets "did you mean" (commander's suggestion, worded in usage.ts).
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s.replace(/\n$/, '')),
      // Commander's own error lines are replaced by ours (one bilingual line + the hint).
      writeErr: (s) => {
        if (!/^error:/i.test(s)) io.stderr(s.replace(/\n$/, ''));
      },
    });
  // `--locale en` changes the help too: a description written `中文（English）` shows its English part.
  if (helpLocale(argv) === 'en') {
    const english = (text: string) => text.replace(/^[^（]*（([^（）]*[A-Za-z][^（）]*)）(?=$| \()/, '$1');
    const base = new Help();
    program.configureHelp({
      optionDescription: (option) => english(base.optionDescription(option)),
      commandDescription: (command) => english(base.commandDescription(command)),
      subcommandDescription: (command) => english(base.subcommandDescription(command)),
      argumentDescription: (argument) => english(base.argumentDescription(argument)),
    });
  }
  let exitCode = 0;

  // jxlint [lint] <files | dirs | globs>…
  const lintFlags: OutputFlag[] = [];
  const lint = program
    .command('lint', { isDefault: true })
    .description('检查文件、目录或 glob 匹配的文件（lint files, folders or globs; the default command）')
    .argument('[inputs...]', '文件、目录或 glob 模式（files, folders or glob patterns）');
  reportOptions(lint, lintFlags, 'stylish | compact | json | report-json | sarif | junit | github | csv | xlsx | html（可重复，每个 -f 后可跟 -o）');
  lint
    .option('--ext <extensions>', '在目录中查找的扩展名，逗号分隔（default docx,doc,txt,htm,html,xlsx,xlsm）', collect)
    .option('--ignore-pattern <pattern>', '忽略的路径（gitignore 语法，可重复）', collect)
    .option('--no-ignore', '不使用 .jxlintignore、--ignore-pattern 和配置中的 ignorePatterns')
    .option('--no-error-on-unmatched-pattern', '某个参数没有匹配到文件时不报错')
    .option('--stdin', '从标准输入读取一个文件')
    .option('--stdin-filename <name>', '标准输入内容的文件名（用于查找配置和显示）')
    .option('--concurrency <n>', '并行工作进程数 auto | N（1 = 不用工作进程）', parseConcurrency)
    .option('--config <file>', '使用指定的配置文件，不再向上查找 jxlint.config.json')
    .option('--print-config <file>', '打印对该文件生效的配置并退出')
    .option('--baseline <file>', '基线文件：其中已接受的问题不再报告')
    .option('--update-baseline', '把本次发现的问题写入 --baseline 文件')
    .option('--rule <id:severity>', '覆盖规则级别，如 value-missing-unit:off（可重复）', collect)
    .addOption(new Option('--docx-reader <reader>', '.docx 读取方式 stream | mammoth').argParser(oneOf(DOCX_READERS)))
    .option('--max-file-size <size>', '单个文件大小上限，如 64MiB', parseSize)
    .option('--max-inflated-size <size>', '.docx 解压后大小上限，如 256MiB', parseSize)
    .option('--max-worker-memory <size>', '每个工作进程的内存上限，超出的文件单独判为失败，默认 2GiB（heap cap per worker process; default 2GiB）', parseSize)
    .option('--time-limit <ms>', '工作进程上单个文件的检查时限（毫秒），0 为不限（per-file time limit on worker processes, ms; default 120000）', parseCount)
    .option('--cache', '缓存每个文件的结果（按内容哈希、生效配置和版本），未改动的文件不再解析（cache results; unchanged files are not parsed again）')
    .option('--cache-location <file>', '缓存文件位置（default .jxlintcache）')
    .option('--shard <k/n>', '只检查第 k 份（共 n 份，按路径排序后轮流分配）；auto 或 auto/n：从调度器的环境变量读取（JOB_COMPLETION_INDEX、CI_NODE_INDEX/CI_NODE_TOTAL）')
    .option('--no-progress', '不显示进度条')
    .option('--fix', '就地应用安全修复（仅文本导出；Word 文件不改写）（apply safe fixes to text exports in place）')
    .option('--unsafe-fixes', '同时应用需人工确认的修复，与 --fix 或 --fix-dry-run 一起用（also apply unsafe fixes）')
    .option('--fix-dry-run', '以统一差异格式显示修复，不写入文件（print the fixes as a unified diff; write nothing）')
    .addOption(new Option('--preset <name>', '使用预设 recommended | strict | all，代替配置中的 extends（use this preset）').argParser(oneOf(PRESETS)))
    .option('--select <ids>', '只检查这些规则，逗号分隔（only these rules）', collect)
    // `--ignore ids` (rules off, as Ruff) shares its name with `--no-ignore` (file ignores off, as ESLint).
    .option('--ignore <ids>', '关闭这些规则，逗号分隔（turn these rules off）', (value: string, previous: unknown) => [...(Array.isArray(previous) ? previous : []), value])
    .action(async (inputs: string[], opts: Omit<LintCommandOptions, 'outputFlags' | 'ignore'> & { ignore?: boolean | string[] }) => {
      const { runLint } = await import('./lint-command.js');
      const { ignore, ...rest } = opts;
      const ignoreFiles = ignore !== false && !argv.includes('--no-ignore');
      const ignoreRules = Array.isArray(ignore) ? ignore : undefined;
      exitCode = await runLint(inputs, { ...rest, ignore: ignoreFiles, ignoreRules, outputFlags: lintFlags }, io);
    });
  // `jxlint --help` shows the options of the default command too (they are what people look for).
  program.addHelpText('after', () => `\n${lint.helpInformation().replace(/\n$/, '')}`);

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
  reportOptions(merge, mergeFlags, '输出格式（可重复，每个 -f 后可跟 -o）')
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

  // jxlint init [--preset NAME] [--force]
  program
    .command('init')
    .description('生成配置文件 jxlint.config.json 和编辑器用的 jxlint.schema.json（write a starter config and its JSON Schema）')
    .addOption(new Option('--preset <name>', 'recommended | strict | all').default('recommended').argParser(oneOf(PRESETS)))
    .addOption(new Option('--locale <locale>', '消息语言 zh-CN | en').argParser(oneOf(LOCALES)))
    .option('--force', '覆盖已有的 jxlint.config.json（overwrite）')
    .action(async (opts: { preset: (typeof PRESETS)[number]; locale?: 'zh-CN' | 'en'; force?: boolean }) => {
      const { runInit } = await import('./init-command.js');
      exitCode = runInit(opts, io);
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

  // jxlint serve (the intake service; loaded only for this command, see docs/service.md)
  program
    .command('serve')
    .description('启动报送检查服务：HTTP 接口、上传页面和整改跟踪（start the intake service: HTTP API, upload page, 整改 tracking）')
    .option('--host <host>', '监听地址（listen address）', '127.0.0.1')
    .option('--port <port>', '端口（port）', parseCount, 8080)
    .option('--config <file>', '配置文件（config file）')
    .option('--data <dir>', '数据目录，SQLite 记录在此（data folder; default ./jxlint-data）')
    .option('--database <url>', 'PostgreSQL 地址 postgres://…，代替 --data（instead of --data）')
    .option('--token <token>', '要求 Authorization: Bearer 令牌（也可设置 JXLINT_TOKEN）')
    .option('--cors <origin>', '允许该来源跨域访问接口（allow this origin; CORS is off otherwise）')
    .option('--no-store', '不记录报送，只检查（do not record submissions）')
    .option('--keep-files', '在数据目录中保留上传的文件（keep the uploaded files）')
    .option('--threads <n>', '检查线程数（lint threads; default one per core）', parseCount)
    .option('--max-queue <n>', '排队文件数上限，超出时回答 503（queued files before 503）', parseCount)
    .option('--time-limit <ms>', '单个文件的检查时限（毫秒）（per-file time limit, ms）', parseCount)
    .option('--max-upload-size <size>', '单个上传文件大小上限，如 32MiB（413 above it）', parseSize)
    .option('--max-files <n>', '每个请求的文件数上限（files per request）', parseCount)
    .option('--max-inflated-size <size>', '.docx 解压后大小上限，如 256MiB', parseSize)
    .action(async (opts) => {
      const { runServe } = await import('../serve/index.js');
      exitCode = await runServe(opts);
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
