import type { Project } from '../src/ast/types.js';
import { defineRule } from '../src/engine/define-rule.js';
import { tables, withRows } from './shared/example-table.js';
import { cellText } from './shared/text.js';

/**
 * Row identity across tables (三级 + 描述 + 值 + 依据), interned to small integers so comparing two
 * tables is comparing counts of numbers: key id → how many rows of the table have it.
 */
function rowKeys(project: Project, ids: Map<string, number>): Map<number, number> {
  const keys = new Map<number, number>();
  for (const ind of project.indicators) {
    const key = `${cellText(ind.level3)}\u0001${cellText(ind.description)}\u0001${cellText(ind.value.raw)}\u0001${cellText(ind.basis)}`;
    if (key === '\u0001\u0001\u0001') continue;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    keys.set(id, (keys.get(id) ?? 0) + 1);
  }
  return keys;
}

/** Identity of a project: its code and its name (either equal means the same project). */
function identity(p: Project): { code: string; name: string } {
  return { code: cellText(p.code), name: cellText(p.name) };
}

function sameProject(a: { code: string; name: string }, b: { code: string; name: string }): boolean {
  return (a.code !== '' && a.code === b.code) || (a.name !== '' && a.name === b.name);
}

type Identity = ReturnType<typeof identity>;

/**
 * Tables of one signature (same row keys with the same counts, same number of indicator rows): any
 * later table shares the same number of rows with each of them and needs the same number, so they
 * differ only in index and identity, and the table to report against among them is the first
 * whose project differs from the later table's. `representatives` (in document order) keeps only
 * the tables that can be that first one for some later identity, at most five (see below).
 */
interface Signature {
  rows: number;
  representatives: Representative[];
}

/** An earlier table kept as a representative: its place in the walk, identity, and what a report names. */
interface Representative {
  position: number;
  identity: Identity;
  index: number;
  code: string | null;
  name: string | null;
}

/**
 * Whether a new table of a signature can ever be the first table of another project among the
 * signature's tables, given the earlier `representatives`. It is the answer for a later table of
 * identity q exactly when q is the same project as every earlier one and not as the new one.
 * "Same project as q" is having q's code or q's name, so some (code c, name n) must cover every
 * earlier representative while missing the new table; a c (n) that no representative has covers
 * nothing, so '' stands for it and the candidates are '' and the representatives' own values.
 *
 * Exact: the first table of another project among all of the signature's tables, for any q, is
 * kept — every table before it is the same project as q, the kept ones included, so q itself is a
 * covering pair it misses. A table not kept is never that first one (for every q, it is the same
 * project as q, or an earlier kept table is not). Hence the first kept table of another project is
 * the first of all. A table with the identity of an earlier one is never kept.
 *
 * At most five: before the last kept table the kept ones are covered by some (c, n); at most two
 * of them have code c — a third, with c as well, was kept only if a pair covered the first two by
 * name, but their names differ (same code, other identity) — and likewise at most two have name n.
 * (A search over every sequence from five codes and five names, blanks included, finds at most
 * four, e.g. A-1 甲, A-1 乙, A-2 甲, A-2 乙.)
 */
function canBeFirstOfOtherProject(representatives: readonly Identity[], table: Identity): boolean {
  const codes = new Set(['', ...representatives.map((r) => r.code)]);
  const names = new Set(['', ...representatives.map((r) => r.name)]);
  for (const code of codes) {
    for (const name of names) {
      const q = { code, name };
      if (!sameProject(q, table) && representatives.every((r) => sameProject(q, r))) return true;
    }
  }
  return false;
}

/** The second clean table: a different project with its own indicators. */
const OTHER_PROJECT = {
  code: '316-1202-JBN-B5YG',
  name: '城乡居民医疗保险财政补贴',
  budget: '350.00',
  fiscal: '350.00',
  purpose: '城乡居民医疗保险缴费补贴',
  goals: ['1、为9000名参保居民发放医保缴费补贴，年底前发放完毕'],
};

export const boilerplateIndicatorsAcrossProjects = defineRule({
  meta: {
    id: 'boilerplate-indicators-across-projects',
    category: 'consistency',
    defaultSeverity: 'info',
    kind: 'heuristic',
    recommended: true, // docs/rule-quality.md: precision ≥ 0.9 on the labelled corpus
    messages: {
      boilerplate: {
        'zh-CN':
          '第{table}张表（{name}）有 {shared} 行指标（三级、描述、指标值、依据都相同）与第{other}张表（{otherName}）一模一样；不同项目的产出、效益不会完全相同，说明指标是照搬的；请按本项目的实际产出和效果重新设置指标',
        en: 'Table {table} ({name}) shares {shared} indicator rows (same level-3, description, value and basis) with table {other} ({otherName}); different projects do not have identical outputs and effects, so the indicators were copied; set them from this project\'s own outputs and outcomes',
      },
    },
    docs: {
      description:
        '同一文档中两个不同项目的指标表有大量完全相同的行（三级指标、描述、指标值、确定依据都相同）：默认至少 7 行，指标行少于 9 行的表按 7/9 的比例计算。报告在后一张表上。',
      descriptionEn: 'Two tables of one document share at least 7 of 9 identical rows (三级 + 描述 + 值 + 依据) though the projects differ.',
      why: '绩效指标应与项目的资金用途和预期产出“相应匹配”。丧葬费和统筹外养老金两个不同项目有7行指标一字不差，说明指标是复制粘贴的，并没有针对项目设定。',
      get bad() {
        return tables({}, { ...OTHER_PROJECT });
      },
      get good() {
        return tables(
          {},
          {
            ...OTHER_PROJECT,
            indicators: withRows({
              补贴发放人数: ['产出指标', '数量指标', '医保补贴人数', '享受医保缴费补贴的参保居民人数', '≥9000人', '计划标准'],
              补贴发放准确率: ['产出指标', '质量指标', '医保补贴核定准确率', '按缴费档次核定补贴的准确程度', '≥99%', '历史标准'],
              补贴发放完成时间: ['产出指标', '时效指标', '医保补贴拨付时间', '随缴费期一次性拨付', '2020年6月底前', '计划标准'],
              项目总成本: ['产出指标', '成本指标', '项目总成本', '全年医保补贴支出总额', '≤350万元', '预算支出标准'],
              领取待遇居民人均增收: ['效益指标', '经济效益指标', '参保居民人均减负', '补贴后居民个人缴费减少额', '≥390元', '计划标准'],
              城乡居民养老保险参保率: ['效益指标', '社会效益指标', '城乡居民医保参保率', '常住居民参加医保的比例', '≥97%', '历史标准'],
              补贴制度持续年限: ['效益指标', '可持续影响指标', '医保补贴政策持续年限', '补贴政策延续的年数', '≥3年', '计划标准'],
              参保居民满意度: ['满意度指标', '服务对象满意度指标', '参保居民对医保补贴的满意度', '抽样调查参保居民', '≥90%', '计划标准'],
            }),
          },
        );
      },
      options: '`minShared`（整数，默认 7）：判为照搬所需的相同行数（9 行表的 7 行；行数更少的表按 minShared/9 的比例）。',
      basis: '财预〔2015〕88号（绩效目标与资金用途“相应匹配”、审核相关性）；绩效评价报告编制实务（绩效目标须与工作相关，docs/sources.md 16）。',
      limits:
        '只比较同一文档内的表，且只认完全相同的行；同一类项目（如几笔补贴）共用部分规范指标（满意度、准确率）是正常的，阈值之下不报告。项目编码或名称相同的表视为同一项目，不比较。',
    },
  },
  options: {
    minShared: { type: 'integer', minimum: 1, default: 7, description: '判为照搬所需的相同行数', descriptionEn: 'Identical rows that make a table boilerplate' },
  },
  create(context) {
    const { minShared } = context.options;
    // Each table is compared with the earlier ones when the walk reaches it, and reported there: a
    // table's report depends only on the tables before it, so no table's rows are read after its
    // Project:exit. What is kept of the earlier tables: row keys (strings), per signature its
    // number of rows, its holders' entries and at most five representatives' identities.
    const interned = new Map<string, number>();
    // Tables with the same rows (the same multiset of row keys and the same number of indicator
    // rows) are one signature: they share as many rows with any later table and need as many.
    const signatureOf = new Map<string, number>();
    const signatures: Signature[] = [];
    // Which signatures hold each row (signature, count), so a table is compared only with the
    // tables it shares a row with, and a table repeated 1,700 times is one holder, not 1,700.
    const holders = new Map<number, number[]>();
    let shared = new Int32Array(64);
    let position = 0;
    return {
      'Project:exit'(project) {
        const keys = rowKeys(project, interned);
        const own = identity(project);
        const rows = project.indicators.length;
        if (shared.length < signatures.length + 1) {
          const grown = new Int32Array(Math.max(shared.length * 2, signatures.length + 1));
          grown.set(shared);
          shared = grown;
        }
        const touched: number[] = [];
        for (const [key, count] of keys) {
          const list = holders.get(key);
          if (!list) continue;
          for (let k = 0; k < list.length; k += 2) {
            const s = list[k]!;
            if (shared[s] === 0) touched.push(s);
            shared[s] += Math.min(count, list[k + 1]!);
          }
        }
        // The first earlier table (by index) of another project with enough rows in common.
        let first: Representative | null = null;
        let firstShared = 0;
        for (const s of touched) {
          const { rows: theirs, representatives } = signatures[s]!;
          const smaller = Math.min(rows, theirs);
          const needed = Math.max(3, Math.min(minShared, Math.ceil((smaller * minShared) / 9)));
          if (shared[s]! < needed) continue;
          const r = representatives.find((other) => !sameProject(own, other.identity));
          if (r !== undefined && (first === null || r.position < first.position)) [first, firstShared] = [r, shared[s]!];
        }
        for (const s of touched) shared[s] = 0;

        const signatureKey = `${rows}:${[...keys].sort((a, b) => a[0] - b[0]).join(';')}`;
        let s = signatureOf.get(signatureKey);
        if (s === undefined) {
          signatureOf.set(signatureKey, (s = signatures.length));
          signatures.push({ rows, representatives: [] });
          for (const [key, count] of keys) {
            let list = holders.get(key);
            if (!list) holders.set(key, (list = []));
            list.push(s, count);
          }
        }
        const { representatives } = signatures[s]!;
        if (canBeFirstOfOtherProject(representatives.map((r) => r.identity), own)) {
          representatives.push({ position, identity: own, index: project.index, code: project.code, name: project.name });
        }
        position++;

        if (first !== null) {
          context.report({
            node: project,
            messageId: 'boilerplate',
            found: first.code ?? first.name ?? `${first.index}`,
            data: { table: project.index, name: project.name ?? '', shared: firstShared, other: first.index, otherName: first.name ?? '' },
          });
        }
      },
    };
  },
});
