// @vitest-environment happy-dom
/**
 * The editor's table controls, link dialog and writing hint, rendered with React in
 * happy-dom: the wiring of buttons, dialog and commands. e2e/editing.spec.ts drives
 * the same in Chromium, with the keyboard.
 */
import type { Editor, JSONContent } from "@tiptap/core";
import { NextIntlClientProvider } from "next-intl";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { doc, link, p, table } from "@/lib/editor/build";
import de from "@/messages/de.json";
import { RichTextEditor } from "./rich-text-editor";

// The proposal panel's answer form calls the review page's server actions; their module loads next-auth, which needs a Next server.
vi.mock("@/app/(app)/concepts/[conceptId]/pruefung/actions", () => ({ createThreadAction: vi.fn(), replyAction: vi.fn() }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  document.body.innerHTML = "";
});

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 30)));

async function mount(content: JSONContent) {
  const host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root!.render(
      <NextIntlClientProvider locale="de" messages={de}>
        <RichTextEditor id="teil" label="Teil" content={content} placeholder="Wozu dieser Teil da ist." />
      </NextIntlClientProvider>,
    );
  });
  await settle();
  const dom = host.querySelector(".ProseMirror") as HTMLElement & { editor: Editor };
  return { host, editor: dom.editor };
}

/** The cursor into the first text containing `needle`. */
async function cursorAt(editor: Editor, needle: string) {
  let pos = -1;
  editor.state.doc.descendants((node, offset) => {
    if (pos < 0 && node.isText && node.text!.includes(needle)) pos = offset + node.text!.indexOf(needle) + 1;
    return pos < 0;
  });
  await act(async () => void editor.commands.setTextSelection(pos));
}

const button = (name: string) => {
  const found = [...document.querySelectorAll("button")].find((b) => b.querySelector(".visually-hidden")?.textContent === name || b.textContent === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
const click = async (name: string) => {
  await act(async () => button(name).click());
  await settle();
};
const type = async (input: HTMLInputElement, value: string) => {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
};
const rows = (editor: Editor): JSONContent[] => (editor.getJSON() as JSONContent).content!.find((n) => n.type === "table")?.content ?? [];

describe("editor controls", () => {
  it("table controls appear in a table only, add a row, switch the header row and delete the table after confirming", async () => {
    const { editor } = await mount(doc(p("davor"), table(["Maßnahme", "Kosten"], [["Sprachcafé", "2.000 €"]])));
    expect(document.querySelector('[role="toolbar"][aria-label="Tabelle: Teil"]')).toBeNull();
    await cursorAt(editor, "Sprachcafé");
    expect(document.querySelector('[role="toolbar"][aria-label="Tabelle: Teil"]')).not.toBeNull();
    expect(button("Tabelle einfügen").disabled).toBe(true);

    await click("Zeile darunter einfügen");
    expect(rows(editor)).toHaveLength(3);
    expect(button("Kopfzeile").getAttribute("aria-pressed")).toBe("true");
    await click("Kopfzeile");
    expect(rows(editor)[0]!.content!.map((c) => c.type)).toEqual(["tableCell", "tableCell"]);
    expect(button("Kopfzeile").getAttribute("aria-pressed")).toBe("false");

    await click("Tabelle löschen");
    expect(document.querySelector('[role="group"]')?.textContent).toContain("Die ganze Tabelle mit ihrem Inhalt löschen?");
    expect(rows(editor)).toHaveLength(3);
    await click("Abbrechen");
    expect(rows(editor)).toHaveLength(3);
    await click("Tabelle löschen");
    await click("Ja, Tabelle löschen");
    expect(editor.getJSON().content!.some((n) => n.type === "table")).toBe(false);
    expect(document.querySelector('[role="toolbar"][aria-label="Tabelle: Teil"]')).toBeNull();
  });

  it("the link dialog refuses an address the server refuses, then links the text", async () => {
    const { editor } = await mount(doc(p("Siehe .")));
    await act(async () => void editor.commands.setTextSelection(7));
    await click("Link einfügen");
    const dialog = document.querySelector("dialog")!;
    expect(dialog.open).toBe(true);
    const [text, address] = [...dialog.querySelectorAll("input")];
    await type(text!, "Ratsbeschluss");
    await type(address!, "javascript:alert(1)");
    await click("Übernehmen");
    expect(dialog.textContent).toContain("Dieser Link ist nicht erlaubt");
    expect(address!.getAttribute("aria-invalid")).toBe("true");
    await type(address!, "www.musterstadt.de/rat");
    await click("Übernehmen");
    expect(document.querySelector("dialog")).toBeNull();
    expect(editor.getJSON()).toMatchObject(doc(p("Siehe ", link("Ratsbeschluss", "https://www.musterstadt.de/rat"), ".")));
  });

  it("an existing link opens pre-filled and can be removed", async () => {
    const { editor } = await mount(doc(p("Siehe ", link("Beschluss", "https://www.musterstadt.de/"), ".")));
    await cursorAt(editor, "Beschluss");
    await click("Link bearbeiten");
    const [text, address] = [...document.querySelectorAll("dialog input")] as HTMLInputElement[];
    expect([text!.value, address!.value]).toEqual(["Beschluss", "https://www.musterstadt.de/"]);
    await click("Link entfernen");
    expect(editor.getJSON()).toEqual(doc({ type: "paragraph", attrs: { textAlign: null }, content: [{ type: "text", text: "Siehe Beschluss." }] }));
  });

  it("an empty text shows the writing hint as a data attribute, for the stylesheet", async () => {
    const { host } = await mount(doc(p()));
    const empty = host.querySelector("p.is-editor-empty");
    expect(empty?.getAttribute("data-placeholder")).toBe("Wozu dieser Teil da ist.");
    expect(host.querySelector("[style]")).toBeNull();
  });
});
