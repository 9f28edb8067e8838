/**
 * The html report's page script is written in TypeScript (src/formatters/html/script.ts) and
 * embedded as the JavaScript that scripts/gen-html-script.ts compiles from it: the committed
 * script.generated.ts must be what the generator makes of the current script.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateReportScript, SCRIPT_GENERATED, SCRIPT_SOURCE } from '../scripts/gen-html-script.js';
import { REPORT_SCRIPT } from '../src/formatters/html/script.generated.js';

describe('html report page script', () => {
  it('script.generated.ts is up to date with script.ts (else run `npx tsx scripts/gen-html-script.ts`)', () => {
    expect(readFileSync(SCRIPT_GENERATED, 'utf8')).toBe(generateReportScript(readFileSync(SCRIPT_SOURCE, 'utf8')));
  });

  it('is one self-contained function call with no TypeScript left in it', () => {
    expect(REPORT_SCRIPT.startsWith("\n(function () {\n    'use strict';\n")).toBe(true);
    expect(REPORT_SCRIPT.endsWith('\n})();\n')).toBe(true);
    expect(REPORT_SCRIPT).not.toMatch(/\bas (HTML\w+|Record)\b|: (void|string|number|boolean)\b|!\.|!\)|\bexport\b|\bimport\b/);
    expect(() => new Function(REPORT_SCRIPT)).not.toThrow();
  });

  it('the generator refuses a script.ts of another shape', () => {
    expect(() => generateReportScript('const x = 1;\n')).toThrow(/exactly one function/);
  });
});
