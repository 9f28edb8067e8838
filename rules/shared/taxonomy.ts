/**
 * The indicator taxonomy (指标体系) of docs/taxonomy.md §1–§4: category names normalised with their
 * aliases, which 一级 owns which 二级, and the row classes the rules talk about (cost indicator,
 * satisfaction indicator, 数量指标, 时效指标).
 */
import type { Indicator } from '../../src/ast/types.js';
import { memoize, squeeze } from './text.js';

/** Canonical 一级 names, without the suffix 指标. */
export type Level1 = '产出' | '效益' | '满意度' | '成本';
/** Canonical 二级 names, without the suffix 指标. */
export type Level2 =
  | '数量'
  | '质量'
  | '时效'
  | '成本' // legacy: 成本指标 under 产出
  | '经济效益'
  | '社会效益'
  | '生态效益'
  | '可持续影响'
  | '服务对象满意度'
  | '经济成本'
  | '社会成本'
  | '生态环境成本';

/** Strips spaces, brackets' spacing and the suffix 指标 / 目标 ("产出指标" → "产出"). */
const stemOf = memoize((name: string) =>
  squeeze(name)
    .replace(/[（(]/g, '（')
    .replace(/[）)]/g, '）')
    .replace(/[:：]$/, '')
    .replace(/(?:指标|目标)$/, ''),
);

/** 一级 aliases (docs/taxonomy.md §4), keyed by stem. */
const LEVEL1_ALIASES: Record<string, Level1> = {
  产出: '产出',
  '产出（工作量）': '产出',
  效益: '效益',
  满意度: '满意度',
  服务对象满意度: '满意度',
  社会公众或服务对象满意度: '满意度',
  成本: '成本',
};

/** 二级 aliases (docs/taxonomy.md §4), keyed by stem. */
const LEVEL2_ALIASES: Record<string, Level2> = {
  数量: '数量',
  产出数量: '数量',
  质量: '质量',
  产出质量: '质量',
  时效: '时效',
  进度: '时效',
  产出时效: '时效',
  成本: '成本',
  产出成本: '成本',
  经济效益: '经济效益',
  社会效益: '社会效益',
  生态效益: '生态效益',
  环境效益: '生态效益',
  生态文明效益: '生态效益',
  可持续影响: '可持续影响',
  服务对象满意度: '服务对象满意度',
  社会公众或服务对象满意度: '服务对象满意度',
  满意度: '服务对象满意度',
  经济成本: '经济成本',
  社会成本: '社会成本',
  生态环境成本: '生态环境成本',
};

/** Every rule asks for the classes of the same few labels: each label is classified once. */
const level1Of = memoize((name: string): Level1 | null => LEVEL1_ALIASES[stemOf(name)] ?? null);
const level2Of = memoize((name: string) => {
  const s = stemOf(name);
  return { known: LEVEL2_ALIASES[s], satisfactionLike: s.includes('满意度') || s === '具体' };
});

/** The canonical 一级 of a label, or null when the label is blank or outside the taxonomy. */
export function canonicalLevel1(name: string | null | undefined): Level1 | null {
  return name ? level1Of(name) : null;
}

/**
 * The canonical 二级 of a label, or null when blank or unknown. Under the satisfaction 一级 any
 * 二级 that mentions 满意度, and the 2016 template's "具体指标", is 服务对象满意度 (docs/taxonomy.md §4).
 */
export function canonicalLevel2(name: string | null | undefined, level1?: string | null): Level2 | null {
  if (!name) return null;
  const { known, satisfactionLike } = level2Of(name);
  if (known) return known;
  if (satisfactionLike && canonicalLevel1(level1) === '满意度') return '服务对象满意度';
  return null;
}

/**
 * Which 一级 owns which 二级 (docs/taxonomy.md §1a legacy, §1b 2021+, and the 湖南 variant of §2 where the
 * satisfaction class is a 二级 under 效益).
 */
const OWNERS: Record<Level2, readonly Level1[]> = {
  数量: ['产出'],
  质量: ['产出'],
  时效: ['产出'],
  成本: ['产出'],
  经济效益: ['效益'],
  社会效益: ['效益'],
  生态效益: ['效益'],
  可持续影响: ['效益'],
  服务对象满意度: ['满意度', '效益'],
  经济成本: ['成本'],
  社会成本: ['成本'],
  生态环境成本: ['成本'],
};

/** The 一级 classes a 二级 may sit under. */
export function ownersOf(level2: Level2): readonly Level1[] {
  return OWNERS[level2];
}

/** Full label of a canonical name, for messages ("生态效益" → "生态效益指标"). */
export function categoryLabel(name: Level1 | Level2): string {
  return `${name}指标`;
}

const COST_LEVEL2: ReadonlySet<Level2> = new Set<Level2>(['成本', '经济成本', '社会成本', '生态环境成本']);

/** Cost indicator (成本指标): 一级 is 成本指标, or 二级 is 成本 / 经济成本 / 社会成本 / 生态环境成本指标. */
export function isCostIndicator(ind: Indicator): boolean {
  if (canonicalLevel1(ind.level1) === '成本') return true;
  const l2 = canonicalLevel2(ind.level2, ind.level1);
  return l2 !== null && COST_LEVEL2.has(l2);
}

/**
 * Satisfaction indicator (满意度指标): the row belongs to the satisfaction class — 一级 满意度指标,
 * or 二级 服务对象满意度指标 (also the 湖南 variant under 效益).
 */
export function isSatisfactionIndicator(ind: Indicator): boolean {
  if (canonicalLevel1(ind.level1) === '满意度') return true;
  return canonicalLevel2(ind.level2, ind.level1) === '服务对象满意度';
}

/** 数量指标. */
export function isQuantityIndicator(ind: Indicator): boolean {
  return canonicalLevel2(ind.level2, ind.level1) === '数量';
}

/** 时效指标 (also 进度指标). */
export function isTimelinessIndicator(ind: Indicator): boolean {
  return canonicalLevel2(ind.level2, ind.level1) === '时效';
}

/** Output (产出) indicator: 一级 产出指标. */
export function isOutputIndicator(ind: Indicator): boolean {
  return canonicalLevel1(ind.level1) === '产出';
}

/** Benefit (效益) indicator: 一级 效益指标. */
export function isBenefitIndicator(ind: Indicator): boolean {
  return canonicalLevel1(ind.level1) === '效益';
}

/** Words in a 三级 that name a count (人数 人次 …), docs/rule-catalogue.md `quantity-value-percentage`. */
export const COUNT_WORDS = ['人数', '人次', '次数', '个数', '户数', '数量', '件数', '台数', '套数', '家数', '场次'] as const;

/** The count word a 三级 contains, or null. */
export function countWordIn(level3: string | null | undefined): string | null {
  const s = squeeze(level3);
  return COUNT_WORDS.find((w) => s.includes(w)) ?? null;
}

/** Comparison key of a 三级 name (whitespace removed). */
export function level3Key(level3: string | null | undefined): string {
  return squeeze(level3);
}
