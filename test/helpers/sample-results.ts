/**
 * Hand-built LintResult fixtures for the formatter tests, until the engine's output is stable:
 * - a text file (the seed, parsed for real with parseText) with findings in many projects and one
 *   document-level finding — text origins (line/column);
 * - a Word file with a hand-built document (table/row/col origins), a second agency, a project
 *   whose cells carry HTML/script payloads (XSS probes), a whole-table finding and values that
 *   look like spreadsheet formulas;
 * - a .doc file with findings but no document (the html report falls back to a list);
 * - a file that could not be read (fatal), a skipped file and a clean file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  CellRole,
  Indicator,
  JxDocument,
  LintMessage,
  LintResult,
  Origin,
  Project,
  RuleSummary,
  Severity,
  TableOrigin,
} from '../../src/index.js';
import { lint, lintFailure, parseText } from '../../src/index.js';
import type { FormatOptions } from '../../src/formatters/index.js';

export const CWD = '/srv/audit';
const SEED_ROWS = fileURLToPath(new URL('../../fixtures/seed/seed-rows.txt', import.meta.url));

const ROLE_LABELS: Partial<Record<CellRole, string>> = {
  code: '项目编码',
  name: '项目名称',
  agency: '预算单位',
  title: '表名',
  'budget.total': '预算数',
  'budget.fiscal': '财政资金',
  'budget.other': '其他资金',
  purpose: '资金用途',
  spendPlan: '资金支出计划',
  goals: '绩效目标',
  'indicator.level1': '一级指标',
  'indicator.level2': '二级指标',
  'indicator.level3': '三级指标',
  'indicator.description': '绩效指标描述',
  'indicator.value': '指标值',
  'indicator.basis': '指标值确定依据',
  indicator: '指标行',
  table: '整表',
  document: '文档',
};

/** The reviewer's wording of a place, as the engine writes it. */
export function describeOrigin(origin: Origin | null, role: CellRole): string {
  const label = ROLE_LABELS[role] ?? role;
  if (!origin) return label;
  if ('line' in origin) return `行 ${origin.line}:${origin.column}（${label}）`;
  if ('table' in origin) return `表${origin.table} 第${origin.row}行 第${origin.col}列（${label}）`;
  if ('sheet' in origin) return `工作表“${origin.sheet}” 第${origin.row}行 第${origin.col}列（${label}）`;
  return `第${origin.paragraph}段（${label}）`;
}

function originOf(project: Project, role: CellRole, indicatorIndex?: number): Origin | null {
  const indicator = indicatorIndex != null ? project.indicators[indicatorIndex] : undefined;
  switch (role) {
    case 'code':
    case 'name':
    case 'purpose':
    case 'goals':
    case 'agency':
    case 'title':
      return project.fields[role].origin;
    case 'budget.total':
      return project.budget.origin.total;
    case 'budget.fiscal':
      return project.budget.origin.fiscal;
    case 'budget.other':
      return project.budget.origin.other;
    case 'spendPlan':
      return project.spendPlan.origin;
    case 'indicator':
      return indicator?.origin ?? null;
    case 'table':
      return project.origin;
    default:
      if (role.startsWith('indicator.') && indicator) {
        return indicator.cells[role.slice('indicator.'.length) as keyof Indicator['cells']] ?? null;
      }
      return null;
  }
}

/** A tiny stable hash, standing in for the engine's fingerprint. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

interface FindingInit {
  ruleId: string;
  severity: Severity;
  message: string;
  messageId?: string;
  found?: string | null;
  suggestion?: string | null;
  basis?: string | null;
}

/** A message pointing at a cell of a project of `doc`, with origin and location derived from it. */
export function findingAt(
  doc: JxDocument,
  projectIndex: number,
  role: CellRole,
  indicatorIndex: number | undefined,
  init: FindingInit,
): LintMessage {
  const project = doc.projects.find((p) => p.index === projectIndex)!;
  const origin = originOf(project, role, indicatorIndex);
  const text = origin && 'line' in origin ? origin : null;
  return {
    ruleId: init.ruleId,
    severity: init.severity,
    message: init.message,
    messageId: init.messageId ?? 'default',
    projectCode: project.code,
    projectName: project.name,
    projectIndex,
    line: text?.line ?? null,
    column: text?.column ?? null,
    origin,
    location: describeOrigin(origin, role),
    role,
    indicatorIndex: indicatorIndex ?? null,
    found: init.found ?? null,
    suggestion: init.suggestion ?? null,
    basis: init.basis ?? null,
    fingerprint: fingerprint([init.ruleId, project.code, role, init.found ?? ''].join('|')),
  };
}

function fatal(message: string): LintMessage {
  return {
    ruleId: null,
    severity: 2,
    message,
    messageId: 'read-error',
    projectCode: null,
    projectName: null,
    projectIndex: null,
    line: null,
    column: null,
    origin: null,
    location: '',
    role: null,
    fatal: true,
  };
}

export function makeResult(
  filePath: string,
  status: LintResult['status'],
  format: string | null,
  encoding: string | null,
  document: JxDocument | null,
  messages: LintMessage[],
  projects?: LintResult['projects'],
): LintResult {
  const result: LintResult = {
    filePath,
    status,
    format,
    encoding,
    projects:
      projects ??
      (document?.projects ?? []).map((p) => ({ index: p.index, code: p.code, name: p.name, agency: p.agency })),
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    infoCount: messages.filter((m) => m.severity === 0).length,
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    fixableCount: messages.filter((m) => m.fix).length,
  };
  if (document) result.document = document;
  return result;
}

// ---------------------------------------------------------------------------
// The text file: the seed, parsed for real.

export const TEXT_FILE = `${CWD}/submissions/社保局/seed-rows.txt`;

let seedCache: JxDocument | null = null;

/** The seed parsed once per test file; every call returns a fresh copy. */
export function seedDocument(): JxDocument {
  seedCache ??= parseText(readFileSync(SEED_ROWS, 'utf8'), TEXT_FILE);
  return structuredClone(seedCache);
}

function seedFindings(doc: JxDocument): LintMessage[] {
  const messages: LintMessage[] = [];
  messages.push({
    ruleId: 'word-field-code-residue',
    severity: 0,
    message: '导出文本中残留 Word 域代码（共 20 处，如“TC 9、…\\f C \\l 1”）；请在 Word 中更新域或删除域代码后重新导出。',
    messageId: 'residue',
    projectCode: null,
    projectName: null,
    projectIndex: null,
    line: 11,
    column: 1,
    origin: { line: 11, column: 1 },
    location: '行 11:1（文档）',
    role: 'document',
    indicatorIndex: null,
    found: 'TC 分项绩效目标 \\f A \\l 1',
    suggestion: null,
    basis: null,
  });
  for (const project of doc.projects) {
    const p = project.index;
    project.indicators.forEach((indicator, i) => {
      const isCost = indicator.level2 === '成本指标' || indicator.level1 === '成本指标';
      if (isCost && indicator.value.kind !== 'amount') {
        messages.push(
          findingAt(doc, p, 'indicator.value', i, {
            ruleId: 'cost-value-not-amount',
            severity: 2,
            message: `成本指标“${indicator.level3}”的指标值“${indicator.value.raw}”不是金额；成本指标应写成本上限，如“≤800万元”。`,
            found: indicator.value.raw,
            suggestion: project.budget.total != null ? `≤${project.budget.total}万元` : null,
            basis: '《项目支出绩效评价管理办法》（财预〔2020〕10号）',
          }),
        );
      }
      if (
        indicator.level2 === '数量指标' &&
        /人数|人次|次数|个数|户数|数量/.test(indicator.level3 ?? '') &&
        indicator.value.kind === 'percent'
      ) {
        messages.push(
          findingAt(doc, p, 'indicator.value', i, {
            ruleId: 'quantity-value-percentage',
            severity: 2,
            message: `数量指标“${indicator.level3}”是计数，指标值却是百分比“${indicator.value.raw}”；请写人数或次数，如“≥1200人”。`,
            found: indicator.value.raw,
          }),
        );
      }
      if (/满意/.test(indicator.level3 ?? '') && indicator.level1 !== '满意度指标') {
        messages.push(
          findingAt(doc, p, 'indicator.level3', i, {
            ruleId: 'indicator-category-mismatch',
            severity: 2,
            message: `“${indicator.level3}”是满意度指标，却放在“${indicator.level1} / ${indicator.level2}”下；请移到“满意度指标 / 服务对象满意度指标”。`,
            found: `${indicator.level1} / ${indicator.level2}`,
          }),
        );
      }
      if (indicator.basis === '省市区相关文件' && i === 0) {
        messages.push(
          findingAt(doc, p, 'indicator.basis', i, {
            ruleId: 'nonstandard-value-basis',
            severity: 1,
            message: '指标值确定依据“省市区相关文件”不是计划标准、行业标准、历史标准或具体文件；请写明依据的文件名称和文号。',
            found: indicator.basis,
          }),
        );
      }
    });
    const filled = project.spendPlan.values.filter((v) => v.kind !== 'empty').length;
    if (project.spendPlan.present && filled > 0 && filled < project.spendPlan.values.length) {
      messages.push(
        findingAt(doc, p, 'spendPlan', undefined, {
          ruleId: 'spend-plan-incomplete',
          severity: 1,
          message: `资金支出计划只填了 ${filled} 个月末进度，空白不等于 0%；请填写 3月底、6月底、10月底的累计支出进度。`,
        }),
      );
    }
    if (project.goals.some((g) => /^\d+、(完成率|稽核率)$/.test(g.text.trim()))) {
      messages.push(
        findingAt(doc, p, 'goals', undefined, {
          ruleId: 'placeholder-goal',
          severity: 2,
          message: '绩效目标只有“完成率”之类的占位词，没有说明要达到的产出和效果；请写明做什么、做到什么程度。',
          found: project.goals.map((g) => g.text).join(' '),
        }),
      );
    }
  }
  // The same three-level name twice in a table.
  for (const project of doc.projects) {
    const seen = new Map<string, number>();
    project.indicators.forEach((indicator, i) => {
      const name = indicator.level3 ?? '';
      if (seen.has(name)) {
        messages.push(
          findingAt(doc, project.index, 'indicator.level3', i, {
            ruleId: 'duplicate-indicator',
            severity: 1,
            message: `三级指标“${name}”在本表中重复出现（第 ${seen.get(name)! + 1} 行和第 ${i + 1} 行）；请合并或改用不同的指标。`,
            found: name,
          }),
        );
      } else seen.set(name, i);
    });
  }
  // engine order: by project, then by position
  return messages.sort((a, b) => (a.projectIndex ?? 0) - (b.projectIndex ?? 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

// ---------------------------------------------------------------------------
// The Word file: a hand-built document with table origins.

export const WORD_FILE = `${CWD}/submissions/财政局/2021年项目绩效目标.docx`;
export const WORD_AGENCY = '316005南堡开发区财政局';
/** Payloads placed in document cells and messages; the html report must show them as text. */
export const XSS_NAME = '"><img src=x onerror="window.__pwned=1">';
export const XSS_PURPOSE = '<script>window.__pwned=2</script>';

function toTableOrigins(source: Project, index: number, table: number, agency: string): Project {
  const cell = (row: number, col: number): TableOrigin => ({ table, row, col, paragraph: 1 });
  const columns = source.indicatorHeader?.columns ?? ['level1', 'level2', 'level3', 'description', 'value', 'basis'];
  const project: Project = structuredClone(source);
  project.index = index;
  project.agency = agency;
  project.agencyCode = agency.slice(0, 6);
  project.fieldCodes = [];
  project.origin = cell(1, 1);
  project.fields.title.origin = { paragraph: 40 + index };
  project.fields.agency = { text: agency, origin: cell(1, 1) };
  project.fields.code.origin = cell(2, 2);
  project.fields.name.origin = cell(2, 4);
  project.budget.origin = { total: cell(3, 3), fiscal: cell(3, 5), other: cell(3, 7) };
  project.fields.purpose.origin = cell(4, 2);
  project.spendPlan.origin = cell(5, 1);
  project.spendPlan.cellOrigins = project.spendPlan.cellOrigins.map((_, i) => cell(6, i + 2));
  project.fields.goals.origin = cell(7, 2);
  project.goals = project.goals.map((g) => ({ ...g, origin: cell(7, 2) }));
  project.indicators = project.indicators.map((indicator, i) => ({
    ...indicator,
    origin: cell(9 + i, 1),
    cells: Object.fromEntries(columns.map((column, c) => [column, cell(9 + i, c + 1)])),
  }));
  return project;
}

export function wordDocument(): JxDocument {
  const seed = seedDocument();
  const first = toTableOrigins(seed.projects[2], 1, 2, WORD_AGENCY);
  first.code = '316-2101-CZJ-A001';
  first.fields.code.text = first.code;
  first.name = '财政信息化运维经费';
  first.fields.name.text = first.name;
  first.title = '财政信息化运维经费绩效目标表';
  first.fields.title.text = first.title;
  first.budget = { ...first.budget, total: 120, fiscal: 100, other: 10, totalRaw: '120.00', fiscalRaw: '100.00', otherRaw: '10.00' };
  const second = toTableOrigins(seed.projects[3], 2, 3, WORD_AGENCY);
  second.code = '316-2102-CZJ-X<1>';
  second.fields.code.text = second.code;
  second.name = XSS_NAME;
  second.fields.name.text = XSS_NAME;
  second.purpose = XSS_PURPOSE;
  second.fields.purpose.text = XSS_PURPOSE;
  second.title = `${XSS_NAME}绩效目标表`;
  second.fields.title.text = second.title;
  return {
    filePath: WORD_FILE,
    format: 'docx',
    encoding: null,
    layout: 'table',
    department: { ...seed.department, fieldCodes: [] },
    projects: [first, second],
    diagnostics: [],
  };
}

function wordFindings(doc: JxDocument): LintMessage[] {
  const [first] = doc.projects;
  const costIndex = first.indicators.findIndex((i) => i.level2 === '成本指标');
  return [
    findingAt(doc, 1, 'budget.total', undefined, {
      ruleId: 'budget-sum-mismatch',
      severity: 2,
      message: '预算数 120.00 万元不等于财政资金 100.00 万元与其他资金 10.00 万元之和（110.00 万元）；请核对三项金额。',
      found: '120.00',
      suggestion: '110.00',
    }),
    findingAt(doc, 1, 'indicator.value', costIndex, {
      ruleId: 'cost-value-not-amount',
      severity: 2,
      message: `成本指标“${first.indicators[costIndex].level3}”的指标值“${first.indicators[costIndex].value.raw}”不是金额；成本指标应写成本上限。`,
      found: first.indicators[costIndex].value.raw,
      suggestion: '≤120万元',
    }),
    findingAt(doc, 1, 'indicator', 4, {
      ruleId: 'process-metric-as-benefit',
      severity: 1,
      message: '“节约经费，认真完成工作”是资金过程指标，不是效益；请改写为项目带来的经济效益。',
    }),
    findingAt(doc, 2, 'table', undefined, {
      ruleId: 'missing-level1-category',
      severity: 2,
      message: '本表缺少成本指标（旧版式的“产出指标 / 成本指标”或 2021 版的“成本指标”一级）。',
    }),
    findingAt(doc, 2, 'indicator.value', 1, {
      ruleId: 'value-missing-unit',
      severity: 1,
      message: `指标值“=SUM(A1:A9)”没有单位 <b>请补上</b>，例如“≥95%”。`,
      found: '=SUM(A1:A9)',
      suggestion: '+95%',
    }),
    findingAt(doc, 2, 'indicator.description', 2, {
      ruleId: 'missing-operator',
      severity: 0,
      message: '指标值“100%”没有比较符号；请写“=100%”或“≥100%”。',
      found: '@100%',
      basis: 'line one\nline two, with "quotes"',
    }),
    // a finding whose role the report cannot place: matched by its origin instead
    {
      ...findingAt(doc, 1, 'purpose', undefined, {
        ruleId: 'goal-describes-input-or-payment',
        severity: 1,
        message: '资金用途只写了支付费用，没有说明产出。',
      }),
      role: null,
    },
  ];
}

// ---------------------------------------------------------------------------

export const DOC_FILE = `${CWD}/submissions/民政局/救助资金.doc`;
export const FAILED_FILE = `${CWD}/submissions/损坏/残缺的文件.docx`;
export const FATAL_MESSAGE =
  '文件 submissions/损坏/残缺的文件.docx：不是有效的 Word 文档（ZIP 结构损坏）；请用 Word 打开另存后再检查。The file is not a valid .docx (damaged ZIP); re-save it in Word and try again.';
export const SKIPPED_FILE = `${CWD}/submissions/说明.txt`;
export const CLEAN_FILE = `${CWD}/submissions/教育局/clean.txt`;

function docFindings(): LintMessage[] {
  const base = {
    messageId: 'default',
    projectCode: '316-3301-MZJ-J9X2',
    projectName: '城乡困难群众救助资金',
    projectIndex: 1,
    line: null,
    column: null,
    indicatorIndex: null,
  };
  return [
    {
      ...base,
      ruleId: 'placeholder-goal',
      severity: 2,
      message: '绩效目标只有“完成率”之类的占位词；请写明做什么、做到什么程度。',
      origin: { table: 1, row: 7, col: 2, paragraph: 1 },
      location: '表1 第7行 第2列（绩效目标）',
      role: 'goals',
      found: '1、医疗救助资金支付率',
    },
    {
      ...base,
      ruleId: 'satisfaction-threshold-low',
      severity: 1,
      message: '满意度目标 80% 低于 85%；请设定不低于 85% 的满意度。',
      origin: { table: 1, row: 17, col: 5, paragraph: 1 },
      location: '表1 第17行 第5列（指标值）',
      role: 'indicator.value',
      indicatorIndex: 8,
      found: '≥80%',
      suggestion: '≥85%',
    },
  ];
}

export const RULES: RuleSummary[] = [
  ['cost-value-not-amount', 'value', 'error', '成本指标的指标值应为金额', "A cost indicator's value must be an amount"],
  ['placeholder-goal', 'goal', 'error', '绩效目标不能只是占位词', 'A performance goal must not be a placeholder'],
  ['spend-plan-incomplete', 'budget', 'warn', '资金支出计划部分月份空白', 'Some month-end cells of the spend plan are blank'],
  ['indicator-category-mismatch', 'category', 'error', '三级指标归类与一级、二级不符', 'Indicator filed under the wrong category'],
  ['quantity-value-percentage', 'value', 'error', '数量指标的指标值不应为百分比', 'A quantity indicator must not have a percent value'],
  ['duplicate-indicator', 'consistency', 'warn', '同一表内三级指标重复', 'Duplicate level-3 indicator in one table'],
  ['budget-sum-mismatch', 'budget', 'error', '预算数不等于财政资金与其他资金之和', 'Budget total is not the sum of its parts'],
  ['value-missing-unit', 'value', 'warn', '指标值缺少单位', 'Indicator value has no unit'],
  ['missing-level1-category', 'structure', 'error', '缺少必备的一级指标', 'A required level-1 category is missing'],
  ['satisfaction-threshold-low', 'value', 'warn', '满意度目标偏低', 'Satisfaction target is low'],
  ['word-field-code-residue', 'structure', 'info', '导出文本残留 Word 域代码', 'Word field codes left in the export'],
  ['nonstandard-value-basis', 'value', 'warn', '指标值确定依据不规范', 'Non-standard basis for a target value'],
  ['process-metric-as-benefit', 'category', 'warn', '资金过程指标被当作效益指标', 'A fund-process measure filed as a benefit'],
  ['missing-operator', 'value', 'info', '指标值缺少比较符号', 'Target value has no operator'],
  ['goal-describes-input-or-payment', 'goal', 'warn', '绩效目标只描述投入或支付', 'The goal describes spending, not results'],
].map(([id, category, severity, description, descriptionEn]) => ({
  id,
  category: category as RuleSummary['category'],
  severity: severity as RuleSummary['severity'],
  fixable: false,
  description,
  descriptionEn,
  kind: 'exact' as const,
  docsUrl: `docs/rules/${id}.md`,
}));

export interface Sample {
  results: LintResult[];
  text: LintResult;
  word: LintResult;
  doc: LintResult;
  failed: LintResult;
  skipped: LintResult;
  clean: LintResult;
}

/** All sample results, sorted by path as the CLI sorts them. */
export function sampleResults(): Sample {
  const seed = seedDocument();
  const text = makeResult(TEXT_FILE, 'ok', 'text', 'utf-8', seed, seedFindings(seed));
  const wordDoc = wordDocument();
  const word = makeResult(WORD_FILE, 'ok', 'docx', null, wordDoc, wordFindings(wordDoc));
  const doc = makeResult(DOC_FILE, 'ok', 'doc', null, null, docFindings(), [
    { index: 1, code: '316-3301-MZJ-J9X2', name: '城乡困难群众救助资金', agency: '316007南堡开发区民政局' },
  ]);
  const failed = makeResult(FAILED_FILE, 'failed', null, null, null, [fatal(FATAL_MESSAGE)]);
  const skipped = makeResult(SKIPPED_FILE, 'skipped', null, null, null, []);
  const clean = makeResult(CLEAN_FILE, 'ok', 'text', 'utf-8', null, [], [
    { index: 1, code: '316-5501-JYJ-0001', name: '学前教育资助', agency: '316009南堡开发区教育局' },
  ]);
  const results = [text, word, doc, failed, skipped, clean].sort((a, b) => (a.filePath < b.filePath ? -1 : 1));
  return { results, text, word, doc, failed, skipped, clean };
}

export function sampleOptions(overrides: Partial<FormatOptions> = {}): FormatOptions {
  return {
    rules: RULES,
    locale: 'zh-CN',
    color: false,
    cwd: CWD,
    toolVersion: '0.1.0',
    generatedAt: '2026-01-15T08:30:00.000Z',
    ...overrides,
  };
}

/** The seed linted by the real engine (recommended rules, document kept) and a read failure. */
export function engineSampleResults(): LintResult[] {
  const seed = lint(seedDocument(), { keepDocument: true });
  const broken = lintFailure(FAILED_FILE, {
    code: 'read-error',
    message: FATAL_MESSAGE,
    messageEn: 'The file is not a valid .docx (damaged ZIP); re-save it in Word and try again.',
  });
  return [broken, seed];
}
