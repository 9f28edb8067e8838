/**
 * `compact`: one line per finding, for grep and editors (Ruff's concise output, ESLint's compact):
 *
 *     PATH:PLACE: SEVERITY RULE MESSAGE
 *
 * PLACE is `LINE:COL` in a text file (what editors' `%f:%l:%c:` patterns read), `表T:ROW:COL` for
 * a cell of a Word/HTML table, `绩效目标表!E5` for a cell of an Excel sheet (`'1、项目'!E5` when the
 * sheet's name needs quotes, as in an Excel formula), `段落N` for a body paragraph, `项目N` for a project without a cell,
 * `文档` for the document. SEVERITY is 错误 / 警告 / 提示 (error / warning / info with `--locale
 * en`); RULE the rule id (`parse:<code>` for a parser diagnostic); MESSAGE the whole message on one
 * line. A file that could not be read is `PATH:文档: 错误 fatal MESSAGE`; a named file that an
 * ignore pattern matches is `PATH:文档: 提示 ignored …`. No header, no summary; written file by file.
 */
import { isSheetOrigin, isTableOrigin, isTextOrigin } from '../ast/types.js';
import type { LintMessage, LintResult } from '../engine/types.js';
import { oneLine, relativePath, ruleLabelOf, severityWord, sheetCellReference } from './common.js';
import type { FormatOptions } from './options.js';
import type { ReportStream } from './stream.js';

/** The PLACE field of a compact line (locale-independent, so scripts can read it). */
export function compactPlace(message: Pick<LintMessage, 'origin' | 'projectIndex'>): string {
  const origin = message.origin;
  if (isTextOrigin(origin)) return `${origin.line}:${origin.column}`;
  if (isTableOrigin(origin)) return `表${origin.table}:${origin.row}:${origin.col}`;
  if (isSheetOrigin(origin)) return sheetCellReference(origin);
  if (origin && 'paragraph' in origin) return `段落${origin.paragraph}`;
  if (message.projectIndex != null) return `项目${message.projectIndex}`;
  return '文档';
}

/** The lines of one result ('' when it has none). */
export function compactPiece(result: LintResult, options: Pick<FormatOptions, 'cwd' | 'locale'>): string {
  const path = relativePath(result.filePath, options.cwd);
  const lines: string[] = [];
  if (result.status === 'skipped') {
    const note =
      options.locale === 'en'
        ? 'File ignored because of a matching ignore pattern; use --no-ignore to lint it'
        : '已忽略：匹配忽略规则，用 --no-ignore 可检查它（File ignored because of a matching ignore pattern）';
    lines.push(`${path}:文档: ${severityWord(0, options.locale)} ignored ${note}`);
  }
  for (const m of result.messages) {
    const place = m.fatal ? '文档' : compactPlace(m);
    const rule = m.fatal ? 'fatal' : ruleLabelOf(m);
    lines.push(`${path}:${place}: ${severityWord(m.severity, options.locale)} ${rule} ${oneLine(m.message)}`);
  }
  return lines.map((l) => l + '\n').join('');
}

export function compactStream(options: FormatOptions): ReportStream {
  return {
    summaryFirst: false,
    separator: '',
    head: () => '',
    piece: (result) => compactPiece(result, options),
    tail: () => '',
  };
}

export function formatCompact(results: LintResult[], options: FormatOptions): string {
  return results.map((r) => compactPiece(r, options)).join('');
}
