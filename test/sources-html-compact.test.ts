/**
 * html.ts reads a table's cells as they close and lets their elements go, and drops the text
 * between a table's rows and cells (issue 15: a 20 MiB one-table page held 233 MiB of tree, now 96).
 * The Blocks must be exactly those of walking the whole tree: on hand-made pages where cells and rows
 * stray outside tables, and on seeded mutations of the sample page (the seed is printed on failure).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as bad from '../fixtures/bad/make-bad.js';
import { DocxBlockBuilder } from '../src/sources/docx/model.js';
import { htmlTree, readHtmlString } from '../src/sources/html.js';
import { HtmlWalker } from '../src/sources/html-walk.js';

/** The Blocks of the page walked from its whole tree (nothing read early, nothing dropped). */
function blocksOfWholeTree(html: string): unknown {
  const builder = new DocxBlockBuilder();
  new HtmlWalker('html', builder).walk(htmlTree(html, { compact: false }).nodes);
  return builder.finish('html', 'utf-8').blocks;
}

function outcome(read: () => unknown): unknown {
  try {
    return read();
  } catch (e) {
    return { threw: (e as { code?: string }).code ?? String(e) };
  }
}

const same = (html: string) => expect(outcome(() => readHtmlString(html).blocks)).toEqual(outcome(() => blocksOfWholeTree(html)));

describe('a table read cell by cell gives the Blocks of the whole tree', () => {
  it.each([
    ['cells, whitespace and stray text between rows', '<table> x <tr> <td> a </td> y <td><p>p1</p><p>p2</p></td></tr>\n<tbody> z <tr><th colspan=2>h</th></tr></tbody></table>'],
    ['a nested table in a cell', '<table><tr><td>a<table><tr><td>x</td><td>y<br>z</td></tr></table>b</td></tr></table>'],
    ['a td outside any table is a block', '<body><td><p>满意度指标</p></td><td><p>服务对象满意度指标<div>第一部分</div></body>'],
    ['a tr inside a cell paragraph (a tag cut by damage)', '<table><tr><td><p><<tr>span>绩效指标描述</span></p></td><td>指标值</td></tr></table>'],
    ['a tbody or tr outside a table is a block', '<div><tbody> t1 <tr> t2 <td>c</td></tr></tbody></div><tr>t3</tr>'],
    ["Word's zero-height width row", '<table><tr><td>a</td></tr><tr height=0><td></td><td> </td></tr><tr height=0><td></td></tr></table>'],
    ['a cell inside svg or script is dropped', '<table><tr><td>a<svg><td>b</td></svg></td><td><script><td>c</td></script>d</td></tr></table>'],
    ['a cell left open at the end', '<table><tr><td>a<p>b'],
  ])('%s', (_, html) => same(html));

  it('seeded mutations of the sample page', () => {
    const sample = new TextDecoder().decode(bad.htmlLongTable(40_000));
    const pieces = ['<td>', '</td>', '<tr>', '</tr>', '<table>', '</table>', '<tbody>', '</tbody>', '<p>', '</p>', '<br>', ' ', '\n', 'x', '<tr height=0>', '<th colspan=2>', '<span>', '</span>', '<svg>', '</svg>', '<caption>标题</caption>', '<'];
    const edit = fc.oneof(
      fc.record({ at: fc.nat(), insert: fc.constantFrom(...pieces) }),
      fc.record({ at: fc.nat(), cut: fc.integer({ min: 1, max: 200 }) }),
      fc.record({ at: fc.nat(), from: fc.nat(), copy: fc.integer({ min: 1, max: 300 }) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        let html = sample;
        for (const e of edits) {
          const at = e.at % (html.length + 1);
          if ('insert' in e) html = html.slice(0, at) + e.insert + html.slice(at);
          else if ('cut' in e) html = html.slice(0, at) + html.slice(at + e.cut);
          else {
            const from = e.from % (html.length + 1);
            html = html.slice(0, at) + html.slice(from, from + e.copy) + html.slice(at);
          }
        }
        same(html);
      }),
      { numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? 20261201) },
    );
  });
});
