import "server-only";
import { setConceptStatus } from "@/db/queries/versions";
import type { Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { isAllowedTransition, isConceptStatus, STATUS_LABELS, statusLabel, type ConceptStatus } from "@/lib/concepts/status";
import { recordAudit } from "@/db/queries/audit";
import { AppError } from "@/lib/errors";
import { isCalendarDate } from "@/lib/validation";
import { loadVersion, parseVersionNumber } from "./read";
import { locked, snapshotInto, writeSnapshotData } from "./write";
import { refuseUnwritable } from "@/lib/concepts/writable";
import { notifyRealtime } from "@/db/queries/realtime";
import { moveToCurrentTemplate, onTemplate } from "@/lib/concepts/template-move";
import type { Executor } from "@/db";
import { openSuggestionsOf } from "@/lib/suggestions/service";

export const MAX_LABEL = 200;

/** A version's label: trimmed, single-line, at most 200 characters; empty means "Version n". */
export function cleanLabel(value: unknown): string {
  if (value !== undefined && value !== null && typeof value !== "string") throw new AppError("bad_request", "Die Bezeichnung muss ein Text sein.");
  const label = (value ?? "").replace(/\s+/g, " ").trim();
  if (label.length > MAX_LABEL) throw new AppError("bad_request", `Die Bezeichnung ist zu lang (höchstens ${MAX_LABEL} Zeichen).`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]|[\ud800-\udfff]/.test(label.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))) {
    throw new AppError("bad_request", "Die Bezeichnung enthält Zeichen, die nicht gespeichert werden können.");
  }
  return label;
}

/** Freeze the concept as a named version (admins and editors). */
export async function createVersion(actor: Actor, input: { conceptId: string; label?: unknown }) {
  const label = cleanLabel(input.label);
  const { concept } = await requireConcept(actor, input.conceptId, "version.create");
  return locked(concept.id, async (tx, current) => {
    const { number } = await snapshotInto(tx, current, actor, { label, kind: "manual" });
    await recordAudit(tx, { municipalityId: current.municipalityId, actorId: actor.id, action: "version.create", conceptId: current.id, objectId: String(number), details: { version: number, label } });
    return { number };
  });
}

/** A council decision: a real calendar date (not in the future) and a reference such as "Ratsbeschluss 2026/0815". */
export function cleanDecision(input: { decisionDate?: unknown; decisionReference?: unknown }): { date: string; reference: string } {
  const date = typeof input.decisionDate === "string" ? input.decisionDate.trim() : "";
  if (!isCalendarDate(date)) throw new AppError("bad_request", "Bitte das Datum des Ratsbeschlusses angeben.");
  if (Date.parse(`${date}T00:00:00Z`) > Date.now() + 24 * 3600 * 1000) throw new AppError("bad_request", "Das Datum des Ratsbeschlusses liegt in der Zukunft.");
  const reference = cleanLabel(input.decisionReference);
  if (!reference) throw new AppError("bad_request", "Bitte das Aktenzeichen oder die Drucksache des Ratsbeschlusses angeben.");
  return { date, reference };
}

/**
 * Move the concept along the municipal path (admins only; allowed steps in
 * lib/concepts/status). The version records the content with its new status,
 * labelled with it. Adoption needs the council decision's date and reference;
 * leaving "adopted" is a Fortschreibung: a new draft starts from the adopted
 * content, which stays in its version, immutable.
 */
export async function changeStatus(
  actor: Actor,
  input: { conceptId: string; status: unknown; label?: unknown; decisionDate?: unknown; decisionReference?: unknown },
) {
  if (!isConceptStatus(input.status)) throw new AppError("bad_request", "Unbekannter Status.");
  const status: ConceptStatus = input.status;
  const label = cleanLabel(input.label);
  const { concept } = await requireConcept(actor, input.conceptId, "concept.changeStatus");
  const decision = status === "adopted" ? cleanDecision(input) : undefined;
  const result = await locked(concept.id, async (tx, current) => {
    if (current.status === status) throw new AppError("conflict", `Das Konzept hat bereits den Status „${STATUS_LABELS[status]}“.`);
    if (!isAllowedTransition(current.status, status)) {
      throw new AppError("conflict", `Von „${statusLabel(current.status)}“ geht es nicht zu „${STATUS_LABELS[status]}“.`);
    }
    if (status === "adopted") await refuseWhileProposalsOpen(current.id, tx);
    const update = current.status === "adopted";
    await setConceptStatus({ conceptId: current.id, status }, tx);
    // A Fortschreibung starts on the current template (it only adds empty parts; see lib/concepts/template-move).
    const moved = update ? await moveToCurrentTemplate(tx, current) : null;
    const templateVersion = moved?.to ?? current.templateVersion;
    const fallback = update
      ? "Fortschreibung: neuer Entwurf"
      : decision
        ? `Beschlossen am ${decision.date.split("-").reverse().join(".")} (${decision.reference})`
        : `Status: ${STATUS_LABELS[status]}`;
    const { number } = await snapshotInto(tx, { ...current, status, templateVersion }, actor, { label: label || fallback, kind: "status", decision });
    const details = { from: current.status, to: status, ...(moved ? { templateFrom: moved.from, templateTo: moved.to } : {}) };
    await recordAudit(tx, { municipalityId: current.municipalityId, actorId: actor.id, action: update ? "concept.update_started" : "status.change", conceptId: current.id, objectId: String(number), details });
    // Open editors learn at once: adopted makes every connection read-only, a new draft writable again.
    await notifyRealtime({ kind: "access", conceptId: current.id }, tx);
    return { number, status, templateVersion, movedFrom: moved?.from ?? null };
  });
  return result;
}

/**
 * The council adopts the text as it stands: while proposals are open, the
 * text is not decided. Refused with the list (part, what is proposed, by whom).
 */
async function refuseWhileProposalsOpen(conceptId: string, tx: Executor) {
  const open = await openSuggestionsOf(conceptId, tx);
  if (open.length === 0) return;
  const short = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);
  const list = open.map(({ part, suggestion: s }) => ({
    id: s.id,
    sectionId: part.sectionId,
    chapter: part.chapter,
    part: part.part,
    fieldKey: part.fieldKey,
    kind: s.kind,
    inserted: s.inserted,
    deleted: s.deleted,
    author: s.author,
  }));
  const lines = list.slice(0, 5).map((s) => [s.inserted && `+ „${short(s.inserted)}“`, s.deleted && `− „${short(s.deleted)}“`].filter(Boolean).join(" "));
  const more = list.length > 5 ? ` und ${list.length - 5} weitere` : "";
  throw new AppError(
    "conflict",
    `Das Konzept kann nicht beschlossen werden, solange Änderungsvorschläge offen sind (${list.length}): ${lines.join("; ")}${more}. Bitte jeden Vorschlag annehmen oder ablehnen.`,
    { openSuggestions: list },
  );
}

/**
 * Restore a version as a forward change: the current draft is first kept as a
 * version of its own ("Stand vor Wiederherstellung …", so a restore can be
 * undone by restoring that one), then the version's content is written over the
 * live rows with new revisions. Fields, sub-goals and measures keep their ids
 * where they still exist; nothing of another concept can be touched.
 */
export async function restoreVersion(actor: Actor, input: { conceptId: string; number: unknown }) {
  const number = parseVersionNumber(input.number);
  const { concept } = await requireConcept(actor, input.conceptId, "version.restore");
  const { data: stored, ids } = (await loadVersion(concept.id, number)).valid;

  return locked(concept.id, async (tx, current) => {
    refuseUnwritable(current);
    // A version from before a move to a later template is restored under the concept's template (its new parts empty, as they were).
    if (stored.concept.templateVersion > current.templateVersion) {
      throw new AppError("conflict", `Version ${number} beruht auf einer neueren Vorlage und kann nicht wiederhergestellt werden.`);
    }
    const data = onTemplate(stored, current.templateVersion);
    const { number: backup, tree } = await snapshotInto(tx, current, actor, {
      label: `Stand vor Wiederherstellung von Version ${number}`,
      kind: "before_restore",
      restoredFrom: number,
    });

    const sectionsWritten = await writeSnapshotData(tx, current, actor, tree, { data, ids });
    await recordAudit(tx, { municipalityId: current.municipalityId, actorId: actor.id, action: "version.restore", conceptId: current.id, objectId: String(number), details: { version: number, backup } });
    return { restored: number, backup, sectionsWritten };
  });
}
