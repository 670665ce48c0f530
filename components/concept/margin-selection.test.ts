// @vitest-environment happy-dom
/**
 * The margin's selection and passage finding on the page's own HTML of a part:
 * the offsets the browser sends are the ones the server's anchor text has, so
 * the comment anchors where it was selected (not on an earlier occurrence, not
 * shifted by a colleague's caret label), and a thread finds its passage again.
 */
import { afterEach, describe, expect, it } from "vitest";
import { bold, doc, link, p, ul } from "@/lib/editor/build";
import { renderHtml } from "@/lib/editor/render";
import { anchorText, makeAnchor } from "@/lib/review/anchor";
import { passageRange, pick } from "./margin-selection";

const content = doc(p("Sprachkurse gibt es. Die Stadt fördert ", bold("Sprachkurse"), " für alle."), ul("Kita", ["Schule und ", link("Ausbildung", "https://example.org")]), p("Ende."));
const SECTION = "6f1c9a2e-1b1d-4c59-9a57-3f0e1d2c4b5a";

function mount(live = false) {
  document.body.innerHTML = `<div data-margin-part="${SECTION}" data-margin-label="Anlass und Auftrag"><p class="save-status">Gespeichert</p><div class="${live ? "ProseMirror" : "rich-static"}">${renderHtml(content)}</div></div>`;
  return document.querySelector<HTMLElement>(live ? ".ProseMirror" : ".rich-static")!;
}

/** Select the n-th occurrence (0-based) of `text` in root's text nodes, as a user would. */
function select(root: HTMLElement, text: string, nth = 0) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    for (let at = t.data.indexOf(text); at >= 0; at = t.data.indexOf(text, at + 1)) {
      if (seen++ < nth) continue;
      const range = document.createRange();
      range.setStart(t, at);
      range.setEnd(t, at + text.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
  }
  throw new Error(`${text} #${nth} not found`);
}

afterEach(() => {
  document.getSelection()?.removeAllRanges();
  document.body.innerHTML = "";
});

describe("margin selection", () => {
  it("sends the offsets of the occurrence that was selected, as the server's anchor text counts them", () => {
    const root = mount();
    select(root, "Sprachkurse", 1);
    const picked = pick()!;
    expect(picked.sectionId).toBe(SECTION);
    expect(picked.label).toBe("Anlass und Auftrag");
    const text = anchorText(content);
    const anchor = makeAnchor(text, picked.selection.start, picked.selection.end)!;
    expect(anchor.quote).toBe("Sprachkurse");
    expect(anchor.prefix.endsWith("Die Stadt fördert ")).toBe(true);
    expect(picked.selection.quote).toBe("Sprachkurse");
  });

  it("counts a selection over several blocks and marks like the server, and skips a colleague's caret label", () => {
    const root = mount(true);
    // A colleague's caret (a ProseMirror widget) sits before the list.
    const caret = document.createElement("span");
    caret.className = "ProseMirror-widget";
    caret.contentEditable = "false";
    caret.textContent = "Jonas Brandt";
    root.querySelector("ul")!.before(caret);
    const first = [...root.querySelectorAll("li")].at(-1)!;
    const range = document.createRange();
    range.setStart(root.querySelector("strong")!.firstChild!, 0);
    range.setEnd(first.querySelector("a")!.firstChild!, "Ausbildung".length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    const picked = pick()!;
    const text = anchorText(content);
    expect(text.slice(picked.selection.start, picked.selection.end)).toBe("Sprachkurse für alle.KitaSchule und Ausbildung");
    expect(picked.selection.quote).toBe("Sprachkurse für alle.KitaSchule und Ausbildung");
  });

  it("offers nothing for an empty selection or one outside a part's text", () => {
    mount();
    const status = document.querySelector(".save-status")!;
    const range = document.createRange();
    range.selectNodeContents(status);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(pick()).toBeNull();
    document.getSelection()!.collapseToStart();
    expect(pick()).toBeNull();
  });

  it("finds a thread's passage at its offsets, or the nearest occurrence when the text moved", () => {
    const root = mount();
    const text = anchorText(content);
    const second = text.indexOf("Sprachkurse", 1);
    const card = document.createElement("div");
    card.dataset.quote = "Sprachkurse";
    card.dataset.start = String(second);
    card.dataset.end = String(second + "Sprachkurse".length);
    root.closest("[data-margin-part]")!.append(card);
    const at = passageRange(card)!;
    expect(at.toString()).toBe("Sprachkurse");
    expect(at.startContainer.parentElement!.tagName).toBe("STRONG");
    // Offsets from an older text (five characters were inserted before): the quote is found near them.
    card.dataset.start = String(second - 5);
    card.dataset.end = String(second - 5 + "Sprachkurse".length);
    expect(passageRange(card)!.startContainer.parentElement!.tagName).toBe("STRONG");
    card.dataset.quote = "gestrichen";
    expect(passageRange(card)).toBeNull();
  });
});
