/**
 * Block stream → JxDocument, one table at a time: serialise the stream a unit at a time, lex it a
 * chunk of lines at a time, cut the token stream into the department part and one segment per
 * project table, and parse and build each segment as soon as the next one opens (so damage stays
 * inside its table, and a table's units and tokens are dropped once its project is built). Token
 * offsets are those of the whole serialisation, so every origin is as if it had been lexed at once.
 */
import type { IToken } from 'chevrotain';
import type { DepartmentPart, JxDocument, ParseDiagnostic, Project } from '../src/ast/types.js';
import type { BlockStream } from '../src/sources/blocks.js';
import { buildDepartment, visitProjectTable, type BuildContext } from './ast-builder.js';
import type { ProjectTableCstNode } from './cst.js';
import * as T from './lexicon.js';
import { tableParser } from './parser.js';
import { parseDiagnostic } from './parse-errors.js';
import { serialLine, serialUnits, type Serialized, type Unit } from './serialize.js';

/** Tokens that open a new project table when the current one already has its own code. */
const TABLE_OPENERS = new Set([T.ProjectCodeLabel, T.AgencyLine]);

export interface Segment {
  tokens: IToken[];
  hasCode: boolean;
  /** The segment has its 项目名称 / 项目支出名称: a second one opens the next table. */
  hasName: boolean;
}

/**
 * Whether a token opens a new project table: a title; a 项目编码 or 预算单位 line after the current
 * table's code; a 项目名称 after the current table's name (templates whose table opens with the name
 * and have no code or unit line); the first code, unit line, name or grid of the document.
 */
export function opensTable(type: IToken['tokenType'], current: Segment | null): boolean {
  if (type === T.Title) return true;
  if (current === null) return TABLE_OPENERS.has(type) || type === T.ProjectNameLabel || type === T.Level1Header;
  if (current.hasCode && TABLE_OPENERS.has(type)) return true;
  return current.hasName && type === T.ProjectNameLabel;
}

/** Lines lexed at once: enough to keep the lexer's per-call cost small, few enough to stay small. */
const CHUNK_LINES = 2048;

/**
 * The units (and their offsets in the whole serialisation) from the first one not yet built on:
 * `unitAt` finds a token's unit in it as it would in the whole serialisation.
 */
class UnitWindow implements Serialized {
  readonly text = '';
  units: Unit[] = [];
  offsets: number[] = [];

  push(unit: Unit, offset: number): void {
    this.units.push(unit);
    this.offsets.push(offset);
  }

  /** Forgets the units before the one at `offset` (they belong to tables already built). */
  dropBefore(offset: number): void {
    let keep = 0;
    while (keep + 1 < this.offsets.length && this.offsets[keep + 1] <= offset) keep++;
    if (keep > 0) {
      this.units.splice(0, keep);
      this.offsets.splice(0, keep);
    }
  }
}

/** One piece of a document as the builder finishes it, with the parse diagnostics found while building it. */
export type DocumentPart =
  | { kind: 'department'; department: DepartmentPart; diagnostics: ParseDiagnostic[] }
  | { kind: 'project'; project: Project; diagnostics: ParseDiagnostic[] };

/** What is known only at the end: the document-level diagnostics (no table found, the reader's notes). */
export interface DocumentTail {
  diagnostics: ParseDiagnostic[];
}

/**
 * The document a part at a time: the department part first (as soon as the first table opens, or at
 * the end when there is none), then each project table as soon as the next one opens. A consumer that
 * lets each project go keeps no more of the document than one table.
 */
export function* documentParts(stream: BlockStream): Generator<DocumentPart, DocumentTail, undefined> {
  const window = new UnitWindow();
  const context: BuildContext = { serialized: window, diagnostics: [] };
  const departmentTokens: IToken[] = [];
  let departmentBuilt = false;
  let projectCount = 0;
  let current: Segment | null = null;
  /** Parts built by the last chunk of tokens, handed out after it (a chunk can close several tables). */
  const ready: DocumentPart[] = [];

  const newDiagnostics = (): ParseDiagnostic[] => context.diagnostics.splice(0, context.diagnostics.length);
  const buildDepartmentPart = (): void => {
    tableParser.input = departmentTokens;
    tableParser.departmentPart();
    const department = buildDepartment(departmentTokens, context);
    departmentBuilt = true;
    ready.push({ kind: 'department', department, diagnostics: newDiagnostics() });
  };
  const buildProject = (segment: Segment): void => {
    tableParser.input = segment.tokens;
    const cst = tableParser.projectTable() as ProjectTableCstNode;
    const index = ++projectCount;
    for (const error of tableParser.errors) context.diagnostics.push(parseDiagnostic(error, index, window));
    const project = visitProjectTable(cst, index, context, tableParser.errors.length === 0 ? segment.tokens : null);
    ready.push({ kind: 'project', project, diagnostics: newDiagnostics() });
  };
  const take = (token: IToken): void => {
    const type = token.tokenType;
    if (opensTable(type, current)) {
      if (current) buildProject(current);
      else buildDepartmentPart();
      window.dropBefore(token.startOffset);
      current = { tokens: [], hasCode: false, hasName: false };
    }
    if (!current) {
      departmentTokens.push(token);
      return;
    }
    if (type === T.ProjectCodeLabel) current.hasCode = true;
    if (type === T.ProjectNameLabel) current.hasName = true;
    current.tokens.push(token);
  };

  let lines: string[] = [];
  let chunkStart = 0;
  let offset = 0;
  const lexChunk = (): void => {
    if (lines.length === 0) return;
    const { tokens } = T.tableLexer.tokenize(lines.join('\n') + '\n');
    lines = [];
    for (const token of tokens) {
      token.startOffset += chunkStart;
      token.endOffset = (token.endOffset ?? token.startOffset) + chunkStart;
      take(token);
    }
    chunkStart = offset;
  };
  try {
    for (const unit of serialUnits(stream)) {
      const line = serialLine(unit);
      window.push(unit, offset);
      lines.push(line);
      offset += line.length + 1;
      if (lines.length >= CHUNK_LINES) {
        lexChunk();
        yield* ready.splice(0, ready.length);
      }
    }
    lexChunk();
    if (current) buildProject(current);
    if (!departmentBuilt) buildDepartmentPart();
    yield* ready.splice(0, ready.length);
  } finally {
    // The AST builder keeps its context between documents: leave it nothing of this one.
    context.serialized = { text: '', units: [], offsets: [] };
  }

  const diagnostics: ParseDiagnostic[] = [];
  if (projectCount === 0) {
    diagnostics.push({
      code: 'no-table',
      severity: 'error',
      message: '未找到绩效目标表：文件中没有“项目编码”或“一级指标”等表格内容，请确认选择了正确的文件',
      messageEn: 'No performance-target table found: no 项目编码 or 一级指标 cells; check that this is the right file',
      origin: null,
    });
  }
  for (const note of stream.notes) {
    diagnostics.push({ code: note.code, severity: note.severity, message: note.message, messageEn: note.messageEn, origin: null });
  }
  return { diagnostics };
}

/** Block stream → the whole JxDocument (every table kept). */
export function buildDocument(stream: BlockStream, filePath: string): JxDocument {
  let department: DepartmentPart | null = null;
  const projects: Project[] = [];
  const diagnostics: ParseDiagnostic[] = [];
  const parts = documentParts(stream);
  for (;;) {
    const next = parts.next();
    if (next.done) {
      diagnostics.push(...next.value.diagnostics);
      break;
    }
    const part = next.value;
    if (part.kind === 'department') department = part.department;
    else projects.push(part.project);
    for (const d of part.diagnostics) diagnostics.push(d);
  }
  return {
    filePath,
    format: stream.info.format,
    encoding: stream.info.encoding,
    layout: stream.info.layout,
    department: department!,
    projects,
    diagnostics,
  };
}
