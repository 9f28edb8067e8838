/**
 * Shards on an existing scheduler (issue 14): `--shard auto` reads the shard from the environment
 * (Kubernetes Indexed Jobs, GitLab's parallel jobs, JXLINT_SHARD_*), and the GNU parallel recipe of
 * docs/cli.md — four shards run by Debian's `parallel`, then `jxlint merge` — gives the same report
 * as one unsharded run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, parseShard } from '../src/node.js';
import { BIN, cleanup, corruptDocx, ensureBuilt, SEED, tempDir } from './cli-support.js';

describe('--shard auto', () => {
  it.each([
    ['auto/4', { JOB_COMPLETION_INDEX: '0' }, { index: 1, count: 4 }],
    ['auto/4', { JOB_COMPLETION_INDEX: '3' }, { index: 4, count: 4 }],
    ['auto', { JOB_COMPLETION_INDEX: '1', JXLINT_SHARD_COUNT: '3' }, { index: 2, count: 3 }],
    ['auto', { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '5' }, { index: 2, count: 5 }],
    ['auto/2', { JXLINT_SHARD_INDEX: '2' }, { index: 2, count: 2 }],
    [' auto / 3 ', { CI_NODE_INDEX: '3' }, { index: 3, count: 3 }],
    ['2/4', { JOB_COMPLETION_INDEX: '0' }, { index: 2, count: 4 }],
  ])('%s with %o → %o', (text, env, shard) => {
    expect(parseShard(text, env)).toEqual(shard);
  });

  it.each([
    ['auto', {}, /找不到分片序号.*JOB_COMPLETION_INDEX/],
    ['auto', { JOB_COMPLETION_INDEX: '0' }, /找不到分片总数.*auto\/n/],
    ['auto/2', { JOB_COMPLETION_INDEX: '2' }, /分片序号 3 超出 1 到 2/],
    ['auto/2', { JOB_COMPLETION_INDEX: 'x' }, /找不到分片序号/],
    ['auto/0', { CI_NODE_INDEX: '1' }, /超出/],
    ['automatic', { CI_NODE_INDEX: '1' }, /--shard 应写成 k\/n/],
  ])('%s with %o is a one-line error', (text, env, message) => {
    let error: unknown;
    try {
      parseShard(text, env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('bad-shard');
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/\n/);
  });
});

const haveParallel = spawnSync('parallel', ['--version'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!haveParallel)('GNU parallel recipe (docs/cli.md)', () => {
  let dir = '';
  beforeAll(async () => {
    await ensureBuilt();
    dir = tempDir('jxlint-shard-');
    for (let i = 0; i < 5; i++) copyFileSync(path.join(SEED, 'seed.txt'), path.join(dir, `t${i}.txt`));
    copyFileSync(path.join(SEED, 'seed-rows.txt'), path.join(dir, 'rows.txt'));
    copyFileSync(path.join(SEED, 'seed.docx'), path.join(dir, 'd0.docx'));
    copyFileSync(path.join(SEED, 'seed.docx'), path.join(dir, 'd1.docx'));
    writeFileSync(path.join(dir, 'broken.docx'), corruptDocx());
  }, 300_000);
  afterAll(() => cleanup(dir));

  const jxlint = () => `${process.execPath} ${BIN}`; // BIN is set by ensureBuilt
  const run = (command: string, env: Record<string, string> = {}) =>
    spawnSync('bash', ['-c', command], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env, SOURCE_DATE_EPOCH: '1700000000' } });

  it.each([
    ['--shard {}/4', (bin: string) => `parallel -j4 ${bin} lint . --concurrency 1 --no-progress --shard {}/4 -f json -o shard-{}.json ::: 1 2 3 4`],
    ['--shard auto/4 with the index in the environment', (bin: string) => `parallel -j4 'JXLINT_SHARD_INDEX={} ${bin} lint . --concurrency 1 --no-progress --shard auto/4 -f json -o shard-{}.json' ::: 1 2 3 4`],
  ])('four shards through parallel (%s), merged, equal one unsharded run', (_, recipe) => {
    run('rm -f shard-*.json merged.json whole.json');
    run(recipe(jxlint()));
    const shards = [1, 2, 3, 4].map((k) => JSON.parse(readFileSync(path.join(dir, `shard-${k}.json`), 'utf8')) as unknown[]);
    expect(shards.map((s) => s.length)).toEqual([3, 2, 2, 2]);
    run(`${jxlint()} merge shard-1.json shard-2.json shard-3.json shard-4.json -f json -o merged.json`);
    run(`${jxlint()} lint . --concurrency 1 --no-progress -f json -o whole.json`);
    const whole = readFileSync(path.join(dir, 'whole.json'), 'utf8');
    expect(JSON.parse(whole)).toHaveLength(9);
    expect(readFileSync(path.join(dir, 'merged.json'), 'utf8')).toBe(whole);
  });

  it('parallel itself is the Debian one the docs name', () => {
    expect(execFileSync('parallel', ['--version'], { encoding: 'utf8' })).toMatch(/GNU parallel/);
  });
});
