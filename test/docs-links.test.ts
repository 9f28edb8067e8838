/**
 * The documentation holds together: every relative link in README.md, CONTRIBUTING.md and docs/**
 * reaches a file of the repository (and a heading, when it names an anchor); nothing links outside
 * the repository by a relative path; every `docs/taxonomy.md §N`, `docs/sources.md N` (a numbered
 * item) and `docs/….md "Heading"` cited by the code or by the generated rule pages names something
 * that exists; and the README stays short.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Pages linked before they are written (none now; every link must resolve). */
const PENDING_PAGES = new Set<string>();

const README_LIMIT_BYTES = 15_000;

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f).replace(/\\/g, '/'))
    .filter((f) => keep(f) && statSync(join(root, f)).isFile())
    .sort();
}

const markdownFiles = ['README.md', 'CONTRIBUTING.md', ...filesUnder('docs', (f) => f.endsWith('.md'))];

/** Markdown without fenced code blocks and inline code (links and headings there are not real). */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

function headings(markdown: string): string[] {
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  return [...withoutFences.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((m) => m[1]!);
}

function anchorsOf(path: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const h of headings(read(path))) {
    const base = slug(h);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

interface Link {
  from: string;
  target: string;
}

function linksOf(path: string): Link[] {
  const text = prose(read(path));
  const targets = [
    ...[...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!),
    ...[...text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((m) => m[1]!),
  ];
  return targets.map((target) => ({ from: path, target }));
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** What is wrong with one link, or null. */
function brokenLink({ from, target }: Link): string | null {
  if (isExternal(target)) return null;
  const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
  const resolved = pathPart === '' ? join(root, from) : resolve(root, dirname(from), decodeURIComponent(pathPart));
  const inRepo = relative(root, resolved).replace(/\\/g, '/');
  if (inRepo.startsWith('..') || resolve(resolved) === resolve(root, '..')) return `${from}: ${target} points outside the repository`;
  if (!existsSync(resolved)) return PENDING_PAGES.has(inRepo) ? null : `${from}: ${target} does not exist (${inRepo})`;
  if (anchor !== undefined && inRepo.endsWith('.md') && statSync(resolved).isFile()) {
    if (!anchorsOf(inRepo).has(decodeURIComponent(anchor))) return `${from}: ${target} — no heading with anchor #${anchor} in ${inRepo}`;
  }
  return null;
}

// ── citations in code and generated rule pages ──────────────────────────────────────────────────

const citingFiles = [
  ...['src', 'grammar', 'rules', 'scripts'].flatMap((d) => filesUnder(d, (f) => /\.(ts|mts|mjs|js)$/.test(f))),
  ...filesUnder('docs/rules', (f) => f.endsWith('.md')),
];

interface Citation {
  file: string;
  doc: string;
  /** `§N` sections, numbered items of docs/sources.md, or quoted headings. */
  sections: string[];
  items: number[];
  quotedHeadings: string[];
}

/** `§1–§4` and `§4–5` are ranges; `§1a` is a subsection. */
function sectionsIn(span: string): string[] {
  const out: string[] = [];
  for (const m of span.matchAll(/§(\d+)([a-z]?)(?:\s*[–-]\s*§?(\d+))?/g)) {
    const from = Number(m[1]);
    if (m[3]) for (let n = from; n <= Number(m[3]); n++) out.push(String(n));
    else out.push(`${from}${m[2]}`);
  }
  return out;
}

function citationsOf(file: string): Citation[] {
  const text = read(file);
  const out: Citation[] = [];
  for (const m of text.matchAll(/docs\/([a-z-]+)\.md/g)) {
    const doc = `docs/${m[1]}.md`;
    if (doc === 'docs/rules.md') continue;
    const after = text.slice(m.index! + m[0].length);
    // The clause that belongs to this citation: up to the next citation or the end of the sentence.
    const end = after.search(/docs\/|[；;。\n'`]|\*\//);
    const span = end === -1 ? after : after.slice(0, end);
    const items = doc === 'docs/sources.md' ? [...(span.match(/^\s+(\d+(?:\s*[、,，]\s*\d+)*)/)?.[1] ?? '').matchAll(/\d+/g)].map((x) => Number(x[0])) : [];
    const quoted = after.match(/^(?:'s)?\s*"([^"\n]+)"/);
    out.push({ file, doc, sections: sectionsIn(span), items, quotedHeadings: quoted ? [quoted[1]!] : [] });
  }
  return out;
}

const citations = citingFiles.flatMap(citationsOf);

function sectionsOf(doc: string): Set<string> {
  return new Set(headings(read(doc)).flatMap((h) => [...h.matchAll(/^§(\d+[a-z]?)\b/g)].map((m) => m[1]!)));
}

function itemsOf(doc: string): Set<number> {
  return new Set([...prose(read(doc)).matchAll(/^(\d+)\.\s/gm)].map((m) => Number(m[1])));
}

describe('documentation links', () => {
  it('finds the Markdown files', () => {
    expect(markdownFiles).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/README.md', 'docs/rules/README.md']));
  });

  it.each(markdownFiles)('%s: every relative link resolves inside the repository', (file) => {
    const links = linksOf(file);
    expect(links.map(brokenLink).filter((problem) => problem !== null)).toEqual([]);
  });

  it.each(markdownFiles)('%s: no relative path leads out of the repository', (file) => {
    expect(read(file)).not.toMatch(/\.\.\/shared\//);
    const outside = linksOf(file).filter(({ from, target }) => !isExternal(target) && relative(root, resolve(root, dirname(from), target.split('#')[0]!)).startsWith('..'));
    expect(outside).toEqual([]);
  });

  it(`README.md is under ${README_LIMIT_BYTES} bytes and opens with the two commands`, () => {
    expect(statSync(join(root, 'README.md')).size).toBeLessThan(README_LIMIT_BYTES);
    const firstBlock = read('README.md').match(/```sh\n([\s\S]*?)```/)?.[1] ?? '';
    expect(firstBlock).toContain('npm ci && npx jxlint fixtures/seed/seed.docx');
    expect(firstBlock).toContain('npm test');
  });

  it('the link checker itself catches a broken link, an outside link and a missing anchor', () => {
    expect(brokenLink({ from: 'README.md', target: 'docs/no-such-page.md' })).toMatch(/does not exist/);
    expect(brokenLink({ from: 'README.md', target: '../shared/RULES.md' })).toMatch(/outside the repository/);
    expect(brokenLink({ from: 'README.md', target: 'docs/taxonomy.md#no-such-heading' })).toMatch(/no heading/);
    expect(brokenLink({ from: 'README.md', target: 'docs/taxonomy.md#3-what-a-指标值-should-look-like' })).toBeNull();
    expect(slug('§1b. 2021+ layout — 成本指标 is a 一级 of its own')).toBe('1b-2021-layout--成本指标-is-a-一级-of-its-own');
  });
});

describe('citations of docs/*.md in the code and the rule pages', () => {
  it('finds them (the scan is not vacuous)', () => {
    expect(citations.length).toBeGreaterThan(50);
    expect(citations.some((c) => c.doc === 'docs/taxonomy.md' && c.sections.length > 0)).toBe(true);
    expect(citations.some((c) => c.doc === 'docs/sources.md' && c.items.length > 0)).toBe(true);
  });

  it('parses section lists and ranges', () => {
    expect(sectionsIn(' §1–§4: categories')).toEqual(['1', '2', '3', '4']);
    expect(sectionsIn(' §4–5). Order')).toEqual(['4', '5']);
    expect(sectionsIn(' §5（列名）、§9（导出格式）')).toEqual(['5', '9']);
    expect(sectionsIn(' §1a legacy, §1b 2021+')).toEqual(['1a', '1b']);
  });

  it('every cited document exists', () => {
    const missing = [...new Set(citations.filter((c) => !existsSync(join(root, c.doc)) && !PENDING_PAGES.has(c.doc)).map((c) => `${c.file} → ${c.doc}`))];
    expect(missing).toEqual([]);
  });

  it('every cited § section is a heading of its document', () => {
    const problems = citations
      .filter((c) => existsSync(join(root, c.doc)))
      .flatMap((c) => c.sections.filter((s) => !sectionsOf(c.doc).has(s)).map((s) => `${c.file}: ${c.doc} §${s}`));
    expect([...new Set(problems)]).toEqual([]);
  });

  it('every cited item of docs/sources.md is a numbered item there', () => {
    const items = itemsOf('docs/sources.md');
    const problems = citations.flatMap((c) => c.items.filter((n) => !items.has(n)).map((n) => `${c.file}: docs/sources.md ${n}`));
    expect([...new Set(problems)]).toEqual([]);
  });

  it('every quoted heading ("Terms", "who may import whom") is a heading of its document', () => {
    const problems = citations
      .filter((c) => c.quotedHeadings.length > 0 && existsSync(join(root, c.doc)))
      .flatMap((c) => {
        const hs = headings(read(c.doc)).map((h) => h.toLowerCase());
        return c.quotedHeadings.filter((q) => !hs.some((h) => h.includes(q.toLowerCase()))).map((q) => `${c.file}: ${c.doc} "${q}"`);
      });
    expect([...new Set(problems)]).toEqual([]);
  });
});
