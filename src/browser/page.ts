/**
 * The upload page's script (上传检查页面): files are dropped or picked, linted by the worker (in this
 * browser, nothing leaves the machine) or — with "发送到服务器检查" on — sent to the service's
 * `POST /api/lint`; the results are drawn by the html report formatter (the tables as the form, faulty
 * cells highlighted, its own severity and rule filters) in a sandboxed frame, and can be downloaded as
 * HTML, SARIF, JSON, or xlsx (rendered by the service from the results, never by re-sending the files).
 *
 * `window.jxlintPage` is the page's small programmatic face (the tests use it): `lint(name, bytes)`
 * lints one file in the worker and resolves with its result.
 */
import type { LintResult, Locale } from '../index.js';
import type { BrowserFormat, WorkerReply, WorkerRequest } from './protocol.js';
import { drawRectification, type Changes, type HistoryEntry } from './rectification.js';

/** What the service adds to a result (issue 12): a status callers cannot misread, its submission and 整改 changes. */
interface ServiceResult extends Omit<LintResult, 'status'> {
  status: LintResult['status'] | 'problems' | 'unreadable';
  submissionId?: number | null;
  changes?: Changes;
}

const LOCALE: Locale = 'zh-CN';

function $<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}

// ── the worker ────────────────────────────────────────────────────────────────────────────────

function startWorker(): Worker {
  const source = $('jxlint-worker').textContent ?? '';
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();

/** A request before the page numbers it. */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

function ask(request: Unnumbered<WorkerRequest>, transfer: Transferable[] = []): Promise<WorkerReply> {
  if (!worker) {
    worker = startWorker();
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const waiting = pending.get(event.data.id);
      pending.delete(event.data.id);
      waiting?.resolve(event.data);
    });
    worker.addEventListener('error', (event) => {
      for (const waiting of pending.values()) waiting.reject(new Error(event.message || 'worker error'));
      pending.clear();
      worker = null;
    });
  }
  const id = nextId++;
  const w = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ ...request, id } as WorkerRequest, transfer);
  });
}

async function lintInWorker(name: string, bytes: ArrayBuffer): Promise<{ result: LintResult; millis: number }> {
  const reply = await ask({ kind: 'lint', name, bytes, locale: LOCALE }, [bytes]);
  if (reply.kind === 'linted') return { result: reply.result, millis: reply.millis };
  throw new Error(reply.kind === 'failed' ? reply.message : 'unexpected reply');
}

async function formatInWorker(format: BrowserFormat, results: LintResult[]): Promise<string> {
  const reply = await ask({ kind: 'format', format, results, locale: LOCALE, generatedAt: new Date().toISOString() });
  if (reply.kind === 'formatted') return reply.text;
  throw new Error(reply.kind === 'failed' ? reply.message : 'unexpected reply');
}

// ── state and drawing ─────────────────────────────────────────────────────────────────────────

interface Run {
  results: ServiceResult[];
  viaServer: boolean;
}

let current: Run | null = null;
let busy = false;

function setStatus(text: string, state: 'idle' | 'busy' | 'done' | 'error'): void {
  const status = $('status');
  status.textContent = text;
  document.body.dataset.state = state;
}

function showErrors(lines: string[]): void {
  const list = $('errors');
  list.replaceChildren(
    ...lines.map((line) => {
      const li = document.createElement('li');
      li.textContent = line;
      return li;
    }),
  );
  list.hidden = lines.length === 0;
}

/** The service's statuses mapped onto the result model the formatters know. */
function asLintResult(r: ServiceResult): LintResult {
  const status: LintResult['status'] = r.status === 'unreadable' ? 'failed' : r.status === 'problems' ? 'ok' : r.status;
  const { changes: _changes, ...rest } = r;
  return { ...rest, status } as LintResult;
}

function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function summaryLine(results: ServiceResult[]): string {
  const projects = results.reduce((n, r) => n + (r.projects?.length ?? 0), 0);
  const count = (k: 'errorCount' | 'warningCount' | 'infoCount') => results.reduce((n, r) => n + (r[k] ?? 0), 0);
  const unreadable = results.filter((r) => r.status === 'failed' || r.status === 'unreadable').length;
  return (
    `检查完成：${results.length} 个文件，${projects} 个项目；错误 ${count('errorCount') - fatalCount(results)}，警告 ${count('warningCount')}，提示 ${count('infoCount')}` +
    (unreadable ? `；${unreadable} 个文件无法读取` : '')
  );
}

function fatalCount(results: ServiceResult[]): number {
  return results.reduce((n, r) => n + (r.fatalErrorCount ?? 0), 0);
}

function changesLine(results: ServiceResult[]): string | null {
  const withChanges = results.filter((r) => r.changes);
  if (withChanges.length === 0) return null;
  const sum = (k: 'fixed' | 'new' | 'remaining') => withChanges.reduce((n, r) => n + (Number(r.changes?.[k]) || 0), 0);
  return `自上次提交以来：已修复 ${sum('fixed')} 处，新增 ${sum('new')} 处，仍有 ${sum('remaining')} 处`;
}

async function draw(run: Run): Promise<void> {
  current = run;
  const { results } = run;
  showErrors(
    results
      .filter((r) => r.status === 'failed' || r.status === 'unreadable')
      .map((r) => `无法读取 ${fileName(r.filePath)}：${r.messages.find((m) => m.fatal)?.message ?? '未知原因'}`),
  );
  const changes = changesLine(results);
  const changesEl = $('changes');
  changesEl.textContent = changes ?? '';
  changesEl.hidden = changes === null;
  const rectification = $('rectification');
  rectification.hidden = !drawRectification(rectification, results, run.viaServer ? projectHistory : null);
  const html = await formatInWorker('html', results.map(asLintResult));
  const frame = $<HTMLIFrameElement>('report');
  // "done" only once the report is drawn.
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.srcdoc = html;
  frame.hidden = false;
  await loaded;
  $('downloads').hidden = false;
  // Excel needs the service (exceljs is not in the page): offered when the files went there, or when
  // the page came from it — then only the findings are sent, never the file.
  $('download-xlsx').hidden = !(run.viaServer || location.protocol.startsWith('http'));
  setStatus(summaryLine(results), 'done');
}

// ── the service ───────────────────────────────────────────────────────────────────────────────

function serviceBase(): string {
  const typed = $<HTMLInputElement>('server-url').value.trim().replace(/\/+$/, '');
  return typed || (location.protocol.startsWith('http') ? location.origin : '');
}

function authorization(): Record<string, string> {
  const token = $<HTMLInputElement>('token').value.trim();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

function requireServiceBase(): string {
  const base = serviceBase();
  if (!base) throw new Error('请填写服务地址（enter the address of the jxlint service）');
  return base;
}

async function postToService(files: File[]): Promise<Response> {
  const body = new FormData();
  for (const file of files) body.append('file', file, file.name);
  return fetch(`${requireServiceBase()}/api/lint`, { method: 'POST', body, headers: authorization() });
}

/**
 * The xlsx report, rendered by the service from the results already on the page (`POST /api/report`):
 * the files are not sent again, so the service records a submission once.
 */
async function reportFromService(results: ServiceResult[]): Promise<Response> {
  const body = JSON.stringify(
    results.map((r) => {
      const { document: _document, changes: _changes, ...rest } = r;
      return rest;
    }),
  );
  return fetch(`${requireServiceBase()}/api/report?format=xlsx`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...authorization() } });
}

/** A project's earlier submissions (`GET /api/projects/:code/history`). */
async function projectHistory(code: string): Promise<HistoryEntry[]> {
  const response = await fetch(`${requireServiceBase()}/api/projects/${encodeURIComponent(code)}/history`, { headers: authorization() });
  if (!response.ok) throw new Error(await serviceError(response));
  const body = (await response.json()) as { submissions?: HistoryEntry[] };
  return body.submissions ?? [];
}

/** One line from the service's JSON error (code, Chinese message, English message). */
async function serviceError(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { message?: string; messageEn?: string; code?: string };
    if (body.message) return `服务器拒绝了请求：${body.message}${body.messageEn ? `（${body.messageEn}）` : ''}`;
  } catch {
    // not JSON
  }
  return `服务器返回 HTTP ${response.status}（the service answered HTTP ${response.status}）`;
}

async function lintOnServer(files: File[]): Promise<ServiceResult[]> {
  setStatus(`正在发送 ${files.length} 个文件到服务器检查…`, 'busy');
  const response = await postToService(files);
  if (response.status !== 200 && response.status !== 422) throw new Error(await serviceError(response));
  const body = (await response.json()) as unknown;
  if (!Array.isArray(body)) throw new Error('服务器的回答不是检查结果（the service did not answer with results）');
  return body as ServiceResult[];
}

// ── a run ─────────────────────────────────────────────────────────────────────────────────────

async function lintFiles(files: File[]): Promise<void> {
  if (busy || files.length === 0) return;
  busy = true;
  showErrors([]);
  try {
    const viaServer = $<HTMLInputElement>('use-server').checked;
    let results: ServiceResult[];
    if (viaServer) {
      results = await lintOnServer(files);
    } else {
      results = [];
      for (const [i, file] of files.entries()) {
        setStatus(`正在本机检查 ${i + 1}/${files.length}：${file.name}…`, 'busy');
        results.push((await lintInWorker(file.name, await file.arrayBuffer())).result);
      }
    }
    await draw({ results, viaServer });
  } catch (error) {
    showErrors([error instanceof Error ? error.message : String(error)]);
    setStatus('检查未完成（the check did not finish）', 'error');
  } finally {
    busy = false;
  }
}

function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function downloadReport(format: BrowserFormat | 'xlsx'): Promise<void> {
  const run = current;
  if (!run) return;
  try {
    if (format === 'xlsx') {
      const response = await reportFromService(run.results);
      if (!response.ok) throw new Error(await serviceError(response));
      download('绩效目标表检查报告.xlsx', await response.blob(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return;
    }
    const text = format === 'json' ? JSON.stringify(run.results, null, 2) : await formatInWorker(format, run.results.map(asLintResult));
    if (format === 'html') download('绩效目标表检查报告.html', text, 'text/html;charset=utf-8');
    else if (format === 'sarif') download('绩效目标表检查.sarif', text, 'application/sarif+json');
    else download('绩效目标表检查.json', text, 'application/json');
  } catch (error) {
    showErrors([`下载失败：${error instanceof Error ? error.message : String(error)}`]);
  }
}

// ── wiring ────────────────────────────────────────────────────────────────────────────────────

function wire(): void {
  const input = $<HTMLInputElement>('file-input');
  input.addEventListener('change', () => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    void lintFiles(files);
  });
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    void lintFiles(Array.from(e.dataTransfer?.files ?? []));
  });
  // Dropping a file anywhere else must not navigate away from the page.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());

  const useServer = $<HTMLInputElement>('use-server');
  const serverUrl = $<HTMLInputElement>('server-url');
  if (location.protocol.startsWith('http')) serverUrl.placeholder = location.origin;
  const syncServer = () => {
    $('server-options').hidden = !useServer.checked;
    $('where').textContent = useServer.checked
      ? '文件将发送到服务器检查并记录（files are sent to the service, which records the submission）'
      : '在本机浏览器中检查，文件不会离开您的电脑（checked in this browser; files never leave your computer）';
  };
  useServer.addEventListener('change', syncServer);
  syncServer();

  for (const format of ['html', 'sarif', 'json', 'xlsx'] as const) {
    $(`download-${format}`).addEventListener('click', () => void downloadReport(format));
  }
  setStatus('请选择或拖入文件（pick or drop files）', 'idle');
}

declare global {
  interface Window {
    jxlintPage: {
      lint(name: string, bytes: Uint8Array): Promise<{ result: LintResult; millis: number }>;
      lintFiles(files: File[]): Promise<void>;
    };
  }
}

window.jxlintPage = {
  lint: (name, bytes) => lintInWorker(name, bytes.slice().buffer),
  lintFiles,
};

wire();
