/**
 * The rule registry: every rule jxlint knows, exact rules first, then the heuristics, each kind in
 * the order the rules were added. GENERATED from the files of rules/ by scripts/gen-rules.ts — do
 * not edit; a new rule file is added by running `npx tsx scripts/gen-rules.ts`.
 * Look rules up through src/engine/registry.ts (`getRule`, `ruleSummaries`, `explainRule`).
 */
import type { Rule } from '../src/engine/types.js';
import { boilerplateIndicatorsAcrossProjects } from './boilerplate-indicators-across-projects.js';
import { budgetSumMismatch } from './budget-sum-mismatch.js';
import { commonTypo } from './common-typo.js';
import { completionRateUnderQuality } from './completion-rate-under-quality.js';
import { costAmountInDescription } from './cost-amount-in-description.js';
import { costExceedsBudget } from './cost-exceeds-budget.js';
import { costLowerBoundOperator } from './cost-lower-bound-operator.js';
import { costRowNotACost } from './cost-row-not-a-cost.js';
import { costValueNotAmount } from './cost-value-not-amount.js';
import { deptGoalNotQuantified } from './dept-goal-not-quantified.js';
import { descriptionMissingDefinition } from './description-missing-definition.js';
import { duplicateGoal } from './duplicate-goal.js';
import { duplicateIndicator } from './duplicate-indicator.js';
import { duplicateProjectCode } from './duplicate-project-code.js';
import { goalDescribesInputOrPayment } from './goal-describes-input-or-payment.js';
import { goalNotBackedByIndicator } from './goal-not-backed-by-indicator.js';
import { goalNotQuantified } from './goal-not-quantified.js';
import { goalRestatesProjectName } from './goal-restates-project-name.js';
import { hedgingLanguage } from './hedging-language.js';
import { inconsistentMoneyUnit } from './inconsistent-money-unit.js';
import { indicatorCategoryMismatch } from './indicator-category-mismatch.js';
import { indicatorRowShape } from './indicator-row-shape.js';
import { irrelevantEcoBenefit } from './irrelevant-eco-benefit.js';
import { layoutDetected } from './layout-detected.js';
import { missingLevel1Category } from './missing-level1-category.js';
import { missingOperator } from './missing-operator.js';
import { missingRequiredField } from './missing-required-field.js';
import { missingSpendPlan } from './missing-spend-plan.js';
import { mixedLayout } from './mixed-layout.js';
import { moneyAmountAsQuantity } from './money-amount-as-quantity.js';
import { nonTimeMetricUnderTimeliness } from './non-time-metric-under-timeliness.js';
import { nonstandardValueBasis } from './nonstandard-value-basis.js';
import { percentOutOfRange } from './percent-out-of-range.js';
import { placeholderGoal } from './placeholder-goal.js';
import { processMetricAsBenefit } from './process-metric-as-benefit.js';
import { projectCodeInconsistent } from './project-code-inconsistent.js';
import { punctuationAnomaly } from './punctuation-anomaly.js';
import { quantityNotACount } from './quantity-not-a-count.js';
import { quantityValuePercentage } from './quantity-value-percentage.js';
import { satisfactionObjectUnspecified } from './satisfaction-object-unspecified.js';
import { satisfactionThresholdLow } from './satisfaction-threshold-low.js';
import { satisfactionUnderBenefit } from './satisfaction-under-benefit.js';
import { sloganIndicator } from './slogan-indicator.js';
import { spendPlanFormat } from './spend-plan-format.js';
import { spendPlanIncomplete } from './spend-plan-incomplete.js';
import { spendPlanNotCumulative } from './spend-plan-not-cumulative.js';
import { timelinessValueNotTime } from './timeliness-value-not-time.js';
import { uniformValuesTemplate } from './uniform-values-template.js';
import { unknownIndicatorCategory } from './unknown-indicator-category.js';
import { valueContradictsDescription } from './value-contradicts-description.js';
import { valueMissingUnit } from './value-missing-unit.js';
import { valueNotMeasurable } from './value-not-measurable.js';
import { wordFieldCodeResidue } from './word-field-code-residue.js';

export const allRules: Rule[] = [
  // exact (精确规则)
  costValueNotAmount,
  placeholderGoal,
  missingSpendPlan,
  spendPlanIncomplete,
  spendPlanNotCumulative,
  indicatorCategoryMismatch,
  budgetSumMismatch,
  costExceedsBudget,
  valueMissingUnit,
  quantityValuePercentage,
  valueNotMeasurable,
  satisfactionThresholdLow,
  percentOutOfRange,
  duplicateIndicator,
  missingLevel1Category,
  missingRequiredField,
  duplicateProjectCode,
  // heuristic (启发式规则)
  wordFieldCodeResidue,
  layoutDetected,
  mixedLayout,
  unknownIndicatorCategory,
  indicatorRowShape,
  projectCodeInconsistent,
  processMetricAsBenefit,
  nonTimeMetricUnderTimeliness,
  moneyAmountAsQuantity,
  completionRateUnderQuality,
  quantityNotACount,
  satisfactionUnderBenefit,
  costRowNotACost,
  irrelevantEcoBenefit,
  costLowerBoundOperator,
  costAmountInDescription,
  timelinessValueNotTime,
  missingOperator,
  valueContradictsDescription,
  uniformValuesTemplate,
  nonstandardValueBasis,
  inconsistentMoneyUnit,
  spendPlanFormat,
  duplicateGoal,
  goalRestatesProjectName,
  goalDescribesInputOrPayment,
  goalNotQuantified,
  goalNotBackedByIndicator,
  boilerplateIndicatorsAcrossProjects,
  sloganIndicator,
  hedgingLanguage,
  descriptionMissingDefinition,
  satisfactionObjectUnspecified,
  commonTypo,
  punctuationAnomaly,
  deptGoalNotQuantified,
];

/** The exact rules (精确规则): each finding is a fact of the table; all on in `recommended`. */
export const exactRules: Rule[] = allRules.filter((r) => r.meta.kind === 'exact');
/** The heuristic rules (启发式规则): likely problems a person confirms; opt-in. */
export const heuristicRules: Rule[] = allRules.filter((r) => r.meta.kind === 'heuristic');
