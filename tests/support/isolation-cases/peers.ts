import { expect } from "vitest";
import { ne } from "drizzle-orm";
import { getDb } from "@/db";
import { peerLibraryEntries } from "@/db/schema";
import { changePeerConsent, comparePeers, readPeerConsent } from "@/lib/peers/service";
import { browseLibrary, checkLibraryText, listShareableMeasures, shareMeasure, unshareMeasure } from "@/lib/peers/library";
import { listTakeTargets, takeLibraryMeasure } from "@/lib/peers/take-measure";
import { ADMINS_ONLY, CONTENT_WRITERS_ONLY, EVERYONE_READS, type Case } from "./case";

/** A library entry shared by another municipality than this one (the towns' furnish() shares one each). */
async function visibleEntryId(municipalityId: string) {
  const db = await getDb();
  const [row] = await db.select({ id: peerLibraryEntries.id }).from(peerLibraryEntries).where(ne(peerLibraryEntries.municipalityId, municipalityId)).limit(1);
  if (!row) throw new Error("setup: no library entry of another municipality");
  return row.id;
}

export const PEER_CASES: Case[] = [
  // lib/peers/service
  {
    module: "lib/peers/service",
    fn: comparePeers,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => comparePeers(a, { conceptId: ids.conceptId, group: "all" }),
    expectOk: (r) => expect(r).toMatchObject({ group: { choice: "all" } }),
  },
  {
    module: "lib/peers/service",
    fn: readPeerConsent,
    kind: "read",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => readPeerConsent(a, { municipalityId: ids.municipalityId }),
  },
  {
    module: "lib/peers/service",
    fn: changePeerConsent,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => changePeerConsent(a, { municipalityId: ids.municipalityId, contribute: false }),
  },
  // lib/peers/library
  {
    module: "lib/peers/library",
    fn: shareMeasure,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: true,
    run: (a, ids) => shareMeasure(a, { conceptId: ids.conceptId, measureId: ids.measureId, title: "Sprachcafé", description: "Gesprächsrunden für Eltern." }),
    expectOk: (r) => expect(r).toEqual({ shared: true }),
  },
  {
    module: "lib/peers/library",
    fn: unshareMeasure,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: true,
    run: (a, ids) => unshareMeasure(a, { conceptId: ids.conceptId, measureId: ids.measureId }),
  },
  {
    module: "lib/peers/library",
    fn: listShareableMeasures,
    kind: "read",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => listShareableMeasures(a, { conceptId: ids.conceptId }),
    expectOk: (r) => expect(r).toHaveLength(2),
  },
  {
    module: "lib/peers/library",
    fn: checkLibraryText,
    kind: "read",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => checkLibraryText(a, { conceptId: ids.conceptId, title: "Sprachcafé", description: "" }),
    expectOk: (r) => expect(r).toEqual([]),
  },
  {
    module: "lib/peers/library",
    fn: browseLibrary,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => browseLibrary(a, { conceptId: ids.conceptId, group: "all" }),
  },
  // lib/peers/take-measure
  {
    module: "lib/peers/take-measure",
    fn: listTakeTargets,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => listTakeTargets(a, { conceptId: ids.conceptId }),
  },
  {
    module: "lib/peers/take-measure",
    fn: takeLibraryMeasure,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    // An entry the municipality sees in the library (another municipality's): only the concept and the field decide.
    run: async (a, ids) => takeLibraryMeasure(a, { conceptId: ids.conceptId, fieldId: ids.fieldId, entryId: await visibleEntryId(ids.municipalityId) }),
    expectOk: (r) => expect(r).toMatchObject({ measure: { status: "planned", origin: { kind: "peerLibrary" } } }),
  },
];
