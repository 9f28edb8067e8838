import { describe, expect, it } from 'vitest';
import { formatResults, summarize, type JsonReport } from '../src/formatters/index.js';
import { sampleOptions, sampleResults } from './helpers/sample-results.js';

describe('json (ESLint shape)', () => {
  it('is the array of results, one per file, without the parsed document', async () => {
    const { results } = sampleResults();
    const parsed = JSON.parse(String(await formatResults(results, 'json', sampleOptions())));
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed).toHaveLength(results.length);
    for (const [i, result] of parsed.entries()) {
      expect(result).not.toHaveProperty('document');
      const { document: _document, ...expected } = results[i];
      expect(result).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });

  it('keeps the issue-4 fields of each message', async () => {
    const { text } = sampleResults();
    const [result] = JSON.parse(String(await formatResults([text], 'json', sampleOptions())));
    for (const key of ['filePath', 'messages', 'errorCount', 'warningCount', 'infoCount', 'fatalErrorCount']) {
      expect(result).toHaveProperty(key);
    }
    const message = result.messages.find((m: { ruleId: string }) => m.ruleId === 'cost-value-not-amount');
    for (const key of ['ruleId', 'severity', 'message', 'messageId', 'projectCode', 'line', 'column', 'origin']) {
      expect(message).toHaveProperty(key);
    }
    expect(message.severity).toBe(2);
  });

  it('marks a read failure as a fatal message with a null rule id', async () => {
    const { failed } = sampleResults();
    const [result] = JSON.parse(String(await formatResults([failed], 'json', sampleOptions())));
    expect(result.messages).toEqual([expect.objectContaining({ fatal: true, ruleId: null, severity: 2 })]);
    expect(result.fatalErrorCount).toBe(1);
  });

  it.each(['json', 'report-json'] as const)('%s does not mutate its input', async (name) => {
    const { results } = sampleResults();
    const before = structuredClone(results);
    await formatResults(results, name, sampleOptions());
    expect(results).toStrictEqual(before);
    expect(results.some((r) => r.document !== undefined)).toBe(true);
  });
});

describe('report-json (batch report)', () => {
  it('carries tool, time stamp, locale, summary and results', async () => {
    const { results } = sampleResults();
    const report: JsonReport = JSON.parse(String(await formatResults(results, 'report-json', sampleOptions())));
    expect(report.tool).toEqual({ name: 'jxlint', version: '0.1.0' });
    expect(report.generatedAt).toBe('2026-01-15T08:30:00.000Z');
    expect(report.locale).toBe('zh-CN');
    expect(report.summary).toEqual(JSON.parse(JSON.stringify(summarize(results))));
    expect(report.results.map((r) => r.filePath)).toEqual(results.map((r) => r.filePath));
    expect(report.results.some((r) => 'document' in r)).toBe(false);
  });

  it('is deterministic when generatedAt is given', async () => {
    const a = await formatResults(sampleResults().results, 'report-json', sampleOptions());
    const b = await formatResults(sampleResults().results, 'report-json', sampleOptions());
    expect(a).toBe(b);
  });
});
