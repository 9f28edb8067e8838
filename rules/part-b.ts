/** Part B of docs/rule-catalogue.md: the heuristic rules (owned by the Part B helper), in catalogue order. */
import type { Rule } from '../src/engine/types.js';
import { boilerplateIndicatorsAcrossProjects } from './boilerplate-indicators-across-projects.js';
import { commonTypo } from './common-typo.js';
import { completionRateUnderQuality } from './completion-rate-under-quality.js';
import { costAmountInDescription } from './cost-amount-in-description.js';
import { costLowerBoundOperator } from './cost-lower-bound-operator.js';
import { costRowNotACost } from './cost-row-not-a-cost.js';
import { deptGoalNotQuantified } from './dept-goal-not-quantified.js';
import { descriptionMissingDefinition } from './description-missing-definition.js';
import { duplicateGoal } from './duplicate-goal.js';
import { goalDescribesInputOrPayment } from './goal-describes-input-or-payment.js';
import { goalNotBackedByIndicator } from './goal-not-backed-by-indicator.js';
import { goalNotQuantified } from './goal-not-quantified.js';
import { goalRestatesProjectName } from './goal-restates-project-name.js';
import { hedgingLanguage } from './hedging-language.js';
import { inconsistentMoneyUnit } from './inconsistent-money-unit.js';
import { indicatorRowShape } from './indicator-row-shape.js';
import { irrelevantEcoBenefit } from './irrelevant-eco-benefit.js';
import { layoutDetected } from './layout-detected.js';
import { missingOperator } from './missing-operator.js';
import { mixedLayout } from './mixed-layout.js';
import { moneyAmountAsQuantity } from './money-amount-as-quantity.js';
import { nonTimeMetricUnderTimeliness } from './non-time-metric-under-timeliness.js';
import { nonstandardValueBasis } from './nonstandard-value-basis.js';
import { processMetricAsBenefit } from './process-metric-as-benefit.js';
import { projectCodeInconsistent } from './project-code-inconsistent.js';
import { punctuationAnomaly } from './punctuation-anomaly.js';
import { satisfactionObjectUnspecified } from './satisfaction-object-unspecified.js';
import { sloganIndicator } from './slogan-indicator.js';
import { spendPlanFormat } from './spend-plan-format.js';
import { timelinessValueNotTime } from './timeliness-value-not-time.js';
import { uniformValuesTemplate } from './uniform-values-template.js';
import { unknownIndicatorCategory } from './unknown-indicator-category.js';
import { valueContradictsDescription } from './value-contradicts-description.js';
import { wordFieldCodeResidue } from './word-field-code-residue.js';

export const partBRules: Rule[] = [
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
