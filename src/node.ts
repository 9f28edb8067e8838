/**
 * The Node-only edge of the library: reading files from disk. Everything else lives in the
 * browser-safe core behind src/index.ts.
 */
import { DEFAULT_MAX_FILE_SIZE } from './sources/blocks.js';
import { readRegularFile } from './node/read-input.js';
import { useNativeInflate } from './node/inflate.js';

// .docx entries are inflated by zlib (native) rather than fflate whenever the Node edge is loaded.
useNativeInflate();

export * from './index.js';

/** Fixing text exports in place (`jxlint --fix`): lint → fix → lint, written back in the file's own encoding. */
export {
  encodeText,
  fixBytes,
  fixFile,
  fixText,
  MAX_FIX_PASSES,
  type FileFixOutcome,
  type FixOptions,
  type FixStatus,
} from './node/fix-files.js';

/**
 * Batches (批量检查), shaped like ESLint's `ESLint#lintFiles`: find the files, lint them on the
 * worker pool in path order, write the reports (see docs/node-api.md).
 */
export {
  configForPath,
  discoverFiles,
  iterateLintFiles,
  lintFiles,
  lintFilesToReports,
  readBaselineFile,
  RunInterrupted,
  type DiscoverFilesOptions,
  type LintFilesOptions,
  type LintFilesToReportsOptions,
  type LintReportsOutcome,
  type LintTarget,
} from './node/api.js';
export { exitCodeOf, generatedAt, streamsToStdout, writeReports, type ReportOptions, type ReportOutput, type ReportStdout, type ReportTotals } from './node/reports.js';
export { mergeResultFiles, readResultsFile, type MergeOptions } from './node/merge.js';
export { comparePaths, InputError, parseShard, selectShard, shardFromEnvironment, type Shard } from './node/discover.js';
export { skippedResult, type LintFileTask, type LintRunSettings } from './node/worker.js';
/** Batch reliability (issue 15): worker limits, and removing half-written reports when the process is stopped. */
export { DEFAULT_TIME_LIMIT_MS, DEFAULT_WORKER_MEMORY_MB } from './node/lint-files.js';
export { removeUnfinishedReports } from './node/report-files.js';
export { toolVersion } from './node/version.js';
export { nodeRawInflate, useNativeInflate } from './node/inflate.js';

/** Default refusal size for one input file (bytes): the one constant of src/sources/blocks.ts. */
export { DEFAULT_MAX_FILE_SIZE };

/**
 * Reads a file's bytes, turning every file-system failure into a one-line SourceError: only regular
 * files, never more than `maxFileSize`, never blocking on a FIFO or device (src/node/read-input.ts).
 */
export async function readInputFile(path: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): Promise<Uint8Array> {
  return readRegularFile(path, maxFileSize);
}
