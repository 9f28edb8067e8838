/**
 * The HTML fixtures (fixtures/html): the seed's tables as Word's "save as web page" writes them.
 */
import { strToU8 } from 'fflate';
import iconv from 'iconv-lite';
import { readSeedRows, spansFor, type SeedProject } from './seed.js';
import { esc } from './wordml.js';

function htmlTable(rows: string[][]): string {
  // The seed shape as HTML: rowspan for the merged label/一级 cells, colspan for the spans.
  const out: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const spans = spansFor(row.length, r);
    const cells: string[] = [];
    row.forEach((text, c) => {
      if (c === 0 && r > 0 && row[0] === '' && row.length > 1) return; // covered by a rowspan above
      let rowspan = 1;
      if (c === 0) while (r + rowspan < rows.length && rows[r + rowspan][0] === '' && rows[r + rowspan].length > 1) rowspan++;
      const attrs = (spans[c] > 1 ? ` colspan="${spans[c]}"` : '') + (rowspan > 1 ? ` rowspan=${rowspan}` : '');
      const body = text === '' ? '&nbsp;' : text.split('\n').map((l) => esc(l)).join('<br>\n          ');
      cells.push(`\n        <td${attrs}><p class=MsoNormal><span>${body}</span></p></td>`);
    });
    out.push(`\n      <tr>${cells.join('')}\n      </tr>`);
  }
  return `\n    <table class=MsoTableGrid border=1 cellspacing=0>${out.join('')}\n    </table>`;
}

export function makeHtmlFixtures(): Record<string, Uint8Array> {
  const { preamble, projects } = readSeedRows();
  const body = (ps: SeedProject[]): string =>
    ps.map((p) => `\n    <p class=MsoNormal><b>${esc(p.title)}</b></p>${htmlTable(p.rows)}`).join('\n');
  const page = (charset: string, ps: SeedProject[], pre: string[]): string =>
    `<html xmlns:o="urn:schemas-microsoft-com:office:office">\n<head>\n<meta http-equiv=Content-Type content="text/html; charset=${charset}">\n<title>绩效目标表</title>\n<style>p.MsoNormal {margin:0cm}</style>\n</head>\n<body lang=ZH-CN>\n  <div class=WordSection1>\n${pre.map((t) => `    <p class=MsoNormal>${esc(t)}<o:p></o:p></p>`).join('\n')}\n    <!--[if !supportLists]--><p class=MsoNormal>&nbsp;</p><!--[endif]-->${body(ps)}\n  </div>\n</body>\n</html>\n`;
  return {
    /** All 18 seed projects as Word's "save as web page" writes them, in GB2312. */
    'seed-gb2312.html': new Uint8Array(iconv.encode(page('gb2312', projects, preamble), 'gbk')),
    /** Two projects in UTF-8 with a meta charset. */
    'two-projects-utf8.html': strToU8(page('utf-8', projects.slice(0, 2), preamble.slice(0, 2))),
  };
}
