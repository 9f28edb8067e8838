/**
 * `fixFile` (the Node API behind `jxlint --fix`): every encoding the reader sniffs and both line
 * endings round-trip byte for byte outside the fixed cells; fixing twice changes nothing; a dry run
 * writes nothing and returns a unified diff; unsafe fixes only when asked; Word, .doc and HTML files
 * and files that do not re-encode to themselves are never rewritten.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeText, fixBytes, fixFile, fixText, parseText, resolveConfig, withoutOrigins, type TextEncoding } from '../src/node.js';
import { decodeText } from '../src/sources/text.js';

const SEED = new URL('../fixtures/seed/', import.meta.url);
/** A seed text export, decoded, without its BOM, with LF line ends. */
const seedText = (name: string) => readFileSync(new URL(name, SEED), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
const config = resolveConfig({ extends: 'all' });
const dir = mkdtempSync(path.join(tmpdir(), 'jxlint-fix-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function writeTemp(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, `${++counter}-${name}`);
  writeFileSync(file, bytes);
  return file;
}

/** Splits bytes into lines at the encoding's line feed (the CR, if any, stays on its line). */
function byteLines(bytes: Uint8Array, encoding: TextEncoding): string[] {
  const hex = Buffer.from(bytes).toString('hex');
  const lf = encoding === 'utf-16le' ? '0a00' : encoding === 'utf-16be' ? '000a' : '0a';
  const step = lf.length;
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i + step <= hex.length; i += step) {
    if (hex.slice(i, i + step) === lf && (step === 2 || i % 4 === 0)) {
      lines.push(hex.slice(start, i + step));
      start = i + step;
    }
  }
  lines.push(hex.slice(start));
  return lines;
}

const ENCODINGS: TextEncoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'];
const LINE_ENDINGS = [
  { name: 'LF', eol: '\n' },
  { name: 'CRLF', eol: '\r\n' },
];
const LAYOUTS = ['seed.txt', 'seed-rows.txt', 'seed-libreoffice.txt'];

describe('fixFile round-trips every encoding and line ending', () => {
  // The reference: the seed's safe fixes on the decoded UTF-8/LF text.
  const reference = new Map(LAYOUTS.map((name) => [name, fixText(seedText(name), { config })]));

  for (const layout of LAYOUTS) {
    for (const encoding of ENCODINGS) {
      for (const { name: eolName, eol } of LINE_ENDINGS) {
        it(`${layout} in ${encoding} with ${eolName}`, async () => {
          const text = seedText(layout).replace(/\n/g, eol);
          const original = encodeText(text, encoding);
          expect(decodeText(original).encoding, 'the test input sniffs as its encoding').toBe(encoding);
          const file = writeTemp(layout, original);

          const outcome = await fixFile(file, { config });
          expect(outcome.status).toBe('fixed');
          expect(outcome.written).toBe(true);
          const ref = reference.get(layout)!;
          expect(outcome.fixCount).toBe(ref.fixCount);
          const written = new Uint8Array(readFileSync(file));
          expect(Buffer.from(written).equals(Buffer.from(outcome.output!))).toBe(true);

          // Same encoding (BOM included), same text as the reference fix, same line endings.
          const decoded = decodeText(written);
          expect(decoded.encoding).toBe(encoding);
          expect(decoded.text).toBe(ref.text.replace(/\n/g, eol));

          // Byte for byte outside the fixed lines: same number of lines, every untouched line identical.
          const before = byteLines(original, encoding);
          const after = byteLines(written, encoding);
          expect(after.length).toBe(before.length);
          const refBefore = seedText(layout).split('\n');
          const refAfter = ref.text.split('\n');
          const changed = new Set(refBefore.map((line, i) => (line === refAfter[i] ? -1 : i)).filter((i) => i >= 0));
          expect(changed.size).toBeGreaterThan(0);
          expect(changed.size).toBeLessThanOrEqual(outcome.fixCount + 20);
          before.forEach((line, i) => {
            if (!changed.has(i)) expect(after[i], `line ${i + 1} untouched`).toBe(line);
          });

          // Idempotent: a second --fix changes nothing.
          const again = await fixFile(file, { config });
          expect(again.status).toBe('unchanged');
          expect(again.fixCount).toBe(0);
          expect(Buffer.from(readFileSync(file)).equals(Buffer.from(written))).toBe(true);
        });
      }
    }
  }
});

describe('what fixing does and does not do', () => {
  it('safe fixes do not change what the submission means (values, budgets, structure)', () => {
    for (const layout of LAYOUTS) {
      const text = seedText(layout);
      const fixed = fixText(text, { config });
      const meaning = (t: string) =>
        parseText(t).projects.map((p) => ({
          code: p.code,
          budget: withoutOrigins(p.budget),
          spendPlan: p.spendPlan.values.map((v) => v && { op: v.op, number: v.number, kind: v.kind }),
          indicators: p.indicators.map((ind) => [ind.level1, ind.level2, ind.value.op, ind.value.number, ind.value.kind, ind.value.wan ?? null]),
        }));
      expect(meaning(fixed.text)).toEqual(meaning(text));
    }
  });

  it('unsafe fixes apply only when asked', async () => {
    const bytes = new TextEncoder().encode(seedText('seed.txt'));
    const safe = await fixBytes(bytes, 'seed.txt', { config });
    const unsafe = await fixBytes(bytes, 'seed.txt', { config, unsafe: true });
    const costValues = (t: string) => (t.match(/\t≤\d+(?:\.\d+)?万元\n/g) ?? []).length;
    expect(costValues(safe.outputText!)).toBe(costValues(seedText('seed.txt')));
    expect(costValues(unsafe.outputText!)).toBeGreaterThan(costValues(seedText('seed.txt')));
    expect(unsafe.fixCount).toBeGreaterThan(safe.fixCount);
    expect(unsafe.result.messages.length).toBeLessThan(safe.result.messages.length);
    // Every remaining message with a fix is one this safety level could not apply.
    expect(safe.result.messages.filter((m) => m.fix?.safety === 'safe')).toEqual([]);
  });

  it('a dry run writes nothing and returns a unified diff of the fixed cells', async () => {
    const original = encodeText(seedText('seed.txt').replace(/\n/g, '\r\n'), 'gb18030');
    const file = writeTemp('seed-dry.txt', original);
    const mtime = statSync(file).mtimeMs;
    const outcome = await fixFile(file, { config, write: false, diff: true, diffLabel: 'seed-dry.txt' });
    expect(outcome.status).toBe('fixed');
    expect(outcome.written).toBe(false);
    expect(Buffer.from(readFileSync(file)).equals(Buffer.from(original))).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    const diff = outcome.diff!;
    expect(diff).toMatch(/^Index: seed-dry\.txt\n=+\n--- seed-dry\.txt\n\+\+\+ seed-dry\.txt\n@@ -\d+,\d+ \+\d+,\d+ @@/);
    expect(diff).toContain('-\t居民幸福指数系\r\n');
    expect(diff).toContain('+\t居民幸福指数\r\n');
    expect(diff).toContain('+\t总成本350万元\r\n');
    // One hunk line per changed line: removed and added lines pair up.
    const removed = diff.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---')).length;
    const added = diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).length;
    expect(removed).toBe(added);
    expect(removed).toBeGreaterThan(0);
  });

  it('a file with nothing to fix is left alone, with an empty diff', async () => {
    const clean = readFileSync(new URL('../fixtures/clean/clean.txt', import.meta.url));
    const file = writeTemp('clean.txt', new Uint8Array(clean));
    const outcome = await fixFile(file, { config: resolveConfig({ extends: 'recommended' }), diff: true });
    expect(outcome.status).toBe('unchanged');
    expect(outcome.diff).toBe('');
    expect(readFileSync(file).equals(clean)).toBe(true);
  });

  it.each([
    ['seed.docx', 'docx'],
    ['seed.doc', 'doc'],
    ['../html/seed-gb2312.html', 'html'],
  ])('%s (a %s file) is never rewritten', async (name, format) => {
    const source = new URL(name, SEED);
    const file = path.join(dir, `word-${path.basename(name)}`);
    copyFileSync(source, file);
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const outcome = await fixFile(file, { config, unsafe: true, diff: true });
    expect(outcome.status).toBe('not-text');
    expect(outcome.result.format).toBe(format);
    expect(outcome.written).toBe(false);
    expect(outcome.output).toBeNull();
    expect(outcome.result.messages.length, 'still linted').toBeGreaterThan(0);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('a file whose bytes do not re-encode to themselves is not rewritten', async () => {
    // A UTF-8 BOM file with a stray invalid byte: decoding replaces it, so re-encoding would change it.
    const good = encodeText(seedText('seed.txt'), 'utf-8-bom');
    const broken = new Uint8Array([...good.subarray(0, 20), 0xff, ...good.subarray(20)]);
    const file = writeTemp('broken.txt', broken);
    const outcome = await fixFile(file, { config });
    expect(outcome.status).toBe('not-lossless');
    expect(Buffer.from(readFileSync(file)).equals(Buffer.from(broken))).toBe(true);
  });

  it('GB18030 output is what iconv-lite encodes, and decodes back to the fixed text', async () => {
    const bytes = encodeText(seedText('seed-rows.txt'), 'gb18030');
    const outcome = await fixBytes(bytes, 'seed-rows.txt', { config });
    expect(iconv.decode(Buffer.from(outcome.output!), 'gb18030')).toBe(outcome.outputText);
  });

  it('fixes converge within the pass bound, and the result reports what remains', () => {
    const fixed = fixText(seedText('seed.txt'), { config, unsafe: true });
    expect(fixed.passes).toBeGreaterThan(0);
    expect(fixed.passes).toBeLessThanOrEqual(10);
    const again = fixText(fixed.text, { config, unsafe: true });
    expect(again.fixCount).toBe(0);
    expect(again.text).toBe(fixed.text);
    expect(again.result.messages.length).toBe(fixed.result.messages.length);
  });

  it('an unreadable path is a failed outcome, not an exception', async () => {
    const outcome = await fixFile(path.join(dir, 'no-such-file.txt'), { config });
    expect(outcome.status).toBe('failed');
    expect(outcome.result.fatalErrorCount).toBe(1);
  });
});
