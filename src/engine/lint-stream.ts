/**
 * Linting a table at a time (逐表检查): parse and lint a Block stream one project table at a time,
 * handing out each table's messages as soon as it is built and walked, and letting the table go — so a
 * 100 MB export with 20,000 tables needs the memory of one table plus what the cross-project rules
 * compare, not of the whole document and every message.
 *
 * The messages are exactly those of `lintDocument(buildDocument(stream))`: the document-level
 * messages first, then each table's messages merged with the few that cross-project rules give about
 * it at the end (`late`). Where that cannot be exact a table at a time — a rule throws, reads the
 * document's project list or an earlier table's rows, or reports late and takes part in `yieldsTo` —
 * the walk stops and says so (`complete: false`), and the caller lints the file the whole way.
 */
import type { DepartmentPart, JxDocument, ParseDiagnostic, Project } from '../ast/types.js';
import { documentParts } from '../../grammar/document.js';
import type { BlockStream } from '../sources/blocks.js';
import { addCounts, type MessageCounts } from './counts.js';
import { diagnosticMessages, lintSetup, projectSummaryOf, sortMessages, type LintOptions } from './lint.js';
import { RuleWalk } from './visit.js';
import type { LintMessage, LintResult, ProjectSummary } from './types.js';

/** One table's messages, as soon as it is walked. */
export interface StreamedProjectMessages {
  project: ProjectSummary;
  /** This table's messages, sorted as in a LintResult; final unless `late` adds some at the end. */
  messages: LintMessage[];
}

export type StreamedLintEnd =
  | {
      complete: true;
      /**
       * Every field of the LintResult but `messages` (and `document`), in LintResult key order; the
       * counts are over all messages (document-level, every table's, late).
       */
      result: Omit<LintResult, 'messages' | 'document'>;
      /** Messages of no table (parse notes, document-level findings), sorted: first in the result. */
      documentMessages: LintMessage[];
      /**
       * Messages about tables already handed out, given at the end by cross-project rules, by table
       * index: a table's final messages are `sortMessages([...its messages, ...late])`.
       */
      late: Map<number, LintMessage[]>;
    }
  | { complete: false; reason: string };

/** The document the rules see in a table-at-a-time lint: everything but the list of tables. */
function documentWithoutProjects(stream: BlockStream, filePath: string, department: DepartmentPart): JxDocument {
  const document = {
    filePath,
    format: stream.info.format,
    encoding: stream.info.encoding,
    layout: stream.info.layout,
    department,
    diagnostics: [],
  } as unknown as JxDocument;
  Object.defineProperty(document, 'projects', {
    enumerable: true,
    get(): never {
      throw new Error('the list of tables is not kept when linting a table at a time: collect what you compare in Project visitors');
    },
  });
  return document;
}

/**
 * Parses and lints a Block stream one table at a time; yields each table's messages as soon as its
 * table is built and walked, and returns what is known only at the end. Never throws because of a rule.
 */
export function* lintBlocksByProject(
  stream: BlockStream,
  filePath: string,
  options: LintOptions = {},
): Generator<StreamedProjectMessages, StreamedLintEnd, undefined> {
  const { config, locale, runs } = lintSetup(options);
  const parts = documentParts(stream);
  const summaries: ProjectSummary[] = [];
  const counts: MessageCounts = { errorCount: 0, warningCount: 0, infoCount: 0, fatalErrorCount: 0, fixableCount: 0 };
  /** Parse diagnostics of no table, or of a table other than the one built with them. */
  const heldDiagnostics: ParseDiagnostic[] = [];
  let walk: RuleWalk | null = null;
  let tail: ParseDiagnostic[];
  try {
    for (;;) {
      const next = parts.next();
      if (next.done) {
        tail = next.value.diagnostics;
        break;
      }
      const part = next.value;
      if (part.kind === 'department') {
        heldDiagnostics.push(...part.diagnostics);
        walk = new RuleWalk(documentWithoutProjects(stream, filePath, part.department), runs, { layout: config.layout, locale }, true);
        walk.begin();
        if (walk.incomplete) return { complete: false, reason: walk.incomplete };
        continue;
      }
      const { project } = part;
      if (!walk) return { complete: false, reason: 'a table came before the department part' };
      walk.project(project);
      const own = part.diagnostics.filter((d) => d.projectIndex === project.index);
      for (const d of part.diagnostics) if (d.projectIndex !== project.index) heldDiagnostics.push(d);
      const messages = diagnosticMessages(own, () => project, locale);
      for (const m of walk.flush(project)) messages.push(m);
      if (walk.incomplete) return { complete: false, reason: walk.incomplete };
      sortMessages(messages);
      addCounts(counts, messages);
      const summary = projectSummaryOf(project);
      summaries.push(summary);
      yield { project: summary, messages };
    }
  } finally {
    parts.return(undefined as never);
  }
  if (!walk) return { complete: false, reason: 'no department part' };
  walk.end();
  const remaining = walk.remaining();
  if (walk.incomplete) return { complete: false, reason: walk.incomplete };

  // The project a held diagnostic names is only its summary now (code and name are all it reads).
  const byIndex = new Map(summaries.map((s) => [s.index, s]));
  const held = diagnosticMessages(
    [...heldDiagnostics, ...tail],
    (index) => (byIndex.get(index) as Project | undefined) ?? null,
    locale,
  );
  const documentMessages: LintMessage[] = [];
  const late = new Map<number, LintMessage[]>();
  for (const m of [...held, ...remaining]) {
    if (m.projectIndex === null) documentMessages.push(m);
    else {
      let list = late.get(m.projectIndex);
      if (!list) late.set(m.projectIndex, (list = []));
      list.push(m);
    }
  }
  // A message about a table the document does not have would have no place to go.
  for (const index of late.keys()) if (!byIndex.has(index)) return { complete: false, reason: `a message names table ${index}, which the document does not have` };
  sortMessages(documentMessages);
  for (const list of late.values()) sortMessages(list);
  addCounts(counts, documentMessages);
  for (const list of late.values()) addCounts(counts, list);
  return {
    complete: true,
    result: {
      filePath,
      status: 'ok',
      format: stream.info.format,
      encoding: stream.info.encoding,
      projects: summaries,
      ...counts,
    },
    documentMessages,
    late,
  };
}
