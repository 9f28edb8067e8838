/**
 * Message rendering: templates with {placeholders}, the reviewer's wording of a place
 * (`表3 第5行 第5列（指标值）`, `行 97:2（指标值）`), and the names of cell roles in both locales.
 */
import { columnLetters, isSheetOrigin, isTableOrigin, isTextOrigin, type Origin, type Value } from '../ast/types.js';
import type { CellRole, Locale, SeverityName } from './types.js';

export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** A template split once into literal text (even indexes) and placeholder names (odd indexes). */
const compiled = new Map<string, string[]>();
function compile(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{([A-Za-z0-9_]+)\}/);
    if (compiled.size > 5000) compiled.clear();
    compiled.set(template, parts);
  }
  return parts;
}

/** Replaces `{name}` with `data.name`; unknown placeholders are left as written. */
export function renderTemplate(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  const parts = compile(template);
  if (parts.length === 1) return template;
  // Joined, not concatenated: a message lives as long as its result, and one flat string is a
  // fraction of the size of the tree of pieces that `+=` leaves behind.
  const out: string[] = [parts[0]!];
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    out.push(Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : `{${key}}`, parts[i + 1]!);
  }
  return sharedMessage(out.join(''));
}

/**
 * Messages already rendered, each held once: the same finding recurs word for word in table after
 * table of a long document (a blank spending plan, a slogan copied into every project), and every
 * message lives as long as the result. Bounded, so a long-lived server keeps little.
 */
const renderedMessages = new Map<string, string>();
const RENDERED_LIMIT = 20_000;

function sharedMessage(text: string): string {
  const known = renderedMessages.get(text);
  if (known !== undefined) return known;
  if (renderedMessages.size >= RENDERED_LIMIT) renderedMessages.clear();
  renderedMessages.set(text, text);
  return text;
}

/** The placeholder names a template uses. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!).sort();
}

const ROLE_NAMES: Record<CellRole, { 'zh-CN': string; en: string }> = {
  code: { 'zh-CN': '项目编码', en: 'project code' },
  name: { 'zh-CN': '项目名称', en: 'project name' },
  agency: { 'zh-CN': '预算单位', en: 'budget unit' },
  title: { 'zh-CN': '表名', en: 'table title' },
  'budget.total': { 'zh-CN': '预算数', en: 'budget total' },
  'budget.fiscal': { 'zh-CN': '财政资金', en: 'fiscal funds' },
  'budget.other': { 'zh-CN': '其他资金', en: 'other funds' },
  purpose: { 'zh-CN': '资金用途', en: 'use of funds' },
  spendPlan: { 'zh-CN': '资金支出计划', en: 'spending plan' },
  goals: { 'zh-CN': '绩效目标', en: 'performance goals' },
  'indicator.level1': { 'zh-CN': '一级指标', en: 'level-1 indicator' },
  'indicator.level2': { 'zh-CN': '二级指标', en: 'level-2 indicator' },
  'indicator.level3': { 'zh-CN': '三级指标', en: 'level-3 indicator' },
  'indicator.description': { 'zh-CN': '绩效指标描述', en: 'indicator description' },
  'indicator.value': { 'zh-CN': '指标值', en: 'target value' },
  'indicator.basis': { 'zh-CN': '指标值确定依据', en: 'basis of the value' },
  'indicator.nature': { 'zh-CN': '指标性质', en: 'indicator nature' },
  'indicator.unit': { 'zh-CN': '度量单位', en: 'unit' },
  indicator: { 'zh-CN': '指标行', en: 'indicator row' },
  table: { 'zh-CN': '绩效目标表', en: 'target table' },
  department: { 'zh-CN': '部门整体绩效目标', en: 'department targets' },
  document: { 'zh-CN': '文档', en: 'document' },
};

/** The name of a cell role ("指标值" / "target value"). */
export function roleName(role: CellRole, locale: Locale = DEFAULT_LOCALE): string {
  return ROLE_NAMES[role]?.[locale] ?? role;
}

const VALUE_KIND_NAMES: Record<Value['kind'], { 'zh-CN': string; en: string }> = {
  percent: { 'zh-CN': '百分比', en: 'percent' },
  amount: { 'zh-CN': '金额', en: 'amount' },
  count: { 'zh-CN': '数量', en: 'count' },
  date: { 'zh-CN': '日期', en: 'date' },
  duration: { 'zh-CN': '时长', en: 'duration' },
  text: { 'zh-CN': '文本', en: 'text' },
  empty: { 'zh-CN': '空', en: 'empty' },
};

/** The name of the kind of a parsed 指标值 ("百分比" / "percent"). */
export function valueKindName(kind: Value['kind'], locale: Locale = DEFAULT_LOCALE): string {
  return VALUE_KIND_NAMES[kind]?.[locale] ?? kind;
}

/** All cell roles, for validation and docs. */
export const CELL_ROLES = Object.keys(ROLE_NAMES) as CellRole[];

/**
 * The reviewer's wording of a place. Word: `表3 第5行 第5列（指标值）`; text: `行 97:2（指标值）`;
 * a body paragraph: `段落 12`; unknown: `项目 3（项目编码）` or `文档`.
 */
export function formatLocation(
  origin: Origin | null,
  role: CellRole | null,
  locale: Locale = DEFAULT_LOCALE,
  projectIndex: number | null = null,
): string {
  const zh = locale === 'zh-CN';
  let place: string;
  if (isTableOrigin(origin)) {
    place = zh
      ? `表${origin.table} 第${origin.row}行 第${origin.col}列`
      : `table ${origin.table} row ${origin.row} col ${origin.col}`;
  } else if (isTextOrigin(origin)) {
    place = zh ? `行 ${origin.line}:${origin.column}` : `line ${origin.line}:${origin.column}`;
  } else if (isSheetOrigin(origin)) {
    place = zh
      ? `工作表“${origin.sheet}” 第${origin.row}行 第${columnLetters(origin.col)}列`
      : `sheet "${origin.sheet}" row ${origin.row} col ${columnLetters(origin.col)}`;
  } else if (origin && 'paragraph' in origin) {
    place = zh ? `段落 ${origin.paragraph}` : `paragraph ${origin.paragraph}`;
  } else if (projectIndex !== null) {
    place = zh ? `项目 ${projectIndex}` : `project ${projectIndex}`;
  } else {
    place = zh ? '文档' : 'document';
  }
  if (!role || role === 'document') return place;
  const name = roleName(role, locale);
  // Joined: one flat string (a template literal this long is a tree of its pieces).
  return zh ? [place, '（', name, '）'].join('') : [place, ' (', name, ')'].join('');
}

/** Severity names ↔ numbers (ESLint's 2/1/0, info added). */
export const SEVERITY_NUMBER: Record<Exclude<SeverityName, 'off'>, 0 | 1 | 2> = { info: 0, warn: 1, error: 2 };

export function severityName(n: 0 | 1 | 2): Exclude<SeverityName, 'off'> {
  return n === 2 ? 'error' : n === 1 ? 'warn' : 'info';
}
