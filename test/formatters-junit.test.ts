import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { formatResults } from '../src/formatters/index.js';
import { escapeXml } from '../src/formatters/junit.js';
import { FATAL_MESSAGE, sampleOptions, sampleResults } from './helpers/sample-results.js';

interface Node {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
}

/** Parses XML with saxes (throws on anything not well-formed) into a small tree. */
function parseXml(xml: string): Node {
  const parser = new SaxesParser();
  const root: Node = { name: '#root', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.on('opentag', (tag) => {
    const node: Node = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => (stack[stack.length - 1].text += text));
  parser.on('closetag', () => void stack.pop());
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  return root.children[0];
}

async function junit() {
  return parseXml(String(await formatResults(sampleResults().results, 'junit', sampleOptions())));
}

describe('junit', () => {
  it('is well-formed XML with one testsuite per file', async () => {
    const { results } = sampleResults();
    const root = await junit();
    expect(root.name).toBe('testsuites');
    expect(root.children.map((s) => s.attributes.name)).toEqual(
      results.map((r) => r.filePath.replace('/srv/audit/', '')),
    );
  });

  it('has one testcase per project with one failure per error', async () => {
    const root = await junit();
    const suite = root.children.find((s) => s.attributes.name === 'submissions/社保局/seed-rows.txt')!;
    const { text } = sampleResults();
    // 18 projects and the document-level case
    expect(suite.children).toHaveLength(text.projects.length + 1);
    const project = suite.children.find((c) => c.attributes.name === '项目 316-1201-JBN-WMEB 城乡居民养老保险区财政补贴')!;
    const failures = project.children.filter((c) => c.name === 'failure');
    const errors = text.messages.filter((m) => m.projectIndex === 1 && m.severity === 2);
    expect(failures).toHaveLength(errors.length);
    expect(failures.map((f) => f.attributes.type)).toEqual(errors.map((m) => m.ruleId));
    expect(failures.find((f) => f.attributes.type === 'cost-value-not-amount')!.text).toContain('建议: ≤800万元');
    // warnings go to system-out
    expect(project.children.find((c) => c.name === 'system-out')!.text).toContain('警告  行 23:1（资金支出计划）');
  });

  it('keeps counts consistent: failures count failing test cases', async () => {
    const root = await junit();
    for (const suite of [root, ...root.children]) {
      const tests = Number(suite.attributes.tests);
      expect(Number(suite.attributes.failures) + Number(suite.attributes.errors) + Number(suite.attributes.skipped)).toBeLessThanOrEqual(tests);
    }
    const suite = root.children.find((s) => s.attributes.name === 'submissions/社保局/seed-rows.txt')!;
    const failing = suite.children.filter((c) => c.children.some((x) => x.name === 'failure')).length;
    expect(Number(suite.attributes.failures)).toBe(failing);
  });

  it.each([
    ['submissions/损坏/残缺的文件.docx', 'error'],
    ['submissions/说明.txt', 'skipped'],
  ])('reports %s as %s', async (file, element) => {
    const root = await junit();
    const suite = root.children.find((s) => s.attributes.name === file)!;
    expect(suite.children).toHaveLength(1);
    const marker = suite.children[0].children[0];
    expect(marker.name).toBe(element);
    if (element === 'error') expect(marker.text).toBe(FATAL_MESSAGE);
  });

  it('passes a clean project', async () => {
    const root = await junit();
    const suite = root.children.find((s) => s.attributes.name === 'submissions/教育局/clean.txt')!;
    expect(suite.children.map((c) => [c.attributes.name, c.children.length])).toEqual([['项目 316-5501-JYJ-0001 学前教育资助', 0]]);
  });

  it('escapes markup in names and messages', async () => {
    const root = await junit();
    const suite = root.children.find((s) => s.attributes.name.includes('财政局'))!;
    const names = suite.children.map((c) => c.attributes.name);
    expect(names).toContain('项目 316-2102-CZJ-X<1> "><img src=x onerror="window.__pwned=1">');
    expect(escapeXml('a<b>&"\'\u0001')).toBe('a&lt;b&gt;&amp;&quot;&apos;');
  });
});
