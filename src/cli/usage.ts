/** Usage errors (用法错误) and option value parsers shared by the commands. */
import { InvalidArgumentError } from 'commander';

/** The hint printed under every usage error. */
export const HELP_HINT = '用法：运行 jxlint --help 查看帮助（run jxlint --help for usage）';

/**
 * A problem with how jxlint was called (bad option, missing file, bad config): printed as one line,
 * Chinese first then English, plus the help hint; exit code 2; never a stack trace.
 */
export class UsageError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
    /** Print the `--help` hint under the message (not for config or file problems). */
    readonly showHint = true,
  ) {
    super(`${messageZh}（${messageEn}）`);
    this.name = 'UsageError';
  }
}

/** `64MiB`, `500k`, `1.5 GB`, `1048576` → bytes. */
export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('应为字节数或带单位的大小，如 64MiB（expected a size such as 64MiB）');
  const unit = (m[2] ?? '').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Math.round(Number(m[1]) * mult);
  if (bytes <= 0) throw new InvalidArgumentError('大小必须大于 0（size must be positive）');
  return bytes;
}

/** A non-negative integer (`--max-warnings`). */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`应为非负整数（expected a non-negative integer, got "${value}"）`);
  return Number(value.trim());
}

/** `auto` or a positive integer (`--concurrency`). */
export function parseConcurrency(value: string): number | 'auto' {
  const v = value.trim().toLowerCase();
  if (v === 'auto') return 'auto';
  if (!/^\d+$/.test(v) || Number(v) < 1) {
    throw new InvalidArgumentError(`应为 auto 或正整数（expected auto or a positive integer, got "${value}"）`);
  }
  return Number(v);
}

/** One of the allowed words. */
export function oneOf<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value: string) => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`只能是 ${allowed.join(' | ')}（expected one of ${allowed.join(', ')}, got "${value}"）`);
  };
}

/** Appends to a repeatable option. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Commander's error codes, in Chinese. */
const COMMANDER_ZH: Record<string, string> = {
  'commander.unknownOption': '未知选项',
  'commander.unknownCommand': '未知命令',
  'commander.missingArgument': '缺少参数',
  'commander.optionMissingArgument': '选项缺少值',
  'commander.missingMandatoryOptionValue': '缺少必需的选项',
  'commander.invalidArgument': '参数值无效',
  'commander.excessArguments': '参数过多',
  'commander.conflictingOption': '选项冲突',
};

/** Commander's own message (`error: unknown option '--x'`) as one bilingual line. */
export function commanderMessage(code: string, message: string): string {
  const [first, ...more] = message.replace(/^error:\s*/i, '').trim().split('\n');
  const en = first ?? '';
  // showSuggestionAfterError: "(Did you mean --quiet?)" on the next line.
  const suggestion = /\(Did you mean (\S+?)\?\)/.exec(more.join(' '))?.[1];
  if (suggestion) {
    return `jxlint: 用法错误：${COMMANDER_ZH[code] ?? '用法错误'}（${en}）；是否想写 ${suggestion}？（did you mean ${suggestion}?）`;
  }
  const invalid = /^option '(?:-\w, )?(--[\w-]+)[^']*' argument '([^']*)' is invalid\.\s*(.*)$/.exec(en);
  if (invalid) return `jxlint: 用法错误：选项 ${invalid[1]} 的值 "${invalid[2]}" 无效：${invalid[3]}`;
  const zh = COMMANDER_ZH[code] ?? '用法错误';
  return `jxlint: 用法错误：${zh}（${en}）`;
}
