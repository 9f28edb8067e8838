/**
 * The grammar of one 绩效目标表, label-driven: it reads the labels of the form in whatever order
 * and layout they come, so the same grammar reads every source. The form, as a reviewer sees it:
 *
 *   1、<项目名称>绩效目标表                                    title
 *   <预算单位>                 单位：万元                      header
 *   项目编码  <code>           项目名称  <name>
 *   预算规模及资金用途  预算数 <n>  其中：财政资金 <n>  其他资金 <n>
 *                       <资金用途>
 *   资金支出计划（%）  3月底  6月底  10月底  12月底
 *                      <v>    <v>    <v>     <v>
 *   绩效目标  <1、… 2、…>
 *   一级指标  二级指标  三级指标  绩效指标描述  指标值  指标值确定依据
 *   <rows …>
 *
 * Recovery is on: a broken part yields errors and the parser carries on; the document builder
 * parses each table separately, so a broken table never takes the next one with it.
 */
import { CstParser, type CstNode, type IOrAlt } from 'chevrotain';
import { CHECK_GRAMMAR_DEFINITIONS } from './definition-checks.js';
import { LazyLookahead } from './lazy-lookahead.js';
import * as T from './lexicon.js';
import { tableErrorMessages } from './parse-errors.js';

/** The CST label of the grid's body cells (`IndicatorGridCstChildren.gridCell`). */
const GRID_CELL = { LABEL: 'gridCell' };

/**
 * The alternatives of each OR are fields, built once: chevrotain takes the same array on every call,
 * so a parse allocates no closures per cell (the grammar it records is the same).
 */
export class TableParser extends CstParser {
  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 1,
      lookaheadStrategy: new LazyLookahead({ maxLookahead: 1 }),
      nodeLocationTracking: 'onlyOffset',
      skipValidations: !CHECK_GRAMMAR_DEFINITIONS,
      errorMessageProvider: tableErrorMessages,
    });
    this.performSelfAnalysis();
  }

  /** 第一部分 部门整体绩效目标: free paragraphs before the first table. */
  public departmentPart = this.RULE('departmentPart', () => {
    this.MANY(() => this.SUBRULE(this.anyCell));
  });

  private readonly projectPart: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.codeField) },
    { ALT: () => this.SUBRULE(this.nameField) },
    { ALT: () => this.SUBRULE(this.agencyField) },
    { ALT: () => this.SUBRULE(this.periodField) },
    { ALT: () => this.SUBRULE(this.budgetBlock) },
    { ALT: () => this.SUBRULE(this.budgetField) },
    { ALT: () => this.SUBRULE(this.purposeField) },
    { ALT: () => this.SUBRULE(this.spendPlan) },
    { ALT: () => this.SUBRULE(this.costBreakdown) },
    { ALT: () => this.SUBRULE(this.goals) },
    { ALT: () => this.SUBRULE(this.longTermGoals) },
    { ALT: () => this.SUBRULE(this.indicatorGrid) },
    { ALT: () => this.SUBRULE(this.trailingField) },
    { ALT: () => this.SUBRULE(this.stray) },
  ];

  public projectTable = this.RULE('projectTable', () => {
    this.OPTION(() => this.CONSUME(T.Title));
    this.MANY(() => {
      this.OR(this.projectPart);
    });
  });

  /** 项目编码 <code> */
  public codeField = this.RULE('codeField', () => {
    this.CONSUME(T.ProjectCodeLabel);
    this.SUBRULE(this.valueCell);
  });

  /** 项目名称 <name> */
  public nameField = this.RULE('nameField', () => {
    this.CONSUME(T.ProjectNameLabel);
    this.SUBRULE(this.valueCell);
  });

  private readonly agencyLabel: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(T.AgencyLabel) },
    { ALT: () => this.CONSUME(T.DepartmentLabel) },
    { ALT: () => this.CONSUME(T.AgencyCodeLabel) },
  ];

  /** 预算单位 / 主管部门 / 主管部门编码 <value> */
  public agencyField = this.RULE('agencyField', () => {
    this.OR(this.agencyLabel);
    this.OPTION(() => this.SUBRULE(this.valueCell));
  });

  /** 项目支出实施期 <period> */
  public periodField = this.RULE('periodField', () => {
    this.CONSUME(T.ImplementationPeriodLabel);
    this.OPTION(() => this.SUBRULE(this.valueCell));
  });

  /** 预算规模及资金用途: the amounts, then 资金用途 in the merged row below them. */
  public budgetBlock = this.RULE('budgetBlock', () => {
    this.CONSUME(T.BudgetSectionLabel);
    this.MANY(() => this.SUBRULE(this.budgetField));
    this.OPTION(() => this.SUBRULE(this.purposeRow));
  });

  private readonly budgetLabel: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(T.BudgetTotalLabel) },
    { ALT: () => this.CONSUME(T.FiscalFundsLabel) },
    { ALT: () => this.CONSUME(T.OtherFundsLabel) },
    { ALT: () => this.CONSUME(T.SuperiorFundsLabel) },
  ];

  /**
   * 预算数 / 其中：财政资金 / 其他资金 / 上级资金 <amount>. The amount may be missing here: in a row of
   * labels over a row of values the labels come one after another (the builder pairs them up).
   */
  public budgetField = this.RULE('budgetField', () => {
    this.OR(this.budgetLabel);
    this.OPTION(() => this.SUBRULE(this.valueCell));
  });

  /** The unlabelled 资金用途 row: merged blank label cell(s), then the text. */
  public purposeRow = this.RULE('purposeRow', () => {
    this.AT_LEAST_ONE(() => this.CONSUME(T.Blank));
    this.OPTION(() => this.CONSUME(T.AnyText));
  });

  /** 资金用途 <text> */
  public purposeField = this.RULE('purposeField', () => {
    this.CONSUME(T.PurposeLabel);
    this.SUBRULE(this.valueCell);
  });

  /** 资金支出计划（%） 3月底 6月底 10月底 12月底, then the row of values. */
  public spendPlan = this.RULE('spendPlan', () => {
    this.CONSUME(T.SpendPlanLabel);
    this.AT_LEAST_ONE(() => this.CONSUME(T.MonthEndLabel));
    this.MANY(() => this.SUBRULE(this.valueCell));
  });

  /** 项目预算成本构成 (湖北): its column headers, then the item rows, cell after cell. */
  public costBreakdown = this.RULE('costBreakdown', () => {
    this.CONSUME(T.CostBreakdownLabel);
    this.MANY(() => this.SUBRULE(this.valueCell));
  });

  /** 绩效目标 / 年度绩效目标 <items, one or several cells / paragraphs> */
  public goals = this.RULE('goals', () => {
    this.CONSUME(T.GoalsLabel);
    this.MANY(() => this.SUBRULE(this.valueCell));
  });

  /** 长期目标 / 实施期绩效目标 <items> */
  public longTermGoals = this.RULE('longTermGoals', () => {
    this.CONSUME(T.LongTermGoalsLabel);
    this.MANY(() => this.SUBRULE(this.valueCell));
  });

  private readonly indicatorsLabel: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(T.IndicatorsLabel) },
    { ALT: () => this.CONSUME(T.AnnualIndicatorsLabel) },
    { ALT: () => this.CONSUME(T.LongTermIndicatorsLabel) },
  ];

  /**
   * [绩效指标 | 年度绩效指标 | 长期绩效指标] 一级指标 二级指标 三级指标 … then the rows, cell after cell.
   * A 长期绩效指标 label makes the block the long-term one (2016 template).
   */
  public indicatorGrid = this.RULE('indicatorGrid', () => {
    this.OPTION(() => this.OR(this.indicatorsLabel));
    this.CONSUME(T.Level1Header);
    this.CONSUME(T.Level2Header);
    this.CONSUME(T.Level3Header);
    this.MANY(() => this.CONSUME(T.SecondaryHeader));
    this.MANY2(() => this.OR2(this.gridCell));
  });

  /** 保障绩效目标实现措施 / 主管部门审核意见 <text>: rows after the grid, neither indicators nor goals. */
  public trailingField = this.RULE('trailingField', () => {
    this.CONSUME(T.TrailingLabel);
    this.MANY(() => this.SUBRULE(this.valueCell));
  });

  /**
   * A cell of the grid's body. Besides values it may read like a label (a 备注 column, a 三级
   * named 资金用途): inside the grid only the labels that open another part of the form end it.
   * Consumed by the grid's own rule, every alternative under the one CST label `gridCell`, so the
   * cells stay in source order: a sub-rule per cell cost each cell a CST node, its children object
   * and chevrotain's rule bookkeeping, and the grid holds most of a document's cells.
   */
  private readonly gridCell: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME2(T.AnyText, GRID_CELL) },
    { ALT: () => this.CONSUME2(T.Blank, GRID_CELL) },
    { ALT: () => this.CONSUME2(T.SecondaryHeader, GRID_CELL) },
    { ALT: () => this.CONSUME2(T.IndicatorsLabel, GRID_CELL) },
    { ALT: () => this.CONSUME2(T.PurposeLabel, GRID_CELL) },
    { ALT: () => this.CONSUME2(T.BudgetTotalLabel, GRID_CELL) },
    { ALT: () => this.CONSUME2(T.FiscalFundsLabel, GRID_CELL) },
    { ALT: () => this.CONSUME2(T.OtherFundsLabel, GRID_CELL) },
    { ALT: () => this.CONSUME2(T.AgencyLabel, GRID_CELL) },
    { ALT: () => this.CONSUME2(T.DepartmentLabel, GRID_CELL) },
    { ALT: () => this.CONSUME2(T.PartHeading, GRID_CELL) },
  ];

  private readonly strayToken: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(T.AnyText) },
    { ALT: () => this.CONSUME(T.Blank) },
    { ALT: () => this.CONSUME(T.SecondaryHeader) },
    { ALT: () => this.CONSUME(T.PartHeading) },
  ];

  /** A cell that belongs to no labelled part (a header cell, damage, a stray value). */
  public stray = this.RULE('stray', () => {
    this.OR(this.strayToken);
  });

  private readonly valueToken: IOrAlt<unknown>[] = [{ ALT: () => this.CONSUME(T.AnyText) }, { ALT: () => this.CONSUME(T.Blank) }];

  public valueCell = this.RULE('valueCell', () => {
    this.OR(this.valueToken);
  });

  private readonly anyCellToken: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(T.AnyText) },
    { ALT: () => this.CONSUME(T.Blank) },
    { ALT: () => this.CONSUME(T.Label) },
    { ALT: () => this.CONSUME(T.Title) },
  ];

  public anyCell = this.RULE('anyCell', () => {
    this.OR(this.anyCellToken);
  });
}

/** Built once: chevrotain's self-analysis is the costly part. */
export const tableParser = new TableParser();

export type { CstNode };
