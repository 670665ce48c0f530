import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { validateDoc } from "@/lib/editor/validate";
import { checkFragment, docFromState, jsonFromDoc, jsonFromState, stateFromJson, updateToJson } from "./ydoc";

const para = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const doc = (...texts: string[]) => ({ type: "doc", content: texts.map(para) });

describe("a part's JSON and its Yjs document", () => {
  it("come back the same, with marks, lists and tables", () => {
    const json = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Ziele" }] },
        { type: "paragraph", content: [{ type: "text", text: "fett", marks: [{ type: "bold" }] }, { type: "text", text: " und Straße „Ä“" }] },
        { type: "bulletList", content: [{ type: "listItem", content: [para("eins")] }] },
      ],
    };
    expect(jsonFromState(stateFromJson(json))).toEqual(json);
  });

  it("come back the same with alignment, and without it where it is left", () => {
    const cell = (textAlign: string | null) => ({ type: "tableCell", attrs: { colspan: 1, rowspan: 1, colwidth: null, ...(textAlign ? { textAlign } : {}) }, content: [para("x")] });
    const json = {
      type: "doc",
      content: [
        { type: "heading", attrs: { textAlign: "center", level: 3 }, content: [{ type: "text", text: "Ziele" }] },
        { ...para("rechts"), attrs: { textAlign: "right" } },
        { ...para("Blocksatz"), attrs: { textAlign: "justify" } },
        para("links"),
        { type: "table", content: [{ type: "tableRow", content: [cell("center"), cell(null)] }] },
      ],
    };
    expect(jsonFromState(stateFromJson(json))).toEqual(json);
  });

  it("a client's alignment that is not one of the four reaches the validator, which refuses it", () => {
    const client = docFromState(stateFromJson(doc("Absatz")));
    (client.getXmlFragment("default").get(0) as Y.XmlElement).setAttribute("textAlign", "sideways");
    expect(checkFragment(client)).toBeNull();
    const result = validateDoc(jsonFromDoc(client));
    expect(result.ok ? null : result.error).toMatch(/nicht erlaubte Ausrichtung \(„sideways“\)/);
  });

  it("an empty state reads as one empty paragraph", () => {
    expect(jsonFromState(new Y.Doc() && Y.encodeStateAsUpdate(new Y.Doc()))).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });

  it("a server-side replacement merges with concurrent typing instead of overwriting it", () => {
    const base = stateFromJson(doc("Erster Absatz.", "Zweiter Absatz."));
    // A client types at the end of the second paragraph …
    const client = docFromState(base);
    const before = Y.encodeStateVector(client);
    const text = client.getXmlFragment("default").get(1) as Y.XmlElement;
    (text.get(0) as Y.XmlText).insert("Zweiter Absatz.".length, " Neu");
    const typed = Y.encodeStateAsUpdate(client, before);
    // … while the server replaces the first paragraph (e.g. the PUT API).
    const replace = updateToJson(base, doc("Geänderter erster Absatz.", "Zweiter Absatz."))!;
    expect(replace).not.toBeNull();
    expect(jsonFromState([base, replace, typed])).toEqual(doc("Geänderter erster Absatz.", "Zweiter Absatz. Neu"));
  });

  it("no update when the JSON is already the document's", () => {
    const base = stateFromJson(doc("Gleich."));
    expect(updateToJson(base, doc("Gleich."))).toBeNull();
  });
});

/** `levels` quotes inside each other, built element by element (integrated inserts, no recursion). */
function nestedQuotes(levels: number) {
  const d = new Y.Doc();
  const fragment = d.getXmlFragment("default");
  d.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = fragment;
    for (let i = 0; i < levels; i++) {
      const quote = new Y.XmlElement("blockquote");
      parent.insert(0, [quote]);
      parent = quote;
    }
    const paragraph = new Y.XmlElement("paragraph");
    parent.insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, "unten");
  });
  return d;
}

describe("checkFragment, the walk before any conversion", () => {
  const quotes = (n: number) => ({ type: "doc", content: [Array.from({ length: n }).reduce<object>((inner) => ({ type: "blockquote", content: [inner] }), para("unten"))] });

  it("lets the editor's own documents through, up to 12 levels", () => {
    expect(checkFragment(docFromState(stateFromJson(doc("Eins.", "Zwei."))))).toBeNull();
    expect(checkFragment(docFromState(stateFromJson(quotes(12))))).toBeNull();
    expect(checkFragment(nestedQuotes(12))).toBeNull();
  });

  it("refuses 13 levels, and 100,000 without overflowing the stack, in German", () => {
    expect(checkFragment(nestedQuotes(13))).toMatch(/^Der Text ist zu tief verschachtelt \(höchstens 12 Ebenen/);
    const started = Date.now();
    expect(checkFragment(nestedQuotes(100_000))).toMatch(/zu tief verschachtelt/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("refuses Yjs data outside the part's fragment and Yjs types inside it", () => {
    const extra = docFromState(stateFromJson(doc("Text.")));
    extra.getMap("versteckt").set("x", 1);
    expect(checkFragment(extra)).toMatch(/nicht kennt/);
    // … unless the live document already had that root (a part stored before the check stays usable)
    expect(checkFragment(extra, extra)).toBeNull();

    const embedded = docFromState(stateFromJson(doc("Text.")));
    const text = (embedded.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insertEmbed(0, new Y.Map());
    expect(checkFragment(embedded)).toMatch(/nicht kennt/);

    const attribute = docFromState(stateFromJson(doc("Text.")));
    (attribute.getXmlFragment("default").get(0) as Y.XmlElement).setAttribute("level", new Y.Map() as never);
    expect(checkFragment(attribute)).toMatch(/nicht kennt/);
  });

  it("refuses more text than a part may hold before converting it", () => {
    const long = docFromState(stateFromJson(doc("Text.")));
    ((long.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "x".repeat(600 * 1024));
    expect(checkFragment(long)).toMatch(/^Der Text ist zu lang/);
  });
});
