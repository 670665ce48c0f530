// @vitest-environment happy-dom
/**
 * The small-screen menu and the scrolling box, rendered with React in happy-dom:
 * their states and keyboard behaviour. Whether the menu button shows at a width
 * is CSS (app/globals.css), checked in Chromium by e2e/screen-sizes.spec.ts.
 */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { ScrollBox } from "./scroll-box";
import { SmallScreenMenu } from "./small-screen-menu";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  document.body.innerHTML = "";
});

async function render(node: React.ReactNode) {
  const host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(node));
  return host;
}

describe("SmallScreenMenu", () => {
  it("is a disclosure: the button says whether the panel is open and names the panel it controls", async () => {
    const host = await render(
      <SmallScreenMenu label="Menü" className="shell-menu">
        <a href="#kapitel-funding">Finanzierung</a>
      </SmallScreenMenu>,
    );
    const wrapper = host.querySelector(".small-screen-menu") as HTMLElement;
    const button = host.querySelector("button")!;
    expect(button.textContent).toBe("Menü");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(wrapper.dataset.open).toBe("false");
    const panel = document.getElementById(button.getAttribute("aria-controls")!)!;
    expect(panel.textContent).toBe("Finanzierung");

    await act(async () => button.click());
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(wrapper.dataset.open).toBe("true");
    await act(async () => button.click());
    expect(button.getAttribute("aria-expanded")).toBe("false");
  });

  it("closes on Escape with focus back on the button, and when a link inside is followed", async () => {
    const host = await render(
      <SmallScreenMenu label="Gliederung">
        <a href="#kapitel-funding">Finanzierung</a>
        <span>kein Link</span>
      </SmallScreenMenu>,
    );
    const button = host.querySelector("button")!;
    const link = host.querySelector("a")!;
    await act(async () => button.click());
    link.focus();
    await act(async () => link.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true })));
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(button);

    await act(async () => button.click());
    await act(async () => host.querySelector("span:not(.small-screen-menu-panel)")!.dispatchEvent(new MouseEvent("click", { bubbles: true })));
    expect(button.getAttribute("aria-expanded"), "a click beside the links keeps it open").toBe("true");
    await act(async () => link.click());
    expect(button.getAttribute("aria-expanded")).toBe("false");
  });
});

describe("ScrollBox", () => {
  it("is a labelled region in the Tab order only while its content is wider than it", async () => {
    const host = await render(
      <ScrollBox label="Mitglieder von Musterstadt">
        <table>
          <tbody>
            <tr>
              <td>breit</td>
            </tr>
          </tbody>
        </table>
      </ScrollBox>,
    );
    const box = host.querySelector(".scroll-box") as HTMLElement;
    // happy-dom lays nothing out: both widths are 0, so the content fits.
    expect(box.getAttribute("role")).toBeNull();
    expect(box.hasAttribute("tabindex")).toBe(false);
    expect(box.dataset.scrolls).toBe("false");
  });

  it("becomes focusable with its label when the content overflows", async () => {
    // A layout happy-dom does not compute, stated for the test: 900 px of content in a 390 px box.
    const restore: (() => void)[] = [];
    for (const [name, value] of [["scrollWidth", 900], ["clientWidth", 390]] as const) {
      let owner: object | null = HTMLElement.prototype;
      while (owner && !Object.getOwnPropertyDescriptor(owner, name)) owner = Object.getPrototypeOf(owner);
      const original = owner ? Object.getOwnPropertyDescriptor(owner, name) : undefined;
      Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
      restore.push(() => {
        delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
        if (original && owner === HTMLElement.prototype) Object.defineProperty(HTMLElement.prototype, name, original);
      });
    }
    try {
      const host = await render(
        <ScrollBox label="Verlauf">
          <p>breit</p>
        </ScrollBox>,
      );
      const box = host.querySelector(".scroll-box") as HTMLElement;
      expect(box.getAttribute("role")).toBe("region");
      expect(box.getAttribute("aria-label")).toBe("Verlauf");
      expect(box.getAttribute("tabindex")).toBe("0");
    } finally {
      for (const undo of restore) undo();
    }
  });
});
