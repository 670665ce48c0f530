import { describe, expect, it } from "vitest";
import { buildOutline, MIN_WRITTEN_CHARS, outlineCounts, type OutlineInput } from "./outline";
import { CHAPTERS, STANDARD_FIELDS, templateFor } from "@/lib/template";

function emptyConcept(): OutlineInput {
  const fields = STANDARD_FIELDS.map((f, i) => ({ id: `f${i}`, key: f.key, title: f.title, custom: false }));
  const sections = [
    ...CHAPTERS.filter((c) => c.parts.length).map((c) => ({ id: `s-${c.key}`, chapter: c.key, part: "text", fieldId: null, textLength: 0 })),
    ...fields.flatMap((f) => ["baseline", "goal"].map((part) => ({ id: `s-${f.id}-${part}`, chapter: "fields", part, fieldId: f.id, textLength: 0 }))),
  ];
  return { templateVersion: 1, fields, sections, goalCounts: [], measureCounts: [] };
}

describe("outline", () => {
  it("lists the chapters in template order, the fields of action numbered under chapter 5", () => {
    const { entries, progress } = buildOutline(emptyConcept());
    expect(entries.map((e) => e.title)).toEqual(CHAPTERS.map((c) => c.title));
    const fields = entries.find((e) => e.key === "fields")!;
    expect(fields.number).toBe("5");
    expect(fields.children!.map((c) => `${c.number} ${c.title}`)).toEqual([
      "5.1 Sprache",
      "5.2 Arbeit und Ausbildung",
      "5.3 Bildung",
      "5.4 Wohnen",
      "5.5 Gesellschaftliche Teilhabe",
      "5.6 Gesundheit",
    ]);
    expect(entries.every((e) => e.state === "empty")).toBe(true);
    expect(progress).toBe(0);
  });

  it("marks a field started when one part is written and complete when all four are", () => {
    const input = emptyConcept();
    const language = input.sections.find((s) => s.fieldId === "f0" && s.part === "baseline")!;
    language.textLength = MIN_WRITTEN_CHARS;
    let outline = buildOutline(input);
    const state = (o: typeof outline) => o.entries.find((e) => e.key === "fields")!.children![0]!.state;
    expect(state(outline)).toBe("started");
    expect(outline.entries.find((e) => e.key === "fields")!.state).toBe("started");

    input.sections.find((s) => s.fieldId === "f0" && s.part === "goal")!.textLength = 500;
    input.goalCounts.push({ fieldId: "f0", n: 2 });
    input.measureCounts.push({ fieldId: "f0", n: 1 });
    outline = buildOutline(input);
    expect(state(outline)).toBe("complete");
    // 9 chapter texts + 6 fields × 4 parts = 33 parts; 4 complete
    expect(outline.progress).toBe(Math.round((4 / 33) * 100));
  });

  it("does not count a few characters as a written part", () => {
    const input = emptyConcept();
    input.sections.find((s) => s.chapter === "mandate")!.textLength = MIN_WRITTEN_CHARS - 1;
    expect(buildOutline(input).entries[0]!.state).toBe("empty");
  });

  it("reports 100 % when everything is written", () => {
    const input = emptyConcept();
    for (const s of input.sections) s.textLength = 1000;
    for (const f of input.fields) {
      input.goalCounts.push({ fieldId: f.id, n: 1 });
      input.measureCounts.push({ fieldId: f.id, n: 1 });
    }
    const outline = buildOutline(input);
    expect(outline.progress).toBe(100);
    expect(outline.entries.every((e) => e.state === "complete")).toBe(true);
  });
});

describe("outlineCounts", () => {
  it("counts sub-goals and measures per field of a loaded concept", () => {
    const base = emptyConcept();
    const counts = outlineCounts({
      fields: base.fields,
      sections: base.sections,
      subGoals: [{ fieldId: "f0" }, { fieldId: "f0" }, { fieldId: "f2" }],
      measures: [{ fieldId: "f2" }],
    });
    expect(counts.goalCounts).toEqual([
      { fieldId: "f0", n: 2 },
      { fieldId: "f2", n: 1 },
    ]);
    expect(counts.measureCounts).toEqual([{ fieldId: "f2", n: 1 }]);
  });
});

describe("outline of a template-2 concept (introduction to the fields of action)", () => {
  function v2(): OutlineInput {
    const input = emptyConcept();
    input.templateVersion = 2;
    input.sections.push({ id: "s-fields-intro", chapter: "fields", part: "intro", fieldId: null, textLength: 0 });
    return input;
  }

  it("counts the introduction as a part of the chapter Handlungsfelder", () => {
    expect(templateFor(2).chapters.find((c) => c.key === "fields")!.parts.map((p) => p.key)).toEqual(["intro"]);
    const input = v2();
    expect(buildOutline(input).entries.find((e) => e.key === "fields")!.state).toBe("empty");
    input.sections.find((s) => s.part === "intro")!.textLength = MIN_WRITTEN_CHARS;
    const outline = buildOutline(input);
    // the fields are still empty, the introduction is written
    expect(outline.entries.find((e) => e.key === "fields")!.state).toBe("started");
    expect(outline.entries.find((e) => e.key === "fields")!.children!.every((c) => c.state === "empty")).toBe(true);
    // 9 chapter texts + the introduction + 6 fields × 4 parts = 34 parts; 1 complete
    expect(outline.progress).toBe(Math.round((1 / 34) * 100));
  });

  it("a template-1 concept has the same 33 parts as before, an introduction row is not read", () => {
    const input = emptyConcept();
    input.sections.push({ id: "stray", chapter: "fields", part: "intro", fieldId: null, textLength: 500 });
    input.sections.find((s) => s.chapter === "mandate")!.textLength = MIN_WRITTEN_CHARS;
    expect(buildOutline(input).progress).toBe(Math.round((1 / 33) * 100));
    expect(buildOutline(input).entries.find((e) => e.key === "fields")!.state).toBe("empty");
  });
});
