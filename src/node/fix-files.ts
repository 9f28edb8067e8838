/**
 * Fixing files (自动修复): lint a text export, apply its fixes, lint again, until no more fix
 * applies (at most `maxPasses`, ESLint's 10), and write the file back in its own encoding — UTF-8
 * with or without BOM, UTF-16 LE/BE with BOM, GB18030 — so every byte outside the fixed cells stays
 * as it was (line endings included). Word (.docx/.doc) and HTML files are never rewritten: they
 * are linted, and their result says why nothing was fixed.
 *
 *   const outcome = await fixFile('报送/项目.txt', { config });          // safe fixes, in place
 *   const preview = await fixFile(path, { config, unsafe: true, write: false });
 *   preview.diff                                                          // unified diff
 */
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { createTwoFilesPatch } from 'diff';
import iconv from 'iconv-lite';
import { applyTextFixes, fixSafety, lint, lintFailure, parseText, SourceError, tryParse } from '../index.js';
import type { LintResult, Locale, ResolvedConfig, TextEncoding } from '../index.js';
// Called only when a file is fixed, so the cycle node.ts ⇄ fix-files.ts is harmless.
import { readInputFile } from '../node.js';
import { decodeText } from '../sources/text.js';

/** ESLint's bound on lint → fix passes. */
export const MAX_FIX_PASSES = 10;

export interface FixOptions {
  /** The file's resolved config (after per-file overrides); default `recommended`. */
  config?: ResolvedConfig;
  locale?: Locale;
  /** Apply unsafe fixes too (`--unsafe-fixes`); default only safe ones (`--fix`). */
  unsafe?: boolean;
  /** Write the fixed file back (default true); false for a dry run. */
  write?: boolean;
  /** Compute a unified diff of the change (`--fix-dry-run`). */
  diff?: boolean;
  /** Label of the file in the diff (default its path). */
  diffLabel?: string;
  maxPasses?: number;
  keepDocument?: boolean;
  docxReader?: 'stream' | 'mammoth';
  maxFileSize?: number;
  maxInflatedSize?: number;
}

/**
 * What fixing did to a file:
 * - `fixed`: fixes applied (written unless `write: false`);
 * - `unchanged`: a text export with nothing to fix at this safety;
 * - `not-text`: a Word, .doc or HTML file — never rewritten;
 * - `not-lossless`: its bytes do not decode and re-encode to themselves (malformed UTF-8, GB18030
 *   outside the mapping), so rewriting it would change more than the fixed cells; left alone;
 * - `failed`: it could not be read or parsed at all (the result carries the fatal message).
 */
export type FixStatus = 'fixed' | 'unchanged' | 'not-text' | 'not-lossless' | 'failed';

export interface FileFixOutcome {
  filePath: string;
  status: FixStatus;
  /** The lint result after fixing: the problems that remain. */
  result: LintResult;
  /** Fixes applied over all passes. */
  fixCount: number;
  /** Lint → fix passes that changed the text. */
  passes: number;
  /** The fixed bytes (null when nothing changed or the file is not a rewritable text export). */
  output: Uint8Array | null;
  /** The fixed text, decoded (null when nothing changed). */
  outputText: string | null;
  /** Whether the file on disk was rewritten. */
  written: boolean;
  /** Unified diff of the change, when asked (empty when nothing changed). */
  diff?: string;
}

const BOMS: Partial<Record<TextEncoding, number[]>> = {
  'utf-8-bom': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
};
const ICONV_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'utf8',
  'utf-8-bom': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  gb18030: 'gb18030',
};

/** Encodes text the way a file of `encoding` holds it (with its BOM). */
export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  const body = iconv.encode(text, ICONV_NAMES[encoding]);
  const bom = BOMS[encoding] ?? [];
  const out = new Uint8Array(bom.length + body.length);
  out.set(bom, 0);
  out.set(body, bom.length);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The text the reader's line/column refer to: without a leading U+FEFF (readTextString drops it). */
function splitBom(text: string): { bom: string; body: string } {
  return text.charCodeAt(0) === 0xfeff ? { bom: '\uFEFF', body: text.slice(1) } : { bom: '', body: text };
}

/**
 * Lint → fix → lint on a decoded text until no fix applies (at most `maxPasses`). Pure: no files.
 * `first` is the result of linting `text` already, when the caller has it.
 */
export function fixText(
  text: string,
  options: Pick<FixOptions, 'config' | 'locale' | 'unsafe' | 'maxPasses' | 'keepDocument'> & { filePath?: string; first?: LintResult } = {},
): { text: string; result: LintResult; fixCount: number; passes: number } {
  const filePath = options.filePath ?? '<text>';
  const lintText = (t: string) =>
    lint(parseText(t, filePath), { config: options.config, locale: options.locale, keepDocument: options.keepDocument === true });
  const { bom, body } = splitBom(text);
  let current = body;
  let result = options.first ?? lintText(current);
  let fixCount = 0;
  let passes = 0;
  const max = options.maxPasses ?? MAX_FIX_PASSES;
  while (passes < max) {
    const outcome = applyTextFixes(current, result.messages, { safety: options.unsafe ? 'all' : 'safe' });
    if (outcome.applied.length === 0 || outcome.output === current) break;
    current = outcome.output;
    fixCount += outcome.applied.length;
    passes++;
    result = lintText(current);
  }
  return { text: bom + current, result: { ...result, filePath }, fixCount, passes };
}

/** Fixes a file's bytes in memory (no file is read or written). Never throws because of the file. */
export async function fixBytes(bytes: Uint8Array, filePath: string, options: FixOptions = {}): Promise<FileFixOutcome> {
  const base = { filePath, fixCount: 0, passes: 0, output: null, outputText: null, written: false };
  const parsed = await tryParse(bytes, {
    filePath,
    docxReader: options.docxReader,
    maxFileSize: options.maxFileSize,
    maxInflatedSize: options.maxInflatedSize,
  });
  if (parsed.error) return { ...base, status: 'failed', result: lintFailure(filePath, parsed.error, options.locale ?? options.config?.locale) };
  const lintOptions = { config: options.config, locale: options.locale, keepDocument: options.keepDocument === true };
  const first = lint(parsed.document, lintOptions);
  const withDiff = (o: FileFixOutcome): FileFixOutcome => (options.diff ? { ...o, diff: o.diff ?? '' } : o);
  if (parsed.document.format !== 'text') return withDiff({ ...base, status: 'not-text', result: first });
  if (!first.messages.some((m) => m.fix && (options.unsafe || fixSafety(m.fix) === 'safe'))) {
    return withDiff({ ...base, status: 'unchanged', result: first });
  }
  const decoded = decodeText(bytes);
  // Rewrite only what re-encodes to the very same bytes; otherwise more than the fixed cells would change.
  if (!sameBytes(encodeText(decoded.text, decoded.encoding), bytes)) return withDiff({ ...base, status: 'not-lossless', result: first });
  const fixed = fixText(decoded.text, { ...lintOptions, unsafe: options.unsafe, maxPasses: options.maxPasses, filePath, first });
  const result: LintResult = { ...fixed.result, format: first.format, encoding: first.encoding };
  if (fixed.fixCount === 0 || fixed.text === decoded.text) return withDiff({ ...base, status: 'unchanged', result });
  const outcome: FileFixOutcome = {
    ...base,
    status: 'fixed',
    result,
    fixCount: fixed.fixCount,
    passes: fixed.passes,
    output: encodeText(fixed.text, decoded.encoding),
    outputText: fixed.text,
  };
  if (options.diff) {
    const label = options.diffLabel ?? filePath;
    outcome.diff = createTwoFilesPatch(label, label, decoded.text, fixed.text, undefined, undefined, { context: 3 });
  }
  return outcome;
}

/**
 * Fixes one file in place (or, with `write: false`, only reports what would change). The file is
 * replaced atomically (written beside it, then renamed), keeping its mode. Never throws because of
 * the file: an unreadable file is a `failed` outcome; a file that cannot be written back is `failed`
 * with a fatal message naming the reason.
 */
export async function fixFile(filePath: string, options: FixOptions = {}): Promise<FileFixOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(filePath, options.maxFileSize);
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    const result = lintFailure(filePath, e, options.locale ?? options.config?.locale);
    return { filePath, status: 'failed', result, fixCount: 0, passes: 0, output: null, outputText: null, written: false };
  }
  const outcome = await fixBytes(bytes, filePath, options);
  if (outcome.status !== 'fixed' || options.write === false || !outcome.output) return outcome;
  try {
    await writeAtomically(filePath, outcome.output);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
    const failure = lintFailure(
      filePath,
      {
        code: 'write-failed',
        message: `无法写回修复后的文件（${code}）：请检查文件权限，或用 --fix-dry-run 查看修改`,
        messageEn: `cannot write the fixed file back (${code}); check its permissions, or use --fix-dry-run to see the change`,
      },
      options.locale ?? options.config?.locale,
    );
    return { ...outcome, status: 'failed', result: failure, written: false };
  }
  return { ...outcome, written: true };
}

let tmpCounter = 0;

/** Writes beside the file and renames over it, so a crash never leaves half a file. */
async function writeAtomically(filePath: string, bytes: Uint8Array): Promise<void> {
  const info = await stat(filePath);
  const tmp = `${filePath}.jxlint-fix-${process.pid}-${++tmpCounter}.tmp`;
  try {
    await writeFile(tmp, bytes, { mode: info.mode });
    await rename(tmp, filePath);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
