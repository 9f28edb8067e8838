import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../src/formatters/github.js';
import { formatResults } from '../src/formatters/index.js';
import { sampleOptions, sampleResults } from './helpers/sample-results.js';

async function github() {
  return String(await formatResults(sampleResults().results, 'github', sampleOptions())).trimEnd().split('\n');
}

describe('github', () => {
  it('writes one workflow command per message', async () => {
    const { results } = sampleResults();
    const lines = await github();
    expect(lines).toHaveLength(results.reduce((n, r) => n + r.messages.length, 0));
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^:]+(,line=\d+,col=\d+)?,title=[^:,]+::.+$/);
  });

  it('gives line and column for text files', async () => {
    const line = (await github()).find((l) => l.includes('line=30,col=21'))!;
    expect(line).toBe(
      '::error file=submissions/社保局/seed-rows.txt,line=30,col=21,title=cost-value-not-amount::[项目 316-1201-JBN-WMEB] 成本指标“项目成本”的指标值“≥98%25”不是金额；成本指标应写成本上限，如“≤800万元”。（建议：≤800万元）',
    );
  });

  it('annotates Word files at file level and names the cell in the message', async () => {
    const line = (await github()).find((l) => l.includes('title=budget-sum-mismatch'))!;
    expect(line).toMatch(/^::error file=submissions\/财政局\/2021年项目绩效目标\.docx,title=budget-sum-mismatch::\[项目 316-2101-CZJ-A001\] 表2 第3行 第3列（预算数）：预算数 120\.00/);
  });

  it('maps info to notice and read failures to error', async () => {
    const lines = await github();
    expect(lines.find((l) => l.includes('title=word-field-code-residue'))).toMatch(/^::notice /);
    expect(lines.find((l) => l.includes('title=read-error'))).toMatch(/^::error file=submissions\/损坏\/残缺的文件\.docx,title=read-error::文件/);
  });

  it.each([
    ['50%', '50%25', '50%25'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['a:b,c', 'a:b,c', 'a%3Ab%2Cc'],
    ['%0A', '%250A', '%250A'],
  ])('escapes %j', (text, data, property) => {
    expect(escapeData(text)).toBe(data);
    expect(escapeProperty(text)).toBe(property);
  });

  it('escapes commas and colons in file names', async () => {
    const { clean } = sampleResults();
    const result = { ...clean, filePath: '/srv/audit/a,b:c.txt', messages: sampleResults().doc.messages };
    const out = String(await formatResults([result], 'github', sampleOptions()));
    expect(out).toContain('file=a%2Cb%3Ac.txt,');
  });
});
