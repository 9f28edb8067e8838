/**
 * Where the reports go (输出): `-f FORMAT` and `-o FILE` may be given several times, so one pass
 * writes several reports. Each `-o` belongs to the `-f` before it; a `-f` without `-o` goes to
 * stdout (at most one may); with a single `-f` and a single `-o` their order does not matter;
 * an `-o` with no `-f` at all writes the default `stylish` report there.
 */
import path from 'node:path';
import { formatNames, isBinaryFormat, isFormatName, type FormatName } from '../formatters/index.js';
import { UsageError } from './usage.js';

/** One `-f` or `-o` as it appeared on the command line, in order. */
export type OutputFlag = { kind: 'format'; value: string } | { kind: 'output'; value: string };

export interface OutputSpec {
  format: FormatName;
  /** null: stdout. */
  file: string | null;
}

export const DEFAULT_FORMAT: FormatName = 'stylish';

function checkFormat(given: string): FormatName {
  // `-f JSON`, `-f Stylish`: format names are case-insensitive.
  const name = given.toLowerCase();
  if (isFormatName(name)) return name;
  throw new UsageError(`未知的输出格式 "${given}"；可用：${formatNames.join(' | ')}`, `unknown format "${given}"; use one of ${formatNames.join(', ')}`);
}

/** Pairs the `-f`/`-o` flags into report outputs, or throws a UsageError. */
export function pairOutputs(flags: readonly OutputFlag[], cwd = process.cwd()): OutputSpec[] {
  const formats = flags.filter((f) => f.kind === 'format');
  const files = flags.filter((f) => f.kind === 'output');
  let specs: OutputSpec[];
  if (formats.length === 0) {
    if (files.length > 1) {
      throw new UsageError('多个 -o 需要各自的 -f，例如 -f json -o a.json -f html -o a.html', 'several -o need one -f each, e.g. -f json -o a.json -f html -o a.html');
    }
    specs = [{ format: DEFAULT_FORMAT, file: files[0]?.value ?? null }];
  } else if (formats.length === 1 && files.length <= 1) {
    specs = [{ format: checkFormat(formats[0]!.value), file: files[0]?.value ?? null }];
  } else {
    specs = [];
    for (const flag of flags) {
      if (flag.kind === 'format') {
        specs.push({ format: checkFormat(flag.value), file: null });
        continue;
      }
      const last = specs[specs.length - 1];
      if (!last || last.file !== null) {
        throw new UsageError(
          `-o ${flag.value} 前面没有对应的 -f：有多个报告时，请在每个 -o 前写出它的格式，例如 -f xlsx -o ${flag.value}`,
          `-o ${flag.value} has no -f before it; with several reports write each format before its file, e.g. -f xlsx -o ${flag.value}`,
        );
      }
      last.file = flag.value;
    }
  }

  const toStdout = specs.filter((s) => s.file === null);
  if (toStdout.length > 1) {
    throw new UsageError(
      `只能有一个报告输出到终端（${toStdout.map((s) => s.format).join('、')} 都没有 -o）：请给其余的加上 -o 文件`,
      `only one report can go to stdout (${toStdout.map((s) => s.format).join(', ')} have no -o); give the others -o FILE`,
    );
  }
  for (const spec of specs) {
    if (spec.file === null && isBinaryFormat(spec.format)) {
      throw new UsageError(`${spec.format} 是二进制格式，需要用 -o 指定输出文件，例如 -f ${spec.format} -o 报告.${spec.format}`, `${spec.format} is binary; give it an output file with -o`);
    }
  }
  const seen = new Map<string, FormatName>();
  for (const spec of specs) {
    if (spec.file === null) continue;
    const key = path.resolve(cwd, spec.file);
    const other = seen.get(key);
    if (other) {
      throw new UsageError(`两个报告（${other}、${spec.format}）写到了同一个文件 ${spec.file}：请分别指定文件`, `two reports (${other}, ${spec.format}) write to the same file ${spec.file}`);
    }
    seen.set(key, spec.format);
  }
  return specs;
}

/** Whether a report goes to the process's stderr (then no progress bar). */
export function writesToStderr(specs: readonly OutputSpec[]): boolean {
  return specs.some((s) => s.file !== null && ['/dev/stderr', '/dev/fd/2', '/proc/self/fd/2'].includes(path.resolve(s.file)));
}
