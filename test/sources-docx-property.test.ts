/**
 * The differential test on generated WordprocessingML: fast-check builds random documents —
 * paragraphs of runs split anywhere, tabs, breaks, symbols, tracked insertions and deletions,
 * deleted paragraph marks, hyperlinks, smart tags, content controls, bookmarks, proofing marks,
 * simple and complex fields (nested, TC, check boxes), and tables with consistent horizontal and
 * vertical merges, gridBefore/gridAfter, deleted rows, row-level content controls and nested
 * tables — and the streaming reader (both tokenizers) must give exactly what mammoth gives.
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocxMammoth } from '../src/sources/docx/mammoth.js';
import { readDocxStream } from '../src/sources/docx/stream.js';
import { saxesSink } from './helpers/saxes-sink.js';
import { DEFAULT_ZIP_LIMITS } from '../src/sources/zip-guard.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const text = fc.stringMatching(/^[ 一二绩效目标≥%0-9A-Za-z&<>、，“”\t-]{0,6}$/);
const t = text.map((s) => `<w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r>`);
const leaf = fc.oneof(
  { weight: 6, arbitrary: t },
  { weight: 1, arbitrary: fc.constantFrom('<w:r><w:tab/></w:r>', '<w:r><w:br/></w:r>', '<w:r><w:cr/></w:r>', '<w:r><w:br w:type="page"/></w:r>', '<w:r><w:noBreakHyphen/></w:r>', '<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>', '<w:proofErr w:type="spellStart"/>', '<w:bookmarkStart w:id="1" w:name="b"/>', '<w:bookmarkEnd w:id="1"/>', '<w:r><w:lastRenderedPageBreak/></w:r>') },
  { weight: 1, arbitrary: text.map((s) => `<w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>${esc(s)}</w:delText></w:r></w:del>`) },
  { weight: 1, arbitrary: text.map((s) => `<w:moveFrom w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:t>${esc(s)}</w:t></w:r></w:moveFrom>`) },
);
const inline: fc.Arbitrary<string> = fc.letrec<{ inline: string }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 8, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(tie('inline'), { maxLength: 3 }).map((xs) => `<w:ins w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z">${xs.join('')}</w:ins>`) },
    { weight: 1, arbitrary: fc.array(tie('inline'), { maxLength: 3 }).map((xs) => `<w:hyperlink w:anchor="x">${xs.join('')}</w:hyperlink>`) },
    { weight: 1, arbitrary: fc.array(tie('inline'), { maxLength: 3 }).map((xs) => `<w:smartTag w:element="place">${xs.join('')}</w:smartTag>`) },
    { weight: 1, arbitrary: fc.array(tie('inline'), { maxLength: 3 }).map((xs) => `<w:sdt><w:sdtPr/><w:sdtContent>${xs.join('')}</w:sdtContent></w:sdt>`) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.boolean(), fc.array(tie('inline'), { maxLength: 2 })).map(
        ([checked, xs]) => `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/></w14:checkbox></w:sdtPr><w:sdtContent>${xs.join('')}</w:sdtContent></w:sdt>`,
      ),
    },
    { weight: 1, arbitrary: fc.array(tie('inline'), { maxLength: 3 }).map((xs) => `<w:customXml w:element="x">${xs.join('')}</w:customXml>`) },
    { weight: 1, arbitrary: fc.array(tie('inline'), { maxLength: 3 }).map((xs) => `<w:dir w:val="ltr">${xs.join('')}</w:dir>`) },
    { weight: 1, arbitrary: fc.array(tie('inline'), { maxLength: 3 }).map((xs) => `<w:moveTo w:id="4" w:author="a" w:date="2024-01-01T00:00:00Z">${xs.join('')}</w:moveTo>`) },
    {
      weight: 1,
      arbitrary: fc.array(fc.array(leaf, { maxLength: 3 }), { minLength: 1, maxLength: 2 }).map(
        (ps) =>
          `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${ps.map((xs) => `<w:p>${xs.join('')}</w:p>`).join('')}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(' PAGE ', ' MERGEFIELD 名称 ', ' TC "9、项目绩效目标表" \\f C \\l 1 '), fc.array(t, { maxLength: 2 })).map(
        ([instr, xs]) => `<w:fldSimple w:instr="${esc(instr).replace(/"/g, '&quot;')}">${xs.join('')}</w:fldSimple>`,
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom([' PAGE '], [' TC "9、', '项目绩效目标表" \\l 1 '], [' FORMCHECKBOX '], [' IF ', ' = 1 "a" "b" ']), fc.option(fc.array(tie('inline'), { maxLength: 2 })))
        .map(
          ([instr, result]) =>
            `<w:r><w:fldChar w:fldCharType="begin">${instr[0] === ' FORMCHECKBOX ' ? '<w:ffData><w:checkBox><w:default w:val="1"/></w:checkBox></w:ffData>' : ''}</w:fldChar></w:r>` +
            instr.map((i) => `<w:r><w:instrText xml:space="preserve">${esc(i)}</w:instrText></w:r>`).join('') +
            (result === null ? '' : `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${result.join('')}`) +
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        ),
    },
  ),
})).inline;

const DELETED_MARK = '<w:pPr><w:rPr><w:del w:id="3" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>';
const PLAIN_MARK = '<w:pPr><w:jc w:val="left"/></w:pPr>';
/** Paragraph properties: plain, a deleted mark, automatic numbering (by numPr or by style), none at all. */
const mark = fc.oneof(
  { weight: 8, arbitrary: fc.constant(PLAIN_MARK) },
  { weight: 1, arbitrary: fc.constant(DELETED_MARK) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('1', '2', '3', '0'), fc.integer({ min: 0, max: 2 }))
      .map(([numId, ilvl]) => `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>`),
  },
  { weight: 1, arbitrary: fc.constantFrom('<w:pPr><w:pStyle w:val="Numbered"/></w:pPr>', '<w:pPr/>', '') },
);
const paragraph = fc.tuple(fc.array(inline, { maxLength: 5 }), mark).map(([xs, m]) => `<w:p>${m}${xs.join('')}</w:p>`);

/**
 * As in real documents: a deleted paragraph mark joins its paragraph to a following paragraph of
 * the same story (never the last paragraph of a cell, never one followed by a table), and a cell
 * ends with a paragraph.
 */
function realistic(items: string[], endsWithParagraph: boolean): string[] {
  const out = items.slice();
  if (endsWithParagraph && (out.length === 0 || !out[out.length - 1].startsWith('<w:p>'))) out.push('<w:p/>');
  return out.map((x, i) => (x.startsWith(`<w:p>${DELETED_MARK}`) && !(out[i + 1] ?? '').startsWith('<w:p>') ? x.replace(DELETED_MARK, PLAIN_MARK) : x));
}

/** A table whose merges are consistent: a grid of cells, each spanning 1–2 columns and 1–3 rows. */
function table(depth: number): fc.Arbitrary<string> {
  const content = (
    depth > 0 ? fc.array(fc.oneof({ weight: 4, arbitrary: paragraph }, { weight: 1, arbitrary: table(depth - 1) }), { minLength: 1, maxLength: 3 }) : fc.array(paragraph, { minLength: 1, maxLength: 2 })
  ).map((items) => realistic(items, true));
  return fc
    .record({
      cols: fc.integer({ min: 1, max: 4 }),
      rows: fc.integer({ min: 1, max: 4 }),
      seeds: fc.array(fc.nat(1000), { minLength: 40, maxLength: 40 }),
      contents: fc.array(content, { minLength: 16, maxLength: 16 }),
    })
    .map(({ cols, rows, seeds, contents }) => {
      let s = 0;
      const next = (): number => seeds[s++ % seeds.length];
      // covered[r][c]: 'free' | 'origin' | 'below' (a vMerge continuation) ; spans decided per origin.
      const owner: (null | { r: number; c: number; span: number })[][] = Array.from({ length: rows }, () => Array(cols).fill(null));
      let k = 0;
      const out: string[] = [];
      for (let r = 0; r < rows; r++) {
        const gridBefore = r > 0 && next() % 7 === 0 && owner[r][0] === null ? 1 : 0;
        const cells: string[] = [];
        let c = gridBefore;
        while (c < cols) {
          const above = owner[r][c];
          if (above) {
            cells.push(`<w:tc><w:tcPr><w:tcW w:w="500" w:type="dxa"/>${above.span > 1 ? `<w:gridSpan w:val="${above.span}"/>` : ''}<w:vMerge/></w:tcPr><w:p/></w:tc>`);
            c += above.span;
            continue;
          }
          let span = next() % 3 === 0 ? 2 : 1;
          while (c + span > cols || (span === 2 && owner[r][c + 1])) span--;
          const down = next() % 4 === 0 ? 1 + (next() % 2) : 0;
          for (let d = 1; d <= down && r + d < rows; d++) for (let x = 0; x < span; x++) owner[r + d][c + x] = { r, c, span };
          const merged = down > 0 && r + 1 < rows ? '<w:vMerge w:val="restart"/>' : '';
          cells.push(`<w:tc><w:tcPr><w:tcW w:w="500" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merged}</w:tcPr>${contents[k++ % contents.length].join('')}</w:tc>`);
          c += span;
        }
        const gridAfter = next() % 11 === 0 ? 1 : 0;
        const deleted = next() % 13 === 0 && !owner.slice(r + 1).some((row) => row.some((o) => o && o.r === r));
        const trPr =
          gridBefore || gridAfter || deleted
            ? `<w:trPr>${gridBefore ? `<w:gridBefore w:val="${gridBefore}"/>` : ''}${gridAfter ? `<w:gridAfter w:val="${gridAfter}"/>` : ''}${deleted ? '<w:del w:id="5" w:author="a" w:date="2024-01-01T00:00:00Z"/>' : ''}</w:trPr>`
            : '';
        const row = `<w:tr>${trPr}${cells.join('')}</w:tr>`;
        const wrap = next() % 9;
        out.push(wrap === 0 ? `<w:sdt><w:sdtPr/><w:sdtContent>${row}</w:sdtContent></w:sdt>` : wrap === 1 ? `<w:bookmarkStart w:id="9" w:name="r"/>${row}<w:bookmarkEnd w:id="9"/>` : row);
      }
      return `<w:tbl><w:tblPr/><w:tblGrid>${'<w:gridCol w:w="500"/>'.repeat(cols)}</w:tblGrid>${out.join('')}</w:tbl>`;
    });
}

const body = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: paragraph },
    { weight: 1, arbitrary: table(2) },
    { weight: 1, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 2 }).map((ps) => `<w:sdt><w:sdtPr/><w:sdtContent>${realistic(ps, true).join('')}</w:sdtContent></w:sdt><w:p/>`) },
    {
      weight: 1,
      arbitrary: fc.array(fc.array(t, { maxLength: 2 }), { minLength: 1, maxLength: 3 }).map(
        (entries) =>
          `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${entries[0].join('')}</w:p>` +
          entries.slice(1).map((xs) => `<w:p>${xs.join('')}</w:p>`).join('') +
          '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
      ),
    },
  ),
  { minLength: 1, maxLength: 6 },
);

function docx(bodyXml: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'word/numbering.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">` +
        `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%2）"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:suff w:val="space"/></w:lvl></w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
        `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>`,
    ),
    'word/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Numbered"><w:name w:val="Numbered"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>`,
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>${bodyXml}<w:p/></w:body></w:document>`,
    ),
  });
}

describe('generated WordprocessingML', () => {
  it('streaming reader (scanner and saxes) = mammoth reader', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (blocks) => {
        const bytes = docx(realistic(blocks, false).join(''));
        const stream = readDocxStream(bytes, DEFAULT_ZIP_LIMITS);
        expect(readDocxStream(bytes, DEFAULT_ZIP_LIMITS, saxesSink)).toEqual(stream);
        expect(await readDocxMammoth(bytes, DEFAULT_ZIP_LIMITS)).toEqual(stream);
      }),
      { numRuns: 150, seed: 424242 },
    );
  });
});
