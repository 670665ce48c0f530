// @vitest-environment happy-dom
/**
 * Chapters hydrated when they come near (issue 17), rendered with React in happy-dom as the server sends them and
 * as the browser hydrates them: a gated chapter stays the server's HTML until someone acts in it, the first click
 * in it already works, and new content from the server (a refresh after a save) hydrates it instead of throwing
 * its HTML away. e2e/hydrate-near.spec.ts drives the same in Chromium, with scrolling.
 */
import { act, Suspense, useEffect, useState } from "react";
import { hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

type Gates = typeof import("./hydration-gate");

/** A chapter with a counter: its effect marks it live, its button counts. */
function Chapter({ id, title }: { id: string; title: string }) {
  const [count, setCount] = useState(0);
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);
  return (
    <section id={id} data-live={live ? "ja" : "nein"}>
      <h2>{title}</h2>
      <button type="button" onClick={() => setCount((c) => c + 1)}>
        Gezählt: {count}
      </button>
    </section>
  );
}

function page(gates: Gates, edition: number) {
  const { HydrationGate, HydrationGates } = gates;
  return (
    <HydrationGates ids={["kapitel-a", "kapitel-b"]}>
      {(["a", "b"] as const).map((key) => (
        <Suspense key={key}>
          <HydrationGate id={`kapitel-${key}`}>
            <Chapter id={`kapitel-${key}`} title={`Kapitel ${key.toUpperCase()} (Stand ${edition})`} />
          </HydrationGate>
        </Suspense>
      ))}
    </HydrationGates>
  );
}

/** The server's HTML (from its own module instance, where nothing holds), then hydrated by a fresh page's module. */
async function load() {
  vi.resetModules();
  const server = await import("./hydration-gate");
  // (happy-dom has a window, so the server's render opens its gates itself; Node's has none and never holds)
  for (const id of ["kapitel-a", "kapitel-b"]) server.openGate(id);
  const html = renderToString(page(server, 1));
  vi.resetModules();
  const browser = await import("./hydration-gate");
  const container = document.createElement("div");
  container.innerHTML = html;
  document.body.append(container);
  const errors: unknown[] = [];
  await act(async () => {
    root = hydrateRoot(container, page(browser, 1), { onRecoverableError: (e) => void errors.push(e) });
  });
  return { container, browser, errors };
}

const section = (c: HTMLElement, key: string) => c.querySelector<HTMLElement>(`#kapitel-${key}`)!;
const button = (c: HTMLElement, key: string) => section(c, key).querySelector("button")!;

describe("HydrationGate", () => {
  it("leaves a chapter as the server's HTML until it is opened, then hydrates it in place", async () => {
    const { container, browser, errors } = await load();
    const before = section(container, "a");
    expect(before.dataset.live).toBe("nein");
    expect(before.textContent).toContain("Kapitel A (Stand 1)");
    await act(async () => browser.openGate("kapitel-a"));
    expect(section(container, "a")).toBe(before);
    expect(before.dataset.live).toBe("ja");
    expect(section(container, "b").dataset.live).toBe("nein");
    expect(errors).toEqual([]);
  });

  it("counts the first click in a chapter not hydrated yet", async () => {
    const { container, errors } = await load();
    await act(async () => button(container, "b").click());
    expect(button(container, "b").textContent).toBe("Gezählt: 1");
    expect(section(container, "b").dataset.live).toBe("ja");
    expect(section(container, "a").dataset.live).toBe("nein");
    expect(errors).toEqual([]);
  });

  it("hydrates the waiting chapters when new content comes from the server, keeping their HTML", async () => {
    const { container, browser, errors } = await load();
    const before = section(container, "b");
    await act(async () => root!.render(page(browser, 2)));
    expect(section(container, "b")).toBe(before);
    expect(before.textContent).toContain("Kapitel B (Stand 2)");
    expect(before.dataset.live).toBe("ja");
    expect(errors).toEqual([]);
  });
});
