/**
 * The Synopse: the comparison of two states as the two-column document German
 * councils expect for every amended text (old wording left, new right, changes
 * marked, headings aligned). This builds its data; lib/pdf/templates/synopse.typ
 * typesets it. Pure, so it is unit-tested without a compiler.
 */
import type { JSONContent } from "@tiptap/core";
import type { ConceptComparison } from "./diff/concept";
import type { WordPart } from "./diff/measures";
import { printableDoc } from "@/lib/pdf/printable";

export type SynopseCell = { kind: "doc"; doc: JSONContent } | { kind: "words"; parts: WordPart[]; side: "before" | "after" } | { kind: "text"; text: string; mark: "insertion" | "deletion" | null };

export type SynopseRow =
  | { kind: "group"; title: string }
  | { kind: "heading"; title: string; note: string }
  | { kind: "pair"; label: string; before: SynopseCell; after: SynopseCell };

export type SynopseModel = {
  meta: { documentTitle: string; title: string; municipality: string; fromLabel: string; toLabel: string; date: string; summary: string; omitted: number };
  rows: SynopseRow[];
};

const EMPTY = (text: string): SynopseCell => ({ kind: "text", text, mark: null });

/** Headings inside a table cell would break the document's heading order: print them as bold paragraphs (links and depth checked for print). */
function flattenHeadings(doc: JSONContent): JSONContent {
  const walk = (n: JSONContent): JSONContent => {
    if (n.type === "heading") {
      return {
        type: "paragraph",
        content: (n.content ?? []).map((c) => (c.type === "text" ? { ...c, marks: [...(c.marks ?? []), { type: "bold" }] } : c)),
      };
    }
    return n.content ? { ...n, content: n.content.map(walk) } : n;
  };
  return walk(printableDoc(doc));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function buildSynopse(input: {
  conceptTitle: string;
  municipality: string;
  fromLabel: string;
  toLabel: string;
  comparison: ConceptComparison;
  date: string;
}): SynopseModel {
  const { comparison: c } = input;
  const rows: SynopseRow[] = [];

  if (c.general.length) {
    rows.push({ kind: "group", title: "Titel, Angaben und Handlungsfelder" });
    for (const f of c.general) {
      rows.push({
        kind: "pair",
        label: f.label,
        before: f.words ? { kind: "words", parts: f.words, side: "before" } : { kind: "text", text: f.before, mark: "deletion" },
        after: f.words ? { kind: "words", parts: f.words, side: "after" } : { kind: "text", text: f.after, mark: "insertion" },
      });
    }
  }

  for (const g of c.groups) {
    const sections = c.sections.filter((s) => s.group.key === g.key && s.state !== "unchanged");
    const measures = c.measures.filter((m) => m.group.key === g.key && m.state !== "unchanged");
    if (!sections.length && !measures.length) continue;
    rows.push({ kind: "group", title: `${g.number} ${g.title}` });
    for (const s of sections) {
      rows.push({
        kind: "pair",
        label: s.partTitle,
        before: s.state === "added" ? EMPTY("(neu)") : { kind: "doc", doc: flattenHeadings(s.diff.before) },
        after: s.state === "removed" ? EMPTY("(entfällt)") : { kind: "doc", doc: flattenHeadings(s.diff.after) },
      });
    }
    for (const m of measures) {
      const note = m.state === "added" ? "neue Maßnahme" : m.state === "removed" ? "Maßnahme entfällt" : "Maßnahme geändert";
      rows.push({ kind: "heading", title: `Maßnahme: ${m.title}`, note });
      if (m.state === "added" || m.state === "removed") {
        for (const r of m.summary) {
          rows.push({
            kind: "pair",
            label: r.label,
            before: m.state === "removed" ? { kind: "text", text: r.value, mark: "deletion" } : EMPTY(""),
            after: m.state === "added" ? { kind: "text", text: r.value, mark: "insertion" } : EMPTY(""),
          });
        }
        continue;
      }
      for (const f of m.diff!.fields) {
        rows.push({
          kind: "pair",
          label: f.label,
          before: f.words ? { kind: "words", parts: f.words, side: "before" } : { kind: "text", text: f.before, mark: "deletion" },
          after: f.words ? { kind: "words", parts: f.words, side: "after" } : { kind: "text", text: f.after, mark: "insertion" },
        });
      }
      if (m.diff!.description) {
        rows.push({
          kind: "pair",
          label: "Beschreibung",
          before: { kind: "doc", doc: flattenHeadings(m.diff!.description.before) },
          after: { kind: "doc", doc: flattenHeadings(m.diff!.description.after) },
        });
      }
    }
  }

  const t = c.totals;
  const summary =
    t.sections + t.measuresAdded + t.measuresChanged + t.measuresRemoved + t.general === 0
      ? "Zwischen beiden Fassungen gibt es keine Unterschiede."
      : [
          plural(t.sections, "Abschnitt geändert", "Abschnitte geändert"),
          t.measuresChanged ? plural(t.measuresChanged, "Maßnahme geändert", "Maßnahmen geändert") : "",
          t.measuresAdded ? plural(t.measuresAdded, "Maßnahme neu", "Maßnahmen neu") : "",
          t.measuresRemoved ? plural(t.measuresRemoved, "Maßnahme entfällt", "Maßnahmen entfallen") : "",
          t.general ? plural(t.general, "weitere Angabe geändert", "weitere Angaben geändert") : "",
        ]
          .filter(Boolean)
          .join(", ") + ".";

  return {
    meta: {
      documentTitle: `Synopse: ${input.conceptTitle}`,
      title: input.conceptTitle,
      municipality: input.municipality,
      fromLabel: input.fromLabel,
      toLabel: input.toLabel,
      date: input.date,
      summary,
      omitted: t.unchangedSections,
    },
    rows,
  };
}
