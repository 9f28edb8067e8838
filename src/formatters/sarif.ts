/**
 * `sarif`: SARIF 2.1.0 for code-scanning dashboards and SARIF viewers.
 *
 * - tool.driver.rules: every rule of the run (id, PascalCase name, descriptions, helpUri, level).
 * - results: one per finding. Text files get a region (startLine/startColumn); Word, .doc, HTML and
 *   Excel files have no line/column a viewer could open, so their physicalLocation names the
 *   artifact only and the cell is given by the logicalLocation (`<项目编码>/<位置>`) and the
 *   location's message (`表3 第5行 第5列（指标值）`, `工作表“…” 第5行 第E列`); an Excel cell also
 *   gets a second logical location of kind `element` named as in a formula (`绩效目标表!E5`).
 * - Files that could not be read are tool execution notifications (not results), and make
 *   `executionSuccessful` false — the same condition that gives exit code 2.
 */
import type { Locale, LintMessage, LintResult, RuleSummary } from '../engine/types.js';
import { isSheetOrigin } from '../ast/types.js';
import { directoryFileUri, helpUriOf, pathToUriReference, relativePath, ruleDescription, ruleLabelOf, sheetCellReference } from './common.js';
import type { FormatOptions } from './options.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/jxlint/jxlint';
const SRCROOT = '%SRCROOT%';
const READ_ERROR_ID = 'read-error';

type SarifLevel = 'error' | 'warning' | 'note';

const MIME_TYPES: Record<string, string> = {
  text: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  html: 'text/html',
};

/** `cost-value-not-amount` → `CostValueNotAmount`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

function levelOfSeverityName(severity: RuleSummary['severity']): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warn' ? 'warning' : 'note';
}

function levelOfMessage(message: LintMessage): SarifLevel {
  return message.severity === 2 ? 'error' : message.severity === 1 ? 'warning' : 'note';
}

/** Ends a SARIF plain-text message with a full stop, as the SARIF guidelines ask. */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  return /[.!?。！？]$/.test(trimmed) ? trimmed : trimmed + (/[\u3000-\u9fff\uff00-\uffef]$/.test(trimmed) ? '。' : '.');
}

/** The rule id a non-fatal message is filed under; parser diagnostics have no rule id. */
const ruleIdOf = ruleLabelOf;

function ruleDescriptor(id: string, rule: RuleSummary | undefined, options: FormatOptions) {
  const locale: Locale = options.locale;
  if (!rule) {
    const text = id.startsWith('parse:')
      ? locale === 'en'
        ? `The document could not be read as written (${id.slice(6)}).`
        : `文档未能按原样读取（${id.slice(6)}）。`
      : id;
    return {
      id,
      name: pascalCase(id),
      shortDescription: { text },
      fullDescription: { text },
      helpUri: id.startsWith('parse:') ? INFORMATION_URI : helpUriOf(id, undefined, options.rulesDocsBaseUrl),
      defaultConfiguration: { level: 'error' as SarifLevel },
    };
  }
  const short = sentence(ruleDescription(rule, locale) || id);
  const other = sentence(ruleDescription(rule, locale === 'en' ? 'zh-CN' : 'en'));
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: short },
    fullDescription: { text: other && other !== short ? `${short} ${other}` : short },
    helpUri: helpUriOf(id, rule, options.rulesDocsBaseUrl),
    defaultConfiguration: { level: levelOfSeverityName(rule.severity) },
    properties: {
      category: rule.category,
      fixable: rule.fixable,
      tags: [rule.category, rule.kind],
    },
  };
}

export function formatSarif(results: LintResult[], options: FormatOptions): string {
  const known = new Map(options.rules.map((rule) => [rule.id, rule]));
  const ruleIds: string[] = options.rules.map((rule) => rule.id);
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) continue;
      const id = ruleIdOf(message);
      if (!ruleIndex.has(id)) {
        ruleIndex.set(id, ruleIds.length);
        ruleIds.push(id);
      }
    }
  }

  const cwdIsAbsolute = !!options.cwd && (/^\//.test(options.cwd) || /^[A-Za-z]:[\\/]/.test(options.cwd));
  const artifactLocationOf = (filePath: string, index: number) => {
    const relative = relativePath(filePath, options.cwd);
    const outside = relative.startsWith('../') || relative === '..' || /^([A-Za-z]:)?\//.test(relative);
    return outside
      ? { uri: pathToUriReference(relative), index }
      : { uri: pathToUriReference(relative), uriBaseId: SRCROOT, index };
  };

  const artifacts = results.map((result, index) => {
    const { index: _index, ...location } = artifactLocationOf(result.filePath, index);
    void _index;
    const mimeType = result.format ? MIME_TYPES[result.format] : undefined;
    // roles: every input file is an analysis target, read or not (files in = files out)
    return mimeType ? { location, mimeType, roles: ['analysisTarget'] } : { location, roles: ['analysisTarget'] };
  });

  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  results.forEach((result, artifactIndex) => {
    const artifactLocation = artifactLocationOf(result.filePath, artifactIndex);
    for (const message of result.messages) {
      if (message.fatal) {
        notifications.push({
          level: 'error',
          message: { text: sentence(message.message) },
          locations: [{ physicalLocation: { artifactLocation } }],
          descriptor: { id: READ_ERROR_ID, index: 0 },
        });
        continue;
      }
      const id = ruleIdOf(message);
      const hasTextRegion = message.line != null && message.line >= 1;
      const physicalLocation = hasTextRegion
        ? {
            artifactLocation,
            region: { startLine: message.line!, startColumn: Math.max(1, message.column ?? 1) },
          }
        : { artifactLocation };
      const cell = message.location || (message.role ?? '');
      const projectLabel =
        message.projectCode ?? (message.projectIndex != null ? `#${message.projectIndex}` : 'document');
      const location: Record<string, unknown> = { physicalLocation };
      if (cell) {
        location.message = { text: cell };
        location.logicalLocations = [{ name: cell, fullyQualifiedName: `${projectLabel}/${cell}`, kind: 'member' }];
      }
      if (isSheetOrigin(message.origin)) {
        const ref = sheetCellReference(message.origin);
        const element = { name: ref.slice(ref.lastIndexOf('!') + 1), fullyQualifiedName: ref, kind: 'element' };
        location.logicalLocations = [...((location.logicalLocations as object[] | undefined) ?? []), element];
      }
      const properties: Record<string, unknown> = {};
      for (const key of ['projectCode', 'projectName', 'projectIndex', 'messageId', 'found', 'suggestion', 'basis'] as const) {
        const value = message[key];
        if (value != null && value !== '') properties[key] = value;
      }
      if (message.origin) properties.origin = message.origin;
      const sarifResult: Record<string, unknown> = {
        ruleId: id,
        ruleIndex: ruleIndex.get(id),
        level: levelOfMessage(message),
        message: { text: sentence(message.message) },
        locations: [location],
      };
      if (message.fingerprint) sarifResult.partialFingerprints = { 'jxlintFingerprint/v1': message.fingerprint };
      if (Object.keys(properties).length > 0) sarifResult.properties = properties;
      sarifResults.push(sarifResult);
    }
  });

  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'jxlint',
        version: options.toolVersion,
        semanticVersion: options.toolVersion,
        informationUri: INFORMATION_URI,
        language: options.locale,
        rules: ruleIds.map((id) => ruleDescriptor(id, known.get(id), options)),
        notifications: [
          {
            id: READ_ERROR_ID,
            name: 'ReadError',
            shortDescription: {
              text: options.locale === 'en' ? 'A file could not be read.' : '文件无法读取。',
            },
            defaultConfiguration: { level: 'error' },
          },
        ],
      },
    },
    invocations: [
      {
        executionSuccessful: notifications.length === 0,
        ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
        ...(options.generatedAt ? { endTimeUtc: options.generatedAt } : {}),
      },
    ],
    language: options.locale,
    columnKind: 'utf16CodeUnits',
    artifacts,
    results: sarifResults,
  };
  if (cwdIsAbsolute) run.originalUriBaseIds = { [SRCROOT]: { uri: directoryFileUri(options.cwd!) } };

  return JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, null, 2) + '\n';
}
