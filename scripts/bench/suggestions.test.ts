/**
 * The suggestions bench's data, once in the test database: the part it builds
 * is valid editor text with exactly 20 open proposals, without them it is the
 * generated text unchanged, and accept-all decides all 20 — what `npm run bench`
 * measures (BENCH_ONLY=suggestions) works.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { getSection } from "@/db/queries/sections";
import { createConcept } from "@/lib/concepts/create";
import { saveSectionText } from "@/lib/concepts/sections";
import { plainText } from "@/lib/editor/document";
import { validateDoc } from "@/lib/editor/validate";
import { listSuggestions } from "@/lib/suggestions/list";
import { acceptAll, rejectAll } from "@/lib/suggestions/resolve";
import { decideSuggestions, listConceptSuggestions } from "@/lib/suggestions/service";
import { makeMunicipality } from "@/tests/support/fixtures";
import { bigDoc } from "./content";
import { BENCH_PROPOSALS, withBenchProposals } from "./suggestions-data";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
beforeAll(async () => {
  town = await makeMunicipality("Vorschlagsbank");
});
afterAll(() => closeDb());

describe("the suggestions bench's part", () => {
  // The bench's part size: 100 pages over the concept's parts (about 3 pages each).
  const base = bigDoc(3, 7);
  const proposed = withBenchProposals(base, BENCH_PROPOSALS, town?.reviewer.id ?? "00000000-0000-4000-8000-0000000000b1");

  it("is valid editor text with 20 proposals; rejected, it is the generated text; accepted, it holds the insertions", () => {
    expect(validateDoc(proposed).ok).toBe(true);
    const list = listSuggestions(proposed);
    expect(list).toHaveLength(BENCH_PROPOSALS);
    expect(list.filter((s) => s.kind === "insert")).toHaveLength(BENCH_PROPOSALS / 2);
    expect(list.filter((s) => s.kind === "delete")).toHaveLength(BENCH_PROPOSALS / 2);
    expect(plainText(rejectAll(proposed))).toBe(plainText(base as never));
    const accepted = plainText(acceptAll(proposed));
    expect(accepted).toContain("Ergänzung 1 aus der Prüfung.");
    expect(accepted.length).toBeLessThan(plainText(base as never).length);
    // The typing bench counts typed "x": none may be in the text.
    expect(plainText(proposed)).not.toMatch(/x/i);
  });

  it("saved into a part, is listed with 20 open proposals and accepted at once", async () => {
    const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Bank" });
    const part = (await getConceptTree({ conceptId: concept.id })).sections.find((s) => s.chapter === "mandate" && s.fieldId === null)!;
    const content = withBenchProposals(base, BENCH_PROPOSALS, town.reviewer.id);
    expect((await saveSectionText(town.editor, { conceptId: concept.id, sectionId: part.id, baseRevision: 0, content })).status).toBe("saved");
    expect((await listConceptSuggestions(town.viewer, { conceptId: concept.id })).open).toHaveLength(BENCH_PROPOSALS);
    const result = await decideSuggestions(town.editor, { conceptId: concept.id, sectionId: part.id, decision: "accept" });
    expect(result.count).toBe(BENCH_PROPOSALS);
    expect(plainText((await getSection({ sectionId: part.id }))!.content)).toBe(plainText(acceptAll(content)));
  });
});
