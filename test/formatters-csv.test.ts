import { describe, expect, it } from 'vitest';
import { csvCell, guardFormula } from '../src/formatters/csv.js';
import { formatResults } from '../src/formatters/index.js';
import { FATAL_MESSAGE, sampleOptions, sampleResults } from './helpers/sample-results.js';

/** A small RFC 4180 reader, enough to check what the writer produced. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

async function csv(locale: 'zh-CN' | 'en' = 'zh-CN') {
  return String(await formatResults(sampleResults().results, 'csv', sampleOptions({ locale })));
}

describe('csv', () => {
  it('starts with a UTF-8 BOM and the Chinese header', async () => {
    const out = await csv();
    expect(out.charCodeAt(0)).toBe(0xfeff);
    expect(out.slice(1).split('\r\n')[0]).toBe('文件,预算单位,项目编码,项目名称,位置,规则,严重程度,问题说明,原值,建议,依据');
    expect((await csv('en')).slice(1).split('\r\n')[0]).toBe(
      'File,Agency,Project code,Project name,Location,Rule,Severity,Message,Value found,Suggestion,Basis',
    );
  });

  it('has one row per message, fatal read failures included, every row 11 cells', async () => {
    const { results } = sampleResults();
    const rows = parseCsv((await csv()).slice(1));
    expect(rows).toHaveLength(1 + results.reduce((n, r) => n + r.messages.length, 0));
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([11]));
    const fatal = rows.find((r) => r[5] === '读取失败')!;
    expect(fatal).toEqual(['submissions/损坏/残缺的文件.docx', '', '', '', '', '读取失败', '错误', FATAL_MESSAGE, '', '', '']);
  });

  it('fills agency, project, location, severity, found, suggestion and basis', async () => {
    const rows = parseCsv((await csv()).slice(1));
    const row = rows.find((r) => r[4] === '行 30:21（指标值）')!;
    expect(row).toEqual([
      'submissions/社保局/seed-rows.txt',
      '316004南堡开发区社会事业保险局',
      '316-1201-JBN-WMEB',
      '城乡居民养老保险区财政补贴',
      '行 30:21（指标值）',
      'cost-value-not-amount',
      '错误',
      expect.stringContaining('不是金额'),
      '≥98%',
      '≤800万元',
      '《项目支出绩效评价管理办法》（财预〔2020〕10号）',
    ]);
  });

  it('quotes per RFC 4180 and survives commas, quotes and line breaks', async () => {
    const out = await csv();
    expect(out).toContain('"line one\nline two, with ""quotes"""');
    const rows = parseCsv(out.slice(1));
    expect(rows.some((r) => r[10] === 'line one\nline two, with "quotes"')).toBe(true);
  });

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+95%', "'+95%"],
    ['-1', "'-1"],
    ['@100%', "'@100%"],
    ['\tx', "'\tx"],
    ['≥98%', '≥98%'],
    ['', ''],
  ])('guards the formula-like cell %j', (cell, guarded) => {
    expect(guardFormula(cell)).toBe(guarded);
  });

  it('guards formula-like values in the output', async () => {
    const rows = parseCsv((await csv()).slice(1));
    const row = rows.find((r) => r[8].includes('SUM'))!;
    expect(row[8]).toBe("'=SUM(A1:A9)");
    expect(row[9]).toBe("'+95%");
    expect(rows.find((r) => r[8].includes('100%') && r[8].startsWith("'"))![8]).toBe("'@100%");
  });

  it('quotes a guarded cell that also needs quoting', () => {
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });
});
