// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as live from "./live-code";
import { dropWarmPart, isWarmPart, takeWarmPart, warmPart } from "./warm-part";

// A socket that never connects: what is tested here is which part is warmed and how it is handed over.
const socket = () => new live.HocuspocusProviderWebsocket({ url: "ws://127.0.0.1:9/realtime", autoConnect: false });

// The real provider, each one kept, to act on the one warmed.
const made: live.HocuspocusProvider[] = [];
class Recorded extends live.HocuspocusProvider {
  constructor(...args: ConstructorParameters<typeof live.HocuspocusProvider>) {
    super(...args);
    made.push(this);
  }
}
const recording = { ...live, HocuspocusProvider: Recorded } as typeof live;

function page(...ids: string[]) {
  document.body.innerHTML = ids.map((id) => `<div class="section-editor" data-section="${id}"><div class="rich-static"><p>Text ${id}</p></div></div>`).join("");
}

describe("the part warmed while the page loads", () => {
  beforeEach(() => {
    location.hash = "";
  });
  afterEach(() => {
    dropWarmPart();
    vi.useRealTimers();
  });

  it("is the page's first part, handed over once with its document and connection", () => {
    page("a", "b");
    warmPart(live, socket());
    expect(isWarmPart("a")).toBe(true);
    expect(isWarmPart("b")).toBe(false);
    expect(takeWarmPart("b")).toBeNull();
    const warmed = takeWarmPart("a");
    expect(warmed?.provider.configuration.name).toBe("section:a");
    expect(warmed?.provider.document).toBe(warmed?.doc);
    // a second taker (the part opened again later) starts its own
    expect(takeWarmPart("a")).toBeNull();
    expect(isWarmPart("a")).toBe(false);
    warmed!.provider.destroy();
  });

  it("is the part the address names, when there is one", () => {
    page("a", "b");
    location.hash = "#teil-b";
    warmPart(live, socket());
    expect(isWarmPart("b")).toBe(true);
    expect(takeWarmPart("b")?.provider.configuration.name).toBe("section:b");
  });

  it("falls back to the first part when the named one is not on the page", () => {
    page("a", "b");
    location.hash = "#teil-x";
    warmPart(live, socket());
    expect(isWarmPart("a")).toBe(true);
  });

  it("is looked for again while the page is still arriving, and not at all once it is read without parts", () => {
    vi.useFakeTimers();
    page();
    const state = vi.spyOn(document, "readyState", "get").mockReturnValue("loading");
    warmPart(live, socket());
    expect(isWarmPart("a")).toBe(false);
    page("a");
    vi.advanceTimersByTime(60);
    expect(isWarmPart("a")).toBe(true);
    dropWarmPart();
    state.mockReturnValue("complete");
    page();
    warmPart(live, socket());
    page("a");
    vi.advanceTimersByTime(1000);
    expect(isWarmPart("a")).toBe(false);
  });

  it("waits for the named part while the page is still arriving, instead of taking the first part already there", () => {
    vi.useFakeTimers();
    const state = vi.spyOn(document, "readyState", "get").mockReturnValue("loading");
    // the first chapter has arrived, the chapter with the named part is still streaming in
    page("a");
    location.hash = "#teil-c";
    warmPart(live, socket());
    expect(isWarmPart("a")).toBe(false);
    page("a", "b", "c");
    vi.advanceTimersByTime(60);
    expect(isWarmPart("c")).toBe(true);
    expect(isWarmPart("a")).toBe(false);
    state.mockRestore();
  });

  it("is not handed over once the server refused it or its connection closed", () => {
    page("a");
    warmPart(recording, socket());
    const provider = made.at(-1)!;
    expect(provider.configuration.name).toBe("section:a");
    // (as the provider reports a refusal from the server)
    (provider as unknown as { emit(event: string, data: unknown): void }).emit("authenticationFailed", { reason: "Keine Berechtigung" });
    const destroyed = vi.spyOn(provider, "destroy");
    expect(takeWarmPart("a")).toBeNull();
    expect(destroyed).toHaveBeenCalled();
  });

  it("is let go when no part takes it within 15 seconds", () => {
    vi.useFakeTimers();
    page("a");
    warmPart(live, socket());
    vi.advanceTimersByTime(14_000);
    expect(isWarmPart("a")).toBe(true);
    vi.advanceTimersByTime(2_000);
    expect(isWarmPart("a")).toBe(false);
    expect(takeWarmPart("a")).toBeNull();
  });
});
