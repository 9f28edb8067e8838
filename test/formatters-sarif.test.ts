import { execFileSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatResults } from '../src/formatters/index.js';
import { pascalCase } from '../src/formatters/sarif.js';
import { ruleSummaries } from '../src/index.js';
import { FATAL_MESSAGE, RULES, engineSampleResults, sampleOptions, sampleResults } from './helpers/sample-results.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function sarif(overrides = {}): Promise<Json> {
  return JSON.parse(String(await formatResults(sampleResults().results, 'sarif', sampleOptions(overrides))));
}

describe('sarif structure', () => {
  it('is SARIF 2.1.0 with the jxlint driver and every rule', async () => {
    const log = await sarif();
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'jxlint', version: '0.1.0', informationUri: expect.stringMatching(/^https:\/\//) });
    const byId = new Map(driver.rules.map((r: Json) => [r.id, r]));
    for (const rule of RULES) {
      const descriptor: Json = byId.get(rule.id);
      expect(descriptor.name).toBe(pascalCase(rule.id));
      expect(descriptor.shortDescription.text).toContain(rule.description);
      expect(descriptor.fullDescription.text).toContain(rule.descriptionEn);
      expect(descriptor.helpUri).toBe(`https://github.com/jxlint/jxlint/blob/main/docs/rules/${rule.id}.md`);
      expect(descriptor.defaultConfiguration.level).toBe({ error: 'error', warn: 'warning', info: 'note' }[rule.severity]);
    }
    expect(byId.get('cost-value-not-amount')).toMatchObject({ name: 'CostValueNotAmount' });
  });

  it('builds helpUri from rulesDocsBaseUrl when given', async () => {
    const log = await sarif({ rulesDocsBaseUrl: 'https://docs.example.org/jxlint/rules' });
    expect(log.runs[0].tool.driver.rules[0].helpUri).toBe(`https://docs.example.org/jxlint/rules/${RULES[0].id}.md`);
  });

  it('has one result per finding with ruleId, ruleIndex, level and message', async () => {
    const { results } = sampleResults();
    const log = await sarif();
    const run = log.runs[0];
    expect(run.results).toHaveLength(results.reduce((n, r) => n + r.messages.filter((m) => !m.fatal).length, 0));
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text.length).toBeGreaterThan(0);
    }
    expect(run.results.find((r: Json) => r.ruleId === 'word-field-code-residue').level).toBe('note');
  });

  it('gives text findings a region relative to %SRCROOT%', async () => {
    const run = (await sarif()).runs[0];
    const result = run.results.find((r: Json) => r.locations[0].physicalLocation.region?.startLine === 30);
    const location = result.locations[0];
    expect(location.physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    expect(decodeURIComponent(location.physicalLocation.artifactLocation.uri)).toBe('submissions/社保局/seed-rows.txt');
    expect(location.physicalLocation.region).toEqual({ startLine: 30, startColumn: 21 });
    expect(location.logicalLocations[0]).toEqual({
      name: '行 30:21（指标值）',
      fullyQualifiedName: '316-1201-JBN-WMEB/行 30:21（指标值）',
      kind: 'member',
    });
    expect(result.partialFingerprints['jxlintFingerprint/v1']).toMatch(/^[0-9a-f]{8}$/);
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///srv/audit/');
  });

  it('names only the artifact for Word findings and puts the cell in the logical location', async () => {
    const run = (await sarif()).runs[0];
    const result = run.results.find((r: Json) => r.ruleId === 'budget-sum-mismatch');
    const location = result.locations[0];
    expect(location.physicalLocation.region).toBeUndefined();
    expect(decodeURIComponent(location.physicalLocation.artifactLocation.uri)).toBe('submissions/财政局/2021年项目绩效目标.docx');
    expect(location.logicalLocations[0].fullyQualifiedName).toBe('316-2101-CZJ-A001/表2 第3行 第3列（预算数）');
    expect(location.message.text).toBe('表2 第3行 第3列（预算数）');
    expect(result.properties).toMatchObject({ found: '120.00', suggestion: '110.00', projectCode: '316-2101-CZJ-A001' });
  });

  it('reports unreadable files as tool execution notifications', async () => {
    const run = (await sarif()).runs[0];
    const invocation = run.invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      expect.objectContaining({
        level: 'error',
        message: { text: FATAL_MESSAGE },
        descriptor: { id: 'read-error', index: 0 },
      }),
    ]);
    expect(run.results.some((r: Json) => r.message.text === FATAL_MESSAGE)).toBe(false);
    // every input file is an artifact, the failed one included
    expect(run.artifacts).toHaveLength(sampleResults().results.length);
  });

  it('succeeds when every file was read', async () => {
    const { text, clean } = sampleResults();
    const log = JSON.parse(String(await formatResults([text, clean], 'sarif', sampleOptions())));
    expect(log.runs[0].invocations[0]).toEqual({ executionSuccessful: true, endTimeUtc: '2026-01-15T08:30:00.000Z' });
  });
});

describe('sarif validation (Microsoft SARIF Multitool)', () => {
  let dir: string;
  let binary: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jxlint-sarif-'));
    binary = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
    try {
      accessSync(binary, constants.X_OK);
    } catch {
      chmodSync(binary, statSync(binary).mode | 0o100); // npm does not always keep the exec bit
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['hand-built samples: text and Word origins, a failed file', 'samples'],
    ['the real engine on the seed, and a read failure', 'engine'],
  ])('validates with no errors (%s)', async (_label, source) => {
    const file = join(dir, `${source}.sarif`);
    const report = join(dir, `${source}.validation.sarif`);
    const results = source === 'engine' ? engineSampleResults() : sampleResults().results;
    const rules = source === 'engine' ? ruleSummaries() : RULES;
    writeFileSync(file, String(await formatResults(results, 'sarif', sampleOptions({ rules }))));
    // The validator exits 0 even when the log is invalid; its findings are in its own SARIF output.
    const console = execFileSync(binary, ['validate', file, '--output', report, '--log', 'ForceOverwrite'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const validation = JSON.parse(readFileSync(report, 'utf8'));
    const findings = validation.runs[0].results ?? [];
    const validatorRules = validation.runs[0].tool.driver.rules ?? [];
    const levelOf = (r: Json) => r.level ?? validatorRules[r.ruleIndex]?.defaultConfiguration?.level ?? 'warning';
    const errors = findings.filter((r: Json) => levelOf(r) === 'error');
    expect(errors.map((e: Json) => `${e.ruleId}: ${JSON.stringify(e.message)}`)).toEqual([]);
    expect(console).not.toMatch(/: error /);
    // Only the accepted warning kinds remain (Word files have no text region).
    const warnings = new Set(findings.filter((r: Json) => levelOf(r) === 'warning').map((r: Json) => r.ruleId));
    for (const id of warnings) expect(['SARIF2017']).toContain(id);
  });
});
