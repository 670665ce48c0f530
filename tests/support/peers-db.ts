/**
 * Peer-comparison fixtures against the real database: municipalities with an
 * adopted version (inserted directly, as the review workflow that sets
 * "adopted" comes later) and consent.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { setPeerConsent } from "@/db/queries/peers";
import { conceptVersions, conceptVersionSnapshots, municipalities, type MunicipalityKind } from "@/db/schema";
import { createConcept } from "@/lib/concepts/create";
import { exportConcept } from "@/lib/concepts/exchange";
import { createMeasure } from "@/lib/measures/service";
import { getConceptTree } from "@/db/queries/concepts";
import { makeMunicipality } from "./fixtures";

/** Store a version of the concept with status "adopted" (snapshot = its current backup). */
export async function adoptVersion(actor: Parameters<typeof exportConcept>[0], conceptId: string, municipalityId: string, number = 1) {
  const db = await getDb();
  const snapshot = await exportConcept(actor, conceptId);
  const [version] = await db
    .insert(conceptVersions)
    .values({ conceptId, municipalityId, number, label: `Beschluss ${number}`, kind: "status", status: "adopted", hashes: {} })
    .returning();
  await db.insert(conceptVersionSnapshots).values({ versionId: version!.id, snapshot: snapshot as unknown as Record<string, unknown>, ids: { fields: [], subGoals: [], measures: [] } });
  return version!;
}

/** A municipality of the given kind and size with an adopted concept (measures in `fields`) and, optionally, consent. */
export async function contributingTown(opts: { kind?: MunicipalityKind; population?: number; fields?: string[]; consent?: boolean; name?: string } = {}) {
  const town = await makeMunicipality(opts.name ?? `Beitragsstadt ${randomBytes(2).toString("hex")}`);
  const db = await getDb();
  await db
    .update(municipalities)
    .set({ kind: opts.kind ?? "county", population: opts.population ?? 200_000 })
    .where(eq(municipalities.id, town.municipality.id));
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Integrationskonzept" });
  const tree = await getConceptTree({ conceptId: concept.id });
  for (const key of opts.fields ?? ["language"]) {
    const field = tree.fields.find((f) => f.key === key)!;
    await createMeasure(town.editor, { conceptId: concept.id, fieldId: field.id, title: `Maßnahme ${key}`, taskType: "voluntary", subGoalIds: [] });
  }
  await adoptVersion(town.admin, concept.id, town.municipality.id);
  if (opts.consent !== false) await setPeerConsent({ municipalityId: town.municipality.id, contribute: true, userId: town.admin.id });
  return { town, conceptId: concept.id };
}
