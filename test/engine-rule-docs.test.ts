/** The committed docs/rules/*.md are what scripts/gen-rules.ts generates from the rules' meta. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../rules/index.js';
import { generateRuleDocs, renderExample, renderRuleDoc } from '../src/engine/docs.js';
import { explainRule, UnknownRuleError } from '../src/engine/registry.js';

const root = new URL('../', import.meta.url);
const HINT = 'docs/rules is stale: run npx tsx scripts/gen-rules.ts';

describe('rule docs', () => {
  const files = generateRuleDocs(allRules);

  it('every generated page is committed and up to date', () => {
    for (const [path, content] of files) {
      const url = new URL(path, root);
      expect(existsSync(url), `${path} missing — ${HINT}`).toBe(true);
      expect(readFileSync(url, 'utf8'), `${path} — ${HINT}`).toBe(content);
    }
  });

  it('no page belongs to a rule that does not exist', () => {
    const onDisk = readdirSync(new URL('docs/rules/', root)).filter((n) => n.endsWith('.md'));
    expect(onDisk.map((n) => `docs/rules/${n}`).sort()).toEqual([...files.keys()].sort());
  });

  it('explain prints the same page, and an English one', () => {
    const rule = allRules[0]!;
    expect(explainRule(rule.meta.id, 'zh-CN')).toBe(renderRuleDoc(rule, 'zh-CN'));
    const en = explainRule(rule.meta.id, 'en');
    expect(en).toContain('## Why');
    expect(en).toContain(rule.meta.docs.descriptionEn);
  });

  it('an unknown id is a one-line error', () => {
    expect(() => explainRule('no-such-rule')).toThrow(UnknownRuleError);
    try {
      explainRule('no-such-rule');
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
      expect((e as Error).message).toMatch(/^没有名为 "no-such-rule" 的规则.*No rule/);
    }
  });

  it('renders example tables with cells split by |, marking differing rows', () => {
    expect(renderExample('a\tb\t\nc\td\t\n')).toBe('a | b\nc | d');
    expect(renderExample('a\tb\t\nc\tX\t\n', 'a\tb\t\nc\td\t\n')).toBe('  a | b\n▶ c | X');
  });
});
