/**
 * Block stream → JxDocument: serialise, lex, cut the token stream into the department part and one
 * segment per project table, parse each segment on its own (so damage stays inside its table), and
 * build the AST from the CSTs.
 */
import type { IToken } from 'chevrotain';
import type { JxDocument, ParseDiagnostic, Project } from '../src/ast/types.js';
import type { BlockStream } from '../src/sources/blocks.js';
import { buildDepartment, visitProjectTable, type BuildContext } from './ast-builder.js';
import type { ProjectTableCstNode } from './cst.js';
import * as T from './lexicon.js';
import { tableParser } from './parser.js';
import { parseDiagnostic } from './parse-errors.js';
import { serialize } from './serialize.js';

/** Tokens that open a new project table when the current one already has its own code. */
const TABLE_OPENERS = new Set([T.ProjectCodeLabel, T.AgencyLine]);

interface Segment {
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
function opensTable(type: IToken['tokenType'], current: Segment | null): boolean {
  if (type === T.Title) return true;
  if (current === null) return TABLE_OPENERS.has(type) || type === T.ProjectNameLabel || type === T.Level1Header;
  if (current.hasCode && TABLE_OPENERS.has(type)) return true;
  return current.hasName && type === T.ProjectNameLabel;
}

export function buildDocument(stream: BlockStream, filePath: string): JxDocument {
  const serialized = serialize(stream);
  const { tokens } = T.tableLexer.tokenize(serialized.text);
  const context: BuildContext = { serialized, diagnostics: [] };

  const departmentTokens: IToken[] = [];
  const segments: Segment[] = [];
  let current: Segment | null = null;
  for (const token of tokens) {
    const type = token.tokenType;
    if (opensTable(type, current)) {
      current = { tokens: [], hasCode: false, hasName: false };
      segments.push(current);
    }
    if (!current) {
      departmentTokens.push(token);
      continue;
    }
    if (type === T.ProjectCodeLabel) current.hasCode = true;
    if (type === T.ProjectNameLabel) current.hasName = true;
    current.tokens.push(token);
  }

  tableParser.input = departmentTokens;
  tableParser.departmentPart();
  const department = buildDepartment(departmentTokens, context);

  const projects: Project[] = [];
  for (const segment of segments) {
    tableParser.input = segment.tokens;
    const cst = tableParser.projectTable() as ProjectTableCstNode;
    const index = projects.length + 1;
    for (const error of tableParser.errors) context.diagnostics.push(parseDiagnostic(error, index, context.serialized));
    projects.push(visitProjectTable(cst, index, context));
  }

  const diagnostics: ParseDiagnostic[] = [...context.diagnostics];
  if (projects.length === 0) {
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
  return {
    filePath,
    format: stream.info.format,
    encoding: stream.info.encoding,
    layout: stream.info.layout,
    department,
    projects,
    diagnostics,
  };
}
