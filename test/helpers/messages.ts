/** A LintMessage for engine tests: a neutral message of rule `r` (no project, no place) with the given fields. */
import type { LintMessage } from '../../src/engine/types.js';

export function makeMessage(fields: Partial<LintMessage> = {}): LintMessage {
  return {
    ruleId: 'r',
    severity: 1,
    message: 'm',
    messageId: 'm',
    projectCode: null,
    projectName: null,
    projectIndex: null,
    line: null,
    column: null,
    origin: null,
    location: '',
    role: null,
    ...fields,
  };
}
