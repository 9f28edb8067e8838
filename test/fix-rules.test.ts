/**
 * Every fixable rule's fixes, ESLint RuleTester style: an input, the rule's messages, and the `output`
 * after applying its safe fixes (`--fix`) and after applying all of them (`--unsafe-fixes`). After
 * fixing, the rule no longer reports the fixed cell.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../rules/index.js';
import { commonTypo } from '../rules/common-typo.js';
import { costAmountInDescription } from '../rules/cost-amount-in-description.js';
import { costLowerBoundOperator } from '../rules/cost-lower-bound-operator.js';
import { costValueNotAmount } from '../rules/cost-value-not-amount.js';
import { inconsistentMoneyUnit } from '../rules/inconsistent-money-unit.js';
import { missingOperator } from '../rules/missing-operator.js';
import { percentOutOfRange } from '../rules/percent-out-of-range.js';
import { punctuationAnomaly } from '../rules/punctuation-anomaly.js';
import { spendPlanFormat } from '../rules/spend-plan-format.js';
import { valueMissingUnit } from '../rules/value-missing-unit.js';
import { wordFieldCodeResidue } from '../rules/word-field-code-residue.js';
import { applyTextFixes, fixSafety, ruleFixAvailability } from '../src/engine/fix.js';
import type { Rule } from '../src/engine/types.js';
import { runRule, table, tables, withRows } from './helpers/rule-tester.js';

/** One indicator row replaced: 一级, 二级, 三级, 描述, 指标值, 依据. */
const row = (cells: string[]) => withRows({ [cells[2]!]: cells });
/** The 社会效益 row replaced by another 三级 and value. */
const OTHER = (level3: string, value: string) => withRows({ 城乡居民养老保险参保率: ['效益指标', '社会效益指标', level3, '适龄居民参加养老保险的比例', value, '历史标准'] });
const SOCIAL = (value: string, level3 = '城乡居民养老保险参保率') => row(['效益指标', '社会效益指标', level3, '适龄居民参加养老保险的比例', value, '历史标准']);
const COST = (description: string, value: string) => withRows({ 项目总成本: ['产出指标', '成本指标', '项目总成本', description, value, '预算支出标准'] });

/** `text` with each [from, to] replaced once (the expected output). */
function replaced(text: string, ...pairs: [string, string][]): string {
  let out = text;
  for (const [from, to] of pairs) {
    expect(out.includes(from), `test setup: "${from}" is in the input`).toBe(true);
    out = out.replace(from, to);
  }
  return out;
}

interface FixCase {
  name: string;
  rule: Rule;
  text: string;
  /** Output of `--fix` (safe fixes only); omitted: unchanged. */
  safe?: string;
  /** Output with `--unsafe-fixes`; omitted: same as `safe`. */
  all?: string;
}

const typoText = table({ indicators: SOCIAL('≥90%', '参保居民满意度').map((r) => (r[2] === '参保居民满意度' ? ['满意度指标', '服务对象满意度指标', '参保居民满意度', '抽样调查收益人群对补贴发放的满意程度', '≥90%', '计划标准'] : r)) });
const variantText = table({ purpose: '为参保居民建立个人帐户，记入补贴', indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '补贴发放人数', '补贴记入个人账户的人数', '≥12000人', '计划标准'] }) });
const residueText = table({ title: '城乡居民养老保险区财政补贴绩效目标表 TC 9、城乡居民养老保险区财政补贴绩效目标表 \\f C \\l 1' });
const noPercentHeader = (text: string) => text.replaceAll('资金支出计划（%）', '资金支出计划');

const CASES: FixCase[] = [
  // common-typo
  { name: 'common-typo: 收益人群 → 受益人群 is safe', rule: commonTypo, text: typoText, safe: replaced(typoText, ['收益人群', '受益人群']) },
  { name: 'common-typo: a doubled word is safe', rule: commonTypo, text: table({ purpose: '城乡居民养老缴费补贴的的发放' }), safe: table({ purpose: '城乡居民养老缴费补贴的发放' }) },
  { name: 'common-typo: a stray character after 指数 is safe', rule: commonTypo, text: table({ purpose: '提高居民幸福指数系' }), safe: table({ purpose: '提高居民幸福指数' }) },
  {
    name: 'common-typo: 帐/账 unified in every cell is unsafe',
    rule: commonTypo,
    text: variantText,
    all: replaced(variantText, ['个人帐户', '个人账户']),
  },
  // punctuation-anomaly
  { name: 'punctuation-anomaly: 。。 → 。', rule: punctuationAnomaly, text: table({ purpose: '城乡居民养老缴费补贴及待遇补贴。。' }), safe: table({ purpose: '城乡居民养老缴费补贴及待遇补贴。' }) },
  { name: 'punctuation-anomaly: ASCII period → 。', rule: punctuationAnomaly, text: table({ purpose: '按季度发放缴费补贴.' }), safe: table({ purpose: '按季度发放缴费补贴。' }) },
  { name: 'punctuation-anomaly: space after 、', rule: punctuationAnomaly, text: table({ purpose: '缴费补贴、 待遇补贴' }), safe: table({ purpose: '缴费补贴、待遇补贴' }) },
  // word-field-code-residue
  { name: 'word-field-code-residue: TC field removed, title kept', rule: wordFieldCodeResidue, text: residueText, safe: table() },
  {
    name: 'word-field-code-residue: every residue of the document in one fix',
    rule: wordFieldCodeResidue,
    text: tables(
      { title: '城乡居民养老保险区财政补贴绩效目标表 TC 9、城乡居民养老保险区财政补贴绩效目标表 \\f C \\l 1' },
      { code: '316-1201-JBN-WMEC', name: '城乡居民医疗保险财政补贴', title: '城乡居民医疗保险财政补贴绩效目标表 TC 10、城乡居民医疗保险财政补贴绩效目标表 \\f C \\l 1' },
    ),
    safe: tables({}, { code: '316-1201-JBN-WMEC', name: '城乡居民医疗保险财政补贴' }),
  },
  // inconsistent-money-unit
  {
    name: 'inconsistent-money-unit: 万 → 万元 under 单位：万元 is safe',
    rule: inconsistentMoneyUnit,
    text: table({ indicators: COST('全年补贴支出总额，总成本800万', '≤800万元') }),
    safe: table({ indicators: COST('全年补贴支出总额，总成本800万元', '≤800万元') }),
  },
  {
    name: 'inconsistent-money-unit: 万 → 万元 under another unit is unsafe',
    rule: inconsistentMoneyUnit,
    text: table({ moneyUnit: '单位：元', budget: '8000000', fiscal: '8000000', indicators: COST('全年补贴支出总额，总成本800万', '≤8000000元') }),
    all: table({ moneyUnit: '单位：元', budget: '8000000', fiscal: '8000000', indicators: COST('全年补贴支出总额，总成本800万元', '≤8000000元') }),
  },
  {
    name: 'inconsistent-money-unit: 元 converted to the header unit is unsafe',
    rule: inconsistentMoneyUnit,
    text: table({ indicators: COST('全年补贴支出总额', '≤8000000元') }),
    all: table({ indicators: COST('全年补贴支出总额', '≤800万元') }),
  },
  // spend-plan-format
  { name: 'spend-plan-format: a missing % under （%） is safe', rule: spendPlanFormat, text: table({ spendPlan: ['25%', '50%', '75', '100%'] }), safe: table({ spendPlan: ['25%', '50%', '75%', '100%'] }) },
  {
    name: 'spend-plan-format: a % inferred from the other tables only is unsafe',
    rule: spendPlanFormat,
    text: noPercentHeader(tables({ spendPlan: ['25%', '50%', '75%', '100%'] }, { code: '316-1201-JBN-WMEC', spendPlan: ['', '', '', '100'] })),
    all: noPercentHeader(tables({ spendPlan: ['25%', '50%', '75%', '100%'] }, { code: '316-1201-JBN-WMEC', spendPlan: ['', '', '', '100%'] })),
  },
  // Value fixes: all unsafe.
  {
    name: 'cost-amount-in-description: the amount of the description becomes the cap',
    rule: costAmountInDescription,
    text: table({ indicators: COST('总成本800万元', '≥98%') }),
    all: table({ indicators: COST('总成本800万元', '≤800万元') }),
  },
  {
    name: 'cost-value-not-amount: the amount of the description becomes the cap',
    rule: costValueNotAmount,
    text: table({ indicators: COST('总成本800万元', '≥98%') }),
    all: table({ indicators: COST('总成本800万元', '≤800万元') }),
  },
  { name: 'cost-value-not-amount: no amount in the description, no fix', rule: costValueNotAmount, text: table({ indicators: COST('全年补贴支出', '≥98%') }) },
  {
    name: 'cost-lower-bound-operator: ≥ flipped to ≤',
    rule: costLowerBoundOperator,
    text: table({ indicators: COST('全年补贴支出总额', '≥800万元') }),
    all: table({ indicators: COST('全年补贴支出总额', '≤800万元') }),
  },
  { name: 'value-missing-unit: a rate gets %', rule: valueMissingUnit, text: table({ indicators: SOCIAL('≥95') }), all: table({ indicators: SOCIAL('≥95%') }) },
  {
    name: 'value-missing-unit: a count cannot be guessed, no fix',
    rule: valueMissingUnit,
    text: table({ indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '补贴发放人数', '发放补贴的人数', '≥12000', '计划标准'] }) }),
  },
  { name: 'missing-operator: a rate is higher-is-better, 99% → ≥99%', rule: missingOperator, text: table({ indicators: SOCIAL('99%') }), all: table({ indicators: SOCIAL('≥99%') }) },
  { name: 'missing-operator: an error rate is lower-is-better, 2% → ≤2%', rule: missingOperator, text: table({ indicators: OTHER('补贴发放差错率', '2%') }), all: table({ indicators: OTHER('补贴发放差错率', '≤2%') }) },
  { name: 'missing-operator: a name that does not tell the direction, no fix', rule: missingOperator, text: table({ indicators: OTHER('人均补贴标准', '600元') }) },
  { name: 'percent-out-of-range: one 0 too many', rule: percentOutOfRange, text: table({ indicators: SOCIAL('≥950%') }), all: table({ indicators: SOCIAL('≥95%') }) },
  { name: 'percent-out-of-range: 150% is not that slip, no fix', rule: percentOutOfRange, text: table({ indicators: SOCIAL('≥150%') }) },
];

describe('rule fixes (output after --fix and --unsafe-fixes)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { messages } = runRule(c.rule, c.text);
      expect(messages.length, 'the input fires the rule').toBeGreaterThan(0);
      const declared = ruleFixAvailability(c.rule.meta);
      for (const m of messages.filter((x) => x.fix)) {
        expect(m.fix!.safety, 'every fix states its safety').toBeDefined();
        expect(declared === 'both' || declared === fixSafety(m.fix!), `${m.fix!.safety} fix of a rule declaring ${declared}`).toBe(true);
      }
      const safeOut = applyTextFixes(c.text, messages, { safety: 'safe' }).output;
      const allOut = applyTextFixes(c.text, messages, { safety: 'all' }).output;
      const safeExpected = c.safe ?? c.text;
      expect(safeOut, '--fix output').toBe(safeExpected);
      expect(allOut, '--unsafe-fixes output').toBe(c.all ?? safeExpected);
      if (allOut !== c.text) {
        const after = runRule(c.rule, allOut);
        expect(after.messages.length, 'fixing removes the messages it fixed').toBeLessThan(messages.length);
        expect(after.parseErrors, 'the fixed text still parses').toEqual([]);
      }
    });
  }
});

describe('fix safety in the rules meta', () => {
  it('every rule that declares fixes covers them, and fixable follows fix', () => {
    for (const rule of allRules) {
      expect(rule.meta.fixable, `${rule.meta.id}: fixable === (fix !== undefined)`).toBe(ruleFixAvailability(rule.meta) !== undefined);
    }
  });
  it('the table of cases covers every rule with a declared fix, with its kinds', () => {
    const seen = new Map<string, Set<string>>();
    for (const c of CASES) {
      const kinds = seen.get(c.rule.meta.id) ?? new Set<string>();
      if (c.safe !== undefined) kinds.add('safe');
      if (c.all !== undefined && c.all !== (c.safe ?? c.text)) kinds.add('unsafe');
      seen.set(c.rule.meta.id, kinds);
    }
    for (const rule of allRules) {
      const fix = rule.meta.fix;
      if (!fix) continue;
      const kinds = seen.get(rule.meta.id);
      expect(kinds, `${rule.meta.id} has fix cases`).toBeDefined();
      if (fix === 'safe' || fix === 'both') expect(kinds!.has('safe'), `${rule.meta.id}: a safe case`).toBe(true);
      if (fix === 'unsafe' || fix === 'both') expect(kinds!.has('unsafe'), `${rule.meta.id}: an unsafe case`).toBe(true);
    }
  });
});

describe('docs/fixes.md', () => {
  const doc = readFileSync(new URL('../docs/fixes.md', import.meta.url), 'utf8');
  it('lists every rule with a fix, once per safety it offers, and no other rule', () => {
    const rows = [...doc.matchAll(/^\| \[`([a-z0-9-]+)`\]\(rules\/[a-z0-9-]+\.md\) \| .* \| (safe|unsafe) \|$/gm)].map((m) => `${m[1]} ${m[2]}`);
    const expected = allRules.flatMap((r) => {
      const fix = ruleFixAvailability(r.meta);
      return fix === 'both' ? [`${r.meta.id} safe`, `${r.meta.id} unsafe`] : fix ? [`${r.meta.id} ${fix}`] : [];
    });
    expect(rows.sort()).toEqual(expected.sort());
  });
});
