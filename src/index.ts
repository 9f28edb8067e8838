/**
 * The jxlint library API — the only door the CLI, the LSP server, the service and the workers use.
 * Browser-safe: no Node-only imports here (see src/node.ts for the file-system edge).
 *
 *   parse(bytes | text, options)  → JxDocument          (sources → grammar → AST)
 *   lint(document, config)        → LintResult          (engine + rules)
 *   format(results, name, opts)   → string | Uint8Array (formatters)
 */
import type { JxDocument } from './ast/types.js';
import { buildDocument } from '../grammar/document.js';
import type { BlockStream } from './sources/blocks.js';
import { SourceError } from './sources/blocks.js';
import { readTextString } from './sources/text.js';
import type { ReadSourceOptions } from './sources/index.js';

export type * from './ast/types.js';
export type { Block, BlockStream, Cell, TableBlock, ParagraphBlock } from './sources/blocks.js';
export { SourceError } from './sources/blocks.js';
export { toParseJson, withoutOrigins } from './ast/parse-json.js';
export type { ParsedDocumentJson, ParsedProjectJson } from './ast/parse-json.js';
export type * from './engine/types.js';

export interface ParseOptions extends Partial<Omit<ReadSourceOptions, 'filePath'>> {
  filePath?: string;
}

/** Parses a Block stream (from any reader) into the AST. Never throws on malformed tables. */
export function parseBlocks(stream: BlockStream, filePath = '<input>'): JxDocument {
  return buildDocument(stream, filePath);
}

/** Parses already-decoded plain text (editors, tests). Synchronous. */
export function parseText(text: string, filePath = '<text>'): JxDocument {
  return buildDocument(readTextString(text), filePath);
}

/**
 * Parses a document of any supported format (sniffed by content).
 * Throws `SourceError` (one-line Chinese + English message) when the bytes cannot be read at all;
 * a readable file with broken tables returns a document with diagnostics instead.
 */
export async function parse(input: Uint8Array | string, options: ParseOptions = {}): Promise<JxDocument> {
  const filePath = options.filePath ?? '<input>';
  if (typeof input === 'string') return parseText(input, filePath);
  // Loaded on first use: text-only callers (editors, tests) never pay for the Word readers.
  const { readSource } = await import('./sources/index.js');
  const stream = await readSource(input, { ...options, filePath });
  return buildDocument(stream, filePath);
}

/**
 * Reads a document of any supported format into its Block stream, without building the AST — for
 * `lintBlocksByProject`. Throws `SourceError` as `parse` does.
 */
export async function readBlockStream(input: Uint8Array, options: ParseOptions = {}): Promise<BlockStream> {
  const { readSource } = await import('./sources/index.js');
  return readSource(input, { ...options, filePath: options.filePath ?? '<input>' });
}

/** Like `parse`, but turns a `SourceError` into `{ error }` instead of throwing. */
export async function tryParse(
  input: Uint8Array | string,
  options: ParseOptions = {},
): Promise<{ document: JxDocument; error: null } | { document: null; error: SourceError }> {
  try {
    return { document: await parse(input, options), error: null };
  } catch (e) {
    if (e instanceof SourceError) return { document: null, error: e };
    throw e;
  }
}

// Engine (rules, config, baseline, registry); `lint` is the engine's lintDocument.
export * from './engine/index.js';
export { lintDocument as lint } from './engine/lint.js';
// Per-file `overrides` of a config (按文件覆盖): the config that applies to one file.
export { configForFile, matchingOverrides } from './engine/config-overrides.js';
export type { ConfigOverride } from './engine/config.js';

// Formatters (pure functions from results to report text or bytes).
export { formatResults as format, formatNames, isFormatName, isBinaryFormat, summarize } from './formatters/index.js';
export type { FormatName, FormatOptions, Summary, AgencySummary, FailedFile, JsonReport } from './formatters/index.js';
// The file-by-file form of json, report-json, csv and github (batch writers, worker threads).
export { createStream, isStreamedFormat, renderWhole, STREAMED_FORMATS, summaryInput, SummaryBuilder } from './formatters/index.js';
export type { ReportStream, StreamedFormatName } from './formatters/index.js';
export { agencyFileStem, createHtmlBatchReport, DEFAULT_TIME_ZONE, isTimeZone, localTime, splitByAgency } from './formatters/index.js';
export type { AgencyPart, DocumentPage, HtmlBatchReport } from './formatters/index.js';
