import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { createConcept } from "@/lib/concepts/create";
import { saveSectionText } from "@/lib/concepts/sections";
import type { JSONContent } from "@tiptap/core";
import { doc, p } from "@/lib/editor/build";
import { MAX_NESTING } from "@/lib/editor/nesting";
import { CHAPTERS, STANDARD_FIELDS } from "@/lib/template";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let other: Awaited<ReturnType<typeof makeMunicipality>>;

beforeAll(async () => {
  town = await makeMunicipality("Schreibstadt");
  other = await makeMunicipality("Fremdstadt");
});
afterAll(() => closeDb());

function nestedQuotes(levels: number): JSONContent {
  let inner: JSONContent = p("innen");
  for (let i = 0; i < levels; i++) inner = { type: "blockquote", content: [inner] };
  return doc(inner);
}

async function newConcept() {
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Konzept" });
  const tree = await getConceptTree({ conceptId: concept.id });
  const mandate = tree.sections.find((s) => s.chapter === "mandate")!;
  return { concept, tree, mandate };
}

describe("a concept created from the template", () => {
  it("has every chapter part and the six fields of action, each with Ausgangslage and Leitziel", async () => {
    const { tree } = await newConcept();
    expect(tree.fields.map((f) => f.title)).toEqual(STANDARD_FIELDS.map((f) => f.title));
    for (const chapter of CHAPTERS.filter((c) => c.key !== "fields")) {
      expect(tree.sections.some((s) => s.chapter === chapter.key && !s.fieldId), chapter.key).toBe(true);
    }
    for (const field of tree.fields) {
      expect(tree.sections.filter((s) => s.fieldId === field.id).map((s) => s.part).sort()).toEqual(["baseline", "goal"]);
    }
  });

  it("cannot be created by a reviewer or for another municipality", async () => {
    await expect(createConcept(town.reviewer, { municipalityId: town.municipality.id, title: "X" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createConcept(other.admin, { municipalityId: town.municipality.id, title: "X" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("saving section text", () => {
  it("stores the text and raises the revision", async () => {
    const { concept, mandate } = await newConcept();
    const result = await saveSectionText(town.editor, { conceptId: concept.id, sectionId: mandate.id, baseRevision: 0, content: doc(p("Der Rat hat am 12. März beschlossen …")) });
    expect(result).toMatchObject({ status: "saved", revision: 1 });
    const tree = await getConceptTree({ conceptId: concept.id });
    const stored = tree.sections.find((s) => s.id === mandate.id)!;
    expect(stored.revision).toBe(1);
    expect(JSON.stringify(stored.content)).toContain("Der Rat hat am 12. März beschlossen");
    expect(stored.textLength).toBeGreaterThan(20);
  });

  it("answers a save from a stale revision with a conflict carrying the other text, and overwrites nothing", async () => {
    const { concept, mandate } = await newConcept();
    await saveSectionText(town.editor, { conceptId: concept.id, sectionId: mandate.id, baseRevision: 0, content: doc(p("Erste Fassung")) });
    const second = await saveSectionText(town.admin, { conceptId: concept.id, sectionId: mandate.id, baseRevision: 0, content: doc(p("Zweite Fassung")) });
    expect(second.status).toBe("conflict");
    if (second.status !== "conflict") return;
    expect(second.current.revision).toBe(1);
    expect(JSON.stringify(second.current.content)).toContain("Erste Fassung");
    const tree = await getConceptTree({ conceptId: concept.id });
    expect(JSON.stringify(tree.sections.find((s) => s.id === mandate.id)!.content)).toContain("Erste Fassung");
  });

  it.each([
    ["an unknown node", { type: "doc", content: [{ type: "iframe", attrs: { src: "https://x" } }] }, "den der Editor nicht kennt"],
    ["a javascript: link", doc(p({ type: "text", text: "klick", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] })), "Link"],
    ["a data: link", doc(p({ type: "text", text: "klick", marks: [{ type: "link", attrs: { href: " data:text/html,<script>" } }] })), "Link"],
    ["an oversized document", doc(...Array.from({ length: 6000 }, () => p("x".repeat(100)))), "zu lang"],
    ["no document at all", "<p>Hallo</p>", "Format"],
    ["a javascript: link with a tab in the scheme", doc(p({ type: "text", text: "klick", marks: [{ type: "link", attrs: { href: "java\tscript:alert(1)" } }] })), "Link „java"],
    ["a javascript: link behind a space, upper case", doc(p({ type: "text", text: "klick", marks: [{ type: "link", attrs: { href: " JAVASCRIPT:alert(1)" } }] })), "ist nicht erlaubt"],
    ["a relative link", doc(p({ type: "text", text: "klick", marks: [{ type: "link", attrs: { href: "/concepts" } }] })), "ist nicht erlaubt"],
    [`quotes nested ${MAX_NESTING + 1} deep`, nestedQuotes(MAX_NESTING + 1), `zu tief verschachtelt (höchstens ${MAX_NESTING} Ebenen`],
    ["quotes nested 2,000 deep (gave 500)", nestedQuotes(2_000), "zu tief verschachtelt"],
  ])("rejects %s with a clear message and stores nothing", async (_name, content, message) => {
    const { concept, mandate } = await newConcept();
    await expect(saveSectionText(town.editor, { conceptId: concept.id, sectionId: mandate.id, baseRevision: 0, content })).rejects.toThrow(message);
    const tree = await getConceptTree({ conceptId: concept.id });
    expect(tree.sections.find((s) => s.id === mandate.id)!.revision).toBe(0);
  });

  it("refuses reviewers and viewers (403) and other municipalities (404) without changing anything", async () => {
    const { concept, mandate } = await newConcept();
    const input = { conceptId: concept.id, sectionId: mandate.id, baseRevision: 0, content: doc(p("Manipuliert")) };
    await expect(saveSectionText(town.reviewer, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(saveSectionText(town.viewer, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(saveSectionText(other.admin, input)).rejects.toMatchObject({ code: "not_found" });
    const tree = await getConceptTree({ conceptId: concept.id });
    expect(tree.sections.find((s) => s.id === mandate.id)!.revision).toBe(0);
  });

  it("refuses a section of another concept given with this concept's id", async () => {
    const a = await newConcept();
    const b = await newConcept();
    await expect(
      saveSectionText(town.editor, { conceptId: a.concept.id, sectionId: b.mandate.id, baseRevision: 0, content: doc(p("x")) }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("nesting at the limit", () => {
  it(`saves quotes nested ${MAX_NESTING} deep`, async () => {
    const { concept, mandate } = await newConcept();
    await expect(saveSectionText(town.editor, { conceptId: concept.id, sectionId: mandate.id, baseRevision: 0, content: nestedQuotes(MAX_NESTING) })).resolves.toMatchObject({ status: "saved" });
  });
});
