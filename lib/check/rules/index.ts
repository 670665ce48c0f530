import type { Rule } from "../types";
import { emptyPart } from "./empty-part";
import { fieldWithoutMeasure } from "./field-without-measure";
import { fundingEndsEarly } from "./funding-ends-early";
import { fundingTextContradiction } from "./funding-text-contradiction";
import { goalWithoutSubGoals } from "./goal-without-sub-goals";
import { indicatorIncomplete } from "./indicator-incomplete";
import { measureWithoutFunding, measureWithoutIndicator, measureWithoutLeadOffice, measureWithoutPeriod } from "./measure-fields";
import { measureOutsideValidity } from "./measure-outside-validity";
import { updateCycleMissing, validity } from "./settings";
import { subGoalWithoutMeasure } from "./sub-goal-without-measure";

/** Every rule of the Konzept-Check, in the order the README lists them. */
export const RULES: readonly Rule[] = [
  goalWithoutSubGoals,
  subGoalWithoutMeasure,
  measureWithoutLeadOffice,
  measureWithoutPeriod,
  measureWithoutIndicator,
  measureWithoutFunding,
  fundingEndsEarly,
  indicatorIncomplete,
  fieldWithoutMeasure,
  emptyPart,
  updateCycleMissing,
  validity,
  measureOutsideValidity,
  fundingTextContradiction,
];
