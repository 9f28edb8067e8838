/**
 * Report files written atomically (报告文件的原子写入): a report goes to a temporary file beside its
 * path and is renamed over it only when it is complete. A run that is interrupted, runs out of disk
 * or fails leaves the earlier report as it was, never half a report that looks complete, and never
 * its temporary file (removed on every exit path, including Ctrl-C). A path that is not a regular
 * file (`/dev/stdout`, `/dev/null`, a named pipe) is written directly: it cannot be renamed over.
 * Every failure is one `InputError` line naming the report and the cause (a full disk says so).
 */
import { closeSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { InputError } from './discover.js';

/** What a write error means, in the user's words. */
function cause(code: string): { zh: string; en: string } {
  switch (code) {
    case 'ENOSPC':
      return { zh: '磁盘已满（ENOSPC）；请腾出空间或换一个输出位置', en: 'the disk is full (ENOSPC); free some space or write elsewhere' };
    case 'EDQUOT':
      return { zh: '磁盘配额已用完（EDQUOT）；请腾出空间或换一个输出位置', en: 'the disk quota is used up (EDQUOT); free some space or write elsewhere' };
    case 'EFBIG':
      return { zh: '文件超过了系统允许的大小（EFBIG）；请换一个输出位置', en: 'the file is larger than the system allows (EFBIG); write elsewhere' };
    case 'EROFS':
      return { zh: '文件系统是只读的（EROFS）；请换一个输出位置', en: 'the file system is read-only (EROFS); write elsewhere' };
    case 'EIO':
      return { zh: '磁盘读写错误（EIO）；请检查磁盘或换一个输出位置', en: 'an I/O error (EIO); check the disk or write elsewhere' };
    case 'EACCES':
    case 'EPERM':
      return { zh: `没有写入权限（${code}）；请检查文件夹权限或换一个输出位置`, en: `permission denied (${code}); check the folder's permissions or write elsewhere` };
    case 'ENOENT':
    case 'ENOTDIR':
      return { zh: `无法在该位置创建文件（${code}）；请检查路径`, en: `no file can be created there (${code}); check the path` };
    case 'EISDIR':
      return { zh: '这是一个文件夹（EISDIR）；请指定文件名', en: 'this is a folder (EISDIR); give a file name' };
    default:
      return { zh: `${code}；请检查路径和权限`, en: `${code}; check the path and permissions` };
  }
}

/** A report that cannot be written: one line naming it and why. */
export function reportWriteError(label: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  const { zh, en } = cause((error as NodeJS.ErrnoException).code ?? 'unknown');
  return new InputError('report-not-writable', `无法写入报告文件 ${label}：${zh}`, `cannot write the report ${label}: ${en}`);
}

/** Temporary files not yet renamed or removed: removed when the process exits, however it exits. */
const unfinished = new Set<string>();
let exitHooked = false;
function track(file: string): void {
  unfinished.add(file);
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', removeUnfinishedReports);
}

/** A temporary file of the run (the --cache file being written): removed on every exit path unless forgotten first. */
export function trackTemporaryFile(file: string): void {
  track(file);
}

/** The temporary file was renamed into place or removed: nothing to clean up. */
export function forgetTemporaryFile(file: string): void {
  unfinished.delete(file);
}

/** Removes every temporary report file and folder still open (the exit hook; also called on Ctrl-C). */
export function removeUnfinishedReports(): void {
  for (const file of unfinished) rmSync(file, { force: true, recursive: true });
  unfinished.clear();
}

/** The file the report replaces: the target of a link, so the link itself stays a link. */
function finalPath(target: string): string {
  try {
    return realpathSync(target);
  } catch {
    return target;
  }
}

/** Whether the path exists and is something other than a regular file (a device, a pipe, a terminal). */
function isSpecial(target: string): boolean {
  try {
    const info = statSync(target);
    return !info.isFile() && !info.isDirectory();
  } catch {
    return false;
  }
}

function temporaryName(target: string, suffix = 'tmp'): string {
  const random = Math.random().toString(36).slice(2, 8);
  return path.join(path.dirname(target), `.${path.basename(target)}.jxlint-${process.pid}-${random}.${suffix}`);
}

/** A report file being written: `write` as it comes, then `commit` (renamed into place) or `discard`. */
export class ReportFile {
  private closed = false;

  private constructor(
    private readonly fd: number,
    /** Where the bytes go now: the temporary file, or the target itself when it is special. */
    private readonly writing: string,
    private readonly target: string,
    private readonly label: string,
  ) {}

  /** Opens a report file (creating its folder). Throws a one-line InputError when it cannot be. */
  static open(file: string, label: string = file): ReportFile {
    const target = finalPath(path.resolve(file));
    try {
      if (isSpecial(target)) return new ReportFile(openSync(target, 'w'), target, target, label);
      mkdirSync(path.dirname(target), { recursive: true });
      const temporary = temporaryName(target);
      const fd = openSync(temporary, 'wx', 0o666);
      track(temporary);
      return new ReportFile(fd, temporary, target, label);
    } catch (e) {
      throw reportWriteError(label, e);
    }
  }

  /** Checks that the report can be written (folder, permissions) without touching an earlier report. */
  static probe(file: string, label: string = file): void {
    ReportFile.open(file, label).discard();
  }

  write(chunk: string | Uint8Array): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    try {
      for (let off = 0; off < bytes.length; ) off += writeSync(this.fd, bytes, off, bytes.length - off);
    } catch (e) {
      this.discard();
      throw reportWriteError(this.label, e);
    }
  }

  /** The report is complete: close it and put it in place of the earlier one. */
  commit(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      closeSync(this.fd);
      if (this.writing !== this.target) {
        renameSync(this.writing, this.target);
        unfinished.delete(this.writing);
      }
    } catch (e) {
      this.removeTemporary();
      throw reportWriteError(this.label, e);
    }
  }

  /** The run did not finish: remove the temporary file; an earlier report stays as it was. */
  discard(): void {
    if (!this.closed) {
      this.closed = true;
      try {
        closeSync(this.fd);
      } catch {
        // already closed by a failed write
      }
    }
    this.removeTemporary();
  }

  private removeTemporary(): void {
    if (this.writing === this.target) return;
    try {
      unlinkSync(this.writing);
    } catch {
      // already gone
    }
    unfinished.delete(this.writing);
  }
}

/** Writes a whole report atomically. Throws a one-line InputError on failure. */
export function writeReportFile(file: string, content: string | Uint8Array, label: string = file): void {
  const report = ReportFile.open(file, label);
  report.write(content);
  report.commit();
}

/**
 * A report folder (the html report's document pages, `报告.files/`) written atomically: its files go
 * into a temporary folder beside it (`.报告.files.jxlint-<pid>-<random>.tmp/`), which is renamed into
 * place only by `commit`. A run that stops early removes the temporary folder (also from the exit
 * hook) and the earlier folder stays as it was. On commit the earlier folder is moved aside, the new
 * one renamed in, and the earlier one removed — after moving back into the new folder anything in it
 * that `isOurs` does not claim (a user's own file there is never deleted).
 */
export class ReportFolder {
  private done = false;

  private constructor(
    /** The folder to write into now (the temporary one). */
    readonly path: string,
    private readonly target: string,
    private readonly label: string,
  ) {}

  /** Creates the temporary folder beside `folder`. Throws a one-line InputError when it cannot. */
  static open(folder: string, label: string = folder): ReportFolder {
    const target = path.resolve(folder);
    const temporary = temporaryName(target);
    try {
      if (statSync(target, { throwIfNoEntry: false })?.isDirectory() === false) {
        throw Object.assign(new Error(`${target} is not a folder`), { code: 'ENOTDIR' });
      }
      mkdirSync(path.dirname(target), { recursive: true });
      mkdirSync(temporary);
      track(temporary);
    } catch (e) {
      throw reportWriteError(label, e);
    }
    return new ReportFolder(temporary, target, label);
  }

  /**
   * The folder is complete: put it in place of the earlier one. `isOurs(name)` says which entries of
   * the earlier folder an earlier run wrote (they are dropped); the others are kept.
   */
  commit(isOurs: (name: string) => boolean): void {
    if (this.done) return;
    this.done = true;
    let aside: string | null = temporaryName(this.target, 'old');
    try {
      try {
        renameSync(this.target, aside);
        track(aside);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        aside = null; // no earlier folder
      }
      try {
        renameSync(this.path, this.target);
      } catch (e) {
        if (aside) renameSync(aside, this.target); // put the earlier folder back
        unfinished.delete(aside ?? '');
        throw e;
      }
      unfinished.delete(this.path);
      if (aside) {
        for (const name of readdirSync(aside)) {
          if (isOurs(name)) continue;
          try {
            renameSync(path.join(aside, name), path.join(this.target, name));
          } catch {
            // a name the new report also uses: the report's own file wins
          }
        }
        rmSync(aside, { recursive: true, force: true });
        unfinished.delete(aside);
      }
    } catch (e) {
      this.discard();
      throw reportWriteError(this.label, e);
    }
  }

  /** The run did not finish: remove the temporary folder; an earlier one stays as it was. */
  discard(): void {
    this.done = true;
    rmSync(this.path, { recursive: true, force: true });
    unfinished.delete(this.path);
  }
}
