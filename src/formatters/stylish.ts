/**
 * `stylish`: the terminal report. Grouped by file, then by project (code + name); one line per
 * finding where the width allows — the cell, the severity, the message's first clause and the rule
 * id — wrapped at `width` columns with a hanging indent, never inside a rule id. `verbose` shows
 * the cell's role and the whole message; `statistics` shows counts per rule instead of the
 * findings (Ruff's `--statistics`). The summary at the end says what was checked, skipped and
 * unreadable, and what was not shown (hidden by `--quiet`, accepted by the baseline): it never
 * says ✔ when something was left out. Widths are display widths (a CJK character takes two columns).
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Locale, LintMessage, LintResult } from '../engine/types.js';
import { WORDS, oneLine, projectOf, relativePath, ruleDescription, ruleLabelOf, rulesById, severityKey, severityWord } from './common.js';
import type { FormatOptions } from './options.js';
import { summarize, type Summary } from './summary.js';
import { displayWidth, padEndToWidth, padStartToWidth, truncateToWidth, wrapToWidth } from './text-width.js';

/** What the run left out of the results, counted by the Node API (ReportTotals). */
export interface RunNotes {
  /** Warnings and infos left out by `--quiet` (errors only). */
  hiddenByQuiet?: { warnings: number; infos: number };
  /** Findings the baseline accepts (or, with `--update-baseline`, every finding of the run). */
  acceptedByBaseline?: number;
}

export interface StylishOptions extends FormatOptions {
  /** Terminal columns to wrap at (the caller reads the terminal; default 80). */
  width?: number;
  /** The cell's role and the whole message (default: the first clause). */
  verbose?: boolean;
  /** Counts per rule instead of the findings. */
  statistics?: boolean;
  run?: RunNotes;
}

export const DEFAULT_WIDTH = 80;
/** Below this many columns for the message, it starts on its own line. */
const MIN_MESSAGE_WIDTH = 24;
const FINDING_INDENT = 4;
const GAP = '  ';

/**
 * The message's first clause: up to the first `；` or `。` (or `; ` / `. ` in English) that is not
 * inside quotes — a message quoting “。。” must not be cut in the middle of its quote.
 */
export function firstClause(message: string): string {
  const text = oneLine(message);
  let quoteDepth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '“' || ch === '「') quoteDepth++;
    else if ((ch === '”' || ch === '」') && quoteDepth > 0) quoteDepth--;
    else if (quoteDepth === 0 && (ch === '；' || ch === '。' || ((ch === ';' || ch === '.') && /\s/.test(text[i + 1] ?? '')))) return text.slice(0, i);
  }
  return text.replace(/[。.]$/, '');
}

/** The place without the cell's role: `表1 第6行 第2列（资金支出计划）` → `表1 第6行 第2列`. */
export function placeOf(location: string): string {
  const place = location.replace(/（[^（）]*）$/, '').replace(/ \([^()]*\)$/, '').trim();
  return place || location;
}

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

function groupsOf(result: LintResult, options: StylishOptions, chalk: ChalkInstance): Group[] {
  const { locale } = options;
  const documentGroup: Group = { heading: '', lines: [] };
  const projectGroups = new Map<number, Group>();
  for (const message of result.messages) {
    if (message.fatal) continue;
    const location = oneLine(message.location ?? '');
    const line: Line = {
      location: options.verbose ? location : placeOf(location),
      severity: severityWord(message.severity, locale),
      message: options.verbose ? oneLine(message.message) : firstClause(message.message),
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

/** `text` wrapped after a first line that starts at column `start`, continuing at column `indent`. */
function hanging(text: string, start: number, indent: number, width: number): string[] {
  const lines = wrapToWidth(text, { first: width - start, rest: width - indent });
  return lines.map((l, i) => (i === 0 ? l : ' '.repeat(indent) + l));
}

/** The finding lines of one file: aligned columns, wrapped at the width. */
function findingLines(groups: Group[], width: number, chalk: ChalkInstance): string[] {
  const all = groups.flatMap((g) => g.lines);
  const locationWidth = Math.max(0, ...all.map((l) => displayWidth(l.location)));
  const severityWidth = Math.max(0, ...all.map((l) => displayWidth(l.severity)));
  const prefix = FINDING_INDENT + locationWidth + GAP.length + severityWidth + GAP.length;
  // Narrow terminal or wide locations: the message goes under the cell instead of beside it.
  const messageStart = width - prefix >= MIN_MESSAGE_WIDTH ? prefix : FINDING_INDENT + 2;
  const messageWidth = width - messageStart;
  // Rule ids line up in a column when every finding then still fits on one line.
  const longestMessage = Math.max(0, ...all.map((l) => displayWidth(l.message)));
  const longestRule = Math.max(0, ...all.map((l) => displayWidth(l.rule)));
  const aligned = messageStart === prefix && longestMessage + GAP.length + longestRule <= messageWidth;

  const out: string[] = [];
  for (const group of groups) {
    out.push(...hanging(`  ${group.heading}`, 0, 4, width).map((l) => chalk.bold(l)));
    for (const line of group.lines) {
      const head = ' '.repeat(FINDING_INDENT) + chalk.dim(padEndToWidth(line.location, locationWidth)) + GAP + line.paint(padEndToWidth(line.severity, severityWidth));
      const body = wrapToWidth(line.message, { first: messageWidth, rest: messageWidth });
      const last = body.length - 1;
      const rule = chalk.dim(line.rule);
      if (aligned) {
        body[last] = padEndToWidth(body[last]!, longestMessage) + GAP + rule;
      } else if (displayWidth(body[last]!) + GAP.length + displayWidth(line.rule) <= messageWidth) {
        body[last] = (body[last] ? body[last] + GAP : '') + rule;
      } else {
        body.push(rule);
      }
      const pad = ' '.repeat(messageStart);
      // A rule id on a line of its own that is wider than the message column moves left to fit.
      const padRule = ' '.repeat(Math.max(FINDING_INDENT + 2, Math.min(messageStart, width - displayWidth(line.rule))));
      const indentOf = (text: string) => (text === rule ? padRule : pad);
      if (messageStart === prefix) {
        out.push(`${head}${GAP}${body[0]}`.trimEnd());
        for (const more of body.slice(1)) out.push(indentOf(more) + more);
      } else {
        out.push(head.trimEnd());
        for (const more of body) out.push(indentOf(more) + more);
      }
    }
  }
  return out;
}

/**
 * A rule's title: its description up to the first `：`, `；` or `。`, without parentheses (the
 * descriptions run to several sentences with examples in brackets).
 */
function ruleTitle(description: string): string {
  return firstClause(description).split(/[：:]/)[0]!.replace(/（[^（）]*）/g, '').replace(/ \([^()]*\)/g, '').trim();
}

/** Ruff's `--statistics`: one line per rule, most frequent first — count, rule id, fixable mark, title. */
function statisticsLines(results: LintResult[], options: StylishOptions, chalk: ChalkInstance): string[] {
  const counts = new Map<string, { count: number; fixable: number }>();
  for (const result of results) {
    for (const m of result.messages) {
      if (m.fatal) continue;
      const key = ruleLabelOf(m);
      const entry = counts.get(key) ?? { count: 0, fixable: 0 };
      entry.count++;
      if (m.fix) entry.fixable++;
      counts.set(key, entry);
    }
  }
  if (counts.size === 0) return [];
  const byId = rulesById(options.rules);
  const rows = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const countWidth = Math.max(...rows.map(([, e]) => String(e.count).length));
  const ruleWidth = Math.max(...rows.map(([id]) => displayWidth(id)));
  const anyFixable = rows.some(([, e]) => e.fixable > 0);
  const width = options.width ?? DEFAULT_WIDTH;
  const parseTitle = options.locale === 'en' ? 'parser diagnostic' : '解析问题';
  const out: string[] = [];
  for (const [id, entry] of rows) {
    const mark = anyFixable ? (entry.fixable > 0 ? '[*] ' : '    ') : '';
    const title = id.startsWith('parse:') ? parseTitle : ruleTitle(ruleDescription(byId.get(id), options.locale));
    const start = 2 + countWidth + 2 + ruleWidth + 2 + mark.length;
    const head = `  ${padStartToWidth(String(entry.count), countWidth)}  ${chalk.dim(padEndToWidth(id, ruleWidth))}  ${mark}`;
    // One line per rule (the title is cut to the width; jxlint explain has the rest).
    out.push((head + truncateToWidth(title, Math.max(8, width - start))).trimEnd());
  }
  if (anyFixable) out.push(options.locale === 'en' ? '  [*] has fixes (jxlint --fix applies the safe ones to text exports)' : '  [*] 有修复建议（jxlint --fix 可对文本导出应用其中安全的修复）');
  out.push('');
  return out;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Safe / unsafe fixes among the shown findings, and whether any is in a text export (the only files --fix rewrites). */
function fixCounts(results: LintResult[]): { safe: number; unsafe: number; inText: boolean } {
  let safe = 0;
  let unsafe = 0;
  let inText = false;
  for (const r of results) {
    for (const m of r.messages) {
      if (!m.fix || m.fatal) continue;
      if ((m.fix.safety ?? 'unsafe') === 'safe') safe++;
      else unsafe++;
      if (r.format === 'text') inText = true;
    }
  }
  return { safe, unsafe, inText };
}

/**
 * The closing lines: a headline (✖ problems shown / ⚠ nothing shown but something left out /
 * ✔ clean), then the files (checked, unreadable, skipped), what was not shown, the fixable ones
 * and, for a batch, the most frequent rules and 预算单位.
 */
function summaryLines(results: LintResult[], summary: Summary, options: StylishOptions, chalk: ChalkInstance): string[] {
  const en = options.locale === 'en';
  const { total, ok, failed, skipped } = summary.files;
  const errors = summary.errorCount - summary.fatalErrorCount;
  const { warningCount: warnings, infoCount: infos } = summary;
  const shown = errors + warnings + infos;
  const quiet = options.run?.hiddenByQuiet ?? { warnings: 0, infos: 0 };
  const hidden = quiet.warnings + quiet.infos;
  const accepted = options.run?.acceptedByBaseline ?? 0;
  const filesWithProblems = summary.files.withFindings;
  const lines: string[] = [];
  const width = options.width ?? DEFAULT_WIDTH;
  // Every summary line wraps at the width too, continuing under its first word.
  const add = (text: string, paint: (t: string) => string, indent: number) => lines.push(...hanging(text, 0, indent, width).map((l) => paint(l)));

  let headline: string;
  let paint: (text: string) => string;
  let quietSaid = false;
  let acceptedSaid = false;
  const hiddenWords = en
    ? `${plural(quiet.warnings, 'warning', 'warnings')}${quiet.infos > 0 ? ` and ${plural(quiet.infos, 'info', 'infos')}` : ''}`
    : `${quiet.warnings} 个警告${quiet.infos > 0 ? `、${quiet.infos} 个提示` : ''}`;
  if (shown > 0) {
    headline = en
      ? `✖ ${plural(shown, 'problem', 'problems')} (${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}, ${plural(infos, 'info', 'infos')}) in ${plural(filesWithProblems, 'file', 'files')}`
      : `✖ 共 ${shown} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示），涉及 ${filesWithProblems} 个文件`;
    paint = errors > 0 ? chalk.red.bold : warnings > 0 ? chalk.yellow.bold : chalk.cyan.bold;
  } else if (failed > 0) {
    headline = en ? `✖ ${plural(failed, 'file', 'files')} could not be read` : `✖ ${failed} 个文件无法读取，未能检查`;
    paint = chalk.red.bold;
  } else if (hidden > 0) {
    headline = en ? `⚠ No errors; --quiet hid ${hiddenWords}` : `⚠ 没有错误；--quiet 隐藏了 ${hiddenWords}`;
    paint = chalk.yellow.bold;
    quietSaid = true;
  } else if (ok === 0) {
    headline = en ? `⚠ No file was checked` : `⚠ 没有检查任何文件`;
    paint = chalk.yellow.bold;
  } else if (skipped > 0) {
    headline = en
      ? `⚠ No problems in the ${plural(ok, 'file', 'files')} checked; ${plural(skipped, 'file', 'files')} ignored`
      : `⚠ 已检查的 ${ok} 个文件中没有问题；${skipped} 个文件被忽略，未检查`;
    paint = chalk.yellow.bold;
  } else if (accepted > 0) {
    headline = en
      ? `✔ No new problems (${plural(ok, 'file', 'files')} checked; ${accepted} accepted by the baseline)`
      : `✔ 没有新问题（已检查 ${ok} 个文件；另有 ${accepted} 个问题已被基线接受）`;
    paint = chalk.green.bold;
    acceptedSaid = true;
  } else {
    headline = en ? `✔ No problems found (${plural(ok, 'file', 'files')} checked)` : `✔ 未发现问题（已检查 ${ok} 个文件）`;
    paint = chalk.green.bold;
  }
  add(headline, paint, 2);

  if (total > 1 || failed > 0 || skipped > 0) {
    const text = en
      ? `  ${total} files (${ok} checked, ${failed} unreadable, ${skipped} skipped), ${summary.projects} projects`
      : `  共 ${total} 个文件（已检查 ${ok} 个，无法读取 ${failed} 个，跳过 ${skipped} 个），${summary.projects} 个项目`;
    add(text, failed > 0 ? chalk.red : chalk.dim, 4);
  }
  const notShown: string[] = [];
  if (hidden > 0 && !quietSaid) notShown.push(en ? `--quiet hid ${hiddenWords}` : `--quiet 隐藏了 ${hiddenWords}`);
  if (accepted > 0 && !acceptedSaid) notShown.push(en ? `${accepted} accepted by the baseline` : `基线已接受 ${accepted} 个`);
  if (notShown.length > 0) add(en ? `  not shown: ${notShown.join('; ')}` : `  未显示：${notShown.join('；')}`, chalk.yellow, 4);
  const fixes = fixCounts(results);
  if (fixes.safe + fixes.unsafe > 0) {
    const hint = fixes.inText ? (en ? '; jxlint --fix applies the safe ones to text exports' : '；jxlint --fix 可对文本导出应用安全的修复') : '';
    add(
      en
        ? `  ${fixes.safe + fixes.unsafe} with fixes (${fixes.safe} safe, ${fixes.unsafe} unsafe)${hint}`
        : `  其中 ${fixes.safe + fixes.unsafe} 个有修复建议（安全 ${fixes.safe} 个，需确认 ${fixes.unsafe} 个）${hint}`,
      chalk.dim,
      4,
    );
  }
  if (total > 1) lines.push(...batchBreakdown(summary, options, chalk));
  return lines;
}

/** For a batch: the most frequent rules and the 预算单位 with the most findings (report-json has them all). */
function batchBreakdown(summary: Summary, options: StylishOptions, chalk: ChalkInstance): string[] {
  const en = options.locale === 'en';
  const width = options.width ?? DEFAULT_WIDTH;
  const TOP = 10;
  const lines: string[] = [];
  const rules = Object.entries(summary.findingsByRule);
  if (rules.length > 0) {
    const shown = rules.slice(0, TOP).map(([id, n]) => `${id} ${n}`);
    const more = rules.length > TOP ? (en ? `, … ${rules.length - TOP} more` : `，等 ${rules.length} 条规则`) : '';
    const text = `  ${en ? 'by rule: ' : '按规则：'}${shown.join(en ? ', ' : '，')}${more}`;
    lines.push(...hanging(text, 0, 4, width).map((l) => chalk.dim(l)));
  }
  const agencies = summary.agencies.filter((a) => a.findings > 0);
  if (agencies.length > 0) {
    const name = (a: (typeof agencies)[number]) => a.agency ?? (en ? '(unknown unit)' : '（未注明单位）');
    const shown = agencies.slice(0, TOP).map((a) => (en ? `${name(a)} ${a.findings} (${a.errorCount} errors)` : `${name(a)} ${a.findings} 个（错误 ${a.errorCount}）`));
    const more = agencies.length > TOP ? (en ? `, … ${agencies.length - TOP} more` : `，等 ${agencies.length} 个单位`) : '';
    const text = `  ${en ? 'by budget unit: ' : '按预算单位：'}${shown.join(en ? '; ' : '；')}${more}`;
    lines.push(...hanging(text, 0, 4, width).map((l) => chalk.dim(l)));
  }
  return lines;
}

/** Why a named file was not checked (ESLint's "File ignored because of a matching ignore pattern"). */
export function ignoredNote(locale: Locale): string {
  return locale === 'en'
    ? 'ignored: File ignored because of a matching ignore pattern; use --no-ignore to lint it'
    : '已忽略：匹配忽略规则，用 --no-ignore 可检查它（File ignored because of a matching ignore pattern）';
}

export function formatStylish(results: LintResult[], options: StylishOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const { locale } = options;
  const width = Math.max(20, options.width ?? DEFAULT_WIDTH);
  const out: string[] = [];

  for (const result of results) {
    const fatal = result.messages.filter((m) => m.fatal);
    const groups = options.statistics ? [] : groupsOf(result, options, chalk);
    const ignored = result.status === 'skipped';
    if (fatal.length === 0 && groups.length === 0 && !ignored) continue;

    out.push(chalk.underline(relativePath(result.filePath, options.cwd)));
    if (ignored) out.push(...hanging(`  ${ignoredNote(locale)}`, 0, 4, width).map((l) => chalk.yellow(l)));
    for (const message of fatal) {
      const label = `✖ ${locale === 'en' ? 'cannot be read' : '无法读取'}`;
      const start = 2 + displayWidth(label) + 2;
      const text = hanging(oneLine(message.message), start, start, width);
      out.push(`  ${chalk.red.bold(label)}  ${text[0] ?? ''}`, ...text.slice(1));
    }
    out.push(...findingLines(groups, width, chalk));
    out.push('');
  }
  if (options.statistics) out.push(...statisticsLines(results, { ...options, width }, chalk));

  out.push(...summaryLines(results, summarize(results), { ...options, width }, chalk));
  return out.join('\n') + '\n';
}
