#!/usr/bin/env node
/** The `jxlint` binary: runs the command line (src/cli/program.ts) and sets the exit code. */
import { processIO } from './io.js';
import { main, reportError } from './program.js';

// `jxlint … | head`: the reader went away; stop quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const io = processIO();
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.exitCode = reportError(e, io);
  },
);
