#!/usr/bin/env node
/** The `jxlint` binary: runs the command line (src/cli/program.ts) and sets the exit code. */
import { processIO } from './io.js';
import { main, reportError } from './program.js';

const io = processIO();
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.exitCode = reportError(e, io);
  },
);
