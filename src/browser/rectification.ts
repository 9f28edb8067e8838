/**
 * The 整改 view of the upload page (整改情况): for every project the service has seen before, the
 * findings fixed since that project's previous submission (struck through, marked 已整改), the new
 * ones and the ones that remain — rule, cell and message each — and, on request, the project's
 * earlier submissions (`GET /api/projects/:code/history`). Built with DOM nodes and text only (no
 * markup from data, no external assets); <details>/<summary> and buttons make it keyboard-usable.
 */
import type { RecordedFinding } from '../serve/store/types.js';

/** A finding as the service records it. */
export type ChangedFinding = RecordedFinding;

export interface ProjectChanges {
  code: string;
  previousSubmission: number;
  fixed: ChangedFinding[];
  new: ChangedFinding[];
  remaining: ChangedFinding[];
}

export interface Changes {
  fixed: number;
  new: number;
  remaining: number;
  projects?: ProjectChanges[];
}

/** A result as far as the view reads it. */
export interface ResultWithChanges {
  filePath: string;
  submissionId?: number | null;
  projects?: { code: string | null; name: string | null }[];
  changes?: Changes;
}

/** One earlier submission of a project (src/serve/store/types.ts ProjectHistoryEntry). */
export interface HistoryEntry {
  submission: number;
  receivedAt: string;
  fileName: string;
  name: string | null;
  findingCount: number;
}

/** Fetches a project's history; rejects with a one-line message. */
export type HistoryLoader = (code: string) => Promise<HistoryEntry[]>;

type Kind = 'fixed' | 'new' | 'remaining';

const KIND_LABEL: Record<Kind, string> = { fixed: '已整改', new: '新增', remaining: '仍存在' };
const SEVERITY_LABEL: Record<number, string> = { 2: '错误', 1: '警告', 0: '提示' };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

/** The project changes of every result, with the name the result gives each code and the submission it belongs to. */
export function projectChangesOf(results: ResultWithChanges[]): { project: ProjectChanges; name: string | null; submissionId: number | null; filePath: string }[] {
  const out: { project: ProjectChanges; name: string | null; submissionId: number | null; filePath: string }[] = [];
  for (const r of results) {
    for (const project of r.changes?.projects ?? []) {
      const name = r.projects?.find((p) => p.code === project.code)?.name ?? null;
      out.push({ project, name, submissionId: r.submissionId ?? null, filePath: r.filePath });
    }
  }
  return out;
}

function findingRow(kind: Kind, f: ChangedFinding): HTMLTableRowElement {
  // A fixed finding is struck through (<del>) and says so in words, for screen readers and print.
  const wrap = (text: string) => (kind === 'fixed' ? el('del', { text }) : text);
  const row = el(
    'tr',
    { className: `rect-finding ${kind}` },
    el('td', { className: 'kind', text: KIND_LABEL[kind] }),
    el('td', { className: 'severity', text: SEVERITY_LABEL[f.severity] ?? String(f.severity) }),
    el('td', { className: 'rule' }, el('code', {}, wrap(f.ruleId ?? '—'))),
    el('td', { className: 'cell' }, wrap(f.location)),
    el('td', { className: 'message' }, wrap(f.message)),
  );
  row.dataset.kind = kind;
  if (f.ruleId) row.dataset.rule = f.ruleId;
  return row;
}

function findingsTable(project: ProjectChanges): HTMLTableElement {
  const head = el('thead', {}, el('tr', {}, ...['情况', '级别', '规则', '位置（单元格）', '问题'].map((h) => el('th', { text: h }))));
  const body = el('tbody');
  for (const kind of ['fixed', 'new', 'remaining'] as const) for (const f of project[kind]) body.append(findingRow(kind, f));
  return el('table', { className: 'rect-findings' }, head, body);
}

function historyTable(entries: HistoryEntry[], current: number | null, previous: number): HTMLTableElement {
  const head = el('thead', {}, el('tr', {}, ...['提交编号', '时间', '文件', '该项目问题数', ''].map((h) => el('th', { text: h }))));
  const body = el('tbody');
  for (const e of entries) {
    const note = e.submission === current ? '本次' : e.submission === previous ? '上次' : '';
    const row = el(
      'tr',
      { className: 'rect-history-entry' },
      el('td', { text: String(e.submission) }),
      el('td', { text: new Date(e.receivedAt).toLocaleString('zh-CN') }),
      el('td', { text: e.fileName }),
      el('td', { text: String(e.findingCount) }),
      el('td', { text: note }),
    );
    row.dataset.submission = String(e.submission);
    body.append(row);
  }
  return el('table', { className: 'rect-history' }, el('caption', { text: '历次提交（earlier submissions of this project）' }), head, body);
}

function projectBlock(entry: ReturnType<typeof projectChangesOf>[number], loadHistory: HistoryLoader | null): HTMLDetailsElement {
  const { project, name, submissionId } = entry;
  const counts = { fixed: project.fixed.length, new: project.new.length, remaining: project.remaining.length };
  const details = el('details', { className: 'rect-project' });
  details.dataset.code = project.code;
  details.dataset.fixed = String(counts.fixed);
  details.dataset.new = String(counts.new);
  details.dataset.remaining = String(counts.remaining);
  // Projects where something changed open by default; the unchanged ones stay folded.
  details.open = counts.fixed + counts.new > 0;
  const summary = el(
    'summary',
    {},
    el('span', { className: 'code', text: project.code }),
    ' ',
    el('span', { className: 'name', text: name ?? '' }),
    ' ',
    el('span', { className: 'counts', text: `已整改 ${counts.fixed} 处，新增 ${counts.new} 处，仍有 ${counts.remaining} 处` }),
  );
  details.append(summary);

  const tools = el('p', { className: 'rect-tools' }, `与第 ${project.previousSubmission} 次提交相比（compared with submission ${project.previousSubmission}）`);
  if (loadHistory) {
    const button = el('button', { className: 'rect-history-button', text: '查看历次提交' });
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    const holder = el('div', { className: 'rect-history-holder' });
    holder.setAttribute('aria-live', 'polite');
    // Never disabled while loading: a disabled button loses the keyboard focus.
    let loading = false;
    button.addEventListener('click', async () => {
      if (loading) return;
      if (button.getAttribute('aria-expanded') === 'true') {
        holder.replaceChildren();
        button.setAttribute('aria-expanded', 'false');
        button.textContent = '查看历次提交';
        return;
      }
      loading = true;
      button.setAttribute('aria-busy', 'true');
      holder.replaceChildren(el('p', { text: '正在读取历次提交…' }));
      try {
        holder.replaceChildren(historyTable(await loadHistory(project.code), submissionId, project.previousSubmission));
        button.setAttribute('aria-expanded', 'true');
        button.textContent = '收起历次提交';
      } catch (error) {
        holder.replaceChildren(el('p', { className: 'rect-error', text: error instanceof Error ? error.message : String(error) }));
      } finally {
        loading = false;
        button.removeAttribute('aria-busy');
      }
    });
    tools.append(' ', button);
    details.append(tools, holder);
  } else details.append(tools);
  details.append(findingsTable(project));
  return details;
}

/**
 * Draws the view into `container` (emptied first); returns whether there was anything to show.
 * `loadHistory` null: no service to ask (the history button is left out).
 */
export function drawRectification(container: HTMLElement, results: ResultWithChanges[], loadHistory: HistoryLoader | null): boolean {
  const projects = projectChangesOf(results);
  container.replaceChildren();
  if (projects.length === 0) return false;
  const title = el('h2', { text: '整改情况 ' }, el('small', { text: 'what was fixed, what is new and what remains, per project, since its previous submission' }));
  title.id = 'rectification-title';
  container.setAttribute('aria-labelledby', title.id);
  container.append(title, ...projects.map((p) => projectBlock(p, loadHistory)));
  return true;
}
