/**
 * `github`: GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`),
 * which the runner turns into annotations on the pull request. Text files get line and column;
 * Word files are annotated at file level with the cell named in the message. Escaping follows
 * @actions/core: `%`, CR and LF in the message; additionally `:` and `,` in properties.
 */
import type { Locale, LintMessage } from '../engine/types.js';
import type { LintResult } from '../engine/types.js';
import { WORDS, oneLine, relativePath, ruleLabelOf } from './common.js';
import type { FormatOptions } from './options.js';
import { renderWhole, type ReportStream } from './stream.js';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(message: LintMessage): 'error' | 'warning' | 'notice' {
  return message.fatal || message.severity === 2 ? 'error' : message.severity === 1 ? 'warning' : 'notice';
}

function text(message: LintMessage, locale: Locale, hasLine: boolean): string {
  let out = message.projectCode ? `[${WORDS[locale].project} ${message.projectCode}] ` : '';
  if (!hasLine && message.location) out += `${oneLine(message.location)}${locale === 'en' ? ': ' : '：'}`;
  out += message.message.trim();
  if (message.suggestion) out += locale === 'en' ? ` (suggestion: ${message.suggestion})` : `（建议：${message.suggestion}）`;
  return out;
}

/** `github` file by file: one workflow command a line, no head or tail. */
export function githubStream(options: FormatOptions): ReportStream {
  return {
    summaryFirst: false,
    separator: '',
    head: () => '',
    piece(result) {
      const file = relativePath(result.filePath, options.cwd);
      let out = '';
      for (const message of result.messages) {
        const hasLine = message.line != null && message.line >= 1;
        const properties = [`file=${escapeProperty(file)}`];
        if (hasLine) {
          properties.push(`line=${message.line}`);
          if (message.column != null && message.column >= 1) properties.push(`col=${message.column}`);
        }
        const title = message.fatal ? 'read-error' : ruleLabelOf(message);
        properties.push(`title=${escapeProperty(title)}`);
        out += `::${command(message)} ${properties.join(',')}::${escapeData(text(message, options.locale, hasLine))}\n`;
      }
      return out;
    },
    tail: () => '',
  };
}

export function formatGithub(results: LintResult[], options: FormatOptions): string {
  return renderWhole(githubStream(options), results);
}
