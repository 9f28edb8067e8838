/**
 * Rule documentation rendered from a rule's meta (docs in code, so they never drift):
 * docs/rules/<id>.md (scripts/gen-rules.ts) and `jxlint explain <id>` print the same text.
 */
import { ruleFixAvailability } from './fix.js';
import type { FixAvailability, Locale, Rule, RuleCategory } from './types.js';

const CATEGORY_NAMES: Record<RuleCategory, { 'zh-CN': string; en: string }> = {
  structure: { 'zh-CN': '结构与导出', en: 'structure and export' },
  category: { 'zh-CN': '指标归类', en: 'indicator categories' },
  value: { 'zh-CN': '指标值', en: 'target values' },
  goal: { 'zh-CN': '绩效目标', en: 'goals' },
  budget: { 'zh-CN': '预算与支出计划', en: 'budget and spending plan' },
  consistency: { 'zh-CN': '一致性与措辞', en: 'consistency and wording' },
  required: { 'zh-CN': '必填项', en: 'required fields' },
};

const FIX_NAMES: Record<FixAvailability, { 'zh-CN': string; en: string }> = {
  safe: { 'zh-CN': '安全修复（--fix 自动应用）', en: 'safe (applied by --fix)' },
  unsafe: { 'zh-CN': '不安全修复（需人工确认，--unsafe-fixes）', en: 'unsafe (a person confirms; --unsafe-fixes)' },
  both: { 'zh-CN': '安全与不安全修复（见“自动修复”）', en: 'safe and unsafe (see Fixes)' },
};

/** How a rule's fixes are described: 安全修复 / 不安全修复 / both, or 否 when it offers none. */
export function fixAvailabilityName(fix: FixAvailability | undefined, locale: Locale = 'zh-CN'): string {
  if (!fix) return locale === 'zh-CN' ? '否' : 'no';
  return FIX_NAMES[fix][locale];
}

export function categoryName(category: RuleCategory, locale: Locale = 'zh-CN'): string {
  return CATEGORY_NAMES[category]?.[locale] ?? category;
}

/** Where a rule's generated page lives, relative to the repository root. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/**
 * An example text table as a readable block: each row on one line, cells split by " | ",
 * trailing empty cells dropped, continuation lines of a cell indented.
 */
export function renderExample(text: string, compareTo?: string): string {
  const rows = (t: string) =>
    t
      .replace(/\r\n?/g, '\n')
      .replace(/\n+$/, '')
      .split('\n')
      .map((line) => line.replace(/\t+$/, '').split('\t').join(' | '));
  const lines = rows(text);
  if (compareTo === undefined) return lines.join('\n');
  const other = new Set(rows(compareTo));
  return lines.map((l) => (other.has(l) ? `  ${l}` : `▶ ${l}`)).join('\n');
}

/** An example as a fenced block; lines that differ from the other example are marked ▶. */
function fence(text: string, compareTo?: string): string {
  return '```text\n' + renderExample(text, compareTo) + '\n```';
}

/** A rule's description in one line: the first sentence of the Chinese one, or the English one. */
export function ruleOneLiner(rule: Rule, locale: Locale = 'zh-CN'): string {
  const d = rule.meta.docs;
  return locale === 'zh-CN' ? d.description.split(/(?<=。)/)[0]! : d.descriptionEn;
}

/** The markdown page of a rule in a locale (headings and one-liners localised; body text is Chinese). */
export function renderRuleDoc(rule: Rule, locale: Locale = 'zh-CN'): string {
  const { meta } = rule;
  const zh = locale === 'zh-CN';
  const d = meta.docs;
  const sev = { error: zh ? '错误（error）' : 'error', warn: zh ? '警告（warn）' : 'warning', info: zh ? '提示（info）' : 'info' }[
    meta.defaultSeverity
  ];
  const kind =
    meta.kind === 'exact'
      ? zh
        ? '精确规则（exact，`recommended` 中启用）'
        : 'exact (on in `recommended`)'
      : zh
        ? `启发式规则（heuristic${meta.recommended ? '，`recommended` 中启用' : '，`all`/`strict` 中启用'}）`
        : `heuristic (on in ${meta.recommended ? '`recommended`' : '`all` and `strict`'})`;
  const out: string[] = [];
  out.push(`# ${meta.id}`);
  out.push('');
  out.push(`> ${ruleOneLiner(rule, locale)}`);
  out.push('');
  if (meta.deprecated) {
    out.push(
      zh
        ? `**已弃用**${meta.deprecated.replacedBy ? `，请改用 \`${meta.deprecated.replacedBy}\`` : ''}。`
        : `**Deprecated**${meta.deprecated.replacedBy ? `; use \`${meta.deprecated.replacedBy}\`` : ''}.`,
    );
    out.push('');
  }
  out.push(zh ? '| 项目 | 值 |' : '| | |');
  out.push('|---|---|');
  out.push(`| ${zh ? '类别' : 'Category'} | ${categoryName(meta.category, locale)} (\`${meta.category}\`) |`);
  out.push(`| ${zh ? '默认级别' : 'Default severity'} | ${sev} |`);
  out.push(`| ${zh ? '类型' : 'Kind'} | ${kind} |`);
  out.push(`| ${zh ? '可自动修复' : 'Fixable'} | ${fixAvailabilityName(ruleFixAvailability(meta), locale)} |`);
  out.push('');
  out.push(zh ? '## 检查什么' : '## What it checks');
  out.push('');
  out.push(d.description);
  if (!zh) {
    out.push('');
    out.push(d.descriptionEn);
  }
  out.push('');
  out.push(zh ? '## 为什么' : '## Why');
  out.push('');
  out.push(d.why);
  out.push('');
  out.push(zh ? '## 错误示例' : '## Bad example');
  out.push('');
  out.push(zh ? '与正确示例不同的行以 ▶ 标出。' : 'Lines that differ from the good example are marked ▶.');
  out.push('');
  out.push(fence(d.bad, d.good));
  out.push('');
  out.push(zh ? '## 正确示例' : '## Good example');
  out.push('');
  out.push(fence(d.good, d.bad));
  out.push('');
  out.push(zh ? '## 选项' : '## Options');
  out.push('');
  if (rule.optionsSchema && Object.keys(rule.optionsSchema).length > 0) {
    if (d.options) {
      out.push(d.options);
      out.push('');
    }
    for (const [name, spec] of Object.entries(rule.optionsSchema)) {
      const def = rule.defaultOptions?.[name];
      out.push(
        `- \`${name}\` (${spec.type}${spec.minimum !== undefined || spec.maximum !== undefined ? `, ${spec.minimum ?? ''}–${spec.maximum ?? ''}` : ''}${def !== undefined ? `, ${zh ? '默认' : 'default'} ${JSON.stringify(def)}` : ''}): ${zh ? spec.description : spec.descriptionEn}`,
      );
    }
  } else {
    out.push(d.options ?? (zh ? '无。' : 'None.'));
  }
  out.push('');
  out.push(zh ? '## 依据' : '## Basis');
  out.push('');
  out.push(d.basis);
  out.push('');
  if (d.limits) {
    out.push(zh ? '## 局限' : '## Limits');
    out.push('');
    out.push(d.limits);
    out.push('');
  }
  if (d.fix) {
    out.push(zh ? '## 自动修复' : '## Fixes');
    out.push('');
    out.push(d.fix);
    out.push('');
    out.push(
      zh
        ? '安全修复由 `jxlint --fix` 应用；不安全修复只在加 `--unsafe-fixes` 时应用，编辑器中标为“需确认”。见 docs/fixes.md。'
        : 'Safe fixes are applied by `jxlint --fix`; unsafe ones only with `--unsafe-fixes`, and editors label them. See docs/fixes.md.',
    );
    out.push('');
  }
  out.push(zh ? '## 消息' : '## Messages');
  out.push('');
  out.push('| messageId | zh-CN | en |');
  out.push('|---|---|---|');
  for (const [id, m] of Object.entries(meta.messages)) {
    out.push(`| \`${id}\` | ${m['zh-CN'].replace(/\|/g, '\\|')} | ${m.en.replace(/\|/g, '\\|')} |`);
  }
  out.push('');
  out.push(
    zh
      ? `<!-- 本页由 scripts/gen-rules.ts 从 rules/${meta.id}.ts 生成，请勿手工编辑。 -->`
      : `<!-- Generated by scripts/gen-rules.ts from rules/${meta.id}.ts; do not edit. -->`,
  );
  out.push('');
  return out.join('\n');
}

const FIX_SHORT: Record<FixAvailability | 'none', string> = { safe: '安全', unsafe: '需确认', both: '安全 + 需确认', none: '' };

/** Rule order of listings: exact rules first, then heuristics, each by id. */
export function compareRules(a: Rule, b: Rule): number {
  if (a.meta.kind !== b.meta.kind) return a.meta.kind === 'exact' ? -1 : 1;
  return a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0;
}

const KIND_HEADINGS: Record<Rule['meta']['kind'], string> = { exact: '精确规则 / Exact rules', heuristic: '启发式规则 / Heuristic rules' };

/** The index page of docs/rules/: every rule with its category, severity and one-liner. */
export function renderRuleIndex(rules: readonly Rule[]): string {
  const sorted = [...rules].sort(compareRules);
  const out: string[] = ['# jxlint 规则 / Rules', ''];
  out.push('精确规则（exact）全部在 `recommended` 中启用；启发式规则（heuristic）按需启用。');
  out.push('Exact rules are all on in `recommended`; heuristic rules are opt-in.');
  out.push('“可修复”：安全修复由 `--fix` 应用，需确认的修复要加 `--unsafe-fixes`（见 [../fixes.md](../fixes.md)）。');
  out.push('');
  for (const kind of ['exact', 'heuristic'] as const) {
    const list = sorted.filter((r) => r.meta.kind === kind);
    if (list.length === 0) continue;
    out.push(`## ${KIND_HEADINGS[kind]}`);
    out.push('');
    out.push('| 规则 | 类别 | 默认级别 | 可修复 | 说明 |');
    out.push('|---|---|---|---|---|');
    for (const r of list) {
      const m = r.meta;
      out.push(
        `| [\`${m.id}\`](${m.id}.md) | ${categoryName(m.category)} | ${m.defaultSeverity} | ${FIX_SHORT[ruleFixAvailability(m) ?? 'none']} | ${m.docs.descriptionEn.replace(/\|/g, '\\|')} |`,
      );
    }
    out.push('');
  }
  out.push('<!-- 本页由 scripts/gen-rules.ts 生成，请勿手工编辑。 -->');
  out.push('');
  return out.join('\n');
}

/** Every generated file of docs/rules/ (path relative to the repository root → content). */
export function generateRuleDocs(rules: readonly Rule[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const rule of rules) files.set(ruleDocsPath(rule.meta.id), renderRuleDoc(rule, 'zh-CN'));
  files.set('docs/rules/README.md', renderRuleIndex(rules));
  return files;
}
