/** Part A of docs/rule-catalogue.md: the 17 exact rules, all on in the `recommended` preset. */
import type { Rule } from '../src/engine/types.js';
import { budgetSumMismatch } from './budget-sum-mismatch.js';
import { costExceedsBudget } from './cost-exceeds-budget.js';
import { costValueNotAmount } from './cost-value-not-amount.js';
import { duplicateIndicator } from './duplicate-indicator.js';
import { duplicateProjectCode } from './duplicate-project-code.js';
import { indicatorCategoryMismatch } from './indicator-category-mismatch.js';
import { missingLevel1Category } from './missing-level1-category.js';
import { missingRequiredField } from './missing-required-field.js';
import { missingSpendPlan } from './missing-spend-plan.js';
import { percentOutOfRange } from './percent-out-of-range.js';
import { placeholderGoal } from './placeholder-goal.js';
import { quantityValuePercentage } from './quantity-value-percentage.js';
import { satisfactionThresholdLow } from './satisfaction-threshold-low.js';
import { spendPlanIncomplete } from './spend-plan-incomplete.js';
import { spendPlanNotCumulative } from './spend-plan-not-cumulative.js';
import { valueMissingUnit } from './value-missing-unit.js';
import { valueNotMeasurable } from './value-not-measurable.js';

export const partARules: Rule[] = [
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
];
