/**
 * `jxlint serve` from the TypeScript sources in a child process, serving a given page build and
 * recording into a given data folder (the served-page end-to-end test). Argument: a JSON object
 * `{ pageDir, data, store }`.
 */
import { runServe } from '../src/serve/index.js';

const { pageDir, data, store } = JSON.parse(process.argv[2] ?? '{}') as { pageDir: string; data: string; store: boolean };
process.exitCode = await runServe({ host: '127.0.0.1', port: 0, store, data }, (line) => process.stderr.write(line + '\n'), {
  workerFile: new URL('./serve-worker.mjs', import.meta.url).href,
  pageDir,
  threads: 1,
  accessLog: null,
});
