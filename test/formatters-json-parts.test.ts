/**
 * The json piece in parts (src/formatters/json.ts `jsonPieceParts`): the worker encodes a result's
 * json piece part by part into a reused buffer; joined, the parts must be the piece byte for byte.
 */
import { describe, expect, it } from 'vitest';
import type { LintResult } from '../src/engine/types.js';
import { jsonPieceParts, jsonStream } from '../src/formatters/json.js';
import { sampleResults } from './helpers/sample-results.js';

const { results } = sampleResults();
const base = results[0]!;

const cases: [string, LintResult][] = [
  ...results.map((r, i): [string, LintResult] => [`sample result ${i} (${r.status}, ${r.messages.length} messages)`, r]),
  ['no messages', { ...base, messages: [] }],
  ['a parsed document kept on the result', { ...base, document: { blocks: [] } as unknown as LintResult['document'] }],
  ['keys whose value is undefined', { ...base, format: undefined as unknown as null, encoding: null }],
  ['messages with undefined fields and unusual text', { ...base, messages: base.messages.slice(0, 2).map((m) => ({ ...m, suggestion: undefined, message: '"引号"\\\n\u2028\ud800' })) }],
  ['messages first in key order', { messages: base.messages.slice(0, 1), filePath: 'a.txt' } as unknown as LintResult],
  ['an empty object', {} as LintResult],
];

describe('jsonPieceParts', () => {
  it.each(cases)('%s: the parts joined are the json piece', (_, result) => {
    const parts = jsonPieceParts(result);
    expect(parts.join('')).toBe(jsonStream().piece(result));
    expect(parts.join('')).toBe(JSON.stringify({ ...result, document: undefined }));
  });

  it.each([0, 1, 31, 32, 33, 64, 100])('%i messages: the parts joined are the piece, and no part holds more than 32 messages', (count) => {
    const messages = Array.from({ length: count }, (_, i) => ({ ...base.messages[i % base.messages.length]!, line: i }));
    const result = { ...base, messages };
    const parts = jsonPieceParts(result);
    expect(parts.join('')).toBe(jsonStream().piece(result));
    for (const part of parts) expect((part.match(/"ruleId":/g) ?? []).length).toBeLessThanOrEqual(32);
  });
});
