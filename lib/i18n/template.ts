import { DEFAULT_LOCALE } from "./config";
import type { Lookup } from "./lookup";

type Keyed = { key: string };

/** Titles and hints of the concept template (lib/template) in the UI language. */
export type TemplateText = {
  chapterTitle(chapter: Keyed & { title: string }): string;
  chapterHint(chapter: Keyed & { hint: string }): string;
  /** hint of one of a chapter's own rich-text parts */
  chapterPartHint(chapter: Keyed, part: Keyed & { hint: string }): string;
  /** name of one of a chapter's own rich-text parts: the chapter's title for its one "Text", else the part's title */
  chapterPartTitle(chapter: Keyed & { title: string }, part: Keyed & { title: string }): string;
  fieldPartTitle(part: Keyed & { title: string }): string;
  fieldPartHint(part: Keyed & { hint: string }): string;
  /** A standard field of action's title; a municipality's own (custom) fields keep their title in every language. */
  fieldTitle(field: Keyed & { title: string; custom?: boolean }): string;
};

/**
 * The template's texts are German in lib/template (v1.ts, v2.ts) and stay the source for
 * German. Other languages look them up in the "template" messages by chapter,
 * field and part key, falling back to the German text when there is none.
 * `lookup` resolves keys within the "template" namespace.
 */
export function localizeTemplate(locale: string, lookup: Lookup): TemplateText {
  const pick = (key: string, german: string) => (locale === DEFAULT_LOCALE ? german : (lookup(key) ?? german));
  return {
    chapterTitle: (c) => pick(`chapters.${c.key}.title`, c.title),
    chapterHint: (c) => pick(`chapters.${c.key}.hint`, c.hint),
    chapterPartHint: (c, p) => pick(`chapters.${c.key}.parts.${p.key}.hint`, p.hint),
    chapterPartTitle: (c, p) => (p.key === "text" ? pick(`chapters.${c.key}.title`, c.title) : pick(`chapters.${c.key}.parts.${p.key}.title`, p.title)),
    fieldPartTitle: (p) => pick(`fieldParts.${p.key}.title`, p.title),
    fieldPartHint: (p) => pick(`fieldParts.${p.key}.hint`, p.hint),
    fieldTitle: (f) => (f.custom ? f.title : pick(`fields.${f.key}.title`, f.title)),
  };
}
