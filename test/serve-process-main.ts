/** `jxlint serve` from the TypeScript sources in a child process (the SIGTERM test). */
import { runServe } from '../src/serve/index.js';

const port = Number(process.argv[2] ?? 0);
process.exitCode = await runServe({ host: '127.0.0.1', port, store: false }, (line) => process.stderr.write(line + '\n'), {
  workerFile: new URL('./serve-worker.mjs', import.meta.url).href,
  threads: 1,
  accessLog: null,
});
