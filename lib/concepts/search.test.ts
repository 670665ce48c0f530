import { describe, expect, it } from "vitest";
import { cleanQuery, MAX_HITS, MAX_QUERY, searchDocs } from "./search";

const docs = (...texts: string[]) => texts.map((text, i) => ({ text, ref: i }));

describe("the query", () => {
  it("is trimmed, with runs of white space as one space", () => {
    expect(cleanQuery("  Sprach   kurs\n")).toEqual({ ok: true, query: "Sprach kurs" });
  });

  it("is refused when empty, shorter than two characters or longer than the limit", () => {
    expect(cleanQuery("   ")).toEqual({ ok: false, reason: "empty" });
    expect(cleanQuery(undefined)).toEqual({ ok: false, reason: "empty" });
    expect(cleanQuery(["Sprache"])).toEqual({ ok: false, reason: "empty" });
    expect(cleanQuery("ä")).toEqual({ ok: false, reason: "too_short" });
    expect(cleanQuery("x".repeat(MAX_QUERY))).toMatchObject({ ok: true });
    expect(cleanQuery("x".repeat(MAX_QUERY + 1))).toEqual({ ok: false, reason: "too_long" });
  });
});

describe("searching a concept's texts", () => {
  it("ignores case and marks the text as written", () => {
    const { hits } = searchDocs(docs("Die Volkshochschule bietet Sprachkurse an."), "SPRACHKURSE");
    expect(hits).toHaveLength(1);
    expect(hits[0]!.excerpt).toEqual({ before: "Die Volkshochschule bietet ", match: "Sprachkurse", after: " an." });
  });

  it("matches umlauts and ß as typed, in either case", () => {
    const texts = docs("Ärztinnen und Ärzte", "Straße der Begegnung", "Strasse ohne Eszett");
    expect(searchDocs(texts, "ärzte").hits.map((h) => h.ref)).toEqual([0]);
    expect(searchDocs(texts, "ÄRZTINNEN").hits.map((h) => h.ref)).toEqual([0]);
    expect(searchDocs(texts, "straße").hits.map((h) => h.ref)).toEqual([1]);
    expect(searchDocs(texts, "strasse").hits.map((h) => h.ref)).toEqual([2]);
    expect(searchDocs(texts, "arzte").hits).toEqual([]);
  });

  it("takes characters of regular expressions literally", () => {
    const texts = docs("Kosten (geschätzt): 5.000 €", "Kosten geschätzt 5000 €", "a+b* und [x]");
    expect(searchDocs(texts, "(geschätzt)").hits.map((h) => h.ref)).toEqual([0]);
    expect(searchDocs(texts, "5.000").hits.map((h) => h.ref)).toEqual([0]);
    expect(searchDocs(texts, ".*").hits).toEqual([]);
    expect(searchDocs(texts, "a+b*").hits.map((h) => h.ref)).toEqual([2]);
    expect(searchDocs(texts, "[x]").hits.map((h) => h.ref)).toEqual([2]);
  });

  it("finds a phrase across a line break and counts every match", () => {
    const [hit] = searchDocs(docs("Integration vor Ort.\nVor Ort beraten wir.\nvor ort"), "vor ort").hits;
    expect(hit!.matches).toBe(3);
    expect(hit!.excerpt.match).toBe("vor Ort");
  });

  it("cuts a long text to an excerpt around the first match, at word boundaries", () => {
    const long = `${"Anfang ".repeat(40)}Willkommenskultur${" Ende".repeat(40)}`;
    const { excerpt } = searchDocs(docs(long), "willkommenskultur").hits[0]!;
    expect(excerpt.match).toBe("Willkommenskultur");
    expect(excerpt.before.startsWith("… Anfang")).toBe(true);
    expect(excerpt.after.endsWith("Ende …")).toBe(true);
    expect(excerpt.before.length + excerpt.after.length).toBeLessThan(140);
  });

  it("keeps the excerpt aligned where lower-casing changes a character's length", () => {
    const { excerpt } = searchDocs(docs("İstanbul-Partnerschaft und Sprachcafé"), "sprachcafé").hits[0]!;
    expect(excerpt).toEqual({ before: "İstanbul-Partnerschaft und ", match: "Sprachcafé", after: "" });
  });

  it("returns at most the limit, in document order, and says that there were more", () => {
    const many = docs(...Array.from({ length: MAX_HITS + 5 }, (_, i) => `Maßnahme ${i}`));
    const result = searchDocs(many, "maßnahme");
    expect(result.hits).toHaveLength(MAX_HITS);
    expect(result.hits[0]!.ref).toBe(0);
    expect(result.truncated).toBe(true);
    expect(searchDocs(many, "maßnahme", 100).truncated).toBe(false);
  });

  it("finds nothing where the text does not contain the query", () => {
    expect(searchDocs(docs("Sprache", ""), "Arbeit")).toEqual({ hits: [], truncated: false });
  });
});
