/**
 * The lexicon of a 绩效目标表 — every token is one whole cell (or paragraph) of the canonical
 * serialisation (grammar/serialize.ts: one cell a line). Labels come with the synonyms other
 * templates use (docs/taxonomy.md §4–5). Order matters: labels before the catch-all `Text`.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { CHECK_GRAMMAR_DEFINITIONS } from './definition-checks.js';
import { ANY_BUT_NEWLINE, checkStartCharHints, startChars as hint } from './start-chars.js';

/** Spaces some older forms put between the characters of a label (项 目 名 称). */
const GAP = '[ \\t\\u3000]*';

/** One character of a label as a pattern: brackets and colons in either width. */
function labelChar(c: string): string {
  if (c === '（' || c === '(') return '[（(]';
  if (c === '）' || c === ')') return '[）)]';
  if (c === '：' || c === ':') return '[:：]';
  return c.replace(/[.*+?^${}|[\]\\]/g, (x) => `\\${x}`);
}

/** A label spelling as a pattern: any character may be followed by a gap. */
export function labelPattern(text: string): string {
  return [...text].map(labelChar).join(GAP);
}

/**
 * A whole line: the label, an optional colon, nothing else. Brackets match in either width,
 * characters may be spaced out (项 目 名 称), and `prefixed` labels may open with 其中：.
 */
function label(name: string, alternatives: string[], categories: TokenType[] = [], prefixed = false): TokenType {
  const body = alternatives.map(labelPattern).join('|');
  const prefix = prefixed ? `(?:其${GAP}中${GAP}[:：]?${GAP})?` : '';
  // A grid header may carry a note in brackets: 指标值（包含数字及文字描述）, 备注（说明）; an amount its unit: 预算金额（元）.
  const note = categories.includes(GridHeader) ? `(?:${GAP}[（(][^（()）\\n]{1,20}[）)])?` : prefixed ? `(?:${GAP}[（(](?:万元|元)[）)])?` : '';
  return createToken({
    name,
    pattern: new RegExp(`${prefix}(?:${body})${note}${GAP}[:：]?(?=\\n)`),
    categories,
    // The first characters are known, so the lexer need not analyse the long pattern at start-up.
    start_chars_hint: startChars(alternatives, prefixed),
  });
}

/** The characters a label can open with: the first of each spelling, both bracket widths, 其 of 其中：. */
function startChars(alternatives: string[], prefixed: boolean): string[] {
  const chars = new Set<string>(prefixed ? ['其'] : []);
  for (const alternative of alternatives) {
    const first = alternative[0];
    if (first === '（' || first === '(') chars.add('（').add('(');
    else if (first === '：' || first === ':') chars.add('：').add(':');
    else chars.add(first);
  }
  return [...chars];
}

/** Any label that starts or belongs to a part of the form. */
export const Label = createToken({ name: 'Label', pattern: Lexer.NA });
/** A column header of the indicator grid (表头). */
export const GridHeader = createToken({ name: 'GridHeader', pattern: Lexer.NA });
/** A grid header other than 一级指标 (which opens the grid). */
export const SecondaryHeader = createToken({ name: 'SecondaryHeader', pattern: Lexer.NA });
/** Any cell that can stand as a value: free text and the few shapes the lexer names. */
export const AnyText = createToken({ name: 'AnyText', pattern: Lexer.NA });

export const Newline = createToken({ name: 'Newline', pattern: /\n/, group: Lexer.SKIPPED, start_chars_hint: hint('\n') });
/** A blank cell (serialised as ␀ so that it is a visible token). */
export const Blank = createToken({ name: 'Blank', pattern: /\u2400(?=\n)/, start_chars_hint: hint('\u2400') });

// Document parts (第一部分 部门整体绩效目标 / 第二部分 预算项目绩效目标)
export const PartHeading = createToken({
  name: 'PartHeading',
  pattern: /第[一二三四1-4]部分(?=\n)/,
  categories: [Label],
  start_chars_hint: hint('第'),
});

/** "1、城乡居民养老保险区财政补贴绩效目标表 TC 9、… \f C \l 1" — a project table's title (表名). */
export const Title = createToken({
  name: 'Title',
  // Ranges instead of a complement set, so chevrotain's first-char optimisation still applies.
  // A table-of-contents entry ("9、…绩效目标表<TAB>3") names a table but is not its title.
  pattern: /[\u0000-\u0009\u000b-\u23ff\u2401-\uffff][^\n]*?(?:绩效目标表|绩效目标申报表|绩效目标批复表)(?![^\n]*\t\s*\d+\s*\n)[^\n]*/,
  start_chars_hint: ANY_BUT_NEWLINE,
});

// 表头: 预算单位 and money unit
/** "316004南堡开发区社会事业保险局": 6-digit unit code + unit name (预算单位). */
export const AgencyLine = createToken({
  name: 'AgencyLine',
  pattern: /\d{6}[\u4e00-\u9fa5（(][^\n]{2,}(?=\n)/,
  categories: [AnyText],
  start_chars_hint: hint('0123456789'),
});
/** 单位：万元 — the table's money unit. */
export const MoneyUnit = createToken({
  name: 'MoneyUnit',
  pattern: /(?:金额)?单位[:：]\s*(?:万元|元|千元|亿元)(?=\n)/,
  categories: [AnyText],
  start_chars_hint: hint('金单'),
});
/** 预算单位 / 预算部门 / 实施单位: the unit the table is filled in for. */
export const AgencyLabel = label('AgencyLabel', ['预算单位', '单位名称', '预算部门', '部门（单位）名称', '项目单位', '实施单位', '申报单位'], [Label]);
/** 主管部门: the supervising department (core-2021, 湖北, 2016). */
export const DepartmentLabel = label('DepartmentLabel', ['主管部门', '主管单位', '项目主管部门'], [Label]);
/** 主管部门编码 (2016 national template). */
export const AgencyCodeLabel = label('AgencyCodeLabel', ['主管部门编码', '主管部门代码', '单位编码', '单位代码', '部门编码'], [Label]);

// 项目
export const ProjectCodeLabel = label('ProjectCodeLabel', ['项目编码', '项目代码', '项目编号'], [Label]);
export const ProjectNameLabel = label('ProjectNameLabel', ['项目名称', '项目支出名称'], [Label]);
/** 项目支出实施期 (湖南). */
export const ImplementationPeriodLabel = label('ImplementationPeriodLabel', ['项目支出实施期', '项目实施期', '实施期限', '项目执行期', '实施周期'], [Label]);

// 预算规模及资金用途
/** A label over a group of budget fields (预算规模及资金用途, 项目资金（万元）). */
export const BudgetSectionLabel = label(
  'BudgetSectionLabel',
  ['预算规模及资金用途', '预算规模及用途', '资金规模及用途', '项目资金（万元）', '项目资金（元）', '项目资金', '资金情况（万元）', '资金情况', '项目资金情况（万元）'],
  [Label],
);
export const BudgetTotalLabel = label(
  'BudgetTotalLabel',
  ['预算数', '年度资金总额', '资金总额', '预算金额', '年度预算数', '预算资金总额', '年度本级预算金额', '年度预算金额', '本级预算金额', '项目总预算'],
  [Label],
  true,
);
/** 合计 under 年度本级预算金额 (湖南's two-row variant): the total itself. Reads as text elsewhere. */
export const BudgetSumLabel = label('BudgetSumLabel', ['合计', '小计', '总计'], [AnyText]);
export const FiscalFundsLabel = label('FiscalFundsLabel', ['财政资金', '财政拨款', '财政拨款资金', '本级财政资金'], [Label], true);
export const OtherFundsLabel = label('OtherFundsLabel', ['其他资金', '其他资金来源'], [Label], true);
/** 该项目支出上级资金 (湖南): money from a higher level, kept apart from the budget. */
export const SuperiorFundsLabel = label('SuperiorFundsLabel', ['该项目支出上级资金', '上级资金', '上级补助资金', '上级专项资金'], [Label], true);
/**
 * A budget label and its amount in one cell ("资金总额：2.00", "其中：财政拨款：2.00" — the 2016
 * national form). The amount is read by the AST builder.
 */
export const InlineBudgetAmount = createToken({
  name: 'InlineBudgetAmount',
  pattern: new RegExp(
    `(?:其${GAP}中${GAP}[:：]?${GAP})?(?:${['年度资金总额', '资金总额', '预算金额', '预算数', '财政拨款', '财政资金', '其他资金', '上级资金'].map(labelPattern).join('|')})${GAP}[:：]${GAP}[-+0-9０-９.,，．][^\\n]*`,
  ),
  categories: [AnyText],
  start_chars_hint: hint('其年资预财上'),
});
export const PurposeLabel = label('PurposeLabel', ['资金用途', '资金用途及使用范围'], [Label]);

// 资金支出计划（%）
export const SpendPlanLabel = label('SpendPlanLabel', ['资金支出计划（%）', '资金支出计划（％）', '资金支出计划', '支出计划（%）', '支出计划'], [Label]);
/** 3月底 / 6月末 / 第一季度 … a spend-plan column. */
export const MonthEndLabel = createToken({
  name: 'MonthEndLabel',
  pattern: /(?:\d{1,2}月(?:底|末)|第?[一二三四1-4]季度(?:末)?)(?=\n)/,
  categories: [AnyText],
  start_chars_hint: hint('0123456789第一二三四'),
});

// 项目预算成本构成 (湖北)
export const CostBreakdownLabel = label('CostBreakdownLabel', ['项目预算成本构成', '预算成本构成', '项目成本构成', '成本构成'], [Label]);
/** A column header of the cost block: 成本项目 | 金额 | 测算（公式）依据 | 2020年实际执行数. */
export const CostHeader = createToken({
  name: 'CostHeader',
  pattern: new RegExp(
    `(?:${['成本项目', '成本项目名称', '金额', '金额（万元）', '测算（公式）依据', '测算依据', '测算公式及依据', '测算（公式）依据及说明', '测算依据及说明', '测算说明', '计算依据', '测算过程及依据'].map(labelPattern).join('|')}|(?:\\d{4}|[上前]一?)年(?:度)?实际执行数(?:（万元）|\\(万元\\))?)(?=\\n)`,
  ),
  categories: [AnyText],
  start_chars_hint: hint('成金测计上前0123456789'),
});

// 绩效目标
/** The annual goals (年度 / 本年度绩效目标). */
export const GoalsLabel = label('GoalsLabel', ['绩效目标', '年度绩效目标', '年度总体目标', '本年度绩效目标', '项目绩效目标', '年度目标', '年度项目绩效目标'], [Label]);
/** 长期目标 / 实施期绩效目标: goals over the whole implementation period. */
export const LongTermGoalsLabel = label('LongTermGoalsLabel', ['长期目标', '长期绩效目标', '实施期绩效目标', '实施期目标', '中长期绩效目标', '中期目标', '中期绩效目标', '项目总体目标'], [Label]);

// 绩效指标表头
/** The merged label some templates put left of the grid ("绩效指标"). */
export const IndicatorsLabel = label('IndicatorsLabel', ['绩效指标', '项目绩效指标'], [Label]);
/** 年度绩效指标: the annual block of the 2016 template (or a label column of others). */
export const AnnualIndicatorsLabel = label('AnnualIndicatorsLabel', ['年度绩效指标', '本年度绩效指标'], [Label]);
/** 长期绩效指标: the long-term block of the 2016 template; its rows are not the annual indicators. */
export const LongTermIndicatorsLabel = label('LongTermIndicatorsLabel', ['长期绩效指标', '实施期绩效指标', '中长期绩效指标', '中期绩效指标'], [Label]);
export const Level1Header = label('Level1Header', ['一级指标'], [Label, GridHeader]);
export const Level2Header = label('Level2Header', ['二级指标'], [Label, GridHeader, SecondaryHeader]);
export const Level3Header = label('Level3Header', ['三级指标', '三级指标名称', '指标名称', '指标内容', '绩效内容'], [Label, GridHeader, SecondaryHeader]);
export const DescriptionHeader = label('DescriptionHeader', ['绩效指标描述', '指标解释', '指标说明', '指标描述'], [Label, GridHeader, SecondaryHeader]);
export const NatureHeader = label('NatureHeader', ['指标性质', '计算符号', '指标值类型', '指标方向'], [Label, GridHeader, SecondaryHeader]);
export const ValueHeader = label('ValueHeader', ['指标值', '目标值', '年度指标值', '指标值及单位', '当年预期实现值', '绩效目标值', '年度目标值', '预期实现值'], [Label, GridHeader, SecondaryHeader]);
export const UnitHeader = label('UnitHeader', ['度量单位', '计量单位'], [Label, GridHeader, SecondaryHeader]);
/** 指标值确定依据 …; 绩效标准 is the basis in 湖南 but the description in 湖北 (the builder decides by template). */
export const BasisHeader = label(
  'BasisHeader',
  ['指标值确定依据', '指标值设定依据', '指标值设定依据及数据来源', '指标值确定依据及数据来源', '绩效标准', '参考标准', '指标值确定依据及说明'],
  [Label, GridHeader, SecondaryHeader],
);
export const WeightHeader = label('WeightHeader', ['权重', '分值', '权重（分值）', '指标权重', '权重（%）', '权重（％）', '分值（分）', '指标分值'], [Label, GridHeader, SecondaryHeader]);
export const RemarkHeader = label('RemarkHeader', ['备注', '评（扣）分标准', '评分标准'], [Label, GridHeader, SecondaryHeader]);

/** Rows after the grid that are neither indicators nor goals (湖北: 保障绩效目标实现措施, 主管部门审核意见). */
export const TrailingLabel = label(
  'TrailingLabel',
  ['保障绩效目标实现措施', '绩效目标实现保障措施', '主管部门审核意见', '财政部门审核意见', '主管部门意见', '财政部门意见'],
  [Label],
);

/** Anything else: a value, a name, a sentence. */
export const Text = createToken({ name: 'Text', pattern: /[\u0000-\u0009\u000b-\uffff]+/, categories: [AnyText], start_chars_hint: ANY_BUT_NEWLINE });

export const allTokens: TokenType[] = [
  Newline,
  Blank,
  PartHeading,
  AgencyCodeLabel,
  ProjectCodeLabel,
  ProjectNameLabel,
  ImplementationPeriodLabel,
  AgencyLabel,
  DepartmentLabel,
  BudgetSectionLabel,
  BudgetTotalLabel,
  BudgetSumLabel,
  FiscalFundsLabel,
  OtherFundsLabel,
  SuperiorFundsLabel,
  InlineBudgetAmount,
  PurposeLabel,
  SpendPlanLabel,
  CostBreakdownLabel,
  CostHeader,
  GoalsLabel,
  LongTermGoalsLabel,
  IndicatorsLabel,
  AnnualIndicatorsLabel,
  LongTermIndicatorsLabel,
  Level1Header,
  Level2Header,
  Level3Header,
  DescriptionHeader,
  NatureHeader,
  ValueHeader,
  UnitHeader,
  BasisHeader,
  WeightHeader,
  RemarkHeader,
  TrailingLabel,
  Title,
  AgencyLine,
  MoneyUnit,
  MonthEndLabel,
  Text,
  Label,
  GridHeader,
  SecondaryHeader,
  AnyText,
];

/** Grid header tokens → the column role they name. */
export const headerRole = new Map<TokenType, import('../src/ast/types.js').IndicatorColumn>([
  [Level1Header, 'level1'],
  [Level2Header, 'level2'],
  [Level3Header, 'level3'],
  [DescriptionHeader, 'description'],
  [NatureHeader, 'nature'],
  [ValueHeader, 'value'],
  [UnitHeader, 'unit'],
  [BasisHeader, 'basis'],
  [WeightHeader, 'weight'],
  [RemarkHeader, 'other'],
]);

export const tableLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: !CHECK_GRAMMAR_DEFINITIONS,
});
if (CHECK_GRAMMAR_DEFINITIONS) checkStartCharHints(allTokens, tableLexer);
