/**
 * `stylish`: the terminal report. Grouped by file, then by project (code + name); each line gives
 * the cell in the reader's terms, the severity, the message and the rule id; a summary line at the
 * end. Columns are aligned by display width (a CJK character takes two columns).
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Locale, LintMessage, LintResult } from '../engine/types.js';
import { WORDS, oneLine, projectOf, relativePath, ruleLabelOf, severityKey, severityWord } from './common.js';
import type { FormatOptions } from './options.js';
import { summarize } from './summary.js';
import { displayWidth, padEndToWidth } from './text-width.js';

/** Messages up to this display width get their rule ids aligned in a column. */
const MAX_ALIGNED_MESSAGE_WIDTH = 80;

interface Line {
  location: string;
  severity: string;
  message: string;
  rule: string;
  paint: (text: string) => string;
}

interface Group {
  heading: string;
  lines: Line[];
}

function projectHeading(result: LintResult, message: LintMessage, locale: Locale): string {
  const project = projectOf(result, message);
  const code = message.projectCode ?? project?.code ?? null;
  const name = message.projectName ?? project?.name ?? null;
  const word = WORDS[locale].project;
  const label = code ?? (locale === 'en' ? `#${message.projectIndex}` : `（第 ${message.projectIndex} 个表）`);
  return [word, label, name].filter(Boolean).join(' ');
}

function severityPainter(chalk: ChalkInstance, message: LintMessage): (text: string) => string {
  switch (severityKey(message.severity)) {
    case 'error':
      return chalk.red;
    case 'warning':
      return chalk.yellow;
    default:
      return chalk.cyan;
  }
}

function groupsOf(result: LintResult, locale: Locale, chalk: ChalkInstance): Group[] {
  const documentGroup: Group = { heading: '', lines: [] };
  const projectGroups = new Map<number, Group>();
  for (const message of result.messages) {
    if (message.fatal) continue;
    const line: Line = {
      location: oneLine(message.location ?? ''),
      severity: severityWord(message.severity, locale),
      message: oneLine(message.message),
      rule: ruleLabelOf(message),
      paint: severityPainter(chalk, message),
    };
    if (message.projectIndex == null) {
      documentGroup.lines.push(line);
      continue;
    }
    let group = projectGroups.get(message.projectIndex);
    if (!group) {
      group = { heading: projectHeading(result, message, locale), lines: [] };
      projectGroups.set(message.projectIndex, group);
    }
    group.lines.push(line);
  }
  const groups = [...projectGroups.entries()].sort((a, b) => a[0] - b[0]).map(([, group]) => group);
  if (documentGroup.lines.length > 0) {
    documentGroup.heading = WORDS[locale].document;
    groups.unshift(documentGroup);
  }
  return groups;
}

function summaryLine(results: LintResult[], locale: Locale, chalk: ChalkInstance): string[] {
  const summary = summarize(results);
  const problems = summary.errorCount + summary.warningCount + summary.infoCount;
  const filesWithProblems = results.filter((r) => r.messages.length > 0).length;
  const lines: string[] = [];
  if (problems === 0) {
    const text =
      locale === 'en'
        ? `✔ No problems found (${summary.files.ok} ${summary.files.ok === 1 ? 'file' : 'files'} checked)`
        : `✔ 未发现问题（已检查 ${summary.files.ok} 个文件）`;
    lines.push(chalk.green.bold(text));
  } else {
    const text =
      locale === 'en'
        ? `✖ ${problems} ${problems === 1 ? 'problem' : 'problems'} (${summary.errorCount} ${
            summary.errorCount === 1 ? 'error' : 'errors'
          }, ${summary.warningCount} ${summary.warningCount === 1 ? 'warning' : 'warnings'}, ${summary.infoCount} ${
            summary.infoCount === 1 ? 'info' : 'infos'
          }) in ${filesWithProblems} ${filesWithProblems === 1 ? 'file' : 'files'}`
        : `✖ 共 ${problems} 个问题（${summary.errorCount} 个错误，${summary.warningCount} 个警告，${summary.infoCount} 个提示），涉及 ${filesWithProblems} 个文件`;
    const paint = summary.errorCount > 0 ? chalk.red.bold : summary.warningCount > 0 ? chalk.yellow.bold : chalk.cyan.bold;
    lines.push(paint(text));
  }
  if (summary.files.total > 1 || summary.files.failed > 0 || summary.files.skipped > 0) {
    const { total, ok, failed, skipped } = summary.files;
    const text =
      locale === 'en'
        ? `  ${total} files (${ok} checked, ${failed} unreadable, ${skipped} skipped), ${summary.projects} projects`
        : `  共 ${total} 个文件（已检查 ${ok} 个，无法读取 ${failed} 个，跳过 ${skipped} 个），${summary.projects} 个项目`;
    lines.push(failed > 0 ? chalk.red(text) : chalk.dim(text));
    lines.push(...batchBreakdown(summary, locale, chalk));
  }
  return lines;
}

/** For a batch: the most frequent rules and the 预算单位 with the most findings (report-json has them all). */
function batchBreakdown(summary: ReturnType<typeof summarize>, locale: Locale, chalk: ChalkInstance): string[] {
  const TOP = 10;
  const lines: string[] = [];
  const rules = Object.entries(summary.findingsByRule);
  if (rules.length > 0) {
    const shown = rules.slice(0, TOP).map(([id, n]) => `${id} ${n}`);
    const more = rules.length > TOP ? (locale === 'en' ? `, … ${rules.length - TOP} more` : `，等 ${rules.length} 条规则`) : '';
    lines.push(chalk.dim(`  ${locale === 'en' ? 'by rule: ' : '按规则：'}${shown.join(locale === 'en' ? ', ' : '，')}${more}`));
  }
  const agencies = summary.agencies.filter((a) => a.findings > 0);
  if (agencies.length > 0) {
    const name = (a: (typeof agencies)[number]) => a.agency ?? (locale === 'en' ? '(unknown unit)' : '（未注明单位）');
    const shown = agencies.slice(0, TOP).map((a) =>
      locale === 'en' ? `${name(a)} ${a.findings} (${a.errorCount} errors)` : `${name(a)} ${a.findings} 个（错误 ${a.errorCount}）`,
    );
    const more = agencies.length > TOP ? (locale === 'en' ? `, … ${agencies.length - TOP} more` : `，等 ${agencies.length} 个单位`) : '';
    lines.push(chalk.dim(`  ${locale === 'en' ? 'by budget unit: ' : '按预算单位：'}${shown.join(locale === 'en' ? '; ' : '；')}${more}`));
  }
  return lines;
}

export function formatStylish(results: LintResult[], options: FormatOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const { locale } = options;
  const out: string[] = [];

  for (const result of results) {
    const fatal = result.messages.filter((m) => m.fatal);
    const groups = groupsOf(result, locale, chalk);
    if (fatal.length === 0 && groups.length === 0) continue;

    out.push(chalk.underline(relativePath(result.filePath, options.cwd)));
    for (const message of fatal) {
      const label = locale === 'en' ? 'cannot be read' : '无法读取';
      out.push(`  ${chalk.red.bold(`✖ ${label}`)}  ${oneLine(message.message)}`);
    }

    const all = groups.flatMap((g) => g.lines);
    const locationWidth = Math.max(0, ...all.map((l) => displayWidth(l.location)));
    const severityWidth = Math.max(0, ...all.map((l) => displayWidth(l.severity)));
    // Rule ids line up after the messages only when the messages are short; long Chinese
    // messages would push them off the screen, so then the id follows its message.
    const longest = Math.max(0, ...all.map((l) => displayWidth(l.message)));
    const messageWidth = longest <= MAX_ALIGNED_MESSAGE_WIDTH ? longest : 0;
    for (const group of groups) {
      out.push(`  ${chalk.bold(group.heading)}`);
      for (const line of group.lines) {
        const columns = [
          chalk.dim(padEndToWidth(line.location, locationWidth)),
          line.paint(padEndToWidth(line.severity, severityWidth)),
          line.rule && messageWidth ? padEndToWidth(line.message, messageWidth) : line.message,
        ];
        if (line.rule) columns.push(chalk.dim(line.rule));
        out.push(`    ${columns.join('  ')}`.trimEnd());
      }
    }
    out.push('');
  }

  out.push(...summaryLine(results, locale, chalk));
  return out.join('\n') + '\n';
}
