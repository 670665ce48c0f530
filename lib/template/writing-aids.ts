/**
 * Writing aids ("Schreibhilfe") for the chapters and parts of the concept
 * template: guiding questions, what a council expects there, and an example
 * passage. Shown on demand on the concept page, never in the PDF or the other
 * exports. German and English sit side by side here (the template's own titles
 * are German in v1.ts, English in the messages catalogue; these texts are too
 * long for the catalogue and belong to the template, not to the UI).
 *
 * Keys: `chapter:<chapter>` for a chapter, `part:<chapter>/<part>` for one of a
 * chapter's own parts, `fieldPart:<part>` for a part every field of action has.
 * A chapter whose only part is its "text" takes the chapter's aid for it. A part
 * without an aid (e.g. one a newer template adds) simply shows none.
 */
import type { Locale } from "@/lib/i18n/config";
import { AIDS } from "./writing-aids-text";

export type WritingAid = {
  /** guiding questions the text should answer */
  questions: string[];
  /** what a council and its committees look for in this place */
  expectations: string[];
  /** a short passage as it could stand in an integration concept */
  example: string;
};

/** The aid stored under a key (see the keys above), in the given language; null when there is none. */
export function writingAid(key: string | null, locale: Locale): WritingAid | null {
  return (key && Object.hasOwn(AIDS, key) ? AIDS[key]![locale] : null) ?? null;
}

/** The key of a chapter's aid, or null when it has none. */
export function chapterAidKey(chapterKey: string): string | null {
  const key = `chapter:${chapterKey}`;
  return Object.hasOwn(AIDS, key) ? key : null;
}

/**
 * The key of the aid of one of a chapter's own parts: its own, or for a
 * chapter's single "text" part the chapter's; null when there is none.
 */
export function chapterPartAidKey(chapter: { key: string; parts: readonly { key: string }[] }, partKey: string): string | null {
  const own = `part:${chapter.key}/${partKey}`;
  if (Object.hasOwn(AIDS, own)) return own;
  return partKey === "text" && chapter.parts.length === 1 ? chapterAidKey(chapter.key) : null;
}

/** The key of the aid of a part every field of action has (Ausgangslage, Leitziel …), or null. */
export function fieldPartAidKey(partKey: string): string | null {
  const key = `fieldPart:${partKey}`;
  return Object.hasOwn(AIDS, key) ? key : null;
}

/** The aid of a chapter, in the given language; null when there is none. */
export function chapterWritingAid(chapterKey: string, locale: Locale): WritingAid | null {
  return writingAid(chapterAidKey(chapterKey), locale);
}

/** The aid of one of a chapter's own parts (see chapterPartAidKey); null when there is none. */
export function chapterPartWritingAid(chapter: { key: string; parts: readonly { key: string }[] }, partKey: string, locale: Locale): WritingAid | null {
  return writingAid(chapterPartAidKey(chapter, partKey), locale);
}

/** The aid of a part every field of action has; null when there is none. */
export function fieldPartWritingAid(partKey: string, locale: Locale): WritingAid | null {
  return writingAid(fieldPartAidKey(partKey), locale);
}
