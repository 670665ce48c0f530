import { describe, expect, it } from "vitest";
import { openThreadsByAnchor, threadsByPlace } from "./margin";

const part = "11111111-1111-4111-8111-111111111111";
const fieldPart = "22222222-2222-4222-8222-222222222222";
const gone = "33333333-3333-4333-8333-333333333333";

const thread = (id: string, over: Partial<{ targetKind: string; sectionId: string | null; chapter: string; fieldKey: string | null; state: string; range: { start: number } | null }>) => ({
  id,
  targetKind: "text",
  sectionId: part,
  chapter: "mandate",
  fieldKey: null,
  state: "open",
  range: null,
  ...over,
});

describe("the comment margin's places", () => {
  const threads = [
    thread("late", { range: { start: 40 } }),
    thread("early", { range: { start: 3 } }),
    thread("removed", { range: null }),
    thread("done", { range: { start: 10 }, state: "resolved" }),
    thread("field-text", { sectionId: fieldPart, chapter: "fields", fieldKey: "language", range: { start: 0 } }),
    thread("field-head", { targetKind: "chapter", sectionId: null, chapter: "fields", fieldKey: "language" }),
    thread("measure", { targetKind: "measure", sectionId: null, chapter: "fields", fieldKey: "language", state: "resolved" }),
    thread("chapter", { targetKind: "chapter", sectionId: null, chapter: "mandate" }),
    thread("orphan", { sectionId: gone, chapter: "vision" }),
  ];
  const places = threadsByPlace(threads, [{ id: part }, { id: fieldPart }]);

  it("puts text threads beside their part in the order of their passages, a removed passage last", () => {
    expect(places.get(part)!.map((t) => t.id)).toEqual(["early", "done", "late", "removed"]);
    expect(places.get(fieldPart)!.map((t) => t.id)).toEqual(["field-text"]);
  });

  it("puts threads on a heading or a measure under the chapter or field, and a part that is gone under its chapter", () => {
    expect(places.get("feld-language")!.map((t) => t.id)).toEqual(["field-head", "measure"]);
    expect(places.get("kapitel-mandate")!.map((t) => t.id)).toEqual(["chapter"]);
    expect(places.get("kapitel-vision")!.map((t) => t.id)).toEqual(["orphan"]);
  });

  it("counts open threads per outline entry, resolved ones not", () => {
    expect(openThreadsByAnchor(places)).toEqual({ "kapitel-mandate": 4, "feld-language": 2, "kapitel-vision": 1 });
  });
});
