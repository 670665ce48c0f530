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
