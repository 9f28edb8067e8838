/**
 * The Word fixtures (fixtures/docx): one generator per file, each named by what it exercises.
 */
import {
  AlignmentType,
  Bookmark,
  CheckBox,
  ExternalHyperlink,
  FootnoteReferenceRun,
  InsertedTextRun,
  DeletedTextRun,
  LevelFormat,
  LevelSuffix,
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
import { readSeedRows, seedShapedTable, spansFor } from './seed.js';
import { cell, complexField, marker, pack, para, r } from './wordml.js';

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
