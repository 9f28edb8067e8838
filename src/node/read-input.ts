/**
 * Reading one input file from disk (读取输入文件), bounded and never blocking: only a regular file is
 * read; a FIFO, socket or device (`/dev/zero`, a named pipe called `x.docx`) is refused without
 * reading a byte, whether it was named or found in a folder or swapped in while the run goes on; at
 * most the size limit is read, even when the size the file system reports is 0 (`/proc`) or the
 * file grows; a file that changes while it is read is refused rather than half-read. Every failure
 * is one `SourceError` (one line, Chinese first) — the file's fatal result in a batch.
 */
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { SourceError } from '../sources/blocks.js';

/** What a path that is not a regular file is, in the user's words. */
function kindOf(info: Stats): { zh: string; en: string } {
  if (info.isFIFO()) return { zh: '命名管道（FIFO）', en: 'a named pipe (FIFO)' };
  if (info.isSocket()) return { zh: '套接字', en: 'a socket' };
  if (info.isCharacterDevice()) return { zh: '字符设备', en: 'a character device' };
  if (info.isBlockDevice()) return { zh: '块设备', en: 'a block device' };
  return { zh: '特殊文件', en: 'a special file' };
}

function notRegular(info: Stats): SourceError {
  if (info.isDirectory()) {
    return new SourceError('is-directory', '这是一个目录，不是文件：请指定文件，或用 jxlint lint 扫描目录', 'This is a directory, not a file');
  }
  const kind = kindOf(info);
  return new SourceError(
    'not-a-regular-file',
    `这不是普通文件，而是${kind.zh}：jxlint 只读取普通文件，不会从管道或设备读取；请把内容另存为文件后再检查`,
    `This is ${kind.en}, not a regular file; jxlint reads regular files only (never pipes or devices); save the content to a file and check that`,
  );
}

function tooLarge(size: number, maxFileSize: number, whileReading: boolean): SourceError {
  const mib = (maxFileSize / 1048576).toFixed(0);
  return new SourceError(
    'file-too-large',
    whileReading
      ? `文件过大（读取时超过上限 ${mib} MiB）：请确认文件无误，或用 --max-file-size 调高上限`
      : `文件过大（${(size / 1048576).toFixed(1)} MiB，上限 ${mib} MiB）：请确认文件无误，或用 --max-file-size 调高上限`,
    whileReading ? `File too large (more than ${maxFileSize} bytes read); check the file or raise --max-file-size` : `File too large (${size} bytes, limit ${maxFileSize}); check the file or raise --max-file-size`,
  );
}

/** A file-system error as the file's one-line failure. */
export function readFailure(error: unknown): SourceError {
  if (error instanceof SourceError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new SourceError('not-found', '文件不存在（或在检查开始后被移走、删除）：请检查路径是否正确', 'File not found (or moved or deleted after the run started); check the path');
    case 'EACCES':
    case 'EPERM':
      return new SourceError('no-access', '无权读取该文件：请检查文件权限', 'Permission denied; check the file permissions');
    case 'ELOOP':
      return new SourceError('symlink-loop', '符号链接循环：这个路径上的符号链接指向自身或互相指向，无法读取；请修正或删除该链接', 'Symbolic link loop: the links on this path point to each other; fix or remove the link');
    case 'ENAMETOOLONG':
      return new SourceError('path-too-long', '路径过长，系统无法打开：请把文件移到较短的路径下再检查', 'The path is too long to open; move the file to a shorter path');
    case 'ENXIO':
    case 'ENODEV':
      return new SourceError('not-a-regular-file', '这不是普通文件（套接字或设备）：jxlint 只读取普通文件；请把内容另存为文件后再检查', 'This is a socket or device, not a regular file; save the content to a file and check that');
    case 'EISDIR':
      return new SourceError('is-directory', '这是一个目录，不是文件：请指定文件，或用 jxlint lint 扫描目录', 'This is a directory, not a file');
    default:
      return new SourceError('read-failed', `无法读取文件（${code ?? '未知错误'}）：请检查文件和磁盘后重试`, `Cannot read the file (${code ?? 'unknown error'}); check the file and the disk, then retry`);
  }
}

/** Whether two stats of one open file say it changed in between. */
function changed(before: Stats, after: Stats): boolean {
  return before.size !== after.size || before.mtimeMs !== after.mtimeMs || before.ino !== after.ino;
}

const CHUNK = 1 << 20;

/** Reads to the end of the file, but never more than `limit + 1` bytes (one more tells "too large"). */
async function readBounded(handle: FileHandle, expected: number, limit: number): Promise<Uint8Array> {
  // The reported size is a hint (0 for /proc files, stale if the file grows): read until end of file.
  const chunks: Buffer[] = [];
  let total = 0;
  let want = Math.min(expected + 1, limit + 1);
  while (total <= limit) {
    const buffer = Buffer.allocUnsafe(Math.max(1, want));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    want = Math.min(CHUNK, limit + 1 - total);
  }
  const joined = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  return new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
}

/**
 * Reads a regular file's bytes, at most `maxFileSize`. Never blocks on a FIFO or device and never
 * reads one; every failure is a one-line SourceError.
 */
export async function readRegularFile(path: string, maxFileSize: number): Promise<Uint8Array> {
  let handle: FileHandle | undefined;
  try {
    // stat first: a device or pipe is refused before it is even opened.
    const named = await stat(path);
    if (!named.isFile()) throw notRegular(named);
    if (named.size > maxFileSize) throw tooLarge(named.size, maxFileSize, false);
    // O_NONBLOCK: if a FIFO was swapped in after the stat, opening it does not wait for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    const before = await handle.stat();
    if (!before.isFile()) throw notRegular(before);
    if (before.size > maxFileSize) throw tooLarge(before.size, maxFileSize, false);
    const bytes = await readBounded(handle, before.size, maxFileSize);
    if (bytes.length > maxFileSize) throw tooLarge(bytes.length, maxFileSize, true);
    const after = await handle.stat();
    if (changed(before, after) || (before.size > 0 && bytes.length !== before.size)) {
      throw new SourceError('file-changed', '文件在读取过程中被修改：请等文件写完、不再变动后重新检查', 'The file changed while it was being read; check it again once it is no longer being written');
    }
    return bytes;
  } catch (error) {
    throw readFailure(error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** The result of a sub-folder of a searched folder that could not be read (its files were not checked). */
export function unreadableFolderFailure(code: string): { code: string; message: string; messageEn: string } {
  const denied = code === 'EACCES' || code === 'EPERM';
  return {
    code: denied ? 'no-access' : 'read-failed',
    message: denied
      ? '无权读取该文件夹：其中的文件都没有检查；请检查文件夹权限后重新检查'
      : `无法读取该文件夹（${code}）：其中的文件都没有检查；请检查文件夹和磁盘后重新检查`,
    messageEn: denied
      ? 'Permission denied on this folder: none of its files were checked; fix its permissions and run again'
      : `Cannot read this folder (${code}): none of its files were checked; check it and run again`,
  };
}
