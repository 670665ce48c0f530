import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { templateFor, type Template } from "./index";
import { chapterPartWritingAid, chapterWritingAid, fieldPartWritingAid, type WritingAid } from "./writing-aids";

/** Every template version the code knows (1, 2, … until templateFor refuses). */
function allTemplates(): Template[] {
  const out: Template[] = [];
  for (let v = 1; v < 100; v++) {
    try {
      out.push(templateFor(v));
    } catch {
      break;
    }
  }
  return out;
}

function wellFormed(aid: WritingAid | null, where: string) {
  expect(aid, `${where} has no writing aid`).not.toBeNull();
  expect(aid!.questions.length, `${where}: questions`).toBeGreaterThanOrEqual(2);
  expect(aid!.expectations.length, `${where}: expectations`).toBeGreaterThanOrEqual(1);
  // An example passage is a real sentence or more, not a placeholder.
  expect(aid!.example.length, `${where}: example`).toBeGreaterThan(60);
}

describe("writing aids", () => {
  it("has one ready for the introduction to the fields of action (template version 2)", () => {
    const aid = chapterPartWritingAid({ key: "fields", parts: [{ key: "intro" }] }, "intro", "de");
    expect(aid?.questions[0]).toBe("Welche Handlungsfelder hat das Konzept, und warum gerade diese?");
  });

  const templates = allTemplates();

  it("knows at least template version 1", () => {
    expect(templates.map((t) => t.version)).toContain(1);
  });

  it.each(LOCALES)("every chapter and every part of every template has one in %s", (locale) => {
    for (const template of templates) {
      for (const chapter of template.chapters) {
        wellFormed(chapterWritingAid(chapter.key, locale), `v${template.version} chapter ${chapter.key}`);
        for (const part of chapter.parts) wellFormed(chapterPartWritingAid(chapter, part.key, locale), `v${template.version} ${chapter.key}/${part.key}`);
      }
      for (const part of template.fieldParts) wellFormed(fieldPartWritingAid(part.key, locale), `v${template.version} field part ${part.key}`);
    }
  });

  it("has the same number of questions and expectations in German and English", () => {
    const template = templateFor(1);
    const pairs: [WritingAid | null, WritingAid | null][] = [
      ...template.chapters.map((c) => [chapterWritingAid(c.key, "de"), chapterWritingAid(c.key, "en")] as [WritingAid | null, WritingAid | null]),
      ...template.fieldParts.map((p) => [fieldPartWritingAid(p.key, "de"), fieldPartWritingAid(p.key, "en")] as [WritingAid | null, WritingAid | null]),
    ];
    for (const [de, en] of pairs) {
      expect(en!.questions.length).toBe(de!.questions.length);
      expect(en!.expectations.length).toBe(de!.expectations.length);
      expect(en!.example).not.toBe(de!.example);
    }
  });

  it("shows none for a part it does not know (a part a newer template adds)", () => {
    expect(chapterPartWritingAid({ key: "fields", parts: [{ key: "ausblick" }] }, "ausblick", "de")).toBeNull();
    expect(chapterPartWritingAid({ key: "vision", parts: [{ key: "intro" }] }, "intro", "de")).toBeNull();
    expect(fieldPartWritingAid("unbekannt", "de")).toBeNull();
    expect(chapterWritingAid("unbekannt", "en")).toBeNull();
    // A chapter with several parts does not hand its own aid to each of them.
    expect(chapterPartWritingAid({ key: "mandate", parts: [{ key: "text" }, { key: "extra" }] }, "text", "de")).toBeNull();
  });
});
