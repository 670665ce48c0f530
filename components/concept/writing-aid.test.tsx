// @vitest-environment happy-dom
/**
 * The Schreibhilfe disclosure and the outline's live state, rendered with React in
 * happy-dom. e2e/writing-aids.spec.ts drives the same in Chromium, with the keyboard.
 */
import { NextIntlClientProvider } from "next-intl";
import { act, Profiler, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { OutlineEntry } from "@/lib/concepts/outline";
import { chapterAidKey } from "@/lib/template/writing-aids";
import de from "@/messages/de.json";
import { forgetFilled, reportFilled } from "@/components/editor/filled-store";
import { OutlineState } from "./outline-state";
import { HeadingWithAid } from "./writing-aid";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  document.body.innerHTML = "";
});

async function mount(node: ReactNode) {
  const host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root!.render(
      <NextIntlClientProvider locale="de" messages={de}>
        {node}
      </NextIntlClientProvider>,
    );
  });
  return host;
}

describe("HeadingWithAid", () => {
  it("opens the aid below the heading on demand and says so with aria-expanded", async () => {
    const host = await mount(<HeadingWithAid heading={<h2>1. Anlass und Auftrag</h2>} aidKey={chapterAidKey("mandate")} place="Anlass und Auftrag" />);
    const button = host.querySelector("button")!;
    expect(button.getAttribute("aria-label")).toBe("Schreibhilfe: Anlass und Auftrag");
    expect(button.textContent).toBe("Schreibhilfe");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    const panel = host.querySelector(`#${CSS.escape(button.getAttribute("aria-controls")!)}`) as HTMLElement;
    expect(panel.hidden).toBe(true);
    // Closed, the texts are not on the page at all (the page has one aid per part).
    expect(panel.textContent).toBe("");
    await act(async () => button.click());
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(panel.hidden).toBe(false);
    // The texts load with their own script when first wanted.
    await vi.waitFor(async () => {
      await act(async () => {});
      expect(panel.textContent).toContain("Leitfragen");
    });
    expect(panel.getAttribute("aria-busy")).toBe("false");
    expect(panel.textContent).toContain("Welcher Ratsbeschluss");
    await act(async () => button.click());
    expect(panel.hidden).toBe(true);
  });

  it("shows only the heading when there is no aid (a part a newer template adds)", async () => {
    const host = await mount(<HeadingWithAid heading={<h4>Einführung</h4>} aidKey={null} place="Einführung" />);
    expect(host.querySelector("button")).toBeNull();
    expect(host.querySelector("h4")!.textContent).toBe("Einführung");
  });
});

describe("OutlineState", () => {
  const entry = (done: boolean): OutlineEntry => ({
    key: "mandate",
    title: "Anlass und Auftrag",
    number: "1",
    anchor: "kapitel-mandate",
    state: done ? "done" : "empty",
    parts: [{ key: "text", sectionId: "live-1", state: done ? "done" : "empty", done: done ? { by: "Miriam Keller", at: "2026-12-03T10:00:00.000Z" } : null }],
  });

  it("follows what the open editor reports: leer → begonnen → leer", async () => {
    const host = await mount(<OutlineState entry={entry(false)} />);
    expect(host.textContent).toBe("Stand: leer");
    await act(async () => reportFilled("live-1", true));
    expect(host.textContent).toBe("Stand: begonnen");
    await act(async () => reportFilled("live-1", false));
    expect(host.textContent).toBe("Stand: leer");
    await act(async () => reportFilled("live-1", true));
    await act(async () => forgetFilled("live-1"));
    expect(host.textContent).toBe("Stand: leer");
  });

  it("renders an entry again only when its own state changes, not for every part opened elsewhere", async () => {
    // An editor opening while the page scrolls reports its part: forty entries rendering for it made that task long (issue 17).
    let renders = 0;
    const host = await mount(
      <Profiler id="entry" onRender={() => renders++}>
        <OutlineState entry={entry(false)} />
      </Profiler>,
    );
    const first = renders;
    await act(async () => reportFilled("elsewhere-1", true));
    await act(async () => reportFilled("elsewhere-2", false));
    await act(async () => forgetFilled("elsewhere-1"));
    expect(renders).toBe(first);
    await act(async () => reportFilled("live-1", true));
    expect(host.textContent).toBe("Stand: begonnen");
    expect(renders).toBe(first + 1);
    await act(async () => forgetFilled("live-1"));
    await act(async () => forgetFilled("elsewhere-2"));
  });

  it("keeps a part marked fertig fertig while its text changes", async () => {
    const host = await mount(<OutlineState entry={entry(true)} />);
    await act(async () => reportFilled("live-1", false));
    expect(host.textContent).toBe("Stand: fertig");
    await act(async () => forgetFilled("live-1"));
  });
});
