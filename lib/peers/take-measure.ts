/**
 * Taking a measure from the peer measure library into one of the municipality's
 * own concepts: a new measure with status "geplant" at the end of the chosen
 * field, with the entry's title and description (all the library carries) and
 * its origin noted (entry, date of the entry, day taken). The origin never names
 * the contributing municipality. The measure is written by createMeasure, so the
 * checks, the limits and the transaction are those of any new measure; the
 * activity feed gets "measure.from_library" in the same transaction.
 */
import "server-only";
import { listConcepts, listFieldsOfConcepts } from "@/db/queries/concepts";
import { getLibraryEntry } from "@/db/queries/peers";
import type { MeasureOrigin } from "@/db/schema";
import { can } from "@/lib/authz/permissions";
import type { Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { AppError } from "@/lib/errors";
import { berlinDate } from "@/lib/format";
import { createMeasure } from "@/lib/measures/service";
import type { MeasureView } from "@/lib/measures/view";
import { describeZodError, fieldErrors, z } from "@/lib/validation";
import { descriptionDoc, fitTitle } from "./take-text";

export const ENTRY_NOT_FOUND = "Diese Maßnahme gibt es in der Maßnahmenbibliothek nicht (mehr).";

export const takeMeasureSchema = z.object({
  conceptId: z.guid("Bitte ein Konzept wählen."),
  fieldId: z.guid("Bitte ein Handlungsfeld wählen."),
  entryId: z.guid("Diese Maßnahme gibt es in der Maßnahmenbibliothek nicht (mehr)."),
});

/** A concept the person may take a measure into, with its fields of action. */
export type TakeTarget = { id: string; title: string; fields: { id: string; key: string; title: string; custom: boolean }[] };

/**
 * The concepts of the library page's municipality that the person may add
 * measures to (not adopted), the page's own concept first; empty for reviewers
 * and viewers, who see the library but change no concept.
 */
export async function listTakeTargets(actor: Actor, input: { conceptId: string }): Promise<TakeTarget[]> {
  const { concept, role } = await requireConcept(actor, input.conceptId, "peers.read");
  if (!can(role, "concept.editContent")) return [];
  const open = (await listConcepts({ municipalityId: concept.municipalityId }))
    .filter((c) => c.status !== "adopted" && !c.archivedAt)
    .sort((a, b) => Number(b.id === concept.id) - Number(a.id === concept.id));
  const fields = await listFieldsOfConcepts({ conceptIds: open.map((c) => c.id) });
  return open.map((c) => ({
    id: c.id,
    title: c.title,
    fields: fields.filter((f) => f.conceptId === c.id).map((f) => ({ id: f.id, key: f.key, title: f.title, custom: f.custom })),
  }));
}

/**
 * Create a draft measure from a library entry in a concept the person may edit
 * (editors and admins; not an adopted concept). The entry must be one the
 * municipality sees in the library: another municipality's (its own shared
 * measures are not listed for it). On any refusal nothing is written.
 */
export async function takeLibraryMeasure(
  actor: Actor,
  input: z.input<typeof takeMeasureSchema>,
): Promise<{ measure: MeasureView; conceptId: string; fieldId: string }> {
  const parsed = takeMeasureSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", describeZodError(parsed.error), fieldErrors(parsed.error));
  const data = parsed.data;
  const { concept } = await requireConcept(actor, data.conceptId, "concept.editContent");
  const entry = await getLibraryEntry({ id: data.entryId });
  if (!entry || entry.municipalityId === concept.municipalityId) throw new AppError("not_found", ENTRY_NOT_FOUND);

  const origin: MeasureOrigin = {
    kind: "peerLibrary",
    entryId: entry.id,
    fieldKey: entry.fieldKey,
    sharedOn: berlinDate(entry.createdAt),
    takenOn: berlinDate(new Date()),
  };
  const { measure } = await createMeasure(
    actor,
    {
      conceptId: concept.id,
      fieldId: data.fieldId,
      title: fitTitle(entry.title),
      description: descriptionDoc(entry.description),
      // The library carries no task type; most integration work is voluntary, and the form changes it in one step.
      taskType: "voluntary",
      status: "planned",
    },
    { origin, audit: { action: "measure.from_library", details: { field: entry.fieldKey } } },
  );
  return { measure, conceptId: concept.id, fieldId: measure.fieldId };
}
