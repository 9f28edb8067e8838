/**
 * Word, HTML and Excel files of the workspace (.docx .doc .html .htm .xlsx .xlsm): an editor cannot
 * show them as text, so their findings are workspace diagnostics (messages naming 表/行/列, or
 * 工作表/行/列). They are found with the
 * Node edge's discovery (.jxlintignore, the config's ignorePatterns), linted in the background a few
 * at a time on a worker thread (in-process, one by one, when no compiled worker exists), with
 * work-done progress, and re-linted when they change on disk.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import type { LintResult, Locale, ResolvedConfig } from '../index.js';
import { discoverFiles } from '../node/discover.js';
import type { LintFileTask, LintOutcome, LintRunSettings } from '../node/worker.js';
import type { WorkspaceConfig } from './config.js';
import { fileDiagnostics } from './diagnostics.js';

export const WORD_EXTENSIONS = ['docx', 'doc', 'html', 'htm', 'xlsx', 'xlsm'] as const;

export function isWordFile(filePath: string): boolean {
  const dot = filePath.lastIndexOf('.');
  return dot >= 0 && (WORD_EXTENSIONS as readonly string[]).includes(filePath.slice(dot + 1).toLowerCase());
}

export interface FileReport {
  uri: string;
  filePath: string;
  resultId: string;
  diagnostics: Diagnostic[];
}

export interface WordFileEvents {
  /** A file's diagnostics changed (or it was removed: diagnostics []). */
  onReport(report: FileReport, removed: boolean): void;
  /** Progress of the background run: started (total), advanced, finished. */
  onProgress(event: { kind: 'begin'; total: number } | { kind: 'report'; done: number; total: number } | { kind: 'end'; done: number }): void;
  log(message: string): void;
}

interface Pool {
  run(task: LintFileTask): Promise<LintOutcome>;
  destroy(): Promise<void>;
}

/** Simple FNV-1a over the diagnostics' text, so an unchanged file keeps its resultId. */
function hashDiagnostics(diagnostics: readonly Diagnostic[]): string {
  let h = 0x811c9dc5;
  for (const d of diagnostics) {
    const s = `${d.code ?? ''}\u0001${d.severity ?? ''}\u0001${d.message}\u0002`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0') + '-' + diagnostics.length;
}

export class WordFiles {
  private readonly reports = new Map<string, FileReport>();
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private inFlight = 0;
  private done = 0;
  private total = 0;
  private running = false;
  private pool: Pool | null = null;
  private poolConfigs: ResolvedConfig[] = [];
  private poolLocale: Locale | undefined;
  private idleWaiters: (() => void)[] = [];
  private disposed = false;
  /** Files linted at the same time. */
  readonly parallel: number;

  constructor(
    private readonly config: WorkspaceConfig,
    private readonly events: WordFileEvents,
    /** The compiled worker module; undefined: the Node edge's own (dist/), null: lint in-process. */
    private readonly workerFile: string | URL | null | undefined,
    /** Keep each file's diagnostics after reporting them (pull clients ask again; push clients do not). */
    private readonly keepDiagnostics = true,
  ) {
    this.parallel = Math.max(1, Math.min(2, availableParallelism() - 1));
  }

  private scanning = 0;

  get idle(): boolean {
    return this.queue.length === 0 && this.inFlight === 0 && this.scanning === 0;
  }

  allReports(): FileReport[] {
    return [...this.reports.values()];
  }

  report(uri: string): FileReport | undefined {
    return this.reports.get(uri);
  }

  /** Resolves when nothing is queued or in flight. */
  whenIdle(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Finds every Word/HTML file of the workspace folders and lints them all again. */
  async scanWorkspace(): Promise<void> {
    this.scanning++;
    try {
      await this.scanRoots();
    } finally {
      this.scanning--;
      if (this.idle) this.finishRun();
    }
  }

  private async scanRoots(): Promise<void> {
    const found = new Set<string>();
    for (const root of this.config.workspaceRoots) {
      try {
        const files = await discoverFiles([root], { cwd: root, extensions: [...WORD_EXTENSIONS], errorOnUnmatchedPattern: false });
        for (const f of files) if (!this.config.ignores(f.path)) found.add(f.path);
      } catch (e) {
        this.events.log(`jxlint: 无法列出 ${root} 中的文件（${(e as Error).message}）（cannot list the files of ${root}）`);
      }
    }
    // Files that are gone or now ignored lose their diagnostics.
    for (const report of [...this.reports.values()]) {
      if (!found.has(report.filePath)) this.remove(report.filePath);
    }
    for (const file of [...found].sort()) this.enqueue(file);
  }

  /** Lints a file again (it changed or was created on disk). */
  changed(filePath: string): void {
    if (this.config.ignores(filePath)) {
      this.remove(filePath);
      return;
    }
    this.enqueue(filePath, true);
  }

  remove(filePath: string): void {
    const uri = pathToFileURL(filePath).href;
    const report = this.reports.get(uri);
    this.reports.delete(uri);
    if (report) this.events.onReport({ ...report, diagnostics: [], resultId: `removed-${Date.now()}` }, true);
  }

  private enqueue(filePath: string, first = false): void {
    if (this.disposed || this.queued.has(filePath)) return;
    this.queued.add(filePath);
    if (first) this.queue.unshift(filePath);
    else this.queue.push(filePath);
    if (!this.running) {
      this.running = true;
      this.done = 0;
      this.total = 0;
      this.events.onProgress({ kind: 'begin', total: this.queue.length });
    }
    this.total++;
    this.pump();
  }

  private pump(): void {
    while (!this.disposed && this.inFlight < this.parallel && this.queue.length > 0) {
      const file = this.queue.shift()!;
      this.queued.delete(file);
      this.inFlight++;
      void this.lintOne(file).finally(() => {
        this.inFlight--;
        this.done++;
        this.events.onProgress({ kind: 'report', done: this.done, total: this.total });
        if (this.idle) this.finishRun();
        else setImmediate(() => this.pump());
      });
    }
  }

  private finishRun(): void {
    if (this.running) {
      this.running = false;
      this.events.onProgress({ kind: 'end', done: this.done });
    }
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private async lintOne(filePath: string): Promise<void> {
    let result: LintResult;
    try {
      const config = this.config.runConfigFor(filePath);
      const locale = this.config.clientSettings.locale ?? undefined;
      const outcome = await this.run(filePath, config, locale);
      result = this.config.applyBaseline(outcome.result);
    } catch (e) {
      this.events.log(`jxlint: 检查 ${filePath} 时出错（${(e as Error).message}）（failed to lint ${filePath}）`);
      return;
    }
    if (this.disposed) return;
    const uri = pathToFileURL(filePath).href;
    const diagnostics = fileDiagnostics(result.messages, this.config.localeFor(filePath));
    const resultId = hashDiagnostics(diagnostics);
    const previous = this.reports.get(uri);
    const report: FileReport = { uri, filePath, resultId, diagnostics };
    if (previous?.resultId !== resultId) this.events.onReport(report, false);
    // Push clients have what they need: keep only the result id (500 files × 200 findings add up).
    this.reports.set(uri, this.keepDiagnostics ? report : { ...report, diagnostics: [] });
  }

  private async run(filePath: string, config: ResolvedConfig, locale: Locale | undefined): Promise<LintOutcome> {
    const candidate = this.workerFile === undefined ? (await import('../node/lint-files.js')).defaultWorkerFile() : this.workerFile;
    const workerPath = candidate && existsSync(typeof candidate === 'string' ? candidate : fileURLToPath(candidate)) ? candidate : null;
    let index = this.poolConfigs.indexOf(config);
    if (!workerPath) {
      const { lintAndRender } = await import('../node/worker.js');
      await new Promise((r) => setImmediate(r));
      return lintAndRender({ filePath, configIndex: 0 }, { configs: [config], locale });
    }
    if (!this.pool || index < 0 || locale !== this.poolLocale) {
      if (index < 0) {
        this.poolConfigs = [...this.poolConfigs, config];
        index = this.poolConfigs.length - 1;
      }
      const old = this.pool;
      this.pool = await this.createPool(workerPath, { configs: this.poolConfigs, locale });
      this.poolLocale = locale;
      if (old) void this.whenIdle().then(() => old.destroy());
    }
    return this.pool.run({ filePath, configIndex: index });
  }

  private async createPool(workerFile: string | URL, settings: LintRunSettings): Promise<Pool> {
    const { Piscina } = await import('piscina');
    const pool = new Piscina<LintFileTask, LintOutcome>({
      filename: workerFile instanceof URL ? workerFile.href : workerFile,
      minThreads: 0,
      maxThreads: this.parallel,
      // Threads end when the folder is done: an idle server holds no worker memory.
      idleTimeout: 5_000,
      workerData: settings,
    });
    return { run: (task) => pool.run(task), destroy: () => pool.destroy() };
  }

  /** Config, ignore or baseline changed: new pool settings, everything linted again. */
  async reset(): Promise<void> {
    this.poolConfigs = [];
    const old = this.pool;
    this.pool = null;
    if (old) void this.whenIdle().then(() => old.destroy());
    await this.scanWorkspace();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.queue.length = 0;
    this.queued.clear();
    const pool = this.pool;
    this.pool = null;
    if (pool) await pool.destroy().catch(() => undefined);
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
