import { expect } from "vitest";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { decideSuggestion, decideSuggestions, listConceptSuggestions } from "@/lib/suggestions/service";
import { CONTENT_WRITERS_ONLY, EVERYONE_READS, proposedDeletion, type Case } from "./case";

export const SUGGESTION_CASES: Case[] = [
  // lib/suggestions/*
  {
    module: "lib/suggestions/service",
    fn: listConceptSuggestions,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => listConceptSuggestions(a, { conceptId: ids.conceptId }),
    expectOk: (r) => expect(r).toMatchObject({ open: [], decided: expect.any(Array) }),
  },
  {
    module: "lib/suggestions/service",
    fn: decideSuggestion,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: false,
    // The decision first (its own checks answer a stranger and a reviewer), then, for a member allowed to, a proposal to decide.
    run: async (a, ids) => {
      const probe = await decideSuggestion(a, { conceptId: ids.conceptId, suggestionId: "isolation1", decision: "accept" }).catch((e: unknown) => e);
      if ((probe as { code?: string }).code !== "not_found" || !(probe as Error).message.includes("Änderungsvorschlag")) throw probe;
      await saveSectionText(a, { conceptId: ids.conceptId, sectionId: ids.sectionId, baseRevision: ids.sectionRevision, content: doc(p("Der Rat ", proposedDeletion("hat", a.id), " beauftragt.")) });
      return decideSuggestion(a, { conceptId: ids.conceptId, suggestionId: "isolation1", decision: "accept" });
    },
    expectOk: (r) => expect(r).toMatchObject({ id: "isolation1", decision: "accepted" }),
  },
  {
    module: "lib/suggestions/service",
    fn: decideSuggestions,
    kind: "write",
    forbidden: CONTENT_WRITERS_ONLY,
    objectIds: true,
    // As above: the bulk decision first (a stranger, a reviewer and a part of another concept are answered by its checks), then a proposal of the part to decide.
    run: async (a, ids) => {
      const probe = await decideSuggestions(a, { conceptId: ids.conceptId, sectionId: ids.sectionId, decision: "reject" }).catch((e: unknown) => e);
      if ((probe as { code?: string }).code !== "not_found" || !(probe as Error).message.includes("Änderungsvorschläge")) throw probe;
      await saveSectionText(a, { conceptId: ids.conceptId, sectionId: ids.sectionId, baseRevision: ids.sectionRevision, content: doc(p("Der Rat ", proposedDeletion("hat", a.id), " beauftragt.")) });
      return decideSuggestions(a, { conceptId: ids.conceptId, sectionId: ids.sectionId, authorId: a.id, decision: "reject" });
    },
    expectOk: (r) => expect(r).toMatchObject({ decision: "rejected", count: 1, decided: [{ id: "isolation1" }] }),
  },
];
