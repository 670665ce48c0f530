import { describe, expect, it } from "vitest";
import { buildOutline, entryState, outlineCounts, type OutlineInput } from "./outline";
import { CHAPTERS, STANDARD_FIELDS } from "@/lib/template";

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

  it("counts a part as begonnen from its first character: a real 59-character sentence is not leer", () => {
    const input = emptyConcept();
    const sentence = "Der Rat hat die Verwaltung am 4. März 2025 dazu beauftragt.";
    expect(sentence).toHaveLength(59);
    input.sections.find((s) => s.chapter === "mandate")!.textLength = sentence.length;
    const outline = buildOutline(input);
    expect(outline.entries[0]!.state).toBe("started");
    expect(outline.entries[0]!.parts[0]).toMatchObject({ key: "text", state: "started", done: null, sectionId: "s-mandate" });
    // Text alone is no progress: progress counts the parts someone marked "fertig".
    expect(outline.progress).toBe(0);
    input.sections.find((s) => s.chapter === "mandate")!.textLength = 0;
    expect(buildOutline(input).entries[0]!.state).toBe("empty");
  });

  it("marks a field begonnen when one part is written and fertig only when every part is marked so", () => {
    const input = emptyConcept();
    input.sections.find((s) => s.fieldId === "f0" && s.part === "baseline")!.textLength = 12;
    let outline = buildOutline(input);
    const language = (o: typeof outline) => o.entries.find((e) => e.key === "fields")!.children![0]!;
    expect(language(outline).state).toBe("started");
    expect(outline.entries.find((e) => e.key === "fields")!.state).toBe("started");

    // Everything written, nothing marked: still begonnen.
    input.sections.find((s) => s.fieldId === "f0" && s.part === "goal")!.textLength = 500;
    input.goalCounts.push({ fieldId: "f0", n: 2 });
    input.measureCounts.push({ fieldId: "f0", n: 1 });
    expect(language(buildOutline(input)).state).toBe("started");

    const at = new Date("2026-12-03T10:00:00Z");
    input.marks = ["baseline", "goal", "subGoals"].map((part) => ({ chapter: "fields", part, fieldId: "f0", markedAt: at, markedByName: "Miriam Keller" }));
    outline = buildOutline(input);
    expect(language(outline).state).toBe("started");
    expect(language(outline).parts.map((p) => p.state)).toEqual(["done", "done", "done", "started"]);
    expect(language(outline).parts[0]!.done).toEqual({ by: "Miriam Keller", at: at.toISOString() });

    input.marks.push({ chapter: "fields", part: "measures", fieldId: "f0", markedAt: at, markedByName: null });
    outline = buildOutline(input);
    expect(language(outline).state).toBe("done");
    // 9 chapter texts + 6 fields × 4 parts = 33 parts; 4 fertig
    expect(outline.progress).toBe(Math.round((4 / 33) * 100));
  });

  it("counts a part marked fertig even when it holds no text (a chapter left empty on purpose)", () => {
    const input = emptyConcept();
    input.marks = [{ chapter: "demands", part: "text", fieldId: null, markedAt: new Date(), markedByName: "Miriam Keller" }];
    expect(buildOutline(input).entries.find((e) => e.key === "demands")!.state).toBe("done");
  });

  it("reports 100 % when every part is marked fertig", () => {
    const input = emptyConcept();
    const at = new Date();
    input.marks = [
      ...CHAPTERS.filter((c) => c.parts.length).map((c) => ({ chapter: c.key, part: "text", fieldId: null, markedAt: at, markedByName: "A" })),
      ...input.fields.flatMap((f) => ["baseline", "goal", "subGoals", "measures"].map((part) => ({ chapter: "fields", part, fieldId: f.id, markedAt: at, markedByName: "A" }))),
    ];
    const outline = buildOutline(input);
    expect(outline.progress).toBe(100);
    expect(outline.entries.every((e) => e.state === "done")).toBe(true);
  });
});

describe("entryState", () => {
  it("is fertig only when every part is, leer only when no part has anything", () => {
    expect(entryState(["done", "done"])).toBe("done");
    expect(entryState(["done", "empty"])).toBe("started");
    expect(entryState(["empty", "empty"])).toBe("empty");
    expect(entryState(["started", "empty"])).toBe("started");
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
