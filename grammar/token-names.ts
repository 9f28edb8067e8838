/** How parse errors name the tokens to a reviewer. */
const NAMES: Record<string, [zh: string, en: string]> = {
  Title: ['表名（……绩效目标表）', 'table title'],
  Blank: ['空白单元格', 'blank cell'],
  AgencyLine: ['预算单位', 'budget unit'],
  MoneyUnit: ['单位：万元', 'money unit'],
  AgencyLabel: ['预算单位', '预算单位 label'],
  ProjectCodeLabel: ['项目编码', '项目编码 label'],
  ProjectNameLabel: ['项目名称', '项目名称 label'],
  BudgetSectionLabel: ['预算规模及资金用途', '预算规模及资金用途 label'],
  BudgetTotalLabel: ['预算数', '预算数 label'],
  FiscalFundsLabel: ['其中：财政资金', '财政资金 label'],
  OtherFundsLabel: ['其他资金', '其他资金 label'],
  PurposeLabel: ['资金用途', '资金用途 label'],
  SpendPlanLabel: ['资金支出计划（%）', '资金支出计划 label'],
  MonthEndLabel: ['月底（如 3月底）', 'month-end column (3月底)'],
  GoalsLabel: ['绩效目标', '绩效目标 label'],
  IndicatorsLabel: ['绩效指标', '绩效指标 label'],
  Level1Header: ['一级指标', '一级指标 header'],
  Level2Header: ['二级指标', '二级指标 header'],
  Level3Header: ['三级指标', '三级指标 header'],
  DescriptionHeader: ['绩效指标描述', 'description header'],
  ValueHeader: ['指标值', '指标值 header'],
  BasisHeader: ['指标值确定依据', 'basis header'],
  SecondaryHeader: ['指标表表头', 'grid header'],
  DepartmentLabel: ['主管部门', '主管部门 label'],
  AgencyCodeLabel: ['主管部门编码', '主管部门编码 label'],
  ImplementationPeriodLabel: ['项目支出实施期', '实施期 label'],
  BudgetSumLabel: ['合计', '合计 label'],
  SuperiorFundsLabel: ['上级资金', '上级资金 label'],
  InlineBudgetAmount: ['资金总额：金额', 'amount in its label cell'],
  CostBreakdownLabel: ['项目预算成本构成', '成本构成 label'],
  CostHeader: ['成本构成表头', 'cost breakdown header'],
  LongTermGoalsLabel: ['长期目标', '长期目标 label'],
  AnnualIndicatorsLabel: ['年度绩效指标', '年度绩效指标 label'],
  LongTermIndicatorsLabel: ['长期绩效指标', '长期绩效指标 label'],
  NatureHeader: ['指标性质', '指标性质 header'],
  UnitHeader: ['度量单位', '度量单位 header'],
  WeightHeader: ['权重', '权重 header'],
  RemarkHeader: ['备注', '备注 header'],
  TrailingLabel: ['保障措施或审核意见', 'safeguards or review row'],
  AnyText: ['内容', 'a value'],
  Text: ['内容', 'a value'],
};

export function tokenLabelZh(name: string): string {
  return NAMES[name]?.[0] ?? name;
}

export function tokenLabelEn(name: string): string {
  return NAMES[name]?.[1] ?? name;
}
