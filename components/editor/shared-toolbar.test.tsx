// @vitest-environment happy-dom
/**
 * The concept page's one shared toolbar, rendered with React in happy-dom: it follows
 * the focused part, formats that part only, is one Tab stop with arrow keys, and is
 * reached with Alt+F10 and left with Escape. e2e/keyboard.spec.ts drives the same in Chromium.
 */
import type { Editor } from "@tiptap/core";
import { NextIntlClientProvider } from "next-intl";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { doc, p, table } from "@/lib/editor/build";
import de from "@/messages/de.json";
import { RichTextEditor } from "./rich-text-editor";
import { SharedToolbar, SharedToolbarColumn } from "./shared-toolbar";

// The proposal panel's answer form calls the review page's server actions; their module loads next-auth, which needs a Next server.
vi.mock("@/app/(app)/concepts/[conceptId]/pruefung/actions", () => ({ createThreadAction: vi.fn(), replyAction: vi.fn() }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  document.body.innerHTML = "";
});

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 30)));

const page = ({ withB = true, bEditable = true }: { withB?: boolean; bEditable?: boolean } = {}) => (
  <NextIntlClientProvider locale="de" messages={de}>
    <SharedToolbarColumn>
      <SharedToolbar />
      <div data-part="a">
        <RichTextEditor id="a" label="Anlass und Auftrag" content={doc(p("Erster Teil"))} toolbar="shared" />
      </div>
      {withB ? (
        <div data-part="b">
          <RichTextEditor id="b" label="Ausgangslage – Sprache" content={doc(p("Zweiter Teil"), table(["Kurs"], [["B1"]]))} toolbar="shared" editable={bEditable} />
        </div>
      ) : null}
    </SharedToolbarColumn>
  </NextIntlClientProvider>
);

async function mount() {
  const host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(page()));
  await settle();
  const editor = (id: string) => (document.getElementById(id) as HTMLElement & { editor: Editor }).editor;
  return { host, a: editor("a"), b: editor("b") };
}

const bar = () => document.querySelector('[data-testid="shared-toolbar"]')!;
const formatting = () => bar().querySelector('[role="toolbar"]')!;
const buttons = () => [...formatting().querySelectorAll("button")];
const named = (name: string) => buttons().find((b) => b.querySelector(".visually-hidden")?.textContent === name)!;
// The live controls' code loads on the first focus (a dynamic import vitest transforms on demand, slow on a busy machine): wait for what the bar says.
const barNames = async (label: string) => vi.waitFor(() => expect(formatting().getAttribute("aria-label")).toBe(label), { timeout: 10_000 });
const focusEditor = async (e: Editor, at: "start" | "end" = "end") => {
  await act(async () => void e.commands.focus(at));
  await settle();
  await vi.waitFor(() => expect(formatting().getAttribute("aria-label")).not.toBe("Formatierung: kein Text ausgewählt"), { timeout: 10_000 });
};
const key = async (target: Element, init: KeyboardEventInit) => {
  await act(async () => void target.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init })));
  await settle();
};

describe("the shared toolbar", () => {
  it("is idle before a part is chosen, then shows and formats the focused part only; no part has a toolbar of its own", async () => {
    const { a, b } = await mount();
    expect(document.querySelectorAll('[role="toolbar"]')).toHaveLength(1);
    await barNames("Formatierung: kein Text ausgewählt");
    expect(buttons().every((x) => x.disabled)).toBe(true);
    expect(document.querySelectorAll('[data-part] [role="toolbar"]')).toHaveLength(0);

    await focusEditor(a);
    await barNames("Formatierung: Anlass und Auftrag");
    expect(bar().textContent).toContain("Anlass und Auftrag");
    await act(async () => void a.commands.selectAll());
    await act(async () => named("Fett").click());
    await settle();
    expect(a.getHTML()).toContain("<strong>Erster Teil</strong>");
    expect(named("Fett").getAttribute("aria-pressed")).toBe("true");

    await focusEditor(b, "start");
    await barNames("Formatierung: Ausgangslage – Sprache");
    expect(named("Fett").getAttribute("aria-pressed")).toBe("false");
    await act(async () => named("Kursiv").click());
    await act(async () => void b.commands.insertContent("neu"));
    expect(b.getHTML()).toContain("<em>neu</em>");
    expect(a.getHTML()).not.toContain("<em>");
    expect(document.querySelectorAll('[data-part] [role="toolbar"]')).toHaveLength(0);
  });

  it("goes idle when the part it shows becomes read-only or goes away", async () => {
    const { b } = await mount();
    await focusEditor(b, "start");
    await barNames("Formatierung: Ausgangslage – Sprache");
    await act(async () => root!.render(page({ bEditable: false })));
    await settle();
    await barNames("Formatierung: kein Text ausgewählt");
    expect(buttons().every((x) => x.disabled)).toBe(true);
    await act(async () => root!.render(page({ bEditable: true })));
    await focusEditor(b, "start");
    await barNames("Formatierung: Ausgangslage – Sprache");
    await act(async () => root!.render(page({ withB: false })));
    await settle();
    await barNames("Formatierung: kein Text ausgewählt");
  });

  it("the table controls of the focused part's table appear in the bar", async () => {
    const { b } = await mount();
    await focusEditor(b, "start");
    expect(bar().querySelector('[role="toolbar"][aria-label="Tabelle: Ausgangslage – Sprache"]')).toBeNull();
    let pos = -1;
    b.state.doc.descendants((n, at) => {
      if (pos < 0 && n.isText && n.text === "B1") pos = at + 1;
      return pos < 0;
    });
    await act(async () => void b.commands.setTextSelection(pos));
    await settle();
    expect(bar().querySelector('[role="toolbar"][aria-label="Tabelle: Ausgangslage – Sprache"]')).not.toBeNull();
    expect(named("Tabelle einfügen").disabled).toBe(true);
  });

  it("is one Tab stop: arrow keys, Home and End move between the buttons, Escape returns to the text, Alt+F10 comes back", async () => {
    const { a } = await mount();
    await focusEditor(a);
    expect(buttons().filter((x) => x.tabIndex === 0)).toHaveLength(1);
    expect(buttons()[0]!.tabIndex).toBe(0);

    await key(a.view.dom, { key: "F10", altKey: true });
    expect(document.activeElement).toBe(named("Fett"));
    await key(document.activeElement!, { key: "ArrowRight" });
    expect(document.activeElement).toBe(named("Kursiv"));
    expect(named("Kursiv").tabIndex).toBe(0);
    expect(named("Fett").tabIndex).toBe(-1);
    await key(document.activeElement!, { key: "End" });
    expect(document.activeElement).toBe(named("Tabelle einfügen"));
    await key(document.activeElement!, { key: "ArrowRight" });
    expect(document.activeElement).toBe(named("Fett"));
    await key(document.activeElement!, { key: "ArrowLeft" });
    await key(document.activeElement!, { key: "Home" });
    expect(document.activeElement).toBe(named("Fett"));
    await key(document.activeElement!, { key: "ArrowRight" });

    await key(document.activeElement!, { key: "Escape" });
    expect(a.isFocused).toBe(true);
    // The toolbar remembers where the user was.
    await key(a.view.dom, { key: "F10", altKey: true });
    expect(document.activeElement).toBe(named("Kursiv"));
  });
});
