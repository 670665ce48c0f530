// @vitest-environment happy-dom
/**
 * The suggest-mode controls beside a part's live editor, rendered with React in
 * happy-dom: a reviewer's "Vorschlagsmodus" label, an editor's "Vorschlagen"
 * toggle and the part's open proposals with "Annehmen" / "Ablehnen".
 */
import type { Editor } from "@tiptap/core";
import { NextIntlClientProvider } from "next-intl";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { doc, p } from "@/lib/editor/build";
import { stateFromJson } from "@/lib/realtime/ydoc";
import de from "@/messages/de.json";
import { RichTextEditor } from "./rich-text-editor";

// The proposal panel's answer form calls the review page's server actions; their module loads next-auth, which needs a Next server.
vi.mock("@/app/(app)/concepts/[conceptId]/pruefung/actions", () => ({ createThreadAction: vi.fn(), replyAction: vi.fn() }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ME = "44444444-4444-4444-8444-444444444444";
const OTHER = "55555555-5555-4555-8555-555555555555";
let root: Root | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  document.body.innerHTML = "";
});
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 30)));

async function mount(locked: boolean, canDecide: boolean) {
  // The list asks the server for the names of other authors: here the API knows the other author.
  globalThis.fetch = async () => new Response(JSON.stringify({ open: [{ author: { id: OTHER, name: "Petra Prüfer" } }] }), { headers: { "content-type": "application/json" } });
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, stateFromJson(doc(p("Die Stadt", { type: "text", text: " gezielt", marks: [{ type: "insertion", attrs: { id: "v1", author: OTHER } }] }, " fördert."))));
  const host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root!.render(
      <NextIntlClientProvider locale="de" messages={de}>
        <RichTextEditor id="teil" label="Teil" content={{ type: "doc" }} collaboration={{ doc: ydoc, awareness: null }} suggest={{ author: ME, locked, canDecide, conceptId: "c" }} />
      </NextIntlClientProvider>,
    );
  });
  await settle();
  return { host, editor: (host.querySelector(".ProseMirror") as HTMLElement & { editor: Editor }).editor };
}

describe("suggest mode beside the editor", () => {
  it("a reviewer sees the Vorschlagsmodus label and the open proposal without decision buttons; typing proposes", async () => {
    const { host, editor } = await mount(true, false);
    expect(host.querySelector("[data-testid=suggest-mode-label]")?.textContent).toContain("Vorschlagsmodus");
    expect(host.querySelector("[data-testid=suggestion-list] h4")?.textContent).toBe("1 offener Änderungsvorschlag");
    expect(host.textContent).not.toContain("Annehmen");
    await act(async () => void editor.chain().setTextSelection(1).insertContent("Auch ").run());
    await settle();
    expect(host.querySelector("[data-testid=suggestion-list] h4")?.textContent).toBe("2 offene Änderungsvorschläge");
    const items = [...host.querySelectorAll("[data-testid=suggestion-list] li")].map((li) => li.textContent);
    expect(items[0]).toContain("Sie");
    expect(items[1]).toContain("Petra Prüfer");
  });

  it("an editor switches Vorschlagen on and off and gets Annehmen / Ablehnen per proposal", async () => {
    const { host } = await mount(false, true);
    const toggle = host.querySelector("[data-testid=suggest-mode-toggle]") as HTMLButtonElement;
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    await act(async () => toggle.click());
    await settle();
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    const buttons = [...host.querySelectorAll("[data-testid=suggestion-list] button")].map((b) => b.textContent);
    expect(buttons).toEqual(["Annehmen", "Ablehnen"]);
  });
});
