/**
 * `jxlint/renderDocument`: the HTML report page of one file (the library's html format, the parsed
 * document kept so the tables are drawn with the faulty cells marked) and its messages, for the
 * VS Code extension's read-only Word viewer.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, lint, lintFailure, readInputFile, ruleSummaries, SourceError, tryParse, type LintResult } from '../node.js';
import type { WorkspaceConfig } from './config.js';
import { packageInfo } from './package-info.js';
import type { RenderDocumentResult } from './server.js';

export async function renderFile(filePath: string, config: WorkspaceConfig): Promise<RenderDocumentResult> {
  const locale = config.localeFor(filePath);
  let result: LintResult;
  try {
    const bytes = await readInputFile(filePath);
    const parsed = await tryParse(bytes, { filePath });
    result = parsed.error
      ? lintFailure(filePath, parsed.error, locale)
      : lint(parsed.document, { config: config.configFor(filePath), locale, keepDocument: true });
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    result = lintFailure(filePath, e, locale);
  }
  result = config.applyBaseline(result);
  const { root, version } = packageInfo();
  const html = await format([result], 'html', {
    rules: ruleSummaries(locale),
    locale,
    color: false,
    cwd: path.dirname(filePath),
    toolVersion: version,
    ...(root ? { rulesDocsBaseUrl: pathToFileURL(path.join(root, 'docs', 'rules')).href + '/' } : {}),
  });
  const { document: _document, ...withoutDocument } = result;
  return { html: typeof html === 'string' ? html : new TextDecoder().decode(html), messages: withoutDocument.messages };
}
