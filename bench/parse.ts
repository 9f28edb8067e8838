/** Core speed: parsing the seed text export in-process and as a whole `jxlint parse` process. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from '../src/index.js';
import { type BenchRow, medianMs, processMs } from './util.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export async function benchParse(): Promise<BenchRow[]> {
  const seed = new Uint8Array(readFileSync(root + 'fixtures/seed/seed.txt'));
  const inProcess = await medianMs(() => parse(seed, { filePath: 'seed.txt' }), 200, 50);
  const wall = processMs(process.execPath, [root + 'dist/bin/main.cjs', 'parse', root + 'fixtures/seed/seed.txt', '--format', 'json'], 15);
  return [
    { name: 'parse seed.txt in-process (warm, median)', value: inProcess, unit: 'ms', target: '< 3 ms', ok: inProcess < 3 },
    { name: '`jxlint parse seed.txt` whole process (median wall)', value: wall, unit: 'ms', target: '< 250 ms', ok: wall < 250 },
  ];
}
