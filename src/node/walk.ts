/**
 * Searching a folder (扫描目录) for the files of a batch. Unlike a glob, nothing that looks like a
 * document is silently left out: a named pipe, socket or device called `x.docx`, a symbolic link
 * that loops or points nowhere, a link to `/dev/zero` — each is listed, and the reader gives it its
 * one fatal result. A sub-folder that cannot be read is listed too (its own result says so).
 * Symbolic links to folders are followed once: a link back to a folder already searched is not
 * searched again, so a link loop cannot make the search endless. Dot-folders, dot-files and
 * `node_modules` are skipped, as before.
 */
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface FolderEntry {
  /** Absolute path. */
  path: string;
  /** Set when this is a sub-folder that could not be searched: the error code (EACCES …). */
  unreadableFolder?: string;
}

function identity(info: Stats): string {
  return `${info.dev}:${info.ino}`;
}

function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export interface WalkOptions {
  /** Names never listed nor searched (default: dot-files, dot-folders and `node_modules`). */
  skip?: (name: string) => boolean;
  /** Whether to search a sub-folder (absolute path) at all; a glob prunes the folders it cannot match in. */
  descend?: (folder: string) => boolean;
}

/** Every entry below `root` that is not a folder (files, pipes, devices, broken links), and the folders that could not be read. */
export async function walkFolder(root: string, options: WalkOptions = {}): Promise<FolderEntry[]> {
  const isSkipped = options.skip ?? skipped;
  const descend = options.descend ?? (() => true);
  const found: FolderEntry[] = [];
  const searched = new Set<string>([identity(await stat(root))]);
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      found.push({ path: folder, unreadableFolder: (error as NodeJS.ErrnoException).code ?? 'unknown' });
      continue;
    }
    for (const entry of entries) {
      if (isSkipped(entry.name)) continue;
      const full = path.join(folder, entry.name);
      const known = entry.isFile() || entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice();
      if (known) {
        found.push({ path: full });
        continue;
      }
      // A folder, a symbolic link, or a type the file system did not say: ask.
      let info: Stats | null = null;
      try {
        info = await stat(full);
      } catch {
        info = null; // a link that loops or points nowhere: listed, and its read fails with the reason
      }
      if (!info?.isDirectory()) {
        found.push({ path: full });
        continue;
      }
      if (!descend(full)) continue;
      const id = identity(info);
      if (searched.has(id)) continue;
      searched.add(id);
      pending.push(full);
    }
  }
  return found;
}
