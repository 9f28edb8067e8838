import { describe, expect, it } from 'vitest';
import { formatResults } from '../src/formatters/index.js';
import { displayWidth, stripAnsi } from '../src/formatters/text-width.js';
import { FATAL_MESSAGE, sampleOptions, sampleResults } from './helpers/sample-results.js';

async function stylish(overrides = {}, pick?: (s: ReturnType<typeof sampleResults>) => Parameters<typeof formatResults>[0]) {
  const sample = sampleResults();
  return String(await formatResults(pick ? pick(sample) : sample.results, 'stylish', sampleOptions(overrides)));
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

  it('prints the cell in the reader’s terms, the severity word, the message and the rule id', async () => {
    const out = await stylish();
    const line = out.split('\n').find((l) => l.includes('行 30:21（指标值）'))!;
    expect(line).toMatch(/^ {4}行 30:21（指标值） +错误 +成本指标“项目成本”的指标值“≥98%”不是金额.* +cost-value-not-amount$/);
    const word = out.split('\n').find((l) => l.includes('表2 第3行 第3列（预算数）'))!;
    expect(word).toMatch(/错误 +预算数 120\.00 万元.* +budget-sum-mismatch$/);
    expect(out).toMatch(/提示 +导出文本中残留 Word 域代码/);
    expect(out).toMatch(/警告 +资金支出计划只填了/);
  });

  it('aligns location and severity by display width within a file', async () => {
    const out = await stylish({}, (s) => [s.text]);
    const findingLines = out.split('\n').filter((l) => l.startsWith('    '));
    const severityColumns = new Set(
      findingLines.map((l) => {
        const match = /(错误|警告|提示)/.exec(l)!;
        return displayWidth(l.slice(0, match.index));
      }),
    );
    expect(severityColumns.size).toBe(1);
  });

  it.each([
    ['short messages: rule ids in one column', 10, 1],
    ['long messages: each rule id follows its message', 60, 3],
  ])('%s', async (_label, repeat, columns) => {
    const { doc } = sampleResults();
    const messages = doc.messages.map((m, i) => ({ ...m, message: '指'.repeat(repeat + i * 3) }));
    messages.push({ ...messages[0], message: 'short' });
    const out = await stylish({}, () => [{ ...doc, messages }]);
    const lines = out.split('\n').filter((l) => l.startsWith('    '));
    expect(lines).toHaveLength(3);
    const ruleColumns = new Set(lines.map((l) => displayWidth(l.replace(/[a-z-]+$/, ''))));
    expect(ruleColumns.size).toBe(columns);
    for (const line of lines) expect(line).toMatch(/ {2}[a-z-]+$/);
  });

  it('shows the fatal message of a file that could not be read', async () => {
    const out = await stylish();
    expect(out).toContain(`submissions/损坏/残缺的文件.docx\n  ✖ 无法读取  ${FATAL_MESSAGE}`);
  });

  it('ends with the summary line and the file tally', async () => {
    const { results } = sampleResults();
    const errors = results.reduce((n, r) => n + r.errorCount, 0);
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    const infos = results.reduce((n, r) => n + r.infoCount, 0);
    const out = await stylish();
    expect(out).toContain(
      `✖ 共 ${errors + warnings + infos} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示），涉及 4 个文件\n`,
    );
    expect(out).toContain('共 6 个文件（已检查 4 个，无法读取 1 个，跳过 1 个），22 个项目');
  });

  it('for a batch, breaks the findings down by rule and by 预算单位', async () => {
    const { results } = sampleResults();
    const out = await stylish();
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
    expect(out).toMatch(/行 30:21（指标值） +error +/);
    expect(out).toMatch(/warning +/);
    expect(out).toContain('  Project 316-1201-JBN-WMEB 城乡居民养老保险区财政补贴');
    expect(out).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings, 2 infos\) in 4 files/);
    expect(out).toContain('cannot be read');
  });

  it('says so when there is nothing to report', async () => {
    expect(await stylish({}, (s) => [s.clean])).toBe('✔ 未发现问题（已检查 1 个文件）\n');
    expect(await stylish({ locale: 'en' }, (s) => [s.clean])).toBe('✔ No problems found (1 file checked)\n');
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
