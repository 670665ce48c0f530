// @vitest-environment happy-dom
/**
 * What the concept page leaves out of its first load (issue 17), rendered with React in happy-dom as the server
 * sends it and as the browser hydrates it: a closed disclosure's form comes when it is first opened (also when
 * opened before the page was interactive), a Teilziel's or a reply's text shows in a box until the text area replaces it.
 */
import { act } from "react";
import { createRoot, hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LazyDetails } from "./lazy-details";

/** The text area's module as a fresh page load has it: nothing idle yet. */
async function freshTextArea() {
  vi.resetModules();
  return (await import("./growing-textarea")).GrowingTextArea;
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

/** The server's HTML in the page, then hydrated: what a page load does. */
async function load(ui: React.ReactElement, beforeHydration?: (container: HTMLElement) => void) {
  const container = document.createElement("div");
  container.innerHTML = renderToString(ui);
  document.body.append(container);
  beforeHydration?.(container);
  await act(async () => {
    root = hydrateRoot(container, ui);
  });
  return container;
}

const wait = (ms: number) => act(async () => new Promise((resolve) => setTimeout(resolve, ms)));

const form = (
  <form>
    <label htmlFor="reason">Begründung</label>
    <input id="reason" name="reason" />
  </form>
);

describe("LazyDetails", () => {
  it("sends no form while closed, shows it once opened, and keeps it (and what was typed) when closed again", async () => {
    const ui = (
      <LazyDetails className="check-ack-details" summary={<summary>Bewusst so …</summary>}>
        {form}
      </LazyDetails>
    );
    expect(renderToString(ui)).not.toContain("<input");
    const container = await load(ui);
    const details = container.querySelector("details")!;
    expect(details.querySelector("input")).toBeNull();
    await act(async () => {
      details.open = true;
      details.dispatchEvent(new Event("toggle"));
    });
    const input = details.querySelector<HTMLInputElement>("input#reason");
    expect(input).not.toBeNull();
    input!.value = "Folgt 2028.";
    await act(async () => {
      details.open = false;
      details.dispatchEvent(new Event("toggle"));
    });
    expect(details.querySelector<HTMLInputElement>("input#reason")?.value).toBe("Folgt 2028.");
  });

  it("shows the form when the disclosure was opened before the page was interactive", async () => {
    const ui = (
      <LazyDetails className="assign-details" summary={<summary>Zuständigkeit festlegen</summary>}>
        {form}
      </LazyDetails>
    );
    const container = await load(ui, (c) => (c.querySelector("details")!.open = true));
    expect(container.querySelector("input#reason")).not.toBeNull();
  });
});

describe("GrowingTextArea", () => {
  it("comes from the server as a box with the text, and is a text area with that text once the page is idle", async () => {
    const GrowingTextArea = await freshTextArea();
    const ui = <GrowingTextArea id="ziel" value="Wartezeiten unter drei Monaten." onChange={() => {}} />;
    const html = renderToString(ui);
    expect(html).not.toContain("<textarea");
    expect(html).toContain("Wartezeiten unter drei Monaten.");
    const container = await load(ui);
    expect(container.querySelector(".textarea-pending")?.textContent).toBe("Wartezeiten unter drei Monaten.");
    await wait(300);
    const area = container.querySelector<HTMLTextAreaElement>("textarea#ziel");
    expect(area?.value).toBe("Wartezeiten unter drei Monaten.");
    expect(container.querySelector(".textarea-pending")).toBeNull();
  });

  it("is a text area at once when it appears after the page has loaded (a Teilziel just added)", async () => {
    const GrowingTextArea = await freshTextArea();
    await load(<GrowingTextArea id="ziel" value="Erstes Teilziel." onChange={() => {}} />);
    await wait(300);
    const container = document.createElement("div");
    document.body.append(container);
    const later = createRoot(container);
    await act(async () => later.render(<GrowingTextArea id="neu" value="" onChange={() => {}} />));
    expect(container.querySelector("textarea#neu")).not.toBeNull();
    await act(async () => later.unmount());
  });

  it("a click on the box before the page is idle brings the text area at once, with the caret in it", async () => {
    const GrowingTextArea = await freshTextArea();
    const container = await load(<GrowingTextArea id="ziel" value="Wartezeiten unter drei Monaten." onChange={() => {}} />);
    const box = container.querySelector<HTMLElement>(".textarea-pending")!;
    await act(async () => box.click());
    const area = container.querySelector<HTMLTextAreaElement>("textarea#ziel");
    expect(area?.value).toBe("Wartezeiten unter drei Monaten.");
    expect(document.activeElement).toBe(area);
  });
});

describe("MentionInput (a reply field)", () => {
  it("comes from the server as a box of the field's rows with its text; a click brings the field, with the caret in it", async () => {
    vi.resetModules();
    const [{ MentionInput }, { NextIntlClientProvider }, { default: de }] = await Promise.all([
      import("@/components/review/mention-input"),
      import("next-intl"),
      import("@/messages/de.json"),
    ]);
    const ui = (
      <NextIntlClientProvider locale="de" messages={de}>
        <MentionInput id="antwort" rows={2} value="Danke, erledigt." onValueChange={() => {}} members={[]} />
      </NextIntlClientProvider>
    );
    const html = renderToString(ui);
    expect(html).not.toContain("<textarea");
    const container = await load(ui);
    const box = container.querySelector<HTMLElement>(".mention-pending")!;
    expect(box.textContent).toBe("Danke, erledigt.");
    expect(box.style.getPropertyValue("--rows")).toBe("2");
    expect(box.getAttribute("aria-hidden")).toBe("true");
    await act(async () => box.click());
    const area = container.querySelector<HTMLTextAreaElement>("textarea#antwort");
    expect(area?.value).toBe("Danke, erledigt.");
    expect(document.activeElement).toBe(area);
  });
});
