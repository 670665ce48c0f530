// @vitest-environment happy-dom
import { Editor, type JSONContent } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { doc, p } from "@/lib/editor/build";
import { listSuggestions } from "@/lib/suggestions/list";
import { checkSuggestOnlyChange } from "@/lib/suggestions/guard";
import { buildExtensions } from "@/lib/editor/extensions";
import { SuggestMode } from "./extensions/suggest-mode";

const ME = "33333333-3333-4333-8333-333333333333";
let editor: Editor | null = null;
afterEach(() => editor?.destroy());

function open(options: { locked?: boolean; on?: boolean }, content: JSONContent = doc(p("Die Stadt fördert Sprachkurse."))) {
  editor = new Editor({ extensions: [...buildExtensions(), SuggestMode.configure({ author: ME, locked: false, on: false, ...options })], content });
  return editor;
}

describe("suggest mode in the editor", () => {
  it("a reviewer's (locked) editor turns typing and deleting into own proposals the server accepts", () => {
    const e = open({ locked: true });
    const before = e.getJSON();
    e.chain().setTextSelection(10).insertContent(" gezielt").run();
    e.chain().setTextSelection({ from: 19, to: 27 }).deleteSelection().run();
    const after = e.getJSON();
    expect(listSuggestions(after).map((s) => [s.kind, s.author])).toEqual([
      ["insert", ME],
      ["delete", ME],
    ]);
    expect(e.getText()).toContain("fördert"); // deleted text stays, marked
    expect(checkSuggestOnlyChange(before, after, ME)).toBeNull();
    expect(e.commands.toggleSuggestMode()).toBe(false); // cannot be switched off
  });

  it("an editor switches it on and off; off, edits are ordinary", () => {
    const e = open({});
    e.chain().setTextSelection(10).insertContent(" direkt").run();
    expect(listSuggestions(e.getJSON())).toEqual([]);
    expect(e.commands.toggleSuggestMode()).toBe(true);
    e.chain().setTextSelection(1).insertContent("Auch ").run();
    expect(listSuggestions(e.getJSON()).map((s) => s.inserted)).toEqual(["Auch "]);
    expect(e.commands.toggleSuggestMode()).toBe(true);
    e.chain().setTextSelection(1).insertContent("X").run();
    expect(listSuggestions(e.getJSON())).toHaveLength(1);
  });

  it("a change proposals cannot express (a paragraph's alignment) is not made, and nothing breaks", () => {
    const e = open({ locked: true });
    const before = e.getJSON();
    expect(() => e.chain().setTextSelection(3).setTextAlign("center").run()).not.toThrow();
    expect(e.getJSON()).toEqual(before);
    e.chain().setTextSelection(10).insertContent(" weiter").run();
    expect(listSuggestions(e.getJSON()).map((s) => s.inserted)).toEqual([" weiter"]);
  });

  it("renders proposals with classes, no style attribute (CSP)", () => {
    const e = open({ locked: true });
    e.chain().setTextSelection(10).insertContent(" neu").run();
    expect(e.getHTML()).toMatch(/<ins data-suggestion="[^"]+" data-author="[^"]+" data-at="[^"]+" class="suggestion suggestion-ins">/);
    expect(e.getHTML()).not.toContain("style=");
  });
});
