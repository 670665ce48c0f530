import { CHAPTERS as V1_CHAPTERS, FIELDS_CHAPTER, type ChapterDef, type PartDef } from "./v1";

/**
 * Version 2 of the template: version 1 plus a text that introduces the
 * chapter Handlungsfelder (before its fields of action). Nothing else changes,
 * so a version-1 concept can move to version 2 by gaining that one empty part.
 */
export const FIELDS_INTRO: PartDef = {
  key: "intro",
  title: "Einführung in die Handlungsfelder",
  kind: "richText",
  hint: "Welche Handlungsfelder das Konzept hat und warum, wie sie zusammenhängen und wie jedes aufgebaut ist (Ausgangslage, Leitziel, Teilziele, Maßnahmen).",
};

export const CHAPTERS_V2: readonly ChapterDef[] = V1_CHAPTERS.map((c) => (c.key === FIELDS_CHAPTER ? { ...c, parts: [FIELDS_INTRO] } : c));
