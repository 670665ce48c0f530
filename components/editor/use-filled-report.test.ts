import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { hasText } from "./has-text";

function paragraphs(doc: Y.Doc, texts: string[]) {
  const fragment = doc.getXmlFragment("default");
  const nodes = texts.map((t) => {
    const p = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    if (t) text.insert(0, t);
    p.insert(0, [text]);
    return p;
  });
  fragment.insert(fragment.length, nodes);
  return nodes;
}

describe("hasText (the outline's leer / begonnen of a live part)", () => {
  it("is false for an empty document and for empty paragraphs", () => {
    const doc = new Y.Doc();
    expect(hasText(doc)).toBe(false);
    paragraphs(doc, ["", "", ""]);
    expect(hasText(doc)).toBe(false);
  });

  it("is true from the first character, also deep in a table or after many empty paragraphs", () => {
    const doc = new Y.Doc();
    paragraphs(doc, Array.from({ length: 200 }, () => ""));
    const table = new Y.XmlElement("table");
    const row = new Y.XmlElement("tableRow");
    const cell = new Y.XmlElement("tableCell");
    const p = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    p.insert(0, [text]);
    cell.insert(0, [p]);
    row.insert(0, [cell]);
    table.insert(0, [row]);
    doc.getXmlFragment("default").insert(200, [table]);
    expect(hasText(doc)).toBe(false);
    text.insert(0, "A");
    expect(hasText(doc)).toBe(true);
  });

  it("is false again when the text is deleted", () => {
    const doc = new Y.Doc();
    const [p] = paragraphs(doc, ["Der Rat hat die Verwaltung am 4. März 2025 dazu beauftragt."]);
    expect(hasText(doc)).toBe(true);
    const text = p!.get(0) as Y.XmlText;
    text.delete(0, text.length);
    expect(hasText(doc)).toBe(false);
  });
});
