/**
 * The table grammar: label synonyms, both indicator layouts, extra columns, merged cells,
 * recovery from broken tables, and bad input.
 */
import { describe, expect, it } from 'vitest';
import { parse, parseBlocks, parseText, type TableBlock } from '../src/index.js';
import { readTextString } from '../src/sources/text.js';

/** One row a line, cells split by TAB, each row ending in TAB (Word "save as text"). */
function rows(...lines: string[][]): string {
  return lines.map((cells) => cells.join('\t') + '\t').join('\n') + '\n';
}

interface TableSpec {
  title?: string;
  labels?: Partial<Record<'code' | 'name' | 'section' | 'total' | 'fiscal' | 'other' | 'plan' | 'goals' | 'value' | 'desc' | 'basis' | 'level3', string>>;
  header?: string[];
  indicators?: string[][];
}

const legacyRows = [
  ['产出指标', '数量指标', '培训人数', '参训人员', '≥200人', '计划标准'],
  ['', '质量指标', '考核合格率', '结业考核', '≥95%', '行业标准'],
  ['', '时效指标', '完成时间', '年内完成', '2020年12月底前', '计划标准'],
  ['', '成本指标', '培训成本', '总成本', '≤10万元', '预算支出标准'],
  ['效益指标', '社会效益指标', '政策知晓率', '受训人员知晓', '≥90%', '历史标准'],
  ['满意度指标', '服务对象满意度指标', '参训人员满意度', '问卷调查', '≥90%', '行业标准'],
];

function table(spec: TableSpec = {}): string {
  const l = { code: '项目编码', name: '项目名称', section: '预算规模及资金用途', total: '预算数', fiscal: '其中：财政资金', other: '其他资金', plan: '资金支出计划（%）', goals: '绩效目标', value: '指标值', desc: '绩效指标描述', basis: '指标值确定依据', level3: '三级指标', ...spec.labels };
  const header = spec.header ?? ['一级指标', '二级指标', l.level3, l.desc, l.value, l.basis];
  return (
    (spec.title ?? '1、培训项目绩效目标表') +
    '\n' +
    rows(
      ['316004南堡开发区社会事业保险局', '单位：万元'],
      [l.code, '316-1401-JBN-AAAA', l.name, '培训项目'],
      [l.section, l.total, '10.00', l.fiscal, '8.00', l.other, '2.00'],
      ['', '业务培训'],
      [l.plan, '3月底', '6月底', '10月底', '12月底'],
      ['', '25%', '50%', '75%', '100%'],
      [l.goals, '1、培训200人\n2、考核合格率95%以上'],
      header,
      ...(spec.indicators ?? legacyRows),
    )
  );
}

describe('label synonyms', () => {
  const cases: [string, TableSpec['labels']][] = [
    ['项目代码', { code: '项目代码' }],
    ['项目编号', { code: '项目编号' }],
    ['年度资金总额', { total: '年度资金总额' }],
    ['资金总额', { total: '资金总额' }],
    ['预算金额', { total: '预算金额' }],
    ['财政拨款', { fiscal: '财政拨款' }],
    ['财政资金', { fiscal: '财政资金' }],
    ['其他资金来源', { other: '其他资金来源' }],
    ['年度绩效目标', { goals: '年度绩效目标' }],
    ['年度总体目标', { goals: '年度总体目标' }],
    ['目标值', { value: '目标值' }],
    ['年度指标值', { value: '年度指标值' }],
    ['指标解释', { desc: '指标解释' }],
    ['指标说明', { desc: '指标说明' }],
    ['指标值设定依据', { basis: '指标值设定依据' }],
    ['绩效标准', { basis: '绩效标准' }],
    ['指标名称', { level3: '指标名称' }],
    ['资金支出计划(%)', { plan: '资金支出计划(%)' }],
    ['项目编码：', { code: '项目编码：' }],
  ];
  it.each(cases)('%s reads like the canonical label', (_name, labels) => {
    const doc = parseText(table({ labels }));
    expect(doc.diagnostics).toEqual([]);
    const p = doc.projects[0];
    expect(p.code).toBe('316-1401-JBN-AAAA');
    expect(p.name).toBe('培训项目');
    expect(p.budget).toMatchObject({ total: 10, fiscal: 8, other: 2 });
    expect(p.purpose).toBe('业务培训');
    expect(p.spendPlan.values.map((v) => v.number)).toEqual([25, 50, 75, 100]);
    expect(p.goals.map((g) => g.text)).toEqual(['1、培训200人', '2、考核合格率95%以上']);
    expect(p.indicators).toHaveLength(6);
    expect(p.indicators[0]).toMatchObject({ level3: '培训人数', description: '参训人员', basis: '计划标准' });
    expect(p.indicators[0].value).toMatchObject({ op: '≥', number: 200, unit: '人', kind: 'count' });
  });

  it('资金用途 given with its own label', () => {
    const text = table().replace('\t业务培训\t', '资金用途\t业务培训\t');
    expect(parseText(text).projects[0].purpose).toBe('业务培训');
  });
});

describe('the agency line (预算单位)', () => {
  const oneCell = (line: string) => table().replace('316004南堡开发区社会事业保险局\t单位：万元\t', `${line}\t`);

  it.each([
    ['in its own cell, the unit in the next', table(), '万元'],
    ['with the unit after full-width spaces in the same cell', oneCell('316004南堡开发区社会事业保险局　　　　单位：万元'), '万元'],
    ['with 金额单位：元 after ASCII spaces', oneCell('316004南堡开发区社会事业保险局    金额单位：元'), '元'],
    ['with no unit at all', oneCell('316004南堡开发区社会事业保险局'), null],
  ])('%s: the agency without the unit, and the unit', (_name, text, unit) => {
    const p = parseText(text).projects[0]!;
    expect(p.agency).toBe('316004南堡开发区社会事业保险局');
    expect(p.agencyCode).toBe('316004');
    expect(p.moneyUnit).toBe(unit);
  });

  it('amounts follow the unit read from the agency line', () => {
    const inWan = parseText(oneCell('316004南堡开发区社会事业保险局　　单位：万元')).projects[0]!.budget.total;
    const inYuan = parseText(oneCell('316004南堡开发区社会事业保险局　　单位：元')).projects[0]!.budget.total;
    expect(inWan).not.toBeNull();
    expect(inYuan).toBeCloseTo(inWan! / 10_000, 10);
  });
});

describe('indicator layouts', () => {
  it('legacy: 成本指标 is a 二级 under 产出指标, 一级 carried down', () => {
    const p = parseText(table()).projects[0];
    expect(p.layout).toBe('legacy');
    expect(p.indicators[3]).toMatchObject({ level1: '产出指标', level2: '成本指标', level1Inherited: true });
    expect(p.indicators[4]).toMatchObject({ level1: '效益指标', level1Inherited: false });
  });

  it('2021+: 成本指标 is a 一级 with 经济/社会/生态环境成本指标, extra columns read', () => {
    const header = ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '指标值设定依据'];
    const indicators = [
      ['产出指标', '数量指标', '培训人数', '≥', '200', '人', '计划标准'],
      ['', '质量指标', '考核合格率', '≥', '95', '%', '行业标准'],
      ['', '时效指标', '完成时间', '≤', '2021年12月底前', '', '计划标准'],
      ['成本指标', '经济成本指标', '培训成本', '≤', '10', '万元', '预算支出标准'],
      ['', '社会成本指标', '负面影响', '定性', '无明显负面影响', '', '其他标准'],
      ['效益指标', '社会效益指标', '政策知晓率', '≥', '90', '%', '历史标准'],
      ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥', '90', '%', '行业标准'],
    ];
    const p = parseText(table({ header, indicators })).projects[0];
    expect(p.layout).toBe('v2021');
    expect(p.indicatorHeader?.columns).toEqual(['level1', 'level2', 'level3', 'nature', 'value', 'unit', 'basis']);
    expect(p.indicators).toHaveLength(7);
    expect(p.indicators[3]).toMatchObject({ level1: '成本指标', level2: '经济成本指标', nature: '≤', unitColumn: '万元', description: null });
    expect(p.indicators[3].value).toMatchObject({ number: 10, unit: '万元', kind: 'amount' });
    expect(p.indicators[4]).toMatchObject({ level1: '成本指标', level1Inherited: true });
    expect(p.indicators[1].value).toMatchObject({ number: 95, unit: '%', kind: 'percent' });
  });

  it('a table using both patterns is mixed', () => {
    const indicators = [...legacyRows, ['成本指标', '经济成本指标', '培训成本', '', '≤10万元', '预算支出标准']];
    expect(parseText(table({ indicators })).projects[0].layout).toBe('mixed');
  });

  it('merged 二级 cells are carried down under a merged 一级', () => {
    const indicators = [
      ['产出指标', '数量指标', '培训人数', '', '≥200人', '计划标准'],
      ['', '', '培训场次', '', '≥4场', '计划标准'],
    ];
    const p = parseText(table({ indicators })).projects[0];
    expect(p.indicators[1]).toMatchObject({ level1: '产出指标', level2: '数量指标', level3: '培训场次' });
  });
});

describe('grid body cells that read like labels', () => {
  it('a 备注 cell inside a row stays a cell and the rows after it are kept', () => {
    const indicators = legacyRows.map((r, i) => (i === 2 ? [...r, '备注'] : r));
    const p = parseText(table({ indicators })).projects[0];
    expect(p.indicators).toHaveLength(6);
    expect(p.indicators[2].cellCount).toBe(7);
    expect(p.indicators[5].level3).toBe('参训人员满意度');
  });

  it('a 三级 named like a budget label is still an indicator', () => {
    const indicators = legacyRows.map((r, i) => (i === 3 ? ['', '成本指标', '预算数', '总成本', '≤10万元', '预算支出标准'] : r));
    const p = parseText(table({ indicators })).projects[0];
    expect(p.indicators[3]).toMatchObject({ level2: '成本指标', level3: '预算数' });
    expect(p.indicators).toHaveLength(6);
  });

  it('a 7-cell row under a 6-column header is not shifted (its shape is for the rules to judge)', () => {
    const indicators = legacyRows.map((r, i) => (i === 1 ? ['', ...r] : r));
    const p = parseText(table({ indicators })).projects[0];
    expect(p.indicators[1].cellCount).toBe(7);
    expect(p.indicators[1].level3).toBe('质量指标');
  });

  it('a merged 绩效指标 column left of the grid is dropped from every row', () => {
    const header = ['绩效指标', '一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'];
    const indicators = legacyRows.map((r) => ['', ...r]);
    const text = table({ indicators }).replace('一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据', header.join('\t'));
    const p = parseText(text).projects[0];
    expect(p.indicators).toHaveLength(6);
    expect(p.indicators[0]).toMatchObject({ level1: '产出指标', level3: '培训人数', cellCount: 6 });
  });

  it('a second Word table after the grid (附表) is not read as indicators, and says so', () => {
    const stream = readTextString(table());
    const extra: TableBlock = {
      kind: 'table',
      rowsKnown: true,
      origin: { table: 2, row: 1, col: 1, paragraph: 1 },
      rows: [[{ text: '附表：测算明细', origin: { table: 2, row: 1, col: 1, paragraph: 1 } }, { text: '10万元', origin: { table: 2, row: 1, col: 2, paragraph: 1 } }]],
    };
    stream.blocks.push(extra);
    const doc = parseBlocks(stream, 'x.docx');
    expect(doc.projects[0].indicators).toHaveLength(6);
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['table-after-grid']);
  });
});

describe('table of contents', () => {
  it('TOC entries ("9、…绩效目标表<TAB>3") are not project titles', () => {
    const stream = readTextString(table());
    stream.blocks.unshift(
      { kind: 'paragraph', text: '9、培训项目绩效目标表\t3', origin: { paragraph: 1 } },
      { kind: 'paragraph', text: '10、第二个项目绩效目标表\t5', origin: { paragraph: 2 } },
    );
    const doc = parseBlocks(stream, 'toc.docx');
    expect(doc.projects).toHaveLength(1);
    expect(doc.projects[0].code).toBe('316-1401-JBN-AAAA');
    expect(doc.department.other).toHaveLength(2);
  });
});

describe('field-code residue in titles', () => {
  it.each([
    ['1、培训项目绩效目标表 TC 9、培训项目绩效目标表 \\f C \\l 1', 9],
    ['1、培训项目绩效目标表 TC 10、培训项目绩效目标表 \\f C', 10],
    ['1、培训项目绩效目标表 TC "1、培训项目绩效目标表" \\f C \\l 1', 1],
  ])('%s', (title, ordinal) => {
    const p = parseText(table({ title })).projects[0];
    expect(p.title).toBe('培训项目绩效目标表');
    expect(p.titleOrdinal).toBe(1);
    expect(p.fieldCodes.map((f) => f.tcOrdinal)).toEqual([ordinal]);
  });
});

describe('recovery', () => {
  const two = table() + table({ title: '2、第二个项目绩效目标表' }).replace('316-1401-JBN-AAAA', '316-1401-JBN-BBBB');

  it('a table truncated in the middle of its indicator grid: diagnostic, and the next table still parses', () => {
    const lines = table().split('\n');
    const truncated = lines.slice(0, lines.length - 4).join('\n') + '\n' + '产出指标\t数量指标\t培训人数\n';
    const doc = parseText(truncated + table({ title: '2、第二个项目绩效目标表' }));
    expect(doc.projects).toHaveLength(2);
    expect(doc.projects[1].indicators).toHaveLength(6);
    expect(doc.projects[1].code).toBe('316-1401-JBN-AAAA');
  });

  it('a table cut off after its spend-plan label gives a parse-error with a location', () => {
    const cut = table().split('资金支出计划（%）')[0] + '资金支出计划（%）\t\n';
    const doc = parseText(cut + table({ title: '2、第二个项目绩效目标表' }));
    const errors = doc.diagnostics.filter((d) => d.code === 'parse-error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].projectIndex).toBe(1);
    expect(errors[0].message).toMatch(/第1张表/);
    expect(doc.projects).toHaveLength(2);
    expect(doc.projects[1].indicators).toHaveLength(6);
  });

  it('an indicator header cut short gives a parse-error naming the missing column', () => {
    const broken = table().replace('一级指标\t二级指标\t三级指标', '一级指标\t三级指标\t二级指标');
    const doc = parseText(broken + table({ title: '2、第二个项目绩效目标表' }));
    const error = doc.diagnostics.find((d) => d.code === 'parse-error');
    expect(error?.message).toMatch(/二级指标|三级指标/);
    expect(error?.origin).toMatchObject({ line: expect.any(Number) });
    expect(doc.projects[1].indicators).toHaveLength(6);
  });

  it('a truncated unmarked (LibreOffice) table reports an incomplete last row', () => {
    const unmarked = table().replace(/\t\n/g, '\n').replace(/\t/g, '\n');
    const doc = parseText(unmarked.split('\n').slice(0, -4).join('\n') + '\n');
    expect(doc.projects[0].indicators.length).toBeGreaterThan(0);
    expect(doc.diagnostics.some((d) => d.code === 'parse-error' && /不完整/.test(d.message))).toBe(true);
  });

  it('shuffled rows never throw and keep every project', () => {
    const lines = two.split('\n');
    for (let seed = 1; seed <= 50; seed++) {
      const shuffled = [...lines];
      let s = seed;
      for (let i = shuffled.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      const doc = parseText(shuffled.join('\n'));
      expect(doc).toBeDefined();
      expect(doc.projects.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('two documents glued together parse as two tables', () => {
    const doc = parseText(two);
    expect(doc.projects.map((p) => p.code)).toEqual(['316-1401-JBN-AAAA', '316-1401-JBN-BBBB']);
    expect(doc.diagnostics).toEqual([]);
  });
});

describe('bad input', () => {
  it('an empty file is a read error', async () => {
    await expect(parse(new Uint8Array(0), { filePath: 'empty.txt' })).rejects.toMatchObject({ code: 'empty-file' });
  });
  it('binary data is a read error', async () => {
    const bytes = new Uint8Array(256).map((_, i) => (i * 7) % 256);
    await expect(parse(bytes, { filePath: 'x.bin' })).rejects.toMatchObject({ name: 'SourceError' });
  });
  it('text with no table gives one no-table diagnostic', () => {
    const doc = parseText('这是一份普通的通知。\n请各单位按时报送。\n');
    expect(doc.projects).toEqual([]);
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['no-table']);
  });
  it('UTF-16 with BOM reads', async () => {
    const text = table();
    const le = new Uint8Array(2 + text.length * 2);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const doc = await parse(le, { filePath: 'u16.txt' });
    expect(doc.encoding).toBe('utf-16le');
    expect(doc.projects[0].code).toBe('316-1401-JBN-AAAA');
  });
});
