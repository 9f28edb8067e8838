/**
 * Word 97–2003 .doc through word-extractor, with jxlint's two fixes: rows whose properties live in
 * the Data stream end where Word ends them, and TC fields keep their instruction as text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../src/sources/blocks.js';
import { keepTcFields } from '../src/sources/doc.js';
import { readSource } from '../src/sources/index.js';

const root = join(import.meta.dirname, '..');
const { clean } = createRequire(import.meta.url)('word-extractor/lib/filters.js') as { clean: (s: string) => string };

describe('TC fields in .doc text', () => {
  it.each([
    ['a TC field keeps its instruction, quotes dropped', '1、标题\x13 TC "9、标题" \\f C \\l 1 \x15', '1、标题 TC 9、标题 \\f C \\l 1 '],
    ['other fields give their result', '第\x13 PAGE \x143\x15页', '第3页'],
    ['a field without result that is not TC leaves nothing', '甲\x13 XE "索引" \x15乙', '甲乙'],
  ])('%s', (_, raw, expected) => {
    expect(keepTcFields(raw)).toHaveLength(raw.length);
    expect(clean(keepTcFields(raw))).toBe(expected);
  });
});

describe('seed.doc', () => {
  it('reads as a .doc with 18 tables of 17 rows and table origins', async () => {
    const s = await readSource(new Uint8Array(readFileSync(join(root, 'fixtures/seed/seed.doc'))), { filePath: 'seed.doc' });
    expect(s.info).toEqual({ format: 'doc', encoding: null, layout: 'table' });
    const tables = s.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tables).toHaveLength(18);
    expect(tables.map((t) => t.rows.length)).toEqual(Array(18).fill(17));
    expect(tables[0].rows[3].map((c) => c.text)).toEqual(['', '城乡居民养老缴费补贴及待遇补贴']);
    expect(tables[2].rows[1][1]).toEqual({ text: '316-1401-JBN-Q23T', origin: { table: 3, row: 2, col: 2, paragraph: 1 } });
  });
});
