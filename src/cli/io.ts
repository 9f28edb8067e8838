/** The process as the CLI sees it: streams, environment, working directory (injectable in tests). */

export interface CliIO {
  /** Writes a line to stdout. */
  stdout(text: string): void;
  /** Writes text or bytes to stdout as they are (streamed reports). */
  writeStdout(chunk: string | Uint8Array): void;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
  /** Columns of the terminal on stdout (undefined when stdout is not a terminal). */
  stdoutColumns?: number;
  stderrStream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Colour for stdout: `--color`/`--no-color`, else off with NO_COLOR or when stdout is not a terminal. */
export function stdoutColor(flag: boolean | undefined, io: Pick<CliIO, 'env' | 'stdoutIsTTY'>): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdoutIsTTY;
}

/** Where the terminal report wraps: the terminal's width, else `COLUMNS`, else 80. */
export function terminalWidth(io: Pick<CliIO, 'stdoutColumns' | 'env'>): number {
  if (io.stdoutColumns && io.stdoutColumns > 0) return io.stdoutColumns;
  const columns = Number(io.env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : 80;
}

/** The process's streams, environment and directory. */
export function processIO(): CliIO {
  return {
    stdout: (s) => process.stdout.write(s + '\n'),
    writeStdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s + '\n'),
    stdoutIsTTY: process.stdout.isTTY === true,
    stdoutColumns: process.stdout.isTTY ? process.stdout.columns : undefined,
    stderrStream: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}
