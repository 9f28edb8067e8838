/**
 * The progress bar (进度条) on stderr: files done/total, rate and ETA. Shown only when stderr is a
 * terminal, no report is written to stderr, and not in CI (env CI set); redrawn at most 10 times a
 * second; erased before the report is printed.
 */

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

export interface ProgressOptions {
  stream: ProgressStream;
  env: NodeJS.ProcessEnv;
  /** A report goes to stderr. */
  reportOnStderr: boolean;
  /** Fewer files than this: no bar (it would only flicker). */
  minFiles?: number;
}

/** Whether to draw a bar at all. */
export function progressWanted(total: number, options: ProgressOptions): boolean {
  const ci = options.env.CI !== undefined && options.env.CI !== '' && options.env.CI !== '0' && options.env.CI.toLowerCase() !== 'false';
  return options.stream.isTTY === true && !options.reportOnStderr && !ci && total >= (options.minFiles ?? 2);
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * One line of the bar: `[██████░░░░] 120/1000 文件 · 45.2 个/秒 · 剩余 0:19`. The rate is
 * `rateFiles` files in `rateMs` (measured from the first finished file: start-up is not linting).
 */
export function progressLine(done: number, total: number, rateFiles: number, rateMs: number, width = 80): string {
  const rate = rateMs > 0 ? (rateFiles * 1000) / rateMs : 0;
  const eta = rate > 0 ? (total - done) / rate : NaN;
  const tail = ` ${done}/${total} 文件 · ${rate.toFixed(1)} 个/秒 · 剩余 ${clock(eta)}`;
  const barWidth = Math.max(10, Math.min(40, width - tail.length - 14));
  const filled = total > 0 ? Math.round((done / total) * barWidth) : barWidth;
  return `[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}]${tail}`;
}

export class ProgressBar {
  /** When the first file finished, and how many had by then. */
  private first: { at: number; done: number } | null = null;
  private lastDraw = 0;
  private drawn = false;
  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
  ) {}

  update(done: number): void {
    const now = Date.now();
    this.first ??= { at: now, done };
    if (done < this.total && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const line = progressLine(done, this.total, done - this.first.done, now - this.first.at, this.stream.columns ?? 80);
    this.stream.write(`\r\x1b[2K${line}`);
    this.drawn = true;
  }

  /** Erases the bar. */
  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}
