/**
 * The streaming contract of json, report-json, csv and github: head + pieces + tail is the one-shot
 * report, byte for byte, for every prefix of the sample results and both locales; and the report
 * shapes are the ones the one-shot formatters wrote before the contract (JSON.stringify of the
 * whole report), so a whitespace change in a formatter cannot break a batch run.
 */
import { describe, expect, it } from 'vitest';
import { createStream, formatResults, STREAMED_FORMATS, summarize, summaryInput, SummaryBuilder, type StreamedFormatName } from '../src/formatters/index.js';
import { withoutDocument } from '../src/formatters/json.js';
import type { LintResult } from '../src/index.js';
import { engineSampleResults, sampleOptions, sampleResults } from './helpers/sample-results.js';

const all = () => [...sampleResults().results, ...engineSampleResults()];
const cases = STREAMED_FORMATS.flatMap((name) =>
  (['zh-CN', 'en'] as const).flatMap((locale) => [0, 1, 3, all().length].map((n) => ({ name, locale, n }))),
);

/** What a batch writer does: head first (or last, with the summary), non-empty pieces joined, tail. */
function streamed(name: StreamedFormatName, results: LintResult[], locale: 'zh-CN' | 'en'): string {
  const stream = createStream(name, sampleOptions({ locale }));
  const summary = new SummaryBuilder();
  const pieces: string[] = [];
  for (const r of results) {
    summary.add(summaryInput(r));
    const piece = stream.piece(r);
    if (piece) pieces.push(piece);
  }
  const s = stream.summaryFirst ? summary.summary() : undefined;
  return stream.head(s) + pieces.join(stream.separator) + stream.tail(s);
}

describe('streamed reports', () => {
  it.each(cases)('$name ($locale, $n results): head + pieces + tail = the one-shot report', async ({ name, locale, n }) => {
    const results = all().slice(0, n);
    expect(streamed(name, results, locale)).toBe(await formatResults(results, name, sampleOptions({ locale })));
  });

  it.each([0, 1, 4])('json and report-json are the JSON.stringify of the report (%i results)', async (n) => {
    const results = all().slice(0, n);
    const options = sampleOptions();
    expect(await formatResults(results, 'json', options)).toBe(JSON.stringify(results.map(withoutDocument)));
    const report = {
      tool: { name: 'jxlint', version: options.toolVersion },
      generatedAt: options.generatedAt,
      locale: options.locale,
      summary: summarize(results),
      results: results.map(withoutDocument),
    };
    expect(await formatResults(results, 'report-json', options)).toBe(JSON.stringify(report, null, 2) + '\n');
  });

  it('the summary of the summary inputs is the summary of the results', () => {
    const results = all();
    expect(summarize(results.map(summaryInput))).toEqual(summarize(results));
    expect(summarize(results).files.total).toBe(results.length);
  });

  it('report-json refuses to write its head without the summary', () => {
    expect(() => createStream('report-json', sampleOptions()).head()).toThrow(/summary/);
  });
});
