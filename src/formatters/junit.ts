/**
 * `junit`: JUnit XML for CI dashboards. One <testsuite> per file, one <testcase> per project
 * (plus one for document-level findings), one <failure> per error; warnings and infos go to the
 * test case's <system-out>. A file that could not be read is a test case with an <error>; a
 * skipped file is a skipped test case.
 */
import type { Locale, LintMessage, LintResult } from '../engine/types.js';
import { WORDS, oneLine, projectOf, relativePath, ruleLabelOf, severityWord } from './common.js';
import type { FormatOptions } from './options.js';

/** Escapes text for XML content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

interface TestCase {
  name: string;
  messages: LintMessage[];
}

function describe(message: LintMessage, locale: Locale): string {
  const place = message.location ? `${oneLine(message.location)}${locale === 'en' ? ': ' : '：'}` : '';
  const rule = ` (${ruleLabelOf(message)})`;
  return `${place}${oneLine(message.message)}${rule}`;
}

function testCasesOf(result: LintResult, locale: Locale): TestCase[] {
  const cases = new Map<number, TestCase>();
  for (const project of [...result.projects].sort((a, b) => a.index - b.index)) {
    const label = [WORDS[locale].project, project.code ?? `#${project.index}`, project.name].filter(Boolean).join(' ');
    cases.set(project.index, { name: label, messages: [] });
  }
  const documentCase: TestCase = { name: WORDS[locale].document, messages: [] };
  for (const message of result.messages) {
    if (message.fatal) continue;
    if (message.projectIndex == null) {
      documentCase.messages.push(message);
      continue;
    }
    let testCase = cases.get(message.projectIndex);
    if (!testCase) {
      const project = projectOf(result, message);
      const label = [WORDS[locale].project, message.projectCode ?? project?.code ?? `#${message.projectIndex}`, message.projectName]
        .filter(Boolean)
        .join(' ');
      testCase = { name: label, messages: [] };
      cases.set(message.projectIndex, testCase);
    }
    testCase.messages.push(message);
  }
  const all = [...cases.values()];
  if (documentCase.messages.length > 0 || all.length === 0) all.unshift(documentCase);
  return all;
}

export function formatJunit(results: LintResult[], options: FormatOptions): string {
  const { locale } = options;
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  let totalErrors = 0;
  let totalSkipped = 0;

  for (const result of results) {
    const file = relativePath(result.filePath, options.cwd);
    const suiteName = escapeXml(file);
    const lines: string[] = [];
    let tests = 0;
    let failures = 0;
    let errors = 0;
    let skipped = 0;

    if (result.status === 'failed') {
      const fatal = result.messages.filter((m) => m.fatal);
      tests = 1;
      errors = 1;
      const text = fatal.map((m) => oneLine(m.message)).join('\n') || WORDS[locale].readError;
      lines.push(`    <testcase name="${escapeXml(WORDS[locale].readError)}" classname="${suiteName}">`);
      lines.push(`      <error message="${escapeXml(oneLine(fatal[0]?.message ?? text))}" type="read-error">${escapeXml(text)}</error>`);
      lines.push('    </testcase>');
    } else if (result.status === 'skipped') {
      tests = 1;
      skipped = 1;
      lines.push(`    <testcase name="${escapeXml(WORDS[locale].status.skipped)}" classname="${suiteName}">`);
      lines.push('      <skipped/>');
      lines.push('    </testcase>');
    } else {
      for (const testCase of testCasesOf(result, locale)) {
        tests++;
        const failing = testCase.messages.filter((m) => m.severity === 2);
        const other = testCase.messages.filter((m) => m.severity !== 2);
        if (failing.length > 0) failures++; // failed test cases, so failures ≤ tests
        const open = `    <testcase name="${escapeXml(testCase.name)}" classname="${suiteName}"`;
        if (testCase.messages.length === 0) {
          lines.push(`${open}/>`);
          continue;
        }
        lines.push(`${open}>`);
        for (const message of failing) {
          const text = describe(message, locale);
          const body = [text];
          if (message.found) body.push(`${locale === 'en' ? 'found' : '原值'}: ${message.found}`);
          if (message.suggestion) body.push(`${locale === 'en' ? 'suggestion' : '建议'}: ${message.suggestion}`);
          const type = ruleLabelOf(message);
          lines.push(`      <failure message="${escapeXml(text)}" type="${escapeXml(type)}">${escapeXml(body.join('\n'))}</failure>`);
        }
        if (other.length > 0) {
          const text = other.map((m) => `${severityWord(m.severity, locale)}  ${describe(m, locale)}`).join('\n');
          lines.push(`      <system-out>${escapeXml(text)}</system-out>`);
        }
        lines.push('    </testcase>');
      }
    }

    totalTests += tests;
    totalFailures += failures;
    totalErrors += errors;
    totalSkipped += skipped;
    suites.push(
      `  <testsuite name="${suiteName}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">`,
      ...lines,
      '  </testsuite>',
    );
  }

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="jxlint" tests="${totalTests}" failures="${totalFailures}" errors="${totalErrors}" skipped="${totalSkipped}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
