/**
 * Linting one file in the browser (浏览器内检查单个文件): bytes → Block stream (DecompressionStream
 * for .docx, see inflate.ts) → AST → rules, always one `LintResult` — exactly what the CLI's worker
 * (src/node/worker.ts `lintOneFile`) returns for the same bytes and name with the default config.
 */
import { internalFailure, lint, lintFailure, parseBlocks, SourceError, type LintResult, type Locale } from '../index.js';
import { readSourceInBrowser } from './inflate.js';

export interface BrowserLintOptions {
  locale?: Locale;
  /** Keep the parsed document on the result (the html report draws the tables from it). */
  keepDocument?: boolean;
}

/** Reads, parses and lints one file. Never throws because of the file. */
export async function lintBytes(bytes: Uint8Array, filePath: string, options: BrowserLintOptions = {}): Promise<LintResult> {
  try {
    const stream = await readSourceInBrowser(bytes, { filePath });
    return lint(parseBlocks(stream, filePath), { locale: options.locale, keepDocument: options.keepDocument === true });
  } catch (error) {
    if (error instanceof SourceError) return lintFailure(filePath, error, options.locale);
    return internalFailure(filePath, error, options.locale);
  }
}
