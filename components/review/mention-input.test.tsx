// @vitest-environment happy-dom
/**
 * The @ member picker rendered with React in happy-dom, driven by keyboard
 * events as a person would: the combobox attributes, arrow keys, Enter,
 * Escape, and the note about a mention that matches nobody.
 * e2e/rounds-in-place.spec.ts drives the same in Chromium.
 */
import { NextIntlClientProvider } from "next-intl";
import { act, useState } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import { MentionInput } from "./mention-input";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const members = [
  { id: "1", name: "Elif Yıldız" },
  { id: "2", name: "Jonas Brandt" },
  { id: "3", name: "Miriam Keller" },
];

let root: Root | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  document.body.innerHTML = "";
});

function Field() {
  const [value, setValue] = useState("");
  return <MentionInput members={members} id="body" aria-label="Kommentar" value={value} onValueChange={setValue} />;
}

async function mount() {
  const host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root!.render(
      <NextIntlClientProvider locale="de" messages={de}>
        <Field />
      </NextIntlClientProvider>,
    );
  });
  return { host, field: host.querySelector("textarea")! };
}

/** Type text at the end, as the browser would: set the value and the caret, then the input event React listens to. */
async function type(field: HTMLTextAreaElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
  await act(async () => {
    setter.call(field, field.value + text);
    field.setSelectionRange(field.value.length, field.value.length);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });
}
async function press(field: HTMLTextAreaElement, key: string) {
  await act(async () => {
    field.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
  });
}
const options = (host: HTMLElement) => [...host.querySelectorAll('[role="option"]')].map((o) => o.textContent);

describe("MentionInput", () => {
  it("opens a listbox on @, finds Yıldız from 'Yildiz' and takes the name with Enter", async () => {
    const { host, field } = await mount();
    expect(host.querySelector('[role="listbox"]')).toBeNull();
    expect(field.getAttribute("aria-autocomplete")).toBe("list");
    await type(field, "Bitte @Yildiz");
    const list = host.querySelector('[role="listbox"]')!;
    expect(list.getAttribute("aria-label")).toBe("Mitglieder");
    expect(options(host)).toEqual(["Elif Yıldız"]);
    expect(field.getAttribute("aria-controls")).toBe(list.id);
    expect(field.getAttribute("aria-activedescendant")).toBe(host.querySelector('[role="option"]')!.id);
    // The name being typed is not called unknown while the list is open.
    expect(host.querySelector('[data-testid="mention-unknown"]')!.textContent).toBe("");
    await press(field, "Enter");
    expect(field.value).toBe("Bitte @Elif Yıldız ");
    expect(host.querySelector('[role="listbox"]')).toBeNull();
    // Typing on after the chosen name does not open the list again.
    await type(field, "und");
    expect(host.querySelector('[role="listbox"]')).toBeNull();
  });

  it("moves with the arrow keys (wrapping), and Escape closes the list keeping the text", async () => {
    const { host, field } = await mount();
    await type(field, "@");
    expect(options(host)).toEqual(["Elif Yıldız", "Jonas Brandt", "Miriam Keller"]);
    const selected = () => host.querySelector('[aria-selected="true"]')!.textContent;
    expect(selected()).toBe("Elif Yıldız");
    await press(field, "ArrowDown");
    await press(field, "ArrowDown");
    expect(selected()).toBe("Miriam Keller");
    await press(field, "ArrowDown");
    expect(selected()).toBe("Elif Yıldız");
    await press(field, "ArrowUp");
    expect(selected()).toBe("Miriam Keller");
    expect(field.getAttribute("aria-activedescendant")).toBe(host.querySelector('[aria-selected="true"]')!.id);
    await press(field, "Escape");
    expect(host.querySelector('[role="listbox"]')).toBeNull();
    expect(field.value).toBe("@");
    expect(field.getAttribute("aria-activedescendant")).toBeNull();
  });

  it("says which @name matches no member before sending", async () => {
    const { host, field } = await mount();
    await type(field, "@Hans");
    expect(host.textContent).toContain("Kein Mitglied passt zu „Hans“.");
    await press(field, "Escape");
    await type(field, ", bitte prüfen.");
    // The note needs the link finder, a module loaded on the first "@" (useLinkFinder): on a busy machine it can
    // come a moment after the keys, as in the browser.
    await expect
      .poll(async () => {
        await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
        return host.querySelector('[data-testid="mention-unknown"]')!.textContent;
      })
      .toBe("@Hans ist kein Mitglied dieses Konzepts und wird nicht benachrichtigt.");
  });
});
