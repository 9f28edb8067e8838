/**
 * The answer of `POST /api/lint` as the pool thread prepares it (src/serve/answer.ts): its bytes are
 * exactly what JSON.stringify of the answer object gives, for the seed's result and for values
 * JSON.stringify treats specially; the main thread's submission id and changes close it.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerArray, jsonBytes, prepareAnswer } from '../src/serve/answer.js';
import { configForFile, lint, parse, resolveConfig } from '../src/index.js';
import { fixture } from './serve-support.js';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
const many = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(i));

describe('jsonBytes is JSON.stringify as UTF-8', () => {
  it.each([
    ['an empty record', {}],
    ['undefined members and a function are left out', { a: undefined, b: 1, c: () => 1, d: 'x' }],
    ['a long array with undefined and function elements (→ null)', { list: many(40, (i) => (i % 7 === 0 ? undefined : i % 5 === 0 ? () => i : { i, s: `第${i}项“引号”\n\\` })) }],
    ['a short array written whole', { list: [1, 'two', null, { three: 3 }] }],
    ['astral characters and lone surrogates', { s: '𠮷野家 \ud800 end', list: many(20, () => '𠮷\udc00') }],
    ['nested objects with toJSON', { when: new Date(0), nested: { deep: [new Date(1)] }, list: many(30, (i) => new Date(i)) }],
  ])('%s', (_name, record) => {
    expect(text(jsonBytes(record as Record<string, unknown>))).toBe(JSON.stringify(record));
  });
});

describe('the prepared answer of the seed .docx', async () => {
  const bytes = fixture('seed/seed.docx');
  const config = resolveConfig();
  const result = lint(await parse(bytes, { filePath: 'seed.docx' }), { config: configForFile(config, 'seed.docx'), locale: config.locale });
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  it.each([
    ['recording off', false, null, undefined],
    ['recorded, first submission', true, 7, undefined],
    ['recorded, with changes', true, 8, { fixed: 1, new: 0, remaining: 2, projects: [] }],
  ] as const)('%s: the bytes are the answer object in the order of the API', (_name, record, submissionId, changes) => {
    const prepared = prepareAnswer(result, bytes, record);
    const expected = { ...result, status: 'problems', sha256, size: bytes.length, submissionId, ...(changes ? { changes } : {}) };
    const sent = text(answerArray([{ json: prepared.json, tail: { submissionId, changes } }]));
    expect(sent).toBe(JSON.stringify([expected]));
    expect(prepared.submission === null).toBe(!record);
    if (prepared.submission) {
      expect(prepared.submission.findings).toHaveLength(result.messages.length);
      expect(prepared.submission.projects).toHaveLength(18);
    }
  });

  it('several files: one array, in order', () => {
    const a = prepareAnswer(result, bytes, false);
    const b = prepareAnswer({ ...result, filePath: 'b.docx' }, bytes, false);
    const sent = JSON.parse(text(answerArray([{ json: a.json, tail: { submissionId: null, changes: null } }, { json: b.json, tail: { submissionId: null, changes: null } }])));
    expect(sent.map((r: { filePath: string }) => r.filePath)).toEqual(['seed.docx', 'b.docx']);
  });
});
