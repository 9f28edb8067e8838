import { describe, expect, it } from 'vitest';
import { formatResults } from '../src/formatters/index.js';
import { firstClause, placeOf, type StylishOptions } from '../src/formatters/stylish.js';
import { displayWidth, stripAnsi, wrapToWidth } from '../src/formatters/text-width.js';
import type { LintResult } from '../src/index.js';
import { FATAL_MESSAGE, sampleOptions, sampleResults } from './helpers/sample-results.js';

type Sample = ReturnType<typeof sampleResults>;

async function stylish(overrides: Partial<StylishOptions> = {}, pick?: (s: Sample) => LintResult[]) {
  const sample = sampleResults();
  return String(await formatResults(pick ? pick(sample) : sample.results, 'stylish', sampleOptions(overrides)));
}

/** The findings of a report, each with its continuation lines joined (a continuation is indented deeper). */
function findings(out: string): string[] {
  const all: string[] = [];
  for (const line of out.split('\n')) {
    if (/^ {5,}\S/.test(line) && all.length > 0) all[all.length - 1] += ` ${line.trim()}`;
    else if (/^ {4}\S/.test(line)) all.push(line);
  }
  return all;
}

describe('stylish', () => {
  it('groups by file (relative path) then by project code and name', async () => {
    const out = await stylish();
    const lines = out.split('\n');
    const file = lines.indexOf('submissions/社保局/seed-rows.txt');
    const project = lines.indexOf('  项目 316-1201-JBN-WMEB 城乡居民养老保险区财政补贴');
    expect(file).toBeGreaterThanOrEqual(0);
    expect(project).toBeGreaterThan(file);
    expect(lines[file + 1]).toBe('  文档'); // document-level findings come first
    expect(out).not.toContain('/srv/audit');
  });

  it('prints the place, the severity, the message’s first clause and the rule id', async () => {
    const out = await stylish({ width: 200 });
    const line = out.split('\n').find((l) => l.startsWith('    行 30:21 '))!;
    expect(line).toMatch(/^ {4}行 30:21 +错误 +成本指标“项目成本”的指标值“≥98%”不是金额 +cost-value-not-amount$/);
    expect(line).not.toContain('；'); // only the first clause
    expect(line).not.toContain('（指标值）'); // the role only with verbose
    const word = out.split('\n').find((l) => l.includes('表2 第3行 第3列'))!;
    expect(word).toMatch(/错误 +预算数 120\.00 万元.* +budget-sum-mismatch$/);
    expect(out).toMatch(/提示 +导出文本中残留 Word 域代码/);
    expect(out).toMatch(/警告 +资金支出计划只填了/);
  });

  it('--verbose: the cell’s role and the whole message', async () => {
    const { text } = sampleResults();
    const message = text.messages.find((m) => m.ruleId === 'cost-value-not-amount')!;
    const out = await stylish({ verbose: true, width: 1000 }, (s) => [s.text]);
    const line = out.split('\n').find((l) => l.startsWith('    行 30:21（指标值）'))!;
    expect(line).toContain(message.message);
    expect(line).toMatch(/ cost-value-not-amount$/);
  });

  it.each([
    ['资金支出计划只填了 1 个月末进度；空白不等于 0%。', '资金支出计划只填了 1 个月末进度'],
    ['成本指标不是金额。请改正', '成本指标不是金额'],
    ['No unit given; write one. Then save.', 'No unit given'],
    ['Version 1.2 is fine. Next', 'Version 1.2 is fine'],
    ['一句话', '一句话'],
    ['部门整体绩效目标中“。。”是重复的标点；应只留一个', '部门整体绩效目标中“。。”是重复的标点'],
    ['引号“未闭合。后面', '引号“未闭合。后面'],
  ])('first clause of %s', (message, clause) => {
    expect(firstClause(message)).toBe(clause);
  });

  it.each([
    ['表1 第6行 第2列（资金支出计划）', '表1 第6行 第2列'],
    ['行 23:1（资金支出计划）', '行 23:1'],
    ['table 1 row 6 col 2 (spend plan)', 'table 1 row 6 col 2'],
    ['文档', '文档'],
  ])('place of %s', (location, place) => {
    expect(placeOf(location)).toBe(place);
  });

  it('aligns location and severity by display width within a file', async () => {
    const out = await stylish({}, (s) => [s.text]);
    const severityColumns = new Set(
      out
        .split('\n')
        .filter((l) => /^ {4}\S/.test(l))
        .map((l) => displayWidth(l.slice(0, /(错误|警告|提示)/.exec(l)!.index))),
    );
    expect(severityColumns.size).toBe(1);
  });

  describe.each([60, 80, 120])('at width %i, with long CJK messages', (width) => {
    it('no line is wider than the terminal, and no rule id is broken', async () => {
      const { doc } = sampleResults();
      // Long Chinese messages, ASCII words inside, long rule ids: the worst case for wrapping.
      const messages = doc.messages.map((m, i) => ({
        ...m,
        ruleId: i % 2 ? 'value-contradicts-description' : 'goal-describes-input-or-payment',
        message: `指标“资金在规定时间下达率”的描述承诺“足额”，指标值却是“≥98%”，允许有 2% 做不到，${'评价时无法判断以哪个为准'.repeat(i + 1)}；请改正`,
      }));
      const out = await stylish({ width }, () => [{ ...doc, messages }]);
      for (const line of out.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      const found = findings(out);
      expect(found).toHaveLength(messages.length);
      messages.forEach((m, i) => expect(found[i]).toMatch(new RegExp(`(^|\\s)${m.ruleId}$`)));
      // A rule id is always on one line, whole.
      const ruleLines = out.split('\n').filter((l) => /-(description|payment)$/.test(l));
      for (const l of ruleLines) expect(l).toMatch(/(^|\s)(value-contradicts-description|goal-describes-input-or-payment)$/);
      expect(ruleLines).toHaveLength(messages.length);
      // Continuation lines hang under the message, never start with closing punctuation (禁则).
      for (const l of out.split('\n').filter((x) => /^ {5,}\S/.test(x))) expect(l.trim()[0]).not.toMatch(/[，。、；：”）]/);
    });
  });

  it('short messages on a wide terminal: one line per finding, rule ids in one column', async () => {
    const { doc } = sampleResults();
    const messages = doc.messages.map((m, i) => ({ ...m, message: '指'.repeat(5 + i * 3) }));
    const out = await stylish({ width: 120 }, () => [{ ...doc, messages }]);
    const lines = out.split('\n').filter((l) => /^ {4}\S/.test(l));
    expect(lines).toHaveLength(messages.length);
    expect(out.split('\n').filter((l) => /^ {5,}\S/.test(l))).toEqual([]);
    const ruleColumns = new Set(lines.map((l) => displayWidth(l.replace(/[a-z-]+$/, ''))));
    expect(ruleColumns.size).toBe(1);
  });

  it('wrapToWidth keeps words and rule ids whole and breaks CJK text between characters', () => {
    const lines = wrapToWidth('成本指标“项目成本”的指标值“≥98%”不是金额 cost-value-not-amount', { first: 20, rest: 24, unbreakable: ['cost-value-not-amount'] });
    expect(lines.map(displayWidth).every((w, i) => w <= (i === 0 ? 20 : 24))).toBe(true);
    expect(lines.join('|')).toContain('cost-value-not-amount');
    expect(lines.join('')).toContain('“≥98%”');
    expect(wrapToWidth('a-very-long-rule-id-that-is-wider', { first: 10, rest: 10, unbreakable: ['a-very-long-rule-id-that-is-wider'] })).toEqual(['a-very-long-rule-id-that-is-wider']);
  });

  // Very long messages (a pasted paragraph, a cell of 200k characters): wrapping is linear in the
  // length, and the lines are exactly these (the speed is in bench/stylish.ts).
  const LONG = 200_000;
  const repeatLine = (unit: string, times: number) => unit.repeat(times).trimEnd();
  it.each([
    {
      name: 'one latin word (cut at the width; every cut uses the first line’s width, as before)',
      text: 'x'.repeat(LONG),
      expected: () => Array.from({ length: Math.ceil(LONG / 60) }, (_, i) => 'x'.repeat(Math.min(60, LONG - i * 60))),
    },
    {
      name: 'CJK characters (two columns each: 30 on the first line, 35 on the others)',
      text: '指'.repeat(LONG),
      expected: () => ['指'.repeat(30), ...Array.from({ length: Math.ceil((LONG - 30) / 35) }, (_, i) => '指'.repeat(Math.min(35, LONG - 30 - i * 35)))],
    },
    {
      name: 'words (12 on the first line, 14 on the others)',
      text: 'word '.repeat(LONG / 5),
      expected: () => [repeatLine('word ', 12), ...Array.from({ length: Math.ceil((LONG / 5 - 12) / 14) }, (_, i) => repeatLine('word ', Math.min(14, LONG / 5 - 12 - i * 14)))],
    },
    {
      name: 'closing punctuation only (one unbreakable run by 禁则, cut at the width)',
      text: '，'.repeat(LONG),
      expected: () => Array.from({ length: Math.ceil(LONG / 30) }, (_, i) => '，'.repeat(Math.min(30, LONG - i * 30))),
    },
  ])('wrapToWidth of $name: 200,000 characters, exact lines', ({ text, expected }) => {
    expect(text).toHaveLength(LONG);
    expect(wrapToWidth(text, { first: 60, rest: 70 })).toEqual(expected());
  });

  it('a 200,000-character message in the terminal report: every line fits, the message is whole', async () => {
    const { text } = sampleResults();
    const unit = '成本指标“项目成本”的指标值“≥98%”是百分比，不是金额；';
    const long = unit.repeat(Math.ceil(LONG / unit.length)).slice(0, LONG);
    const message = { ...text.messages.find((m) => m.ruleId === 'cost-value-not-amount')!, message: long };
    const out = await stylish({ verbose: true, width: 80 }, () => [{ ...text, messages: [message] }]);
    const lines = out.split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    const start = lines.findIndex((l) => l.startsWith('    行 30:21（指标值）'));
    const end = lines.findIndex((l) => /^ +cost-value-not-amount$/.test(l) || / cost-value-not-amount$/.test(l));
    const column = lines[start]!.indexOf('成本');
    const body = lines.slice(start, end + 1).map((l, i) => (i === 0 ? l.slice(column) : l.trimStart())).join('');
    expect(body.replace(/ *cost-value-not-amount$/, '')).toBe(long);
    // The lines are filled: short of the width only by the piece that did not fit (at most “≥98%”).
    for (const line of lines.slice(start, end - 1)) expect(displayWidth(line)).toBeGreaterThanOrEqual(80 - 6);
  });

  it('shows the fatal message of a file that could not be read', async () => {
    const out = await stylish({ width: 300 });
    expect(out).toContain(`submissions/损坏/残缺的文件.docx\n  ✖ 无法读取  ${FATAL_MESSAGE}`);
  });

  it('names a file that was ignored, and says why (as ESLint does)', async () => {
    const { skipped } = sampleResults();
    const out = await stylish({ width: 200 }, (s) => [s.skipped]);
    expect(out).toContain(`${skipped.filePath.replace('/srv/audit/', '')}\n  已忽略：匹配忽略规则，用 --no-ignore 可检查它（File ignored because of a matching ignore pattern）`);
    expect(out).not.toContain('✔');
    expect(await stylish({ locale: 'en', width: 200 }, (s) => [s.skipped])).toContain('ignored: File ignored because of a matching ignore pattern');
  });

  it('ends with the summary line and the file tally', async () => {
    const { results } = sampleResults();
    const errors = results.reduce((n, r) => n + r.errorCount - r.fatalErrorCount, 0);
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    const infos = results.reduce((n, r) => n + r.infoCount, 0);
    const out = await stylish();
    expect(out).toContain(`✖ 共 ${errors + warnings + infos} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示），涉及 3 个文件\n`); // files with findings: the unreadable one is counted apart
    expect(out).toContain('共 6 个文件（已检查 4 个，无法读取 1 个，跳过 1 个），22 个项目');
  });

  /** The summary never says ✔ when something was hidden, skipped or unread. */
  const clean = (s: Sample) => [s.clean];
  const truth: { name: string; pick: (s: Sample) => LintResult[]; run?: StylishOptions['run']; headline: RegExp; also?: RegExp; en: RegExp }[] = [
    { name: 'clean', pick: clean, headline: /^✔ 未发现问题（已检查 1 个文件）$/, en: /^✔ No problems found \(1 file checked\)$/ },
    {
      name: 'warnings hidden by --quiet',
      pick: clean,
      run: { hiddenByQuiet: { warnings: 209, infos: 0 } },
      headline: /^⚠ 没有错误；--quiet 隐藏了 209 个警告$/,
      en: /^⚠ No errors; --quiet hid 209 warnings$/,
    },
    {
      name: 'findings accepted by the baseline',
      pick: clean,
      run: { acceptedByBaseline: 12 },
      headline: /^✔ 没有新问题（已检查 1 个文件；另有 12 个问题已被基线接受）$/,
      en: /^✔ No new problems \(1 file checked; 12 accepted by the baseline\)$/,
    },
    { name: 'an ignored file', pick: (s) => [s.clean, s.skipped], headline: /^⚠ 已检查的 1 个文件中没有问题；1 个文件被忽略，未检查$/, en: /^⚠ No problems in the 1 file checked; 1 file ignored$/ },
    { name: 'only an ignored file', pick: (s) => [s.skipped], headline: /^⚠ 没有检查任何文件$/, en: /^⚠ No file was checked$/ },
    { name: 'an unreadable file', pick: (s) => [s.clean, s.failed], headline: /^✖ 1 个文件无法读取，未能检查$/, en: /^✖ 1 file could not be read$/ },
    {
      name: 'problems shown, others hidden and accepted',
      pick: (s) => [s.text],
      run: { hiddenByQuiet: { warnings: 3, infos: 1 }, acceptedByBaseline: 2 },
      headline: /^✖ 共 \d+ 个问题/,
      also: /\n {2}未显示：--quiet 隐藏了 3 个警告、1 个提示；基线已接受 2 个\n/,
      en: /\n {2}not shown: --quiet hid 3 warnings and 1 info; 2 accepted by the baseline\n/,
    },
  ];
  it.each(truth)('the summary tells the truth: $name', async ({ pick, run, headline, also, en }) => {
    const out = await stylish({ run }, pick);
    const summary = out.split('\n').find((l) => /^[✔✖⚠]/.test(l))!;
    expect(summary).toMatch(headline);
    if (!/^✔ 未发现问题/.test(summary)) expect(out).not.toContain('✔ 未发现问题');
    if (also) expect(out).toMatch(also);
    const english = await stylish({ run, locale: 'en' }, pick);
    expect(also ? english : english.split('\n').find((l) => /^[✔✖⚠]/.test(l))).toMatch(en);
  });

  it('counts the findings with fixes, safe and unsafe', async () => {
    const { text } = sampleResults();
    const messages = text.messages.map((m, i) => (i < 3 ? { ...m, fix: { description: 'x', replacement: 'x', safety: i === 0 ? ('safe' as const) : ('unsafe' as const) } } : m));
    const out = await stylish({ width: 200 }, () => [{ ...text, messages }]);
    expect(out).toContain('  其中 3 个有修复建议（安全 1 个，需确认 2 个）；jxlint --fix 可对文本导出应用安全的修复');
  });

  it('--statistics: counts per rule with the rule’s title instead of the findings', async () => {
    const { results } = sampleResults();
    const out = await stylish({ statistics: true, width: 200 });
    const counts = new Map<string, number>();
    for (const r of results) for (const m of r.messages) if (!m.fatal && m.ruleId) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
    const [top, n] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    const rule = sampleOptions().rules.find((r) => r.id === top);
    const line = out.split('\n').find((l) => l.includes(` ${top} `))!;
    expect(line).toMatch(new RegExp(`^ +${n} +${top} +`));
    if (rule) expect(line).toContain(rule.description.split(/[：:；。]/)[0]!.trim());
    for (const l of out.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(200);
    expect(out).not.toMatch(/^ {4}行 \d+:\d+ /m); // no finding lines
    expect(out).toMatch(/✖ 共 \d+ 个问题/);
  });

  it('for a batch, breaks the findings down by rule and by 预算单位', async () => {
    const { results } = sampleResults();
    const out = await stylish({ width: 400 });
    const byRule = new Map<string, number>();
    for (const r of results) for (const m of r.messages) if (!m.fatal && m.ruleId) byRule.set(m.ruleId, (byRule.get(m.ruleId) ?? 0) + 1);
    const [topRule, topCount] = [...byRule.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    expect(out).toMatch(new RegExp(`\\n  按规则：${topRule} ${topCount}[，\\n]`));
    const agencyLine = out.split('\n').find((l) => l.startsWith('  按预算单位：'));
    expect(agencyLine).toBeDefined();
    const agencies = new Set(results.flatMap((r) => r.projects.map((p) => p.agency)).filter(Boolean));
    expect([...agencies].some((a) => agencyLine!.includes(a as string))).toBe(true);
  });

  it('speaks English with locale en', async () => {
    const out = await stylish({ locale: 'en' });
    expect(out).toMatch(/行 30:21 +error +/);
    expect(out).toMatch(/warning +/);
    expect(out).toContain('  Project 316-1201-JBN-WMEB 城乡居民养老保险区财政补贴');
    expect(out).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings, 2 infos\) in 3 files/);
    expect(out).toContain('cannot be read');
  });

  it.each([
    [false, false],
    [true, true],
  ])('uses ANSI colours only when color is %s', async (color, expectAnsi) => {
    const out = await stylish({ color });
    expect(out.includes('\u001b[')).toBe(expectAnsi);
    if (color) {
      expect(stripAnsi(out)).toBe(await stylish({ color: false }));
      expect(out).toMatch(/\u001b\[31m错误/); // errors red
      expect(out).toMatch(/\u001b\[2mcost-value-not-amount/); // rule id dimmed
    }
  });
});
