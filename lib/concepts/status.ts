/**
 * The municipal path of a concept: Entwurf → Ressortabstimmung → Beteiligung →
 * Beschlussvorlage → Beschlossen. "Fortschreibung" is not a status: it starts a
 * new draft from an adopted concept. Every status change creates a version.
 */
export const CONCEPT_STATUSES = ["draft", "interdepartmental", "participation", "council_proposal", "adopted"] as const;
export type ConceptStatus = (typeof CONCEPT_STATUSES)[number];

export const STATUS_LABELS: Record<ConceptStatus, string> = {
  draft: "Entwurf",
  interdepartmental: "Ressortabstimmung",
  participation: "Beteiligung",
  council_proposal: "Beschlussvorlage",
  adopted: "Beschlossen",
};

export function isConceptStatus(value: unknown): value is ConceptStatus {
  return typeof value === "string" && (CONCEPT_STATUSES as readonly string[]).includes(value);
}

/** The German label of a stored status; an unknown value is shown as it is. */
export function statusLabel(value: string): string {
  return isConceptStatus(value) ? STATUS_LABELS[value] : value;
}
