/**
 * The Node-only edge of the library: reading files from disk. Everything else lives in the
 * browser-safe core behind src/index.ts.
 */
import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_MAX_FILE_SIZE, SourceError } from './sources/blocks.js';
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
export { toolVersion } from './node/version.js';
export { nodeRawInflate, useNativeInflate } from './node/inflate.js';

/** Default refusal size for one input file (bytes): the one constant of src/sources/blocks.ts. */
export { DEFAULT_MAX_FILE_SIZE };

/** Reads a file's bytes, turning every file-system failure into a one-line SourceError. */
export async function readInputFile(path: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new SourceError('is-directory', '这是一个目录，不是文件：请指定文件，或用 jxlint lint 扫描目录', 'This is a directory, not a file');
    }
    if (info.size > maxFileSize) {
      throw new SourceError(
        'file-too-large',
        `文件过大（${(info.size / 1048576).toFixed(1)} MiB，上限 ${(maxFileSize / 1048576).toFixed(0)} MiB）：请确认文件无误，或用 --max-file-size 调高上限`,
        `File too large (${info.size} bytes, limit ${maxFileSize}); check the file or raise --max-file-size`,
      );
    }
    return new Uint8Array(await readFile(path));
  } catch (e) {
    if (e instanceof SourceError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SourceError('not-found', '文件不存在：请检查路径是否正确', 'File not found; check the path');
    if (code === 'EACCES' || code === 'EPERM') throw new SourceError('no-access', '无权读取该文件：请检查文件权限', 'Permission denied; check the file permissions');
    throw new SourceError('read-failed', `无法读取文件（${code ?? '未知错误'}）`, `Cannot read the file (${code ?? 'unknown error'})`);
  }
}
