/**
 * Parse errors (结构错误) of a project table, worded for a reviewer. The table parser's
 * `errorMessageProvider` writes what each recognition error expected in the grammar's own terms —
 * a mismatched token's message is the name of the token type the grammar expected, the other
 * errors expect nothing one could name — and `parseDiagnostic` turns that into the one-line
 * Chinese and English diagnostic, naming the token as token-names.ts does.
 */
import type { IParserErrorMessageProvider, IRecognitionException } from 'chevrotain';
import type { ParseDiagnostic } from '../src/ast/types.js';
import * as T from './lexicon.js';
import { unitAt, type Serialized } from './serialize.js';
import { tokenLabelEn, tokenLabelZh } from './token-names.js';

/** The message of each recognition error: the expected token type's name, or '' when none. */
export const tableErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => expected.name,
  buildNotAllInputParsedMessage: () => '',
  buildNoViableAltMessage: () => '',
  buildEarlyExitMessage: () => '',
};

/** The diagnostic for a recognition error in project table number `projectIndex`. */
export function parseDiagnostic(error: IRecognitionException, projectIndex: number, serialized: Serialized): ParseDiagnostic {
  const token = error.token;
  const found = token.tokenType === T.Blank ? '空白' : token.image;
  const atEnd = Number.isNaN(token.startOffset) || token.image === '';
  const unit = atEnd ? null : unitAt(serialized, token.startOffset);
  const expected = error.message || null;
  const message = expected
    ? atEnd
      ? `第${projectIndex}张表不完整：应有“${tokenLabelZh(expected)}”，但表格在此结束`
      : `第${projectIndex}张表结构有误：此处应为“${tokenLabelZh(expected)}”，实际为“${found}”`
    : `第${projectIndex}张表结构有误：无法识别“${found}”所在的部分`;
  const messageEn = expected
    ? atEnd
      ? `Table ${projectIndex} is incomplete: expected ${tokenLabelEn(expected)} but the table ends here`
      : `Table ${projectIndex} is malformed: expected ${tokenLabelEn(expected)} here, found "${found}"`
    : `Table ${projectIndex} is malformed: cannot place "${found}"`;
  return { code: 'parse-error', severity: 'error', message, messageEn, origin: unit?.origin ?? null, projectIndex };
}
