// @vitest-environment happy-dom
/**
 * The disclosure of the concept page's head ("Weitere Aktionen", "Exportieren"),
 * rendered with React in happy-dom: open and close by button, Escape returns the
 * focus, a menu closes when the focus leaves it or a link is chosen, a panel
 * stays open and mounted. e2e/notices.spec.ts drives the same in Chromium.
 */
import { act, createElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { Disclosure } from "./disclosure";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  document.body.innerHTML = "";
});

async function mount(kind: "menu" | "panel") {
  const host = document.createElement("div");
  document.body.append(host);
  const outside = document.createElement("button");
  outside.textContent = "Danach";
  document.body.append(outside);
  root = createRoot(host);
  await act(async () =>
    root!.render(
      createElement(Disclosure, {
        label: "Weitere Aktionen",
        kind,
        children: createElement(
          "ul",
          null,
          createElement("li", null, createElement("a", { href: "#konzept-check" }, "Konzept-Check")),
          createElement("li", null, createElement("a", { href: "#b" }, "Vergleich")),
        ),
      }),
    ),
  );
  const button = host.querySelector("button")!;
  const content = host.querySelector<HTMLElement>(".disclosure-content")!;
  return { button, content, outside, links: [...host.querySelectorAll("a")] };
}

const click = (el: HTMLElement) => act(async () => el.click());
const key = (el: HTMLElement, k: string) => act(async () => void el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true })));

describe("Disclosure", () => {
  it("starts closed, the button says so and names what it controls", async () => {
    const { button, content } = await mount("menu");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(button.getAttribute("aria-controls")).toBe(content.id);
    expect(content.hidden).toBe(true);
  });

  it("the button opens and closes it; Escape inside closes it and puts the focus back on the button", async () => {
    const { button, content, links } = await mount("menu");
    await click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(content.hidden).toBe(false);
    links[1]!.focus();
    await key(links[1]!, "Escape");
    expect(content.hidden).toBe(true);
    expect(document.activeElement).toBe(button);
    await click(button);
    await click(button);
    expect(content.hidden).toBe(true);
  });

  it("a menu closes when a link is chosen or the focus goes elsewhere, not when it moves between its links", async () => {
    const { button, content, links, outside } = await mount("menu");
    await click(button);
    await click(links[0]!);
    expect(content.hidden).toBe(true);
    await click(button);
    await act(async () => links[0]!.focus());
    await act(async () => links[1]!.focus());
    expect(content.hidden).toBe(false);
    await act(async () => outside.focus());
    expect(content.hidden).toBe(true);
  });

  it("a panel stays open when the focus goes elsewhere, and its content stays mounted while closed", async () => {
    const { button, content, links, outside } = await mount("panel");
    await click(button);
    await act(async () => links[0]!.focus());
    await act(async () => outside.focus());
    expect(content.hidden).toBe(false);
    await click(button);
    expect(content.hidden).toBe(true);
    expect(content.querySelectorAll("a")).toHaveLength(2);
  });
});
