/**
 * The peer measure library: an admin shares a measure's title and description
 * (after the name check); other municipalities browse by field of action and
 * peer group and see "eine kreisfreie Stadt, 100.000–250.000 Einwohner"
 * instead of a name.
 */
import "server-only";
import { writeAudited } from "@/db/queries/audit";
import { isUuid } from "@/db/queries/concepts";
import { getMeasure, listMeasures } from "@/db/queries/measures";
import { deleteLibraryEntry, getMunicipalityForPeers, insertLibraryEntry, listLibraryEntries, listSharedMeasureIds } from "@/db/queries/peers";
import type { Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { plainText } from "@/lib/editor/document";
import { AppError } from "@/lib/errors";
import { placeNames } from "./districts";
import { bandOf, findGroup, originLabel, type GroupChoice } from "./groups";
import { FIELD_KEYS } from "./metrics";
import { checkShareText, FLAG_LABELS, type NameFlag } from "./name-check";
import { publishedGroups } from "./service";
import { currentConceptTree } from "@/lib/realtime/store";

export type LibraryEntry = { id: string; fieldKey: string; contributor: string; title: string; description: string };

/** Check a text before sharing (admin): the flags the name check raises. */
export async function checkLibraryText(actor: Actor, input: { conceptId: string; title: string; description: string }): Promise<NameFlag[]> {
  const { concept } = await requireConcept(actor, input.conceptId, "peers.manage");
  const m = await getMunicipalityForPeers({ id: concept.municipalityId });
  return checkShareText(`${input.title}\n${input.description}`, { municipalityName: m?.name ?? "", placeNames: placeNames() });
}

/**
 * Share a measure of the concept in the library (admin). Refused while the
 * check flags a name: the admin edits the text first. Sharing again replaces
 * the shared text.
 */
export async function shareMeasure(actor: Actor, input: { conceptId: string; measureId: string; title: string; description: string }) {
  const { concept } = await requireConcept(actor, input.conceptId, "peers.manage");
  const measure = isUuid(input.measureId) ? await getMeasure({ measureId: input.measureId }) : null;
  if (!measure || measure.conceptId !== concept.id) throw new AppError("not_found");
  const title = input.title.trim();
  const description = input.description.trim();
  if (!title) throw new AppError("bad_request", "Der Titel fehlt.");
  const municipality = (await getMunicipalityForPeers({ id: concept.municipalityId }))!;
  const flags = checkShareText(`${title}\n${description}`, { municipalityName: municipality.name, placeNames: placeNames() });
  if (flags.length) {
    throw new AppError(
      "bad_request",
      `Bitte entfernen Sie vor dem Teilen: ${flags.map((f) => `${FLAG_LABELS[f.kind]} „${f.text}“`).join(", ")}.`,
      { flags },
    );
  }
  const tree = await currentConceptTree(concept.id);
  const field = tree.fields.find((f) => f.id === measure.fieldId);
  const fieldKey = field && !field.custom ? field.key : "other";
  await writeAudited(
    (tx) =>
      insertLibraryEntry(
        {
          municipalityId: concept.municipalityId,
          measureId: measure.id,
          fieldKey,
          level: municipality.kind,
          band: bandOf(municipality.kind, municipality.population),
          title,
          description,
          sharedBy: actor.id,
        },
        tx,
      ),
    () => ({ municipalityId: concept.municipalityId, actorId: actor.id, action: "library.share", conceptId: concept.id, objectId: measure.id, details: { measure: title } }),
  );
  return { shared: true };
}

/** Withdraw a shared measure of the concept's municipality from the library (admin). */
export async function unshareMeasure(actor: Actor, input: { conceptId: string; measureId: string }) {
  const { concept } = await requireConcept(actor, input.conceptId, "peers.manage");
  const measure = isUuid(input.measureId) ? await getMeasure({ measureId: input.measureId }) : null;
  if (!measure || measure.conceptId !== concept.id) throw new AppError("not_found");
  // idempotent: withdrawing what is not (or no longer) shared is fine
  const removed = await writeAudited(
    (tx) => deleteLibraryEntry({ municipalityId: concept.municipalityId, measureId: measure.id }, tx),
    (gone) =>
      gone ? { municipalityId: concept.municipalityId, actorId: actor.id, action: "library.unshare", conceptId: concept.id, objectId: measure.id, details: { measure: measure.title } } : null,
  );
  return { shared: false, removed };
}

/** The concept's measures with their plain-text description and whether they are shared (admin, for the share forms). */
export async function listShareableMeasures(actor: Actor, input: { conceptId: string }) {
  const { concept } = await requireConcept(actor, input.conceptId, "peers.manage");
  const measures = await listMeasures({ conceptId: concept.id });
  const shared = new Set(await listSharedMeasureIds({ municipalityId: concept.municipalityId }));
  return measures.map((m) => ({ id: m.id, title: m.title, description: plainText(m.description), shared: shared.has(m.id) }));
}

/** Browse the library by field of action and peer group (every role); other municipalities' entries only, never a name. */
export async function browseLibrary(actor: Actor, input: { conceptId: string; fieldKey?: string; group: GroupChoice }): Promise<LibraryEntry[]> {
  const { concept } = await requireConcept(actor, input.conceptId, "peers.read");
  const municipality = await getMunicipalityForPeers({ id: concept.municipalityId });
  if (!municipality) throw new AppError("not_found");
  const fieldKey = input.fieldKey && [...FIELD_KEYS, "other"].includes(input.fieldKey) ? input.fieldKey : undefined;
  // The latest snapshot's groups: the own group's bands, and how each entry's origin is named.
  const groups = await publishedGroups();
  let bands: number[] | undefined;
  if (input.group === "own") {
    const group = groups.length ? findGroup(groups, municipality.kind, municipality.population) : null;
    const own = bandOf(municipality.kind, municipality.population);
    bands = group ? Array.from({ length: group.to - group.from + 1 }, (_, i) => group.from + i) : [own];
  }
  const rows = await listLibraryEntries({
    excludeMunicipalityId: municipality.id,
    fieldKey,
    level: input.group === "all" ? undefined : municipality.kind,
    bands,
  });
  return rows.map((r) => ({
    id: r.id,
    fieldKey: r.fieldKey,
    contributor: originLabel(groups, r.level, r.band),
    title: r.title,
    description: r.description,
  }));
}
