/**
 * Fuzzing the HTML reader: a Word "save as web page" export with ranges deleted or duplicated, stray
 * and absurd markup inserted (unclosed tables and cells, rowspan/colspan at their maxima, deep
 * nesting, conditional comments, bad entities), cut short, in UTF-8, GB18030 and UTF-16.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, it } from 'vitest';
import { expectBounded, fuzzOptions, parseAndLint } from './fuzz-support.js';

const page = readFileSync(join(import.meta.dirname, '../fixtures/html/two-projects-utf8.html'), 'utf8');

const SNIPPETS = [
  '<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<th colspan=1000 rowspan=65534>x', '<td rowspan=0>', '<td colspan=-5>',
  '<td colspan=99999999999999>', '<caption>标题', '<br>', '</br>', '</p>', '<p>', '<![if !supportMisalignedColumns]>', '<![endif]>',
  '<!--', '-->', '<script>', '</script>', '<style>x{}', '&#xD800;', '&#0;', '&bogus;', '&nbsp', '<input type=checkbox checked>',
  '<tr height=0><td></td></tr>', '<o:p>', '<svg><table>', '\u0000', '\u202e', '<html>', '</body>', '<meta charset=gbk>',
];

const edit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat({ max: 2000 }), times: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...SNIPPETS) }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), tag: fc.constantFrom('div', 'table', 'td', 'span', 'li'), depth: fc.integer({ min: 1, max: 2000 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(html: string, e: Edit): string {
  const at = e.kind === 'cut' ? e.at % (html.length + 1) : e.at % (html.length + 1);
  switch (e.kind) {
    case 'delete':
      return html.slice(0, at) + html.slice(at + e.length);
    case 'duplicate':
      return html.slice(0, at) + html.slice(at, at + e.length).repeat(e.times + 1) + html.slice(at + e.length);
    case 'insert':
      return html.slice(0, at) + e.text + html.slice(at);
    case 'nest':
      return html.slice(0, at) + `<${e.tag}>`.repeat(e.depth) + html.slice(at);
    case 'cut':
      return html.slice(0, at);
  }
}

function encode(html: string, encoding: string): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(html);
  if (encoding === 'utf-16le') return new Uint8Array([0xff, 0xfe, ...iconv.encode(html, 'utf-16le')]);
  return new Uint8Array(iconv.encode(html.replace('charset=utf-8', 'charset=gb2312'), 'gb18030'));
}

describe('fuzz: HTML', () => {
  it('damaged web pages: one bounded result, only SourceError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.constantFrom('utf-8', 'gb18030', 'utf-16le'), async (edits, encoding) => {
        let html = page;
        for (const e of edits) html = apply(html, e);
        expectBounded(await parseAndLint(encode(html, encoding), 'fuzz.html'), 1 + html.length / 8);
      }),
      fuzzOptions(300),
    );
  });
});
