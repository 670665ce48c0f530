import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { EditorState } from "@tiptap/pm/state";
import { doc, p, table, ul } from "@/lib/editor/build";
import { plainText } from "@/lib/editor/document";
import { editorSchema, validateDoc } from "@/lib/editor/validate";
import { listSuggestions } from "./list";
import { asProposal } from "./propose";
import { accept, acceptAll, reject, rejectAll } from "./resolve";

const ANNA = "11111111-1111-4111-8111-111111111111";
const BEN = "22222222-2222-4222-8222-222222222222";

/** Apply an edit to `json` as a proposal of `author`, as the editor in suggest mode would. */
function propose(json: JSONContent, author: string, edit: (state: EditorState) => ReturnType<EditorState["tr"]["insertText"]>): JSONContent {
  const state = EditorState.create({ doc: editorSchema().nodeFromJSON(json) });
  return state.apply(asProposal(state, edit(state), author)).doc.toJSON() as JSONContent;
}
/** Position just after the first occurrence of `text` (in one text node). */
function after(state: EditorState, text: string): number {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return found < 0;
    const i = node.text!.indexOf(text);
    if (i >= 0) found = pos + i + text.length;
    return false;
  });
  if (found < 0) throw new Error(`nicht gefunden: ${text}`);
  return found;
}
const text = (json: JSONContent) => plainText(json).replace(/\u200B/g, "");

const base = doc(p("Die Stadt fördert Sprachkurse."), p("Zweiter Absatz."));

describe("proposals on a part", () => {
  it("an insertion: listed with its author, rejected it is gone, accepted it is ordinary text", () => {
    const proposed = propose(base, ANNA, (s) => s.tr.insertText(" gezielt", after(s, "Die Stadt")));
    expect(validateDoc(proposed).ok).toBe(true);
    const [s] = listSuggestions(proposed);
    expect(s).toMatchObject({ kind: "insert", author: ANNA, inserted: " gezielt", deleted: "" });
    expect(s!.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(rejectAll(proposed)).toEqual(base);
    expect(text(acceptAll(proposed))).toBe("Die Stadt gezielt fördert Sprachkurse.\nZweiter Absatz.");
    expect(listSuggestions(acceptAll(proposed))).toEqual([]);
  });

  it("a deletion keeps the text until accepted", () => {
    const proposed = propose(base, BEN, (s) => s.tr.delete(after(s, "Die Stadt "), after(s, "Die Stadt fördert ")));
    expect(text(proposed)).toBe(text(base)); // still there, only marked
    expect(listSuggestions(proposed)).toMatchObject([{ kind: "delete", author: BEN, deleted: "fördert ", inserted: "" }]);
    expect(rejectAll(proposed)).toEqual(base);
    expect(text(acceptAll(proposed))).toBe("Die Stadt Sprachkurse.\nZweiter Absatz.");
  });

  it("a replacement is one proposal with both texts", () => {
    const proposed = propose(base, ANNA, (s) => {
      const from = after(s, "Die Stadt ");
      return s.tr.insertText("finanziert", from, from + "fördert".length);
    });
    expect(listSuggestions(proposed)).toMatchObject([{ kind: "replace", deleted: "fördert", inserted: "finanziert" }]);
    expect(text(accept(proposed, listSuggestions(proposed)[0]!.id)!)).toBe("Die Stadt finanziert Sprachkurse.\nZweiter Absatz.");
  });

  it("a paragraph break proposed and rejected joins the paragraph again", () => {
    const proposed = propose(base, ANNA, (s) => s.tr.split(after(s, "Die Stadt fördert")));
    expect(proposed.content).toHaveLength(3);
    expect(listSuggestions(proposed)).toMatchObject([{ kind: "insert", author: ANNA }]);
    expect(rejectAll(proposed)).toEqual(base);
  });

  it("one proposal of two is decided by its id; an unknown id decides nothing", () => {
    const one = propose(base, ANNA, (s) => s.tr.insertText("Neu: ", 1));
    const two = propose(one, BEN, (s) => s.tr.delete(after(s, "Zweiter"), after(s, "Zweiter Absatz")));
    const [a, b] = listSuggestions(two);
    expect([a!.author, b!.author]).toEqual([ANNA, BEN]);
    const accepted = accept(two, a!.id)!;
    expect(text(accepted)).toContain("Neu: Die Stadt");
    expect(listSuggestions(accepted).map((x) => x.id)).toEqual([b!.id]);
    const rejected = reject(two, b!.id)!;
    expect(listSuggestions(rejected).map((x) => x.id)).toEqual([a!.id]);
    expect(accept(two, "unbekannt")).toBeNull();
  });

  it("a word typed key by key, at different moments, stays one proposal (one mark, one time)", async () => {
    let json = base;
    const start = after(EditorState.create({ doc: editorSchema().nodeFromJSON(base) }), "Die Stadt");
    for (const [i, ch] of [..." gezielt"].entries()) {
      json = propose(json, ANNA, (s) => s.tr.insertText(ch, start + i));
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(text(json)).toContain("Die Stadt gezielt fördert");
    expect(listSuggestions(json).map((s) => [s.author, s.inserted])).toEqual([[ANNA, " gezielt"]]);
    const inserted = json.content![0]!.content!.filter((n) => n.marks?.some((m) => m.type === "insertion"));
    expect(inserted.map((n) => n.text)).toEqual([" gezielt"]);
  });

  it("a whole list item proposed for deletion and text proposed in a table cell: listed, valid, rejected they leave the text as it was", () => {
    const structured = doc(ul("Sprachkurse", "Elterncafés", "Lernpaten"), table(["Maßnahme", "Träger"], [["Sprachcafé", "VHS"]]));
    const state = EditorState.create({ doc: editorSchema().nodeFromJSON(structured) });
    // The second list item, whole (its paragraph's text), and a word added in the table's body cell "VHS".
    const item = { from: after(state, "Elterncafés") - "Elterncafés".length, to: after(state, "Elterncafés") };
    const withoutItem = propose(structured, ANNA, (s) => s.tr.delete(item.from, item.to));
    const inCell = propose(withoutItem, ANNA, (s) => s.tr.insertText(" und Caritas", after(s, "VHS")));
    expect(validateDoc(inCell).ok).toBe(true);
    expect(listSuggestions(inCell).map((x) => [x.kind, x.author, x.inserted, x.deleted])).toEqual([
      ["delete", ANNA, "", "Elterncafés"],
      ["insert", ANNA, " und Caritas", ""],
    ]);
    expect(text(rejectAll(inCell))).toBe(text(structured));
    expect(listSuggestions(rejectAll(inCell))).toEqual([]);
    expect(text(acceptAll(inCell))).toContain("VHS und Caritas");
    expect(text(acceptAll(inCell))).not.toContain("Elterncafés");
  });

  it("typing next to somebody else's proposal makes a proposal of one's own", () => {
    const one = propose(base, ANNA, (s) => s.tr.insertText(" gezielt", after(s, "Die Stadt")));
    const two = propose(one, BEN, (s) => s.tr.insertText(" und", after(s, " gezielt")));
    const list = listSuggestions(two);
    expect(list.map((x) => [x.author, x.inserted])).toEqual([
      [ANNA, " gezielt"],
      [BEN, " und"],
    ]);
  });

  it("the validator refuses a proposal without author, with a forged id or as a block modification", () => {
    const mark = (attrs: Record<string, unknown>, type = "insertion") => doc({ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type, attrs }] }] });
    expect(validateDoc(mark({ id: "a1", author: ANNA })).ok).toBe(true);
    expect(validateDoc(mark({ id: "a1" }))).toMatchObject({ ok: false, error: expect.stringContaining("Autor") });
    expect(validateDoc(mark({ id: "a b", author: ANNA }))).toMatchObject({ ok: false, error: expect.stringContaining("Kennung") });
    expect(validateDoc(mark({ id: 7, author: ANNA }))).toMatchObject({ ok: false });
    expect(validateDoc(mark({ id: "a1", author: ANNA, at: "gestern" }))).toMatchObject({ ok: false, error: expect.stringContaining("Zeitangabe") });
    expect(validateDoc(mark({ id: "a1", author: ANNA, type: "attr" }, "modification"))).toMatchObject({ ok: false });
  });

  it("text without proposals passes through unchanged", () => {
    expect(rejectAll(base)).toBe(base);
    expect(acceptAll(base)).toBe(base);
    expect(listSuggestions(base)).toEqual([]);
  });
});

describe("readers of a part with open proposals", () => {
  it("the PDF (and DOCX/ODT, built from the same model) prints the text without them; the diff compares without them", async () => {
    const { docOrNull } = await import("@/lib/pdf/model");
    const { diffDocs } = await import("@/lib/versions/diff/richtext");
    const proposed = propose(base, ANNA, (s) => s.tr.insertText(" gezielt", after(s, "Die Stadt")));
    expect(text(docOrNull(proposed)!)).toBe("Die Stadt fördert Sprachkurse.\nZweiter Absatz.");
    expect(diffDocs(base, proposed).changed).toBe(false);
  });
});

describe("the reviewer's guarantee (checkSuggestOnlyChange)", () => {
  it("own proposals pass; a direct edit, a moved or withdrawn foreign proposal do not", async () => {
    const { checkSuggestOnlyChange } = await import("./guard");
    const anna = propose(base, ANNA, (s) => s.tr.insertText(" gezielt", after(s, "Die Stadt")));
    const both = propose(anna, BEN, (s) => s.tr.delete(after(s, "Zweiter"), after(s, "Zweiter Absatz")));
    const split = propose(anna, BEN, (s) => s.tr.split(after(s, "Sprachkurse.")));
    expect(checkSuggestOnlyChange(anna, both, BEN)).toBeNull();
    expect(checkSuggestOnlyChange(anna, split, BEN)).toBeNull();
    expect(checkSuggestOnlyChange(both, anna, BEN)).toBeNull(); // withdrawing one's own
    expect(checkSuggestOnlyChange(anna, doc(p("Die Stadt fördert Deutschkurse."), p("Zweiter Absatz.")), BEN)).toMatch(/Im Vorschlagsmodus/);
    expect(checkSuggestOnlyChange(anna, base, BEN)).toMatch(/anderer Personen/); // Anna's proposal withdrawn by Ben
    expect(checkSuggestOnlyChange(anna, base, ANNA)).toBeNull();
    // Anna's insertion moved elsewhere: the text as it stands is the same, the proposal is not.
    const moved = propose(base, ANNA, (s) => s.tr.insertText(" gezielt", after(s, "Die Stadt fördert")));
    const movedSameMark = JSON.parse(JSON.stringify(moved).replace(listSuggestions(moved)[0]!.id, listSuggestions(anna)[0]!.id).replace(/"at":"[^"]+"/, `"at":"${listSuggestions(anna)[0]!.at}"`));
    expect(rejectAll(movedSameMark)).toEqual(rejectAll(anna));
    expect(checkSuggestOnlyChange(anna, movedSameMark, BEN)).toMatch(/anderer Personen/);
  });
});

describe("peers", () => {
  it("a field's goal holding only a proposal does not count as covered", async () => {
    const { conceptMetrics } = await import("@/lib/peers/metrics");
    const proposedGoal = doc(p({ type: "text", text: "Mehr Kurse.", marks: [{ type: "insertion", attrs: { id: "g1", author: ANNA } }] }));
    const exp = {
      concept: { settings: {} },
      fields: [{ key: "language", custom: false }],
      sections: [{ fieldKey: "language", part: "goal", content: proposedGoal }],
      subGoals: [],
      measures: [],
    } as unknown as Parameters<typeof conceptMetrics>[0];
    expect(conceptMetrics(exp).fields.language).toMatchObject({ covered: false });
  });
});
