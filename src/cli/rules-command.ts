/** `jxlint rules [--format json]` (规则列表) and `jxlint explain <id>` (规则说明). */
import { Chalk } from 'chalk';
import { displayWidth, padEndToWidth } from '../formatters/text-width.js';
import { categoryName, closestId, explainRule, getRule, ruleIds, ruleSummaries, type Locale } from '../index.js';
import { UsageError } from './usage.js';

export interface RulesCommandOptions {
  format: 'table' | 'json';
  locale: Locale;
  color: boolean;
}

/** The machine-readable list: `[{ id, category, severity, fixable, description }]`. */
export function rulesJson(locale: Locale): string {
  const list = ruleSummaries(locale).map((r) => ({
    id: r.id,
    category: r.category,
    severity: r.severity,
    fixable: r.fixable,
    description: r.description,
  }));
  return JSON.stringify(list, null, 2);
}

/** The 修复 column: which fixes a rule offers (docs/fixes.md). */
const FIX_LABELS = { safe: ['安全', 'safe'], unsafe: ['需确认', 'unsafe'], both: ['安全+需确认', 'safe+unsafe'] } as const;

export function rulesTable(options: RulesCommandOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const en = options.locale === 'en';
  const rows = ruleSummaries(options.locale).map((r) => [
    r.id,
    categoryName(r.category, options.locale),
    r.severity,
    r.fix ? FIX_LABELS[r.fix][en ? 1 : 0] : r.fixable ? (en ? 'yes' : '可修复') : '',
    r.description,
  ]);
  const header = en ? ['rule', 'category', 'severity', 'fix', 'description'] : ['规则', '类别', '默认级别', '修复', '说明'];
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : padEndToWidth(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  const paint = (severity: string, text: string) =>
    severity === 'error' ? chalk.red(text) : severity === 'warn' ? chalk.yellow(text) : chalk.cyan(text);
  const out = [chalk.bold(line(header))];
  for (const r of rows) {
    const text = line(r);
    out.push(text.replace(r[0]!, paint(r[2]!, r[0]!)));
  }
  out.push('');
  out.push(en ? `${rows.length} rules. jxlint explain <rule> shows a rule's docs.` : `共 ${rows.length} 条规则；jxlint explain <规则> 查看规则说明。`);
  return out.join('\n');
}

export function explain(id: string, locale: Locale): string {
  if (!getRule(id)) {
    const hint = closestId(id, ruleIds());
    throw new UsageError(
      `没有名为 "${id}" 的规则：${hint ? `是否想写 ${hint}？` : ''}用 jxlint rules 列出全部规则`,
      `no rule "${id}"${hint ? `; did you mean ${hint}?` : ''}; jxlint rules lists them`,
      false,
    );
  }
  return explainRule(id, locale).replace(/\n+$/, '');
}
