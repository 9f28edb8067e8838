#!/usr/bin/env node
/**
 * The `jxlint` binary: runs the command line (src/cli/program.ts) and sets the exit code.
 * Start-up path (启动路径): `jxlint --version` answers without loading the argument parser, and
 * every command loads only its own modules (program.ts imports them when the command runs).
 */

// `jxlint … | head`: the reader went away; stop quietly instead of printing a stack trace.
// `jxlint … > /dev/full`: one line on stderr and exit code 2.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stream === process.stdout) {
      const full = e.code === 'ENOSPC' || e.code === 'EDQUOT';
      process.stderr.write(
        full
          ? 'jxlint: 无法写入标准输出：磁盘已满（ENOSPC）；请腾出空间或用 -o 写到别处（cannot write to standard output: the disk is full）\n'
          : `jxlint: 无法写入标准输出（${e.code ?? 'unknown'}）（cannot write to standard output）\n`,
      );
    }
    process.exit(2);
  });
}

const argv = process.argv.slice(2);
// No top-level await: the bundle is a classic script that the launcher compiles with a code cache
// (scripts/bundle.mjs, scripts/launcher.mjs).
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  void import('../node/version.js').then(({ toolVersion }) => process.stdout.write(toolVersion() + '\n'));
} else {
  void Promise.all([import('./io.js'), import('./program.js')]).then(([{ processIO }, { main, reportError }]) => {
    const io = processIO();
    main(argv, io).then(
      (code) => {
        process.exitCode = code;
      },
      (e: unknown) => {
        process.exitCode = reportError(e, io);
      },
    );
  });
}
