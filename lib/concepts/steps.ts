import { CONCEPT_STATUSES, isConceptStatus, type ConceptStatus } from "./status";

export type StepState = "done" | "current" | "upcoming";
export type Step = { status: ConceptStatus; state: StepState };

/** What the main action on a concept does next: one step forward, or a Fortschreibung after adoption. */
export type NextAction = { kind: "advance"; to: ConceptStatus } | { kind: "update" };

export type ConceptSteps = {
  steps: Step[];
  current: ConceptStatus;
  /** the status one step forward; null once adopted */
  next: ConceptStatus | null;
  nextAction: NextAction;
  /** a draft (or later step) that follows an adopted version: a Fortschreibung */
  isUpdate: boolean;
};

/**
 * The municipal path for display: the five statuses, each done, current or
 * upcoming. A stored status outside the path is shown as a draft. A concept
 * that was adopted before and is not adopted now is a Fortschreibung
 * (`wasAdopted`: one of its versions has the status "adopted").
 */
export function conceptSteps(status: string, wasAdopted = false): ConceptSteps {
  const current: ConceptStatus = isConceptStatus(status) ? status : "draft";
  const i = CONCEPT_STATUSES.indexOf(current);
  const steps = CONCEPT_STATUSES.map((s, k): Step => ({ status: s, state: k < i ? "done" : k === i ? "current" : "upcoming" }));
  const next = CONCEPT_STATUSES[i + 1] ?? null;
  return {
    steps,
    current,
    next,
    nextAction: next ? { kind: "advance", to: next } : { kind: "update" },
    isUpdate: wasAdopted && current !== "adopted",
  };
}

/** Whether a history (version statuses, any order) holds an adopted version. */
export function hasAdoptedVersion(versions: readonly { status: string }[]): boolean {
  return versions.some((v) => v.status === "adopted");
}
