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
  AnyText: ['内容', 'a value'],
  Text: ['内容', 'a value'],
};

export function tokenLabelZh(name: string): string {
  return NAMES[name]?.[0] ?? name;
}

export function tokenLabelEn(name: string): string {
  return NAMES[name]?.[1] ?? name;
}
