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

/**
 * The allowed next statuses from a status: one step forward along the path, or
 * back to any earlier step before adoption (a draft sent to the departments
 * may come back). Adoption is reached only from the council proposal. From
 * "adopted" the only way on is a Fortschreibung, which starts a new draft
 * (the adopted version itself stays in the history, immutable).
 */
export function allowedTransitions(from: string): ConceptStatus[] {
  if (from === "adopted") return ["draft"];
  const i = CONCEPT_STATUSES.indexOf(from as ConceptStatus);
  if (i < 0) return ["draft"];
  const back = CONCEPT_STATUSES.slice(0, i);
  const next = CONCEPT_STATUSES[i + 1];
  return next ? [...back, next] : back;
}

export function isAllowedTransition(from: string, to: ConceptStatus): boolean {
  return allowedTransitions(from).includes(to);
}

/** Content of an adopted concept never changes; a Fortschreibung starts a new draft. */
export const ADOPTED_READ_ONLY_MESSAGE =
  "Dieses Konzept ist beschlossen und kann nicht mehr geändert werden. Für Änderungen beginnt die Leitung eine Fortschreibung.";

/** An archived concept is read-only for everyone until an admin takes it back out of the archive. */
export const ARCHIVED_READ_ONLY_MESSAGE = "Dieses Konzept ist archiviert und kann nicht geändert werden. Die Leitung kann es aus dem Archiv zurückholen.";
