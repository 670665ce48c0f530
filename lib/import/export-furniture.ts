/**
 * What Konzeptwerk's own DOCX/ODT export (lib/export) adds around the concept
 * and what is no text of it: the cover (municipality, title, "Angaben zum
 * Dokument" with status, version and date), the "Inhalt" line above the table
 * of contents, the placeholders of empty parts ("Kein Text.", "Keine
 * Teilziele.", "Keine Maßnahmen.") and the funding overview and funding cliff
 * that chapter 7 computes from the measures, each field's parts derived from
 * its measures ("Indikatoren im Überblick", "Zielbaum"), and the annexes of
 * versions and open comments an export may add. Recognised by the cover the
 * export writes; a file without that cover is left as it is. Header, footer
 * and the ENTWURF watermark never reach the import (mammoth and the ODT
 * reader read the body only), the Word table of contents is left out by its
 * styles (./docx.ts).
 */

type Node = {
  tagName: string;
  textContent: string | null;
  classList: { contains(c: string): boolean };
  nextElementSibling: Node | null;
  remove(): void;
};
type Body = { children: ArrayLike<Node> };

const squash = (s: string | null) => (s ?? "").replace(/\s+/g, " ").trim();
const isHeading = (n: Node) => /^H[1-6]$/.test(n.tagName);
const PLACEHOLDERS = new Set(["Kein Text.", "Keine Teilziele.", "Keine Maßnahmen."]);
/** The titles of a field's derived parts (lib/pdf/model.ts: INDICATOR_OVERVIEW_TITLE, GOAL_TREE_TITLE); the export writes them as heading 3. */
const DERIVED_PARTS = new Set(["Indikatoren im Überblick", "Zielbaum"]);

/**
 * Removes the export's furniture from the parsed HTML of a file. Returns the
 * concept's title from the cover, or null when the file is no Konzeptwerk
 * export (then nothing is removed).
 */
export function stripExportFurniture(body: Body, titleClass: string): { title: string } | null {
  const top = Array.from(body.children);
  const cover: Node[] = [];
  let title: string | null = null;
  let end = -1;
  for (let i = 0; i < top.length && i < 12; i++) {
    const n = top[i]!;
    if (isHeading(n) && !n.classList.contains(titleClass)) break;
    if (n.classList.contains(titleClass)) title = squash(top[i + 1]?.textContent ?? null);
    if (squash(n.textContent) === "Angaben zum Dokument") {
      const rows = [1, 2, 3].map((k) => squash(top[i + k]?.textContent ?? null));
      if (/^Status\b/.test(rows[0]!) && /^Fassung\b/.test(rows[1]!) && /^Stand\b/.test(rows[2]!)) end = i + 3;
      break;
    }
  }
  if (end < 0 || !title) return null;
  cover.push(...top.slice(0, end + 1));
  if (squash(top[end + 1]?.textContent ?? null) === "Inhalt" && top[end + 1]!.tagName === "P") cover.push(top[end + 1]!);
  for (const n of cover) n.remove();

  const rest = Array.from(body.children);
  for (const n of rest) if (n.tagName === "P" && PLACEHOLDERS.has(squash(n.textContent))) n.remove();

  // Chapter 7: "Übersicht aus den Maßnahmen" … "Förderklippe", its summary and its tables (caption, table).
  const overview = Array.from(body.children).find(
    (n) => n.tagName === "H2" && squash(n.textContent) === "Übersicht aus den Maßnahmen" && /^Aus \d+ Maßnahmen berechnet\.$/.test(squash(n.nextElementSibling?.textContent ?? null)),
  );
  if (overview) {
    const computed: Node[] = [];
    let n: Node | null = overview;
    while (n && !(n.tagName === "H2" && squash(n.textContent) === "Förderklippe")) {
      if (n !== overview && isHeading(n) && /^H[12]$/.test(n.tagName)) break;
      computed.push(n);
      n = n.nextElementSibling;
    }
    if (n && n.tagName === "H2") {
      computed.push(n);
      n = n.nextElementSibling;
      if (n?.tagName === "P") {
        computed.push(n);
        n = n.nextElementSibling;
      }
      const empty = (x: Node | null) => x?.tagName === "P" && squash(x.textContent) === "";
      while (n?.tagName === "P" && n.nextElementSibling?.tagName === "TABLE") {
        computed.push(n, n.nextElementSibling);
        n = n.nextElementSibling.nextElementSibling;
        while (empty(n)) {
          computed.push(n!);
          n = n!.nextElementSibling;
        }
      }
    }
    for (const c of computed) c.remove();
  }

  // A field's derived parts: the heading 3 and everything up to the next heading 1–3 (the tree and the table hold none).
  for (const head of Array.from(body.children).filter((n) => n.tagName === "H3" && DERIVED_PARTS.has(squash(n.textContent)))) {
    let n: Node | null = head;
    while (n && (n === head || !/^H[1-3]$/.test(n.tagName))) {
      const next: Node | null = n.nextElementSibling;
      n.remove();
      n = next;
    }
  }

  // The annexes an export may add (?history=1, ?comments=1): the version list and open comments, to their end.
  for (const annex of Array.from(body.children).filter((n) => n.tagName === "H1" && /^Anhang: (Versionsverlauf|Offene Kommentare)$/.test(squash(n.textContent)))) {
    let n: Node | null = annex;
    while (n && (n === annex || n.tagName !== "H1")) {
      const next: Node | null = n.nextElementSibling;
      n.remove();
      n = next;
    }
  }
  return { title };
}
