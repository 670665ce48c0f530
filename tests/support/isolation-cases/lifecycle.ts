import { expect } from "vitest";
import { archiveConcept, markConceptForDeletion, restoreConceptFromDeletion, unarchiveConcept } from "@/lib/concepts/lifecycle";
import { findInConcept } from "@/lib/concepts/find";
import { ADMINS_ONLY, EVERYONE_READS, type Case } from "./case";

export const LIFECYCLE_CASES: Case[] = [
  // lib/concepts/lifecycle, lib/concepts/find
  {
    module: "lib/concepts/lifecycle",
    fn: archiveConcept,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => archiveConcept(a, { conceptId: ids.conceptId }),
  },
  {
    module: "lib/concepts/lifecycle",
    fn: unarchiveConcept,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    // The town's concept is not archived: the same actor archives it first (refused alike for everyone but the town's admin).
    run: async (a, ids) => {
      await archiveConcept(a, { conceptId: ids.conceptId });
      return unarchiveConcept(a, { conceptId: ids.conceptId });
    },
  },
  {
    module: "lib/concepts/lifecycle",
    fn: markConceptForDeletion,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => markConceptForDeletion(a, { conceptId: ids.conceptId, confirm: "on" }),
  },
  {
    module: "lib/concepts/lifecycle",
    fn: restoreConceptFromDeletion,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    // Likewise marked first by the same actor.
    run: async (a, ids) => {
      await markConceptForDeletion(a, { conceptId: ids.conceptId, confirm: "on" });
      return restoreConceptFromDeletion(a, { conceptId: ids.conceptId });
    },
  },
  {
    module: "lib/concepts/find",
    fn: findInConcept,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => findInConcept(a, { conceptId: ids.conceptId, query: "Sprachcafé" }),
    expectOk: (r) => expect((r as { hits: { ref: { kind: string } }[] }).hits.map((h) => h.ref.kind)).toEqual(["measure"]),
  },
];
