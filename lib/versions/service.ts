import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, type Executor } from "@/db";
import {
  deleteFieldsExcept,
  replaceMeasures,
  replaceSubGoals,
  restoreConceptMeta,
  takenIds,
  upsertField,
} from "@/db/queries/restore";
import { insertVersion, lockConcept, setConceptStatus } from "@/db/queries/versions";
import type { Concept, NewMeasure } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { buildConceptSnapshot, measureRow } from "@/lib/concepts/exchange";
import { restoreSectionTexts } from "@/lib/concepts/sections";
import { isAllowedTransition, isConceptStatus, STATUS_LABELS, statusLabel, ADOPTED_READ_ONLY_MESSAGE, type ConceptStatus } from "@/lib/concepts/status";
import { recordAudit } from "@/db/queries/audit";
import { AppError } from "@/lib/errors";
import { isCalendarDate } from "@/lib/validation";
import { loadVersion, parseVersionNumber, type VersionKind } from "./read";
import { snapshotHashes } from "./snapshot";
import { currentConceptTree } from "@/lib/realtime/store";
import { notifyRealtime } from "@/db/queries/realtime";

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

/** Snapshot the concept as it is now, inside a transaction that holds the concept's lock. */
async function snapshotInto(
  tx: Executor,
  concept: Concept,
  actor: Actor,
  input: { label: string; kind: VersionKind; restoredFrom?: number; decision?: { date: string; reference: string } },
) {
  const tree = await currentConceptTree(concept.id, tx);
  const snapshot = buildConceptSnapshot({ concept, ...tree }, new Date());
  const row = await insertVersion(
    {
      conceptId: concept.id,
      municipalityId: concept.municipalityId,
      label: (n) => input.label || `Version ${n}`,
      kind: input.kind,
      status: concept.status,
      restoredFrom: input.restoredFrom ?? null,
      decision: input.decision ?? null,
      hashes: snapshotHashes(snapshot),
      createdBy: actor.id,
      snapshot: snapshot.data as unknown as Record<string, unknown>,
      ids: snapshot.ids,
    },
    tx,
  );
  return { number: row.number, tree };
}

async function locked<T>(conceptId: string, work: (tx: Executor, concept: Concept) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const concept = await lockConcept({ conceptId }, tx);
    if (!concept) throw new AppError("not_found");
    return work(tx, concept);
  });
}

/** Freeze the concept as a named version (admins and editors). */
export async function createVersion(actor: Actor, input: { conceptId: string; label?: unknown }) {
  const label = cleanLabel(input.label);
  const { concept } = await requireConcept(actor, input.conceptId, "version.create");
  return locked(concept.id, async (tx, current) => {
    const { number } = await snapshotInto(tx, current, actor, { label, kind: "manual" });
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
    const update = current.status === "adopted";
    await setConceptStatus({ conceptId: current.id, status }, tx);
    const fallback = update
      ? "Fortschreibung: neuer Entwurf"
      : decision
        ? `Beschlossen am ${decision.date.split("-").reverse().join(".")} (${decision.reference})`
        : `Status: ${STATUS_LABELS[status]}`;
    const { number } = await snapshotInto(tx, { ...current, status }, actor, { label: label || fallback, kind: "status", decision });
    await recordAudit(tx, { municipalityId: current.municipalityId, actorId: actor.id, action: update ? "concept.update_started" : "status.change", conceptId: current.id, objectId: String(number), details: { from: current.status, to: status } });
    // Open editors learn at once: adopted makes every connection read-only, a new draft writable again.
    await notifyRealtime({ kind: "access", conceptId: current.id }, tx);
    return { number, status };
  });
  return result;
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
  const { data, ids } = (await loadVersion(concept.id, number)).valid;
  if (data.concept.templateVersion !== concept.templateVersion) {
    throw new AppError("conflict", `Version ${number} beruht auf einer anderen Vorlage und kann nicht wiederhergestellt werden.`);
  }

  return locked(concept.id, async (tx, current) => {
    if (current.status === "adopted") throw new AppError("conflict", ADOPTED_READ_ONLY_MESSAGE);
    const { number: backup, tree } = await snapshotInto(tx, current, actor, {
      label: `Stand vor Wiederherstellung von Version ${number}`,
      kind: "before_restore",
      restoredFrom: number,
    });

    // Fields by key (the key is what sections and measures of the snapshot name).
    const currentFields = new Map(tree.fields.map((f) => [f.key, f]));
    const takenFieldIds = await takenIds("fields", ids.fields, tx);
    const fieldIdByKey = new Map<string, string>();
    for (const [i, f] of data.fields.entries()) {
      const existing = currentFields.get(f.key);
      const wanted = ids.fields[i]!;
      const id = await upsertField(
        {
          conceptId: current.id,
          municipalityId: current.municipalityId,
          existingId: existing?.id ?? null,
          id: existing ? null : takenFieldIds.has(wanted) ? randomUUID() : wanted,
          key: f.key,
          title: f.title,
          custom: f.custom,
          position: f.position,
        },
        tx,
      );
      fieldIdByKey.set(f.key, id);
    }
    await deleteFieldsExcept({ conceptId: current.id, keep: [...fieldIdByKey.values()] }, tx);

    // Section text, through the sections module.
    const keptFieldIds = new Set(fieldIdByKey.values());
    const sectionsWritten = await restoreSectionTexts(tx, {
      conceptId: current.id,
      municipalityId: current.municipalityId,
      userId: actor.id,
      current: tree.sections.filter((s) => s.fieldId === null || keptFieldIds.has(s.fieldId)),
      target: data.sections.map((s) => ({ chapter: s.chapter, part: s.part, fieldId: s.fieldKey === null ? null : fieldIdByKey.get(s.fieldKey)!, content: s.content })),
    });

    // Sub-goals and measures by id: existing rows of this concept are updated, others created.
    const ownGoals = new Set(tree.subGoals.map((g) => g.id));
    const takenGoals = await takenIds("sub_goals", ids.subGoals, tx);
    const goalIdByRef = new Map<string, string>();
    const goalRows = data.subGoals.map((g, i) => {
      const wanted = ids.subGoals[i]!;
      const existing = ownGoals.has(wanted);
      const id = existing || !takenGoals.has(wanted) ? wanted : randomUUID();
      goalIdByRef.set(g.ref, id);
      return { id, existing, municipalityId: current.municipalityId, fieldId: fieldIdByKey.get(g.fieldKey)!, text: g.text, position: g.position };
    });
    await replaceSubGoals({ conceptId: current.id, rows: goalRows }, tx);

    const ownMeasures = new Set(tree.measures.map((m) => m.id));
    const takenMeasures = await takenIds("measures", ids.measures, tx);
    const measureRows = data.measures.map((m, i) => {
      const wanted = ids.measures[i]!;
      const existing = ownMeasures.has(wanted);
      const row: NewMeasure & { id: string } = {
        ...measureRow(m, {
          conceptId: current.id,
          municipalityId: current.municipalityId,
          userId: actor.id,
          fieldId: fieldIdByKey.get(m.fieldKey)!,
          subGoalId: (ref) => goalIdByRef.get(ref)!,
        }),
        id: existing || !takenMeasures.has(wanted) ? wanted : randomUUID(),
      };
      return { row, existing };
    });
    await replaceMeasures({ conceptId: current.id, rows: measureRows }, tx);

    await restoreConceptMeta({ conceptId: current.id, title: data.concept.title, settings: data.concept.settings }, tx);
    return { restored: number, backup, sectionsWritten };
  });
}
