/**
 * The Synopse: the comparison of two states as the two-column document German
 * councils expect for every amended text (old wording left, new right, changes
 * marked, headings aligned). This builds its data; lib/pdf/templates/synopse.typ
 * typesets it. Pure, so it is unit-tested without a compiler.
 */
import type { JSONContent } from "@tiptap/core";
import type { ConceptComparison } from "./diff/concept";
import type { FieldChange, ListEntry, WordPart } from "./diff/measures";
import { printableDoc } from "@/lib/pdf/printable";

type Mark = "insertion" | "deletion" | null;

export type SynopseCell =
  | { kind: "doc"; doc: JSONContent }
  | { kind: "words"; parts: WordPart[]; side: "before" | "after" }
  | { kind: "text"; text: string; mark: Mark }
  /** a list field (partners, target groups, sub-goals, funding): one entry per line */
  | { kind: "list"; items: { text: string; mark: Mark }[] };

export type SynopseRow =
  | { kind: "group"; title: string }
  | { kind: "heading"; title: string; note: string }
  | { kind: "pair"; label: string; before: SynopseCell; after: SynopseCell };

export type SynopseModel = {
  meta: { documentTitle: string; title: string; municipality: string; fromLabel: string; toLabel: string; date: string; summary: string; omitted: number };
  rows: SynopseRow[];
};

const EMPTY = (text: string): SynopseCell => ({ kind: "text", text, mark: null });

const listCell = (items: { text: string; mark: Mark }[]): SynopseCell => (items.length ? { kind: "list", items } : EMPTY("–"));
const entriesCell = (entries: ListEntry[]) => listCell(entries.map((e) => ({ text: e.text, mark: e.added ? "insertion" : e.removed ? "deletion" : null })));

/** A changed field's two cells: entry by entry for a list, word by word for free text, else old struck and new underlined. */
function changeCells(f: FieldChange): { before: SynopseCell; after: SynopseCell } {
  if (f.entries) return { before: entriesCell(f.entries.before), after: entriesCell(f.entries.after) };
  return {
    before: f.words ? { kind: "words", parts: f.words, side: "before" } : { kind: "text", text: f.before, mark: "deletion" },
    after: f.words ? { kind: "words", parts: f.words, side: "after" } : { kind: "text", text: f.after, mark: "insertion" },
  };
}

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
    for (const f of c.general) rows.push({ kind: "pair", label: f.label, ...changeCells(f) });
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
          const mark = m.state === "added" ? "insertion" : "deletion";
          const cell: SynopseCell = r.items ? listCell(r.items.map((text) => ({ text, mark }))) : { kind: "text", text: r.value, mark };
          rows.push({
            kind: "pair",
            label: r.label,
            before: m.state === "removed" ? cell : EMPTY(""),
            after: m.state === "added" ? cell : EMPTY(""),
          });
        }
        continue;
      }
      for (const f of m.diff!.fields) rows.push({ kind: "pair", label: f.label, ...changeCells(f) });
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
