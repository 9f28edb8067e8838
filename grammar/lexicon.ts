/**
 * The lexicon of a 绩效目标表 — every token is one whole cell (or paragraph) of the canonical
 * serialisation (grammar/serialize.ts: one cell a line). Labels come with the synonyms other
 * templates use (docs/taxonomy.md §4–5). Order matters: labels before the catch-all `Text`.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { CHECK_GRAMMAR_DEFINITIONS } from './definition-checks.js';

/** A whole line: the label, an optional colon, nothing else. */
function label(name: string, alternatives: string[], categories: TokenType[] = []): TokenType {
  const body = alternatives.map((a) => a.replace(/[()（）]/g, (c) => `\\${c}`)).join('|');
  return createToken({ name, pattern: new RegExp(`(?:${body})[:：]?(?=\\n)`), categories });
}

/** Any label that starts or belongs to a part of the form. */
export const Label = createToken({ name: 'Label', pattern: Lexer.NA });
/** A column header of the indicator grid (表头). */
export const GridHeader = createToken({ name: 'GridHeader', pattern: Lexer.NA });
/** A grid header other than 一级指标 (which opens the grid). */
export const SecondaryHeader = createToken({ name: 'SecondaryHeader', pattern: Lexer.NA });
/** Any cell that can stand as a value: free text and the few shapes the lexer names. */
export const AnyText = createToken({ name: 'AnyText', pattern: Lexer.NA });

export const Newline = createToken({ name: 'Newline', pattern: /\n/, group: Lexer.SKIPPED });
/** A blank cell (serialised as ␀ so that it is a visible token). */
export const Blank = createToken({ name: 'Blank', pattern: /\u2400(?=\n)/ });

// Document parts (第一部分 部门整体绩效目标 / 第二部分 预算项目绩效目标)
export const PartHeading = createToken({
  name: 'PartHeading',
  pattern: /第[一二三四1-4]部分(?=\n)/,
  categories: [Label],
});

/** "1、城乡居民养老保险区财政补贴绩效目标表 TC 9、… \f C \l 1" — a project table's title (表名). */
export const Title = createToken({
  name: 'Title',
  // Ranges instead of a complement set, so chevrotain's first-char optimisation still applies.
  // A table-of-contents entry ("9、…绩效目标表<TAB>3") names a table but is not its title.
  pattern: /[\u0000-\u0009\u000b-\u23ff\u2401-\uffff][^\n]*?(?:绩效目标表|绩效目标申报表|绩效目标批复表)(?![^\n]*\t\s*\d+\s*\n)[^\n]*/,
});

// 表头: 预算单位 and money unit
/** "316004南堡开发区社会事业保险局": 6-digit unit code + unit name (预算单位). */
export const AgencyLine = createToken({
  name: 'AgencyLine',
  pattern: /\d{6}[\u4e00-\u9fa5（(][^\n]{2,}(?=\n)/,
  categories: [AnyText],
});
/** 单位：万元 — the table's money unit. */
export const MoneyUnit = createToken({
  name: 'MoneyUnit',
  pattern: /(?:金额)?单位[:：]\s*(?:万元|元|千元|亿元)(?=\n)/,
  categories: [AnyText],
});
export const AgencyLabel = label('AgencyLabel', ['预算单位', '单位名称', '预算部门', '部门（单位）名称', '部门(单位)名称', '项目单位', '实施单位'], [Label]);

// 项目
export const ProjectCodeLabel = label('ProjectCodeLabel', ['项目编码', '项目代码', '项目编号'], [Label]);
export const ProjectNameLabel = label('ProjectNameLabel', ['项目名称', '项目支出名称'], [Label]);

// 预算规模及资金用途
export const BudgetSectionLabel = label('BudgetSectionLabel', ['预算规模及资金用途', '预算规模及用途', '资金规模及用途'], [Label]);
export const BudgetTotalLabel = label('BudgetTotalLabel', ['预算数', '年度资金总额', '资金总额', '预算金额', '年度预算数', '预算资金总额'], [Label]);
export const FiscalFundsLabel = label('FiscalFundsLabel', ['其中：财政资金', '其中:财政资金', '其中：财政拨款', '其中:财政拨款', '财政拨款', '财政资金'], [Label]);
export const OtherFundsLabel = label('OtherFundsLabel', ['其他资金', '其他资金来源', '其中：其他资金', '其中:其他资金'], [Label]);
export const PurposeLabel = label('PurposeLabel', ['资金用途', '资金用途及使用范围'], [Label]);

// 资金支出计划（%）
export const SpendPlanLabel = label('SpendPlanLabel', ['资金支出计划（%）', '资金支出计划(%)', '资金支出计划（％）', '资金支出计划', '支出计划（%）', '支出计划'], [Label]);
/** 3月底 / 6月末 / 第一季度 … a spend-plan column. */
export const MonthEndLabel = createToken({
  name: 'MonthEndLabel',
  pattern: /(?:\d{1,2}月(?:底|末)|第?[一二三四1-4]季度(?:末)?)(?=\n)/,
  categories: [AnyText],
});

// 绩效目标
export const GoalsLabel = label('GoalsLabel', ['绩效目标', '年度绩效目标', '年度总体目标', '本年度绩效目标', '项目绩效目标'], [Label]);

// 绩效指标表头
/** The merged label some templates put left of the grid ("绩效指标"). */
export const IndicatorsLabel = label('IndicatorsLabel', ['绩效指标', '年度绩效指标', '项目绩效指标'], [Label]);
export const Level1Header = label('Level1Header', ['一级指标'], [Label, GridHeader]);
export const Level2Header = label('Level2Header', ['二级指标'], [Label, GridHeader, SecondaryHeader]);
export const Level3Header = label('Level3Header', ['三级指标', '三级指标名称', '指标名称', '指标内容', '绩效内容'], [Label, GridHeader, SecondaryHeader]);
export const DescriptionHeader = label('DescriptionHeader', ['绩效指标描述', '指标解释', '指标说明', '指标描述'], [Label, GridHeader, SecondaryHeader]);
export const NatureHeader = label('NatureHeader', ['指标性质', '计算符号', '指标值类型', '指标方向'], [Label, GridHeader, SecondaryHeader]);
export const ValueHeader = label('ValueHeader', ['指标值', '目标值', '年度指标值', '指标值及单位', '当年预期实现值', '绩效目标值', '年度目标值'], [Label, GridHeader, SecondaryHeader]);
export const UnitHeader = label('UnitHeader', ['度量单位', '计量单位'], [Label, GridHeader, SecondaryHeader]);
export const BasisHeader = label('BasisHeader', ['指标值确定依据', '指标值设定依据', '绩效标准', '参考标准', '指标值确定依据及说明'], [Label, GridHeader, SecondaryHeader]);
export const WeightHeader = label('WeightHeader', ['权重', '分值', '权重（分值）', '指标权重'], [Label, GridHeader, SecondaryHeader]);
export const RemarkHeader = label('RemarkHeader', ['备注', '评（扣）分标准', '评(扣)分标准', '评分标准'], [Label, GridHeader, SecondaryHeader]);

/** Anything else: a value, a name, a sentence. */
export const Text = createToken({ name: 'Text', pattern: /[\u0000-\u0009\u000b-\uffff]+/, categories: [AnyText] });

export const allTokens: TokenType[] = [
  Newline,
  Blank,
  PartHeading,
  ProjectCodeLabel,
  ProjectNameLabel,
  AgencyLabel,
  BudgetSectionLabel,
  BudgetTotalLabel,
  FiscalFundsLabel,
  OtherFundsLabel,
  PurposeLabel,
  SpendPlanLabel,
  GoalsLabel,
  IndicatorsLabel,
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
