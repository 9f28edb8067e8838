/**
 * Builds the Word, HTML and bad-file fixtures from code, so each file's intent is readable here.
 *
 *   npx tsx scripts/make-docx-fixtures.ts            # writes fixtures/docx, fixtures/html, fixtures/bad
 *
 * .docx files are written with the `docx` package (a second, independent writer beside the
 * LibreOffice-made fixtures/seed/seed.docx). What `docx` cannot express (field codes split over
 * runs, proofErr, gridBefore, text boxes, tracked paragraph marks …) is injected into its
 * document.xml where a marker run `⟦NAME⟧` stands, with the raw WordprocessingML Word writes.
 * The 200-project document is not committed: `ensureProjects200Docx()` builds it into
 * .bench-cache/docx/ on demand (tests and the bench call it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, strToU8, unzipSync, zipSync, zipSync as fflateZipSync, type Zippable } from 'fflate';
import iconv from 'iconv-lite';
import {
  AlignmentType,
  Bookmark,
  CheckBox,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  InsertedTextRun,
  DeletedTextRun,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  SimpleField,
  SymbolRun,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';

/** The repository root, from scripts/ or from dist/scripts/. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found');
    dir = parent;
  }
  return dir;
}
const ROOT = repoRoot();
const SEED_ROWS = join(ROOT, 'fixtures/seed/seed-rows.txt');

// ---------------------------------------------------------------------------------------------
// The project table shape (from fixtures/seed/seed-rows.txt: one row a line, cells split by TAB)

/** One project of the seed: its title paragraph and its table rows (cell texts; "\n" = new paragraph). */
export interface SeedProject {
  title: string;
  rows: string[][];
}

/** Reads seed-rows.txt: the paragraphs before the first table, and the 18 projects. */
export function readSeedRows(): { preamble: string[]; projects: SeedProject[] } {
  const lines = readFileSync(SEED_ROWS, 'utf8').replace(/\r\n/g, '\n').split('\n');
  const preamble: string[] = [];
  const projects: SeedProject[] = [];
  let open: string[] | null = null; // the row being continued on the next line
  for (const line of lines) {
    if (open) {
      const parts = line.split('\t');
      open[open.length - 1] += '\n' + parts[0];
      if (parts.length > 1) {
        open.push(...parts.slice(1, line.endsWith('\t') ? -1 : undefined));
        if (line.endsWith('\t')) open = null;
      }
      continue;
    }
    if (/绩效目标表 TC /.test(line)) {
      projects.push({ title: line, rows: [] });
      continue;
    }
    if (projects.length === 0) {
      if (line.trim() !== '') preamble.push(line);
      continue;
    }
    if (line === '') continue;
    const complete = line.endsWith('\t');
    const cells = line.split('\t');
    if (complete) cells.pop();
    projects[projects.length - 1].rows.push(cells);
    if (!complete) open = cells;
  }
  return { preamble, projects };
}

/** Grid column widths of the seed's project table (twips). */
const SEED_GRID = [1421, 1366, 1066, 1306, 966, 847, 554];

/** Column spans of a seed-shaped row, by its number of cells (and whether it is the first row). */
function spansFor(n: number, r = 1): number[] {
  switch (n) {
    case 2:
      return r === 0 ? [4, 3] : [1, 6];
    case 4:
      return [1, 1, 1, 4];
    case 5:
      return [1, 1, 1, 1, 3];
    case 6:
      return [1, 1, 1, 1, 1, 2];
    default:
      return Array.from({ length: n }, () => 1);
  }
}

function paragraphs(text: string): Paragraph[] {
  return text.split('\n').map((t) => new Paragraph({ children: t === '' ? [] : [new TextRun(t)] }));
}

/**
 * A project table in the seed's shape: the first cell of a row that is empty and follows a row
 * whose first cell was filled (or continued) becomes a vertical-merge continuation, as Word writes
 * 资金用途 under 预算规模及资金用途 and the 一级指标 column.
 */
export function seedShapedTable(
  rows: string[][],
  spans: (n: number, r: number) => number[] = spansFor,
  cellParagraphs?: (r: number, c: number) => Paragraph[] | undefined,
): Table {
  const merged = rows.map((row, r) => r > 0 && row.length > 1 && row[0] === '' && rows[r - 1][0] !== undefined);
  return new Table({
    columnWidths: SEED_GRID,
    rows: rows.map((row, r) => {
      const sp = spans(row.length, r);
      const continues = merged[r];
      const restarts = !continues && r + 1 < rows.length && merged[r + 1];
      return new TableRow({
        children: row.map(
          (text, c) =>
            new TableCell({
              children: continues && c === 0 ? [new Paragraph({})] : (cellParagraphs?.(r, c) ?? paragraphs(text)),
              columnSpan: sp[c] > 1 ? sp[c] : undefined,
              verticalMerge:
                c === 0 && continues ? VerticalMergeType.CONTINUE : c === 0 && restarts ? VerticalMergeType.RESTART : undefined,
            }),
        ),
      });
    }),
  });
}

// ---------------------------------------------------------------------------------------------
// Packing, and raw WordprocessingML where `docx` has no API

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function marker(name: string): TextRun {
  return new TextRun(`⟦${name}⟧`);
}

/** Replaces the run holding marker ⟦name⟧ (or, with `scope: 'p'`, its paragraph) by raw XML. */
interface Patch {
  name: string;
  scope: 'r' | 'p' | 'tr';
  xml: string;
}

function applyPatches(xml: string, patches: Patch[]): string {
  for (const p of patches) {
    const at = xml.indexOf(`⟦${p.name}⟧`);
    if (at < 0) throw new Error(`marker ⟦${p.name}⟧ not found`);
    const tag = p.scope === 'r' ? 'w:r' : p.scope === 'p' ? 'w:p' : 'w:tr';
    const start = Math.max(xml.lastIndexOf(`<${tag}>`, at), xml.lastIndexOf(`<${tag} `, at));
    const end = xml.indexOf(`</${tag}>`, at) + tag.length + 3;
    xml = xml.slice(0, start) + p.xml + xml.slice(end);
  }
  return xml;
}

type NumberingConfig = ConstructorParameters<typeof Document>[0]['numbering'];

async function pack(
  children: (Paragraph | Table)[],
  patches: Patch[] = [],
  after?: (xml: string) => string,
  numbering?: NumberingConfig,
): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'jxlint fixtures',
    description: 'generated by scripts/make-docx-fixtures.ts',
    footnotes: { 1: { children: [new Paragraph('脚注：含上级转移支付')] } },
    ...(numbering ? { numbering } : {}),
    sections: [{ children }],
  });
  const buffer = await Packer.toBuffer(doc);
  const files = unzipSync(new Uint8Array(buffer));
  let xml = new TextDecoder().decode(files['word/document.xml']);
  xml = applyPatches(xml, patches);
  if (after) xml = after(xml);
  files['word/document.xml'] = strToU8(xml);
  // Fixed timestamps so regenerating gives the same bytes.
  if (files['docProps/core.xml']) {
    const core = new TextDecoder().decode(files['docProps/core.xml']);
    files['docProps/core.xml'] = strToU8(core.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$12024-01-01T00:00:00Z'));
  }
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { mtime: new Date('2024-01-01T00:00:00Z') }];
  return zipSync(zippable, { level: 6 });
}

const r = (text: string, rPr = ''): string => `<w:r>${rPr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
/** A complex field as Word writes it: begin, the instruction split over runs, separate, result, end. */
function complexField(instrParts: string[], result: string[] | null): string {
  const code = instrParts.map((p) => `<w:r><w:instrText xml:space="preserve">${esc(p)}</w:instrText></w:r>`).join('');
  const res = result === null ? '' : `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${result.map((t) => r(t)).join('')}`;
  return `<w:r><w:fldChar w:fldCharType="begin"/></w:r>${code}${res}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
}
const cell = (inner: string, tcPr = ''): string => `<w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/>${tcPr}</w:tcPr>${inner}</w:tc>`;
const para = (inner: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;

// ---------------------------------------------------------------------------------------------
// Projects used by several fixtures

const AGENCY = '316004南堡开发区社会事业保险局';

function seedProjectRows(code: string, name: string, indicators: string[][], goals = '1、居民养老保险财政补贴及时到位'): string[][] {
  return [
    [AGENCY, '单位：万元'],
    ['项目编码', code, '项目名称', name],
    ['预算规模及资金用途', '预算数', '800.00', '其中：财政资金', '800.00', '其他资金', ''],
    ['', '城乡居民养老缴费补贴及待遇补贴'],
    ['资金支出计划（%）', '3月底', '6月底', '10月底', '12月底'],
    ['', '25%', '50%', '75%', '100%'],
    ['绩效目标', goals],
    ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
    ...indicators.map((row) => row.slice()),
  ];
}

const LEGACY_INDICATORS: string[][] = [
  ['产出指标', '数量指标', '享受社会保险补贴人数', '缴费人员和待遇领取人员', '≥12000人', '省市区相关文件'],
  ['', '质量指标', '补贴准确率', '按标准补贴', '≥98%', '省市区相关文件'],
  ['', '时效指标', '资金下达时间', '2020年12月底前下达', '2020年12月底前', '省市区相关文件'],
  ['', '成本指标', '项目成本', '总成本', '≤800万元', '省市区相关文件'],
  ['效益指标', '经济效益指标', '带动参保缴费', '带动个人缴费', '≥300万元', '历史标准'],
  ['', '社会效益指标', '城乡居民养老保险参保率', '参保人数/应参保人数', '≥95%', '行业标准'],
  ['', '生态效益指标', '无纸化办理率', '网上办理业务占比', '≥60%', '计划标准'],
  ['', '可持续影响指标', '长效补贴机制', '补贴制度持续执行', '长期', '计划标准'],
  ['满意度指标', '服务对象满意度指标', '参保居民满意度', '抽样调查参保居民', '≥90%', '行业标准'],
];

const title = (n: number, name: string): Paragraph => new Paragraph({ children: [new TextRun(`${n}、${name}绩效目标表`)] });

// ---------------------------------------------------------------------------------------------
// The fixtures

export const DOCX_FIXTURES: Record<string, () => Promise<Uint8Array>> = {
  /** The seed's 18 project tables rebuilt from seed-rows.txt (same text as seed.docx, another writer). */
  'seed-shape.docx': async () => {
    const { preamble, projects } = readSeedRows();
    const children: (Paragraph | Table)[] = preamble.map((t) => new Paragraph({ children: [new TextRun(t)] }));
    for (const p of projects) children.push(new Paragraph({ children: [new TextRun(p.title)] }), seedShapedTable(p.rows));
    return pack(children);
  },

  /** Merged cells both ways: vMerge down the 一级 column and the label column, gridSpan across, and a 2×2 block. */
  'merged-cells.docx': async () => {
    const block = new Table({
      columnWidths: [1500, 1500, 1500, 1500],
      rows: [
        new TableRow({
          children: [
            new TableCell({ children: [new Paragraph('合并 2×2')], columnSpan: 2, verticalMerge: VerticalMergeType.RESTART }),
            new TableCell({ children: [new Paragraph('C1')] }),
            new TableCell({ children: [new Paragraph('D1')], verticalMerge: VerticalMergeType.RESTART }),
          ],
        }),
        new TableRow({
          children: [
            new TableCell({ children: [new Paragraph({})], columnSpan: 2, verticalMerge: VerticalMergeType.CONTINUE }),
            new TableCell({ children: [new Paragraph('C2')] }),
            new TableCell({ children: [new Paragraph({})], verticalMerge: VerticalMergeType.CONTINUE }),
          ],
        }),
        new TableRow({
          children: ['A3', 'B3', 'C3'].map((t) => new TableCell({ children: [new Paragraph(t)] })).concat(
            new TableCell({ children: [new Paragraph({})], verticalMerge: VerticalMergeType.CONTINUE }),
          ),
        }),
      ],
    });
    return pack([
      title(1, '城乡居民养老保险区财政补贴'),
      seedShapedTable(seedProjectRows('316-1201-JBN-WMEB', '城乡居民养老保险区财政补贴', LEGACY_INDICATORS)),
      new Paragraph('附表'),
      block,
    ]);
  },

  /** Cells of several paragraphs: an empty paragraph inside, a trailing empty one, a soft line break and a tab. */
  'multi-paragraph-cells.docx': async () => {
    const rows = seedProjectRows('316-1202-JBN-B5YG', '城乡居民医疗保险财政补贴', LEGACY_INDICATORS, '⟦GOALS⟧');
    rows[8][3] = '⟦DESC⟧';
    return pack(
      [title(1, '城乡居民医疗保险财政补贴'), seedShapedTable(rows)],
      [
        {
          name: 'GOALS',
          scope: 'p',
          xml: para(r('1、完成参保补贴发放')) + para('') + para(r('2、') + r('完成率') + r('达到100%')) + para(''),
        },
        { name: 'DESC', scope: 'p', xml: para(r('缴费人员') + '<w:r><w:br/></w:r>' + r('待遇领取人员') + '<w:r><w:tab/></w:r>' + r('（人）')) },
      ],
    );
  },

  /** The 2021+ layout (财预〔2021〕101号): 成本指标 as 一级, 指标性质 and 度量单位 columns. */
  'layout-2021.docx': async () => {
    const rows: string[][] = [
      [AGENCY, '单位：万元'],
      ['项目编码', '316-1501-JBN-K8QX', '项目名称', '社区养老服务运营补助'],
      ['预算规模及资金用途', '预算数', '120.00', '其中：财政资金', '120.00', '其他资金', ''],
      ['', '社区养老服务站点运营补助'],
      ['资金支出计划（%）', '3月底', '6月底', '10月底', '12月底'],
      ['', '20%', '50%', '80%', '100%'],
      ['绩效目标', '1、保障12个社区养老服务站正常运营'],
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '指标值设定依据'],
      ['成本指标', '经济成本指标', '站点运营补助', '≤', '120', '万元', '预算支出标准'],
      ['', '社会成本指标', '对周边居民的噪音影响', '定性', '无明显影响', '', '其他标准'],
      ['', '生态环境成本指标', '能耗增加', '≤', '5', '%', '历史标准'],
      ['产出指标', '数量指标', '补助站点数', '=', '12', '个', '计划标准'],
      ['', '质量指标', '服务达标率', '≥', '95', '%', '行业标准'],
      ['', '时效指标', '补助发放时间', '≤', '2022年6月底前', '', '计划标准'],
      ['效益指标', '社会效益指标', '服务老年人人次', '≥', '30000', '人次', '历史标准'],
      ['', '可持续影响指标', '站点持续运营年限', '≥', '3', '年', '计划标准'],
      ['满意度指标', '服务对象满意度指标', '老年人满意度', '≥', '90', '%', '行业标准'],
    ];
    const spans = (n: number, r: number): number[] => (r >= 7 ? Array.from({ length: n }, () => 1) : spansFor(n, r));
    return pack([title(1, '社区养老服务运营补助'), seedShapedTable(rows, spans)]);
  },

  /** Label synonyms other templates use: 项目代码, 年度资金总额, 财政拨款, 年度绩效目标, 目标值, 指标解释, 指标值设定依据. */
  'label-synonyms.docx': async () => {
    const rows: string[][] = [
      [AGENCY, '单位：万元'],
      ['项目代码', '316-0901-JBN-T7PL', '项目名称', '社保经办信息系统运维'],
      ['预算规模及资金用途', '年度资金总额', '45.00', '财政拨款', '45.00', '其他资金', ''],
      ['', '信息系统运行维护'],
      ['资金支出计划（%）', '3月底', '6月底', '10月底', '12月底'],
      ['', '25%', '50%', '75%', '100%'],
      ['年度绩效目标', '1、保障社保信息系统全年稳定运行'],
      ['一级指标', '二级指标', '三级指标', '指标解释', '目标值', '指标值设定依据'],
      ['产出指标', '数量指标', '运维服务器台数', '纳入运维的服务器', '≥20台', '计划标准'],
      ['', '质量指标', '系统可用率', '全年可用时长占比', '≥99%', '行业标准'],
      ['', '时效指标', '故障响应时间', '接报到响应', '≤2小时', '行业标准'],
      ['', '成本指标', '运维费用', '合同金额', '≤45万元', '预算支出标准'],
      ['效益指标', '社会效益指标', '业务办理不中断', '系统故障导致停办天数', '≤1天', '历史标准'],
      ['满意度指标', '服务对象满意度指标', '经办人员满意度', '问卷调查', '≥90%', '行业标准'],
    ];
    return pack([title(1, '社保经办信息系统运维'), seedShapedTable(rows)]);
  },

  /**
   * Field codes: a TOC field with cached entries, TC fields whose instruction is split over runs
   * (kept as text like Word's text export), a TC fldSimple, a MERGEFIELD fldSimple with a result,
   * PAGE, an IF field with a DOCPROPERTY field nested in its code, and a checked FORMCHECKBOX.
   */
  'field-codes.docx': async () => {
    const rows = seedProjectRows('316-1201-JBN-WMEB', '⟦MERGE⟧', LEGACY_INDICATORS);
    rows[6][1] = '⟦CHECK⟧';
    return pack(
      [
        new Paragraph({ children: [marker('TOC')] }),
        new Paragraph({ children: [new TextRun('1、城乡居民养老保险区财政补贴绩效目标表'), marker('TC1')] }),
        seedShapedTable(rows),
        new Paragraph({ children: [new TextRun('2、城乡居民医疗保险财政补贴绩效目标表'), marker('TC2')] }),
        new Paragraph({ children: [new TextRun('第'), marker('PAGE'), new TextRun('页'), marker('IF')] }),
      ],
      [
        {
          name: 'TOC',
          scope: 'p',
          xml:
            para(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\f C \\h \\z </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('9、城乡居民养老保险区财政补贴绩效目标表')}<w:r><w:tab/></w:r>${r('3')}`) +
            para(`${r('10、城乡居民医疗保险财政补贴绩效目标表')}<w:r><w:tab/></w:r>${r('5')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`),
        },
        { name: 'TC1', scope: 'r', xml: complexField([' TC "9、城乡居民养老', '保险区财政补贴绩效目标表" ', '\\f C \\l 1 '], null) },
        { name: 'TC2', scope: 'r', xml: `<w:fldSimple w:instr=" TC &quot;10、城乡居民医疗保险财政补贴绩效目标表&quot; \\f C \\l 1 "/>` },
        {
          name: 'MERGE',
          scope: 'r',
          xml: `<w:fldSimple w:instr=" MERGEFIELD 项目名称 \\* MERGEFORMAT ">${r('城乡居民养老保险区财政补贴')}</w:fldSimple>`,
        },
        { name: 'PAGE', scope: 'r', xml: complexField([' PAGE '], ['3']) },
        {
          name: 'IF',
          scope: 'r',
          xml:
            `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>` +
            complexField([' DOCPROPERTY Company '], ['南堡开发区']) +
            `<w:r><w:instrText xml:space="preserve"> = "" "" "（已审核）" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('（已审核）')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
        },
        {
          name: 'CHECK',
          scope: 'r',
          xml:
            r('1、按时足额发放 ') +
            `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/><w:checkBox><w:sizeAuto/><w:default w:val="0"/><w:checked/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
            r(' 已完成'),
        },
      ],
    );
  },

  /**
   * Automatic numbering (自动编号): department headings 一、二、 (chineseCounting), （1）（2） items,
   * a bullet list, and goals numbered 1、2、3、 by Word inside the 绩效目标 cell — the second table's
   * goals start again at 1 (another instance of the same list).
   */
  'numbered-lists.docx': async () => {
    const numbered = (text: string, reference: string, instance?: number): Paragraph =>
      new Paragraph({ children: [new TextRun(text)], numbering: { reference, level: 0, ...(instance ? { instance } : {}) } });
    const goals = (instance: number) => (r: number, c: number): Paragraph[] | undefined =>
      r === 6 && c === 1 ? ['完成参保补贴发放', '补贴准确率达到98%', '资金按时到位'].map((g) => numbered(g, 'goals', instance)) : undefined;
    return pack(
      [
        numbered('总体绩效目标', 'heading'),
        numbered('全面开展参保登记', 'item'),
        numbered('完成养老保险扩面征缴任务', 'item'),
        numbered('分项绩效目标', 'heading'),
        new Paragraph({ children: [new TextRun('要点：')] }),
        new Paragraph({ children: [new TextRun('按时拨付')], bullet: { level: 0 } }),
        new Paragraph({ children: [new TextRun('足额到位')], bullet: { level: 0 } }),
        title(1, '城乡居民养老保险区财政补贴'),
        seedShapedTable(seedProjectRows('316-1201-JBN-WMEB', '城乡居民养老保险区财政补贴', LEGACY_INDICATORS), spansFor, goals(1)),
        title(2, '城乡居民医疗保险财政补贴'),
        seedShapedTable(seedProjectRows('316-1202-JBN-B5YG', '城乡居民医疗保险财政补贴', LEGACY_INDICATORS), spansFor, goals(2)),
      ],
      [],
      undefined,
      {
        config: [
          { reference: 'heading', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', suffix: LevelSuffix.NOTHING }] },
          { reference: 'item', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '（%1）', suffix: LevelSuffix.NOTHING }] },
          { reference: 'goals', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1、', suffix: LevelSuffix.NOTHING }] },
        ],
      },
    );
  },

  /** A nested table: the spend plan written as a small table inside the 资金支出计划 cell. */
  'nested-table.docx': async () => {
    const rows = seedProjectRows('316-1401-JBN-Q23T', '大学生见习工资及办公经费', LEGACY_INDICATORS);
    const table = seedShapedTable(rows.slice(0, 4).concat([['资金支出计划（%）', '⟦NESTED⟧']], rows.slice(6)), (n, r) =>
      r === 4 ? [1, 6] : spansFor(n, r),
    );
    const nested =
      `<w:tbl><w:tblPr><w:tblW w:w="4000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid>` +
      `<w:tr>${['3月底', '6月底', '10月底', '12月底'].map((t) => cell(para(r(t)))).join('')}</w:tr>` +
      `<w:tr>${['25%', '50%', '75%', '100%'].map((t) => cell(para(r(t)))).join('')}</w:tr>` +
      `<w:tr>${cell(para(r('合计')), '<w:gridSpan w:val="3"/>')}${cell(para(r('100%')))}</w:tr></w:tbl>`;
    return pack([title(1, '大学生见习工资及办公经费'), table], [{ name: 'NESTED', scope: 'p', xml: para(r('按月累计：')) + nested + para('') }]);
  },

  /** Empty cells: blank 其他资金 and months, blank indicator cells, a row of empty cells, a cell of empty paragraphs. */
  'empty-cells.docx': async () => {
    const rows = seedProjectRows('316-1204-JBN-E0MP', '社保稽核工作经费', LEGACY_INDICATORS);
    rows[5] = ['', '', '', '', '100%'];
    rows[9] = ['', '质量指标', '', '', '', ''];
    rows[10] = ['', '', '', '', '', ''];
    rows[11][4] = '\n\n';
    return pack([title(1, '社保稽核工作经费'), seedShapedTable(rows)]);
  },

  /** Tracked changes: inserted and deleted runs, a deleted paragraph mark, a deleted row, moved text. */
  'tracked-changes.docx': async () => {
    const rows = seedProjectRows('316-1502-JBN-R2CH', '优抚对象医疗补助', LEGACY_INDICATORS, '⟦GOALS⟧');
    rows[9][4] = '⟦VALUE⟧';
    rows.splice(12, 0, ['', '⟦DELETED-ROW⟧', '', '', '', '']);
    const rev = { id: 1, author: '审核人', date: '2024-03-01T09:00:00Z' };
    const t = seedShapedTable(rows);
    return pack(
      [
        title(1, '优抚对象医疗补助'),
        t,
        new Paragraph({
          children: [new TextRun('资金'), new DeletedTextRun({ ...rev, id: 7, text: '按季度' }), new InsertedTextRun({ ...rev, id: 8, text: '按月' }), new TextRun('拨付')],
        }),
        new Paragraph({ children: [marker('MOVE')] }),
      ],
      [
        {
          name: 'GOALS',
          scope: 'p',
          // The first paragraph's mark is deleted: it joins the next paragraph.
          xml:
            para(r('1、及时支付'), `<w:rPr><w:del w:id="2" w:author="审核人" w:date="2024-03-01T09:00:00Z"/></w:rPr>`) +
            para(r('优抚对象医疗补助')) +
            para(`<w:ins w:id="3" w:author="审核人" w:date="2024-03-01T09:00:00Z">${r('2、支付率100%')}</w:ins>`),
        },
        {
          name: 'VALUE',
          scope: 'p',
          xml: para(
            `<w:del w:id="4" w:author="审核人" w:date="2024-03-01T09:00:00Z"><w:r><w:delText>≥90%</w:delText></w:r></w:del><w:ins w:id="5" w:author="审核人" w:date="2024-03-01T09:00:00Z">${r('≥98%')}</w:ins>`,
          ),
        },
        {
          name: 'DELETED-ROW',
          scope: 'tr',
          xml: `<w:tr><w:trPr><w:del w:id="6" w:author="审核人" w:date="2024-03-01T09:00:00Z"/></w:trPr>${cell(para(''), '<w:vMerge/>')}${['删除的指标', '', '', '', ''].map((x) => cell(para(`<w:del w:id="9" w:author="审核人" w:date="2024-03-01T09:00:00Z"><w:r><w:delText>${x}</w:delText></w:r></w:del>`))).join('')}</w:tr>`,
        },
        {
          name: 'MOVE',
          scope: 'p',
          xml: para(
            `<w:moveFrom w:id="10" w:author="审核人" w:date="2024-03-01T09:00:00Z"><w:r><w:t>（旧位置）</w:t></w:r></w:moveFrom>${r('备注：')}<w:moveTo w:id="11" w:author="审核人" w:date="2024-03-01T09:00:00Z">${r('资金专款专用')}</w:moveTo>`,
          ),
        },
      ],
    );
  },

  /**
   * WordprocessingML as Word really writes it: runs split mid-word with proofErr, rsids and
   * bookmarks (one between table rows), smartTag and customXml wrappers, content controls around a
   * paragraph, a run, a row and a cell, a check box content control, a Wingdings symbol, w:cr and a
   * non-breaking hyphen, a hyperlink, a row with gridBefore/gridAfter, a text box (VML fallback of
   * mc:AlternateContent), a bare drawing and a footnote reference.
   */
  'wordml-quirks.docx': async () => {
    const split =
      `<w:r w:rsidR="00A1"><w:t>城乡居</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="项目名称"/><w:r w:rsidRPr="00B2"><w:t>民养老</w:t></w:r><w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/>` +
      `<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place"><w:r><w:t>保险</w:t></w:r></w:smartTag><w:customXml w:element="x"><w:r><w:t>区财政</w:t></w:r></w:customXml><w:r><w:t>补贴</w:t></w:r>`;
    const row = (cells: string[]): string => `<w:tr>${cells.map((c) => cell(para(r(c)))).join('')}</w:tr>`;
    const table =
      `<w:tbl><w:tblPr><w:tblW w:w="6000" w:type="dxa"/></w:tblPr><w:tblGrid>${'<w:gridCol w:w="1500"/>'.repeat(4)}</w:tblGrid>` +
      row(['项目编码', '316-1201-JBN-WMEB', '项目名称', '城乡居民养老保险区财政补贴']) +
      `<w:bookmarkStart w:id="1" w:name="行书签"/>` +
      `<w:tr>${cell(para(r('预算数')), '<w:vMerge w:val="restart"/>')}${cell(para(split))}${cell(para(r('A‑1') + '<w:r><w:noBreakHyphen/></w:r>' + r('2')))}${cell(para(`<w:hyperlink w:anchor="项目名称" w:history="1">${r('链接文字')}</w:hyperlink>`))}</w:tr>` +
      `<w:bookmarkEnd w:id="1"/>` +
      `<w:tr>${cell(para(''), '<w:vMerge/>')}${cell(para(`<w:sdt><w:sdtPr><w:alias w:val="金额"/></w:sdtPr><w:sdtContent>${r('800.00')}</w:sdtContent></w:sdt>`))}<w:sdt><w:sdtPr/><w:sdtContent>${cell(para(r('单元格控件')))}</w:sdtContent></w:sdt>${cell(para(`<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic"/></w:rPr><w:t>☒</w:t></w:r></w:sdtContent></w:sdt>` + r(' 已公开')))}</w:tr>` +
      `<w:sdt><w:sdtPr/><w:sdtContent>${row(['控件行', '甲', '乙', '丙'])}</w:sdtContent></w:sdt>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>${cell(para(r('缩进')))}${cell(para(r('的行')))}</w:tr>` +
      `<w:tr>${cell(para('<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>' + r('符号')))}${cell(para(r('第一行') + '<w:r><w:cr/></w:r>' + r('第二行')))}${cell(para(r('脚注见下')))}${cell(para(r('图') + '<w:r><w:drawing><wp:inline><wp:docPr w:id="1" name="图片"/></wp:inline></w:drawing></w:r>'))}</w:tr>` +
      `</w:tbl>`;
    const textBox =
      para(
        r('盖章处') +
          `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:txbx><w:txbxContent>${para(r('（DrawingML 文本框）'))}</w:txbxContent></wps:txbx></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${para(r('南堡开发区社会事业保险局（章）'))}${para(r('2020年1月'))}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
          r('（签字）'),
      );
    const block = `<w:sdt><w:sdtPr><w:alias w:val="说明"/></w:sdtPr><w:sdtContent>${para(r('控件中的段落'))}</w:sdtContent></w:sdt>`;
    return pack(
      [new Paragraph({ children: [marker('BODY')] }), new Paragraph({ children: [new TextRun('资金来源'), new FootnoteReferenceRun(1), new TextRun('为区级财政')] })],
      [{ name: 'BODY', scope: 'p', xml: block + para(split) + table + textBox }],
      (xml) =>
      xml.replace(
        /<w:document ([^>]*)>/,
        (m, attrs: string) =>
          `<w:document ${attrs}${attrs.includes('xmlns:w14=') ? '' : ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'}${attrs.includes('xmlns:mc=') ? '' : ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'}${attrs.includes('xmlns:v=') ? '' : ' xmlns:v="urn:schemas-microsoft-com:vml"'}${attrs.includes('xmlns:wp=') ? '' : ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'}${attrs.includes('xmlns:wps=') ? '' : ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'}${attrs.includes('xmlns:r=') ? '' : ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'}>`,
      ),
    );
  },
};

// Symbols the docx package can write natively, kept out of `wordml-quirks` so both paths are covered.
void [AlignmentType, Bookmark, CheckBox, ExternalHyperlink, SimpleField, SymbolRun, WidthType];

// ---------------------------------------------------------------------------------------------
// The 200-project document (generated into the bench cache)

const CACHE = join(ROOT, '.bench-cache/docx');
export const PROJECTS_200 = join(CACHE, 'projects-200.docx');

/** A 4-character suffix like the seed's (WMEB, B5YG …), deterministic per index. */
function suffix(i: number): string {
  const A = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  let x = (i * 2654435761) >>> 0;
  let s = '';
  for (let k = 0; k < 4; k++) (s += A[x % A.length]), (x = Math.floor(x / A.length) + k * 7919);
  return s;
}

/** The seed's 18 tables repeated to `count` projects, each with its own code and ordinal. */
export async function makeProjectsDocx(count: number): Promise<Uint8Array> {
  const { preamble, projects } = readSeedRows();
  const children: (Paragraph | Table)[] = preamble.map((t) => new Paragraph({ children: [new TextRun(t)] }));
  for (let i = 0; i < count; i++) {
    const p = projects[i % projects.length];
    const rows = p.rows.map((row) => row.slice());
    rows[1][1] = rows[1][1].replace(/-[0-9A-Z]{4}$/, `-${suffix(i)}`);
    const name = /^\d+、(.*)绩效目标表 TC/.exec(p.title)?.[1] ?? '项目';
    children.push(new Paragraph({ children: [new TextRun(`${i + 1}、${name}绩效目标表 TC ${i + 9}、${name}绩效目标表 \\f C \\l 1`)] }));
    children.push(seedShapedTable(rows));
  }
  return pack(children);
}

/** Builds .bench-cache/docx/projects-200.docx if it is missing; returns its path. */
export async function ensureProjects200Docx(): Promise<string> {
  if (!existsSync(PROJECTS_200)) {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(PROJECTS_200, await makeProjectsDocx(200));
  }
  return PROJECTS_200;
}

// ---------------------------------------------------------------------------------------------
// HTML fixtures

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

// ---------------------------------------------------------------------------------------------
// Bad files

/** A ZIP whose central directory declares what we like (for the zip-bomb fixtures). */
function rawZip(entries: { name: string; data: Uint8Array; declaredSize: number; method: 0 | 8; flags?: number }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const enc = new TextEncoder();
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const dv = new DataView(local.buffer);
    dv.setUint32(0, 0x04034b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, e.flags ?? 0, true);
    dv.setUint16(8, e.method, true);
    dv.setUint32(18, e.data.length, true);
    dv.setUint32(22, e.declaredSize >>> 0, true);
    dv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, e.flags ?? 0, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.declaredSize >>> 0, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    parts.push(local, e.data);
    central.push(cd);
    offset += local.length + e.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, eocd];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of all) (out.set(c, o), (o += c.length));
  return out;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const docXml = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`;

/** A minimal OLE2 compound file holding the given streams (each padded to ≥ 4096 bytes, so no mini stream). */
function compoundFile(streams: { name: string; data: Uint8Array }[]): Uint8Array {
  const SECTOR = 512;
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const d = new Uint8Array(size);
    d.set(s.data);
    return { name: s.name, data: d, size: s.data.length < 4096 ? 4096 : s.data.length };
  });
  const dataSectors = padded.reduce((n, s) => n + s.data.length / SECTOR, 0);
  const total = 2 + dataSectors; // FAT, directory, streams
  const out = new Uint8Array(SECTOR * (1 + total));
  const dv = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  dv.setUint16(24, 0x3e, true);
  dv.setUint16(26, 3, true);
  dv.setUint16(28, 0xfffe, true);
  dv.setUint16(30, 9, true);
  dv.setUint16(32, 6, true);
  dv.setUint32(44, 1, true); // FAT sectors
  dv.setUint32(48, 1, true); // first directory sector
  dv.setUint32(56, 4096, true);
  dv.setUint32(60, 0xfffffffe, true);
  dv.setUint32(68, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) dv.setUint32(76 + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = (i: number, v: number): void => dv.setUint32(SECTOR + i * 4, v, true);
  for (let i = 0; i < SECTOR / 4; i++) fat(i, 0xffffffff);
  fat(0, 0xfffffffd);
  fat(1, 0xfffffffe);
  let sector = 2;
  const starts: number[] = [];
  for (const s of padded) {
    starts.push(sector);
    const n = s.data.length / SECTOR;
    for (let k = 0; k < n; k++) fat(sector + k, k === n - 1 ? 0xfffffffe : sector + k + 1);
    out.set(s.data, SECTOR * (1 + sector));
    sector += n;
  }
  const dir = (i: number, name: string, type: number, start: number, size: number, child = 0xffffffff, right = 0xffffffff): void => {
    const o = SECTOR * 2 + i * 128;
    for (let k = 0; k < name.length; k++) dv.setUint16(o + k * 2, name.charCodeAt(k), true);
    dv.setUint16(o + 64, (name.length + 1) * 2, true);
    out[o + 66] = type;
    out[o + 67] = 1;
    dv.setUint32(o + 68, 0xffffffff, true);
    dv.setUint32(o + 72, right, true);
    dv.setUint32(o + 76, child, true);
    dv.setUint32(o + 116, start, true);
    dv.setUint32(o + 120, size, true);
  };
  dir(0, 'Root Entry', 5, 0xfffffffe, 0, 1);
  padded.forEach((s, i) => dir(i + 1, s.name, 2, starts[i], s.size, 0xffffffff, i + 2 < padded.length + 1 ? i + 2 : 0xffffffff));
  return out;
}

/** Deterministic pseudo-random bytes. */
function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

export function makeBadFixtures(): Record<string, Uint8Array> {
  const zipSync = (files: Zippable): Uint8Array => fflateZipSync(files, { mtime: new Date('2024-01-01T00:00:00Z') });
  const seed = new Uint8Array(readFileSync(join(ROOT, 'fixtures/seed/seed.docx')));
  const spaces = (n: number): Uint8Array => {
    const head = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t xml:space="preserve">`);
    const tail = strToU8('</w:t></w:r></w:p></w:body></w:document>');
    const out = new Uint8Array(head.length + n + tail.length).fill(0x20);
    out.set(head);
    out.set(tail, head.length + n);
    return out;
  };
  const MiB = 1024 * 1024;
  const small = strToU8(docXml('<w:p><w:r><w:t>绩效目标表</w:t></w:r></w:p>'));
  const ratioBomb = spaces(20 * MiB);
  const lying = spaces(80 * MiB);
  return {
    /** Zero bytes. */
    'empty.docx': new Uint8Array(0),
    /** The first half of seed.docx: the central directory is missing. */
    'truncated.docx': seed.slice(0, Math.floor(seed.length / 2)),
    /** Random bytes with NULs: no format at all. */
    'garbage.docx': noise(4096, 42),
    /** A valid ZIP with no word/document.xml. */
    'no-document-xml.docx': zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'docProps/app.xml': strToU8('<Properties/>') }),
    /** An Excel workbook renamed .docx. */
    'excel-renamed.docx': zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'xl/workbook.xml': strToU8('<workbook/>') }),
    /** 1 KB on disk, but the central directory declares word/document.xml as 4 GiB − 2 bytes. */
    'zip-bomb-declared.docx': rawZip([
      { name: '[Content_Types].xml', data: strToU8(CONTENT_TYPES), declaredSize: CONTENT_TYPES.length, method: 0 },
      { name: '_rels/.rels', data: strToU8(ROOT_RELS), declaredSize: ROOT_RELS.length, method: 0 },
      { name: 'word/document.xml', data: deflateSync(small), declaredSize: 0xfffffffe, method: 8 },
    ]),
    /** 20 MiB of spaces deflated to ~20 KB: a ratio of ~1000:1 (limit 200:1). */
    'zip-bomb-ratio.docx': rawZip([
      { name: '[Content_Types].xml', data: strToU8(CONTENT_TYPES), declaredSize: CONTENT_TYPES.length, method: 0 },
      { name: 'word/document.xml', data: deflateSync(ratioBomb, { level: 9 }), declaredSize: ratioBomb.length, method: 8 },
    ]),
    /** Declares 2 KiB but inflates to 80 MiB: caught while inflating. */
    'zip-bomb-lying.docx': rawZip([
      { name: '[Content_Types].xml', data: strToU8(CONTENT_TYPES), declaredSize: CONTENT_TYPES.length, method: 0 },
      { name: 'word/document.xml', data: deflateSync(lying, { level: 9 }), declaredSize: 2048, method: 8 },
    ]),
    /** A document.xml with an internal DTD and an entity (billion-laughs shape, one level). */
    'doctype-entity.docx': zipSync({
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(ROOT_RELS),
      'word/document.xml': strToU8(
        `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`,
      ),
    }),
    /** An encrypted .docx: an OLE2 compound file holding EncryptionInfo and EncryptedPackage. */
    'encrypted.docx': compoundFile([
      { name: 'EncryptionInfo', data: Uint8Array.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...strToU8('<?xml version="1.0"?><encryption/>')]) },
      { name: 'EncryptedPackage', data: noise(8192, 7) },
    ]),
    /** An OLE2 compound file that is not a Word document (no WordDocument stream). */
    'not-word.doc': compoundFile([{ name: 'Workbook', data: noise(4096, 9) }]),
    /** An RTF file named .doc. */
    'rtf-renamed.doc': strToU8('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}}\\f0 \\u32489?\\u25928? }'),
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const write = (dir: string, files: Record<string, Uint8Array>): void => {
    mkdirSync(join(ROOT, dir), { recursive: true });
    for (const [name, data] of Object.entries(files)) {
      writeFileSync(join(ROOT, dir, name), data);
      console.log(`${dir}/${name}  ${data.length} bytes`);
    }
  };
  const docx: Record<string, Uint8Array> = {};
  for (const [name, make] of Object.entries(DOCX_FIXTURES)) docx[name] = await make();
  write('fixtures/docx', docx);
  write('fixtures/html', makeHtmlFixtures());
  write('fixtures/bad', makeBadFixtures());
  console.log(`${await ensureProjects200Docx()} (bench cache, not committed)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
