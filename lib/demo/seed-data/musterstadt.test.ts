import { describe, it, expect } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { validateDoc } from "@/lib/editor/validate";
import { conceptSettingsSchema } from "@/lib/concepts/settings";
import { CHAPTERS, FIELDS_CHAPTER, STANDARD_FIELDS } from "@/lib/template/v1";
import { musterstadtConcept as seed } from "./musterstadt";
import type { SeedField } from "./types";

/** Every field of the seed that has content: standard fields (non-null) and custom fields. */
function allFields(): [string, SeedField][] {
  const standard = Object.entries(seed.fields).filter((e): e is [string, SeedField] => e[1] !== null);
  const custom = seed.customFields.map((f): [string, SeedField] => [f.key, f]);
  return [...standard, ...custom];
}

/** Every rich text of the seed, labelled for readable failures. */
function richTexts(): [string, JSONContent][] {
  const out: [string, JSONContent][] = Object.entries(seed.chapters).map(([key, content]) => [`chapter ${key}`, content]);
  for (const [key, field] of allFields()) {
    out.push([`field ${key} baseline`, field.baseline], [`field ${key} goal`, field.goal]);
    field.measures.forEach((m, i) => out.push([`field ${key} measure ${i} (${m.title})`, m.description]));
  }
  return out;
}

const allMeasures = () => allFields().flatMap(([key, f]) => f.measures.map((m) => ({ key, field: f, m })));

describe("Musterstadt demo concept", () => {
  it("has only rich texts that the editor schema accepts", () => {
    const texts = richTexts();
    expect(texts.length).toBeGreaterThan(20);
    for (const [label, content] of texts) {
      const result = validateDoc(content);
      expect(result.ok ? "ok" : `${label}: ${result.error}`).toBe("ok");
    }
  });

  it("has a text for every template chapter except the fields chapter", () => {
    const keys = CHAPTERS.map((c) => c.key).filter((k) => k !== FIELDS_CHAPTER);
    expect(keys.length).toBe(9);
    for (const key of keys) expect(seed.chapters[key], key).toBeDefined();
    expect(Object.keys(seed.chapters).sort()).toEqual([...keys].sort());
  });

  it("has all six standard fields of action", () => {
    expect(STANDARD_FIELDS.length).toBe(6);
    for (const { key } of STANDARD_FIELDS) expect(seed.fields[key], key).toBeTruthy();
  });

  it("has settings that pass the settings schema", () => {
    expect(conceptSettingsSchema.safeParse(seed.settings).success).toBe(true);
  });

  it("links measures only to existing sub-goals", () => {
    for (const { key, field, m } of allMeasures()) {
      for (const index of m.subGoalIndexes ?? []) {
        expect(Number.isInteger(index), `${key}: ${m.title}`).toBe(true);
        expect(index, `${key}: ${m.title}`).toBeGreaterThanOrEqual(0);
        expect(index, `${key}: ${m.title}`).toBeLessThan(field.subGoals.length);
      }
    }
  });

  it("never ends a measure before it starts", () => {
    for (const { key, m } of allMeasures()) {
      if (m.startDate && m.endDate) expect(m.endDate >= m.startDate, `${key}: ${m.title}`).toBe(true);
      for (const d of [m.startDate, m.endDate]) if (d) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("has at least 8 measures", () => {
    expect(allMeasures().length).toBeGreaterThanOrEqual(8);
  });
});
