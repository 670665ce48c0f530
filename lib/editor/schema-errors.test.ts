import { describe, expect, it } from "vitest";
import { doc, p } from "./build";
import { validateDoc } from "./validate";

/** What the user reads when a document does not fit the editor: German, naming the part, no ProseMirror English. */
describe("schema errors reach the user in German", () => {
  it.each([
    ["an unknown node", { type: "doc", content: [{ type: "script", content: [] }] }, "einen Baustein „script“, den der Editor nicht kennt"],
    ["a node named like an object property (found by the fuzz test, seed 7)", { type: "doc", content: [{ type: "__proto__" }] }, "einen Baustein „__proto__“, den der Editor nicht kennt"],
    ["an unknown mark", doc(p({ type: "text", text: "x", marks: [{ type: "highlight" }] })), "eine Formatierung „highlight“, die der Editor nicht kennt"],
    ["an empty text node", doc(p({ type: "text", text: "" })), "einen leeren Textbaustein"],
    ["text directly in the document", { type: "doc", content: [{ type: "text", text: "x" }] }, "einen falsch aufgebauten Baustein (Dokument)"],
    ["a paragraph inside a paragraph", doc({ type: "paragraph", content: [{ type: "paragraph" }] }), "einen falsch aufgebauten Baustein (Absatz)"],
  ])("%s", (_name, input, expected) => {
    const result = validateDoc(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe(`Der Text enthält ${expected}. Bitte den Text im Editor prüfen.`);
    expect(result.error).not.toMatch(/\b(node|mark|type|Invalid|Unknown|allowed|schema)\b/);
  });
});
