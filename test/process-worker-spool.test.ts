/**
 * A worker process's chunk file (src/node/process-worker.ts, `ChunkSpool`): pieces are written one
 * after another and replaced by their byte ranges; a file that cannot be made or written leaves the
 * outcome as it was, so its pieces go over the channel and the run goes on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChunkSpool } from '../src/node/process-worker.js';
import type { LintOutcome } from '../src/node/worker.js';
import { skippedResult } from '../src/node/worker.js';
import { cleanup, tempDir } from './cli-support.js';

const dir = tempDir('jxlint-chunk-spool-');
afterAll(() => cleanup(dir));

const bytes = (text: string) => new TextEncoder().encode(text);
const outcome = (...pieces: string[]): LintOutcome => ({ result: skippedResult('/x/a.txt'), pieces: pieces.map(bytes) });

describe('ChunkSpool', () => {
  it('writes the pieces of each outcome in turn and gives their ranges; empty pieces get empty ranges', () => {
    const file = path.join(dir, 'chunk-0');
    const spool = new ChunkSpool(file);
    const first = spool.take(outcome('{"a":1}', 'a,b\n'));
    const second = spool.take(outcome('', '报告'));
    spool.close();
    expect(first.pieces).toBeNull();
    expect(first.spooled).toEqual([
      { file, ranges: [0, 7], bytes: 7, shared: true },
      { file, ranges: [7, 11], bytes: 4, shared: true },
    ]);
    expect(second.spooled).toEqual([
      { file, ranges: [11, 11], bytes: 0, shared: true },
      { file, ranges: [11, 17], bytes: 6, shared: true },
    ]);
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}a,b\n报告');
  });

  it('an outcome without pieces, or with pieces already on disk (a large file), passes unchanged', () => {
    const spool = new ChunkSpool(path.join(dir, 'chunk-1'));
    const none: LintOutcome = { result: skippedResult('/x/b.txt'), pieces: null, spooled: [{ file: '/elsewhere', ranges: [0, 3], bytes: 3 }] };
    expect(spool.take(none)).toBe(none);
    spool.close();
  });

  it('a folder that is gone: the outcome keeps its pieces', () => {
    const spool = new ChunkSpool(path.join(dir, 'no-such-folder', 'chunk-2'));
    const kept = outcome('{"a":1}');
    expect(spool.take(kept)).toBe(kept);
    expect(Buffer.from(kept.pieces![0]!).toString()).toBe('{"a":1}');
    spool.close();
  });

  it('a full disk (/dev/full): the outcome that failed keeps its pieces, and so do the ones after it', () => {
    const spool = new ChunkSpool('/dev/full');
    const failed = outcome('{"a":1}', 'x');
    expect(spool.take(failed)).toBe(failed);
    const next = outcome('{"b":2}');
    expect(spool.take(next)).toBe(next);
    spool.close();
  });
});
