import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { bold, doc, h3, p, table, ul } from "@/lib/editor/build";
import { plainText } from "@/lib/editor/document";
import { diffDocs } from "./richtext";

/** The text of every node carrying a mark, in document order. */
function marked(node: JSONContent, mark: "insertion" | "deletion"): string[] {
  const out: string[] = [];
  const walk = (n: JSONContent) => {
    if (n.type === "text" && n.marks?.some((m) => m.type === mark)) out.push(n.text ?? "");
    n.content?.forEach(walk);
  };
  walk(node);
  return out;
}

describe("diffDocs", () => {
  it("finds no change in equal documents, whatever the key order of the JSON", () => {
    const a = doc(p("Die Stadt fördert Sprachkurse."));
    const b = JSON.parse(JSON.stringify({ content: a.content, type: "doc" }));
    const d = diffDocs(a, b);
    expect(d.changed).toBe(false);
    expect(d.changes).toEqual([]);
    expect(marked(d.inline, "insertion")).toEqual([]);
  });

  it("marks a changed word and keeps the rest of the sentence unmarked", () => {
    const d = diffDocs(doc(p("Die Stadt fördert Sprachkurse für Erwachsene.")), doc(p("Die Stadt finanziert Sprachkurse für Erwachsene.")));
    expect(d.changes).toEqual([{ kind: "replace", deleted: "fördert", inserted: "finanziert" }]);
    expect(marked(d.inline, "deletion")).toEqual(["fördert"]);
    expect(marked(d.inline, "insertion")).toEqual(["finanziert"]);
    expect(plainText(d.before)).toBe("Die Stadt fördert Sprachkurse für Erwachsene.");
    expect(plainText(d.after)).toBe("Die Stadt finanziert Sprachkurse für Erwachsene.");
  });

  it("shows a paragraph split as a new paragraph break, not as a rewritten paragraph", () => {
    const d = diffDocs(doc(p("Erster Satz. Zweiter Satz.")), doc(p("Erster Satz."), p("Zweiter Satz.")));
    expect(d.changed).toBe(true);
    const deleted = d.changes.map((c) => c.deleted).join("");
    expect(deleted.replace(/[\s¶]/g, "")).toBe("");
    expect(d.changes.map((c) => c.inserted).join("")).toContain("¶");
    // Both sentences stay unmarked text.
    expect(marked(d.after, "insertion").join("")).toBe("¶");
    expect(d.after.content).toHaveLength(2);
  });

  it("shows a moved list item as removed in its old place and added in its new one", () => {
    const d = diffDocs(doc(ul("Sprachkurse", "Sprachmittlung", "Lotsenprojekte")), doc(ul("Sprachmittlung", "Lotsenprojekte", "Sprachkurse")));
    expect(marked(d.inline, "deletion")).toEqual(["Sprachkurse"]);
    expect(marked(d.inline, "insertion")).toEqual(["Sprachkurse"]);
    // The removed item is a list item of its own before "Sprachmittlung", not text glued to it.
    const items = d.inline.content![0]!.content!.map((li) => plainText(li));
    expect(items).toEqual(["Sprachkurse", "Sprachmittlung", "Lotsenprojekte", "Sprachkurse"]);
    // …and both places are labelled as a move.
    expect(d.changes.map((c) => c.kind)).toEqual(["move", "move"]);
    expect(JSON.stringify(d.inline)).toContain('"moved":true');
  });

  it("reports a word that only became bold as a formatting change", () => {
    const d = diffDocs(doc(p("Wir fördern Sprachkurse.")), doc(p("Wir ", bold("fördern"), " Sprachkurse.")));
    expect(d.changes).toEqual([{ kind: "format", deleted: "fördern", inserted: "fördern" }]);
    const ins = JSON.stringify(d.after);
    expect(ins).toContain('"bold"');
  });

  it("finds a changed table cell inside the table", () => {
    const before = doc(table(["Angebot", "Plätze"], [["Integrationskurs", "120"], ["Jobcafé", "40"]]));
    const after = doc(table(["Angebot", "Plätze"], [["Integrationskurs", "150"], ["Jobcafé", "40"]]));
    const d = diffDocs(before, after);
    expect(d.changes).toEqual([{ kind: "replace", deleted: "120", inserted: "150" }]);
    expect(d.inline.content![0]!.type).toBe("table");
  });

  it("keeps umlauts, ß and hyphenated words whole", () => {
    const d = diffDocs(doc(p("Die Öffnungszeiten der Ausländerbehörde bleiben gleich.")), doc(p("Die Öffnungszeiten der Ausländer-Behörde werden länger, außerdem gemäß Beschluss.")));
    const inserted = d.changes.map((c) => c.inserted).join(" ");
    expect(inserted).toContain("-Behörde");
    expect(inserted).toContain("außerdem gemäß");
    expect(plainText(d.after)).toBe("Die Öffnungszeiten der Ausländer-Behörde werden länger, außerdem gemäß Beschluss.");
    expect(plainText(d.before)).toBe("Die Öffnungszeiten der Ausländerbehörde bleiben gleich.");
    for (const c of d.changes) expect(c.inserted).not.toMatch(/\uFFFD/);
  });

  it("treats an empty section that was filled as one insertion", () => {
    const d = diffDocs(doc(p()), doc(h3("Ausgangslage"), p("Neu geschrieben.")));
    expect(d.changes.every((c) => c.kind === "insert")).toBe(true);
    expect(marked(d.inline, "insertion").join(" ")).toContain("Neu geschrieben.");
    expect(marked(d.inline, "deletion")).toEqual([]);
  });

  it("puts a removed paragraph back as a struck paragraph between its neighbours", () => {
    const d = diffDocs(doc(p("A"), p("Ganzer Absatz weg."), p("C")), doc(p("A"), p("C")));
    expect(d.changes.map((c) => c.kind)).toEqual(["delete"]);
    expect(d.inline.content!.map((n) => plainText(n))).toEqual(["A", "Ganzer Absatz weg.", "C"]);
    expect(marked(d.inline, "deletion")).toEqual(["Ganzer Absatz weg."]);
  });

  it("handles a 100-paragraph section with scattered edits without marking the unchanged ones", () => {
    const paras = Array.from({ length: 100 }, (_, i) => `Absatz ${i}: Die Kommune berät Zugewanderte in Fragen der Arbeit und Ausbildung.`);
    const edited = paras.map((t, i) => (i % 10 === 3 ? t.replace("berät", "unterstützt") : t));
    const d = diffDocs(doc(...paras.map((t) => p(t))), doc(...edited.map((t) => p(t))));
    expect(d.changes).toHaveLength(10);
    expect(d.changes.every((c) => c.deleted === "berät" && c.inserted === "unterstützt")).toBe(true);
  });
});
