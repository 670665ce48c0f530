import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { docFromState, jsonFromState, stateFromJson, updateToJson } from "./ydoc";

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
