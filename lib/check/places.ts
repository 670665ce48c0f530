import type { CheckContext } from "./types";

/** Links into the concept page: the anchors the page already has (kapitel-…, feld-…, measure cards). */
export const places = {
  chapter: (ctx: CheckContext, key: string) => {
    const c = ctx.chapters.find((x) => x.key === key);
    return { label: c ? `Kapitel ${c.number} ${c.title}` : key, href: `/concepts/${ctx.conceptId}#kapitel-${key}` };
  },
  field: (ctx: CheckContext, f: { key: string; number: string; title: string }) => ({
    label: `${f.number} ${f.title}`,
    href: `/concepts/${ctx.conceptId}#feld-${f.key}`,
  }),
  measure: (ctx: CheckContext, m: { id: string; fieldId: string; number: string; title: string }) => ({
    label: `${m.number} ${m.title}`,
    href: `/concepts/${ctx.conceptId}#measures-${m.fieldId}-${m.id}`,
  }),
};
