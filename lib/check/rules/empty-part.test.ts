import { describe, expect, it } from "vitest";
import { goodContext } from "../test-context";
import { emptyPart } from "./empty-part";

describe(emptyPart.id, () => {
  it("flags an empty chapter and an empty Ausgangslage", () => {
    const ctx = goodContext();
    ctx.sections = ctx.sections.map((s) => (s.chapter === "update" || s.part === "baseline" ? { ...s, textLength: 0 } : s));
    expect(emptyPart.run(ctx).map((f) => [f.message, f.place.href])).toEqual([
      ["Kapitel 4 „Fortschreibung“ ist leer.", "/concepts/c1#kapitel-update"],
      ["Ausgangslage von „Sprache“ ist leer.", "/concepts/c1#feld-language"],
    ]);
  });
});

describe(`${emptyPart.id}: the introduction to the fields of action (template 2)`, () => {
  const withIntro = () => {
    const ctx = goodContext();
    ctx.chapters = ctx.chapters.map((c) => (c.key === "fields" ? { ...c, parts: [{ key: "intro", title: "Einführung in die Handlungsfelder" }] } : c));
    return ctx;
  };

  it("names the empty introduction as a part of the chapter, not the chapter as empty", () => {
    expect(emptyPart.run(withIntro()).map((f) => [f.key, f.message, f.place.href])).toEqual([
      ["kapitel-leer:fields:intro", "Kapitel 2 „Handlungsfelder“, Teil „Einführung in die Handlungsfelder“ ist leer.", "/concepts/c1#kapitel-fields"],
    ]);
  });

  it("is satisfied by a written introduction, and a template-1 concept (no such part) is never asked for one", () => {
    const ctx = withIntro();
    ctx.sections.push({ chapter: "fields", part: "intro", fieldId: null, textLength: 40, content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Sechs Felder." }] }] } });
    expect(emptyPart.run(ctx)).toEqual([]);
    expect(emptyPart.run(goodContext())).toEqual([]);
  });
});
